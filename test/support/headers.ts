/**
 * Reads a Netlify / Cloudflare Pages `_headers` file and tells which headers a
 * path gets, as those hosts do: every matching rule applies, `*` matches any
 * characters, and a header set by several matching rules is joined with ", ".
 */
import { readFileSync } from 'node:fs';

export interface HeaderRule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

export function parseHeadersFile(path: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`${path}: header line outside a rule or without a colon: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const [head = '', ...rest] = pattern.split('*');
  if (rest.length === 0) return pattern === pathname;
  const regex = new RegExp(`^${[head, ...rest].map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(pathname);
}

/** The headers a path gets: lower-case name → values from every matching rule, in order. */
export function headersFor(rules: HeaderRule[], pathname: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, [...(result.get(key) ?? []), value]);
    }
  }
  return result;
}

/** A CSP as directive name → its whole text (`img-src 'self' data:`). */
export function cspDirectives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().replace(/\s+/g, ' '))
      .filter(Boolean)
      .map((directive) => [directive.split(' ')[0]!.toLowerCase(), directive]),
  );
}
