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
    /** Distinct datasources the records name (those beyond `datasources` are counted here only). */
    datasources: number;
  };
  /** Each datasource the records name, with its state and runs: see "Datasources at a glance" below. */
  datasources: DatasourceSummary[];
  /** The order the records' time stamps run in, which says which run of a datasource is its latest. */
  timeOrder: TimeOrder;
}

// --- Datasources at a glance (src/triage/present/datasources.ts) ---

/**
 * `failing`: its latest run failed. `recovered`: a run failed, and its latest
 * run is routine. `succeeded`: no run failed. `unknown`: some runs failed and
 * some did not, and the paste's time stamps do not say which came last.
 */
export type DatasourceState = 'failing' | 'recovered' | 'succeeded' | 'unknown';

/** `unknown`: fewer than two comparable time stamps, or as many going back as forward. */
export type TimeOrder = 'oldest-first' | 'newest-first' | 'unknown';

/** One record of a datasource: where it is, and when it ran when its line says so. */
export interface RecordRef {
  /** 1-based first line of the record. */
  line: number;
  /** Its time stamp as written. */
  time?: string;
}

/** A point of a datasource's timeline: one record, or (in a long export) consecutive records of that datasource. */
export interface TimelinePoint {
  /** First lines of its first and last record. */
  lines: [number, number];
  /** The time stamp of its first record, as written. */
  time?: string;
  failed: number;
  routine: number;
  /** Errors answered in its failed records (rule ids, in log order, at most 3). */
  errors: string[];
  /** Its failed records that no rule answers. */
  unrecognised: number;
}

export interface DatasourceSummary {
  /** As the log names it (`Datasource 'HR Mailboxes'` → `HR Mailboxes`). */
  name: string;
  state: DatasourceState;
  /** Records naming it that look like a failure (answered or not), and routine ones. */
  failed: number;
  routine: number;
  /** Its earliest and latest failed record (in log order when the time order is unknown). */
  firstFailure?: RecordRef;
  lastFailure?: RecordRef;
  /** Its earliest and its latest record, failed or not (the first and last in log order when the time order is unknown). */
  first: RecordRef & { failed: boolean };
  last: RecordRef & { failed: boolean };
  /** The errors answered in its records, in log order, with how many of its records each (at most 8). */
  errors: Array<{ id: string; title: string; url: string; records: number }>;
  /** Its failed records no rule answers, and the codes they carry that no rule explains (at most 10). */
  unrecognised: { records: number; codes: string[] };
  /** Its records in log order, at most 48 points (in a long export each point stands for several records). */
  timeline: TimelinePoint[];
}
