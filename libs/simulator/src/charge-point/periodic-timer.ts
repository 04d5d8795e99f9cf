import { Clock, TimerHandle } from './clock';

/** A repeating timer on the injectable clock whose interval is read at every tick (it may be reconfigured). */
export class PeriodicTimer {
  private handle?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly intervalSeconds: () => number,
    private readonly tick: () => void,
  ) {}

  /** (Re)starts the timer; an interval of 0 disables it. */
  start(): void {
    this.stop();
    const seconds = this.intervalSeconds();
    if (seconds <= 0) return;
    this.handle = this.clock.setTimeout(() => {
      this.start();
      this.tick();
    }, seconds * 1000);
  }

  stop(): void {
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
