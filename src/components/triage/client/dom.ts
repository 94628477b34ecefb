/**
 * Building the result's elements: attributes set one by one and strings
 * added as text nodes, never parsed as HTML, so pasted text is only shown.
 */
export type Child = Node | string;

/** Creates an element with attributes and children; strings become text nodes. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same for SVG: geometry as attributes (never a style attribute, which the page's CSP would refuse). */
export function svg(tag: string, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}
