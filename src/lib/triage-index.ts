/**
 * Loading a site's triage index (`/triage-index.json`, built from the rules):
 * the one way the page's worker, the screenshot reader, the search's typo
 * correction and the embed fetch it. One load per URL is shared by every
 * caller in a page or worker (the browser's HTTP cache serves the others);
 * a failed load is forgotten, so the next use tries again (offline, or a new
 * version published meanwhile).
 */
import type { TriageIndex } from '../triage/types.ts';

export const TRIAGE_INDEX_FILE = 'triage-index.json';

const loads = new Map<string, Promise<TriageIndex>>();

/** The index of the site at `site` (an origin or a base URL with a path), fetched once. */
export function loadTriageIndex(site: string | URL, init?: RequestInit): Promise<TriageIndex> {
  const url = new URL(TRIAGE_INDEX_FILE, typeof site === 'string' && !site.endsWith('/') ? `${site}/` : site).toString();
  let load = loads.get(url);
  if (!load) {
    load = fetch(url, init).then((response) => {
      if (!response.ok) throw new Error(`The error index could not be loaded (HTTP ${response.status}).`);
      return response.json() as Promise<TriageIndex>;
    });
    loads.set(url, load);
    load.catch(() => loads.delete(url));
  }
  return load;
}
