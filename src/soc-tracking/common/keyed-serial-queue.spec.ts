import { KeyedSerialQueue } from './keyed-serial-queue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedSerialQueue', () => {
  it('runs the jobs of one key in order, one at a time', async () => {
    const queue = new KeyedSerialQueue(() => undefined);
    const order: string[] = [];
    queue.push('a', async () => {
      await tick(20);
      order.push('a1');
    });
    queue.push('a', async () => {
      order.push('a2');
    });
    await queue.idle();
    expect(order).toEqual(['a1', 'a2']);
  });

  it('runs different keys in parallel', async () => {
    const queue = new KeyedSerialQueue(() => undefined);
    const order: string[] = [];
    queue.push('slow', async () => {
      await tick(30);
      order.push('slow');
    });
    queue.push('fast', async () => {
      order.push('fast');
    });
    await queue.idle();
    expect(order).toEqual(['fast', 'slow']);
  });

  it('reports a failed job and keeps running the next ones', async () => {
    const errors: unknown[] = [];
    const queue = new KeyedSerialQueue((key, error) => errors.push([key, (error as Error).message]));
    queue.push('a', () => Promise.reject(new Error('boom')));
    const second = queue.run('a', async () => 42);
    await expect(second).resolves.toBe(42);
    await queue.idle();
    expect(errors).toEqual([['a', 'boom']]);
    expect(queue.pendingKeys).toBe(0);
  });
});
