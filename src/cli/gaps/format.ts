/**
 * The gaps report as text (a terminal: escapes shown, never obeyed),
 * Markdown (an issue or a wiki page) or JSON (a script).
 */
import { plural } from '../../triage/text/wording.ts';
import type { TriageIndex } from '../../triage/types.ts';
import { printable } from '../terminal.ts';
import type { Gap } from './clusters.ts';

export interface GapReport {
  /** What was counted: "tickets" (JSON Lines) or "failed records" (a plain-text export). */
  unit: 'tickets' | 'failed records';
  /** Tickets read, or failed records found. */
  total: number;
  /** Tickets (or failed records) with at least one failure no rule answers. */
  unanswered: number;
  /** Every gap, most frequent first (the formats below list the first `top`). */
  gaps: Gap[];
}

function percent(count: number, total: number): string {
  return total === 0 ? '0%' : `${((count / total) * 100).toFixed(count / total < 0.1 ? 1 : 0)}%`;
}

/** "1 ticket", "2 tickets", "1 failed record". */
function counted(count: number, unit: GapReport['unit']): string {
  return `${count.toLocaleString('en')} ${count === 1 ? unit.slice(0, -1) : unit}`;
}

function nearestOf(gap: Gap, index: TriageIndex): string {
  if (!gap.nearest) return 'none';
  const rule = index.rules.find((candidate) => candidate.id === gap.nearest!.id);
  return `${gap.nearest.id}${rule ? ` ("${rule.title}")` : ''}, score ${gap.nearest.score.toFixed(2)}`;
}

function headline(report: GapReport, shown: number): string {
  const { unit, total, unanswered, gaps } = report;
  if (gaps.length === 0) return `No content gaps: every failure in ${total.toLocaleString('en')} ${unit} has an answer.`;
  const listed = shown < gaps.length ? ` (the ${shown} most frequent below)` : '';
  return `${plural(gaps.length, 'kind')} of failure no rule answers${listed}, in ${unanswered.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit} (${percent(unanswered, total)}).`;
}

export function formatText(report: GapReport, top: number, index: TriageIndex): string {
  const shown = report.gaps.slice(0, top);
  const lines = [headline(report, shown.length)];
  shown.forEach((gap, position) => {
    lines.push('');
    lines.push(
      `${String(position + 1).padStart(3)}. ${counted(gap.count, report.unit)} (${percent(gap.count, report.total)})${gap.codes.length > 0 ? `  ${gap.codes.join(', ')}` : ''}`,
    );
    lines.push(`     Template: ${gap.template}`);
    lines.push(`     Example:  line ${gap.line}: "${gap.example}"`);
    lines.push(`     Nearest:  ${nearestOf(gap, index)}`);
  });
  return `${lines.map(printable).join('\n')}\n`;
}

/** Text safe in a Markdown table cell: pipes escaped, code spans fenced by enough backticks. */
function cell(text: string): string {
  return printable(text).replace(/\|/g, '\\|');
}

function code(text: string): string {
  const safe = cell(text);
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest > 0 ? ' ' : ''}${safe}${longest > 0 ? ' ' : ''}${fence}`;
}

export function formatMarkdown(report: GapReport, top: number, index: TriageIndex): string {
  const shown = report.gaps.slice(0, top);
  const lines = [`## Content gaps`, '', cell(headline(report, shown.length))];
  if (shown.length > 0) {
    lines.push('', `| # | ${report.unit} | share | codes | template | example (redacted) | nearest article |`, '|---:|---:|---:|---|---|---|---|');
    shown.forEach((gap, position) => {
      lines.push(
        `| ${position + 1} | ${gap.count.toLocaleString('en')} | ${percent(gap.count, report.total)} | ${gap.codes.map(code).join(' ')} | ${code(gap.template)} | line ${gap.line}: ${code(gap.example)} | ${cell(nearestOf(gap, index))} |`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: GapReport, top: number): string {
  const gaps = report.gaps
    .slice(0, top)
    .map(({ key: _key, ...gap }) => ({ ...gap, nearest: gap.nearest ?? null, share: report.total === 0 ? 0 : gap.count / report.total }));
  return `${JSON.stringify({ unit: report.unit, total: report.total, unanswered: report.unanswered, kinds: report.gaps.length, gaps }, null, 2)}\n`;
}
