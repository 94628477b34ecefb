/**
 * The words the site shows and copies, tested as text: the reply an agent
 * pastes into a ticket, the plain sentences of a triage result, and the
 * build's warnings for settings left at their example values. (The search's
 * help is tested in search.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SITE_URL, EXAMPLE_SUPPORT_EMAIL, exampleDefaultWarnings } from '../../src/config.ts';
import { ignoredSentence, resolutionText } from '../../src/triage/present/explain.ts';
import { headingOf, unrecognisedNote } from '../../src/triage/present/present.ts';
import { engine, index, kb } from '../support/kb.ts';

const expired = kb.rules.find((rule) => rule.id === 'refresh-token-expired')!;

describe('the reply-ready resolution text', () => {
  it('names the error, says what it means, numbers the steps and ends with the article link', () => {
    const { data } = expired;
    const text = resolutionText(
      { title: data.title, summary: data.summary, resolution: data.resolution, steps: data.steps ?? [], url: '/errors/refresh-token-expired/' },
      'https://help.contoso.com',
    );
    expect(data.steps?.length).toBeGreaterThanOrEqual(2);
    expect(text).toBe(
      [
        'Refresh token expired',
        `What it means: ${data.summary}`,
        '',
        'What to do: New refresh token',
        ...data.steps!.map((step, at) => `${at + 1}. ${step}`),
        '',
        'Step-by-step instructions: https://help.contoso.com/errors/refresh-token-expired/',
        '',
      ].join('\n'),
    );
  });

  it('still reads well for a rule with no steps yet and no summary, and stays plain text', () => {
    const text = resolutionText({ title: 'Password is empty', resolution: 'Check the password', steps: [], url: '/errors/password-empty/' }, '');
    expect(text).toBe('Password is empty\n\nWhat to do: Check the password\n\nStep-by-step instructions: /errors/password-empty/\n');
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it("the triage index carries each rule's summary and steps for the page to copy", () => {
    const rule = index.rules.find((entry) => entry.id === 'refresh-token-expired')!;
    expect(rule.summary).toBe(expired.data.summary);
    expect(rule.steps).toEqual(expired.data.steps);
  });
});

describe('plain words in a triage result', () => {
  it('says which variable parts were ignored as a sentence', () => {
    expect(ignoredSentence(['timestamp', 'duration', 'guid', 'hex'])).toBe('Times and IDs were ignored when matching.');
    expect(ignoredSentence(['email'])).toBe('E-mail addresses were ignored when matching.');
    expect(ignoredSentence(['guid', 'ip', 'number'])).toBe('IDs, IP addresses and numbers were ignored when matching.');
    expect(ignoredSentence([])).toBe('');
  });

  it('has one heading per state, which never repeats an error title', () => {
    const one = engine.triage('AADSTS700082: The refresh token has expired due to inactivity.');
    expect(headingOf(one)).toBe('We found the error');
    const two = engine.triage('Username is empty for the data source\n2024-01-01 10:00:00 ERROR Password is empty for the data source');
    expect(headingOf(two)).toBe('We found 2 different errors');
    expect(headingOf(engine.triage('the weather is nice today'))).toBe('No known error recognised');
    for (const result of [one, two]) for (const match of result.matches) expect(headingOf(result)).not.toContain(match.title);
  });

  it('speaks of failed lines, never of records', () => {
    const result = engine.triage(
      '2024-01-01 10:00:00 ERROR Username is empty for the data source\n2024-01-01 10:00:01 ERROR Something unheard of failed badly',
    );
    expect(unrecognisedNote(result)).toBe('1 other failed line was not recognised (listed below).');
    expect(unrecognisedNote(engine.triage('Username is empty for the data source'))).toBe('');
  });
});

describe('build warnings for settings left at their example values', () => {
  it('names KB_SITE_URL and the support contact when they are unset or the example', () => {
    const warnings = exampleDefaultWarnings({});
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('KB_SITE_URL');
    expect(warnings[0]).toContain(EXAMPLE_SITE_URL);
    expect(warnings[1]).toContain('KB_SUPPORT_URL');
    expect(warnings[1]).toContain(EXAMPLE_SUPPORT_EMAIL);
    expect(exampleDefaultWarnings({ KB_SITE_URL: `${EXAMPLE_SITE_URL}/`, KB_SUPPORT_EMAIL: EXAMPLE_SUPPORT_EMAIL.toUpperCase() })).toHaveLength(2);
  });

  it('is silent once each is configured (a support URL or a real address)', () => {
    expect(exampleDefaultWarnings({ KB_SITE_URL: 'https://help.contoso.com', KB_SUPPORT_EMAIL: 'ipp-support@contoso.com' })).toEqual([]);
    expect(exampleDefaultWarnings({ KB_SITE_URL: 'https://help.contoso.com', KB_SUPPORT_URL: 'https://tickets.contoso.com/new' })).toEqual([]);
    expect(exampleDefaultWarnings({ KB_SITE_URL: 'https://help.contoso.com' })).toHaveLength(1);
  });
});
