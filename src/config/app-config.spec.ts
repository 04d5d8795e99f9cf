import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      tickSeconds: 60,
      logLevel: 'info',
      planRetentionDays: 7,
      controlRetryMinutes: 15,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
    expect(config.solveTimeLimitSeconds).toBeUndefined();
  });

  it('reads every contract variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://apron@db:5432/apron',
      APRON_DATA_DIR: '/var/lib/apron',
      APRON_ADMIN_TOKEN: 'a-long-enough-bootstrap-token',
      APRON_TICK_SECONDS: '30',
      APRON_SOLVE_TIME_LIMIT_SECONDS: '0.05',
      LOG_LEVEL: 'DEBUG',
      APRON_PLAN_RETENTION_DAYS: '30',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://apron@db:5432/apron',
      dataDir: '/var/lib/apron',
      adminToken: 'a-long-enough-bootstrap-token',
      tickSeconds: 30,
      solveTimeLimitSeconds: 0.05,
      logLevel: 'debug',
      planRetentionDays: 30,
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['APRON_TICK_SECONDS', '0', /APRON_TICK_SECONDS must be between 1/],
    ['APRON_TICK_SECONDS', '1.5', /APRON_TICK_SECONDS must be a whole number/],
    ['APRON_SOLVE_TIME_LIMIT_SECONDS', '0', /APRON_SOLVE_TIME_LIMIT_SECONDS must be a number of seconds above 0/],
    ['APRON_SOLVE_TIME_LIMIT_SECONDS', 'soon', /APRON_SOLVE_TIME_LIMIT_SECONDS must be a number of seconds/],
    ['APRON_PLAN_RETENTION_DAYS', '0', /APRON_PLAN_RETENTION_DAYS must be between 1 and 3650, got 0/],
    ['APRON_PLAN_RETENTION_DAYS', 'a week', /APRON_PLAN_RETENTION_DAYS must be a whole number, got "a week"/],
    ['APRON_CONTROL_RETRY_MINUTES', '0', /APRON_CONTROL_RETRY_MINUTES must be between 1 and 1440, got 0/],
    ['APRON_CONTROL_RETRY_MINUTES', 'soon', /APRON_CONTROL_RETRY_MINUTES must be a whole number, got "soon"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of error, warn, info, debug, verbose/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must start with postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a URL/],
    ['APRON_ADMIN_TOKEN', 'short', /APRON_ADMIN_TOKEN must be at least 16 characters/],
  ])('rejects %s=%s with one line naming the variable', (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
