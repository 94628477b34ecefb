/**
 * The error-code tier. An Entra code (`AADSTS700082`) names an error exactly,
 * so it is the strongest evidence a paste can carry. Codes also appear
 * without their prefix: in `"error_codes":[700082]`, in msal-node's
 * `invalid_client: 700027 -`, in `error?code=700082`, or typed alone
 * (`700082`, `error 50173`). Symbolic codes (`TooManyRequests`,
 * `Microsoft.Exchange.Foo`) are found as the words they are made of.
 */
import { SymbolicCodes } from '../index/symbolic-codes.ts';
import { CODE_CONTEXT } from '../text/vocabulary.ts';
import type { Token } from '../text/tokenise.ts';

export { SymbolicCodes } from '../index/symbolic-codes.ts';

export interface CodeHit {
  /** Lookup key: `aadsts700082`, or a symbolic code in lower case. */
  key: string;
  /** First and last token of the code in the record. */
  token: number;
  lastToken: number;
  /** Written as `AADSTS…`, a bare number in a code's place, or a symbolic code's words. */
  kind: 'entra' | 'number' | 'symbolic';
}

/** A record this short that holds a number is a code typed alone ("700082", "error 50173"). */
const TYPED_ALONE_MAX_TOKENS = 3;

export function findCodes(tokens: readonly Token[], text: string, symbolic: SymbolicCodes): CodeHit[] {
  const hits: CodeHit[] = [];
  const typedAlone = tokens.length <= TYPED_ALONE_MAX_TOKENS && tokens.every((token) => token.mask === 'number' || token.code || CODE_CONTEXT.has(token.key));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.code) {
      hits.push({ key: token.key, token: index, lastToken: index, kind: 'entra' });
    } else if (token.mask === 'number') {
      const digits = text.slice(token.start, token.end);
      if (digits.length < 4 || digits.length > 9) continue;
      const before = [tokens[index - 1]?.key, tokens[index - 2]?.key];
      if (typedAlone || before.some((key) => key !== undefined && CODE_CONTEXT.has(key))) {
        hits.push({ key: `aadsts${digits}`, token: index, lastToken: index, kind: 'number' });
      }
    } else if (!token.mask) {
      const found = symbolic.at(tokens, text, index);
      if (found) {
        hits.push({ key: found[0], token: index, lastToken: found[1], kind: 'symbolic' });
        index = found[1];
      }
    }
  }
  return hits;
}
