// trunk post_build hook: minifies every JS file trunk staged (the wasm-bindgen glue and the
// snippets it imports) with terser. trunk's own JS minifier fails on this glue and ships it
// unminified; terser takes it from 33 KB to 15 KB (1.5 KB less brotli on the app's glue alone,
// measured: docs/size.md).
// Release builds only. Trunk.toml sets no_sri, since this rewrites files after trunk hashed
// them (SRI buys nothing for same-origin files of an offline app).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

function* jsFiles(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* jsFiles(p);
    else if (name.endsWith('.js')) yield p;
  }
}

// Two bins that share a target path (report/: the results and XLSX modules; studio/: the
// studio and the QR reader) each copy the same snippets there, at the same time, and trunk
// sometimes leaves one empty (seen: report/snippets/ballot-ui-…/src/modules.js, 0 bytes,
// and the results module failing to load). An empty snippet is taken again from its crate.
const CRATES = { 'ballot-ui': 'ui', 'ballot-studio': 'studio', 'ballot-report': 'report' };
function snippetSource(file) {
  const m = file.split(sep).join('/').match(/\/snippets\/([a-z-]+)-[0-9a-f]{16}\/(.+)$/);
  const crate = m && CRATES[m[1]];
  if (!crate) throw new Error(`minify-js: ${file} is empty and not a known snippet`);
  return readFileSync(join(crate, m[2]), 'utf8');
}

for (const file of jsFiles(dir)) {
  let source = readFileSync(file, 'utf8');
  if (source.length === 0) source = snippetSource(file);
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`minify-js: no output for ${file}`);
  writeFileSync(file, out.code);
}
