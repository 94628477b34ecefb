/**
 * The datasource table that leads the result of an audit-log export: one
 * row per datasource, in log order, with its state, runs, first and last
 * failure, errors and a small SVG timeline (failures coloured by error,
 * routine runs as grey ticks, unrecognised failures as outlined marks).
 * The engine decided every fact (`result.datasources`); the words are the
 * presentation module's (src/triage/present/datasources.ts).
 *
 * Text nodes only (datasource names and times come from the paste), and no
 * style attributes: colours are classes (datasources.css), geometry is SVG
 * attributes, so the strict CSP holds. Under 37.5rem each row becomes a card
 * whose cells are labelled, and the timeline spans the card.
 */
import {
  STATE_LABEL,
  STATE_MEANING,
  datasourceErrors,
  datasourceSentence,
  failureCauses,
  showsDatasources,
  timelineAxis,
  timelineText,
  whenOf,
  type TimelineAxis,
} from '../../../triage/present/datasources.ts';
import type { DatasourceState, DatasourceSummary, TimelinePoint, TriageResult } from '../../../triage/types.ts';
import { h, svg } from './dom.ts';

/** The timeline's drawing units: it is scaled to its cell's width. */
const WIDTH = 240;
const HEIGHT = 20;
const MARK = 5;
/** Error colours (datasources.css has as many classes, ds-error-0 …). */
const PALETTE_SIZE = 8;
export const DATASOURCES_HEADING_ID = 'triage-datasources-heading';

/** A <title> child: the tooltip (and, on the timeline, the accessible name). */
const title = (text: string) => svg('title', {}, text);

/** The colour class of each error, by its first appearance in the paste. */
type Colours = (id: string) => string;

/** The colour of an error, beside its name (the names say it; the colour only ties them to the timeline). */
function swatch(className: string): SVGElement {
  return svg(
    'svg',
    { class: 'ds-swatch', viewBox: '0 0 10 10', width: 10, height: 10, 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { class: className, x: 0.5, y: 0.5, width: 9, height: 9 }),
  );
}

/** A mark's tooltip: "2025-03-04 02:00:09, line 2: failed (Refresh token expired)". */
function pointTitle(point: TimelinePoint, titleOf: (id: string) => string): string {
  const where = whenOf({ line: point.lines[0], ...(point.time !== undefined ? { time: point.time } : {}) });
  const lines = point.lines[0] === point.lines[1] ? `line ${point.lines[0]}` : `lines ${point.lines[0]}–${point.lines[1]}`;
  const single = point.failed + point.routine === 1;
  const count = (n: number) => (single ? '' : `${n.toLocaleString('en')} `);
  const failed = point.failed > 0 ? `${count(point.failed)}failed (${failureCauses(point, titleOf)})` : '';
  const routine = point.routine > 0 ? `${count(point.routine)}routine` : '';
  return `${where}, ${lines}: ${[failed, routine].filter(Boolean).join(', ')}`;
}

/** One datasource's runs along the shared axis. */
function timeline(datasource: DatasourceSummary, axis: TimelineAxis, colours: Colours, titleOf: (id: string) => string): SVGElement {
  const marks = datasource.timeline.map((point) => {
    const x = (axis.position(point) * (WIDTH - MARK)).toFixed(1);
    const tip = title(pointTitle(point, titleOf));
    if (point.failed === 0) return svg('rect', { class: 'ds-routine', x, y: HEIGHT * 0.55, width: MARK, height: HEIGHT * 0.45 - 1 }, tip);
    const known = point.errors[0];
    return known !== undefined
      ? svg('rect', { class: colours(known), x, y: 1, width: MARK, height: HEIGHT - 2 }, tip)
      : svg('rect', { class: 'ds-unrecognised', x: Number(x) + 0.75, y: 1.75, width: MARK - 1.5, height: HEIGHT - 3.5 }, tip);
  });
  return svg(
    'svg',
    { class: 'ds-timeline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img' },
    title(`Timeline: ${timelineText(datasource, titleOf)}`),
    svg('line', { class: 'ds-axis', x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5 }),
    ...marks,
  );
}

function errorsCell(datasource: DatasourceSummary, colours: Colours): HTMLElement {
  const items = datasource.errors.map((error) =>
    h('li', {}, swatch(colours(error.id)), ' ', h('a', { href: error.url }, error.title), ` (${error.records.toLocaleString('en')})`),
  );
  const { records, codes } = datasource.unrecognised;
  if (records > 0) {
    items.push(
      h(
        'li',
        {},
        swatch('ds-unrecognised'),
        ` Not recognised (${records.toLocaleString('en')})`,
        ...(codes.length > 0 ? [': ', h('code', {}, codes.join(', '))] : []),
      ),
    );
  }
  return items.length > 0 ? h('ul', { class: 'ds-errors' }, ...items) : h('span', { class: 'ds-none' }, 'None');
}

/** When it failed: once, or first and last (one element, so a phone's card keeps it in one cell). */
function failuresCell(datasource: DatasourceSummary): HTMLElement {
  if (!datasource.firstFailure || !datasource.lastFailure) return h('span', {}, 'None');
  if (datasource.failed === 1) return h('span', { class: 'ds-when' }, whenOf(datasource.firstFailure));
  return h(
    'span',
    {},
    h('span', { class: 'ds-when' }, `First: ${whenOf(datasource.firstFailure)}`),
    ' ',
    h('span', { class: 'ds-when' }, `Last: ${whenOf(datasource.lastFailure)}`),
  );
}

/** "2 failed, 0 routine", each count kept on one line. */
function runsCell(datasource: DatasourceSummary): HTMLElement {
  const count = (n: number, what: string) => h('span', { class: 'ds-when' }, `${n.toLocaleString('en')} ${what}`);
  return h('span', {}, count(datasource.failed, 'failed,'), ' ', count(datasource.routine, 'routine'));
}

function state(value: DatasourceState): HTMLElement {
  return h('span', { class: `ds-state ds-state-${value}` }, STATE_LABEL[value]);
}

const COLUMNS = ['Datasource', 'State', 'Runs', 'Failures', 'Errors', 'Timeline'] as const;

/** The datasource table, or nothing when the paste is not an export naming datasources. */
export function datasourceSection(result: TriageResult): HTMLElement[] {
  if (!showsDatasources(result)) return [];
  const errors = datasourceErrors(result.datasources);
  const index = new Map(errors.map((error, position) => [error.id, position]));
  const titles = new Map(errors.map((error) => [error.id, error.title]));
  for (const match of result.matches) if (!titles.has(match.id)) titles.set(match.id, match.title);
  const colours: Colours = (id) => `ds-error-${(index.get(id) ?? 0) % PALETTE_SIZE}`;
  const titleOf = (id: string) => titles.get(id) ?? id;
  const axis = timelineAxis(result.datasources);
  const states = [...new Set(result.datasources.map((datasource) => datasource.state))];
  const rows = result.datasources.map((datasource) =>
    h(
      'tr',
      { 'data-state': datasource.state },
      h('th', { scope: 'row' }, datasource.name),
      h('td', { 'data-label': 'State' }, state(datasource.state)),
      h('td', { 'data-label': 'Runs' }, runsCell(datasource)),
      h('td', { 'data-label': 'Failures' }, failuresCell(datasource)),
      h('td', { 'data-label': 'Errors' }, errorsCell(datasource, colours)),
      h('td', { 'data-label': 'Timeline', class: 'ds-timeline-cell' }, timeline(datasource, axis, colours, titleOf)),
    ),
  );
  return [
    h(
      'section',
      { class: 'triage-datasources', 'aria-labelledby': DATASOURCES_HEADING_ID },
      h('h4', { id: DATASOURCES_HEADING_ID }, 'Datasources in this export'),
      h('p', { class: 'ds-summary' }, datasourceSentence(result)),
      h(
        'div',
        { class: 'ds-table-wrap' },
        h('table', { class: 'ds-table' }, h('thead', {}, h('tr', {}, ...COLUMNS.map((column) => h('th', { scope: 'col' }, column)))), h('tbody', {}, ...rows)),
      ),
      h(
        'p',
        { class: 'ds-note' },
        `${states.map((value) => `${STATE_LABEL[value]}: ${STATE_MEANING[value]}.`).join(' ')} Timelines run from ${axis.from} to ${axis.to}${axis.by === 'line' ? ' (in log order: the lines have no full dates)' : ''}; each mark is a run, coloured by its error (grey: routine; outlined: not recognised).`,
      ),
    ),
  ];
}
