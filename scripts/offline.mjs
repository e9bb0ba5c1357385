// trunk post_build hook, after minify-js: makes the build work offline and run under the
// Content-Security-Policy of index.html (no inline scripts).
// 1. trunk's inline start-up script moves to the end of the app's JS file;
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

// 1. The start-up script: trunk's inline one imports the app's JS and starts the wasm. The
// same call goes at the end of that JS file, which index.html then loads as its one script
// (one file fewer on the first load, and nothing inline for the CSP to refuse).
const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
const found = html.match(inline);
const js = found && found[1].match(/from\s*["']([^"']+\.js)["']/);
const wasm = found && found[1].match(/module_or_path:\s*["']([^"']+\.wasm)["']/);
if (!js || !wasm) {
  console.error('offline: no start-up script of the expected shape in index.html (has trunk changed?)');
  process.exit(1);
}
const appPath = join(dir, js[1].slice(base.length));
const glue = readFileSync(appPath, 'utf8');
const init = glue.match(/export\s*\{[^}]*?([\w$]+) as default/);
if (!init) {
  console.error(`offline: ${js[1]} has no default export (has wasm-bindgen changed?)`);
  process.exit(1);
}
writeFileSync(appPath, `${glue}\nawait ${init[1]}({module_or_path:${JSON.stringify(wasm[1])}});\n`);
html = html.replace(inline, `<script type=module src="${js[1]}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('offline: index.html still has an inline script, which the CSP would block');
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
console.log(`offline: start-up in ${js[1]}, sw.js precaching ${list.length} files`);
