/**
 * `/embed/triage.js`: this site's triage beside a help desk's ticket form.
 *
 *   <script type="module" src="https://help.example.com/embed/triage.js"></script>
 *   <textarea id="description" name="description"></textarea>
 *   <ipp-triage for="description"></ipp-triage>
 *
 * The site is wherever this script was loaded from, so the same file works
 * on any host and under a path prefix. Built into dist/embed/ by
 * src/integrations/embed.ts.
 */
import { defineTriageElement } from './triage-element.ts';

defineTriageElement(new URL('../', import.meta.url));
