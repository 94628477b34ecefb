/** Shapes shared by the engine, the index builder, the CLI and the page. */

/** What the engine needs to know of a rule entry (a subset of its frontmatter). */
export interface RuleInput {
  id: string;
  title: string;
  /** One sentence: what the error means for the customer (the reply text quotes it). */
  summary?: string;
  fix: string;
  resolution: string;
  categories: string[];
  messages: string[];
  /** Codes as Microsoft spells them (`AADSTS700082`, `TooManyRequests`). */
  codes: string[];
  /** Codes of `codes` used by Microsoft for several problems: evidence only together with the rule's message. */
  sharedCodes?: string[];
  /** Short action steps: what the customer does. */
  steps?: string[];
  /** A generic wrapper message that yields to any more specific match in the same record. */
  wrapper?: boolean;
  /** A failure any program meets: an answer only when the paste shows it comes from IPP (text/ipp-context.ts). */
  needsIppContext?: boolean;
}

/** A message template compiled to token keys: literal chunks between placeholders. */
export interface CompiledMessage {
  rule: number;
  /** The template as written, for explanations. */
  text: string;
  chunks: string[][];
  /** The sentence each chunk belongs to (0, 1, …): a message may say two things. */
  sentences: number[];
}

/** The static, cacheable index shipped to the browser and read by the CLI. */
export interface TriageIndex {
  version: 1;
  /** URL prefix of rule pages, e.g. `/errors/`. */
  errorsPath: string;
  rules: Array<Omit<RuleInput, 'messages' | 'sharedCodes' | 'steps' | 'summary'> & { url: string; summary: string; sharedCodes: string[]; steps: string[] }>;
  messages: CompiledMessage[];
}

export type Confidence = 'high' | 'medium' | 'low';

/** A stretch of the user's own text that supports a match. Offsets are into the whole input. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
  kind: 'code' | 'message' | 'fuzzy';
}

export interface Match {
  id: string;
  title: string;
  /** What the error means, in one sentence. */
  summary: string;
  fix: string;
  resolution: string;
  /** What the customer does, step by step (empty when the rule has none yet). */
  steps: string[];
  /** The rule's codes, as Microsoft spells them: integrations can check a match without a second lookup. */
  codes: string[];
  url: string;
  confidence: Confidence;
  /** 0–1: how strongly the evidence supports this rule. Comparable within one result. */
  score: number;
  evidence: Evidence[];
  /** Plain-language account of why it matched. */
  reason: string;
}

/** A variable part that was ignored when comparing. */
export interface IgnoredPart {
  kind: string;
  text: string;
}

/** A match as listed per record: which rule, how sure, and on what evidence (the rest is in `matches`). */
export type RecordMatch = Pick<Match, 'id' | 'confidence' | 'score' | 'evidence' | 'reason'>;

export interface Segment {
  /** The record's text as pasted, cut at 4,000 characters (`start` and `end` give all of it in the input). */
  text: string;
  /** Offsets of the record in the whole input. */
  start: number;
  end: number;
  /** 1-based line numbers of the record in the input. */
  lines: [number, number];
  /** The rules this record points to, best first (full details of each in the result's `matches`). */
  matches: RecordMatch[];
  ignored: IgnoredPart[];
  /** Codes in the record that no rule explains (`AADSTS50126`): some other error. */
  unknownCodes: string[];
  /** The datasource the record names (`Datasource 'HR Mailboxes': …`), when it names one. */
  datasource?: string;
  /**
   * It looks like a failure: error words, a code, or an answer. A record that
   * does not is listed only when it is the whole paste (for its suggestions).
   */
  failed: boolean;
}

export interface TopMatch extends Match {
  /** Indexes into `segments` of the listed records this error was found in. */
  segments: number[];
  /** Records it was found in, including any left out of `segments` (see stats.omitted). */
  records: number;
}

/** A code no rule explains, once per result however often the paste repeats it. */
export interface UnknownCode {
  code: string;
  /** Records carrying it. */
  count: number;
  /** 1-based line of the first record carrying it. */
  line: number;
}

export interface TriageResult {
  matches: TopMatch[];
  /**
   * The records worth showing, in input order: each record with a match, and
   * each record that looks like a failure although no rule recognises it.
   * Routine records ("Datasource HR: Success") are not listed.
   */
  segments: Segment[];
  /** Codes that no rule explains, across the whole input. */
  unknownCodes: UnknownCode[];
  stats: {
    /** Records read from the input. */
    records: number;
    /** Routine records: not errors, passed over. */
    skipped: number;
    /** Records with an answer (a high or medium match). */
    recognised: number;
    /** Records that look like a failure but that no rule answers. */
    unrecognised: number;
    /** Records left out of `segments` to keep the result small (still counted above). */
    omitted: number;
    characters: number;
  };
}
