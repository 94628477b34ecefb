/**
 * Redaction before anything pasted may leave the browser: the triage page's
 * "Contact support" (only once the user has seen the text and agreed) and its
 * "Copy link" (the text travels in the link's `#q=`).
 *
 * Returns the user's own text with every sensitive part replaced by a label:
 *
 * | label          | what it replaces                                                        |
 * |----------------|-------------------------------------------------------------------------|
 * | `[EMAIL]`      | e-mail addresses and user principal names (also `%40`-encoded)           |
 * | `[TOKEN]`      | JWTs (`eyJ…`), `Bearer`/`Basic` credentials, Entra refresh tokens, long   |
 * |                | base64 runs, values of `refresh_token=`, `access_token=`, `sig=`…        |
 * | `[SECRET]`     | values of `password=`, `client_secret=`, `pwd=`…, Entra client secrets   |
 * | `[KEY]`        | PEM blocks, thumbprints and long hex, values of `key=`, `thumbprint=`…    |
 *
 * Error codes (AADSTS700082), message words, timestamps, GUIDs (trace,
 * correlation, tenant and application ids) and URLs' readable parts are kept:
 * none is a secret, and support needs them to recognise the error and to look
 * the sign-in up in Microsoft's logs (the hub guide asks for the trace and
 * correlation IDs).
 *
 * Plain TypeScript, no DOM. Every quantifier is bounded, so the scan stays
 * linear in the length of the text whatever it contains.
 */

export type RedactionLabel = 'EMAIL' | 'TOKEN' | 'SECRET' | 'KEY';

export interface Redaction {
  /** The text with sensitive parts replaced by `[LABEL]`. */
  text: string;
  /** How many parts each label replaced. */
  counts: Record<RedactionLabel, number>;
}

/** Names whose value is a token (`name=value`, `name: value`, `"name": "value"`). */
const TOKEN_NAMES = [
  'refresh_?token',
  'access_?token',
  'id_?token',
  'token',
  'auth_?code',
  'authorization_code',
  'client_?assertion',
  'assertion',
  'session_?state',
  'sig',
  'signature',
  'sas_?token',
];
/** Names whose value is a secret. */
const SECRET_NAMES = ['client_?secret', 'secret', 'password', 'passwd', 'pwd', 'pass', 'credentials?', 'app_?password'];
/** Names whose value is a key or a certificate thumbprint. */
const KEY_NAMES = ['private_?key', 'api_?key', 'key', 'thumbprint', 'x5t', 'cert_?thumbprint'];

const NAME_LABEL: [RegExp, RedactionLabel][] = [
  [new RegExp(`^(?:${SECRET_NAMES.join('|')})$`, 'i'), 'SECRET'],
  [new RegExp(`^(?:${KEY_NAMES.join('|')})$`, 'i'), 'KEY'],
  [new RegExp(`^(?:${TOKEN_NAMES.join('|')})$`, 'i'), 'TOKEN'],
];

const NAMES = [...SECRET_NAMES, ...KEY_NAMES, ...TOKEN_NAMES].join('|');
/** A quote, possibly JSON-escaped once or twice (`"`, `\"`, `\\\"`). */
const QUOTE = '(?:\\\\{0,3}["\'])';

const PATTERN = new RegExp(
  [
    // "Authorization: Bearer eyJ…", "Basic dXNlcjpwYXNz".
    '(?<scheme>\\b(?:Bearer|Basic)[ \\t]{1,8})(?<credential>[A-Za-z0-9._~+/=-]{8,8192})',
    // "password": "two words", client_secret='x', \"refresh_token\":\"0.AX…\"
    `(?<qname>(?<![\\p{L}\\p{N}_])(?:${NAMES}))(?<qsep>${QUOTE}?[ \\t]{0,3}[:=][ \\t]{0,3}${QUOTE})(?<qvalue>[^"'\\\\\\r\\n]{1,4096})`,
    // client_secret=abc&…, password: hunter2, key=value
    `(?<name>(?<![\\p{L}\\p{N}_])(?:${NAMES}))(?<sep>[ \\t]{0,3}[:=][ \\t]{0,3})(?<value>[^\\s"'\\\\&,;<>()\\[\\]{}]{1,4096})`,
    // JWTs (header.payload[.signature]); the header always starts with {" → eyJ.
    '(?<jwt>\\beyJ[A-Za-z0-9_-]{4,8192}\\.[A-Za-z0-9_-]{4,16384}(?:\\.[A-Za-z0-9_-]{0,8192})?)',
    // GUIDs are kept, but matched whole so no other pattern takes a piece of one.
    '(?<guid>\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b)',
    '(?<email>\\b[A-Za-z0-9._%+-]{1,64}(?:@|%40)[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8})',
    // Entra refresh tokens: "0.AX…" / "1.AV…", long base64url with dots.
    '(?<refresh>\\b[01]\\.A[A-Za-z0-9_-]{40,16384}(?:\\.[A-Za-z0-9_-]{1,8192}){0,8})',
    // Entra client secrets: three characters, a digit, "Q~", then 31 to 34 more.
    '(?<clientsecret>(?<![A-Za-z0-9_~.-])[A-Za-z0-9_-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-]))',
    // Thumbprints written as hex pairs: AB:CD:…
    '(?<hexpairs>\\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){15,63}\\b)',
    // Thumbprints, hashes, keys: 32 hex digits or more.
    '(?<hex>\\b(?:0x)?[0-9A-Fa-f]{32,8192}\\b)',
    // Base64 / base64url runs of 32 characters or more (checked further below).
    '(?<base64>(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,16384}={0,2})',
  ].join('|'),
  'giu',
);

/**
 * A long run of base64 characters is a secret when it looks random: upper
 * and lower case and digits mixed, not a path or a long identifier.
 */
function looksRandom(run: string): boolean {
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/\d/.test(run)) return false;
  const digits = run.replace(/\D/g, '').length;
  if (digits >= 3 || /[+=]/.test(run)) {
    // "/Microsoft/Exchange/Services2010/…" is a path, not a key: each piece a word.
    const pieces = run.split('/').filter(Boolean);
    const wordy = pieces.length > 1 && pieces.every((piece) => /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*\d{0,4}$/.test(piece));
    return !wordy;
  }
  return false;
}

function labelFor(name: string): RedactionLabel {
  const plain = name.toLowerCase();
  for (const [pattern, label] of NAME_LABEL) if (pattern.test(plain)) return label;
  return 'SECRET';
}

/**
 * Replaces PEM blocks (private keys, certificates: "-----BEGIN …-----" to
 * "-----END …-----") by `replacement()`. A scan with indexOf rather than a
 * regular expression, so many BEGINs without an END stay linear.
 */
function withoutPemBlocks(text: string, replacement: () => string): string {
  const BEGIN = /-----BEGIN [A-Z0-9 ]{1,40}-----/g;
  const END = /-----END [A-Z0-9 ]{1,40}-----/g;
  let out = '';
  let at = 0;
  for (;;) {
    BEGIN.lastIndex = at;
    const begin = BEGIN.exec(text);
    if (!begin) break;
    END.lastIndex = begin.index + begin[0].length;
    const end = END.exec(text);
    if (!end) break; // no END after this BEGIN: none after any later BEGIN either
    out += text.slice(at, begin.index) + replacement();
    at = end.index + end[0].length;
  }
  return out + text.slice(at);
}

const ALREADY = /^\[(?:EMAIL|TOKEN|SECRET|KEY)\]$/;

/** Redacts `text`, and counts what was replaced. */
export function redactDetailed(text: string): Redaction {
  const counts: Record<RedactionLabel, number> = { EMAIL: 0, TOKEN: 0, SECRET: 0, KEY: 0 };
  const label = (kind: RedactionLabel) => {
    counts[kind]++;
    return `[${kind}]`;
  };
  const redacted = withoutPemBlocks(text, () => label('KEY')).replace(PATTERN, (whole: string, ...args: unknown[]) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    // "Bearer authentication" is prose; a credential has digits or symbols.
    if (groups.scheme !== undefined) return /[\d._~+/=-]/.test(groups.credential!) ? `${groups.scheme}${label('TOKEN')}` : whole;
    if (groups.qname !== undefined) {
      const value = groups.qvalue!;
      if (ALREADY.test(value.trim())) return whole;
      return `${groups.qname}${groups.qsep}${label(labelFor(groups.qname))}`;
    }
    if (groups.name !== undefined) {
      const value = groups.value!;
      if (ALREADY.test(value)) return whole;
      return `${groups.name}${groups.sep}${label(labelFor(groups.name))}`;
    }
    if (groups.jwt !== undefined) return label('TOKEN');
    if (groups.guid !== undefined) return whole;
    if (groups.email !== undefined) return label('EMAIL');
    if (groups.refresh !== undefined) return label('TOKEN');
    if (groups.clientsecret !== undefined) return label('SECRET');
    if (groups.hexpairs !== undefined || groups.hex !== undefined) return label('KEY');
    if (groups.base64 !== undefined) return looksRandom(whole) ? label('TOKEN') : whole;
    return whole;
  });
  return { text: redacted, counts };
}

/** The text with e-mail addresses, tokens, secrets and keys replaced by labels. */
export function redact(text: string): string {
  return redactDetailed(text).text;
}

/** "1 password or secret and 1 e-mail address" — what was hidden, for the preview; '' when nothing. */
export function describeRedaction(counts: Redaction['counts']): string {
  const names: Record<RedactionLabel, [string, string]> = {
    EMAIL: ['e-mail address', 'e-mail addresses'],
    TOKEN: ['token', 'tokens'],
    SECRET: ['password or secret', 'passwords or secrets'],
    KEY: ['key or thumbprint', 'keys or thumbprints'],
  };
  const parts = (Object.keys(names) as RedactionLabel[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${names[kind][counts[kind] === 1 ? 0 : 1]}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}
