/**
 * The widget's styles, scoped to its shadow root: the host page's CSS cannot
 * reach in and ours cannot leak out. Colours follow the host's colour scheme
 * (`color-scheme` inherits into the shadow tree, and `light-dark()` picks by
 * it); `scheme="light"` or `scheme="dark"` on the element overrides it.
 * Applied as a constructed stylesheet, which a host page's CSP does not
 * block (a <style> element would need 'unsafe-inline' there).
 */
export const EMBED_CSS = `
:host { display: block; color-scheme: inherit; font: inherit; }
:host([hidden]), [hidden] { display: none !important; }
:host([scheme="light"]) { color-scheme: light; }
:host([scheme="dark"]) { color-scheme: dark; }
.panel {
  box-sizing: border-box; margin: 0.75rem 0; padding: 0.75rem 1rem;
  border: 1px solid light-dark(#b6c8e6, #3c5580); border-left-width: 4px; border-radius: 6px;
  background: light-dark(#f3f7fd, #17223a); color: light-dark(#16202e, #e8eef8);
  font-size: 0.95em; line-height: 1.45;
}
.verdict { margin: 0 0 0.25rem; font-size: 0.8em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: light-dark(#30527f, #9dbcf0); }
.title { margin: 0 0 0.4rem; font-size: 1.05em; font-weight: 700; }
.resolution { margin: 0 0 0.4rem; }
.datasources { margin: 0 0 0.4rem; font-size: 0.9em; }
ol { margin: 0.25rem 0 0.5rem; padding-left: 1.4rem; }
li { margin: 0.15rem 0; }
a { color: light-dark(#1d4f91, #9cc4ff); font-weight: 600; }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.more { margin: 0.4rem 0 0; font-size: 0.85em; color: light-dark(#4a5565, #b5c0d0); }
`;
