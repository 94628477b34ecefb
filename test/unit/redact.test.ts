/**
 * Redaction of a paste before it may leave the browser (sent to support, or
 * carried in a shared link): every address, token, secret and key becomes a
 * label; the error code, the message's words, the trace and correlation IDs
 * and the time stamps stay, so support can recognise the error and look the
 * sign-in up.
 */
import { describe, expect, test } from 'vitest';
import { describeRedaction, redact, redactDetailed } from '../../src/triage/text/redact.ts';

const GUID = 'dc41b3fa-a25b-4280-b500-cd8b8788a601';
const GUID_UPPER = '637875B9-2BE6-4629-A209-FD0F8384DCDA';
// A real-shaped JWT (header {"alg":"RS256","typ":"JWT"}, a payload, a signature).
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ1cG4iOiJhZG1pbkBjb250b3NvLmNvbSJ9.Qm9ndXNTaWduYXR1cmVfMTIzNDU2Nzg5MF9hYmNkZWZnaGlqa2xtbm9w';
const THUMBPRINT = '3F2A9C7B1D4E5F60718293A4B5C6D7E8F9012345';
const SHA256 = 'a3f1c9e0b7d24f6a8c5e1b0d9f7a6c4e2b1d0f9e8c7a6b5d4e3f2a1b0c9d8e7f';
const BASE64_SECRET = 'q8Vn3Zr+T0pXk7LmW2yHc9Ga5Bd1Ef4Ji6Ks/Uo=';
const CLIENT_SECRET = 'Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789a';
const REFRESH_TOKEN = '0.AXoA6WgJJ9X2qk-ThisIsNotARealToken_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P';

const AADSTS = `AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: ${GUID} Correlation ID: ${GUID_UPPER} Timestamp: 2024-05-21 09:13:42Z`;

describe('redact', () => {
  test('trace and correlation IDs (GUIDs in any case) and time stamps are kept: they are not secrets, and support needs them', () => {
    expect(redact(AADSTS)).toBe(AADSTS);
    expect(redact(`tenant '{${GUID}}'`)).toBe(`tenant '{${GUID}}'`);
    expect(redactDetailed(AADSTS).counts).toEqual({ EMAIL: 0, TOKEN: 0, SECRET: 0, KEY: 0 });
  });

  test('keeps the AADSTS code and every word of the message', () => {
    const out = redact(AADSTS);
    expect(out).toContain('AADSTS700082');
    for (const word of ['refresh', 'token', 'expired', 'inactivity', 'issued', 'inactive', 'Trace', 'Correlation']) {
      expect(out).toContain(word);
    }
    const codes = '"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked.","error_codes":[50173]';
    expect(redact(codes)).toBe(codes);
    expect(redact('Error code: AADSTS7000222')).toBe('Error code: AADSTS7000222');
  });

  test('the seed messages pass through unchanged', () => {
    for (const message of [
      'Username is empty for the data source',
      'Password is empty for the data source',
      'AADSTS50126: Error validating credentials due to invalid username or password.',
      'The Identity Provider returned an error',
      'Request is malformed or invalid/Invalid National Cloud Token',
      'Keyset does not exist',
      'AADSTS7000274: Client assertion contains an invalid signature.',
      'Bearer authentication failed for the request',
      'at Microsoft.Identity.Client.Internal.Requests.RequestBase.RunAsync(CancellationToken cancellationToken)',
      'POST https://login.microsoftonline.com/common/oauth2/v2.0/token failed',
    ]) {
      expect(redact(message)).toBe(message);
    }
  });

  test('e-mail addresses and user principal names become [EMAIL]', () => {
    expect(redact('User admin@contoso.onmicrosoft.com failed; notify it-ops+ipp@mail.example.co.uk')).toBe('User [EMAIL] failed; notify [EMAIL]');
    expect(redact('login_hint=j.doe%40contoso.com&x=1')).toBe('login_hint=[EMAIL]&x=1');
  });

  test('JWTs (eyJ…) become [TOKEN], with or without a signature part', () => {
    expect(redact(`id_token issued: ${JWT} end`)).toBe('id_token issued: [TOKEN] end');
    const [header, payload] = JWT.split('.');
    expect(redact(`unsigned ${header}.${payload}.`)).toBe('unsigned [TOKEN]');
  });

  test('Bearer and Basic credentials become [TOKEN], the scheme stays', () => {
    expect(redact(`Authorization: Bearer ${JWT}`)).toBe('Authorization: Bearer [TOKEN]');
    expect(redact('Authorization: Bearer 4f9a-opaque_token.v2~abc')).toBe('Authorization: Bearer [TOKEN]');
    expect(redact('Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==')).toBe('Authorization: Basic [TOKEN]');
  });

  test('refresh and access tokens, named or recognised by shape, become [TOKEN]', () => {
    expect(redact(`refresh_token=${REFRESH_TOKEN}&grant_type=refresh_token`)).toBe('refresh_token=[TOKEN]&grant_type=refresh_token');
    expect(redact(`{"access_token": "${JWT}", "token_type": "Bearer"}`)).toBe('{"access_token": "[TOKEN]", "token_type": "Bearer"}');
    expect(redact(`stored token ${REFRESH_TOKEN} was rejected`)).toBe('stored token [TOKEN] was rejected');
  });

  test('client_secret=…, password=… and their JSON forms become [SECRET]', () => {
    expect(redact('client_id=abc&client_secret=s3cr3t-Value_1&scope=offline_access')).toBe('client_id=abc&client_secret=[SECRET]&scope=offline_access');
    expect(redact('password=hunter2')).toBe('password=[SECRET]');
    expect(redact('Password: P@ssw0rd!')).toBe('Password: [SECRET]');
    expect(redact('{"username":"svc-ipp","password":"correct horse battery staple"}')).toBe('{"username":"svc-ipp","password":"[SECRET]"}');
    expect(redact(String.raw`{\"clientSecret\":\"abc def\"}`)).toBe(String.raw`{\"clientSecret\":\"[SECRET]\"}`);
    expect(redact(`secret ${CLIENT_SECRET} expired`)).toBe('secret [SECRET] expired');
  });

  test('thumbprints and long hex become [KEY]', () => {
    expect(redact(`Certificate thumbprint ${THUMBPRINT} not found`)).toBe('Certificate thumbprint [KEY] not found');
    expect(redact(`thumbprint: ${THUMBPRINT.toLowerCase()}`)).toBe('thumbprint: [KEY]');
    expect(redact(`sha256 ${SHA256}`)).toBe('sha256 [KEY]');
    expect(redact('x5t 3F:2A:9C:7B:1D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:01:23:45')).toBe('x5t [KEY]');
    expect(redact('api_key=AKIA1234&key: k-99')).toBe('api_key=[KEY]&key: [KEY]');
  });

  test('private keys and certificates (PEM) become [KEY]', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKj\n-----END PRIVATE KEY-----';
    expect(redact(`key file:\n${pem}\nend`)).toBe('key file:\n[KEY]\nend');
    // A key cut off before its END line: its base64 lines are still hidden.
    const cut = pem.slice(0, pem.indexOf('\nVJTU'));
    expect(redact(cut)).toBe('-----BEGIN PRIVATE KEY-----\n[TOKEN]');
  });

  test('many BEGIN lines without an END stay fast (no quadratic scan)', () => {
    const hostile = '-----BEGIN PRIVATE KEY-----'.repeat(40_000);
    const started = performance.now();
    expect(redact(hostile)).toBe(hostile);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  test('long base64 secrets become [TOKEN]; long words and paths do not', () => {
    expect(redact(`signing key ${BASE64_SECRET} rejected`)).toBe('signing key [TOKEN] rejected');
    expect(redact('sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D')).toBe('sig=[TOKEN]');
    const prose = 'AcquireTokenByRefreshTokenAsyncInternalHandler failed at /Microsoft/Exchange/Services2010/Autodiscover1';
    expect(redact(prose)).toBe(prose);
  });

  test('counts what it replaced, and says so in words', () => {
    const result = redactDetailed(`${AADSTS} user admin@contoso.com password=x ${JWT} ${THUMBPRINT}`);
    expect(result.counts).toEqual({ EMAIL: 1, TOKEN: 1, SECRET: 1, KEY: 1 });
    expect(describeRedaction(result.counts)).toBe('1 e-mail address, 1 token, 1 password or secret and 1 key or thumbprint');
    expect(describeRedaction(redactDetailed(`${GUID} admin@contoso.com`).counts)).toBe('1 e-mail address');
    expect(describeRedaction(redactDetailed('nothing here').counts)).toBe('');
  });

  test('is idempotent: redacting twice changes nothing more', () => {
    const once = redact(`${AADSTS} password=x "password": "y" ${JWT} admin@contoso.com`);
    expect(redact(once)).toBe(once);
  });

  test('no sensitive part survives in a realistic OAuth error body', () => {
    const body = JSON.stringify({
      error: 'invalid_grant',
      error_description: `AADSTS700082: The refresh token has expired due to inactivity.\r\nTrace ID: ${GUID}\r\nCorrelation ID: ${GUID_UPPER}`,
      error_codes: [700082],
      trace_id: GUID,
      correlation_id: GUID_UPPER,
      request: `client_id=${GUID}&client_secret=${CLIENT_SECRET}&refresh_token=${REFRESH_TOKEN}&username=admin@contoso.com`,
    });
    const out = redact(body);
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, 'admin@contoso.com', 'AXoA6WgJJ9X2qk']) {
      expect(out).not.toContain(secret);
    }
    // What support needs to find the sign-in stays.
    expect(out).toContain(`Trace ID: ${GUID}`);
    expect(out).toContain(`"correlation_id":"${GUID_UPPER}"`);
    expect(out).toContain('AADSTS700082: The refresh token has expired due to inactivity.');
    expect(out).toContain('invalid_grant');
  });

  test('stays fast on a large paste (linear scan)', () => {
    const line = `2025-03-04 02:00:09 ERROR ${AADSTS} ${'A1b2'.repeat(30)} `;
    const big = line.repeat(Math.ceil(1_000_000 / line.length));
    const started = performance.now();
    const out = redact(big);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out).not.toContain('A1b2A1b2');
    expect(out).toContain(GUID);
  });
});
