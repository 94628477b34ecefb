/**
 * The error-code tier. An Entra code (`AADSTS700082`) names an error exactly,
 * so it is the strongest evidence a paste can carry. Codes also appear
 * without their prefix: in `"error_codes":[700082]`, in msal-node's
 * `invalid_client: 700027 -`, in `error?code=700082`, or typed alone
 * (`700082`, `error 50173`).
 */
import type { Token } from '../text/tokenise.ts';

export interface CodeHit {
  /** Lookup key: `aadsts700082` or a symbolic code in lower case. */
  key: string;
  /** Token index in the record. */
  token: number;
}

/** Words after which a bare number is an error code rather than a count or a port. */
const CODE_CONTEXT = new Set([
  'error_codes', 'errorcodes', 'errorno', 'error_code', 'errorcode', 'code', 'codes', 'error', 'aadsts',
  'invalid_client', 'invalid_grant', 'invalid_request', 'invalid_resource', 'interaction_required',
]);

/** A record this short that holds a number is a code typed alone ("700082", "error 50173"). */
const TYPED_ALONE_MAX_TOKENS = 3;

export function findCodes(tokens: readonly Token[], text: string, symbolicCodes: ReadonlySet<string>): CodeHit[] {
  const hits: CodeHit[] = [];
  const typedAlone =
    tokens.length <= TYPED_ALONE_MAX_TOKENS &&
    tokens.every((token) => token.mask === 'number' || token.code || CODE_CONTEXT.has(token.key));
  tokens.forEach((token, index) => {
    if (token.code) {
      hits.push({ key: token.key, token: index });
    } else if (token.mask === 'number') {
      const digits = text.slice(token.start, token.end);
      if (digits.length < 4 || digits.length > 9) return;
      const before = [tokens[index - 1]?.key, tokens[index - 2]?.key];
      if (typedAlone || before.some((key) => key !== undefined && CODE_CONTEXT.has(key))) {
        hits.push({ key: `aadsts${digits}`, token: index });
      }
    } else if (symbolicCodes.has(token.key)) {
      hits.push({ key: token.key, token: index });
    }
  });
  return hits;
}
