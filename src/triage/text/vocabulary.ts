/**
 * Word classes the scoring relies on: stop words and log boilerplate carry
 * no evidence, and error-ish words tell a failed record from a routine one.
 */
export const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'been',
  'being',
  'by',
  'can',
  'could',
  'do',
  'does',
  'for',
  'from',
  'has',
  'have',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'may',
  'might',
  'must',
  'of',
  'on',
  'or',
  'should',
  'so',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'this',
  'those',
  'to',
  'was',
  'were',
  'which',
  'will',
  'with',
  'would',
  'you',
  'your',
]);

/**
 * Words every log wraps around every error: the "Trace ID:", "Correlation
 * ID:" and "Timestamp:" lines Entra appends, and log levels. They frame the
 * variable parts, so a paste of nothing but them ("Trace ID: <guid>") must
 * not count as any message.
 */
export const BOILERPLATE = new Set([
  'trace',
  'correlation',
  'timestamp',
  'id',
  'ids',
  'error',
  'errors',
  'exception',
  'message',
  'details',
  'info',
  'warning',
  'warn',
  'debug',
  'fatal',
]);

/**
 * Words any system uses to say that something went wrong, whatever it is:
 * "Invalid request", "Operation failed", "Access denied", "Bad request".
 * They count as evidence of a message (they are part of it), but a part of
 * a message made of nothing else does not tell which error it is. A property
 * of error messages in general, not of any rule: adding an article never
 * changes it.
 */
export const GENERIC_FAILURE_WORDS = new Set([
  'invalid',
  'failed',
  'fail',
  'fails',
  'failure',
  'failing',
  'denied',
  'unauthorized',
  'unauthorised',
  'forbidden',
  'refused',
  'rejected',
  'unable',
  'cannot',
  'could',
  'not',
  'no',
  'unknown',
  'unexpected',
  'occurred',
  'problem',
  'bad',
  'wrong',
  'request',
  'response',
  'operation',
  'issue',
  'please',
  'try',
  'again',
  'later',
]);

/** Does this significant word say more than that something failed? */
export function isTelling(key: string): boolean {
  return isSignificant(key) && !GENERIC_FAILURE_WORDS.has(key);
}

/**
 * Is this token key a word that counts as evidence? Masked parts, stop words,
 * boilerplate and single letters (often a word cut off at the end of a
 * paste) do not.
 */
export function isSignificant(key: string): boolean {
  return key.length > 1 && !key.startsWith('<') && !STOPWORDS.has(key) && !BOILERPLATE.has(key);
}

/**
 * Words that mean "something failed" in any log, whatever failed. A record
 * that says none of them (and carries no error code) is a routine log line,
 * not a failure. Whole words where a word is also a name part:
 * `"error_codes": []` in a JSON record of a successful run is not an error.
 * Nothing here belongs to one rule: a rule's own words are in its messages.
 */
export const FAILURE_WORDS =
  /\berrors?\b|fail|exception\b|\binvalid\b|expired|denied|revoked|disabled|\bempty\b|malformed|aadsts|unauthori[sz]ed|forbidden|not found|does not exist|could not|couldn't|cannot|can't|unable|refused|timed? ?out|throttl/i;

/** @deprecated the old name of FAILURE_WORDS, kept for the site's search until it moves. */
export const ERRORISH = FAILURE_WORDS;

/** Words after which a bare number is an error code rather than a count or a port. */
export const CODE_CONTEXT: ReadonlySet<string> = new Set([
  'error_codes',
  'errorcodes',
  'errorno',
  'error_code',
  'errorcode',
  'code',
  'codes',
  'error',
  'aadsts',
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'invalid_resource',
  'interaction_required',
]);
