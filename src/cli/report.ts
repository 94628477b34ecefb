/**
 * The CLI's readable diagnosis: the presentation module's decisions, as text.
 * Every line passes through `printable`: a ticket's escape sequences are
 * shown, never obeyed, by the agent's terminal.
 */
import { plural } from '../triage/text/wording.ts';
import { absoluteUrl, CONFIDENCE_LABEL } from '../triage/present/explain.ts';
import { showsDatasources, unrecognisedLines } from '../triage/present/datasources.ts';
import { answersInLogOrder, codeReference, describeLines, readSentence, suggestionsOf, summaryOf } from '../triage/present/present.ts';
import type { TriageResult } from '../triage/types.ts';
import { datasourceTable } from './datasource-table.ts';
import { printable } from './terminal.ts';

const MAX_EVIDENCE_CHARS = 100;
const MAX_UNRECOGNISED = 20;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE_CHARS ? `"${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…"` : `"${flat}"`;
}

function codeWithLookup(code: string): string {
  const reference = codeReference(code);
  return reference.lookupUrl ? `${code} (${reference.lookupUrl})` : code;
}

export function formatReport(result: TriageResult, base: URL | undefined): string {
  const { segments, stats } = result;
  const lines: string[] = [summaryOf(result)];
  lines.push(readSentence(stats));
  // An export leads with its datasources: which are failing now, since when, with what.
  if (showsDatasources(result)) lines.push('', ...datasourceTable(result));
  const answers = answersInLogOrder(result);
  if (answers.length === 0) {
    if (result.unknownCodes.length > 0) {
      lines.push(`Not an IPP error documented here: ${result.unknownCodes.map((unknown) => codeWithLookup(unknown.code)).join(', ')}`);
    }
    const suggestions = suggestionsOf(result);
    if (suggestions.length > 0) {
      lines.push('Closest articles (suggestions only):');
      for (const match of suggestions) lines.push(`  - ${match.title}: ${absoluteUrl(match.url, base)}`);
    }
    unrecognisedSection(result, lines);
    lines.push('If the audit log shows something else, contact support with the message.');
    return finish(lines);
  }
  for (const match of answers) {
    lines.push('');
    lines.push(`${CONFIDENCE_LABEL[match.confidence]} (${match.confidence}): ${match.title}  [${match.id}]`);
    lines.push(`  Resolution: ${match.resolution}`);
    match.steps.forEach((step, index) => lines.push(`  ${index === 0 ? 'Steps:     ' : '           '} ${index + 1}. ${step}`));
    lines.push(`  Article:    ${absoluteUrl(match.url, base)}`);
    lines.push(`  Why:        ${match.reason}`);
    if (match.evidence.length > 0)
      lines.push(
        `  Evidence:   ${match.evidence
          .slice(0, 3)
          .map((span) => quote(span.text))
          .join(', ')}`,
      );
    if (segments.length > 1) lines.push(`  Found on:   ${describeLines(match, segments)}`);
  }
  if (unrecognisedSection(result, lines)) lines.push('  No article explains these lines: send them to IPP support.');
  return finish(lines);
}

/**
 * The failed lines no rule recognises, each as its message whole (the time
 * stamp, level and datasource clause set aside, and said in words), with the
 * codes no rule explains. False when there are none. A single paste that is
 * one unrecognised message is not repeated back.
 */
function unrecognisedSection(result: TriageResult, lines: string[]): boolean {
  const { stats } = result;
  const unrecognised = unrecognisedLines(result);
  if (unrecognised.length === 0 || stats.records <= 1) return false;
  lines.push('', `Not recognised (${plural(stats.unrecognised, 'failed line')}):`);
  for (const record of unrecognised.slice(0, MAX_UNRECOGNISED)) {
    const where = [`line ${record.lines[0]}`, ...(record.datasource ? [`Datasource ${record.datasource}`] : []), ...(record.time ? [record.time] : [])].join(
      ', ',
    );
    const codes = record.codes.length > 0 ? `  [${record.codes.map((code) => codeWithLookup(code.code)).join(', ')}]` : '';
    lines.push(`  - ${where}: ${record.message.replace(/\s+/g, ' ')}${record.cut ? '…' : ''}${codes}`);
  }
  const more = stats.unrecognised - Math.min(unrecognised.length, MAX_UNRECOGNISED);
  if (more > 0) lines.push(`  … and ${more} more`);
  return true;
}

function finish(lines: string[]): string {
  return `${lines.map(printable).join('\n')}\n`;
}
