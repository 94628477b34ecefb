/**
 * Audit-log exports for tests and benchmarks: routine records ("Datasource
 * HR preserved 12 items: Success") around the record under test, each line
 * time-stamped as IPP's audit log is.
 */

/** The time stamp of record `i` (seconds apart, from 02:00:00). */
export function stamp(i: number): string {
  const minutes = Math.floor(i / 60) % 60;
  const hours = 2 + Math.floor(i / 3600);
  return `2025-03-04 ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
}

/** A routine record: no error words, no words of any rule's message. */
export function routineRecord(i: number): string {
  return `${stamp(i)} INFO Datasource 'Custodians ${i % 17}' preserved ${i * 7} items: Success`;
}

/**
 * `records` time-stamped records, all routine but the one at 0-based
 * `position`, which carries `record` (its line breaks kept: a multi-line
 * paste continues its record). Returns the text and the 1-based line where
 * the record starts.
 */
export function routineExport(record: string, records: number, position: number): { text: string; line: number } {
  const lines: string[] = [];
  let line = 0;
  for (let i = 0; i < records; i++) {
    if (i === position) {
      line = lines.length + 1;
      lines.push(`${stamp(i)} ERROR Datasource 'Legal hold ${i}': ${record}`);
    } else {
      lines.push(routineRecord(i));
    }
  }
  return { text: lines.join('\n'), line };
}

/** A refresh-token failure as Entra words it, and a made-up Entra code no article covers (nor ever will). */
export const REFRESH_EXPIRED =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-11-02T08:11:12.1234567Z and was inactive for 90.00:00:00.';
export const UNKNOWN_CODE = 'AADSTS9999001: The widget gateway rejected the request for tenant 72b1c4e0-9d3a-4f65-b8e2-0a6c5d91f3b7.';

/**
 * An export of four datasources, one record a line: Legal fails twice with a
 * refresh token (lines 2 and 5), Board with an unknown code (line 3),
 * Finance with an empty password (line 4), HR Mailboxes succeeds (lines 1, 6).
 */
export const DATASOURCE_EXPORT = [
  "2025-03-04 02:00:01 INFO  Datasource 'HR Mailboxes' preserved 1,204 items: Success",
  `2025-03-04 02:00:09 ERROR Datasource 'Legal': ${REFRESH_EXPIRED}`,
  `2025-03-04 02:00:10 ERROR Datasource 'Board': ${UNKNOWN_CODE}`,
  "2025-03-04 02:00:12 ERROR Datasource 'Finance': Password is empty for the data source",
  `2025-03-04 03:00:09 ERROR Datasource 'Legal': ${REFRESH_EXPIRED}`,
  "2025-03-04 03:00:30 INFO  Datasource 'HR Mailboxes' preserved 12 items: Success",
];
