/**
 * Time for the virtual charge point: now() and timers. RealClock uses the wall clock; ManualClock only moves when a
 * test advances it, so a simulated hour runs in milliseconds.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export class RealClock implements Clock {
  private nextId = 1;
  private readonly timers = new Map<number, NodeJS.Timeout>();

  now(): Date {
    return new Date();
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      callback();
    }, delayMs);
    timer.unref?.();
    this.timers.set(id, timer);
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    clearTimeout(this.timers.get(handle.id));
    this.timers.delete(handle.id);
  }
}

interface ManualTimer {
  id: number;
  dueMs: number;
  callback: () => void;
}

/** Lets pending promise callbacks and I/O callbacks run, so async work started by a timer can progress. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ManualClock implements Clock {
  private nowMs: number;
  private nextId = 1;
  private timers: ManualTimer[] = [];

  constructor(start: Date = new Date('2026-11-22T06:00:00Z')) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, dueMs: this.nowMs + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Number of timers waiting to fire. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Moves time forward by `ms`, firing due timers in order at their due time. Between timers it yields to the event
   * loop so that work a timer started (e.g. a websocket call) can run before time moves on.
   */
  async advance(ms: number): Promise<void> {
    const targetMs = this.nowMs + ms;
    for (;;) {
      const next = this.timers.reduce<ManualTimer | undefined>((a, t) => (!a || t.dueMs < a.dueMs ? t : a), undefined);
      if (!next || next.dueMs > targetMs) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.nowMs = Math.max(this.nowMs, next.dueMs);
      next.callback();
      await yieldToEventLoop();
    }
    this.nowMs = targetMs;
    await yieldToEventLoop();
  }
}
