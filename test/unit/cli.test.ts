/**
 * The CLI in pipes and terminals: same engine and answers as the page, JSON
 * contracts, standard input from slow writers, escape sequences, closed
 * pipes, exit statuses, byte order marks, base URLs, empty knowledge bases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../src/triage/engine.ts';
import { engine } from '../support/kb.ts';
import { kb, kbSlowWriter, shell } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const PASTE =
  '{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.\\r\\nTrace ID: 0f0e0d0c-0b0a-4909-8807-060504030201"}';

describe('kb triage', () => {
  it('prints a readable diagnosis from stdin', () => {
    const run = kb(['triage', '-'], PASTE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Match (high): Grant revoked after a password change or reset  [grant-revoked]');
    expect(run.stdout).toMatch(/Resolution: New refresh token/);
    expect(run.stdout).toMatch(/Article: +\/errors\/grant-revoked\//);
    expect(run.stdout).toContain('AADSTS50173');
  });

  it('--json prints the contract object, identical to the engine the page runs', () => {
    const run = kb(['triage', '--json', '-'], PASTE);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result.matches[0])).toEqual(
      expect.arrayContaining(['id', 'title', 'fix', 'resolution', 'url', 'confidence', 'score', 'evidence', 'steps', 'codes']),
    );
    expect(result).toEqual(JSON.parse(JSON.stringify(engine.triage(PASTE))));
  });

  it("names an Entra code it does not cover, with Microsoft's lookup", () => {
    const run = kb(['triage', '-'], 'AADSTS50011: The reply url specified in the request does not match the reply urls configured for the application');
    expect(run.stdout).toContain('AADSTS50011 (https://login.microsoftonline.com/error?code=50011)');
  });

  it('says plainly when nothing is recognised, and still exits 0', () => {
    const run = kb(['triage', '-'], 'The printer is out of paper');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No known error was recognised.');
  });

  it('prints help, and the exit statuses it documents', () => {
    const run = kb(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: kb triage [FILE|-]');
    expect(run.stdout).toMatch(/Exit status:\n {2}0 [^\n]+\n {2}1 [^\n]+\n {2}2 [^\n]+\n(?: {5}[^\n]+\n)* {2}3 /);
  });
});

describe('success lines are routine, in kb triage and in kb gaps', () => {
  // A healthy export: success reported with failure words counted as none, and one real failure no rule knows.
  const EXPORT = [
    "2026-11-30 02:05:40 INFO Datasource 'Finance US': Preservation run completed: 388 mailboxes, 0 failures",
    "2026-11-30 02:05:41 INFO Datasource 'HR': Completed with no errors",
    "2026-11-30 02:05:42 INFO Datasource 'Legal': 0 errors, 0 warnings",
    "2026-11-30 02:05:43 ERROR Datasource 'Board': Preservation job 17 failed: the retention queue is frozen",
  ].join('\n');

  it('kb triage lists only the failure as not recognised', () => {
    const json = JSON.parse(kb(['triage', '--json', '-'], EXPORT).stdout);
    expect(json.stats).toMatchObject({ records: 4, skipped: 3, unrecognised: 1 });
    expect(json.segments.map((segment: { lines: number[] }) => segment.lines[0])).toEqual([4]);
    const text = kb(['triage', '-'], EXPORT).stdout;
    expect(text).toContain('4 datasources: 1 failing now (Board), 3 succeeded.');
    expect(text).toMatch(/Finance US +succeeded/);
    const unrecognised = text.slice(text.indexOf('Not recognised'));
    expect(unrecognised).toContain('line 4, Datasource Board');
    expect(unrecognised).not.toMatch(/Finance US|0 failures|no errors/);
  });

  it('kb gaps ranks the failure and nothing else', () => {
    const report = JSON.parse(kb(['gaps', '--json', '-'], EXPORT).stdout);
    expect(report.gaps.map((gap: { template: string }) => gap.template)).toEqual([expect.stringContaining('retention queue is frozen')]);
  });
});

describe('standard input, from any writer', () => {
  it('waits for a slow writer on a pipe (no EAGAIN)', async () => {
    const run = await kbSlowWriter(['triage', '-'], ['AADSTS', '700082', ' refresh token expired\n'], 400);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[refresh-token-expired]');
  });

  it('reads a 5.9 MB export through `cat | kb triage -` in full', () => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 5_900_000; i++) {
      const line =
        i % 100 === 0
          ? `2025-03-04 02:00:00 ERROR Datasource 'D${i}': Username is empty for the data source`
          : `2025-03-04 02:00:01 INFO Datasource 'D${i}' preserved ${i} items: Success`;
      lines.push(line);
      size += line.length + 1;
    }
    const path = file('export.log', lines.join('\n'));
    const run = shell(`cat '${path}' | "$NODE" "$KB_CLI" triage --json -`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stats.records).toBe(lines.length);
    expect(result.matches[0].id).toBe('username-empty');
  });

  it('ignores a byte order mark, in plain text and in JSON Lines', () => {
    const bom = '\uFEFF';
    expect(kb(['triage', '--json', file('bom.txt', `${bom}Username is empty for the data source`)]).stdout).toContain('"username-empty"');
    const run = kb(['triage', '--jsonl', file('bom.jsonl', `${bom}{"id":"T-1","text":"Username is empty for the data source"}\n`)]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.line, result.id, result.matches[0].id]).toEqual([1, 'T-1', 'username-empty']);
  });
});

describe('output in terminals and pipes', () => {
  it('shows escape sequences from a ticket escaped, never raw', () => {
    const hostile = '\x1b[2J\x1b[H\x1b[32mMatch (high): Forged  [fake]\x1b[0m\rPassword is empty for the data source \x07\u202e';
    const run = kb(['triage', '-'], hostile);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[password-empty]');
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    // Where the paste is quoted, its escapes are visible as text.
    const unrecognised = kb(
      ['triage', '-'],
      "2025-01-01 10:00:00 ERROR Datasource 'HR': Password is empty for the data source\n2025-01-01 10:00:01 ERROR Datasource 'X\x1b[2J': the widget failed \x1b[31mbadly",
    );
    expect(unrecognised.stdout).toContain('\\e[2J');
    expect(unrecognised.stdout).not.toContain('\x1b');
  });

  it('ends quietly with exit 0 when the reader closes the pipe (`| head -1`)', () => {
    const big = file('big.jsonl', Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: PASTE })).join('\n'));
    for (const args of [`triage --json '${file('paste.txt', PASTE)}'`, `triage --jsonl --jobs 2 '${big}'`]) {
      const run = shell(`"$NODE" "$KB_CLI" ${args} 2>"${scratch}/err" | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}"; cat "${scratch}/err"`);
      expect(run.stdout.trim(), args).toBe('status=0');
    }
  });
});

describe('exit statuses', () => {
  const huge = 'x'.repeat(MAX_INPUT_CHARS + 10);
  const cases: Array<{ name: string; args: string[]; input?: string; status: number; stderr?: RegExp; stdout?: RegExp }> = [
    { name: 'read and recognised', args: ['triage', '-'], input: PASTE, status: 0 },
    { name: 'read, nothing recognised', args: ['triage', '-'], input: 'hello', status: 0 },
    { name: 'no command', args: [], status: 2 },
    { name: 'unknown command', args: ['frobnicate'], status: 2, stderr: /unknown command "frobnicate"/ },
    { name: 'unknown option', args: ['triage', '--bogus'], status: 2, stderr: /bogus/ },
    { name: 'two inputs', args: ['triage', 'a', 'b'], status: 2, stderr: /unexpected argument "b"/ },
    { name: '--json with --jsonl', args: ['triage', '--json', '--jsonl'], status: 2 },
    { name: 'unreadable file', args: ['triage', '/nonexistent/ticket.txt'], status: 2, stderr: /cannot read \/nonexistent\/ticket.txt: ENOENT/ },
    { name: 'invalid JSON Lines line', args: ['triage', '--jsonl', '-'], input: 'not json\n', status: 2, stdout: /"line":1,"error":"not valid JSON/ },
    { name: 'bad --jobs', args: ['triage', '--jobs', '0', '-'], input: 'x', status: 2, stderr: /--jobs/ },
    {
      name: 'bad --base-url',
      args: ['triage', '--base-url', 'help.example.com', '-'],
      input: PASTE,
      status: 2,
      stderr: /--base-url "help.example.com" is not a URL/,
    },
    { name: 'non-http --base-url', args: ['triage', '--base-url', 'javascript:alert(1)', '-'], input: PASTE, status: 2, stderr: /http or https/ },
    { name: 'plain text: one record over the limit', args: ['triage', '-'], input: huge, status: 3, stderr: /6,000,000 characters/ },
    {
      name: 'JSON Lines: one ticket over the limit',
      args: ['triage', '--jsonl', '-'],
      input: `${JSON.stringify({ id: 'big', text: huge })}\n{"id":"ok","text":"hello"}\n`,
      status: 3,
    },
  ];
  for (const { name, args, input, status, stderr, stdout } of cases) {
    it(`${status}: ${name}`, () => {
      const run = kb(args, input ?? '');
      expect(run.status, run.stderr).toBe(status);
      if (stderr) expect(run.stderr).toMatch(stderr);
      if (stdout) expect(run.stdout).toMatch(stdout);
      if (status === 2 || status === 3) expect(run.stderr).toMatch(/^kb: /);
      if (status === 3 && !args.includes('--jsonl')) expect(run.stdout).toBe('');
    });
  }

  it('a ticket over the limit gets its error line, and the others are still triaged', () => {
    const run = kb(['triage', '--jsonl', '-'], `${JSON.stringify({ id: 'big', text: huge })}\n{"id":"ok","text":"Username is empty for the data source"}\n`);
    const [big, ok] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(big).toEqual({ line: 1, id: 'big', error: expect.stringMatching(/the limit is 6,000,000/) });
    expect([ok.line, ok.id, ok.matches[0].id]).toEqual([2, 'ok', 'username-empty']);
  });
});

describe('knowledge base and links', () => {
  it('refuses an empty or missing knowledge base (exit 2) instead of answering "not documented"', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    for (const root of [empty, join(scratch, 'does-not-exist')]) {
      const run = kb(['triage', '--root', root, '-'], PASTE);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^kb: no knowledge base at /);
      expect(run.stdout).toBe('');
    }
  });

  it('keeps the path of --base-url, in the report and in JSON', () => {
    const base = 'https://corp.example/ipp-help';
    const text = kb(['triage', '--base-url', base, '-'], 'Password is empty for the data source');
    expect(text.stdout).toContain('https://corp.example/ipp-help/errors/password-empty/');
    const json = JSON.parse(kb(['triage', '--json', '--base-url', `${base}/`, '-'], 'Password is empty for the data source').stdout);
    expect(json.matches[0].url).toBe('https://corp.example/ipp-help/errors/password-empty/');
    expect(json.segments[0].matches[0].url).toBeUndefined(); // a record's matches name the rule; its details and link are in `matches`
    const jsonl = JSON.parse(kb(['triage', '--jsonl', '--base-url', base, '-'], '{"text":"Password is empty for the data source"}\n').stdout);
    expect(jsonl.matches[0].url).toBe('https://corp.example/ipp-help/errors/password-empty/');
  });

  it('takes $KB_SITE_URL as the base, checked as strictly', () => {
    expect(kb(['triage', '-'], 'Password is empty for the data source', { env: { KB_SITE_URL: 'https://help.example.com' } }).stdout).toContain(
      'https://help.example.com/errors/password-empty/',
    );
    const bad = kb(['triage', '-'], 'x', { env: { KB_SITE_URL: 'not a url' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('$KB_SITE_URL "not a url" is not a URL');
  });
});
