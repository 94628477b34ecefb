/**
 * Screenshots through the command line, read by the same OCR as the page:
 * the checked-in screenshots (test/fixtures/screenshots/, written by
 * `npm run bench:ocr -- --fixtures`: a dark theme, a PowerShell console, a
 * 75% zoom, an audit-log table, a look-alike error, a JPEG, a WebP and a code
 * printed with a look-alike character) as JSON Lines tickets, one image as
 * `--json` and from standard input, and every way an image can be wrong.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kb } from '../support/cli.ts';
import { ROOT, satisfiesLabel } from '../support/kb.ts';

const FIXTURES = join(ROOT, 'test/fixtures/screenshots');
const MANIFEST = 'test/fixtures/screenshots/screenshots.jsonl';
const scratch = mkdtempSync(join(tmpdir(), 'kb-ocr-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** OCR runs take seconds each, and many more on a busy machine: generous, so only a hang fails on time. */
const OCR_TIMEOUT = { timeout: 240_000 };

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
const confident = (match: { confidence: string }) => match.confidence !== 'low';

describe('kb triage reads screenshots', () => {
  it('answers each checked-in screenshot named by a JSON Lines ticket (paths relative to the file), and claims nothing on the look-alike', OCR_TIMEOUT, () => {
    const run = kb(['triage', '--jsonl', '--jobs', '2', MANIFEST]);
    expect(run.stderr).toMatch(/8 tickets/);
    expect(run.status).toBe(0);
    const tickets = lines(readFileSync(join(ROOT, MANIFEST), 'utf8'));
    const results = lines(run.stdout);
    expect(results).toHaveLength(tickets.length);
    const verdicts = results.map((result, index) => {
      const ticket = tickets[index]!;
      expect(result).toMatchObject({ line: index + 1, image: ticket.image, look: ticket.look });
      expect(result.screenshot.text.length).toBeGreaterThan(20);
      const best = result.matches[0];
      const right = ticket.expect === 'none' ? !result.matches.some(confident) : best !== undefined && confident(best) && satisfiesLabel(ticket.expect, best);
      return `${ticket.image}: ${right ? 'right' : `wrong (${best?.id ?? 'nothing'} ${best?.confidence ?? ''})`}`;
    });
    expect(verdicts).toEqual(tickets.map((ticket) => `${ticket.image}: right`));
    const misread = results.find((result) => result.image === 'light-misread-code-1.png');
    expect(misread.screenshot.repairs).toEqual([{ read: 'AADST5700082', as: 'AADSTS700082' }]);
    expect(misread.screenshot.text).toContain('AADSTS700082: The refresh token has expired due to inactivity.');
  });

  it('tells an image by its content, not its name, and says in --json where the text came from', OCR_TIMEOUT, () => {
    const disguised = join(scratch, 'error.txt');
    copyFileSync(join(FIXTURES, 'light-misread-code-1.png'), disguised);
    const run = kb(['triage', '--json', disguised]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.source).toBe('image');
    expect(result.text).toContain('AADSTS700082: The refresh token has expired');
    expect(result.repairs).toEqual([{ read: 'AADST5700082', as: 'AADSTS700082' }]);
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', confidence: 'high' });
    // Evidence offsets point into the text returned.
    for (const span of result.matches[0].evidence) expect(result.text.slice(span.start, span.end)).toBe(span.text);
  });

  it('reads a screenshot piped to standard input, and prints the text read with --show-text', OCR_TIMEOUT, () => {
    const run = kb(['triage', '--show-text', '-'], readFileSync(join(FIXTURES, 'dark-realworld-public-1.png')));
    expect(run.status).toBe(0);
    const [notice, blank, heading, ...rest] = run.stdout.split('\n');
    expect(notice).toBe('Read from a screenshot (standard input): some characters may be misread, so check the text against the image.');
    expect([blank, heading]).toEqual(['', 'Text read from standard input:']);
    expect(rest.join('\n')).toMatch(/^ {2}The IPP run failed\n\n {2}AADSTS700082: The refresh token has expired due to inactivity\./);
    expect(run.stdout).toContain('Found: Refresh token expired.');
  });
});

describe('kb triage refuses what is not a screenshot, clearly', () => {
  it('gives a ticket whose image is missing, unreadable or no image its own error line (exit 2), and triages the rest', () => {
    writeFileSync(join(scratch, 'notes.png'), 'AADSTS700082 is not a picture');
    const input = [
      { id: 'T-1', image: 'missing.png' },
      { id: 'T-2', image: 'notes.png' },
      { id: 'T-3', image: 42 },
      { id: 'T-4', text: 'Username is empty for the data source' },
      { id: 'T-5', image: 'notes.png', screenshot: 'mine' },
    ];
    writeFileSync(join(scratch, 'tickets.jsonl'), input.map((ticket) => JSON.stringify(ticket)).join('\n'));
    const run = kb(['triage', '--jsonl', join(scratch, 'tickets.jsonl')]);
    expect(run.status).toBe(2);
    const out = lines(run.stdout);
    expect(out.map((row) => [row.id, row.error ?? row.matches[0].id])).toEqual([
      ['T-1', 'cannot read the image missing.png: ENOENT'],
      ['T-2', 'cannot read the image notes.png: not a screenshot we can read: it is not a PNG, JPEG or WebP image'],
      ['T-3', 'the "image" field must be the path of a screenshot (PNG, JPEG or WebP)'],
      ['T-4', 'username-empty'],
      ['T-5', 'the input field "screenshot" has the name of a result field; rename it'],
    ]);
  });

  it('names an image format it does not read, and an image given to --jsonl', () => {
    writeFileSync(join(scratch, 'shot.gif'), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    const gif = kb(['triage', join(scratch, 'shot.gif')]);
    expect(gif.status).toBe(2);
    expect(gif.stderr).toContain('it is a GIF image; save the screenshot as PNG, JPEG or WebP');
    const jsonl = kb(['triage', '--jsonl', join(FIXTURES, 'dark-realworld-public-1.png')]);
    expect(jsonl.status).toBe(2);
    expect(jsonl.stderr).toContain('is an image; --jsonl reads JSON Lines tickets (a ticket names its screenshot in "image")');
  });

  it('reports a damaged image as an input error (exit 2), not a crash', OCR_TIMEOUT, () => {
    const png = readFileSync(join(FIXTURES, 'zoom-75-hard-cases-3.png'));
    writeFileSync(join(scratch, 'cut.png'), png.subarray(0, 200));
    const run = kb(['triage', join(scratch, 'cut.png')]);
    expect(run.status).toBe(2);
    // (The image library's own complaint may come first: it writes to standard error itself.)
    expect(run.stderr).toMatch(/^kb: cannot read .*cut\.png: the PNG image could not be decoded/m);
  });
});
