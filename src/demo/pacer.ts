/**
 * Keeps simulated time in step with real time at `speed` (simulated ms per real ms). The demo advances its clock in
 * small steps and waits here until real time has caught up; when the machine is slower than `speed`, simulated time
 * slows down instead of skipping ahead of the service. `speed` Infinity runs as fast as the machine allows.
 */
export class Pacer {
  private startRealMs = 0;

  constructor(
    readonly speed: number,
    private readonly realNowMs: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.startRealMs = this.realNowMs();
  }

  /** Waits until real time reaches the moment that `simulatedElapsedMs` maps to. */
  async keepPace(simulatedElapsedMs: number): Promise<void> {
    if (!Number.isFinite(this.speed)) return;
    const dueRealMs = this.startRealMs + simulatedElapsedMs / this.speed;
    const waitMs = dueRealMs - this.realNowMs();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  /** Simulated ms per real ms achieved so far. */
  achievedSpeed(simulatedElapsedMs: number): number {
    const realMs = this.realNowMs() - this.startRealMs;
    return realMs > 0 ? simulatedElapsedMs / realMs : 0;
  }
}
