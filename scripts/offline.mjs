// trunk post_build hook, after minify-js: makes the build work offline and run under the
// Content-Security-Policy of index.html (no inline scripts).
// 1. index.html must have no inline script;
// 2. web/sw.js becomes sw.js with this build's VERSION (a hash of every file) and FILES
//    (every file of the build), which the service worker precaches on install.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
if (!dir) {
  console.error('offline: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || '/';

// 0. wasm-bindgen writes the snippets of every crate it runs for into one folder, so a build
// can carry another module's snippets (the studio's camera.js in the app, preloaded on the
// first load): in the app and in each module's folder, keep only the snippets its own JS
// imports.
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
for (const sub of ['', ...readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory() && f !== 'snippets')]) {
  const at = join(dir, sub);
  const ownJs = readdirSync(at).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(at, f), 'utf8')).join('\n');
  const snippets = join(at, 'snippets');
  if (!existsSync(snippets)) continue;
  for (const p of [...files(snippets)]) {
    const path = relative(at, p).split(sep).join('/');
    if (!ownJs.includes(path)) {
      rmSync(p);
      if (sub === '') html = html.replace(new RegExp(`<link[^>]*href=["']?${base}${path}["']?[^>]*>`), '');
    }
  }
}

// 1. No inline script: the CSP would block it (the app's start-up call is at the end of its
// JS, scripts/build-app.mjs).
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('offline: index.html has an inline script, which the CSP would block: ' + html.match(/<script(?![^>]*\bsrc=)[^>]*>[^<]*/)[0]);
  process.exit(1);
}
writeFileSync(htmlPath, html);

// 2. The service worker.
function* files(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}
const list = [...files(dir)]
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((f) => f !== 'sw.js');
const version = createHash('sha256');
for (const f of list) version.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
const sw = readFileSync(join(source, 'web', 'sw.js'), 'utf8')
  .replace('"__VERSION__"', JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__FILES__', JSON.stringify(list));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`offline: sw.js precaching ${list.length} files`);
