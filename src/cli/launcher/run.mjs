/**
 * The fast `kb` (started by ./kb, on the project's Node 22): runs the CLI
 * from one bundled JavaScript file instead of its hundred TypeScript files,
 * whose type stripping and import resolution cost Node 0.3 s at each start.
 *
 * The bundle (esbuild, a dev dependency) is kept in
 * `node_modules/.cache/ipp-help-kb/cli/` (or `$KB_CACHE_DIR/cli/`) with a
 * manifest of the files it was built from, and rebuilt as soon as any of
 * them has changed (size or modification time): an edit to the engine or
 * the CLI is never answered by stale code (rules and content are read at
 * each run anyway, through the CLI's own index cache). V8's compile cache
 * keeps the bundle's compiled code between runs.
 *
 * Every path in the bundle still points at the sources (each module's
 * `import.meta.url` is its source file's), so the knowledge base, the index
 * cache and the worker threads behave exactly as when kb.ts runs itself.
 * When no bundle can be made (no esbuild, a read-only folder), the sources
 * run as they are: slower, never different.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ENTRY = join(ROOT, 'src', 'cli', 'kb.ts');
/** The Node the CLI needs (package.json "engines"): type stripping, the APIs it uses. */
const NEEDED_MAJOR = 22;
/** Bump when the manifest's shape or the way the bundle is built changes. */
const FORMAT = 2;

const cacheDir = process.env.KB_CACHE_DIR ? join(resolve(process.env.KB_CACHE_DIR), 'cli') : join(ROOT, 'node_modules', '.cache', 'ipp-help-kb', 'cli');
const manifestFile = join(cacheDir, 'kb.json');
const compileCache = join(cacheDir, 'v8');

/** The bundle, when it was built from exactly the files as they are now. */
function freshBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.format !== FORMAT) return undefined;
    for (const [path, size, modified] of manifest.inputs) {
      const stat = statSync(join(ROOT, path));
      if (stat.size !== size || stat.mtimeMs !== modified) return undefined;
    }
    const bundle = join(cacheDir, manifest.bundle);
    return existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined; // none yet, or damaged: build it
  }
}

/** Writes `text` to `file` whole or not at all: a kb started meanwhile never reads half a file. */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * Bundles the CLI (esbuild) and records what it was built from. Each source
 * module keeps its own location (`import.meta.url`), which is how kb finds
 * the project, its worker threads and the engine sources its cache key hashes.
 */
async function rebuild() {
  const { build } = await import('esbuild');
  const keepLocation = {
    name: 'keep-import-meta-url',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }));
    },
  };
  // Packages stay outside the bundle, imported from where the project's own
  // resolution finds them: some are CommonJS that requires Node's modules at run
  // time, or find their own files (tesseract.js's worker) beside their code,
  // which neither works from a bundle kept in another folder.
  const packagesFromProject = {
    name: 'packages-from-project',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || module.isBuiltin(args.path)) return { path: args.path, external: true };
        return { path: import.meta.resolve(args.path), external: true };
      });
    },
  };
  const output = await build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${NEEDED_MAJOR}`,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [keepLocation, packagesFromProject],
  });
  const code = output.outputFiles[0].contents;
  const name = `kb-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const inputs = Object.keys(output.metafile.inputs).map((path) => {
    const stat = statSync(join(ROOT, path));
    return [path, stat.size, stat.mtimeMs];
  });
  mkdirSync(cacheDir, { recursive: true });
  writeAtomically(join(cacheDir, name), code);
  writeAtomically(manifestFile, JSON.stringify({ format: FORMAT, bundle: name, inputs }));
  // Older bundles and their compiled code are of no further use.
  for (const file of readdirSync(cacheDir)) if (/^kb-[0-9a-f]+\.mjs$/.test(file) && file !== name) unlinkSync(join(cacheDir, file));
  rmSync(compileCache, { recursive: true, force: true });
  return join(cacheDir, name);
}

if (Number(process.versions.node.split('.')[0]) < NEEDED_MAJOR) {
  process.stderr.write(
    `kb: needs Node.js ${NEEDED_MAJOR} or later, not ${process.version}: run "npm ci" in ${ROOT} (it installs the project's own) and start kb with ${join(ROOT, 'src', 'cli', 'launcher', 'kb')}\n`,
  );
  process.exit(1);
}
const script = freshBundle() ?? (await rebuild().catch(() => undefined)) ?? ENTRY;
module.enableCompileCache?.(compileCache);
await import(pathToFileURL(script).href);
