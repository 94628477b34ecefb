/**
 * What customers call things, and what the articles call them. The articles
 * use the words of the audit log and of Microsoft ("a new refresh token",
 * "multi-factor authentication", "throttled", "invalid"); people searching
 * use their own ("renew the token", "2FA", "rate limited", "wrong"). Each
 * entry maps the ways people say it to the articles' wording; its comment
 * says why the two mean the same in this knowledge base.
 *
 * Decisions as data: add a row when a wording that customers use is missing
 * from the articles, never to steer one query to one page. The search uses
 * these only when the query as typed finds nothing good
 * (src/components/search/ranked-search.ts).
 */
export interface Synonym {
  /** The phrases people type, lower case, words separated by single spaces. */
  say: readonly string[];
  /** The articles' wording they stand for. */
  mean: string;
}

export const SYNONYMS: readonly Synonym[] = [
  // Expired credentials are not renewed but replaced: the articles say "a new refresh token", "a new client secret", "a new password".
  { say: ['renew', 'renewal', 'renewed', 'renewing', 'regenerate', 'reissue', 'recreate', 'replace'], mean: 'new' },
  // IPP keeps its authorisation to Microsoft 365 as a refresh token; authorising a datasource again is signing in again to save a new refresh token.
  {
    say: [
      'reauthorize',
      'reauthorise',
      're-authorize',
      're-authorise',
      'reauthenticate',
      're-authenticate',
      'reconnect',
      're-connect',
      'relogin',
      're-login',
      'reauth',
      're-auth',
    ],
    mean: 'new refresh token',
  },
  // Microsoft Entra ID calls every second sign-in step multi-factor authentication (MFA).
  {
    say: ['2fa', 'two-factor', 'two factor', 'multifactor', '2-step verification', 'two-step verification', '2 step verification', 'two step verification'],
    mean: 'multi-factor authentication',
  },
  // Microsoft 365 reports a rate limit as throttling (HTTP 429 Too Many Requests).
  { say: ['rate limit', 'rate limited', 'rate limiting', 'rate-limited', '429', 'throttle'], mean: 'throttled' },
  // Entra ID says the account "is locked" after too many sign-ins with a wrong password.
  { say: ['locked out', 'lock out', 'lockout', 'lock-out'], mean: 'locked' },
  // Microsoft labels it "Application (client) ID"; its errors say "Application with identifier … was not found".
  { say: ['client id', 'app id', 'appid', 'application id'], mean: 'application' },
  // Microsoft labels it "Directory (tenant) ID"; the articles speak of the tenant.
  { say: ['tenant id', 'directory id'], mean: 'tenant' },
  // CA is the usual short name of a Conditional Access policy.
  { say: ['ca', 'ca policy', 'ca policies'], mean: 'conditional access' },
  // The articles and Entra messages speak of the application IPP signs in through.
  { say: ['app', 'apps', 'app registration', 'enterprise app', 'enterprise apps'], mean: 'application' },
  // Microsoft and the articles say "sign in" (and "sign-in").
  { say: ['login', 'log in', 'logon', 'log on', 'logging in', 'signin', 'sign-on', 'sign on'], mean: 'sign in' },
  // The audit log says "invalid" ("Invalid username or password", "Invalid client secret").
  { say: ['wrong', 'incorrect', 'bad', 'not valid'], mean: 'invalid' },
  // Entra ID calls the application's password its client secret.
  { say: ['secret key', 'app secret', 'application secret', 'client password', 'client key'], mean: 'client secret' },
  // Short for the certificate the MFA account or application signs with.
  { say: ['cert', 'certs'], mean: 'certificate' },
  // Common short forms of password.
  { say: ['pwd', 'passwd', 'pw'], mean: 'password' },
  // Microsoft writes "on-premises"; the mailbox message says "hosted on-premise".
  { say: ['on prem', 'on-prem', 'onprem', 'on premise', 'on-premise'], mean: 'on-premises' },
  // The audit log marks a datasource whose run stopped as failed.
  { say: ['stopped', 'stopped working', 'not working', 'broken', 'broke'], mean: 'failed' },
  // Tokens, passwords and secrets that ran out are "expired" in every message.
  { say: ['lapsed', 'ran out'], mean: 'expired' },
];

/** A stretch of the query: the words typed and the words searched for instead (the same words when no synonym applies). */
export interface QueryPart {
  typed: string[];
  searched: string[];
}

const PHRASES: ReadonlyArray<{ words: string[]; mean: string[] }> = SYNONYMS.flatMap((synonym) =>
  synonym.say.map((phrase) => ({ words: phrase.split(' '), mean: synonym.mean.split(' ') })),
).sort((a, b) => b.words.length - a.words.length); // the longest phrase wins: "ca policy" before "ca"

/** The query's words as parts, each phrase people say replaced by the articles' wording. */
export function withSynonyms(tokens: readonly string[]): QueryPart[] {
  const parts: QueryPart[] = [];
  for (let index = 0; index < tokens.length;) {
    const phrase = PHRASES.find(({ words }) => words.every((word, offset) => tokens[index + offset] === word));
    if (phrase) {
      parts.push({ typed: phrase.words, searched: phrase.mean });
      index += phrase.words.length;
    } else {
      parts.push({ typed: [tokens[index]!], searched: [tokens[index]!] });
      index += 1;
    }
  }
  return parts;
}
