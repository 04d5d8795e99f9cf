import { environmentWarnings } from './validate-environment';
import { closestName } from './unknown-variables';

describe('warnings for unknown APRON_* variables', () => {
  it('says nothing about the variables the service or its tools read, set or not', () => {
    const warnings = environmentWarnings({
      APRON_TICK_SECONDS: '30',
      APRON_ADMIN_TOKEN: 'a-long-enough-bootstrap-token',
      APRON_OCPP_HEARTBEAT_SECONDS: '60',
      APRON_TLS_PORT: '3443',
      APRON_FLEET_TASK_POLL_MS: '0',
      APRON_PLAN_RETENTION_DAYS: '3',
      APRON_URL: 'http://localhost:3000',
      APRON_CHROMIUM_PATH: '/usr/bin/chromium',
      PORT: '3000',
    });
    expect(warnings).toEqual([]);
  });

  it('names a misspelt variable once, with the known name it is closest to', () => {
    const warnings = environmentWarnings({ APRON_TICK_SECOND: '30', APRON_ADMIN_TOKN: 'a-long-enough-token-0123' });
    expect(warnings).toEqual([
      'Unknown variable APRON_ADMIN_TOKN is ignored; did you mean APRON_ADMIN_TOKEN?',
      'Unknown variable APRON_TICK_SECOND is ignored; did you mean APRON_TICK_SECONDS?',
    ]);
  });

  it('suggests nothing when no known name is near, and leaves other prefixes alone', () => {
    expect(environmentWarnings({ APRON_COLOUR_SCHEME: 'dark', APRONX: '1', HOME: '/root' })).toEqual([
      'Unknown variable APRON_COLOUR_SCHEME is ignored; see the README for the settings',
    ]);
  });

  it('takes the nearest of several close names', () => {
    expect(closestName('APRON_TLS_PORTS', ['APRON_TLS_PORT', 'APRON_TLS_CERT'])).toBe('APRON_TLS_PORT');
    expect(closestName('APRON_SCHEDULE', ['APRON_SCHEDULER', 'APRON_DATA_DIR'])).toBe('APRON_SCHEDULER');
    expect(closestName('APRON_SOMETHING_ELSE', ['APRON_SCHEDULER'])).toBeUndefined();
  });
});
