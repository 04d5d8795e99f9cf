import { BatchWriter } from './batch-writer';

describe('BatchWriter', () => {
  it('writes in batches of maxRows, in order, and the rest on flush', async () => {
    const batches: number[][] = [];
    const writer = new BatchWriter<number>('test', async (rows) => void batches.push(rows), 60_000, 3);
    for (let i = 1; i <= 7; i++) writer.add(i);
    await writer.flush();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('keeps rows of a failed batch for the next flush, without throwing', async () => {
    let fail = true;
    const written: number[] = [];
    const writer = new BatchWriter<number>(
      'test',
      async (rows) => {
        if (fail) throw new Error('database down');
        written.push(...rows);
      },
      60_000,
      10,
    );
    writer.add(1);
    writer.add(2);
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(writer.pendingRows).toBe(2);
    fail = false;
    writer.add(3);
    await writer.stop();
    expect(written).toEqual([1, 2, 3]);
  });

  it('tries a failed batch again at shutdown, since there is no next flush', async () => {
    let failuresLeft = 2;
    const written: number[] = [];
    const writer = new BatchWriter<number>(
      'test',
      async (rows) => {
        if (failuresLeft-- > 0) throw new Error('Connection terminated');
        written.push(...rows);
      },
      60_000,
      10,
    );
    writer.add(1);
    writer.add(2);
    await writer.stop([1, 1, 1]);
    expect(written).toEqual([1, 2]);
    expect(writer.pendingRows).toBe(0);
  });

  it('at shutdown waits for a batch the timer is writing, and writes it again if it fails', async () => {
    let release!: (ok: boolean) => void;
    const written: number[] = [];
    let calls = 0;
    const writer = new BatchWriter<number>(
      'test',
      async (rows) => {
        calls++;
        if (calls === 1) {
          const ok = await new Promise<boolean>((resolve) => (release = resolve));
          if (!ok) throw new Error('Connection terminated');
        }
        written.push(...rows);
      },
      60_000,
      10,
    );
    writer.add(1);
    writer.add(2);
    const timerFlush = writer.flush();
    let stopped = false;
    const stopping = writer.stop([1]).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stopped).toBe(false);
    release(false);
    await Promise.all([timerFlush, stopping]);
    expect(written).toEqual([1, 2]);
  });

  it('gives up at shutdown after its retries, keeping the rows counted as pending', async () => {
    const writer = new BatchWriter<number>('test', () => Promise.reject(new Error('database down')), 60_000, 10);
    writer.add(1);
    await writer.stop([1, 1]);
    expect(writer.pendingRows).toBe(1);
  });

  it('drops the oldest rows beyond its bound and counts them', () => {
    const writer = new BatchWriter<number>('test', () => new Promise(() => undefined), 60_000, 1000, 5);
    for (let i = 0; i < 8; i++) writer.add(i);
    expect(writer.pendingRows).toBe(5);
    expect(writer.dropped).toBe(3);
  });

  it('answers a durable row only once its batch is committed, without waiting for the timer', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new BatchWriter<number>(
      'test',
      (rows) =>
        new Promise<void>((resolve) => {
          batches.push(rows);
          release = resolve;
        }),
      60_000,
      100,
    );
    let committed = false;
    const first = writer.addDurable(1).then(() => (committed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    expect(committed).toBe(false);
    // Rows that arrive while a batch is being written go together in the next one (group commit).
    const later = [writer.addDurable(2), writer.addDurable(3)];
    release();
    await first;
    expect(committed).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1], [2, 3]]);
    release();
    await Promise.all(later);
  });

  it('rejects the durable rows of a failed batch and keeps only the others for a retry', async () => {
    let fail = true;
    const written: number[] = [];
    const writer = new BatchWriter<number>(
      'test',
      async (rows) => {
        if (fail) throw new Error('database down');
        written.push(...rows);
      },
      60_000,
      10,
    );
    writer.add(1);
    await expect(writer.addDurable(2)).rejects.toThrow('database down');
    expect(writer.pendingRows).toBe(1);
    fail = false;
    await writer.addDurable(3);
    expect(written).toEqual([1, 3]);
  });
});
