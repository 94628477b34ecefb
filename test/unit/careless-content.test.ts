/**
 * Careless rule entries are refused, each with the file and the field named,
 * root cause first and exactly once, by the same checks the build and the
 * CLI run (`loadKnowledgeBase` then `assertValidContent`).
 *
 * Each test works on a scratch copy of the shipped content in a git
 * repository: everything shipped plus an older probe rule is committed, and
 * the test adds the careless entry. The new probe's path sorts before the old
 * one, so a check that blamed by path order instead of git history would name
 * the wrong file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gitFileAges } from '../../src/content/file-age.ts';
import { InvalidContentError, loadKnowledgeBase } from '../../src/content/load.ts';
import { MAX_TEMPLATE_CHARS } from '../../src/content/schema.ts';
import { assertValidContent, findContentProblems } from '../../src/content/validate.ts';
import { ROOT } from '../support/kb.ts';
import { commitEverything, copyContent, git, probeRule, writeFile } from '../support/scratch-project.ts';

const OLD = 'rules/refresh-token/zz-old-probe.mdx';
const NEW = 'rules/refresh-token/new-probe.mdx';
const OLD_MESSAGE = 'Probe widget frobnicated on {date}';
const OLD_CODE = 'AADSTS9990001';

const temp = mkdtempSync(join(tmpdir(), 'kb-careless-'));
const base = join(temp, 'base');
let dir: string;
let copies = 0;

// Git and file copies are slow on a loaded machine: hooks get the time a test gets.
const HOOK_TIMEOUT = 60_000;

beforeAll(() => {
  copyContent(base);
  commitEverything(base);
  writeFile(base, OLD, probeRule({ messages: [OLD_MESSAGE], codes: [OLD_CODE] }));
  git(base, 'add', '--all');
  git(base, 'commit', '--quiet', '--message', 'an older probe rule');
  // A commit leaves one loose object per file; packed, the repository is a
  // few dozen files and each test's copy of it takes a fraction of the time.
  git(base, 'gc', '--quiet');
}, HOOK_TIMEOUT);
afterAll(() => rmSync(temp, { recursive: true, force: true }), HOOK_TIMEOUT);
beforeEach(() => {
  dir = join(temp, `copy-${++copies}`);
  cpSync(base, dir, { recursive: true });
}, HOOK_TIMEOUT);
afterEach(() => rmSync(dir, { recursive: true, force: true }), HOOK_TIMEOUT);

/** What the build and the CLI would refuse, one line per problem (empty when the content is valid). */
function refusals(root = dir): string[] {
  try {
    assertValidContent(loadKnowledgeBase(root));
    return [];
  } catch (error) {
    if (error instanceof InvalidContentError) return error.problems.map((problem) => problem.message);
    throw error;
  }
}

const addProbe = (fields: Record<string, unknown>, file = NEW) => writeFile(dir, file, probeRule(fields));

describe('the same message twice', () => {
  it.each([
    ['a trailing dot', 'Probe widget frobnicated on {date}.'],
    ['another case', 'probe widget FROBNICATED on {date}'],
    ['other punctuation', 'Probe widget: frobnicated, on {date}!'],
    ['a hyphen for a space', 'Probe-widget frobnicated on {date}'],
    ['a renamed placeholder', 'Probe widget frobnicated on {issued}'],
    ['all of these at once', '"PROBE-WIDGET" frobnicated on: {when}...'],
  ])('with %s is refused on the newer file, naming the older one', (_, message) => {
    addProbe({ messages: [message] });
    expect(refusals()).toEqual([
      `${NEW}: field "messages.0": "${message}" differs from messages.0 of ${OLD} ("${OLD_MESSAGE}") only in case, punctuation or placeholder names, so it is the same message: keep one`,
    ]);
  });

  it('word for word is "already" a message, and the field is the message\'s position', () => {
    addProbe({ messages: ['Probe gizmo stalled for {user}', OLD_MESSAGE] });
    expect(refusals()).toEqual([`${NEW}: field "messages.1": "${OLD_MESSAGE}" is already messages.0 of ${OLD}`]);
  });

  it('within one rule is refused by the schema, naming both positions', () => {
    addProbe({ messages: ['Probe gadget failed for {user}', 'Probe gadget jammed', 'probe gadget failed for {name}.'] });
    expect(refusals()).toEqual([
      `${NEW}: field "messages.2": "probe gadget failed for {name}." differs from messages.0 ("Probe gadget failed for {user}") only in case, punctuation or placeholder names, so it is the same message: keep one`,
    ]);
  });

  it('is not claimed for messages with other words or other placeholders', () => {
    addProbe({ messages: ['Probe widget frobnicated again on {date}', 'Probe widget frobnicated on {date} by {user}', 'Probe widget frobnicated'] });
    expect(refusals()).toEqual([]);
  });
});

describe('templates that could never work', () => {
  it.each(['{resource}', '{a}: {b}.', '{code} - {detail} ({trace})'])('%s has no words outside its placeholders', (message) => {
    addProbe({ messages: ['Probe gizmo stalled', message] });
    expect(refusals()).toEqual([`${NEW}: field "messages.1": has no words outside its {placeholders}, so it could never be recognised`]);
  });

  it(`a 129 KB template is refused; ${MAX_TEMPLATE_CHARS} characters are accepted`, () => {
    addProbe({ messages: ['Probe gadget overflowed '.repeat(5400)] });
    expect(refusals()).toEqual([
      `${NEW}: field "messages.0": is longer than ${MAX_TEMPLATE_CHARS} characters: quote the message, not the whole log entry (put the rest in examples)`,
    ]);
    addProbe({ messages: [`Probe gadget ${'z'.repeat(MAX_TEMPLATE_CHARS - 'Probe gadget '.length)}`] });
    expect(refusals()).toEqual([]);
  });
});

describe('file names', () => {
  it.each([
    ['a space', 'rules/refresh-token/Probe Rule.mdx', 'Probe Rule', 'rules/refresh-token/probe-rule.mdx'],
    ['capitals', 'rules/refresh-token/ProbeRule.mdx', 'ProbeRule', 'rules/refresh-token/probe-rule.mdx'],
    ['an underscore', 'rules/refresh-token/probe_rule.mdx', 'probe_rule', 'rules/refresh-token/probe-rule.mdx'],
    ['accents', 'rules/refresh-token/règle-sonde.mdx', 'règle-sonde', 'rules/refresh-token/regle-sonde.mdx'],
  ])('with %s are refused, naming the address it would get and a slug to use', (_, file, id, renamed) => {
    addProbe({ messages: ['Probe gizmo stalled'] }, file);
    expect(refusals()).toEqual([
      `${file}: field "id (file name)": "${id}" is not a lower-case slug (a-z, 0-9, words joined by "-"), and the file name is the page's address (/errors/${id}/): rename it to ${renamed}`,
    ]);
  });

  it('not a slug is the one problem of a copied rule (its clashes follow from the copy and are not listed)', () => {
    writeFile(dir, 'rules/refresh-token/Old Probe.mdx', readFileSync(join(dir, OLD), 'utf8'));
    expect(refusals()).toEqual([
      'rules/refresh-token/Old Probe.mdx: field "id (file name)": "Old Probe" is not a lower-case slug (a-z, 0-9, words joined by "-"), and the file name is the page\'s address (/errors/Old Probe/): rename it to rules/refresh-token/old-probe.mdx',
    ]);
  });

  it('of guides are slugs too', () => {
    writeFile(dir, 'content/guides/Check Tenant.mdx', readFileSync(join(ROOT, 'content/guides/check-username.mdx'), 'utf8'));
    expect(refusals()).toEqual([
      'content/guides/Check Tenant.mdx: field "id (file name)": "Check Tenant" is not a lower-case slug (a-z, 0-9, words joined by "-"), and the file name is the page\'s address (/guides/Check Tenant/): rename it to content/guides/check-tenant.mdx',
    ]);
  });

  it.each([
    ['rules/refresh-token/probe.md', 'rules/refresh-token/probe.mdx'],
    ['rules/refresh-token/probe.MDX', 'rules/refresh-token/probe.mdx'],
    ['rules/refresh-token/probe.txt', 'rules/refresh-token/probe.mdx'],
    ['rules/refresh-token/probe.mdx.bak', 'rules/refresh-token/probe-mdx.mdx'],
    ['rules/refresh-token/Probe Notes.txt', 'rules/refresh-token/probe-notes.mdx'],
    ['rules/probe', 'rules/probe.mdx'],
  ])('%s, which the build would skip, is refused', (file, renamed) => {
    addProbe({ messages: ['Probe gizmo stalled'] }, file);
    expect(refusals()).toEqual([`${file}: field "file name": does not end in ".mdx", so the site would leave it out without a word: rename it to ${renamed}`]);
  });

  it('a category file must be .md, as its collection says', () => {
    writeFile(dir, 'content/categories/probe.mdx', readFileSync(join(ROOT, 'content/categories/refresh-token.md'), 'utf8'));
    expect(refusals()).toEqual([
      'content/categories/probe.mdx: field "file name": does not end in ".md", so the site would leave it out without a word: rename it to content/categories/probe.md',
    ]);
  });

  it('hidden files and folders are not content, for the loader as for Astro', () => {
    writeFile(dir, 'rules/refresh-token/.DS_Store', '\0\0');
    writeFile(dir, 'rules/.drafts/Draft Rule.md', 'notes');
    expect(refusals()).toEqual([]);
  });

  it('a rule outside a category folder is refused', () => {
    addProbe({ messages: ['Probe gizmo stalled'] }, 'rules/new-probe.mdx');
    expect(refusals()).toEqual(['rules/new-probe.mdx: field "categories.0": the primary category is "refresh-token", but the file is directly under rules/']);
  });
});

describe('codes claimed by two rules', () => {
  const NOT_SHARED = `"${OLD_CODE}" is already a code of ${OLD}: a code identifies one rule, unless every rule that lists it also lists it in sharedCodes`;

  it('neither sharing it: refused on the newer rule', () => {
    addProbe({ messages: ['Probe gizmo stalled'], codes: ['TooManyProbes', OLD_CODE] });
    expect(refusals()).toEqual([`${NEW}: field "codes.1": ${NOT_SHARED}`]);
  });

  it('in another case it is the same code', () => {
    addProbe({ messages: ['Probe gizmo stalled'], codes: [OLD_CODE.toLowerCase()] });
    expect(refusals()).toEqual([`${NEW}: field "codes.0": ${NOT_SHARED.replace(`"${OLD_CODE}"`, `"${OLD_CODE.toLowerCase()}"`)}`]);
  });

  it('shared by the newer rule only: refused, saying the older rule claims it alone', () => {
    addProbe({ messages: ['Probe gizmo stalled'], codes: [OLD_CODE], sharedCodes: [OLD_CODE] });
    expect(refusals()).toEqual([
      `${NEW}: field "codes.0": "${OLD_CODE}" is already a code of ${OLD}, which does not list it in sharedCodes: a code two rules list must be in the sharedCodes of both`,
    ]);
  });

  it('shared by the older rule only: refused, asking the newer rule to share it too', () => {
    addProbe({ messages: [OLD_MESSAGE], codes: [OLD_CODE], sharedCodes: [OLD_CODE] }, OLD);
    addProbe({ messages: ['Probe gizmo stalled'], codes: [OLD_CODE] });
    expect(refusals()).toEqual([`${NEW}: field "codes.0": "${OLD_CODE}" is a shared code of ${OLD}: list it in sharedCodes here too, or leave it out`]);
  });

  it('shared by both: allowed', () => {
    addProbe({ messages: [OLD_MESSAGE], codes: [OLD_CODE], sharedCodes: [OLD_CODE] }, OLD);
    addProbe({ messages: ['Probe gizmo stalled'], codes: [OLD_CODE], sharedCodes: [OLD_CODE] });
    expect(refusals()).toEqual([]);
  });

  it('a shared code missing from codes is refused by the schema', () => {
    addProbe({ messages: ['Probe gizmo stalled'], codes: ['AADSTS9990002'], sharedCodes: ['AADSTS9990003'] });
    expect(refusals()).toEqual([
      `${NEW}: field "sharedCodes.0": "AADSTS9990003" is not in codes: a shared code is still one of the rule's codes, so list it there too`,
    ]);
  });

  it('a code listed twice in one rule is refused by the schema', () => {
    addProbe({ messages: ['Probe gizmo stalled'], codes: ['TooManyProbes', 'toomanyprobes'] });
    expect(refusals()).toEqual([`${NEW}: field "codes.1": "toomanyprobes" is already codes.0`]);
  });
});

describe('a clash is blamed on the newer file', () => {
  it('a file added by a later commit is newer, whatever its path', () => {
    const later = 'rules/account-details/aa-probe.mdx';
    addProbe({ messages: [OLD_MESSAGE], categories: ['account-details'], fix: 'check-username' }, later);
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'a later probe');
    expect(refusals()).toEqual([`${later}: field "messages.0": "${OLD_MESSAGE}" is already messages.0 of ${OLD}`]);
  });

  it('the same file name in another folder: the id first, then what the copy repeats', () => {
    const copy = 'rules/account-details/zz-old-probe.mdx';
    addProbe({ messages: [OLD_MESSAGE], codes: [OLD_CODE], categories: ['account-details'], fix: 'check-username' }, copy);
    expect(refusals()).toEqual([
      `${copy}: field "id (file name)": "zz-old-probe" is already the id of ${OLD}`,
      `${copy}: field "messages.0": "${OLD_MESSAGE}" is already messages.0 of ${OLD}`,
      `${copy}: field "codes.0": "${OLD_CODE}" is already a code of ${OLD}: a code identifies one rule, unless every rule that lists it also lists it in sharedCodes`,
    ]);
  });

  it('an alias that takes an older id, and an id that takes an older alias', () => {
    addProbe({ messages: [OLD_MESSAGE], codes: [OLD_CODE], aliases: ['probe-former'] }, OLD); // an edit: the file stays old
    addProbe({ messages: ['Probe gizmo stalled'], aliases: ['zz-old-probe'] });
    addProbe({ messages: ['Probe gizmo jammed'] }, 'rules/refresh-token/probe-former.mdx');
    expect(refusals()).toEqual([
      `${NEW}: field "aliases.0": "zz-old-probe" is already the id of ${OLD}`,
      `rules/refresh-token/probe-former.mdx: field "id (file name)": "probe-former" is already an alias (a former id, kept as a redirect) of ${OLD}`,
    ]);
  });

  it('an alias listed twice in one rule is refused by the schema', () => {
    addProbe({ messages: ['Probe gizmo stalled'], aliases: ['probe-one', 'probe-two', 'probe-one'] });
    expect(refusals()).toEqual([`${NEW}: field "aliases.2": "probe-one" is already aliases.0`]);
  });

  it("an alias that is the file's own id", () => {
    addProbe({ messages: ['Probe gizmo stalled'], aliases: ['new-probe'] });
    expect(refusals()).toEqual([`${NEW}: field "aliases.0": "new-probe" is this file's own id: aliases list former ids`]);
  });

  it('files of one commit, or none committed, or no git history: the later path, and the message says why', () => {
    const first = 'rules/refresh-token/probe-a.mdx';
    const second = 'rules/refresh-token/probe-b.mdx';
    addProbe({ messages: ['Probe gizmo stalled'] }, first);
    addProbe({ messages: ['Probe gizmo stalled.'] }, second);
    const clash = (note: string) => [
      `${second}: field "messages.0": "Probe gizmo stalled." differs from messages.0 of ${first} ("Probe gizmo stalled") only in case, punctuation or placeholder names, so it is the same message: keep one (${note})`,
    ];
    expect(refusals()).toEqual(clash('neither file is committed yet, so the later path counts as the newer file'));
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'two probes at once');
    expect(refusals()).toEqual(clash('both files were added by the same commit, so the later path counts as the newer file'));
    rmSync(join(dir, '.git'), { recursive: true });
    expect(refusals()).toEqual(clash('there is no git history here, so the later path counts as the newer file'));
  });

  it('git is asked only when there is a clash to decide', () => {
    let asked = 0;
    const ages = gitFileAges(dir, ['rules'], () => {
      asked++;
      return new Map();
    });
    expect(findContentProblems(loadKnowledgeBase(dir), ages)).toEqual([]);
    expect(asked).toBe(0);
    addProbe({ messages: [OLD_MESSAGE] });
    expect(findContentProblems(loadKnowledgeBase(dir), ages)).toHaveLength(1);
    expect(asked).toBe(1);
  });
});

describe('every consumer refuses the same entries', () => {
  it('the CLI exits 2 naming the file and the field', () => {
    addProbe({ messages: ['Probe widget frobnicated on {date}.'] });
    const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/kb.ts'), 'triage', '--root', dir, '-'], { input: 'x', encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${NEW}: field "messages.0": "Probe widget frobnicated on {date}." differs from messages.0 of ${OLD}`);
  });

  it('every problem of every file is listed at once, misnamed and invalid files before clashes are checked', () => {
    addProbe({ messages: ['{a}'] });
    addProbe({ messages: ['Probe gizmo stalled'] }, 'rules/refresh-token/Probe Two.mdx');
    writeFile(dir, 'rules/refresh-token/probe-three.md', 'notes');
    unlinkSync(join(dir, 'content/categories/refresh-token.md')); // every refresh-token rule now names a missing category
    expect(refusals()).toEqual([
      'rules/refresh-token/Probe Two.mdx: field "id (file name)": "Probe Two" is not a lower-case slug (a-z, 0-9, words joined by "-"), and the file name is the page\'s address (/errors/Probe Two/): rename it to rules/refresh-token/probe-two.mdx',
      `${NEW}: field "messages.0": has no words outside its {placeholders}, so it could never be recognised`,
      'rules/refresh-token/probe-three.md: field "file name": does not end in ".mdx", so the site would leave it out without a word: rename it to rules/refresh-token/probe-three.mdx',
    ]);
  });
});
