// Build step after `tsc`: bundles the compiled explorer (dist/views/**, Ink, React and their dependencies) into one
// script, dist/views/explorer.script.js, which the CLI runs when the explorer starts; the compiled CLI (dist/cli/cli.js
// with the loader, settings and checks) into dist/cli/cli.script.js, which the command's entry point runs (both
// with V8's code cache, src/load/cached-script.ts); and the compiled parser (dist/load/parse-file.js with
// dist/parse/**) into dist/load/parse-file.script.js, which the loader and its worker threads run the same way
// instead of importing about a hundred separate modules (src/load/parser-code.ts, parserModule, says when).
//
// Why: Ink and its dependencies are hundreds of small module files; Node's ESM loader spends ~0.5–0.7 s resolving,
// reading and compiling them one by one before the first frame can be drawn, and the CLI's own modules took ~60 ms
// of every run. One minified file loads in a fraction of that (see bench/tui.ts).
//
// What stays out of the script bundles is in bundleViews, bundleCli and bundleParser: lazy imports (the search index,
// the parser's HTML, DOCX, DOC and PDF readers), the parser (named at run time), the worker (started by file name),
// and classic-level's addon loader (binding.js: the compiled addon loads from the package's own folder).
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { initSync, parse as parseModule } from 'es-module-lexer';
import { builtinModules } from 'node:module';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const viewsDir = path.join(repo, 'dist/views');
const entry = path.join(viewsDir, 'index.js');
const SCRIPT = path.join(viewsDir, 'explorer.script.js');

/** An import of `target` that a bundle written into `bundleDir` leaves to Node, by its path relative to the bundle. */
function externalFrom(bundleDir, target) {
  return { path: path.relative(bundleDir, target).split(path.sep).join('/').replace(/^(?!\.)/, './'), external: true };
}

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

/**
 * string-width (every width Ink and our tables measure) builds `/^\p{RGI_Emoji}$/v` when it loads and compiles it on
 * its first test: ~14 ms and ~17 ms of the explorer's first frame, for a set of ~3,600 emoji strings. Nearly every
 * grapheme tested is one code point, and for one code point the answer is a plain property test (RGI's one-code-point
 * emoji are those with Emoji_Presentation, less the regional indicators, which are emoji only in pairs). This test
 * answers one code point so and builds the full pattern only for longer clusters. test/cli/string-width-patch.test.ts
 * compares it with the full pattern on every code point and on emoji sequences of every kind.
 */
export const RGI_EMOJI_TEST = `{
  full: null,
  single: /^\\p{Emoji_Presentation}$/u,
  regionalIndicator: /^[\\u{1F1E6}-\\u{1F1FF}]$/u,
  test(segment) {
    if (segment.length === 1 || (segment.length === 2 && segment.codePointAt(0) > 0xffff)) return this.single.test(segment) && !this.regionalIndicator.test(segment);
    return (this.full ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment);
  },
}`;

const rgiEmojiLazily = {
  name: 'rgi-emoji-lazily',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const declaration = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
      const count = source.split(declaration).length - 1;
      if (count === 0 && !source.includes('p{RGI_Emoji}$/v')) return undefined; // string-width 7 (wrap-ansi's) has none
      if (count !== 1) return { contents: source, loader: 'js', warnings: [{ text: `string-width changed (${count} RGI_Emoji patterns): its emoji pattern is built at load` }] };
      return { contents: source.replace(declaration, () => `const rgiEmojiRegex = ${RGI_EMOJI_TEST};`), loader: 'js' };
    });
  },
};

/** What every bundle is first: one minified ES module for Node 20 (the script bundles are then made from it). */
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
const parseDir = path.join(repo, 'dist/parse');
const parserEntry = path.join(loadDir, 'parse-file.js');
const PARSER_SCRIPT = path.join(loadDir, 'parse-file.script.js');

/**
 * The parser (dist/load/parse-file.js and the compiled parser under dist/parse/, with the npm packages it imports) as
 * one script, which the loader's worker threads and, for its checks, the main thread run with V8's code cache.
 * The parser reads .html, .docx, .doc and .pdf files through modules it imports only when it meets such a file:
 * bundled, their npm packages (htmlparser2, word-extractor, pdf.js…) would load with every plain-text folder, so
 * they stay separate compiled files that `import()` loads when needed. Packages the parser loads through
 * `createRequire` (iconv-lite and chardet for files that are not UTF-8, the division dataset) are required at run
 * time from the compiled module's own place, as without the bundle.
 */
export async function bundleParser() {
  const inputs = path.join(parseDir, 'inputs');
  await bundleScript({
    entry: parserEntry,
    out: PARSER_SCRIPT,
    lazy: (target) => path.dirname(target) === inputs && /^(html|docx|doc|pdf)\.js$/.test(path.basename(target)),
  });
  // The ES module bundle of earlier builds: nothing loads it any more.
  for (const old of ['parse-file.bundle.js', 'parse-file.bundle.js.map']) await rm(path.join(loadDir, old), { force: true });
}

/**
 * The explorer's and the CLI's bundles are run as classic scripts, not imported as modules (src/load/cached-script.ts
 * says why: Node 20 keeps no compiled code for ES modules, but a script can be compiled with V8's code cache). A
 * script has no import or export statements and no import.meta, so everything the ES module bundle would import from
 * outside comes in through the parameters of the function the script evaluates to:
 * - Node's built-in modules and native packages, through `require` (the bundled CommonJS packages already call it);
 * - `import.meta.url` is the bundle's own URL (`__xxgkImportMetaUrl`), from which each compiled module's own URL is
 *   made, so that `new URL('./worker.js', import.meta.url)` still finds the worker beside pool.js;
 * - `import()` (lazy imports left separate, Ink's DEV-only code, the parser module named at run time) calls
 *   `__xxgkImport`, which imports relative to the bundle: a script compiled by `vm` cannot import by itself without
 *   an experimental flag.
 */
const SCRIPT_PARAMS = ['require', '__xxgkImportMetaUrl', '__xxgkImport'];
/** Replaces the `import` keyword of `import(…)`: six characters, so no column after it moves and the source map holds. */
const DYNAMIC_IMPORT = '__xxgI';

/**
 * An ES module with the export names `specifier` has when Node imports it (read by importing it here), each bound to
 * the same name of what `require(specifier)` gives in the bundle, and that object as its default export, as Node's
 * own ES module view of a built-in or CommonJS module has it.
 */
async function requiredAsModule(specifier) {
  const names = Object.keys(await import(specifier)).filter((name) => name !== 'default');
  const lines = [`const m = require(${JSON.stringify(specifier)});`, 'export default m;'];
  for (const name of names) lines.push(`export const ${name} = m.${name};`);
  return { contents: lines.join('\n'), loader: 'js' };
}

const distDir = path.join(repo, 'dist');

/**
 * How a script bundle written into `bundleDir` gets what it does not contain (see SCRIPT_PARAMS): built-ins and the
 * `addons` (the module of a bundled package that loads its compiled addon, which must run from the package's own
 * folder: `{ package, loader }`, the loader as the package requires it) from `require`; a compiled dist/ file imported
 * by `import()` for which `lazy(target)` holds stays a separate module, which `import()` loads when it is first
 * needed. Every compiled module's `import.meta.url` becomes its own URL, made from the bundle's.
 */
function importsThroughLoader({ bundleDir, lazy, addons = [], addonsSeen }) {
  return {
    name: 'imports-through-loader',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'import-statement' && (args.path.startsWith('node:') || builtinModules.includes(args.path))) {
          return { path: args.path.startsWith('node:') ? args.path : `node:${args.path}`, namespace: 'required' };
        }
        const addon = addons.find((a) => args.path === a.loader && args.importer.includes(`${path.sep}node_modules${path.sep}${a.package}${path.sep}`));
        if (addon) {
          addonsSeen.add(addon);
          return { path: `${addon.package}/${addon.loader.replace(/^\.\//, '')}`, external: true };
        }
        if (args.kind !== 'dynamic-import' || !/^\.\.?\//.test(args.path)) return undefined;
        const target = path.resolve(args.resolveDir, args.path);
        return target.startsWith(distDir + path.sep) && lazy(target) ? externalFrom(bundleDir, target) : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => requiredAsModule(args.path));
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(distDir + path.sep)) return undefined;
        const own = `new URL(${JSON.stringify(externalFrom(bundleDir, args.path).path)}, __xxgkImportMetaUrl).href`;
        // import.meta.resolve is only on the path that runs the TypeScript sources (pool.ts, under tsx); a bundle runs
        // compiled code and never takes it, but must still compile.
        const source = (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', own).replaceAll('import.meta.resolve', '((specifier) => { throw new Error(`import.meta.resolve(${specifier}) in a bundle`); })');
        return { contents: source, loader: 'js' };
      });
    },
  };
}

/**
 * The ES module bundle's text as a script: `({ run })`, where `run(...SCRIPT_PARAMS)` is an async function
 * (a bundle may have top-level awaits: Yoga's WebAssembly) resolving to the bundle's exports. Refuses anything it
 * cannot convert exactly, so a change in esbuild's output fails the build instead of the program.
 */
export function moduleToScript(code) {
  // A hashbang (the CLI's) is no syntax in a script: a comment of the same length keeps every line and column.
  if (code.startsWith('#!')) code = '//' + code.slice(2);
  // The lexer's WebAssembly must be ready before parse(); its async init left callers that forgot to await it
  // working only when something else had waited long enough (the test of this function failed on a clean CI run).
  initSync();
  const [imports, exports] = parseModule(code);
  const out = code.split('');
  for (const i of imports) {
    if (i.d >= 0 && code.slice(i.ss, i.ss + 6) === 'import') out.splice(i.ss, 6, ...DYNAMIC_IMPORT.split('').map((c, k) => (k === 0 ? DYNAMIC_IMPORT : '')));
    else throw new Error(`script bundle: cannot run as a script: ${code.slice(i.ss, Math.min(i.se, i.ss + 80))}`);
  }
  const statement = /export\s*\{([^}]*)\};?/g;
  const found = [...code.matchAll(statement)];
  const last = found.at(-1);
  const tail = last ? code.slice(last.index + last[0].length) : '';
  if (found.length !== 1 || /[^\s]/.test(tail.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')) || exports.some((e) => e.s < last.index || e.e > last.index + last[0].length)) {
    throw new Error('script bundle: expected one export statement, at its end');
  }
  // A return in place of the export statement, padded to its length when shorter (only comments follow it).
  const returned = `return{${exports.map((e) => `${JSON.stringify(e.n)}:${e.ln}`).join(',')}};`.padEnd(last[0].length);
  out.splice(last.index, last[0].length, returned, ...new Array(last[0].length - 1).fill(''));
  if (code.includes(DYNAMIC_IMPORT)) throw new Error(`script bundle: already uses the name ${DYNAMIC_IMPORT}`);
  const body = out.join('');
  // One line before the body, so the source map moves down one line and nothing else.
  return `({run:async function(${SCRIPT_PARAMS.join(',')}){var ${DYNAMIC_IMPORT}=__xxgkImport;\n${body}\n}})\n`;
}

/** Builds `entry` into the script `out` (see moduleToScript), with its source map and licence notes beside it. */
async function bundleScript({ entry, out, lazy, addons = [], define = {}, plugins = [] }) {
  statSync(entry); // a clear error if tsc has not run
  const addonsSeen = new Set();
  const result = await build({
    ...COMMON,
    entryPoints: [entry],
    outfile: out,
    write: false,
    legalComments: 'linked', // dependencies' licence headers kept beside the bundle (*.script.js.LEGAL.txt)
    define: { ...define, 'import.meta.url': '__xxgkImportMetaUrl' },
    logOverride: { 'assign-to-define': 'silent' },
    plugins: [importsThroughLoader({ bundleDir: path.dirname(out), lazy, addons, addonsSeen }), ...plugins],
  });
  // A package that no longer loads its addon so would have it bundled, and the addon looked for beside the bundle.
  for (const a of addons) if (!addonsSeen.has(a)) throw new Error(`bundle ${path.basename(out)}: ${a.package} no longer requires ${a.loader}; see bundleCli`);
  for (const file of result.outputFiles) {
    if (file.path === out) await writeFile(file.path, moduleToScript(file.text));
    else if (file.path === out + '.map') {
      const map = JSON.parse(file.text);
      map.mappings = ';' + map.mappings;
      await writeFile(file.path, JSON.stringify(map));
    } else await writeFile(file.path, file.contents);
  }
}

export async function bundleViews() {
  await bundleScript({
    entry,
    out: SCRIPT,
    // The compiled files the views import from elsewhere in dist/ (the data dictionary, sanitising, the reviewers'
    // decisions) are small and keep no state the CLI shares, so they are bundled: the CLI is a bundle of its own
    // and has no module instances to share. Only lazy imports stay separate (the search index, from the first
    // query on).
    lazy: (target) => !target.startsWith(viewsDir + path.sep),
    // React and its reconciler pick their production build at run time from NODE_ENV; fixing it here drops the
    // development builds (~0.8 MB) from the bundle. productionMode.js still sets it for the unbundled path.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [withoutInkDevtools, yogaWithoutFetch, rgiEmojiLazily],
  });
  // The ES module bundle of earlier builds: nothing loads it any more.
  for (const old of ['explorer.bundle.js', 'explorer.bundle.js.map', 'explorer.bundle.js.LEGAL.txt']) await rm(path.join(viewsDir, old), { force: true });
}

const cliDir = path.join(repo, 'dist/cli');
const CLI_SCRIPT = path.join(cliDir, 'cli.script.js');

/**
 * The CLI (dist/cli/cli.js and what it imports, the loader and the settings included) as one script, which
 * src/cli/main.ts runs. Left out, as separate modules imported when needed: the explorer (its own bundle, or the
 * compiled views it falls back to), the search index (pinyin and Traditional dictionaries, only for -q), the parser
 * (its own bundle, named at run time) and the worker file (started by file name). classic-level is bundled but for
 * its binding.js, which loads the compiled addon from the package's folder and is required from there: required whole,
 * its ~35 CommonJS modules (abstract-level and the rest) took ~14 ms of every run to load, without a code cache.
 */
export async function bundleCli() {
  const separate = [path.join(distDir, 'views', 'index.js'), path.join(distDir, 'search', 'index.js')];
  await bundleScript({
    entry: path.join(cliDir, 'cli.js'),
    out: CLI_SCRIPT,
    lazy: (target) => separate.includes(target),
    addons: [{ package: 'classic-level', loader: './binding' }],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await Promise.all([bundleViews(), bundleParser(), bundleCli()]);
