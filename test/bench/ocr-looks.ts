/**
 * The looks `npm run bench:ocr` renders each paste in, as a customer's
 * screenshot would show it: an error dialog in a light and a dark theme, a row
 * of a log table like the IPP audit log's, a PowerShell console (light text on
 * dark blue, hard-wrapped at the console's width), a small UI font, a page
 * zoomed to 75% and 150%, and a capture cut tight so that it clips the text.
 * Each look is HTML rendered by Chromium and captured as a PNG.
 */

export interface Look {
  name: string;
  /** What the look imitates, for the README table. */
  description: string;
  /** Device pixels per CSS pixel: a page's zoom level when it was captured. */
  scale: number;
  /** The page for one paste; the capture is of its element `#shot`. */
  html: (text: string) => string;
  /** Shrinks the captured rectangle (CSS pixels), for a capture that clips its text. */
  crop?: (box: { x: number; y: number; width: number; height: number }) => { x: number; y: number; width: number; height: number };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const page = (style: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:16px;background:#e9ecef}${style}</style></head><body>${body}</body></html>`;

/** A dialog or panel showing the message, wrapped as a browser wraps it. */
function dialog(colours: { background: string; text: string; title: string; border: string }, font: string) {
  return (text: string) =>
    page(
      `#shot{width:720px;padding:14px 18px;background:${colours.background};color:${colours.text};border:1px solid ${colours.border};border-radius:6px;font:${font}}
       h1{font-size:1.15em;margin:0 0 8px;color:${colours.title}}
       pre{margin:0;font:inherit;white-space:pre-wrap;overflow-wrap:anywhere}`,
      `<div id="shot"><h1>The IPP run failed</h1><pre>${escape(text)}</pre></div>`,
    );
}

const LIGHT = { background: '#ffffff', text: '#1f2328', title: '#b3261e', border: '#d0d7de' };
const UI_FONT = '14px/1.45 "Segoe UI", system-ui, sans-serif';

/** The audit log as a table: a success row, the failure (one row per line of the paste), another success row. */
function logTable(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const row = (time: string, datasource: string, status: string, details: string) =>
    `<tr><td>${time}</td><td>${datasource}</td><td><span class="${status.toLowerCase()}">${status}</span></td><td>${escape(details)}</td></tr>`;
  return page(
    `#shot{width:940px;background:#fff;font:13px/1.4 "Segoe UI", system-ui, sans-serif;color:#212529;border-collapse:collapse}
     th{background:#f1f3f5;text-align:left;font-weight:600}
     th,td{border:1px solid #dee2e6;padding:6px 8px;vertical-align:top}
     td:last-child{width:560px;overflow-wrap:anywhere}
     span{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
     .failed{background:#c92a2a}.success{background:#2b8a3e}`,
    `<table id="shot"><thead><tr><th>Time</th><th>Datasource</th><th>Status</th><th>Details</th></tr></thead><tbody>
     ${row('2025-03-04 02:00:01', 'HR Mailboxes', 'Success', 'Preserved 1,204 items')}
     ${lines.map((line, index) => row(`2025-03-04 02:00:${String(9 + index).padStart(2, '0')}`, 'Finance EU', 'Failed', line)).join('')}
     ${row('2025-03-04 02:01:12', 'Legal Hold', 'Success', 'Preserved 88 items')}
     </tbody></table>`,
  );
}

/** A PowerShell 5 console: light grey on dark blue, monospaced, hard-wrapped at 100 columns as the console wraps. */
function powershell(text: string): string {
  const columns = 100;
  const wrapped = `PS C:\\> Connect-IPPSSession -UserPrincipalName admin@contoso.com\n${text}`
    .split(/\r?\n/)
    .flatMap((line) => (line.length === 0 ? [''] : (line.match(new RegExp(`.{1,${columns}}`, 'g')) ?? [''])))
    .join('\n');
  return page(
    `body{background:#012456}#shot{display:inline-block;padding:8px;background:#012456;color:#eeedf0;font:14px/1.25 Consolas, "DejaVu Sans Mono", monospace}
     pre{margin:0;font:inherit;white-space:pre}`,
    `<div id="shot"><pre>${escape(wrapped)}</pre></div>`,
  );
}

export const LOOKS: readonly Look[] = [
  { name: 'light', description: 'error dialog, light theme, 14 px', scale: 1, html: dialog(LIGHT, UI_FONT) },
  {
    name: 'dark',
    description: 'error dialog, dark theme (light text on #1e1e1e)',
    scale: 1,
    html: dialog({ background: '#1e1e1e', text: '#d4d4d4', title: '#f48771', border: '#3c3c3c' }, UI_FONT),
  },
  { name: 'log-table', description: 'audit-log table: a success row, the failed row(s), a success row; 13 px', scale: 1, html: logTable },
  { name: 'powershell', description: 'PowerShell console, #eeedf0 on #012456, monospace, wrapped at 100 columns', scale: 1, html: powershell },
  { name: 'small-11px', description: 'dense UI, 11 px font', scale: 1, html: dialog(LIGHT, '11px/1.35 "Segoe UI", system-ui, sans-serif') },
  { name: 'zoom-75', description: 'light dialog captured at 75% zoom', scale: 0.75, html: dialog(LIGHT, UI_FONT) },
  { name: 'zoom-150', description: 'light dialog captured at 150% zoom', scale: 1.5, html: dialog(LIGHT, UI_FONT) },
  {
    name: 'cropped',
    description: 'light dialog cut tight: the capture clips the text on the left, the top and the right',
    scale: 1,
    html: dialog(LIGHT, UI_FONT),
    // Into the padding on the left and top (the title's first pixels), and through the right end of the lines.
    crop: ({ x, y, width, height }) => ({ x: x + 16, y: y + 12, width: width - 16 - 56, height: height - 12 - 8 }),
  },
];
