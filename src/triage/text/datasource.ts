/**
 * The datasource a log record names (`Datasource 'HR Mailboxes': …`,
 * `data source "Finance"`, `DataSource=Legal-Hold-2`, a JSON export's
 * `"datasource": "Custodians 1"`): shown with a failure
 * no rule recognises, so it can be traced to the datasource to fix, and
 * ignored when matching (a datasource called "Legal hold" is not evidence of
 * any error, and must not dilute the evidence that is).
 */
const QUOTED =
  /\bdata ?source(?: ?name)?["']?\s*[:=]?\s*(?:'([^'\n]{1,120})'|"([^"\n]{1,120})"|\u2018([^\u2019\n]{1,120})\u2019|\u201c([^\u201d\n]{1,120})\u201d)/i;
const ASSIGNED = /\bdata ?source(?: ?name)?\s*=\s*([^\s,;'"][^\s,;]{0,119})/i;

/** Only a record's start is looked at: the name is given up front, never deep in a JSON body. */
const LOOK_AT_CHARS = 400;

export interface DatasourceClause {
  name: string;
  /** Offsets of the whole clause ("Datasource 'HR'") in the record. */
  start: number;
  end: number;
}

export function datasourceClause(record: string): DatasourceClause | undefined {
  const head = record.slice(0, LOOK_AT_CHARS);
  const match = QUOTED.exec(head) ?? ASSIGNED.exec(head);
  if (!match) return undefined;
  const name = (match[1] ?? match[2] ?? match[3] ?? match[4])?.trim();
  return name ? { name, start: match.index, end: match.index + match[0].length } : undefined;
}

export function datasourceOf(record: string): string | undefined {
  return datasourceClause(record)?.name;
}
