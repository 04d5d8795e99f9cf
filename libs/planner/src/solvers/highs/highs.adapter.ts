import { Worker } from 'node:worker_threads';
import { LinearModel } from '../../model/linear-model';
import { SolveOutcome, SolveRequest, SolverAdapter } from '../solver-adapter';
import { HIGHS_WORKER_SOURCE } from './highs-worker.source';

/** Grace on top of HiGHS' own time limit before the worker is terminated (its solve cannot be interrupted). */
const WATCHDOG_GRACE_MS = 1500;
/** WASM load in a fresh worker can take seconds on a cold machine. */
const LOAD_TIMEOUT_MS = 30_000;

interface Pending {
  worker: Worker;
  resolve: (value: WorkerReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface WorkerReply {
  id: number;
  ok: boolean;
  error?: string;
  result?: { status: SolveOutcome['status']; code: number; values?: Float64Array; objective?: number; bound?: number };
}

export class SolverTimeoutError extends Error {}

/**
 * HiGHS (WASM) in a worker thread: the solve is synchronous, so it must not run on the service's event loop.
 * The worker survives between solves (WASM loaded, model and basis kept); a solve that overruns its time limit
 * by more than the grace gets the worker terminated, and the next call starts a new one.
 */
export class HighsAdapter implements SolverAdapter {
  readonly name = 'highs' as const;
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  async warmUp(): Promise<void> {
    await this.call({ kind: 'ping' }, LOAD_TIMEOUT_MS);
  }

  async load(model: LinearModel, tag = 'plan', warmBasis = false): Promise<void> {
    // Names only serve the warm basis (matched by name across ticks); cloning ~50k strings into the worker is not free.
    const named = warmBasis ? model : { ...model, colNames: [], rowNames: [] };
    await this.call({ kind: 'load', model: { ...named, tag, warmBasis } }, LOAD_TIMEOUT_MS);
  }

  async solve(request: SolveRequest): Promise<SolveOutcome> {
    try {
      const reply = await this.call({ kind: 'solve', request }, request.timeLimitSeconds * 1000 + WATCHDOG_GRACE_MS);
      const result = reply.result!;
      return {
        status: result.status,
        values: result.values,
        objective: result.objective,
        bound: result.bound,
        message: `highs model status ${result.code}`,
      };
    } catch (error) {
      const timeout = error instanceof SolverTimeoutError;
      return { status: timeout ? 'timeout' : 'error', message: (error as Error).message };
    }
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('highs adapter disposed'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(HIGHS_WORKER_SOURCE, { eval: true, workerData: { highsPath: require.resolve('highs') } });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (reply.ok) pending.resolve(reply);
      else pending.reject(new Error(`highs worker: ${reply.error}`));
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error, worker);
    };
    worker.on('error', (error) => lost(new Error(`highs worker crashed: ${error.message}`)));
    worker.on('exit', (code) => lost(new Error(`highs worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private call(message: Record<string, unknown>, timeoutMs: number): Promise<WorkerReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SolverTimeoutError(`highs exceeded its ${Math.round(timeoutMs)} ms budget; worker terminated`));
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      }, timeoutMs);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.postMessage({ ...message, id });
    });
  }

  private failAll(error: Error, worker?: Worker): void {
    for (const [id, pending] of this.pending) {
      if (worker && pending.worker !== worker) continue;
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
