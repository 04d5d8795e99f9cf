import { retryIdempotent } from './retry';

describe('retryIdempotent', () => {
  it('returns the first success', async () => {
    let calls = 0;
    const result = await retryIdempotent(
      async () => {
        calls++;
        if (calls < 3) throw new Error('portal "" does not exist');
        return 'ok';
      },
      3,
      1,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('throws the last error once the attempts are used up', async () => {
    let calls = 0;
    await expect(
      retryIdempotent(
        async () => {
          calls++;
          throw new Error(`failure ${calls}`);
        },
        2,
        1,
      ),
    ).rejects.toThrow('failure 2');
  });
});
