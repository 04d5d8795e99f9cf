import { BackoffPolicy, FailureBackoff } from './failure-backoff';

const policy = (overrides: Partial<BackoffPolicy> = {}): BackoffPolicy => ({
  maxFailures: 3,
  baseMs: 1000,
  maxMs: 8000,
  forgetAfterMs: 60_000,
  maxKeys: 100,
  ...overrides,
});

describe('FailureBackoff', () => {
  it('blocks from the third failure on, for doubling times up to the maximum', () => {
    const backoff = new FailureBackoff(policy());
    const blocks = [1, 2, 3, 4, 5, 6, 7, 8].map(() => backoff.failed('CP-1', 0));
    expect(blocks).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoff.blockedForMs('CP-1', 0)).toBe(8000);
    expect(backoff.blockedForMs('CP-2', 0)).toBe(0);
  });

  it('a block ends by itself when its time has passed', () => {
    const backoff = new FailureBackoff(policy());
    for (let i = 0; i < 3; i += 1) backoff.failed('CP-1', 10_000);
    expect(backoff.blockedForMs('CP-1', 10_500)).toBe(500);
    expect(backoff.blockedForMs('CP-1', 11_000)).toBe(0);
    // The next failure after the block continues the doubling.
    expect(backoff.failed('CP-1', 11_000)).toBe(2000);
  });

  it('a success starts the key over; so does a long quiet period', () => {
    const backoff = new FailureBackoff(policy());
    for (let i = 0; i < 4; i += 1) backoff.failed('CP-1', 0);
    backoff.succeeded('CP-1');
    expect(backoff.blockedForMs('CP-1', 0)).toBe(0);
    expect(backoff.failed('CP-1', 0)).toBe(0);
    for (let i = 0; i < 4; i += 1) backoff.failed('CP-2', 0);
    expect(backoff.failed('CP-2', 60_001 + 8000)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the least recently failed', () => {
    const backoff = new FailureBackoff(policy({ maxKeys: 3 }));
    for (const key of ['a', 'b', 'c']) backoff.failed(key, 0);
    backoff.failed('a', 1);
    backoff.failed('d', 2);
    expect(backoff.size).toBe(3);
    for (let i = 0; i < 2; i += 1) backoff.failed('a', 3);
    // 'b' was dropped, 'a' kept (it failed most recently before 'd' came).
    expect(backoff.blockedForMs('a', 3)).toBeGreaterThan(0);
    for (let i = 0; i < 100_000; i += 1) backoff.failed(`made-up-${i}`, 4);
    expect(backoff.size).toBe(3);
  });
});
