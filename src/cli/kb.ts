#!/usr/bin/env node
/**
 * `kb`: the knowledge base on the command line, for support agents (triage a
 * ticket or a backlog of them) and authors (what to write next, a rule
 * drafted from a paste). Same rules, same engine, same answers as the page.
 *
 * This file only dispatches and turns failures into exit statuses
 * (./exit.ts); each command lives in ./commands/.
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT, type ExitStatus, UsageError } from './exit.ts';
import { exitQuietlyWhenOutputCloses, flush } from './output.ts';
import { printable } from './terminal.ts';
import { triageCommand } from './commands/triage.ts';
import { gapsCommand } from './commands/gaps.ts';
import { newCommand } from './commands/new.ts';

export const HELP = `Usage: kb triage [FILE|-] [--json | --jsonl] [--show-text] [options]
       kb gaps [FILE|-] [--json | --markdown] [--top N] [options]
       kb new --from FILE|- [--id ID] [--category SLUG] [--stdout] [--force] [options]

kb triage   Diagnoses IPP audit-log errors: a pasted message, a ticket, a
            whole audit-log export (any size), or a screenshot of one (PNG,
            JPEG or WebP, told by its content; read by OCR on this machine),
            and says which error it is, how sure it is, why, and what to do.
            Reads standard input when FILE is "-" or missing.
            An export that names datasources leads with a table of them: which
            are failing now, since when, with which errors.
  --json          one JSON object: {"matches": [...], "segments": [...], "unknownCodes": [...],
                  "stats": {...}, "datasources": [...], "timeOrder": "..."};
                  for a screenshot also "source": "image", "text" (what was read) and "repairs"
  --jsonl         JSON Lines in ({"text": "...", other fields} per ticket), one result
                  per non-blank line out, in input order: {"line": N, other fields, "matches", ...};
                  a ticket may name a screenshot in "image" (a path, relative to the
                  JSON Lines file's folder): its text is read and triaged after the
                  ticket's "text", and the result adds "screenshot": {"text", "repairs"}
  --show-text     for a screenshot: print the text read from it before the diagnosis

kb gaps     Content gaps: triages tickets (JSON Lines, or a plain-text export)
            and ranks the failures that no rule answers, grouped by message
            with ids, dates and names masked: what to write next.
  --json | --markdown   machine-readable, or a table for an issue or a wiki (default: text)
  --top N               list the N most frequent gaps (default 20; 0 for all)

kb new      Drafts a rule entry from a real paste: its message as a template
            with {placeholders}, its codes, the paste as first example, the
            category and fix of the nearest rule. Writes rules/<category>/<id>.mdx;
            the fields a person must write are left empty, so the build fails
            naming them until they are filled in.
  --from FILE|-   the paste
  --id ID         the rule's id (default: made from the message)
  --category SLUG the primary category (default: the nearest rule's)
  --stdout        print the draft instead of writing it
  --force         write even when a rule already answers the paste, or the file exists

Options of every command:
  --base-url URL  make article links absolute, keeping any path (default: $KB_SITE_URL;
                  else site-relative); applies to --json and --jsonl too
  --root DIR      the knowledge base (project folder) to use (default: this project)
  --jobs N        worker threads for bulk input (default: one per core)
  --no-cache      compile the rules now instead of reusing the cached index
  -h, --help      show this help

Exit status:
  0  the input was read (whether or not an error was recognised)
  1  kb itself failed (a bug: please report it)
  2  usage or input error: bad option, unreadable file or image, invalid JSON Lines
     line (or a ticket's unreadable image), invalid or empty knowledge base, invalid --base-url
  3  input over the size limit: a JSON Lines ticket, or one record of a plain-text
     input, with more than 6,000,000 characters (the rest is still triaged)

Examples:
  kb triage ticket.txt
  kb triage --show-text screenshot.png
  pbpaste | kb triage -
  kb triage --jsonl tickets.jsonl > diagnoses.jsonl
  kb gaps --markdown tickets.jsonl > gaps.md
  kb new --from paste.txt
`;

const COMMANDS: Record<string, (args: string[]) => Promise<ExitStatus | 'help'>> = {
  triage: triageCommand,
  gaps: gapsCommand,
  new: newCommand,
};

async function main(argv: string[]): Promise<ExitStatus> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(`missing command (commands: ${Object.keys(COMMANDS).join(', ')})`);
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const run = COMMANDS[command];
  if (!run) {
    // "kb --json" and the like: check the options first, so the message names the real mistake.
    if (command.startsWith('-')) parseArgs({ args: [command], options: {} });
    throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  }
  const status = await run(rest);
  if (status === 'help') {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  return status;
}

exitQuietlyWhenOutputCloses();
let status: ExitStatus;
try {
  status = await main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof CliError;
  const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kb: ${printable(known || parseError ? message : `internal error: ${(error as Error).stack ?? message}`)}\n`);
  if (parseError || (known && error.showUsage)) process.stderr.write('Run "kb --help" for usage.\n');
  status = known ? error.status : parseError ? EXIT.USAGE : EXIT.INTERNAL;
}
await flush();
process.exit(status);
