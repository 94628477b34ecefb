/** The CLI: same engine and answers as the page, JSON contracts, stdin, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engine, ROOT } from '../support/kb.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kb(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/kb.ts'), ...args], { input, encoding: 'utf8', cwd: scratch });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const PASTE = '{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.\\r\\nTrace ID: 0f0e0d0c-0b0a-4909-8807-060504030201"}';

describe('kb triage', () => {
  it('prints a readable diagnosis from stdin', () => {
    const run = kb(['triage', '-'], PASTE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Match (high): Grant revoked after a password change or reset  [grant-revoked]');
    expect(run.stdout).toMatch(/Resolution: New refresh token/);
    expect(run.stdout).toMatch(/Article: +\/errors\/grant-revoked\//);
    expect(run.stdout).toContain('AADSTS50173');
  });

  it('reads a file and makes links absolute with --base-url', () => {
    const file = join(scratch, 'ticket.txt');
    writeFileSync(file, 'Password is empty for the data source');
    const run = kb(['triage', file, '--base-url', 'https://help.example.com']);
    expect(run.stdout).toContain('https://help.example.com/errors/password-empty/');
  });

  it('--json prints the contract object, identical to the engine the page runs', () => {
    const run = kb(['triage', '--json', '-'], PASTE);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result.matches[0])).toEqual(expect.arrayContaining(['id', 'title', 'fix', 'resolution', 'url', 'confidence', 'score', 'evidence']));
    expect(result.segments[0]).toHaveProperty('text');
    expect(result.segments[0]).toHaveProperty('matches');
    expect(result).toEqual(JSON.parse(JSON.stringify(engine.triage(PASTE))));
  });

  it('--jsonl reads {"text"} lines and writes one result per line', () => {
    const lines = [PASTE, 'Username is empty for the data source', 'hello'].map((text) => JSON.stringify({ text })).join('\n');
    const run = kb(['triage', '--jsonl', '-'], `${lines}\n`);
    expect(run.status).toBe(0);
    const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => result.matches[0]?.id ?? null)).toEqual(['grant-revoked', 'username-empty', null]);
  });

  it('names an Entra code it does not cover, with Microsoft\'s lookup', () => {
    const run = kb(['triage', '-'], 'AADSTS50011: The reply url specified in the request does not match the reply urls configured for the application');
    expect(run.stdout).toContain('Not an IPP error documented here: AADSTS50011 (https://login.microsoftonline.com/error?code=50011)');
  });

  it('says plainly when nothing is recognised, and still exits 0', () => {
    const run = kb(['triage', '-'], 'The printer is out of paper');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No known error was recognised.');
  });

  it('exits non-zero on real errors only: bad usage, unreadable file, invalid JSON Lines', () => {
    expect(kb(['frobnicate']).status).toBe(2);
    expect(kb(['triage', '--bogus']).status).toBe(2);
    const missing = kb(['triage', join(scratch, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const invalid = kb(['triage', '--jsonl', '-'], 'not json\n');
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toContain('"line":1');
  });

  it('prints help', () => {
    const run = kb(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: kb triage [FILE|-]');
  });
});
