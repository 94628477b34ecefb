/**
 * Renders a triage result into the page. Everything the user pasted is
 * inserted as text nodes (never as HTML), so a pasted `<script>` is shown,
 * not run.
 */
import { CONFIDENCE_LABEL, ignoredSentence } from '../../../triage/present/explain.ts';
import {
  answersInLogOrder,
  answersOf,
  codeReference,
  describeLines,
  headingOf,
  plural,
  suggestionsOf,
  summaryOf,
  unrecognisedNote,
  type CodeReference,
} from '../../../triage/present/present.ts';
import { unrecognisedLines } from '../../../triage/present/datasources.ts';
import type { Evidence, Segment, TopMatch, TriageResult } from '../../../triage/types.ts';
import { h, type Child } from './dom.ts';
import { datasourceSection } from './render-datasources.ts';

const EXCERPT_CONTEXT = 80;
const EXCERPT_MAX = 600;
const MAX_LINE_LIST = 12;
const MAX_UNRECOGNISED = 20;
/** The result's one heading: focused when a prefilled link opens the page. */
export const RESULT_HEADING_ID = 'triage-result-heading';

export interface RenderOptions {
  /** Link to Pagefind search for the paste's meaningful words. */
  searchHref: string;
  supportHref: string;
  supportLabel: string;
  /** The text that was triaged: excerpts are cut from it (a result lists records, not their whole text). */
  paste: string;
}

/** One sentence for the live region: what was found, and what was not. */
export const summarise = summaryOf;

/** The paste around the evidence, with each matched span in a <mark>. */
function excerpt(paste: string, segment: Segment, evidence: Evidence[]): HTMLElement {
  const spans = evidence.filter((span) => span.start >= segment.start && span.end <= segment.end);
  const from = Math.max(segment.start, (spans[0]?.start ?? segment.start) - EXCERPT_CONTEXT);
  const to = Math.min(segment.end, from + EXCERPT_MAX, (spans[spans.length - 1]?.end ?? segment.end) + EXCERPT_CONTEXT);
  const code = h('code');
  if (from > segment.start) code.append('…');
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to) continue;
    code.append(paste.slice(at, span.start));
    code.append(h('mark', { class: `evidence-${span.kind}` }, paste.slice(span.start, span.end)));
    at = span.end;
  }
  code.append(paste.slice(at, to));
  if (to < segment.end) code.append('…');
  // Focusable: a long excerpt scrolls inside its box, and keyboard users must be able to scroll it too.
  return h('pre', { class: 'triage-excerpt', tabindex: '0' }, code);
}

/** The result's one heading; `tabindex=-1` so the page can move focus to it. */
function resultHeading(text: string): HTMLElement {
  return h('h3', { id: RESULT_HEADING_ID, class: 'triage-heading', tabindex: '-1' }, text);
}

/** What to do: the resolution, then its steps when the rule has them. */
function fix(match: TopMatch): HTMLElement {
  return h(
    'div',
    { class: 'triage-fix' },
    h('p', { class: 'triage-resolution' }, h('strong', {}, 'What to do: '), match.resolution),
    ...(match.steps.length > 0 ? [h('ol', { class: 'triage-steps' }, ...match.steps.map((step) => h('li', {}, step)))] : []),
  );
}

function answerCard(match: TopMatch, result: TriageResult, multiRecord: boolean, paste: string): HTMLElement {
  const segment = result.segments[match.segments[0]!]!;
  const ignored = ignoredSentence(segment.ignored.map((part) => part.kind));
  const caption = multiRecord ? `From your paste (${describeLines(match, result.segments, MAX_LINE_LIST)}):` : 'From your paste:';
  return h(
    'li',
    { class: 'triage-answer', 'data-confidence': match.confidence, 'data-rule': match.id },
    h('p', { class: 'triage-badge' }, `${CONFIDENCE_LABEL[match.confidence]} · ${match.confidence} confidence`),
    h('h4', {}, h('a', { href: match.url }, match.title)),
    ...(match.summary ? [h('p', { class: 'triage-meaning' }, match.summary)] : []),
    fix(match),
    h('p', { class: 'triage-reason' }, h('strong', {}, 'Why we think so: '), match.reason),
    h('figure', { class: 'triage-evidence' }, h('figcaption', {}, caption), excerpt(paste, segment, match.evidence)),
    ...(ignored ? [h('p', { class: 'triage-ignored' }, ignored)] : []),
    h(
      'p',
      { class: 'triage-actions' },
      h('a', { href: match.url }, 'Read the full article'),
      ' ',
      h('button', { type: 'button', class: 'button', 'data-copy-resolution': match.id }, 'Copy resolution'),
    ),
  );
}

/** A code with Microsoft's description linked, when it has one. */
function codeLabel(reference: CodeReference): Child {
  return reference.lookupUrl ? h('a', { href: reference.lookupUrl }, `${reference.code} (Microsoft's description)`) : reference.code;
}

/** Codes the paste carries that no article covers: Microsoft's own page is the next step. */
function foreignCodes(result: TriageResult): HTMLElement[] {
  const codes = result.unknownCodes.slice(0, 3).map((unknown) => unknown.code);
  if (codes.length === 0) return [];
  return [
    h(
      'p',
      {},
      `The paste carries ${codes.length === 1 ? 'the error code' : 'the error codes'} `,
      ...codes.flatMap((code, index) => {
        const label = codeLabel(codeReference(code));
        return index === 0 ? [label] : [', ', label];
      }),
      `, which ${codes.length === 1 ? 'is' : 'are'} not an IPP configuration error documented here.`,
    ),
  ];
}

/** "contact support", opening the panel below (the controller handles the click); the href itself carries no pasted text. */
function contactLink(options: RenderOptions): HTMLElement {
  return h('a', { href: options.supportHref, 'data-contact-support': '', 'aria-controls': CONTACT_PANEL_ID, 'aria-expanded': 'false' }, options.supportLabel);
}

/**
 * Failed lines no rule recognises: listed, so none is silently dropped, each
 * as its message whole with the log prefix (time, level, datasource) said
 * apart; with "contact support" when `contact` (a result with answers has
 * no other offer of it).
 */
function unrecognisedList(result: TriageResult, options: RenderOptions, contact: boolean): HTMLElement[] {
  const records = unrecognisedLines(result);
  // A single pasted message is not repeated back to its author.
  if (records.length === 0 || result.stats.records <= 1) return [];
  const more = result.stats.unrecognised - Math.min(records.length, MAX_UNRECOGNISED);
  return [
    h(
      'section',
      { class: 'triage-unrecognised', 'aria-labelledby': 'triage-unrecognised-heading' },
      h('h4', { id: 'triage-unrecognised-heading' }, `Not recognised (${plural(result.stats.unrecognised, 'failed line')})`),
      h(
        'ul',
        {},
        ...records.slice(0, MAX_UNRECOGNISED).map((record) =>
          h(
            'li',
            {},
            h('strong', {}, `Line ${record.lines[0]}`),
            // The log prefix, said apart: "(Datasource Board, 2025-03-04 02:00:10)".
            ...(record.datasource || record.time
              ? [` (${[record.datasource ? `Datasource ${record.datasource}` : '', record.time ?? ''].filter(Boolean).join(', ')})`]
              : []),
            ': ',
            h('code', { class: 'triage-unrecognised-message' }, `${record.message}${record.cut ? '…' : ''}`),
            ...record.codes.flatMap((code) => [' ', codeLabel(code)]),
          ),
        ),
      ),
      ...(more > 0 ? [h('p', {}, `and ${plural(more, 'more')}.`)] : []),
      ...(contact
        ? [
            h('p', {}, 'No article here explains these lines. ', contactLink(options), ' with them: we show you exactly what would be sent first.'),
            h('div', { id: CONTACT_PANEL_ID, class: 'triage-contact', hidden: '' }),
          ]
        : []),
    ),
  ];
}

function noMatch(result: TriageResult, options: RenderOptions): HTMLElement {
  const suggestions = suggestionsOf(result);
  return h(
    'section',
    { class: 'triage-none', 'aria-labelledby': RESULT_HEADING_ID },
    resultHeading(headingOf(result)),
    ...datasourceSection(result),
    ...(suggestions.length > 0
      ? [
          h('p', {}, 'No article matches it with confidence. These are the closest, but they may not be your error:'),
          h('ul', {}, ...suggestions.map((match) => h('li', {}, h('a', { href: match.url }, match.title), ` — ${match.resolution}`))),
        ]
      : [h('p', {}, 'This does not look like any IPP error we document.')]),
    ...foreignCodes(result),
    ...unrecognisedList(result, options, false),
    h(
      'p',
      {},
      h('a', { href: options.searchHref }, 'Search the help for these words'),
      ', check that you copied the message from the failed Datasource in the audit log, or ',
      contactLink(options),
      '.',
    ),
    h('div', { id: CONTACT_PANEL_ID, class: 'triage-contact', hidden: '' }),
  );
}

export const CONTACT_PANEL_ID = 'triage-contact';

export interface ContactPanelOptions {
  /** Exactly the text that would be sent: the paste, redacted and cut. */
  preview: string;
  /** What redaction hid, in words ("2 IDs (GUIDs), 1 e-mail address"); '' when nothing. */
  hidden: string;
  /** The support link without any pasted text. */
  href: string;
  /** "Open an e-mail to support" or "Open the support form". */
  linkLabel: string;
}

/**
 * The "contact support" panel of a no-match result: shows the redacted text,
 * asks before including it (unchecked by default), and holds the link that
 * the controller updates when the box is ticked.
 */
export function renderContactPanel(panel: HTMLElement, options: ContactPanelOptions): void {
  const found = options.hidden ? `We replaced ${options.hidden} with labels such as [SECRET]. ` : '';
  panel.replaceChildren(
    h('h4', { id: `${CONTACT_PANEL_ID}-heading`, tabindex: '-1' }, 'Contact support'),
    h(
      'p',
      { id: `${CONTACT_PANEL_ID}-note` },
      `Your message includes the text below only if you tick “Include this text”. ${found}Check that nothing else in it is private before you include it.`,
    ),
    h(
      'figure',
      {},
      h('figcaption', {}, 'Text that would be sent (passwords, tokens, keys and e-mail addresses hidden; IDs and times kept for support):'),
      h('pre', { class: 'triage-excerpt', tabindex: '0', 'data-contact-preview': '' }, h('code', {}, options.preview)),
    ),
    h(
      'p',
      { class: 'triage-contact-choice' },
      h('input', { type: 'checkbox', id: `${CONTACT_PANEL_ID}-include`, 'data-contact-include': '', 'aria-describedby': `${CONTACT_PANEL_ID}-note` }),
      ' ',
      h('label', { for: `${CONTACT_PANEL_ID}-include` }, 'Include this text'),
    ),
    h('p', {}, h('a', { href: options.href, 'data-contact-send': '' }, options.linkLabel)),
  );
  panel.hidden = false;
}

export function renderResult(container: HTMLElement, result: TriageResult, options: RenderOptions): void {
  const answers = answersOf(result);
  if (answers.length === 0) {
    container.replaceChildren(noMatch(result, options));
    return;
  }
  const multiRecord = result.stats.records > 1;
  const note = unrecognisedNote(result);
  container.replaceChildren(
    resultHeading(headingOf(result)),
    ...(note ? [h('p', { class: 'triage-note' }, note)] : []),
    // An export leads with its datasources; its errors follow in log order.
    ...datasourceSection(result),
    h('ol', { class: 'triage-answers' }, ...answersInLogOrder(result).map((match) => answerCard(match, result, multiRecord, options.paste))),
    ...unrecognisedList(result, options, true),
  );
}

/** Shown instead of a verdict while the paste is still too short to judge. */
export function renderHint(container: HTMLElement): void {
  container.replaceChildren(
    h(
      'p',
      { class: 'triage-message triage-hint-more' },
      'Keep going: paste the whole message from the audit log. A few words are needed to recognise an error.',
    ),
  );
}

export function renderMessage(container: HTMLElement, message: string, kind: 'info' | 'error' = 'info'): void {
  container.replaceChildren(h('p', { class: `triage-message triage-message-${kind}` }, message));
}
