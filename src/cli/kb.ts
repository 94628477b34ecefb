#!/usr/bin/env node
/**
 * `npx kb triage [FILE|-]`: the triage engine on the command line, for support
 * agents working through a backlog of tickets. Same rules, same engine, same
 * answers as the page.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../content/load.ts';
import { toTriageRules } from '../content/triage-rules.ts';
import { assertValidContent } from '../content/validate.ts';
import { buildIndex } from '../triage/index/build.ts';
import { createEngine, InputTooLargeError, type TriageEngine } from '../triage/engine.ts';
import { formatReport } from './report.ts';

const HELP = `Usage: kb triage [FILE|-] [options]

Diagnoses IPP audit-log errors: reads a pasted message, a ticket or a whole
audit-log export, and tells which error it is, how sure it is, why, and what
to do. Reads standard input when FILE is "-" or missing.

Options:
  --json          print one JSON object: {"matches": [...], "segments": [...], "stats": {...}}
  --jsonl         read JSON Lines ({"text": "..."} per line) and print one result per line
  --base-url URL  make article links absolute (default: $KB_SITE_URL, else site-relative)
  --root DIR      knowledge base to use (default: this project)
  -h, --help      show this help

Exit status: 0 when the input was read (whether or not an error was recognised),
2 on a usage error, an unreadable file, invalid JSON Lines or invalid rules.

Examples:
  kb triage ticket.txt
  pbpaste | kb triage -
  kb triage --jsonl tickets.jsonl > diagnoses.jsonl
`;

class UsageError extends Error {}

function readInput(file: string | undefined): string {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) process.stderr.write('Paste the error, then press Ctrl-D.\n');
    return readFileSync(0, 'utf8');
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function loadEngine(root: string): TriageEngine {
  const kb = loadKnowledgeBase(root);
  assertValidContent(kb);
  return createEngine(buildIndex(toTriageRules(kb.rules)));
}

function triageJsonLines(engine: TriageEngine, input: string): number {
  let invalid = 0;
  input.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      invalid++;
      process.stdout.write(`${JSON.stringify({ line: index + 1, error: 'expected a JSON object with a "text" string' })}\n`);
      return;
    }
    process.stdout.write(`${JSON.stringify(safeTriage(engine, text))}\n`);
  });
  if (invalid > 0) process.stderr.write(`kb: ${invalid} line(s) were not {"text": ...} objects\n`);
  return invalid > 0 ? 2 : 0;
}

/** An oversized paste is an answer ("too large"), not a crash. */
function safeTriage(engine: TriageEngine, text: string) {
  try {
    return engine.triage(text);
  } catch (error) {
    if (error instanceof InputTooLargeError) return { error: error.message, matches: [], segments: [] };
    throw error;
  }
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== 'triage') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be combined');

  const root = resolve(values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'));
  const engine = loadEngine(root);
  const input = readInput(file);
  if (values.jsonl) return triageJsonLines(engine, input);

  const result = safeTriage(engine, input);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(result, values['base-url'] ?? process.env.KB_SITE_URL ?? ''));
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kb: ${message}\n`);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write('Run "kb --help" for usage.\n');
  }
  process.exitCode = 2;
}
