/**
 * The embeddable widget's bundle: one self-contained ES module within its
 * weight budget (30 KB gzip: it loads on every ticket form), with no import
 * left to resolve on the host page and no way to send the text anywhere.
 */
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { bundleEmbed } from '../../src/integrations/embed.ts';
import { ROOT } from '../support/kb.ts';

const BUDGET_GZIP = 30 * 1024;

it('is one module within 30 KB gzip that fetches only the triage index', async () => {
  const code = await bundleEmbed(ROOT);
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`/embed/triage.js: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip (budget 30 KB)`);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  // Nothing left for the host page to resolve: no static or dynamic import.
  expect(/(?:^|[;}])import\s*[\w{*"']|\bimport\(/.test(code)).toBe(false);
  // The one network call is the index fetch: no XHR, beacon, WebSocket or form submission.
  expect(code.match(/\bfetch\(/g)).toHaveLength(1);
  expect(code).toContain('triage-index.json');
  expect(code.match(/XMLHttpRequest|sendBeacon|WebSocket|EventSource|\.submit\(|innerHTML|insertAdjacentHTML|document\.write/g)).toBeNull();
});
