/** Messages between the page and the triage worker. */
import type { TriageResult } from '../../../triage/types.ts';

export interface TriageRequest {
  id: number;
  text: string;
}

export type TriageResponse = { id: number; ok: true; result: TriageResult; millis: number } | { id: number; ok: false; error: string; tooLarge: boolean };
