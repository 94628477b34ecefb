/**
 * `kb new --from FILE|-`: a rule entry drafted from a real paste, written to
 * `rules/<category>/<id>.mdx` (or printed with --stdout). See ../draft/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, MAX_INPUT_CHARS } from '../../triage/engine.ts';
import { answersOf } from '../../triage/present/present.ts';
import { templateOf } from '../../triage/text/template-of.ts';
import { hasWords } from '../../triage/index/template.ts';
import { CliError, EXIT, UsageError, type ExitStatus } from '../exit.ts';
import { readText } from '../input.ts';
import { loadIndex, loadValidKnowledgeBase } from '../knowledge-base.ts';
import { write } from '../output.ts';
import { messageOf } from '../paste/message.ts';
import { FIELDS_TO_WRITE, idFromTemplate, type NearestRule, renderDraft } from '../draft/rule.ts';
import { COMMON_OPTIONS, rootOf } from './common.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function readPaste(file: string): Promise<string> {
  let paste = '';
  for await (const chunk of readText(file)) {
    paste += chunk;
    if (paste.length > MAX_INPUT_CHARS)
      throw new CliError(`the paste has more than ${MAX_INPUT_CHARS.toLocaleString('en')} characters: give one error message`, EXIT.TOO_LARGE);
  }
  paste = paste.trim();
  if (!paste) throw new CliError('the paste is empty');
  return paste;
}

export async function newCommand(args: string[]): Promise<ExitStatus | 'help'> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      from: { type: 'string' },
      id: { type: 'string' },
      category: { type: 'string' },
      stdout: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (the paste is given with --from FILE or --from -)`);
  if (values.from === undefined) throw new UsageError('kb new needs --from FILE (or --from - for standard input)');
  if (values.id !== undefined && !SLUG.test(values.id))
    throw new UsageError(`--id must be a lower-case slug such as "user-account-disabled", not "${values.id}"`);
  const root = rootOf(values);
  let kb;
  try {
    kb = loadValidKnowledgeBase(root);
  } catch (error) {
    // Most often the previous draft, not yet written: one draft at a time keeps the nearest-rule guess sound.
    if (error instanceof CliError) throw new CliError(`${error.message}\nFinish (or remove) that entry before drafting another.`);
    throw error;
  }
  const categories = kb.categories.map((category) => category.id);
  if (values.category !== undefined && !categories.includes(values.category)) {
    throw new UsageError(`--category "${values.category}" is not a category (${categories.join(', ')})`);
  }
  const paste = await readPaste(values.from);

  const engine = createEngine(loadIndex(root, { cacheDir: values['no-cache'] ? false : undefined }).index);
  const result = engine.triage(paste);
  const answer = answersOf(result)[0];
  const ruleOf = (id: string) => kb.rules.find((rule) => rule.id === id);
  if (answer && !values.force) {
    throw new CliError(
      `this paste is already answered by "${answer.id}" (${answer.confidence}), ${ruleOf(answer.id)?.file ?? ''}: add it to that rule's examples instead, or use --force to draft a new rule anyway`,
    );
  }

  const { message, codes } = messageOf(paste);
  const template = templateOf(message).template;
  if (!hasWords(template)) throw new CliError('found no message words in the paste: give the error message as the audit log shows it');

  const top = result.matches[0];
  const nearestRule = top ? ruleOf(top.id) : undefined;
  const nearest: NearestRule | undefined =
    top && nearestRule ? { id: top.id, title: top.title, score: top.score, example: nearestRule.data.examples[0] } : undefined;
  const category = values.category ?? nearestRule?.data.categories[0];
  if (!category) throw new UsageError(`no rule is near this paste, so its category cannot be guessed: give --category (${categories.join(', ')})`);

  const taken = new Set(kb.rules.flatMap((rule) => [rule.id, ...rule.data.aliases]));
  let id = values.id ?? idFromTemplate(template);
  if (values.id === undefined) for (let n = 2; taken.has(id); n++) id = `${idFromTemplate(template)}-${n}`;
  else if (taken.has(id) && !values.force) throw new CliError(`a rule already has the id or alias "${id}": choose another --id`);

  const text = renderDraft({
    id,
    category,
    fix: nearestRule?.data.fix,
    message: template,
    pastedMessage: message,
    codes,
    paste,
    nearest,
    categoryGiven: values.category !== undefined,
  });
  if (values.stdout) {
    await write(text);
    return EXIT.OK;
  }
  const file = join(root, 'rules', category, `${id}.mdx`);
  if (existsSync(file) && !values.force) throw new CliError(`${relative(process.cwd(), file)} already exists: choose another --id, or --force to replace it`);
  mkdirSync(join(root, 'rules', category), { recursive: true });
  writeFileSync(file, text);
  process.stderr.write(
    `kb: drafted ${relative(root, file)} (message: "${template}")\n` +
      `kb: write ${FIELDS_TO_WRITE.filter((field) => field !== 'fix' || !nearestRule).join(', ')}: the build names each until it is done${nearest ? `; check categories and fix, guessed from ${nearest.id}` : ''}\n`,
  );
  return EXIT.OK;
}
