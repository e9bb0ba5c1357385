// Results files pass through other people's phones. These tests are the attacks of issue 18,
// made as an attacker makes them (in Node, with WebCrypto and SHA-256, following
// docs/results.md), each shown caught on the desk that receives them.
import { test, expect, type Page } from '@playwright/test';
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  countStack, importFile, openDesk, otherPhone, saveResult, type Paper, expectHome } from './helpers';

const STACK: Paper[] = [
  { names: ['于建华', '王秀英'] },
  { names: ['于建华'] },
  { blank: true },
];
const UNIT = '长乐居民区 · 第一支部';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

// What anyone can recompute: the checksum (first 16 bytes of SHA-256 of the body's text).
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const b64url = (buf: ArrayBuffer) => Buffer.from(buf).toString('base64url');

/** A results file of `body` (written as JSON.stringify writes it), sealed with `seal`. */
function fileOf(original: any, body: any, seal: any): string {
  const text = JSON.stringify(body);
  return JSON.stringify({ format: original.format, version: original.version, checksum: sha256(text).slice(0, 32), body, seal, template: original.template });
}

/** The attacker's own device key. */
async function attackerKey() {
  return webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

async function sign(keys: webcrypto.CryptoKeyPair, message: string) {
  const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(message));
  return { key: b64url(await webcrypto.subtle.exportKey('raw', keys.publicKey)), sig: b64url(sig) };
}

/** A counted result's statement, in the order the app writes it (docs/results.md). */
function statementOf(body: any) {
  const s: any = { batch: body.batch, kind: body.kind, fingerprint: body.fingerprint, unit: body.unit };
  if (body.category != null) s.category = body.category;
  s.figures = body.figures ?? {};
  s.tally = body.tally;
  if (body.kind === 'paper') s.ballots = sha256(JSON.stringify(body.ballots ?? []));
  return s;
}

/** A tablet result for the genuine unit, one more vote for 于建华 and one more ballot, a new batch id. */
function forgedBody(genuine: any, batch: string) {
  const body = JSON.parse(JSON.stringify(genuine));
  body.batch = batch;
  body.batches = [batch];
  body.kind = 'tablet';
  delete body.ballots;
  const part = body.tally.parts.find((p: any) => p.valid > 0);
  part.valid += 1;
  part.sections[0].counted += 1;
  part.sections[0].votes[0] += 1;
  return body;
}

function write(info: { outputPath: (n: string) => string }, name: string, text: string) {
  const path = info.outputPath(name);
  writeFileSync(path, text);
  return path;
}

/** Phone A counts the stack and saves its file; returns the file, A's result code and device code. */
async function genuineFrom(page: Page) {
  await countStack(page, '第一支部', STACK);
  await openDesk(page, '发送结果');
  const path = await saveResult(page, UNIT);
  const item = page.getByRole('listitem').filter({ hasText: '第一支部' });
  const code = (await item.getByText(/^结果校验码 /).textContent())!.slice(6);
  const device = (await page.getByText(/^本机设备码 /).textContent())!.slice(6, 15);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')), code, device };
}

const sources = (page: Page) =>
  page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '来源' }) });

test('an edited file, its batch id changed, or re-signed by another device never adds votes', async ({ page, browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  const a = await genuineFrom(page);
  const desk = await otherPhone(browser, page, baseURL);
  await openDesk(desk, '汇总');

  // One figure changed, the checksum recomputed: the signature no longer matches.
  const edited = JSON.parse(JSON.stringify(a.json.body));
  edited.figures.issued += 1;
  edited.figures.returned += 1;
  await importFile(desk, write(info, 'edited.json', fileOf(a.json, edited, a.json.seal)));
  await expect(desk.getByRole('alert')).toHaveText(/^未导入：“长乐居民区 · 第一支部”的结果在签名之后被改动过（签名不符），不能计入。.*（X12）/);
  // The genuine file under a new batch id: the same.
  const rebatched = { ...a.json.body, batch: 'f00d', batches: ['f00d'] };
  await importFile(desk, write(info, 'rebatched.json', fileOf(a.json, rebatched, a.json.seal)));
  await expect(desk.getByRole('alert')).toContainText('（X12）');
  await expect(desk.getByText('还没有加入任何结果。')).toBeVisible();

  // The genuine file: added, with A's code and device code.
  await importFile(desk, a.path);
  await expect(desk.getByRole('status').filter({ hasText: `已加入汇总：${UNIT}（3 张选票）` })).toBeVisible();
  await expect(sources(desk).getByRole('row', { name: new RegExp(`^${UNIT}（党员）.*${a.code}\\s*✓ 设备码 ${a.device}`) })).toBeVisible();
  await expect(sources(desk).getByRole('row', { name: /^合计\s*3\s*3\s*3/ })).toBeVisible();

  // The same unit again, one vote more, a new batch id, signed by the attacker's own device:
  // not added; both shown with their codes, no combined result until one is picked.
  const key = await attackerKey();
  const forged = forgedBody(a.json.body, 'b4d1');
  const seal = await sign(key, 'ballot-kit/result-statement/1\n' + JSON.stringify(statementOf(forged)));
  await importFile(desk, write(info, 'forged.json', fileOf(a.json, forged, seal)));
  const conflict = desk.getByRole('group', { name: UNIT });
  await expect(conflict).toContainText('收到了不同的结果，它们都还没有计入');
  await expect(conflict.getByRole('listitem')).toHaveCount(2);
  await expect(desk.getByRole('alert').filter({ hasText: '还有单位收到了两份不同的结果' })).toBeVisible();
  await expect(desk.getByRole('button', { name: '保存汇总结果文件' })).toHaveCount(0);
  await expect(sources(desk).getByRole('row', { name: /^合计\s*0$/ })).toBeVisible();
  // The paper says which one the meeting signed: A's code.
  await conflict.getByRole('button', { name: `以此份为准：${a.code}` }).tap();
  await expect(desk.getByRole('status').filter({ hasText: `已选定：“${UNIT}”以结果校验码 ${a.code} 的一份为准。` })).toBeVisible();
  await expect(sources(desk).getByRole('row', { name: new RegExp(`^${UNIT}（党员）.*${a.code}`) })).toBeVisible();
  await expect(sources(desk).getByRole('row', { name: /^合计\s*3\s*3\s*3/ })).toBeVisible();
  await expect(desk.getByRole('button', { name: '保存汇总结果文件' })).toBeVisible();
  await desk.context().close();
});

test('a forged merged file claiming the genuine batch cannot shut the genuine result out', async ({ page, browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  const a = await genuineFrom(page);
  const desk = await otherPhone(browser, page, baseURL);
  await openDesk(desk, '汇总');

  // A merged file whose one counted result claims A's batch id with one vote more, every
  // sum made to fit, every signature the attacker's own.
  const key = await attackerKey();
  const leafBody = forgedBody(a.json.body, a.json.body.batch);
  const statement = statementOf(leafBody);
  const leafSeal = await sign(key, 'ballot-kit/result-statement/1\n' + JSON.stringify(statement));
  const batches = [a.json.body.batch];
  const merged = {
    batch: 'm' + sha256(batches.map((b) => b + '\n').join('')).slice(0, 31),
    batches,
    kind: 'merged',
    fingerprint: a.json.body.fingerprint,
    unit: '长乐居民区',
    figures: leafBody.figures,
    tally: leafBody.tally,
    sources: [{ unit: UNIT, figures: leafBody.figures }],
    leaves: [{ statement, seal: leafSeal }],
  };
  const seal = await sign(key, 'ballot-kit/merged-result/1\n' + JSON.stringify(merged));
  await importFile(desk, write(info, 'merged.json', fileOf(a.json, merged, seal)));
  await expect(desk.getByRole('status').filter({ hasText: '已加入汇总：长乐居民区（4 张选票）' })).toBeVisible();

  // The genuine file is not refused as already counted: the two are a conflict.
  await importFile(desk, a.path);
  await expect(desk.getByRole('status').filter({ hasText: `已加入汇总：${UNIT}（3 张选票）` })).toBeVisible();
  const conflict = desk.getByRole('group', { name: UNIT });
  await expect(conflict.getByRole('listitem')).toHaveCount(2);
  await expect(conflict.getByRole('listitem').filter({ hasText: a.code })).toContainText(`✓ 设备码 ${a.device}`);
  await expect(conflict.getByRole('listitem').filter({ hasNotText: a.code })).not.toContainText(a.device);
  await conflict.getByRole('button', { name: `以此份为准：${a.code}` }).tap();
  await expect(sources(desk).getByRole('row', { name: /^合计\s*3\s*3\s*3/ })).toBeVisible();
  await desk.context().close();
});

test('the printed report carries the result code the desk shows', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  const a = await genuineFrom(page);
  // Back to the count's board: its screen and its printed 报告单 show the same code.
  await page.getByRole('button', { name: /首页/ }).first().tap();
  await page.getByRole('button', { name: '继续计票' }).tap();
  await page.getByRole('tab', { name: '计票板' }).tap();
  await expect(page.getByText(`结果校验码 ${a.code}`).first()).toBeVisible();
  const printed = await page.locator('article.rk-print').textContent();
  expect(printed).toContain(`结果校验码 ${a.code}`);
  expect(printed?.indexOf('结果校验码')).toBeLessThan(printed!.indexOf('监票人（签名）'));
});

test('the signed paper report carries the result as a QR code, read back into a merge with the same code', async ({ page, browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  const a = await genuineFrom(page);
  await page.getByRole('button', { name: /首页/ }).first().tap();
  await page.getByRole('button', { name: '继续计票' }).tap();
  await page.getByRole('tab', { name: '计票板' }).tap();
  // The printed page, as the meeting signs it: its QR code(s), photographed close up.
  await page.emulateMedia({ media: 'print' });
  const codes = page.getByRole('img', { name: '本表结果的二维码' }).locator('.rk-qr-code svg');
  await expect(codes.first()).toBeAttached();
  await expect(page.locator('article.rk-print')).toContainText(`结果校验码 ${a.code}`);
  const svgs = await codes.evaluateAll((all) => all.map((svg) => svg.outerHTML));
  expect(svgs.length).toBeGreaterThan(0);
  expect(svgs.length).toBeLessThanOrEqual(2);
  await page.emulateMedia({ media: 'screen' });
  const camera = await browser.newPage({ viewport: { width: 700, height: 700 } });
  const photos: string[] = [];
  for (const [i, svg] of svgs.entries()) {
    await camera.setContent(`<body style="margin:40px;background:#fff">${svg.replace('<svg', '<svg style="width:600px;height:600px"')}</body>`);
    photos.push(info.outputPath(`paper-qr-${i}.png`));
    await camera.screenshot({ path: photos[i] });
  }
  await camera.close();

  const desk = await otherPhone(browser, page, baseURL);
  await openDesk(desk, '汇总');
  await desk.getByRole('button', { name: '扫描二维码' }).tap();
  for (const photo of photos) {
    const [chooser] = await Promise.all([
      desk.waitForEvent('filechooser'),
      desk.getByRole('button', { name: '从照片读取二维码' }).tap(),
    ]);
    await chooser.setFiles(photo);
  }
  await expect(desk.getByRole('status').filter({ hasText: `已加入汇总：${UNIT}（3 张选票）` })).toBeVisible();
  // The same 结果校验码 as on the paper, signed by A's device.
  await expect(sources(desk).getByRole('row', { name: new RegExp(`^${UNIT}（党员）.*${a.code}\\s*✓ 设备码 ${a.device}`) })).toBeVisible();
  // The paper and A's file are the same result: the file adds nothing.
  await importFile(desk, a.path);
  await expect(desk.getByRole('alert')).toContainText('（X11）');
  await desk.context().close();
});
