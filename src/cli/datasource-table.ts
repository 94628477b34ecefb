/**
 * The readable report's datasource table: one row per datasource an export
 * names, in log order, with the engine's state, runs, first and last failure
 * and errors (src/triage/present/datasources.ts words them). Plain text in
 * columns; the caller passes every line through `printable`.
 */
import { STATE_LABEL, datasourceSentence, whenOf } from '../triage/present/datasources.ts';
import type { DatasourceSummary, TriageResult } from '../triage/types.ts';

/** Longer names are cut: the table must stay readable in an 80–120 column terminal. */
const MAX_NAME_CHARS = 28;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "Refresh token expired ×2 [refresh-token-expired]; not recognised ×1: AADSTS50199". */
export function errorsCell(datasource: DatasourceSummary): string {
  const errors = datasource.errors.map((error) => `${error.title} ×${error.records.toLocaleString('en')} [${error.id}]`);
  const { records, codes } = datasource.unrecognised;
  if (records > 0) errors.push(`not recognised ×${records.toLocaleString('en')}${codes.length > 0 ? `: ${codes.join(', ')}` : ''}`);
  return errors.join('; ') || '-';
}

/** The table's lines: a sentence, a header and a row per datasource, the columns padded to their widest cell. */
export function datasourceTable(result: TriageResult): string[] {
  const header = ['Datasource', 'State', 'Failed', 'Routine', 'First failure', 'Last failure', 'Errors'];
  const rows = result.datasources.map((datasource) => [
    cut(datasource.name, MAX_NAME_CHARS),
    STATE_LABEL[datasource.state].toLowerCase(),
    datasource.failed.toLocaleString('en'),
    datasource.routine.toLocaleString('en'),
    datasource.firstFailure ? whenOf(datasource.firstFailure) : '-',
    datasource.lastFailure ? whenOf(datasource.lastFailure) : '-',
    errorsCell(datasource),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3]);
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd();
  return [datasourceSentence(result), line(header), ...rows.map(line)];
}
