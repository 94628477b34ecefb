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
