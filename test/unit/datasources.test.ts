/**
 * Datasources at a glance (src/triage/decide/datasource-tally.ts): each
 * datasource an export names, with its state, runs, first and last failure,
 * errors and timeline, on small fixture rules (not the live ones), and the
 * same facts when a huge export is triaged window by window and combined.
 */
import { describe, expect, it } from 'vitest';
import { ResultCombiner } from '../../src/triage/decide/combine.ts';
import { MAX_DATASOURCES, MAX_TIMELINE_POINTS } from '../../src/triage/decide/datasource-tally.ts';
import { createEngine } from '../../src/triage/engine.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { datasourceSentence, timelineAxis, timelineText, unrecognisedLines } from '../../src/triage/present/datasources.ts';
import { answersInLogOrder, answersOf, summaryOf } from '../../src/triage/present/present.ts';
import { leadingTimeStamp, readLogPrefix } from '../../src/triage/text/log-prefix.ts';
import type { RuleInput, TriageResult } from '../../src/triage/types.ts';
import { DATASOURCE_EXPORT, REFRESH_EXPIRED as REFRESH, UNKNOWN_CODE as UNKNOWN } from '../support/exports.ts';

const RULES: RuleInput[] = [
  {
    id: 'token-expired',
    title: 'Refresh token expired',
    fix: 'new-token',
    resolution: 'New refresh token',
    categories: ['token'],
    messages: ['The refresh token has expired due to inactivity.'],
    codes: ['AADSTS700082'],
  },
  {
    id: 'password-empty',
    title: 'Password is empty',
    fix: 'check-password',
    resolution: 'Check the password',
    categories: ['account'],
    messages: ['Password is empty for the data source'],
    codes: [],
  },
];
const engine = createEngine(buildIndex(RULES));

const EXPORT = DATASOURCE_EXPORT;

const byName = (result: TriageResult) => Object.fromEntries(result.datasources.map((datasource) => [datasource.name, datasource]));

describe('the summary of an export', () => {
  it('names the error listed first, not the one that ranks best', () => {
    const log = [
      "2025-03-04 02:00:09 ERROR Datasource 'Legal': Password empty for data source",
      `2025-03-04 02:00:10 ERROR Datasource 'Board': ${REFRESH}`,
    ].join('\n');
    const result = engine.triage(log);
    const listed = answersInLogOrder(result);
    expect(listed.map((match) => match.id)).toEqual(['password-empty', 'token-expired']);
    expect(answersOf(result)[0]!.id, 'the case needs a best answer that is not listed first').toBe('token-expired');
    expect(summaryOf(result)).toMatch(/^2 different errors\. (Found|Likely): Password is empty, and 1 other\./);
  });
});

describe('the datasources of an export', () => {
  const result = engine.triage(EXPORT.join('\n'));

  it('lists each datasource once, in log order, with its state, runs and failures', () => {
    expect(result.timeOrder).toBe('oldest-first');
    expect(result.stats.datasources).toBe(4);
    expect(result.datasources.map((datasource) => [datasource.name, datasource.state, datasource.failed, datasource.routine])).toEqual([
      ['HR Mailboxes', 'succeeded', 0, 2],
      ['Legal', 'failing', 2, 0],
      ['Board', 'failing', 1, 0],
      ['Finance', 'failing', 1, 0],
    ]);
    const { Legal, 'HR Mailboxes': hr } = byName(result);
    expect(Legal).toMatchObject({
      firstFailure: { line: 2, time: '2025-03-04 02:00:09' },
      lastFailure: { line: 5, time: '2025-03-04 03:00:09' },
      last: { line: 5, time: '2025-03-04 03:00:09', failed: true },
      errors: [{ id: 'token-expired', title: 'Refresh token expired', url: '/errors/token-expired/', records: 2 }],
      unrecognised: { records: 0, codes: [] },
    });
    expect(hr!.firstFailure).toBeUndefined();
    expect(hr!.last).toEqual({ line: 6, time: '2025-03-04 03:00:30', failed: false });
  });

  it('names the codes of failures no rule recognises', () => {
    expect(byName(result).Board).toMatchObject({ errors: [], unrecognised: { records: 1, codes: ['AADSTS9999001'] } });
    expect(byName(result).Finance!.errors.map((error) => error.id)).toEqual(['password-empty']);
  });

  it('keeps every record as a timeline point, routine ones included', () => {
    expect(byName(result).Legal!.timeline).toEqual([
      { lines: [2, 2], time: '2025-03-04 02:00:09', failed: 1, routine: 0, errors: ['token-expired'], unrecognised: 0 },
      { lines: [5, 5], time: '2025-03-04 03:00:09', failed: 1, routine: 0, errors: ['token-expired'], unrecognised: 0 },
    ]);
    expect(byName(result)['HR Mailboxes']!.timeline.map((point) => [point.lines[0], point.routine])).toEqual([
      [1, 1],
      [6, 1],
    ]);
  });

  it('is worded once: a sentence, a timeline in words, answers in log order, unrecognised lines without their prefix', () => {
    expect(datasourceSentence(result)).toBe('4 datasources: 3 failing now (Legal, Board, Finance), 1 succeeded.');
    const title = (id: string) => RULES.find((rule) => rule.id === id)!.title;
    expect(timelineText(byName(result).Legal!, title)).toBe(
      'Legal, failing now: 2025-03-04 02:00:09 to 2025-03-04 03:00:09: 2 failed (Refresh token expired).',
    );
    // Best first, password-empty (a whole message) may outrank the token; in an export they are shown in the order of their first line.
    expect(answersInLogOrder(result).map((match) => match.id)).toEqual(['token-expired', 'password-empty']);
    expect(unrecognisedLines(result)).toEqual([
      expect.objectContaining({ lines: [3, 3], datasource: 'Board', time: '2025-03-04 02:00:10', level: 'ERROR', message: UNKNOWN, cut: false }),
    ]);
    const axis = timelineAxis(result.datasources);
    expect(axis.by).toBe('time');
    expect(result.datasources.map((datasource) => datasource.timeline.map((point) => Math.round(axis.position(point) * 1000) / 1000))).toEqual([
      [0, 1],
      [0.002, 0.994],
      [0.002],
      [0.003],
    ]);
  });
});

describe('states from the log order and times', () => {
  const line = (time: string, name: string, text: string) =>
    `2025-03-04 ${time} ${text.startsWith('preserved') ? 'INFO' : 'ERROR'} Datasource '${name}': ${text}`;

  it('recovered: it failed, and its latest run succeeded', () => {
    const result = engine.triage(
      [line('02:00:00', 'Finance', 'Password is empty for the data source'), line('02:30:00', 'Finance', 'preserved 3 items: Success')].join('\n'),
    );
    expect(byName(result).Finance).toMatchObject({ state: 'recovered', failed: 1, routine: 1, lastFailure: { line: 1 }, last: { line: 2, failed: false } });
  });

  it('failing now: it succeeded, then failed', () => {
    const result = engine.triage([line('02:00:00', 'Legal', 'preserved 3 items: Success'), line('02:30:00', 'Legal', REFRESH)].join('\n'));
    expect(byName(result).Legal!.state).toBe('failing');
  });

  it('a newest-first export (as copied from a table sorted by time) is read backwards', () => {
    const result = engine.triage(
      [
        line('03:00:00', 'Finance', 'preserved 3 items: Success'),
        line('02:00:00', 'Finance', 'Password is empty for the data source'),
        line('01:00:00', 'Finance', 'Password is empty for the data source'),
      ].join('\n'),
    );
    expect(result.timeOrder).toBe('newest-first');
    expect(byName(result).Finance).toMatchObject({
      state: 'recovered',
      firstFailure: { line: 3, time: '2025-03-04 01:00:00' },
      lastFailure: { line: 2, time: '2025-03-04 02:00:00' },
      last: { line: 1, failed: false },
    });
  });

  it('unknown: failed and routine runs without time stamps to order them', () => {
    const result = engine.triage(
      [
        "- Datasource 'Finance': Password is empty for the data source",
        "- Datasource 'Finance': preserved 3 items, completed",
        "- Datasource 'Legal': Password is empty for the data source",
      ].join('\n'),
    );
    expect(result.timeOrder).toBe('unknown');
    expect(result.datasources.map((datasource) => [datasource.name, datasource.state])).toEqual([
      ['Finance', 'unknown'],
      ['Legal', 'failing'],
    ]);
    expect(byName(result).Finance!.firstFailure).toEqual({ line: 1 });
  });

  it('times of day alone give the order, across midnight too', () => {
    const result = engine.triage(
      [
        "23:58:00 ERROR Datasource 'HR': Password is empty for the data source",
        "23:59:00 INFO Datasource 'HR' preserved 2 items",
        "00:01:00 INFO Datasource 'HR' preserved 2 items",
        "00:02:00 INFO Datasource 'HR' preserved 2 items",
      ].join('\n'),
    );
    expect(result.timeOrder).toBe('oldest-first');
    expect(byName(result).HR!.state).toBe('recovered');
  });

  it('a paste that names no datasource lists none', () => {
    const result = engine.triage(`2025-03-04 02:00:09 ERROR ${REFRESH}\n2025-03-04 02:00:10 INFO preserved 3 items`);
    expect(result.datasources).toEqual([]);
    expect(result.stats.datasources).toBe(0);
  });
});

describe('a bounded result', () => {
  it('lists at most MAX_DATASOURCES, the failing ones first, and counts the rest', () => {
    const lines = Array.from({ length: MAX_DATASOURCES + 20 }, (_, i) =>
      i >= MAX_DATASOURCES
        ? `2025-03-04 02:${String(i % 60).padStart(2, '0')}:00 ERROR Datasource 'D${i}': Password is empty for the data source`
        : `2025-03-04 02:${String(i % 60).padStart(2, '0')}:00 INFO Datasource 'D${i}' preserved 1 item`,
    );
    const result = engine.triage(lines.join('\n'));
    expect(result.stats.datasources).toBe(MAX_DATASOURCES + 20);
    expect(result.datasources).toHaveLength(MAX_DATASOURCES);
    expect(result.datasources.filter((datasource) => datasource.state === 'failing')).toHaveLength(20);
    const first = result.datasources.map((datasource) => datasource.timeline[0]!.lines[0]);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(datasourceSentence(result)).toBe(
      `${MAX_DATASOURCES + 20} datasources: 20 failing now (D${MAX_DATASOURCES}, D${MAX_DATASOURCES + 1}, D${MAX_DATASOURCES + 2} and 17 more), ${MAX_DATASOURCES - 20} succeeded; 20 more not listed.`,
    );
  });

  it('a timeline keeps at most MAX_TIMELINE_POINTS, each point counting its records', () => {
    const records = 1000;
    const lines = Array.from(
      { length: records },
      (_, i) =>
        `2025-03-04 ${String(2 + Math.floor(i / 3600)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ${i === 500 ? `ERROR Datasource 'HR': Password is empty for the data source` : "INFO Datasource 'HR' preserved 2 items"}`,
    );
    const [hr] = engine.triage(lines.join('\n')).datasources;
    expect(hr!.timeline.length).toBeLessThanOrEqual(MAX_TIMELINE_POINTS);
    expect(hr!.timeline.reduce((sum, point) => sum + point.failed + point.routine, 0)).toBe(records);
    expect(hr!.timeline.filter((point) => point.failed > 0)).toEqual([expect.objectContaining({ failed: 1, errors: ['password-empty'] })]);
    expect(hr).toMatchObject({ state: 'recovered', failed: 1, routine: records - 1, firstFailure: { line: 501 } });
  });
});

describe('an export triaged in windows', () => {
  it('combines to the datasources of the whole', () => {
    const text = EXPORT.join('\n');
    const whole = engine.triage(text);
    for (const cut of [1, 2, 3, 4, 5]) {
      const combiner = new ResultCombiner();
      const head = EXPORT.slice(0, cut).join('\n') + '\n';
      combiner.add(engine.triage(head), { characters: 0, lines: 0 });
      combiner.add(engine.triage(EXPORT.slice(cut).join('\n')), { characters: head.length, lines: cut });
      const combined = combiner.result();
      expect(combined.datasources, `cut after line ${cut}`).toEqual(whole.datasources);
      expect(combined.stats.datasources).toBe(whole.stats.datasources);
      expect(combined.timeOrder).toBe('oldest-first');
    }
  });

  it('reads a newest-first export the same way across windows', () => {
    const lines = [...EXPORT].reverse().map((line, i) => line.replace(/^2025-03-04 \d\d:\d\d:\d\d/, `2025-03-04 0${5 - i}:00:00`));
    const whole = engine.triage(lines.join('\n'));
    expect(whole.timeOrder).toBe('newest-first');
    const combiner = new ResultCombiner();
    const head = lines.slice(0, 3).join('\n') + '\n';
    combiner.add(engine.triage(head), { characters: 0, lines: 0 });
    combiner.add(engine.triage(lines.slice(3).join('\n')), { characters: head.length, lines: 3 });
    expect(combiner.result().datasources).toEqual(whole.datasources);
  });
});

describe('the log prefix', () => {
  it('reads time stamps as logs write them', () => {
    expect(leadingTimeStamp('2025-03-04T02:00:09.5+01:00 x')!.stamp).toEqual({
      text: '2025-03-04T02:00:09.5+01:00',
      instant: Date.UTC(2025, 2, 4, 1, 0, 9, 500),
      secondOfDay: 7209,
    });
    expect(leadingTimeStamp('[2025/03/04 02:00:09] x')!.stamp.instant).toBe(Date.UTC(2025, 2, 4, 2, 0, 9));
    expect(leadingTimeStamp('3/4/2025 2:00:09 PM x')!.stamp).toEqual({ text: '3/4/2025 2:00:09 PM', secondOfDay: 14 * 3600 + 9 });
    expect(leadingTimeStamp('Mar  4 02:00:09 host x')!.stamp).toEqual({ text: 'Mar  4 02:00:09', secondOfDay: 7209 });
    expect(leadingTimeStamp('Datasource 2025-03-04')).toBeUndefined();
  });

  it('sets the time stamp, level and a leading datasource clause aside from the message', () => {
    const text = "2025-03-04 02:00:09 [ERROR] Datasource 'Board' - AADSTS50199: For security reasons";
    const prefix = readLogPrefix(text);
    expect(prefix).toMatchObject({ time: { text: '2025-03-04 02:00:09' }, level: 'ERROR', datasource: 'Board' });
    expect(text.slice(prefix.messageStart)).toBe('AADSTS50199: For security reasons');
    expect(readLogPrefix('The user account is disabled.').messageStart).toBe(0);
    const inside = "ERROR Could not read Datasource 'Board' settings";
    expect(inside.slice(readLogPrefix(inside).messageStart)).toBe("Could not read Datasource 'Board' settings");
  });
});
