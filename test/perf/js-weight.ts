/**
 * `npm run perf:js [-- OUT_DIR]`: the JavaScript each page type ships, gzip.
 *
 * Reads the built HTML of one page of each type, follows its <script src>
 * (and inline scripts), the static `import`s of every chunk, and the workers
 * started with `new Worker(new URL(…))`, and sums the gzip sizes of the files
 * reached (each file once per page). Pagefind's own files (/pagefind/*) load
 * lazily, on the first search, and are left out (listed as lazy).
 *
 * Budgets (exit 1 when missed):
 * - the triage page ships at most 40 KB gzip of JavaScript, worker included;
 * - the search page ships at most 16 KB gzip, counting the typo correction
 *   (the edit-distance check and the tokeniser) that it imports only when a search finds
 *   nothing (src/components/search/spelling.ts);
 * - an article page (rule, guide) ships, beyond the header's search component
 *   (the scripts of SiteSearch.astro and their imports), at most 3 KB gzip of
 *   its own: the support-agent widgets the rule pages carry ("Copy link",
 *   "Copy resolution", "Did this fix it?"), which work only with JavaScript.
 *   Everything else on an article works without it.
 *
 * The OCR that reads a pasted screenshot loads only when an image is given
 * (src/components/triage/client/screenshot.ts imports screenshot-reader.ts):
 * it is listed as lazy, not counted in the page's figure, and weighed apart —
 * its JavaScript, tesseract.js's worker, the WebAssembly core and the English
 * traineddata that the first screenshot fetches from /ocr/<hash>/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT_DIR = resolve(process.argv[2] ?? process.env.KB_OUT_DIR ?? 'dist');
const TRIAGE_BUDGET = 40 * 1024;
const SEARCH_BUDGET = 16 * 1024;
const ARTICLE_OWN_BUDGET = 3 * 1024;
const LAZY_PREFIXES = ['/pagefind/'];
/** The screenshot reader's chunk: loaded on the first image only, weighed apart (below). */
const ON_FIRST_SCREENSHOT = /^\/_astro\/screenshot-reader\.[^/]*\.js$/;

if (!existsSync(join(OUT_DIR, 'index.html'))) {
  console.error(`No built site in ${OUT_DIR}: run \`npm run build\` first (or pass the output folder).`);
  process.exit(2);
}

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function firstPage(folder: string): string {
  const dir = join(OUT_DIR, folder);
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  if (!name) throw new Error(`no page under ${folder}/`);
  return `/${folder}/${name}/`;
}

const PAGE_TYPES: Array<{ type: string; path: string; article?: boolean }> = [
  { type: 'home', path: '/' },
  { type: 'triage', path: '/triage/' },
  { type: 'search', path: '/search/' },
  { type: 'rule (article)', path: firstPage('errors'), article: true },
  { type: 'guide (article)', path: firstPage('guides'), article: true },
  { type: 'category', path: firstPage('categories') },
  { type: 'errors A–Z', path: '/errors/' },
];

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const TYPE_JSON = /\stype\s*=\s*["']?application\/(?:ld\+)?json/i;
/** Static imports and re-exports as bundlers write them: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?(["'`])([^"'`\n]+?\.m?js)\1/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])([^"'`\n]+)\1\s*\)/g;
const WORKER = /new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*(["'`])([^"'`\n]+)\1/g;

interface Weight {
  files: Map<string, number>;
  inline: number;
  lazy: Set<string>;
}

function resolveUrl(specifier: string, from: string): string {
  return new URL(specifier, `http://site${from}`).pathname;
}

function readAsset(path: string): string {
  const file = join(OUT_DIR, decodeURIComponent(path));
  if (!existsSync(file)) throw new Error(`missing script ${path} (referenced in the built site)`);
  return readFileSync(file, 'utf8');
}

/** Adds a script file and everything it loads eagerly. */
function follow(path: string, weight: Weight) {
  if (LAZY_PREFIXES.some((prefix) => path.startsWith(prefix))) {
    weight.lazy.add(path);
    return;
  }
  if (weight.files.has(path)) return;
  const code = readAsset(path);
  weight.files.set(path, gzip(code));
  followCode(code, path, weight);
}

function followCode(code: string, from: string, weight: Weight) {
  // Pagefind is imported by a URL built at run time (src/components/search/pagefind-ui.ts).
  for (const prefix of LAZY_PREFIXES) if (code.includes(prefix)) weight.lazy.add(`${prefix}*`);
  for (const match of code.matchAll(STATIC_IMPORT)) follow(resolveUrl(match[2]!, from), weight);
  for (const match of code.matchAll(WORKER)) follow(resolveUrl(match[2]!, from), weight);
  for (const match of code.matchAll(DYNAMIC_IMPORT)) {
    const target = resolveUrl(match[2]!, from);
    if (LAZY_PREFIXES.some((prefix) => target.startsWith(prefix)) || ON_FIRST_SCREENSHOT.test(target)) weight.lazy.add(target);
    else follow(target, weight); // our own lazily loaded chunks still count
  }
}

function weigh(pagePath: string): Weight {
  const html = readFileSync(join(OUT_DIR, pagePath, 'index.html'), 'utf8');
  const weight: Weight = { files: new Map(), inline: 0, lazy: new Set() };
  for (const tag of html.matchAll(SCRIPT_TAG)) {
    const attributes = tag[1] ?? '';
    if (TYPE_JSON.test(attributes)) continue;
    const src = SRC.exec(attributes);
    if (src) {
      follow(resolveUrl(src[1] ?? src[2] ?? src[3]!, pagePath), weight);
    } else if (tag[2]!.trim()) {
      weight.inline += gzip(tag[2]!);
      followCode(tag[2]!, pagePath, weight);
    }
  }
  return weight;
}

const total = (weight: Weight) => [...weight.files.values()].reduce((sum, size) => sum + size, 0) + weight.inline;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The search component's own scripts: every page may ship these. */
const searchComponent = new Set<string>();
for (const name of readdirSync(join(OUT_DIR, '_astro')).filter((file) => /^SiteSearch\..*\.js$/.test(file))) {
  const weight: Weight = { files: new Map(), inline: 0, lazy: new Set() };
  follow(`/_astro/${name}`, weight);
  for (const path of weight.files.keys()) searchComponent.add(path);
}

const failures: string[] = [];
const rows: string[][] = [];
for (const { type, path, article } of PAGE_TYPES) {
  const weight = weigh(path);
  const own = [...weight.files.keys()].filter((file) => !searchComponent.has(file));
  const ownBytes = own.reduce((sum, file) => sum + weight.files.get(file)!, 0) + weight.inline;
  rows.push([
    type,
    path,
    String(weight.files.size + (weight.inline ? 1 : 0)),
    kb(total(weight)),
    kb(ownBytes),
    weight.lazy.size ? [...weight.lazy].join(', ') : '–',
  ]);
  if (type === 'triage' && total(weight) > TRIAGE_BUDGET) {
    failures.push(`the triage page ships ${kb(total(weight))} of JavaScript (gzip); the budget is ${kb(TRIAGE_BUDGET)}`);
  }
  if (type === 'search' && total(weight) > SEARCH_BUDGET) {
    failures.push(
      `the search page ships ${kb(total(weight))} of JavaScript (gzip), its lazily loaded typo correction included; the budget is ${kb(SEARCH_BUDGET)}`,
    );
  }
  if (type === 'triage' && ![...weight.files.keys()].some((file) => /worker/.test(file))) {
    failures.push('the triage page has no worker script: the weight would leave out the engine');
  }
  if (article && searchComponent.size === 0) failures.push('no SiteSearch script found in _astro/: cannot tell the search component apart');
  if (article && ownBytes > ARTICLE_OWN_BUDGET) {
    failures.push(
      `the ${type} page ${path} ships ${kb(ownBytes)} of JavaScript of its own beyond the search component (budget ${kb(ARTICLE_OWN_BUDGET)}): ${[...own, weight.inline ? 'inline script' : ''].filter(Boolean).join(', ')}`,
    );
  }
}

console.log(`JavaScript per page type in ${OUT_DIR} (gzip -9; Pagefind's lazily loaded /pagefind/* not counted)`);
const header = ['page type', 'page', 'files', 'JS gzip', 'beyond search', 'lazy (not counted)'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const index = join(OUT_DIR, 'triage-index.json');
if (existsSync(index)) console.log(`\ntriage-index.json (data fetched by the triage worker, not JavaScript): ${kb(gzip(readFileSync(index)))} gzip`);
console.log(`Search component (on every page): ${[...searchComponent].join(', ') || 'none'}`);

// What the first screenshot loads: the reader's chunks not already on the triage page, and the OCR folder's files
// (each as a server sends it: gzip for scripts and WebAssembly, the traineddata as it is, already compressed).
const triageInitial = weigh('/triage/');
const readerChunk = [...triageInitial.lazy].find((path) => ON_FIRST_SCREENSHOT.test(path));
if (!readerChunk) failures.push('the triage page does not import the screenshot reader lazily (no screenshot-reader chunk among its dynamic imports)');
else {
  const reader: Weight = { files: new Map(triageInitial.files), inline: 0, lazy: new Set() };
  follow(readerChunk, reader);
  const readerBytes = [...reader.files].filter(([path]) => !triageInitial.files.has(path)).reduce((sum, [, size]) => sum + size, 0);
  const ocrRoot = join(OUT_DIR, 'ocr');
  const folder = existsSync(ocrRoot) ? readdirSync(ocrRoot)[0] : undefined;
  if (!folder) failures.push('no OCR folder (dist/ocr/<hash>/) in the build');
  else {
    const sizeOf = (name: string) => {
      const bytes = readFileSync(join(ocrRoot, folder, name));
      return name.endsWith('.gz') ? bytes.length : gzip(bytes);
    };
    const parts: Array<[string, number]> = [
      ['reader (JavaScript)', readerBytes],
      ['worker.min.js', sizeOf('worker.min.js')],
      ['tesseract-core-simd-lstm.js + .wasm', sizeOf('tesseract-core-simd-lstm.js') + sizeOf('tesseract-core-simd-lstm.wasm')],
      ['eng.traineddata.gz', sizeOf('eng.traineddata.gz')],
    ];
    const sum = parts.reduce((total, [, size]) => total + size, 0);
    console.log(
      `\nFirst screenshot on the triage page (loaded only then, not counted above; /ocr/${folder}/): ${parts.map(([name, size]) => `${name} ${kb(size)}`).join(', ')}; ${(sum / 1024 / 1024).toFixed(2)} MB in all`,
    );
  }
}

if (failures.length > 0) {
  console.error(`\nJavaScript budget MISSED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `\nBudgets met: triage page ≤ ${kb(TRIAGE_BUDGET)}; search page ≤ ${kb(SEARCH_BUDGET)}; article pages ≤ ${kb(ARTICLE_OWN_BUDGET)} of their own beyond the search component.`,
);
