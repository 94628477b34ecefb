/** The CLI's readable diagnosis. */
import { absoluteUrl, CONFIDENCE_LABEL, microsoftLookupUrl } from '../triage/present/explain.ts';
import type { TriageResult } from '../triage/types.ts';

const MAX_EVIDENCE_CHARS = 100;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE_CHARS ? `"${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…"` : `"${flat}"`;
}

export function formatReport(result: TriageResult | { error: string }, base: string): string {
  if ('error' in result) return `${result.error}\n`;
  const { matches, segments, stats } = result;
  const lines: string[] = [];
  const read = `Read ${stats.records} record${stats.records === 1 ? '' : 's'}`;
  lines.push(stats.skipped > 0 ? `${read}; ${stats.skipped} were not errors and were skipped.` : `${read}.`);
  const answers = matches.filter((match) => match.confidence !== 'low');
  if (answers.length === 0) {
    lines.push('', 'No known IPP error was recognised with confidence.');
    const codes = [...new Set(segments.flatMap((segment) => segment.unknownCodes))];
    if (codes.length > 0) {
      lines.push(`Not an IPP error documented here: ${codes.map((code) => `${code} (${microsoftLookupUrl(code) ?? 'no public description'})`).join(', ')}`);
    }
    const suggestions = matches.slice(0, 3);
    if (suggestions.length > 0) {
      lines.push('Closest articles (suggestions only):');
      for (const match of suggestions) lines.push(`  - ${match.title}: ${absoluteUrl(match.url, base)}`);
    }
    lines.push('If the audit log shows something else, contact support with the message.');
    return `${lines.join('\n')}\n`;
  }
  for (const match of answers) {
    const where = match.segments.map((index) => segments[index]!.lines).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`));
    lines.push('');
    lines.push(`${CONFIDENCE_LABEL[match.confidence]} (${match.confidence}): ${match.title}  [${match.id}]`);
    lines.push(`  Resolution: ${match.resolution}`);
    lines.push(`  Article:    ${absoluteUrl(match.url, base)}`);
    lines.push(`  Why:        ${match.reason}`);
    if (match.evidence.length > 0) lines.push(`  Evidence:   ${match.evidence.slice(0, 3).map((span) => quote(span.text)).join(', ')}`);
    if (segments.length > 1) lines.push(`  Lines:      ${where.slice(0, 10).join(', ')}${where.length > 10 ? ` and ${where.length - 10} more` : ''}`);
  }
  const unmatched = segments.filter((segment) => !segment.matches.some((match) => match.confidence !== 'low')).length;
  if (unmatched > 0) lines.push('', `${unmatched} error record${unmatched === 1 ? ' was' : 's were'} not recognised.`);
  return `${lines.join('\n')}\n`;
}
