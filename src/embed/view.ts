/**
 * What the widget shows: the top answer of a triage result, its steps and a
 * link to the article (and, for a pasted export, its datasources in one
 * line), or nothing at all while nothing is recognised (the customer is
 * typing a ticket, not asking us). Text nodes only: nothing from
 * the paste or the index is ever parsed as HTML.
 */
import { plural } from '../triage/text/wording.ts';
import { datasourceSentence, showsDatasources } from '../triage/present/datasources.ts';
import { answersOf, VERDICT } from '../triage/present/present.ts';
import type { TriageResult } from '../triage/types.ts';

function element(tag: string, className: string, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** The panel for `result`, or null when nothing is answered. `articleUrl` makes a rule's link absolute. */
export function answerPanel(result: TriageResult, articleUrl: (url: string) => string): HTMLElement | null {
  const [answer, ...others] = answersOf(result);
  if (!answer) return null;
  const link = element('a', '', 'Read the article: how to fix it');
  link.setAttribute('href', articleUrl(answer.url));
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  const panel = element(
    'section',
    'panel',
    element('p', 'verdict', `${VERDICT[answer.confidence]}: a known IPP error`),
    element('p', 'title', answer.title),
    // A pasted export: which datasources are failing, in one line (the help site's triage page has the table).
    ...(showsDatasources(result) ? [element('p', 'datasources', datasourceSentence(result))] : []),
    element('p', 'resolution', answer.resolution),
  );
  panel.setAttribute('aria-label', 'Help for the error in your description');
  panel.dataset.rule = answer.id;
  panel.dataset.confidence = answer.confidence;
  if (answer.steps.length > 0) panel.append(element('ol', '', ...answer.steps.map((step) => element('li', '', step))));
  panel.append(element('p', '', link));
  if (others.length > 0) {
    panel.append(element('p', 'more', `${plural(others.length, 'other known error')} in the text: ${others.map((match) => match.title).join('; ')}.`));
  }
  return panel;
}
