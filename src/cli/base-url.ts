/**
 * `--base-url` (or `$KB_SITE_URL`): where the help site is published, so the
 * article links kb prints can be opened from a ticket. Checked before any
 * input is read, and kept with its path: a site published under
 * `https://corp.example/ipp-help/` has its articles at
 * `https://corp.example/ipp-help/errors/<id>/`.
 */
import { absoluteUrl } from '../triage/present/explain.ts';
import type { TriageResult } from '../triage/types.ts';
import { UsageError } from './exit.ts';

/** The base as a URL ending in `/`, or undefined when none is set. */
export function parseBaseUrl(value: string | undefined, source = '--base-url'): URL | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} "${value}" is not a URL: give the site's address, such as https://help.example.com/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${source} "${value}" must be an http or https address`);
  }
  if (url.search || url.hash) throw new UsageError(`${source} "${value}" must not have a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The result with every article link under the base (JSON output). */
export function withArticleUrls<T extends TriageResult>(result: T, base: URL | undefined): T {
  if (!base) return result;
  return {
    ...result,
    matches: result.matches.map((match) => ({ ...match, url: absoluteUrl(match.url, base) })),
    datasources: result.datasources.map((datasource) => ({
      ...datasource,
      errors: datasource.errors.map((error) => ({ ...error, url: absoluteUrl(error.url, base) })),
    })),
  };
}
