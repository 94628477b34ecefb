/**
 * The site search's own logic (src/components/search/), on small inline
 * fixtures: reading a query, stemming, synonyms, the typo correction, and
 * the search strategy around Pagefind, run against a stand-in for Pagefind
 * that behaves like it where the strategy depends on it (every word
 * required, a word matching the words it begins or that begin it, quoted
 * words matched exactly). How the real search ranks the real pages is
 * measured by `npm run bench:search` and the browser tests.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeErrorMessage, readQuery, stem, triageLink } from '../../src/components/search/query.ts';
import { correctWord, vocabularyOf } from '../../src/components/search/spelling.ts';
import { withSynonyms } from '../../src/components/search/synonyms.ts';
import { rankedSearch, type SearchResponse, type SearchResult, type Speller } from '../../src/components/search/ranked-search.ts';
import { index } from '../support/kb.ts';

describe('reading a query', () => {
  it('finds Entra codes in any case, and five to seven digits alone as one', () => {
    expect(readQuery('AADSTS700082').codes).toEqual(['AADSTS700082']);
    expect(readQuery('what is aadsts50199?').codes).toEqual(['AADSTS50199']);
    expect(readQuery('error 50053').codes).toEqual(['AADSTS50053']);
    expect(readQuery('TLS 1.2 and 90 days').codes).toEqual([]);
    expect(readQuery('AADSTS50126 then AADSTS50126').codes).toEqual(['AADSTS50126']);
  });

  it('leaves question and stop words out of the search, unless nothing else is left', () => {
    expect(readQuery('How do I renew the token?').words).toEqual(['renew', 'token']);
    expect(readQuery('what does keyset does not exist mean').words).toEqual(['keyset', 'not', 'exist']);
    expect(readQuery('how do I').words).toEqual(['how', 'do', 'i']);
    expect(readQuery('re-enable the account').words).toEqual(['re-enable', 'account']);
  });

  it('knows a "how do I" question asks for a procedure', () => {
    expect(readQuery('How do I change the password').asksHow).toBe(true);
    expect(readQuery('password expired').asksHow).toBe(false);
  });

  it('tells an error message from search words, and links it to the triage box', () => {
    expect(looksLikeErrorMessage('AADSTS700082')).toBe(true);
    expect(looksLikeErrorMessage('The refresh token has expired due to inactivity')).toBe(true);
    expect(looksLikeErrorMessage('Username is empty for the data source')).toBe(true);
    expect(looksLikeErrorMessage('password')).toBe(false);
    expect(looksLikeErrorMessage('refresh token')).toBe(false);
    expect(looksLikeErrorMessage('national cloud')).toBe(false);
    // A question is search words, however long: no log line asks one.
    expect(looksLikeErrorMessage('how do I give the account the ediscovery role')).toBe(false);
    expect(looksLikeErrorMessage('why does the refresh token keep expiring after 90 days?')).toBe(false);
    expect(looksLikeErrorMessage('how do I fix AADSTS700082')).toBe(true);
    expect(looksLikeErrorMessage('I get this error: the refresh token has expired due to inactivity')).toBe(true);
    expect(triageLink(' AADSTS700082: expired ')).toBe('/triage/#q=AADSTS700082%3A%20expired');
  });
});

describe('stemming', () => {
  it('makes the forms of a word one', () => {
    for (const forms of [
      ['expire', 'expired', 'expires', 'expiry'],
      ['stop', 'stopped', 'stopping'],
      ['policy', 'policies'],
      ['mailbox', 'mailboxes'],
      ['preserve', 'preserving'],
    ]) {
      expect(new Set(forms.map(stem)).size).toBe(1);
    }
  });

  it('keeps apart words that only begin alike, and misspellings', () => {
    expect(stem('sync')).not.toBe(stem('synchronised'));
    expect(stem('expird')).not.toBe(stem('expired'));
    expect(stem('access')).toBe('access');
  });
});

describe('synonyms', () => {
  it("replaces what people say with the articles' words, longest phrase first", () => {
    expect(withSynonyms(['renew', 'token'])).toEqual([
      { typed: ['renew'], searched: ['new'] },
      { typed: ['token'], searched: ['token'] },
    ]);
    expect(withSynonyms(['ca', 'policy', 'blocked'])[0]).toEqual({ typed: ['ca', 'policy'], searched: ['conditional', 'access'] });
    expect(withSynonyms(['account', 'locked', 'out'])[1]).toEqual({ typed: ['locked', 'out'], searched: ['locked'] });
  });
});

describe('typo correction', () => {
  const vocabulary = vocabularyOf({
    rules: [{ title: 'Password expired', summary: 'The password of the account has expired.', resolution: 'Set a new password', steps: ['Sign in again.'] }],
    messages: [{ text: 'Access has been blocked by Conditional Access policies.' }],
  } as unknown as Parameters<typeof vocabularyOf>[0]);

  it('corrects a word to the known word the fewest slips away', () => {
    expect(correctWord('pasword', vocabulary)).toBe('password');
    expect(correctWord('expird', vocabulary)).toBe('expired');
    expect(correctWord('condtional', vocabulary)).toBe('conditional');
    expect(correctWord('acess', vocabulary)).toBe('access');
  });

  it('leaves known, short, far-off and numeric words alone', () => {
    expect(correctWord('password', vocabulary)).toBeNull();
    expect(correctWord('ipp', vocabulary)).toBeNull();
    expect(correctWord('mailbox', vocabulary)).toBeNull();
    expect(correctWord('tls12', vocabulary)).toBeNull();
  });

  it("corrects against the live knowledge base's words", () => {
    const live = vocabularyOf(index);
    expect(live.has('password')).toBe(true);
    for (const [typo, word] of [
      ['pasword', 'password'],
      ['refesh', 'refresh'],
      ['tokne', 'token'],
      ['natonal', 'national'],
      ['condtional', 'conditional'],
      ['acess', 'access'],
    ]) {
      expect(correctWord(typo!, live)).toBe(word);
    }
  });

  it('between equally close words, takes the one the articles use most', () => {
    const counts = new Map([
      ['token', 1],
      ['taken', 5],
    ]);
    expect(correctWord('tuken', counts)).toBe('taken');
  });
});

/** A page of the stand-in site. */
interface Page {
  url: string;
  title: string;
  content: string;
  codes?: string;
  messages?: string;
  kind?: string;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A stand-in for Pagefind's search: every word of the query required; a word
 * matches the page words it begins, and those that begin as it does for most
 * of its length (as Pagefind matches "expird" to "expired", and
 * "aadsts50199" to pages with other AADSTS codes); a quoted word matches only
 * itself; ranked by matches in the title (and meta), then in the text. It
 * records every search and its options.
 */
function standIn(pages: Page[]) {
  const calls: Array<{ term: string; options: unknown }> = [];
  const search = async (term: string, options?: unknown): Promise<SearchResponse> => {
    calls.push({ term, options });
    const exact = /^".*"$/.test(term);
    const terms = words(term);
    const common = (a: string, b: string) => {
      let length = 0;
      while (length < a.length && a[length] === b[length]) length++;
      return length;
    };
    const matches = (word: string, candidate: string) =>
      exact ? candidate === word : candidate.startsWith(word) || common(word, candidate) >= Math.max(4, word.length / 2);
    const scored = pages
      .map((page, index) => {
        const title = words(`${page.title} ${page.codes ?? ''}`);
        const text = words(page.content);
        const ok = terms.every((word) => [...title, ...text].some((candidate) => matches(word, candidate)));
        const score = terms.reduce((sum, word) => sum + 10 * title.filter((c) => matches(word, c)).length + text.filter((c) => matches(word, c)).length, 0);
        return { page, index, ok, score };
      })
      .filter((entry) => entry.ok)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const results: SearchResult[] = scored.map(({ page }) => ({
      id: page.url,
      data: async () => ({
        url: page.url,
        content: page.content,
        meta: {
          title: page.title,
          ...(page.codes ? { codes: page.codes } : {}),
          ...(page.messages ? { messages: page.messages } : {}),
          ...(page.kind ? { kind: page.kind } : {}),
        },
      }),
    }));
    return { results };
  };
  return { search, calls };
}

const PAGES: Page[] = [
  {
    url: '/errors/password-expired/',
    title: 'Password of the account has expired',
    codes: 'AADSTS50055',
    messages: 'The password is expired.',
    content: 'The password of the account has expired. This is not AADSTS50144, an expired on-premises password.',
  },
  {
    url: '/errors/refresh-token-expired/',
    title: 'Refresh token expired',
    codes: 'AADSTS700082',
    messages: 'The refresh token has expired due to inactivity.',
    content: 'The refresh token can no longer be renewed. Sign in again.',
  },
  {
    url: '/errors/conditional-access-blocked/',
    title: 'Access blocked by Conditional Access',
    codes: 'AADSTS53003',
    messages: 'Access has been blocked by Conditional Access policies.',
    content: 'A policy blocks the account when IPP renews its refresh token.',
  },
  {
    url: '/guides/new-refresh-token/',
    title: 'Generate a new refresh token',
    kind: 'guide',
    content: 'Sign in again with the account and save the new refresh token in the Realm.',
  },
  {
    url: '/guides/check-password/',
    title: 'Check the password in the Realm',
    kind: 'guide',
    content: 'Enter the current password in the Realm or Datasource.',
  },
  {
    url: '/errors/password-empty/',
    title: 'Password is empty in the Realm',
    messages: 'Password is empty for the data source',
    content: 'The Realm or Datasource has no password.',
  },
  {
    url: '/errors/mailbox-on-premises/',
    title: 'Mailbox inactive or on-premises',
    messages: 'The mailbox is hosted on-premise.',
    content: 'The mailbox is hosted on an on-premises Exchange server.',
  },
  {
    url: '/guides/find-failure/',
    title: 'Find why an IPP failed',
    kind: 'guide',
    content: 'Open the audit log of the failed run: a mailbox moved to on-premises Exchange shows there too.',
  },
];

const noSpeller: Speller = async () => new Map();
/** A speller knowing a few corrections, which records what it was asked. */
function speller(known: Record<string, string>) {
  const asked: string[][] = [];
  const correct: Speller = async (words) => {
    asked.push(words);
    return new Map(words.filter((word) => known[word]).map((word) => [word, known[word]!]));
  };
  return { correct, asked };
}

async function urlsOf(response: SearchResponse | null): Promise<string[]> {
  return Promise.all((response?.results ?? []).map(async (result) => (await result.data()).url));
}

describe('the search strategy', () => {
  it('shows only the pages holding a code, the page whose code it is first', async () => {
    const { search } = standIn(PAGES);
    const { response, outcome } = await rankedSearch(search, 'aadsts700082', undefined, noSpeller);
    expect(outcome).toEqual({ kind: 'as-typed' });
    expect(await urlsOf(response)).toEqual(['/errors/refresh-token-expired/']);
  });

  it('says a code has no article instead of listing pages that hold other codes', async () => {
    const { search } = standIn(PAGES);
    // The stand-in, like Pagefind, matches AADSTS50199 to the pages holding AADSTS50055 and AADSTS53003.
    expect((await search('AADSTS50199')).results.length).toBeGreaterThan(0);
    const { response, outcome } = await rankedSearch(search, 'AADSTS50199', undefined, noSpeller);
    expect(outcome).toEqual({ kind: 'no-article', code: 'AADSTS50199' });
    expect(await urlsOf(response)).toEqual([]);
  });

  it('lists the pages that mention a code no page owns, and still says it has no article', async () => {
    const { search } = standIn(PAGES);
    const { response, outcome } = await rankedSearch(search, 'AADSTS50144', undefined, noSpeller);
    expect(outcome).toEqual({ kind: 'no-article', code: 'AADSTS50144' });
    expect(await urlsOf(response)).toEqual(['/errors/password-expired/']);
  });

  it('searches a query that fits a title perfectly as typed, without the speller', async () => {
    const { search } = standIn(PAGES);
    const spell = speller({});
    const { response, outcome } = await rankedSearch(search, 'refresh token expired', undefined, spell.correct);
    expect(outcome).toEqual({ kind: 'as-typed' });
    expect((await urlsOf(response))[0]).toBe('/errors/refresh-token-expired/');
    expect(spell.asked).toEqual([]);
  });

  it('corrects the words no page holds when the first results are weak, and says so', async () => {
    const { search } = standIn(PAGES);
    const spell = speller({ pasword: 'password', expird: 'expired' });
    const { response, outcome } = await rankedSearch(search, 'pasword expird', undefined, spell.correct);
    expect(spell.asked).toEqual([['pasword', 'expird']]);
    expect(outcome).toMatchObject({
      kind: 'rewritten',
      searched: 'password expired',
      corrected: [
        ['pasword', 'password'],
        ['expird', 'expired'],
      ],
    });
    expect((await urlsOf(response))[0]).toBe('/errors/password-expired/');
  });

  it("tries the articles' words when the results are weak, not only when there are none", async () => {
    const { search } = standIn(PAGES);
    // "renew token" finds pages (they say "renewed" and "renews"), none with either word in its title.
    expect((await search('renew token')).results.length).toBeGreaterThan(0);
    const { response, outcome } = await rankedSearch(search, 'how do I renew the token', undefined, noSpeller);
    expect(outcome).toMatchObject({ kind: 'rewritten', searched: 'new token' });
    expect((await urlsOf(response))[0]).toBe('/guides/new-refresh-token/');
  });

  it('sets a word aside when no page holds every word, and says which', async () => {
    const { search } = standIn(PAGES);
    const { response, outcome } = await rankedSearch(search, 'mailbox moved on premises', undefined, noSpeller);
    expect(outcome).toMatchObject({ kind: 'rewritten', searched: 'mailbox premises', without: ['moved'] });
    expect((await urlsOf(response))[0]).toBe('/errors/mailbox-on-premises/');
  });

  it('leaves out a word no page holds and nothing corrects, and says so', async () => {
    const { search } = standIn(PAGES);
    const { outcome } = await rankedSearch(search, 'zyxwv password expired', undefined, noSpeller);
    expect(outcome).toMatchObject({ kind: 'rewritten', searched: 'password expired', unknown: ['zyxwv'] });
  });

  it('puts a guide first for a "how do I" question when pages fit equally', async () => {
    const { search } = standIn(PAGES);
    const howTo = await rankedSearch(search, 'how do I set the password in the realm', undefined, noSpeller);
    expect((await urlsOf(howTo.response))[0]).toBe('/guides/check-password/');
  });

  it('passes the filters on to every search but the word checks', async () => {
    const { search, calls } = standIn(PAGES);
    const filters = { filters: { category: ['Refresh token'] } };
    await rankedSearch(search, 'how do I renew the token', filters, noSpeller);
    for (const call of calls) expect(call.options).toEqual(/^".*"$/.test(call.term) ? undefined : filters);
    expect(calls.some((call) => /^".*"$/.test(call.term))).toBe(true);
  });
});
