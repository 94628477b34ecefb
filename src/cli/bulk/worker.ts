/** A worker thread of the pool (./pool.ts): builds the engine once, then runs the tasks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../../triage/engine.ts';
import type { TriageIndex } from '../../triage/types.ts';
import { MemoryKeeper } from './memory.ts';
import { runTask, taskSize, type Task, type TaskContext } from './tasks.ts';

const { index, base } = workerData as { index: TriageIndex; base?: string };
const context: TaskContext = { engine: createEngine(index), base: base ? new URL(base) : undefined };
const memory = new MemoryKeeper();

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    parentPort!.postMessage({ id, output: runTask(context, task) });
    memory.handle(taskSize(task));
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
