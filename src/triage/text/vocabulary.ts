/**
 * Word classes the scoring relies on: stop words carry little evidence, and
 * error-ish words tell a failed record from a routine log line.
 */
export const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'being', 'by', 'can', 'could', 'do', 'does', 'for',
  'from', 'has', 'have', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'might', 'must', 'of', 'on', 'or',
  'should', 'so', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'this', 'those', 'to', 'was',
  'were', 'which', 'will', 'with', 'would', 'you', 'your',
]);

/**
 * Is this token key a word that counts as evidence? Masked parts, stop words
 * and single letters (often a word cut off at the end of a paste) do not.
 */
export function isSignificant(key: string): boolean {
  return key.length > 1 && !key.startsWith('<') && !STOPWORDS.has(key);
}

/** A record that says none of these is a routine log line, not a failure to diagnose. */
export const ERRORISH =
  /error|fail|exception|invalid|expired|denied|revoked|disabled|empty|malformed|aadsts|unauthori[sz]ed|forbidden|not found|does not exist|could not|cannot|unable|refused|timed? ?out|keyset|throttl|too many requests/i;
