/**
 * Cross-reference checks a per-entry schema cannot make: every rule's fix
 * guide and categories exist, and no two rules share an id, an alias or a
 * message (a message claimed twice would make triage a coin toss). Each
 * problem names the file and the field.
 */
import type { KnowledgeBase } from './load.ts';
import { ContentError } from './load.ts';

export function findContentProblems(kb: KnowledgeBase): ContentError[] {
  const problems: ContentError[] = [];
  const fixGuides = new Set(kb.guides.filter((guide) => guide.data.kind === 'fix').map((guide) => guide.id));
  const categories = new Set(kb.categories.map((category) => category.id));
  const owners = new Map<string, string>(); // id or alias → file that claims it
  const messages = new Map<string, string>(); // normalised message → file

  // Ids first, then aliases: an alias that takes an existing id is the alias's fault.
  const claims = [
    ...kb.rules.map((rule) => ({ name: rule.id, file: rule.file, field: 'id (file name)' })),
    ...kb.rules.flatMap((rule) => rule.data.aliases.map((alias, i) => ({ name: alias, file: rule.file, field: `aliases.${i}` }))),
  ];
  for (const { name, file, field } of claims) {
    const owner = owners.get(name);
    if (owner) problems.push(new ContentError(file, field, `"${name}" is already the id or an alias of ${owner}`));
    else owners.set(name, file);
  }

  for (const rule of kb.rules) {
    const { file, data } = rule;
    const primary = file.split('/')[1];
    if (!fixGuides.has(data.fix)) {
      problems.push(new ContentError(file, 'fix', `names the fix guide "${data.fix}", but content/guides/${data.fix}.mdx (kind: fix) does not exist`));
    }
    data.categories.forEach((category, position) => {
      if (!categories.has(category)) {
        problems.push(new ContentError(file, `categories.${position}`, `names the category "${category}", but content/categories/${category}.md does not exist`));
      }
    });
    if (primary !== data.categories[0]) {
      problems.push(new ContentError(file, 'categories.0', `the primary category is "${data.categories[0]}", but the file is under rules/${primary}/`));
    }
    data.messages.forEach((message, position) => {
      const key = message.toLowerCase().replace(/\s+/g, ' ').trim();
      const owner = messages.get(key);
      if (owner) problems.push(new ContentError(file, `messages.${position}`, `"${message}" is already a message of ${owner}`));
      else messages.set(key, file);
    });
  }
  return problems;
}

/** Throws one error listing every problem, for the build. */
export function assertValidContent(kb: KnowledgeBase): void {
  const problems = findContentProblems(kb);
  if (problems.length > 0) {
    throw new Error(`Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.map((problem) => problem.message).join('\n- ')}`);
  }
}
