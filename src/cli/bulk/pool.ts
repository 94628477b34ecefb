/**
 * Runs tasks on `jobs` worker threads (a small input in this thread) and
 * hands back their outputs in the order the tasks were given, whatever order
 * they finish in: `run` returns a promise per task, and the caller awaits
 * them first in, first out.
 *
 * Each worker builds its own engine from the compiled index once; tasks are
 * batches (hundreds of tickets), so the cost of passing messages is small
 * next to the triage itself.
 */
import { Worker } from 'node:worker_threads';
import { createEngine } from '../../triage/engine.ts';
import type { TriageIndex } from '../../triage/types.ts';
import { MemoryKeeper } from './memory.ts';
import { runTask, taskSize, type Task, type TaskContext, type TaskOutput } from './tasks.ts';

/**
 * A worker's heap. Left unbounded, V8 lets a busy heap grow for a long time
 * before it collects, and a 128 MB export peaked at several hundred MB
 * although little of it was live; bounded, it collects sooner. Room enough
 * for a ticket at the engine's input limit (6 million characters).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

interface Pending {
  task: Task;
  resolve: (output: TaskOutput) => void;
  reject: (error: Error) => void;
}

export class TaskPool {
  readonly jobs: number;
  private inline?: TaskContext;
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly started: Promise<unknown>[] = [];
  private broken: Error | undefined;

  private readonly index: TriageIndex;
  private readonly base: URL | undefined;

  constructor(index: TriageIndex, base: URL | undefined, jobs: number) {
    this.index = index;
    this.base = base;
    this.jobs = Math.max(1, jobs);
  }

  /** The engine of this thread, built on first use. */
  private get here(): TaskContext {
    this.inline ??= { engine: createEngine(this.index), base: this.base };
    return this.inline;
  }

  /**
   * Starts one more worker thread. Threads start when a task needs one, up to
   * `jobs`: a single paste never pays for them, and a run of one batch starts one.
   */
  private spawn(): void {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { index: this.index, base: this.base?.href },
      resourceLimits: WORKER_HEAP,
    });
    // A thread ended before Node has finished starting it can make V8 print its
    // start-up script on standard output, into the results ("Exception thrown
    // during bootstrapping … Error installing extension 'v8/gc'": 7 of 240 one-ticket
    // runs under load, when both threads started and the idle one was closed at
    // once). close() ends each thread only once it runs (or has gone).
    this.started.push(
      new Promise((resolve) => {
        worker.once('online', resolve);
        worker.once('exit', resolve);
      }),
    );
    worker.on('message', (message: { output?: TaskOutput; error?: string }) => this.settle(worker, message));
    worker.on('error', (error) => this.fail(worker, error));
    worker.unref();
    this.workers.push(worker);
    this.idle.push(worker);
  }

  /** How many tasks to keep in flight for the workers to stay busy. */
  get depth(): number {
    return this.jobs * 2;
  }

  run(task: Task): Promise<TaskOutput> {
    // An input small enough to be triaged whole: in this thread (starting a worker would cost more).
    // Everything else runs on workers, even with one job, so their bounded heaps hold the churn.
    if ((task.kind === 'triage-window' || task.kind === 'gaps-window') && task.window.whole) {
      try {
        return Promise.resolve(runTask(this.here, task));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.idle.length === 0) {
        if (this.workers.length >= this.jobs) return;
        this.spawn();
      }
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.ref();
      worker.postMessage({ id: 0, task: pending.task });
    }
  }

  private settle(worker: Worker, message: { output?: TaskOutput; error?: string }): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if (message.error !== undefined) pending.reject(new Error(`worker thread failed: ${message.error}`));
      else pending.resolve(message.output!);
    }
    this.dispatch();
  }

  /** A worker that dies is a bug in kb: every task still to do fails with its error (exit 1), none waits forever. */
  private fail(worker: Worker, error: Error): void {
    this.broken = error;
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  /** Ends the worker threads, each once it has started. */
  async close(): Promise<void> {
    await Promise.all(this.started);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Feeds `tasks` to the pool, keeping `pool.depth` in flight (so reading never
 * runs far ahead: constant memory), and calls `consume` with each output in
 * task order.
 */
export async function runInOrder(pool: TaskPool, tasks: AsyncIterable<Task>, consume: (output: TaskOutput) => Promise<void> | void): Promise<void> {
  const inFlight: Promise<TaskOutput>[] = [];
  const memory = new MemoryKeeper();
  for await (const task of tasks) {
    memory.handle(taskSize(task));
    const output = pool.run(task);
    output.catch(() => {}); // a failure is raised when its turn comes, not as an unhandled rejection
    inFlight.push(output);
    if (inFlight.length >= pool.depth) await consume(await inFlight.shift()!);
  }
  while (inFlight.length > 0) await consume(await inFlight.shift()!);
}
