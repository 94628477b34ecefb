/**
 * A readable title for a source URL, made from its host and path at build
 * time, so an article's "Sources" list names each page without the author
 * typing titles that drift from the pages they describe.
 *
 * `https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens`
 * reads "Refresh tokens", from "learn.microsoft.com/entra/identity-platform";
 * a GitHub issue reads "AzureAD/microsoft-authentication-library-for-js
 * issue #3931", from "github.com"; a #fragment names the section.
 */
import { isEntraCode } from '../triage/text/entra-code.ts';

export interface SourceLabel {
  /** What the link says: the page, from the last part of its path. */
  title: string;
  /** Where it is: the host and the path leading to it, without the language part (`en-us`). */
  where: string;
}

/** Words the URL slugs of Microsoft's pages spell in lower case, as the pages write them. */
const WORD_SPELLINGS: Record<string, string> = {
  aad: 'AAD',
  api: 'API',
  apis: 'APIs',
  dod: 'DoD',
  ews: 'EWS',
  gcc: 'GCC',
  hci: 'HCI',
  id: 'ID',
  ip: 'IP',
  mfa: 'MFA',
  msal: 'MSAL',
  oauth: 'OAuth',
  oauth2: 'OAuth2',
  powershell: 'PowerShell',
  ropc: 'ROPC',
  scc: 'SCC',
  spa: 'SPA',
  tls: 'TLS',
  uri: 'URI',
  url: 'URL',
};

/** A page's language part, e.g. `en-us`: not part of what the page is. */
const LOCALE = /^[a-z]{2}-[a-z]{2,4}$/i;
/** File extensions that say nothing about the page. */
const PAGE_EXTENSION = /\.(?:md|html?|aspx)$/i;
const GITHUB_THREADS: Record<string, string> = { issues: 'issue', pull: 'pull request', discussions: 'discussion' };

function spellWord(word: string): string {
  const lower = word.toLowerCase();
  if (WORD_SPELLINGS[lower]) return WORD_SPELLINGS[lower];
  if (isEntraCode(lower)) return lower.toUpperCase();
  return word;
}

/** `error-code-aadsts50173-grant-expired-revoked` → `Error code AADSTS50173 grant expired revoked`. */
export function humanizeSlug(slug: string): string {
  const words = slug
    .replace(PAGE_EXTENSION, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map(spellWord);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray "%": keep it as written
  }
}

function githubLabel(host: string, parts: string[]): SourceLabel | undefined {
  const [owner, repo, kind, number] = parts;
  if (!owner || !repo) return undefined;
  const repository = `${owner}/${repo}`;
  const thread = kind ? GITHUB_THREADS[kind] : undefined;
  if (thread && number) return { title: `${repository} ${thread} #${number}`, where: host };
  if ((kind === 'blob' || kind === 'tree') && parts.length > 4) return { title: parts.at(-1)!, where: `${host}/${repository}` };
  return { title: repository, where: host };
}

/** The title and place of `url`, an https:// address (the schema accepts no other). */
export function describeSource(url: string): SourceLabel {
  const address = new URL(url);
  const host = address.hostname.replace(/^www\./, '');
  const parts = address.pathname.split('/').filter(Boolean).map(decode);
  if (parts[0] && LOCALE.test(parts[0])) parts.shift();
  const section = address.hash.length > 1 ? humanizeSlug(decode(address.hash.slice(1))).toLowerCase() : '';
  const withSection = (label: SourceLabel): SourceLabel => (section ? { ...label, title: `${label.title}, section “${section}”` } : label);

  if (host === 'github.com') {
    const label = githubLabel(host, parts);
    if (label) return withSection(label);
  }
  // The page is named by the last part of its path with words in it: a blog's trailing post number names nothing.
  let named = parts.length - 1;
  while (named > 0 && !/\p{L}{2}/u.test(parts[named]!)) named--;
  const last = parts[named];
  if (!last) return withSection({ title: host, where: '' });
  return withSection({ title: humanizeSlug(last), where: [host, ...parts.slice(0, named)].join('/') });
}
