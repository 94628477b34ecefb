/**
 * Runs the triage engine off the main thread, so a multi-megabyte paste never
 * freezes the page. The index is fetched once from the site itself; the
 * pasted text never leaves this worker except as the result sent back.
 */
import { createEngine, InputTooLargeError, type TriageEngine } from '../../../triage/engine.ts';
import { loadTriageIndex } from '../../../lib/triage-index.ts';
import type { TriageRequest, TriageResponse } from './protocol.ts';

let engine: Promise<TriageEngine> | null = null;

function loadEngine(): Promise<TriageEngine> {
  engine ??= loadTriageIndex(self.location.origin).then(createEngine);
  return engine;
}

self.addEventListener('message', async (event: MessageEvent<TriageRequest>) => {
  const { id, text } = event.data;
  let response: TriageResponse;
  try {
    const ready = await loadEngine();
    const started = performance.now();
    const result = ready.triage(text);
    response = { id, ok: true, result, millis: performance.now() - started };
  } catch (error) {
    engine = error instanceof InputTooLargeError ? engine : null; // retry a failed index load next time
    response = { id, ok: false, error: (error as Error).message, tooLarge: error instanceof InputTooLargeError };
  }
  self.postMessage(response);
});
