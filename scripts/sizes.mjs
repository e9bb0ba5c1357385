// Prints the size of every file under a folder: raw, gzip -9, brotli 11, and totals
// against the first-load budget. Used by scripts/bench, and with --gate by scripts/test:
// then it fails when the first load is above its ceiling (size is deterministic, so this is
// a check, not a timed test). See docs/size.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// The budget: what the first load should weigh (docs/size.md).
const BUDGET = 118 * 1024;
// The gate: the first load may not grow past this (issue 21); raising it needs a measured
// reason in docs/size.md. 1 KB above the budget for English (issue 24 allows the choice of
// a language a small, measured cost on a Chinese device's first load; docs/size.md,
// "English"), to be won back.
const CEILING = Number(process.env.SIZE_CEILING_KB ?? 119.0) * 1024;
const args = process.argv.slice(2);
const gate = args.includes('--gate');
const root = args.find((a) => !a.startsWith('--')) ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

const rows = [...files(root)].map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(root, p),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
});
// Files under report/, studio/ and voice/ are the modules fetched on demand: results, XLSX
// writing, the template studio, and the voter screen's voice reading. The app's chunks (ballot-kit-<hash>-<name>.wasm, the later pages:
// scripts/build-app.mjs) are fetched once the first screen is drawn. sw.js is fetched after
// the app is up (it is registered then) and then fetches the rest into its cache, in the
// background. Everything else is the first load: index.html, the app's wasm, JS (its start-up
// call and the chunks' loader included) and CSS, the manifest and the icon.
const chunk = (r) => /^ballot-kit-[0-9a-f]{16}-\w+\.wasm$/.test(r.file);
const onDemand = (r) =>
  r.file.startsWith('report/') || r.file.startsWith('studio/') || r.file.startsWith('voice/') || r.file === 'sw.js' || chunk(r);
const sum = (rs) => rs.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0, gzip: 0, brotli: 0,
});
const total = sum(rows.filter((r) => !onDemand(r)));
const later = sum(rows.filter(onDemand));

const n = (x) => x.toLocaleString('en-US').padStart(10);
const width = Math.max(24, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli 11'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${n(r.raw)} ${n(r.gzip)} ${n(r.brotli)}`);
console.log(`${'first load'.padEnd(width)} ${n(total.raw)} ${n(total.gzip)} ${n(total.brotli)}`);
console.log(`${'later (chunks, report/, studio/, sw.js)'.padEnd(width)} ${n(later.raw)} ${n(later.gzip)} ${n(later.brotli)}`);
const pct = ((100 * total.brotli) / BUDGET).toFixed(1);
console.log(`\nfirst load (dist/ without the chunks, report/, studio/ and sw.js, brotli): ${(total.brotli / 1024).toFixed(1)} KB of the ${BUDGET / 1024} KB budget (${pct}%)` +
  (total.brotli > BUDGET ? '  OVER BUDGET' : ''));
const kb = (rs) => (sum(rs).brotli / 1024).toFixed(1);
// English is a chunk of its own (src/app/later.rs), fetched before the first screen only by
// a device that chose English: its first load is the Chinese one's and this chunk.
// Code the English chunk shares with the later pages is a chunk of its own (chunk_N),
// fetched with either.
const english = (r) => chunk(r) && r.file.endsWith('-english.wasm');
const shared = (r) => chunk(r) && /-chunk_\d+\.wasm$/.test(r.file);
const withEnglish = total.brotli + sum(rows.filter((r) => english(r) || shared(r))).brotli;
console.log(`first load of a device in English (with its English chunk): ${(withEnglish / 1024).toFixed(1)} KB; ` +
  `in Chinese: ${(total.brotli / 1024).toFixed(1)} KB (it never fetches the English chunk)`);
console.log(`after the first screen, brotli: the later pages ${kb(rows.filter((r) => chunk(r) && !english(r)))} KB\n` +
  `on demand, brotli: results module ${kb(rows.filter((r) => r.file.startsWith('report/') && !r.file.includes('xlsx')))} KB ` +
  `(when results are first shown), XLSX module ${kb(rows.filter((r) => r.file.includes('ballot-xlsx')))} KB (when an .xlsx is first asked for), `+
  `studio ${kb(rows.filter((r) => r.file.startsWith('studio/') && !r.file.includes('ballot-scan') && !r.file.includes('ballot-read')))} KB (when the template library is first opened), ` +
  `QR reader ${kb(rows.filter((r) => r.file.includes('ballot-scan')))} KB (when a code is first scanned), ` +
  `ballot reader ${kb(rows.filter((r) => r.file.includes('ballot-read')))} KB (when a count's camera is first turned on), ` +
  `voice ${kb(rows.filter((r) => r.file.startsWith('voice/')))} KB (when the voter screen is first shown)`);
if (gate) {
  const kb = (n) => (n / 1024).toFixed(1);
  if (total.brotli > CEILING) {
    console.error(`size gate: the first load is ${kb(total.brotli)} KB brotli, above its ceiling of ${kb(CEILING)} KB (docs/size.md)`);
    process.exit(1);
  }
  console.log(`size gate: first load ${kb(total.brotli)} KB brotli, within its ceiling of ${kb(CEILING)} KB (budget ${kb(BUDGET)} KB)`);
}
