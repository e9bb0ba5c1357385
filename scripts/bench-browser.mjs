// The browser bench (issue 21), run by hand after a release build (./scripts/bench builds):
//
//   node scripts/bench-browser.mjs [--runs 5] [--ballots 2000] [--copies 0] [--no-peer]
//                                  [--no-merge] [--only first|repeat|merge|counting|reading]
//
// Debian's Chromium through Playwright, a phone viewport, the CPU slowed 4× and the network
// shaped as Lighthouse's slow 4G (150 ms round trip, 1.6 Mbit/s down, 0.75 up). It prints
// medians (and the spread) of interleaved runs; it never fails on a number.
//
//   first load   home screen drawn and interactive, from a fresh profile, over HTTP/1.1 +
//                gzip and over HTTP/2 + brotli (TLS, a throw-away certificate), and the
//                longest main-thread task on the way
//   repeat visit the same, offline, with the service worker holding every file
//   counting     a name tap and 下一张 on the pad (own work: the event and the render it
//                schedules) with no ballot entered and with --ballots entered
//   merging      adding results files to a merge on the results desk (结果汇总与核对 → 汇总,
//                导入结果文件): one signed 唱票 count of 100 000 ballots, and ten of 10 000
//                one after another; from the file chosen to 「已加入汇总」 on screen (reading
//                the file, checking it, verifying its signature with WebCrypto, adding it,
//                drawing the desk). The files are made by the core's bench
//                (`cargo run --release -p ballot-core --example bench -- --write-files DIR`).
//   reading      拍照计票: the ballot reader's module on the core's synthetic photos, the
//                time per photo (the issue's goal: under 300 ms)
//   start-up     the home screen after a reload with those ballots stored (and --copies more
//                counts like it, written straight into the store)
//
// "Interactive" here: the home screen's buttons are in the page and have their handlers,
// and no main-thread task is running (the end of the last long task, ≥ 50 ms, if later).
// The peer: SurveyJS (survey-core and survey-js-ui, MIT, from npm into .tmp/bench-peer on
// first use; --no-peer leaves it out) rendering the sample 测评表 and 推荐票 as one form,
// served and measured the same way, interleaved with ours run by run; "drawn" is the whole
// form in the page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttp1 } from 'node:http';
import { createSecureServer } from 'node:http2';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('runs', 5);
const BALLOTS = opt('ballots', 2000);
const COPIES = opt('copies', 0);
const PEER = !args.includes('--no-peer');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const phase = (name) => only === null || only === name;
const MERGE = !args.includes('--no-merge') && phase('merge');
const PEER_VERSION = '2.5.38';
const root = 'dist';
const peerRoot = '.tmp/bench-peer/site';
if (!existsSync(join(root, 'index.html'))) {
  console.error('bench-browser: no dist/index.html; build first (./scripts/bench, or trunk build --release)');
  process.exit(1);
}

// ---- Servers: every file compressed once, as a static host would serve it.
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};
const cache = new Map();
function file(path, encoding) {
  const key = `${encoding} ${path}`;
  if (!cache.has(key)) {
    const [dir, rel] = path.startsWith('/peer/') ? [peerRoot, path.slice('/peer'.length)] : [root, path];
    const full = normalize(join(dir, rel.endsWith('/') ? `${rel}index.html` : rel));
    if (!full.startsWith(normalize(dir)) || !existsSync(full)) return null;
    const raw = readFileSync(full);
    const body = encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(raw, { level: 9 });
    cache.set(key, { body, type: types[extname(full)] ?? 'application/octet-stream' });
  }
  return cache.get(key);
}
function handler(encoding) {
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const f = file(path, encoding);
    if (!f) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.type, 'content-encoding': encoding, 'cache-control': 'no-cache' });
    res.end(f.body);
  };
}
// The peer's page: the sample templates as one SurveyJS form (a matrix per evaluation
// section, a checkbox list with its limit and the write-in cells per recommendation one).
if (PEER) {
  const modules = '.tmp/bench-peer/node_modules';
  if (!existsSync(join(modules, 'survey-js-ui', 'survey-js-ui.min.js'))) {
    console.log(`bench-browser: installing the peer, SurveyJS ${PEER_VERSION}, from npm into .tmp/bench-peer`);
    mkdirSync('.tmp/bench-peer', { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', '.tmp/bench-peer',
      `survey-core@${PEER_VERSION}`, `survey-js-ui@${PEER_VERSION}`], { stdio: 'inherit' });
  }
  mkdirSync(peerRoot, { recursive: true });
  for (const [from, to] of [['survey-core/survey.core.min.js', 'core.js'], ['survey-js-ui/survey-js-ui.min.js', 'ui.js'],
    ['survey-core/i18n/simplified-chinese.min.js', 'zh.js'], ['survey-core/survey-core.min.css', 'survey.css']]) {
    writeFileSync(join(peerRoot, to), readFileSync(join(modules, from)));
  }
  const elements = [];
  for (const name of ['民主测评表', '推荐票']) {
    const t = JSON.parse(readFileSync(join('templates', `${name}.json`), 'utf8'));
    for (const [i, sec] of t.sections.entries()) {
      if (sec.kind === 'evaluation') {
        elements.push({ type: 'matrix', name: `${name}${i}`, title: sec.title, columns: sec.levels,
          rows: sec.subjects.map((x) => (x.role ? `${x.name}（${x.role}）` : x.name)) });
      } else {
        elements.push({ type: 'checkbox', name: `${name}${i}`, title: sec.title,
          choices: sec.candidates.map((c) => c.name), maxSelectedChoices: sec.max_marks });
        elements.push({ type: 'multipletext', name: `${name}${i}w`, title: '另选他人',
          items: Array.from({ length: sec.write_in_slots ?? 0 }, (_, k) => ({ name: `w${k + 1}` })) });
      }
    }
  }
  const survey = { locale: 'zh-cn', title: '民主测评 · 推荐', pages: [{ elements }] };
  writeFileSync(join(peerRoot, 'peer.js'),
    `SurveyUI.renderSurvey(new Survey.Model(${JSON.stringify(survey)}), document.getElementById('survey'));\n`);
  writeFileSync(join(peerRoot, 'index.html'), '<!doctype html><html lang=zh-CN><meta charset=utf-8>' +
    '<meta name=viewport content="width=device-width,initial-scale=1"><title>SurveyJS</title>' +
    '<link rel=stylesheet href=/peer/survey.css><script src=/peer/core.js></script><script src=/peer/ui.js></script>' +
    '<script src=/peer/zh.js></script><body><div id=survey></div><script src=/peer/peer.js></script></body></html>');
}

// Compressed before the first request (brotli 11 of the wasm takes a second), as a static
// host serves files compressed ahead of time.
function* files(dir, prefix = '/') {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name), `${prefix}${e.name}/`);
    else yield `${prefix}${e.name}`;
  }
}
for (const path of files(root)) for (const encoding of ['gzip', 'br']) file(path, encoding);
if (PEER) for (const path of files(peerRoot, '/peer/')) for (const encoding of ['gzip', 'br']) file(path, encoding);
file('/', 'gzip');
file('/', 'br');
const tmp = '.tmp/bench-browser';
mkdirSync(tmp, { recursive: true });
if (!existsSync(join(tmp, 'key.pem'))) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem'), '-days', '30', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
}
const listen = (server) => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
const http1 = createHttp1(handler('gzip'));
const http2 = createSecureServer({ key: readFileSync(join(tmp, 'key.pem')), cert: readFileSync(join(tmp, 'cert.pem')), allowHTTP1: false }, handler('br'));
const origins = {
  'HTTP/1.1 + gzip': `http://127.0.0.1:${await listen(http1)}`,
  'HTTP/2 + brotli': `https://127.0.0.1:${await listen(http2)}`,
};

// ---- The browser.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--ignore-certificate-errors'],
});
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// Recorded in the page from its first byte: long tasks, and when the page is drawn: ours when
// the home screen's "新建场次" button is in it and visible, the peer's when its form's last name is.
const PROBE = () => {
  const peer = location.pathname.startsWith('/peer/');
  window.__bench = { tasks: [], home: null };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__bench.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => peer
    ? document.body !== null && document.body.textContent.includes('徐红梅')
    // A drawn button: index.html's app shell holds one too, hidden (visibility: hidden).
    : [...document.querySelectorAll('button')].some((b) => b.textContent.includes('新建场次')
      && b.checkVisibility({ visibilityProperty: true }));
  new MutationObserver((_, o) => {
    if (window.__bench.home === null && seen()) {
      window.__bench.home = performance.now();
      o.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function device(throttleNetwork, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN',
    ignoreHTTPSErrors: true, ...options,
  });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttleNetwork) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp };
}

// Home drawn, interactive (the last long task's end, if later) and the longest task, in ms
// from the navigation's start; read after the page has been quiet for a while.
async function startup(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.home !== null, null, { timeout: 120_000 });
  await page.waitForTimeout(3000);
  return page.evaluate(() => {
    const { tasks, home } = window.__bench;
    const end = Math.max(home, ...tasks.map(([s, d]) => s + d));
    return { home, interactive: end, longest: Math.max(0, ...tasks.map(([, d]) => d)) };
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`.padStart(9);
function report(title, runs, keys) {
  console.log(`\n${title} (${runs.length} runs: median, min–max)`);
  for (const [key, label] of keys) {
    const xs = runs.map((r) => r[key]);
    console.log(`  ${label.padEnd(34)} ${ms(median(xs))}   ${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`);
  }
}
const STARTUP = [['home', 'home screen drawn'], ['interactive', 'interactive'], ['longest', 'longest main-thread task']];

// ---- First load, ours and the peer's, over the two protocols, interleaved run by run.
const apps = { 'ballot-kit': '/', ...(PEER ? { SurveyJS: '/peer/' } : {}) };
const first = {};
for (let i = 0; i < (phase('first') ? RUNS : 0); i++) {
  for (const [name, origin] of Object.entries(origins)) {
    for (const [app, path] of Object.entries(apps)) {
      const d = await device(true);
      await d.page.goto(`${origin}${path}`);
      (first[`${app}, ${name}`] ??= []).push(await startup(d.page));
      await d.context.close();
    }
  }
}
for (const [name, runs] of Object.entries(first)) report(`First load, ${name}, slow 4G, 4× CPU`, runs, STARTUP);
if (PEER && phase('first')) {
  console.log('\nFirst load, SurveyJS ÷ ballot-kit (medians, interactive)');
  for (const name of Object.keys(origins)) {
    const at = (app) => median(first[`${app}, ${name}`].map((r) => r.interactive));
    console.log(`  ${name.padEnd(34)} ${(at('SurveyJS') / at('ballot-kit')).toFixed(2)}×`);
  }
}

// ---- Repeat visit: offline, the service worker holding every file.
const repeat = [];
if (phase('repeat')) {
  const d = await device(false);
  await d.page.goto(`${origins['HTTP/1.1 + gzip']}/`);
  await d.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await d.page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await d.context.setOffline(true);
  for (let i = 0; i < RUNS; i++) {
    await d.page.reload();
    repeat.push(await startup(d.page));
  }
  await d.context.close();
}
if (phase('repeat')) report('Repeat visit, offline, service worker warm, 4× CPU', repeat, STARTUP);

// ---- Merging: results files added on the desk, each timed in the page from the file
// chosen (the input's change event) to its 「已加入汇总：<unit>」 status.
if (MERGE) {
  const dir = join(tmp, 'merge-files');
  mkdirSync(dir, { recursive: true });
  execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'ballot-core', '--example', 'bench', '--', '--write-files', dir],
    { stdio: 'inherit' });
  const addFile = async (page, path, unit) => {
    await page.evaluate((unit) => {
      window.__added = new Promise((resolve) => {
        let t0 = null;
        document.addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
        new MutationObserver((_, o) => {
          const done = [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(`已加入汇总：${unit}（`));
          if (t0 !== null && done) {
            o.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }, unit);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '导入结果文件' }).click(),
    ]);
    await chooser.setFiles(path);
    return page.evaluate(() => window.__added);
  };
  const merges = [];
  for (let i = 0; i < RUNS; i++) {
    const d = await device(false);
    const { page } = d;
    await page.goto(`${origins['HTTP/1.1 + gzip']}/`);
    await page.getByRole('button', { name: '结果汇总与核对' }).click();
    await page.getByRole('tab', { name: '汇总' }).click();
    const big = await addFile(page, join(dir, 'big.json'), '长乐居民区 · big');
    // The same desk, emptied: reload and open it again.
    await page.reload();
    await page.getByRole('button', { name: '结果汇总与核对' }).click();
    await page.getByRole('tab', { name: '汇总' }).click();
    let ten = 0;
    let longest = 0;
    for (let k = 0; k < 10; k++) {
      const one = await addFile(page, join(dir, `u${k}.json`), `长乐居民区 · u${k}`);
      ten += one;
      longest = Math.max(longest, one);
    }
    merges.push({ big, ten, longest });
    await d.context.close();
  }
  report('Merging on the results desk, 4× CPU', merges, [
    ['big', 'a file of 100 000 ballots'], ['ten', 'ten files of 10 000, in all'], ['longest', 'the slowest of those ten'],
  ]);
}

// ---- Counting: the pad's own work per tap, with none and with BALLOTS entered.
async function tapCost(page, name) {
  const box = await page.getByRole('checkbox', { name, exact: true }).elementHandle();
  const xs = [];
  for (let i = 0; i < 9; i++) {
    xs.push(await box.evaluate(async (el) => {
      const t0 = performance.now();
      el.click();
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
  }
  return median(xs);
}
// 下一张 on the ballot on screen, five times (each commits a ballot; the next heading is
// awaited between them, outside the measure): the median.
async function nextCost(page) {
  const xs = [];
  for (let i = 0; i < 5; i++) {
    const heading = await page.getByRole('heading', { level: 2, name: /^第 \d+ 张$/ }).textContent();
    xs.push(await page.evaluate(async () => {
      const next = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '下一张');
      const t0 = performance.now();
      next.click();
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
    await page.waitForFunction((h) => [...document.querySelectorAll('h2')].every((e) => e.textContent !== h), heading);
  }
  return median(xs);
}
if (phase('counting')) {
  const d = await device(false);
  const { page } = d;
  await page.goto(`${origins['HTTP/1.1 + gzip']}/`);
  await page.getByRole('button', { name: '新建计票' }).click();
  await page.getByRole('radio', { name: /^居民区党组织委员候选人初步人选推荐票/ }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  await page.getByLabel('工作人员密码（6–12 位数字）').fill('246813');
  await page.getByLabel('再输入一遍密码').fill('246813');
  await page.getByRole('button', { name: '开始计票' }).click();
  await page.getByRole('heading', { level: 2, name: '第 1 张' }).waitFor();
  const name = '于建华';
  const at0 = { tap: await tapCost(page, name), next: await nextCost(page) };
  // Entering: the CPU at full speed meanwhile (only the measured taps are slowed).
  await d.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  let entered = 5;
  const t0 = Date.now();
  while (entered < BALLOTS) {
    const heading = page.getByRole('heading', { level: 2, name: `第 ${entered + 1} 张` });
    await heading.waitFor();
    await page.keyboard.press(String(1 + (entered % 5)));
    await page.keyboard.press('Enter');
    entered += 1;
    if (entered % 500 === 0) console.log(`  … ${entered} ballots entered (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  await page.getByRole('heading', { level: 2, name: `第 ${entered + 1} 张` }).waitFor();
  // The heading of the next ballot, then the first measured 下一张 at 4×.
  await d.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const atN = { tap: await tapCost(page, name) };
  atN.next = await nextCost(page);
  console.log(`\nCounting pad, own work per action, 4× CPU (medians of 9 taps, of 5 × 下一张)`);
  console.log(`  name tap, no ballot entered          ${ms(at0.tap)}`);
  console.log(`  name tap, ${String(BALLOTS).padEnd(6)} ballots entered     ${ms(atN.tap)}`);
  console.log(`  下一张,   no ballot entered          ${ms(at0.next)}`);
  console.log(`  下一张,   ${String(BALLOTS).padEnd(6)} ballots entered     ${ms(atN.next)}`);

  // ---- Start-up with those ballots stored, and with --copies more counts like it (the
  // issue's 60 000 records: --ballots 3000 --copies 19). Copies are written straight into
  // the store, sealed as idb.js seals, with the count's checkpoint: entering 57 000 ballots
  // through the pad would take half an hour. A session is read at start as a count is (its
  // header, its events, its checkpoint), so counts stand for both.
  if (COPIES > 0) {
    await page.getByRole('button', { name: '返回首页' }).first().click();
    const written = await page.evaluate((copies) => new Promise((resolve, reject) => {
      const crc = new Int32Array(256).map((_, n) => {
        for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
        return n;
      });
      const seal = (key, data) => {
        let c = -1;
        for (const b of new TextEncoder().encode(key + '\n' + data)) c = crc[(c ^ b) & 255] ^ (c >>> 8);
        return ((c ^ -1) >>> 0).toString(16).padStart(8, '0') + ' ' + data;
      };
      const open = indexedDB.open('ballot-kit');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const read = db.transaction(['counts', 'count_entries', 'checkpoints'], 'readonly');
        const all = {};
        for (const s of ['counts', 'count_entries', 'checkpoints']) {
          const keys = read.objectStore(s).getAllKeys();
          const values = read.objectStore(s).getAll();
          values.onsuccess = () => { all[s] = keys.result.map((k, i) => [String(k), String(values.result[i]).slice(9)]); };
        }
        read.oncomplete = () => {
          const id = all.counts[0][0].split('/')[0];
          const tx = db.transaction(['counts', 'count_entries', 'checkpoints'], 'readwrite');
          let n = 0;
          for (let c = 0; c < copies; c++) {
            const to = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
            const move = (key) => to + key.slice(id.length);
            for (const s of ['counts', 'count_entries', 'checkpoints']) {
              for (const [key, data] of all[s]) {
                if (!key.startsWith(id)) continue;
                const value = s === 'counts' ? data.split(id).join(to) : data;
                tx.objectStore(s).put(seal(move(key), value), move(key));
                n += 1;
              }
            }
          }
          tx.oncomplete = () => resolve(n);
          tx.onerror = () => reject(tx.error);
        };
      };
    }), COPIES);
    console.log(`\n  ${written} records written: ${COPIES + 1} counts of ${BALLOTS} ballots`);
  }
  const records = (COPIES + 1) * BALLOTS;
  const stored = [];
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    await page.goto(`${origins['HTTP/1.1 + gzip']}/`);
    stored.push(await startup(page));
  }
  report(`Start-up with ${records} paper ballots stored, 4× CPU, files from the service worker`, stored, STARTUP);
  // Of which the store read in JS (what the home screen needs, each record's checksum).
  const snippet = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=modulepreload]')].map((l) => l.href).find((h) => h.endsWith('/idb.js')));
  const reads = [];
  for (let i = 0; i < 3; i++) {
    reads.push(await page.evaluate(async (url) => {
      const idb = await import(url);
      const t0 = performance.now();
      await idb.loadShelf('[]');
      return performance.now() - t0;
    }, snippet));
  }
  console.log(`  of which the store read in JS (loadShelf)  ${ms(median(reads))}`);
  await d.context.close();
}

// ---- 拍照计票: the ballot reader's module (ballot-read, as the count's camera loads it) on
// the core's synthetic photos (omr_bench --write-photos: ten of each set, 960 × 1280, the
// size of the frames the camera hands it), the CPU slowed 4×. Per photo, from the frame
// handed over to the answer (the proposed ballot and the images of what is to decide).
if (phase('reading')) {
  const dir = join(tmp, 'photos');
  execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'ballot-core', '--example', 'omr_bench',
    '--features', 'synth', '--', '--write-photos', dir], { stdio: 'inherit' });
  // No service worker: the photos are served to the page by the bench, not by the app.
  const d = await device(false, { serviceWorkers: 'block' });
  const { page } = d;
  await page.route('**/bench-photos/*', (route) =>
    route.fulfill({ body: readFileSync(join(dir, new URL(route.request().url()).pathname.split('/').pop())) }));
  await page.goto(`${origins['HTTP/1.1 + gzip']}/`);
  await page.getByRole('button', { name: '新建计票' }).waitFor();
  const names = readdirSync(dir).filter((f) => f.endsWith('.gray')).sort();
  const times = await page.evaluate(async (names) => {
    const mod = await import('/studio/ballot-read.js');
    await mod.default();
    const template = await (await fetch('/bench-photos/template.json')).text();
    const out = [];
    for (const name of names) {
      const bytes = new Uint8Array(await (await fetch(`/bench-photos/${name}`)).arrayBuffer());
      const nl = bytes.indexOf(10);
      const [w, h] = new TextDecoder().decode(bytes.subarray(0, nl)).split(' ').map(Number);
      const rgba = new Uint8ClampedArray(w * h * 4);
      for (let i = 0; i < w * h; i++) {
        const v = bytes[nl + 1 + i];
        rgba[4 * i] = v; rgba[4 * i + 1] = v; rgba[4 * i + 2] = v; rgba[4 * i + 3] = 255;
      }
      const t0 = performance.now();
      const answer = JSON.parse(mod.read([rgba, w, h], template, -1, false));
      out.push({ name, ms: performance.now() - t0, read: answer.proposal !== undefined && answer.proposal !== null });
    }
    return out;
  }, names);
  console.log('\n拍照计票: the ballot reader in the browser, 4× CPU, per 960 × 1280 photo (median, min–max)');
  for (const set of ['clear', 'hard']) {
    const xs = times.filter((t) => t.name.startsWith(set));
    const ok = xs.filter((t) => t.read).length;
    const v = xs.map((t) => t.ms);
    console.log(`  ${`${set} set (${ok} of ${xs.length} read)`.padEnd(34)} ${ms(median(v))}   ${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}`);
  }
  console.log(`  ${'the first photo (the module warming)'.padEnd(34)} ${ms(times[0].ms)}`);
  await d.context.close();
}

await browser.close();
http1.close();
http2.close();
