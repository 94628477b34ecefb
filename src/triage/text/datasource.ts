/**
 * The datasource a log record names, so a failure no rule recognises can
 * still be traced to the datasource to fix: `Datasource 'HR Mailboxes': …`,
 * `data source "Finance"`, `DataSource=Legal-Hold-2`.
 */
const QUOTED = /\bdata ?source(?: name)?\s*[:=]?\s*(?:'([^'\n]{1,120})'|"([^"\n]{1,120})"|\u2018([^\u2019\n]{1,120})\u2019|\u201c([^\u201d\n]{1,120})\u201d)/i;
const ASSIGNED = /\bdata ?source(?: ?name)?\s*=\s*([^\s,;'"][^\s,;]{0,119})/i;

/** Looks only at a record's start: the name is given up front, never deep in a JSON body. */
const LOOK_AT_CHARS = 400;

export function datasourceOf(record: string): string | undefined {
  const head = record.slice(0, LOOK_AT_CHARS);
  const quoted = QUOTED.exec(head);
  const name = quoted ? (quoted[1] ?? quoted[2] ?? quoted[3] ?? quoted[4]) : ASSIGNED.exec(head)?.[1];
  return name?.trim() || undefined;
}
