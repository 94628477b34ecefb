/**
 * Bulk triage that joins back to tickets (`kb triage --jsonl`), exports of
 * any size, and the content-gaps report (`kb gaps`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultCombiner } from '../../src/triage/decide/combine.ts';
import { MAX_SEGMENTS } from '../../src/triage/engine.ts';
import { readWindows } from '../../src/cli/bulk/windows.ts';
import { engine } from '../support/kb.ts';
import { KB, kb, kbEnv } from '../support/cli.ts';
import { GAP_KINDS, generateTickets, ticketsJsonl, Variation } from '../support/tickets.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-bulk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const parseLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('kb triage --jsonl joins back to tickets', () => {
  it('writes one line per non-blank input line, with its line number and every field but text', () => {
    const input = [
      '{"id":"T-1","text":"Username is empty for the data source","priority":2,"tags":["ipp"],"customer":{"name":"Contoso"}}',
      '',
      '   ',
      '{"id":"T-2","text":"hello there"}',
      '{"id":"T-3", "text": broken',
      '["not", "an", "object"]',
      '42',
      'null',
      '{"id":"T-4","subject":"no text field"}',
      '{"id":"T-5","text":"x","stats":"mine"}',
      '{"text":"Password is empty for the data source","id":"T-6"}\r',
    ].join('\n');
    const run = kb(['triage', '--jsonl', '-'], input);
    expect(run.status).toBe(2); // some lines were not tickets
    const out = parseLines(run.stdout);
    expect(out.map((row) => row.line)).toEqual([1, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(out[0]).toMatchObject({ line: 1, id: 'T-1', priority: 2, tags: ['ipp'], customer: { name: 'Contoso' } });
    expect(Object.keys(out[0]).slice(0, 5)).toEqual(['line', 'id', 'priority', 'tags', 'customer']);
    expect(out[0]).not.toHaveProperty('text');
    expect(out[0].matches[0].id).toBe('username-empty');
    expect(out[1]).toMatchObject({ line: 4, id: 'T-2', matches: [] });
    expect(out[2]).toEqual({ line: 5, error: expect.stringMatching(/^not valid JSON/) });
    for (const row of out.slice(3, 6)) expect(row).toEqual({ line: row.line, error: 'expected a JSON object with a "text" string' });
    expect(out[6]).toEqual({ line: 9, id: 'T-4', subject: 'no text field', error: 'expected a JSON object with a "text" string' });
    expect(out[7]).toEqual({ line: 10, id: 'T-5', stats: 'mine', error: expect.stringContaining('"stats" has the name of a result field') });
    expect([out[8].line, out[8].id, out[8].matches[0].id]).toEqual([11, 'T-6', 'password-empty']);
    expect(run.stderr).toMatch(/^kb: 9 tickets in .* 2 answered, 1 not answered, 6 invalid, 0 too large\n$/);
  });

  it('keeps input order with --jobs 2, identical to --jobs 1', () => {
    const tickets = generateTickets(600, 11);
    const path = join(scratch, 'tickets.jsonl');
    writeFileSync(path, ticketsJsonl(tickets));
    const two = kb(['triage', '--jsonl', '--jobs', '2', path]);
    const one = kb(['triage', '--jsonl', '--jobs', '1', path]);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const out = parseLines(two.stdout);
    expect(out.map((row) => row.id)).toEqual(tickets.map((ticket) => ticket.id));
    expect(out.map((row) => row.line)).toEqual(tickets.map((_, i) => i + 1));
    expect(two.stderr).toMatch(/2 jobs\): 120 answered, 480 not answered/);
  });
});

describe('progress', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

  it.runIf(hasScript)('is drawn on standard error only when it is a terminal; the summary always', () => {
    const path = join(scratch, 'progress.jsonl');
    writeFileSync(path, ticketsJsonl(generateTickets(6000, 5)));
    // `script` gives kb a terminal; its standard output still goes to a file.
    const command = `'${process.execPath}' '${KB}' triage --jsonl --jobs 1 '${path}' > '${scratch}/progress.out'`;
    const terminal = spawnSync('script', ['-q', '-c', command, '/dev/null'], { encoding: 'utf8', env: kbEnv() });
    expect(terminal.stdout).toMatch(/\r\x1b\[Kkb: [\d,]+ tickets, [\d,]+ a second/);
    expect(terminal.stdout).toMatch(/kb: 6,000 tickets in [\d.]+ s/);
    const piped = kb(['triage', '--jsonl', '--jobs', '1', path]);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).toMatch(/^kb: 6,000 tickets in [\d.]+ s \([\d,]+ a second, 1 job\): 1,200 answered, 4,800 not answered, 0 invalid, 0 too large\n$/);
  });
});

describe('exports of any size, in every shape', () => {
  /** An export of `records` lines: every 7th a failure, the rest routine. */
  function exportOf(records: number): string {
    return Array.from({ length: records }, (_, i) =>
      i % 7 === 3
        ? `2025-03-04 02:00:${String(i % 60).padStart(2, '0')} ERROR Datasource 'D${i}': Password is empty for the data source`
        : `2025-03-04 02:00:${String(i % 60).padStart(2, '0')} INFO Datasource 'D${i}' preserved ${i} items: Success`,
    ).join('\n');
  }

  /** Runs as an audit export's JSON has them: routine ones, one with a known error, one with a code no rule knows, one failure without a code. */
  function run(i: number) {
    const time = `2025-03-04T02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    const message =
      i % 11 === 4
        ? 'AADSTS700082: The refresh token has expired due to inactivity. Trace ID: 0f0e0d0c-0b0a-4909-8807-060504030201'
        : i % 13 === 6
          ? 'AADSTS50011: The redirect URI "https://ipp.example.com/cb" specified in the request does not match. {"nested": ["a, b", "c]"]}'
          : i % 17 === 8
            ? 'Preservation job failed: the archive share \\ is read-only, "quoted" }{ ]['
            : `Preserved ${i * 3} items`;
    return { time, datasource: `D ${i % 40}`, status: /failed|AADSTS/.test(message) ? 'Failed' : 'Success', message };
  }
  const runs = Array.from({ length: 1500 }, (_, i) => run(i));
  const SHAPES: Array<[string, string]> = [
    ['a JSON array, pretty-printed', JSON.stringify(runs, null, 2)],
    ['a JSON array on one line', JSON.stringify(runs)],
    [
      'an object wrapping an array (Graph style)',
      JSON.stringify(
        { '@odata.context': 'https://graph.microsoft.com/$metadata#auditLogs', value: runs, '@odata.nextLink': 'https://graph.microsoft.com/next' },
        null,
        2,
      ),
    ],
    ['runs keyed by id, under a key', JSON.stringify({ runs: Object.fromEntries(runs.map((value, i) => [`run-${i}`, value])) }, null, 1)],
    ['runs keyed by id', JSON.stringify(Object.fromEntries(runs.map((value, i) => [`run-${i}`, value])))],
    ['JSON Lines', runs.map((value) => JSON.stringify(value)).join('\n')],
    ['a time-stamped plain-text log', exportOf(3000)],
  ];

  it.each(SHAPES)("%s: windows of whole records combine into the whole input's result", async (_shape, text) => {
    async function* chunks() {
      for (let at = 0; at < text.length; at += 7_001) yield text.slice(at, at + 7_001); // cuts inside strings and escapes
    }
    const combiner = new ResultCombiner();
    let windows = 0;
    for await (const window of readWindows(chunks(), { size: 20_000, wholeUpTo: 50_000 })) {
      expect(window.whole).toBe(false);
      expect(text.slice(window.characters, window.characters + window.text.length)).toBe(window.text);
      combiner.add(engine.triage(window.text, window.records), window);
      windows++;
    }
    expect(windows).toBeGreaterThan(5);
    const combined = combiner.result();
    const whole = engine.triage(text);
    expect(whole.stats.records).toBeGreaterThan(1000);
    expect(combined.stats).toEqual(whole.stats);
    expect(combined.unknownCodes).toEqual(whole.unknownCodes);
    expect(combined.matches.map((match) => [match.id, match.confidence, match.records, match.segments])).toEqual(
      whole.matches.map((match) => [match.id, match.confidence, match.records, match.segments]),
    );
    const listed = (result: typeof whole) =>
      result.segments.map((segment) => [
        segment.start,
        segment.end,
        segment.lines,
        segment.failed,
        segment.datasource,
        segment.unknownCodes,
        segment.matches.map((match) => match.id),
      ]);
    expect(listed(combined)).toEqual(listed(whole));
    expect(combined.segments[5]!.matches[0]?.evidence).toEqual(whole.segments[5]!.matches[0]?.evidence);
  });

  it("a JSON array over the engine's limit is read run by run: every failure counted, none lost", () => {
    const big = Array.from({ length: 40_000 }, (_, i) => run(i));
    const text = JSON.stringify(big, null, 2);
    expect(text.length).toBeGreaterThan(6_000_000);
    const path = join(scratch, 'big.json');
    writeFileSync(path, text);
    const result = JSON.parse(kb(['triage', '--json', path]).stdout);
    const failed = (i: number) => i % 11 === 4 || i % 13 === 6 || i % 17 === 8;
    const known = big.filter((_, i) => i % 11 === 4).length;
    expect(result.stats).toMatchObject({ records: 40_000, recognised: known, unrecognised: big.filter((_, i) => failed(i)).length - known });
    expect(result.unknownCodes).toEqual([{ code: 'AADSTS50011', count: big.filter((_, i) => i % 13 === 6 && i % 11 !== 4).length, line: expect.any(Number) }]);
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', records: known });
  });

  it("an export over the engine's limit is triaged in full, not refused", () => {
    const text = exportOf(90_000); // about 7 MB
    expect(text.length).toBeGreaterThan(6_000_000);
    const path = join(scratch, 'big.log');
    writeFileSync(path, text);
    const run = kb(['triage', '--json', path]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stats).toMatchObject({ records: 90_000, recognised: Math.ceil((90_000 - 3) / 7) });
    expect(result.segments).toHaveLength(MAX_SEGMENTS);
    expect(result.stats.omitted).toBe(result.stats.recognised - MAX_SEGMENTS);
    expect(result.matches[0].id).toBe('password-empty');
  });
});

describe('kb gaps', () => {
  const tickets = generateTickets(2000);
  const path = join(scratch, 'gaps.jsonl');
  writeFileSync(path, ticketsJsonl(tickets));

  it('ranks the failures no rule answers by how many tickets carry them, one gap per error however it was pasted', () => {
    const run = kb(['gaps', '--json', path]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ unit: 'tickets', total: 2000, unanswered: 1300, kinds: GAP_KINDS.length });
    expect(report.gaps.map((gap: { count: number }) => gap.count)).toEqual(GAP_KINDS.map((kind) => kind.share * 2000));
    report.gaps.forEach((gap: { template: string; codes: string[]; share: number; example: string; line: number }, i: number) => {
      const kind = GAP_KINDS[i]!;
      expect(gap.template.toLowerCase()).toContain(kind.words);
      expect(gap.template).toMatch(/\{[a-z][a-z0-9-]*\}/); // variable parts are placeholders
      expect(gap.codes).toEqual('code' in kind ? [kind.code] : []);
      expect(gap.share).toBeCloseTo(kind.share);
      // Redacted as support redacts: e-mail addresses go; ids stay (support looks runs up with them).
      expect(gap.example).not.toMatch(/@contoso/); // redacted
      expect(tickets[gap.line - 1]!.kind).toBe(i + 1);
    });
  });

  it('prints the same ranking as text and as Markdown', () => {
    const text = kb(['gaps', '--top', '2', path]);
    expect(text.stdout).toMatch(/^4 kinds of failure no rule answers \(the 2 most frequent below\), in 1,300 of 2,000 tickets \(65%\)\./);
    expect(text.stdout).toMatch(/ {2}1\. 600 tickets \(30%\)\n {5}Template: Preservation job \{job-id\} failed/);
    expect(text.stdout).not.toContain('  3. ');
    const markdown = kb(['gaps', '--markdown', path]);
    expect(markdown.stdout).toContain('| # | tickets | share | codes | template | example (redacted) | nearest article |');
    expect(markdown.stdout).toMatch(/\| 3 \| 200 \| 10% \| `AADSTS9999001` \| `The widget gateway rejected the request for tenant \{tenant-id\}\.` \|/);
  });

  it('reads a plain-text export with lines longer than a window', () => {
    const long = `2025-05-01 10:00:00 ERROR Export of hold report 12 timed out after 1.00:00:00 ${'detail '.repeat(60_000)}`;
    const log = [long, long.replace('12', '13'), '2025-05-01 10:00:02 INFO Datasource D preserved 1 items: Success'].join('\n');
    const run = kb(['gaps', '--json', '-'], log);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).gaps.map((gap: { count: number }) => gap.count)).toEqual([2]);
  });

  it('reads a plain-text export too, counting failed records', () => {
    const variation = new Variation(3);
    const log: string[] = [];
    GAP_KINDS.forEach((kind, k) => {
      for (let i = 0; i < kind.share * 200; i++) log.push(`${variation.stamp()} ERROR Datasource 'D${k}-${i}': ${kind.make(variation).replace(/\s+/g, ' ')}`);
    });
    for (let i = 0; i < 300; i++) log.push(`${variation.stamp()} INFO Datasource 'D${i}' preserved ${i} items: Success`);
    log.sort(); // by time stamp: the kinds interleaved, as in a real export
    const report = JSON.parse(kb(['gaps', '--json', '-'], log.join('\n')).stdout);
    expect(report).toMatchObject({ unit: 'failed records', total: 130, unanswered: 130 });
    expect(report.gaps.map((gap: { count: number }) => gap.count)).toEqual(GAP_KINDS.map((kind) => kind.share * 200));
  });
});
