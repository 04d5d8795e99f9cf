import { parseSeedArgs, SeedUsageError } from './seed-options';

describe('parseSeedArgs', () => {
  it('takes the key and URL from the flags, else from APRON_KEY and APRON_URL, else localhost:3000', () => {
    expect(parseSeedArgs(['--key', 'k1', '--url=http://127.0.0.1:8080/'], {})).toMatchObject({
      key: 'k1',
      url: 'http://127.0.0.1:8080',
    });
    expect(parseSeedArgs([], { APRON_KEY: 'k2', APRON_URL: 'http://[::1]:3001' })).toMatchObject({
      key: 'k2',
      url: 'http://[::1]:3001',
    });
    expect(parseSeedArgs([], { APRON_KEY: 'k3' }).url).toBe('http://localhost:3000');
  });

  it.each([
    [[], /An API key is needed/],
    [['--key'], /--key needs a value/],
    [['--key', 'k', '--port', '1'], /Unknown option --port/],
    [['--help'], /Usage: npm run seed/],
  ])('%j stops with a usage message', (argv, message) => {
    expect(() => parseSeedArgs(argv, {})).toThrow(SeedUsageError);
    expect(() => parseSeedArgs(argv, {})).toThrow(message);
  });
});
