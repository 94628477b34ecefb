/**
 * The titles the "Sources" section gives its links, made from each URL's host
 * and path (src/lib/source-label.ts), and the live sources read through it.
 */
import { describe, expect, it } from 'vitest';
import { describeSource, humanizeSlug } from '../../src/lib/source-label.ts';
import { kb } from '../support/kb.ts';

describe('a source URL becomes a readable title and place', () => {
  it('names a Microsoft Learn page by its last path part, without the language', () => {
    expect(describeSource('https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens')).toEqual({
      title: 'Refresh tokens',
      where: 'learn.microsoft.com/entra/identity-platform',
    });
  });

  it('spells codes and abbreviations as the pages do', () => {
    expect(
      describeSource('https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50173-grant-expired-revoked').title,
    ).toBe('Error code AADSTS50173 grant expired revoked');
    expect(humanizeSlug('connect-to-scc-powershell')).toBe('Connect to SCC PowerShell');
    expect(humanizeSlug('howto-mfa-mfasettings.md')).toBe('Howto MFA mfasettings');
  });

  it('names the section a fragment points to', () => {
    expect(
      describeSource('https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-mfasettings#remember-multifactor-authentication').title,
    ).toBe('Howto MFA mfasettings, section “remember multifactor authentication”');
  });

  it('names a GitHub issue, pull request or file by its repository', () => {
    expect(describeSource('https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/3931')).toEqual({
      title: 'AzureAD/microsoft-authentication-library-for-js issue #3931',
      where: 'github.com',
    });
    expect(describeSource('https://github.com/PowerShell/PowerShell/pull/12').title).toBe('PowerShell/PowerShell pull request #12');
    expect(describeSource('https://github.com/PowerShell/PowerShell/blob/master/src/System.Management.Automation/engine/Credential.cs')).toEqual({
      title: 'Credential.cs',
      where: 'github.com/PowerShell/PowerShell',
    });
    expect(describeSource('https://github.com/PowerShell/PowerShell').title).toBe('PowerShell/PowerShell');
  });

  it("keeps a Q&A thread's number in its place, and a bare host as the title", () => {
    expect(describeSource('https://learn.microsoft.com/en-us/answers/questions/1397944/connect-exchangeonline-with-certificate-thumbprint')).toEqual({
      title: 'Connect exchangeonline with certificate thumbprint',
      where: 'learn.microsoft.com/answers/questions/1397944',
    });
    expect(describeSource('https://www.example.org/')).toEqual({ title: 'example.org', where: '' });
    expect(describeSource('https://example.org/a%20b/c%ZZ').title).toBe('C%ZZ');
  });

  it('gives every source of every article a title with words in it', () => {
    const urls = [...kb.rules, ...kb.guides].flatMap((entry) => entry.data.sources);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(describeSource(url).title, url).toMatch(/[A-Za-z]{2}/);
  });
});
