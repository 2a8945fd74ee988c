// Build step after `tsc`: bundles the compiled explorer (dist/views/**, Ink, React and their dependencies) into one
// ES module, dist/views/explorer.bundle.js, which the CLI imports when the explorer starts; and the compiled parser
// (dist/load/parse-file.js with dist/parse/**) into dist/load/parse-file.bundle.js, which the loader and its worker
// threads import instead of about a hundred separate modules (src/load/parser-code.ts, parserModule, says when).
//
// Why: Ink and its dependencies are hundreds of small module files; Node's ESM loader spends ~0.5–0.7 s resolving,
// reading and compiling them one by one before the first frame can be drawn. One minified file loads in a fraction
// of that (see bench/tui.ts).
//
// Only the views and their npm packages are bundled. Everything else the views import from dist/ (parse, search,
// settings, load) stays an ordinary import of the same compiled file: the CLI has already loaded most of those
// modules (so they cost nothing), src/load finds its worker by file location and hashes dist/parse/ for the cache
// fingerprint, and a Settings object passed in by the CLI must be the CLI's own class.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const viewsDir = path.join(repo, 'dist/views');
const entry = path.join(viewsDir, 'index.js');
export const BUNDLE = path.join(viewsDir, 'explorer.bundle.js');

/** An import of `target` that a bundle written into `bundleDir` leaves to Node, by its path relative to the bundle. */
function externalFrom(bundleDir, target) {
  return { path: path.relative(bundleDir, target).split(path.sep).join('/').replace(/^(?!\.)/, './'), external: true };
}

/** Compiled files outside dist/views stay separate modules, imported by the same relative path from the bundle. */
const keepDistImportsExternal = {
  name: 'keep-dist-imports-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (!args.resolveDir.startsWith(viewsDir) || target.startsWith(viewsDir + path.sep)) return undefined;
      return externalFrom(viewsDir, target);
    });
  },
};

/**
 * Ink imports its React DevTools bridge (and through it react-devtools-core, not installed) only when DEV=true.
 * Bundled, that import would be resolved at build time; an empty module keeps DEV=true harmless instead.
 */
const withoutInkDevtools = {
  name: 'without-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (args.importer.includes(`${path.sep}ink${path.sep}`) ? { path: 'ink-devtools', namespace: 'empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * Yoga (Ink's layout engine) is WebAssembly embedded as a base64 data: URL. Its Emscripten loader fetches that URL
 * with fetch() whenever fetch exists, and the first call to Node's fetch loads undici, Node's whole HTTP client:
 * ~30 ms before the explorer's first frame. Told that fetch is not there, the loader decodes the same bytes itself.
 * If a Yoga release changes the loader so this no longer matches, the build warns and the bundle works as before.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/].*yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // getBinaryPromise: `return wasmBinary || typeof fetch != "function" ? decode the data: URL : fetch(it)`.
      const check = '"function"!=typeof fetch?Promise.resolve()';
      const count = source.split(check).length - 1;
      if (count !== 1) return { contents: source, loader: 'js', warnings: [{ text: `yoga-layout's wasm loader changed (${count} matches): it will load undici` }] };
      return { contents: source.replace(check, '!0?Promise.resolve()'), loader: 'js' };
    });
  },
};

/** What both bundles are: one minified ES module for Node 20. */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true, // less source for V8 to scan: a bundle's compile time is most of its load time
  sourcemap: true, // *.bundle.js.map, for `node --enable-source-maps` when debugging
  logLevel: 'warning',
};

const loadDir = path.join(repo, 'dist/load');
const parserEntry = path.join(loadDir, 'parse-file.js');
export const PARSER_BUNDLE = path.join(loadDir, 'parse-file.bundle.js');

/**
 * The parser reads .html, .docx, .doc and .pdf files through modules it imports only when it meets such a file.
 * Bundled, their npm packages (htmlparser2, word-extractor, pdf.js…) would become imports of the bundle itself and
 * load with every plain-text folder; kept as separate compiled files, they still load only when needed.
 */
const keepLazyInputsExternal = {
  name: 'keep-lazy-inputs-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/(html|docx|doc|pdf)\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      return externalFrom(loadDir, path.resolve(args.resolveDir, args.path));
    });
  },
};

export async function bundleParser() {
  statSync(parserEntry); // a clear error if tsc has not run
  await build({
    ...COMMON,
    entryPoints: [parserEntry],
    outfile: PARSER_BUNDLE,
    // npm packages stay ordinary imports: few files each, and shared with anything else that loads them.
    packages: 'external',
    plugins: [keepLazyInputsExternal],
  });
}

export async function bundleViews() {
  statSync(entry); // a clear error if tsc has not run
  await build({
    ...COMMON,
    entryPoints: [entry],
    outfile: BUNDLE,
    legalComments: 'linked', // dependencies' licence headers kept beside the bundle (explorer.bundle.js.LEGAL.txt)
    // React and its reconciler pick their production build at run time from NODE_ENV; fixing it here drops the
    // development builds (~0.8 MB) from the bundle. productionMode.js still sets it for the unbundled path.
    define: { 'process.env.NODE_ENV': '"production"' },
    logOverride: { 'assign-to-define': 'silent' },
    // The bundled CommonJS packages (react, react-reconciler, …) call require() for Node built-ins.
    banner: { js: "import { createRequire as __xxgkCreateRequire } from 'node:module'; const require = __xxgkCreateRequire(import.meta.url);" },
    plugins: [keepDistImportsExternal, withoutInkDevtools, yogaWithoutFetch],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await Promise.all([bundleViews(), bundleParser()]);
