/**
 * Cross-reference checks a per-entry schema cannot make: every rule's fix
 * guide and categories exist, the rule sits in its primary category's folder,
 * and no two rules claim one id or alias, one message or one code.
 *
 * - Messages clash when they differ only in case, punctuation or placeholder
 *   names (`templateShape`): "Refresh token expired." and "refresh token
 *   expired" would give one paste two confident answers.
 * - A code may be claimed by several rules only when every one of them lists
 *   it in `sharedCodes`; otherwise the rules would demote each other.
 * - A clash is reported once, on the newer file (file-age.ts), naming the
 *   older one: the file that brought the clash is the one to change.
 * - Every rule and guide names its sources, except the seed's IPP-only
 *   entries listed in ipp-only.ts (the schema checks each URL; only here is
 *   the file's id known).
 *
 * Each problem names the file and the field.
 */
import { COLLECTIONS } from './collections.ts';
import { ContentError, InvalidContentError } from './errors.ts';
import { gitFileAges, type FileAges } from './file-age.ts';
import { mayGoWithoutSources, type SourcedCollection } from './ipp-only.ts';
import type { Entry, KnowledgeBase } from './load.ts';
import { sameMessageProblem } from './schema.ts';
import { codeKey, templateShape } from '../triage/index/template.ts';

/** One rule's claim on a name, a message or a code that no other rule may share. */
interface Claim {
  /** What must be unique, e.g. the message's shape or the code's lookup key. */
  key: string;
  file: string;
  field: string;
}

interface Clash<C extends Claim> {
  claim: C;
  /** The claims on the same key from older files (or earlier in the same file), oldest first. */
  earlier: C[];
}

const CONTENT_FOLDERS = Object.values(COLLECTIONS).map((collection) => collection.folder);

/**
 * Every claim on a key that an older claim already holds. Claims of one file
 * keep their order, so a file's own id comes before its aliases.
 */
function clashes<C extends Claim>(claims: readonly C[], ages: FileAges, conflicting: (group: readonly C[]) => boolean = () => true): Clash<C>[] {
  const byKey = new Map<string, C[]>();
  for (const claim of claims) {
    const group = byKey.get(claim.key);
    if (group) group.push(claim);
    else byKey.set(claim.key, [claim]);
  }
  const found: Clash<C>[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2 || !conflicting(group)) continue; // git is asked only when there is a clash to decide
    const oldestFirst = [...group].sort((a, b) => ages.compare(a.file, b.file)); // stable: order within a file kept
    oldestFirst.slice(1).forEach((claim, i) => found.push({ claim, earlier: oldestFirst.slice(0, i + 1) }));
  }
  return found;
}

/** `detail`, plus why the file counts as the newer one when git history did not say. */
function blame(ages: FileAges, claim: Claim, owner: Claim, detail: string): ContentError {
  const note = ages.fallbackNote(owner.file, claim.file);
  return new ContentError(claim.file, claim.field, note ? `${detail} (${note})` : detail);
}

function nameClashes(kb: KnowledgeBase, ages: FileAges): ContentError[] {
  const claims = kb.rules.flatMap((rule) => [
    { key: rule.id, file: rule.file, field: 'id (file name)' },
    ...rule.data.aliases.map((alias, i) => ({ key: alias, file: rule.file, field: `aliases.${i}` })),
  ]);
  return clashes(claims, ages).map(({ claim, earlier: [owner] }) => {
    // A file's own id comes before its aliases, and the schema refuses an alias listed twice.
    if (owner!.file === claim.file) return new ContentError(claim.file, claim.field, `"${claim.key}" is this file's own id: aliases list former ids`);
    const what = owner!.field === 'id (file name)' ? 'the id' : 'an alias (a former id, kept as a redirect)';
    return blame(ages, claim, owner!, `"${claim.key}" is already ${what} of ${owner!.file}`);
  });
}

function messageClashes(kb: KnowledgeBase, ages: FileAges): ContentError[] {
  const claims = kb.rules.flatMap((rule) =>
    rule.data.messages.map((message, i) => ({ key: templateShape(message), file: rule.file, field: `messages.${i}`, message })),
  );
  return clashes(claims, ages).map(({ claim, earlier: [owner] }) =>
    blame(ages, claim, owner!, sameMessageProblem(claim.message, owner!.message, `${owner!.field} of ${owner!.file}`)),
  );
}

function codeClashes(kb: KnowledgeBase, ages: FileAges): ContentError[] {
  const claims = kb.rules.flatMap((rule) => {
    const shared = new Set(rule.data.sharedCodes.map(codeKey));
    return rule.data.codes.map((code, i) => ({ key: codeKey(code), file: rule.file, field: `codes.${i}`, code, shared: shared.has(codeKey(code)) }));
  });
  // A code that every rule listing it shares is no clash.
  return clashes(claims, ages, (group) => group.some((claim) => !claim.shared)).flatMap(({ claim, earlier }) => {
    if (!claim.shared) {
      const owner = earlier[0]!;
      return [
        blame(
          ages,
          claim,
          owner,
          owner.shared
            ? `"${claim.code}" is a shared code of ${owner.file}: list it in sharedCodes here too, or leave it out`
            : `"${claim.code}" is already a code of ${owner.file}: a code identifies one rule, unless every rule that lists it also lists it in sharedCodes`,
        ),
      ];
    }
    const exclusive = earlier.find((owner) => !owner.shared);
    if (!exclusive) return [];
    return [
      blame(
        ages,
        claim,
        exclusive,
        `"${claim.code}" is already a code of ${exclusive.file}, which does not list it in sharedCodes: a code two rules list must be in the sharedCodes of both`,
      ),
    ];
  });
}

function referenceProblems(kb: KnowledgeBase): ContentError[] {
  const problems: ContentError[] = [];
  const fixGuides = new Set(kb.guides.filter((guide) => guide.data.kind === 'fix').map((guide) => guide.id));
  const categories = new Set(kb.categories.map((category) => category.id));
  for (const { file, data } of kb.rules) {
    if (!fixGuides.has(data.fix)) {
      problems.push(new ContentError(file, 'fix', `names the fix guide "${data.fix}", but content/guides/${data.fix}.mdx (kind: fix) does not exist`));
    }
    data.categories.forEach((category, position) => {
      if (!categories.has(category)) {
        problems.push(
          new ContentError(file, `categories.${position}`, `names the category "${category}", but content/categories/${category}.md does not exist`),
        );
      }
    });
    const folder = file.split('/').slice(1, -1).join('/');
    // An unknown primary category is the root cause: the folder cannot match it either.
    if (categories.has(data.categories[0]!) && folder !== data.categories[0]) {
      const where = folder ? `under rules/${folder}/` : 'directly under rules/';
      problems.push(new ContentError(file, 'categories.0', `the primary category is "${data.categories[0]}", but the file is ${where}`));
    }
  }
  return problems;
}

const NO_SOURCES =
  'lists no source: add at least one URL of Microsoft documentation or a public report that establishes the message, its meaning and the fix ' +
  "(only the seed's IPP-only messages, listed in src/content/ipp-only.ts, may go without)";

/** Every rule and guide without sources that is not one of the seed's IPP-only entries, each named with its file. */
function sourceProblems(kb: KnowledgeBase): ContentError[] {
  const unsourced = (collection: SourcedCollection, entries: ReadonlyArray<Entry<{ sources: readonly string[] }>>) =>
    entries
      .filter((entry) => entry.data.sources.length === 0 && !mayGoWithoutSources(collection, entry.id))
      .map((entry) => new ContentError(entry.file, 'sources', NO_SOURCES));
  return [...unsourced('rules', kb.rules), ...unsourced('guides', kb.guides)];
}

/**
 * Every cross-reference problem of a knowledge base whose files all read
 * cleanly. `ages` decides which file of a clash is newer (default: the git
 * history of `kb.root`, asked only if there is a clash).
 */
export function findContentProblems(kb: KnowledgeBase, ages: FileAges = gitFileAges(kb.root, CONTENT_FOLDERS)): ContentError[] {
  return [...nameClashes(kb, ages), ...referenceProblems(kb), ...sourceProblems(kb), ...messageClashes(kb, ages), ...codeClashes(kb, ages)];
}

/** Throws an `InvalidContentError` listing every problem, for the build and the CLI. */
export function assertValidContent(kb: KnowledgeBase): void {
  const problems = findContentProblems(kb);
  if (problems.length > 0) throw new InvalidContentError(problems);
}
