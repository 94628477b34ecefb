/** A rule the evidence of one record points to, before arbitration turns it into a Match. */
import type { Contradiction, MessageScore } from '../match/lexical.ts';
import type { Confidence, Evidence } from '../types.ts';

export interface TemplateEvidence {
  score: MessageScore;
  /** The template as written, for the reason. */
  template: string;
  /** Confidence from the calibration table alone. */
  confidence: Confidence;
  /** Strength for comparing rules (see lexicalStrength). */
  strength: number;
  /** Misspelt words the match relied on: what the paste said → what it was read as. */
  corrections: Array<{ said: string; readAs: string }>;
  contradiction?: Contradiction;
  /** The paste's significant words the match explains (token indexes, ascending). */
  explained: number[];
}

export interface Candidate {
  rule: number;
  /** One of the rule's own (not shared) codes is in the record. */
  code?: string;
  /** A code the rule shares with other rules is in the record: evidence only with the message. */
  sharedCode?: string;
  /** The rule's best message-template match in the record. */
  template?: TemplateEvidence;
  confidence: Confidence;
  score: number;
  evidence: Evidence[];
  /** Why it matched; arbitration steps add why it was raised or lowered. */
  reason: string;
}

/** Found by a code that names it alone (or a shared code its message confirmed): outranks templates. */
export function identifiedByCode(candidate: Candidate): boolean {
  return candidate.code !== undefined || (candidate.sharedCode !== undefined && candidate.confidence === 'high');
}
