/**
 * Generated rule sets for benchmarks: thousands of plausible, distinct rules
 * built from an error-message vocabulary, so the index has realistic
 * postings (shared common words, rare specific ones).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleInput } from '../../src/triage/types.ts';

export const WORDS = (
  'account access application assertion authentication authorization certificate client cloud code configuration ' +
  'connection consent credential datasource delegation directory disabled domain empty endpoint expired federation ' +
  'grant identity invalid issuer key keyset lifetime location mailbox malformed missing national parameter password ' +
  'permission policy principal private provider realm redirect refresh request resource revoked scope secret service ' +
  'session signature signing subscription tenant throttled token user username validation'
).split(' ');

/** A small deterministic generator (mulberry32), so every run benchmarks the same rules. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticRules(count: number, seed = 42): RuleInput[] {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentence = (length: number) => Array.from({ length }, pick).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    title: `Synthetic error ${i}`,
    fix: `fix-${i % 7}`,
    resolution: 'Check the configuration',
    categories: ['synthetic'],
    messages: [`The ${sentence(4)} is ${sentence(3)} for {resource}. Rule ${i} ${sentence(5)}.`, `${sentence(6)} (${i})`],
    codes: [`AADSTS${9_100_000 + i}`],
  }));
}

const CATEGORIES = ['account-details', 'mfa-private-key', 'refresh-token'];
/** The fix guides of a project (guides that are not the hub). */
export function fixGuides(root: string): string[] {
  return readdirSync(join(root, 'content/guides'))
    .filter((name) => name.endsWith('.mdx'))
    .filter((name) => !/^kind:\s*hub/m.test(readFileSync(join(root, 'content/guides', name), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''));
}

/** One synthetic rule file: valid frontmatter, a unique message and code, a body like a real article. */
export function syntheticRuleFile(i: number, next: () => number, fixes: string[]): { category: string; id: string; text: string } {
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentence = (length: number) => Array.from({ length }, pick).join(' ');
  const category = CATEGORIES[i % CATEGORIES.length]!;
  const id = `synthetic-${i}`;
  const message = `The ${sentence(4)} is ${sentence(3)} for {resource}. Synthetic rule ${i} ${sentence(5)}.`;
  const example = message.replace('{resource}', 'Contoso Sales');
  const text = `---
title: Synthetic error ${i} (${sentence(2)})
summary: A generated rule for the build benchmark; its ${sentence(3)} is ${sentence(2)}.
messages:
  - ${JSON.stringify(message)}
codes: [AADSTS${9_100_000 + i}]
categories: [${category}]
fix: ${fixes[i % fixes.length]}
resolution: Check the ${sentence(2)}
steps:
  - Open the ${sentence(2)} of the Realm or Datasource.
  - Correct the ${sentence(2)} and rerun the IPP.
examples:
  - ${JSON.stringify(example)}
sources:
  - https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
---

## What you see

The audit log says "${example}" (AADSTS${9_100_000 + i}).

## Why it happens

${Array.from({ length: 6 }, () => `The ${sentence(3)} was ${sentence(4)}.`).join(' ')}

## How to fix it

**Check the ${sentence(2)}.** ${Array.from({ length: 4 }, () => `Open the ${sentence(2)} and ${sentence(3)}.`).join(' ')}
`;
  return { category, id, text };
}

/**
 * Words real error messages are made of, by role, for rules of realistic
 * shape: nouns that many real messages share ("token", "password",
 * "account", "policy"), the states errors report ("has expired", "is
 * invalid") and a few words of their own, so a generated message reads like
 * one more Microsoft or IPP error, not like noise.
 */
const NOUNS = (
  'token password account policy user application tenant request client certificate mailbox session device resource ' +
  'consent grant scope credential subscription configuration directory domain identity permission role secret key ' +
  'service principal access realm datasource custodian hold retention case search connection endpoint license ' +
  'assertion signature authority issuer claim audience redirect region cloud'
).split(' ');
const ADJECTIVES = (
  'refresh access primary secondary external guest federated managed compliant legacy default signed delegated ' +
  'shared personal archive remote local national conditional temporary'
).split(' ');
const STATES = [
  'has expired',
  'is invalid',
  'was revoked',
  'is not supported',
  'could not be found',
  'is disabled',
  'is missing',
  'was rejected',
  'is not allowed',
  'has been blocked',
  'is empty',
  'must be renewed',
  'does not match',
  'is locked',
  'is not configured',
  'cannot be used',
  'is out of range',
  'was not granted',
  'is unavailable',
  'timed out',
];
const TAILS = [
  'for {resource}',
  'in tenant {tenant}',
  'since {time}',
  'for the data source',
  'by an administrator',
  'for this application',
  'in the current session',
  'for user {user}',
  'after {duration}',
  '',
];

/**
 * `count` rules of realistic shape: each with one to three messages such as
 * "The refresh session of the guest mailbox has been blocked for {resource}.",
 * an Entra-like code of its own, and one of a handful of fixes. Deterministic
 * for a seed. Their messages share common words with the real rules (that is
 * the point: rarity of "token" or "account" changes as they are added), but
 * each message is its own error: none repeats a real rule's message.
 */
export function realisticRules(count: number, seed = 7): RuleInput[] {
  const next = random(seed);
  const one = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const message = () => {
    const subject = `${one(ADJECTIVES)} ${one(NOUNS)}`;
    const owner = next() < 0.6 ? ` of the ${next() < 0.5 ? `${one(ADJECTIVES)} ` : ''}${one(NOUNS)}` : '';
    const tail = one(TAILS);
    const sentence = `The ${subject}${owner} ${one(STATES)}${tail ? ` ${tail}` : ''}.`;
    return next() < 0.4 ? `${sentence} The ${one(NOUNS)} ${one(NOUNS)} ${one(STATES)}.` : sentence;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `generated-${i}`,
    title: `Generated error ${i}`,
    fix: `generated-fix-${i % 9}`,
    resolution: 'Check the configuration',
    categories: ['generated'],
    messages: Array.from({ length: 1 + Math.floor(next() * 3) }, message),
    codes: [`AADSTS${9_300_000 + i}`],
  }));
}
