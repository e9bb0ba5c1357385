// Builds the app's own wasm, split in two (docs/size.md, "The later pages"): the first load
// (home screen, store, reducer, Yew) and a chunk with the pages fetched right after the first
// screen (src/app/later.rs). trunk builds the modules (report/, studio/); it cannot split a
// wasm, so this runs as the first step of trunk's post_build hook and puts the app into
// trunk's staging folder, as trunk's own rust step would have:
//
//   cargo rustc (release, linked with --emit-relocs: the splitter needs the relocations)
//   → wasm-split-cli (wasm_split_cli_support, installed by scripts/setup) → the main wasm,
//     the chunk and a small JS loader
//   → wasm-bindgen on the main wasm (--keep-lld-exports: the chunk links to its exports)
//   → wasm-opt on both (release)
//   → the glue's import names shortened, in the main wasm and its JS (short-imports.mjs)
//   → file names carrying a hash of their content, like trunk's; the start-up calls at the
//     end of the app's JS (the store's first read, then the wasm), its <script> and preload
//     links in index.html.
//
// With `--out DIR` it only builds (no trunk, no index.html), for scripts/measure-size.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { shortenImports } from './short-imports.mjs';

// wasm-opt's passes for both parts: after -Oz, flattening and re-looping the control flow, a
// whole-program flow analysis and a second -Oz, then ordering functions and globals for
// compression (2.0 KB brotli less on the first load than -Oz alone, measured: docs/size.md).
export const WASM_OPT = [
  '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--flatten', '--rereloop', '-Oz',
  '--gufa-optimizing', '-Oz', '--converge', '--strip-producers', '--strip-target-features',
  '--reorder-functions', '--reorder-globals',
];

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const staging = outArg >= 0 ? args[outArg + 1] : process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('build-app: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook, or pass --out DIR)');
  process.exit(1);
}
const release = outArg >= 0 || process.env.TRUNK_PROFILE === 'release';
const base = process.env.TRUNK_PUBLIC_URL || '/';
const target = process.env.CARGO_TARGET_DIR || 'target';
const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'] });

// 1. The app, linked with its relocations (only the final link is asked for them: the
// dependencies are the ones the modules' builds share).
run('cargo', [
  'rustc', '--quiet', '--bin', 'ballot-kit', '--target', 'wasm32-unknown-unknown',
  ...(release ? ['--release'] : []), '--', '-Clink-args=--emit-relocs',
]);
const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'ballot-kit.wasm');

// 2. Split, then bind the main part.
const work = join(target, 'app-split');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'app', built, join(work, 'split')]);
const pkg = join(work, 'pkg');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', pkg, '--out-name', 'app', join(work, 'split', 'app.wasm')]);
// The chunks: one per split name (split_pages, split_english), and the code two of them
// share, which the splitter puts in a chunk of its own (chunk_N), fetched with either.
const chunks = readdirSync(join(work, 'split')).filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f));
if (chunks.length === 0) {
  console.error('build-app: the splitter made no chunk (is the split point in src/app/later.rs still there?)');
  process.exit(1);
}
for (const f of [...chunks, '__wasm_split.js']) cpSync(join(work, 'split', f), join(pkg, f));
if (release) {
  // BUILD_APP_WASM_OPT replaces the passes (scripts/measure-size measures without some).
  const passes = process.env.BUILD_APP_WASM_OPT ? process.env.BUILD_APP_WASM_OPT.split(/\s+/).filter(Boolean) : WASM_OPT;
  for (const f of ['app_bg.wasm', ...chunks]) run('wasm-opt', [...passes, join(pkg, f), '-o', join(pkg, f)]);
}
// The glue's import names, shortened in the wasm and the glue (scripts/short-imports.mjs).
shortenImports(join(pkg, 'app_bg.wasm'), join(pkg, 'app.js'), './app_bg.js');

// 3. Names with a hash of the whole app (each file refers to the others by name), as trunk
// names its files: a new build never meets an old file in a browser's cache.
const hash = createHash('sha256');
for (const f of ['app.js', 'app_bg.wasm', '__wasm_split.js', ...chunks]) hash.update(readFileSync(join(pkg, f)));
const h = hash.digest('hex').slice(0, 16);
const names = {
  'app.js': `ballot-kit-${h}.js`,
  'app_bg.wasm': `ballot-kit-${h}_bg.wasm`,
  '__wasm_split.js': `ballot-kit-${h}-split.js`,
  ...Object.fromEntries(chunks.map((f) => [f, `ballot-kit-${h}-${f.replace(/^split_/, '')}`])),
};
const swap = (file, pairs) => {
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`build-app: ${file} does not name ${from} (has the splitter changed?)`);
    text = text.split(from).join(to);
  }
  writeFileSync(file, text);
};
// Only the import statement: the wasm's own import keeps the module name "./__wasm_split.js".
swap(join(pkg, 'app.js'), [['from "./__wasm_split.js"', `from "./${names['__wasm_split.js']}"`]]);
swap(join(pkg, '__wasm_split.js'), [
  ['"./app.js"', `"./${names['app.js']}"`],
  ...chunks.map((f) => [`"./${f}"`, `"./${names[f]}"`]),
]);

// 4. The start-up calls at the end of the app's JS (the CSP allows no inline script).
const glue = readFileSync(join(pkg, 'app.js'), 'utf8');
const init = glue.match(/export\s*\{[^}]*?([\w$]+) as default/);
if (!init) {
  console.error('build-app: the app JS has no default export (has wasm-bindgen changed?)');
  process.exit(1);
}
const wasmUrl = `${base}${names['app_bg.wasm']}`;
// The store's first read starts before the wasm is fetched and compiled (idb.js readEarly).
const idb = glue.match(/from\s*['"](\.\/snippets\/ballot-ui-[0-9a-f]+\/src\/idb\.js)['"]/);
if (!idb) {
  console.error('build-app: the app JS does not import idb.js (has ballot-ui changed?)');
  process.exit(1);
}
writeFileSync(join(pkg, 'app.js'), `${glue}\nimport { readEarly as __bkReadEarly } from ${JSON.stringify(idb[1])};\n` +
  `__bkReadEarly();\nawait ${init[1]}({module_or_path:${JSON.stringify(wasmUrl)}});\n`);

// 5. Into the staging folder: the renamed files and the snippets the JS imports.
mkdirSync(staging, { recursive: true });
for (const [from, to] of Object.entries(names)) renameSync(join(pkg, from), join(staging, to));
if (existsSync(join(pkg, 'snippets'))) cpSync(join(pkg, 'snippets'), join(staging, 'snippets'), { recursive: true });
if (outArg >= 0) process.exit(0);

// 6. index.html: the app's one script, and the files it needs fetched at once (its JS
// imports, its wasm), as trunk writes them, in the place of the app's link.
function* files(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}
const snippets = existsSync(join(staging, 'snippets'))
  ? [...files(join(staging, 'snippets'))].map((p) => relative(staging, p).split(sep).join('/')).filter((p) => glue.includes(p))
  : [];
const htmlPath = join(staging, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
// The app's link in index.html, which trunk skips and leaves in place: the tags go there.
const skipped = /<link(?=[^>]*\bdata-trunk-skip\b)(?=[^>]*\bballot-kit\b)[^>]*>/;
if (!skipped.test(html)) {
  console.error('build-app: index.html has no <link data-trunk rel="rust" data-bin="ballot-kit" data-trunk-skip>');
  process.exit(1);
}
const tags =
  `<script type=module src="${base}${names['app.js']}"></script>` +
  [names['app.js'], names['__wasm_split.js'], ...snippets].map((f) => `<link crossorigin href="${base}${f}" rel=modulepreload>`).join('') +
  `<link as=fetch crossorigin href="${wasmUrl}" rel=preload type=application/wasm>`;
writeFileSync(htmlPath, html.replace(skipped, tags));
console.log(`build-app: ${names['app.js']}, its wasm and ${chunks.length} chunk(s) (${chunks.join(', ')})`);
