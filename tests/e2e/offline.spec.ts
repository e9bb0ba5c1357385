// Offline for real and nothing lost: after one visit the app works with the network off
// (service worker), makes no request of its own outside its origin, reports a damaged
// record precisely, and a backup made on one device restores on another.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash, webcrypto } from 'node:crypto';
import {
  changeOnDisk, clearOnDisk, RECOMMENDATION, PIN, card, closeAndCount, enter, enterPin, fillDisk, leaveVoting, openCount,
  expectHome, openSession, row, startVoting, voteFor,
} from './helpers';

const PASSPHRASE = '长乐居民区2026备份';

/** Routes the later pages' chunk through a switch: while `reachable` is false its fetch fails
 *  as it does offline. */
async function pagesChunk(page: Page) {
  const chunk = { reachable: true };
  await page.route(/-pages\.wasm$/, (route) => (chunk.reachable ? route.continue() : route.abort('internetdisconnected')));
  return chunk;
}

/** Waits until the service worker has every file and controls the page. */
async function installed(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** A second device: a fresh browser profile at the same viewport. */
async function otherDevice(browser: Browser, page: Page, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL, viewport: page.viewportSize(), hasTouch: true, isMobile: true, locale: 'zh-CN',
  });
  return context.newPage();
}

async function openData(page: Page) {
  await page.getByRole('button', { name: '本机数据与备份' }).first().tap();
  await expect(page.getByRole('heading', { level: 1, name: '本机数据与备份' })).toBeVisible();
}

test('after one visit it works offline: reload, a tablet session, a paper count, a shared link; nothing leaves the origin', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expectHome(page);
  // A shared template link, taken while online.
  await page.getByRole('button', { name: '模板库' }).tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '分享' }).tap();
  const link = await page.getByLabel('链接（在另一台设备上打开即可导入）').inputValue();
  await page.getByRole('button', { name: '返回首页' }).tap();
  await installed(page);

  await context.setOffline(true);
  await page.reload();
  await expectHome(page);

  // A whole tablet session, results included (the results module comes from the cache).
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '2' });
  await startVoting(page);
  await voteFor(page, ['于建华', '王秀英']);
  await leaveVoting(page);
  await closeAndCount(page);
  await expect(row(page, '于建华')).toContainText('1');
  await page.getByRole('button', { name: '返回场次' }).tap();
  await page.getByRole('button', { name: '返回首页' }).tap();

  // A whole 唱票.
  await openCount(page, { branch: '第二支部', returned: '2' });
  await enter(page, { names: ['于建华', '王秀英'] });
  await enter(page, { blank: true });
  await expect(page.getByText('已录入 2 张')).toBeVisible();
  await page.reload();
  await expectHome(page);
  await expect(card(page, /第二支部/)).toContainText('已录入 2 张');

  // The shared link opens offline (from another page: a new load, not a hash change).
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: '导入模板' })).toBeVisible();

  const origin = new URL(baseURL!).origin;
  const outside = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(outside).toEqual([]);
  await context.setOffline(false);
});

test('a record changed on disk is reported precisely; every other record stays usable', async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
  await startVoting(page);
  await voteFor(page, ['于建华', '王秀英', '朱丽萍']);
  await leaveVoting(page);
  // One ballot's bytes change on disk (a mark moves to another name), its checksum kept.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ballot-kit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('ballots', 'readwrite');
          const store = tx.objectStore('ballots');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result!;
            c.update(String(c.value).replace(/"m":\[(\d)\]/, (_, d) => `"m":[${(Number(d) + 1) % 7}]`));
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expectHome(page);
  // The home screen reads the session's checkpoint, not its ballots (docs/storage.md): the
  // damage is found when the session is opened, and its ballots are what counts.
  await expect(card(page, /长乐居民区 · 党员$/)).toContainText('已投 3 张 / 发出 3 张');
  await card(page, /长乐居民区 · 党员$/).getByRole('button', { name: '管理' }).tap();
  await expect(page.getByText('已投 2 张 / 发出 3 张')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).tap();
  const damaged = '有 1 条已存记录损坏或无法使用，已跳过；其余记录不受影响。';
  await expect(page.getByRole('alert').filter({ hasText: damaged })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '本机存的汇总数与逐条记录不一致' })).toBeVisible();
  // From now on its checkpoint carries the damaged ballot: a reload says the same.
  await page.reload();
  await expectHome(page);
  await expect(page.getByRole('alert')).toContainText(damaged);
  await expect(card(page, /长乐居民区 · 党员$/)).toContainText('已投 2 张 / 发出 3 张');
  await page.getByRole('button', { name: '查看是哪几条' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '本机数据与备份' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    `「长乐居民区 · ${RECOMMENDATION}」的一张选票：校验不符，存入后被改动或损坏`,
  );
  await expect(page.getByText('本机有 1 个投票场次（共 2 张选票）')).toBeVisible();
});

test('a backup made on one device restores on a fresh one with the same results; again, nothing is added', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expectHome(page);
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '2' });
  await startVoting(page);
  await voteFor(page, ['于建华', '李卫东']);
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openCount(page, { branch: '第二支部', returned: '1' });
  await enter(page, { names: ['陈国强'] });
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  // The browser refused to keep the data for sure (headless): said plainly, with a way out.
  await expect(page.getByRole('note')).toContainText('浏览器没有同意持久保存本机数据');

  await openData(page);
  await expect(page.getByText('本机有 1 个投票场次（共 2 张选票）、1 个纸质票计票、0 个模板库模板。')).toBeVisible();
  // Voting is open: the backup needs the session's PIN, and a passphrase.
  await page.getByRole('button', { name: '备份到文件' }).tap();
  await expect(page.getByText('本机有 1 个正在投票的场次')).toBeVisible();
  await page.getByLabel('备份密码（至少 8 个字符）').fill(PASSPHRASE);
  await page.getByLabel('再输入一遍备份密码').fill(PASSPHRASE);
  const pinField = page.getByLabel(`「长乐居民区 · ${RECOMMENDATION}」的工作人员密码`);
  await pinField.fill('111111');
  await page.getByRole('button', { name: '备份到文件' }).tap();
  await expect(page.getByRole('alert')).toContainText(`「长乐居民区 · ${RECOMMENDATION}」的工作人员密码不正确。`);
  await pinField.fill(PIN);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份到文件' }).tap();
  const file = info.outputPath('backup.json');
  await (await download).saveAs(file);
  await expect(page.getByRole('status')).toContainText('已保存备份文件「测评推荐备份-');
  // Nothing in the file can be read without the passphrase: no unit, no ballot, no PIN hash.
  const saved = readFileSync(file, 'utf8');
  expect(JSON.parse(saved).lock.cipher).toBe('AES-256-GCM');
  for (const secret of ['长乐居民区', 'ballots', 'hash', '于建华']) expect(saved.includes(secret), secret).toBe(false);

  const other = await otherDevice(browser, page, baseURL);
  await other.goto('/');
  await expectHome(other);
  await openData(other);
  await expect(other.getByText('本机有 0 个投票场次（共 0 张选票）、0 个纸质票计票、0 个模板库模板。')).toBeVisible();

  const choose = async (path: string) => {
    const chooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: '选择备份文件' }).tap();
    await (await chooser).setFiles(path);
  };
  const unlock = async (passphrase: string) => {
    await other.getByLabel('备份密码（至少 8 个字符）').fill(passphrase);
    await other.getByRole('button', { name: '打开备份' }).tap();
  };
  // Without its passphrase, or with its encrypted data changed: refused, nothing changed.
  await choose(file);
  await unlock('不是这个密码0000');
  await expect(other.getByRole('alert')).toContainText('没有恢复任何记录，本机已有的记录不受影响：备份密码不正确（或加密的内容被改动过）。（B07）');
  const tampered = info.outputPath('tampered.json');
  const locked = JSON.parse(saved);
  locked.data = (locked.data[0] === 'A' ? 'B' : 'A') + locked.data.slice(1);
  writeFileSync(tampered, JSON.stringify(locked));
  await choose(tampered);
  await unlock(PASSPHRASE);
  await expect(other.getByRole('alert')).toContainText('（B07）');
  const binary = info.outputPath('binary.json');
  writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
  await choose(binary);
  await expect(other.getByRole('alert')).toContainText('这个文件不是文本（不是 UTF-8 编码）');

  // The disk is full halfway through the restore: none of it is stored.
  await choose(file);
  await unlock(PASSPHRASE);
  await expect(other.getByText(/这份备份由另一台设备（设备码 [0-9A-Z]{4}-[0-9A-Z]{4}）制作并签名/)).toBeVisible();
  await expect(other.getByRole('status')).toContainText('这份备份：投票场次：新增 1；纸质票计票：新增 1。');
  const freeDisk = await fillDisk(other, 'ballots');
  await other.getByRole('button', { name: /^恢复 \d+ 条记录$/ }).tap();
  await expect(other.getByRole('alert')).toContainText('没有恢复任何记录，本机已有的记录不受影响：');
  await expect(other.getByText('本机有 0 个投票场次（共 0 张选票）、0 个纸质票计票、0 个模板库模板。')).toBeVisible();
  await freeDisk();

  await choose(file);
  await unlock(PASSPHRASE);
  await expect(other.getByRole('status')).toContainText('这份备份：投票场次：新增 1；纸质票计票：新增 1。');
  await other.getByRole('button', { name: /^恢复 \d+ 条记录$/ }).tap();
  await expect(other.getByRole('status')).toContainText(/已恢复 \d+ 条记录/);
  await expect(other.getByText('本机有 1 个投票场次（共 2 张选票）、1 个纸质票计票、0 个模板库模板。')).toBeVisible();
  // The same file again: everything is there already.
  await choose(file);
  await unlock(PASSPHRASE);
  await expect(other.getByText('这份备份里的记录本机都已有，无需恢复。')).toBeVisible();

  // Home: the same session and count, and the same results behind the same PIN.
  await other.getByRole('button', { name: '返回首页' }).tap();
  await expectHome(other);
  await expect(card(other, /第二支部/)).toContainText('已录入 1 张');
  await card(other, /长乐居民区 · 党员$/).getByRole('button', { name: '管理' }).tap();
  await other.getByRole('button', { name: '结束投票' }).tap();
  await enterPin(other, PIN, '结束投票');
  await expect(other.getByRole('heading', { level: 1, name: '计票结果' })).toBeVisible();
  await expect(row(other, '于建华')).toContainText('1');
  await expect(row(other, '李卫东')).toContainText('1');
  await other.context().close();
});

// An insider who knows the passphrase opens a backup as docs/storage.md describes it, adds
// five ballots to the closed session, and locks it again.
async function forged(file: string, passphrase: string, reseal: 'keep' | 'drop'): Promise<string> {
  const subtle = webcrypto.subtle;
  const key = async (salt: Buffer) => subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 },
    await subtle.importKey('raw', Buffer.from(passphrase), 'PBKDF2', false, ['deriveKey']),
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
  const outer = JSON.parse(readFileSync(file, 'utf8'));
  const salt = Buffer.from(outer.lock.salt, 'base64url');
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(outer.lock.iv, 'base64url') }, await key(salt), Buffer.from(outer.data, 'base64url'));
  const inner = JSON.parse(Buffer.from(plain).toString('utf8'));
  const ballots: [string, string][] = inner.body.stores.ballots;
  const [first] = ballots;
  const session = first[0].split('/')[0];
  for (let n = 0; n < 5; n++) ballots.push([`${session}/${'f'.repeat(31)}${n}`, first[1]]);
  ballots.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const body = JSON.stringify(inner.body);
  const content: any = { format: inner.format, version: inner.version, checksum: createHash('sha256').update(body).digest('hex').slice(0, 32), body: inner.body };
  if (reseal === 'keep') content.seal = inner.seal;
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const data = await subtle.encrypt({ name: 'AES-GCM', iv }, await key(salt), Buffer.from(JSON.stringify(content)));
  outer.lock.iv = Buffer.from(iv).toString('base64url');
  outer.data = Buffer.from(data).toString('base64url');
  return JSON.stringify(outer);
}

test('a backup cannot add ballots: a changed one is refused, another device\'s adds nothing to a session here, and this device\'s own needs the PIN', async ({ page }, info) => {
  test.skip(info.project.name !== 'tablet', 'one device, twice the same');
  test.setTimeout(120_000);
  await page.goto('/');
  await expectHome(page);
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '2' });
  await startVoting(page);
  // Three voters, one name each.
  await voteFor(page, ['于建华', '李卫东', '王秀英']);
  await leaveVoting(page);
  await closeAndCount(page);
  await page.getByRole('button', { name: '返回场次' }).tap();
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openData(page);
  // Closed: no PIN asked, only the passphrase.
  await page.getByRole('button', { name: '备份到文件' }).tap();
  await expect(page.getByText('正在投票的场次')).toHaveCount(0);
  await page.getByLabel('备份密码（至少 8 个字符）').fill(PASSPHRASE);
  await page.getByLabel('再输入一遍备份密码').fill(PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份到文件' }).tap();
  const file = info.outputPath('backup.json');
  await (await download).saveAs(file);

  const choose = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择备份文件' }).tap();
    await (await chooser).setFiles(path);
    await page.getByLabel('备份密码（至少 8 个字符）').fill(PASSPHRASE);
    await page.getByRole('button', { name: '打开备份' }).tap();
  };
  // Five ballots added, the device's signature kept: the signature no longer matches.
  const kept = info.outputPath('kept.json');
  writeFileSync(kept, await forged(file, PASSPHRASE, 'keep'));
  await choose(kept);
  await expect(page.getByRole('alert')).toContainText('备份在制作之后被改动过（签名不符）。（B08）');
  // The same without a signature: nothing is added to the session this device holds.
  const dropped = info.outputPath('dropped.json');
  writeFileSync(dropped, await forged(file, PASSPHRASE, 'drop'));
  await choose(dropped);
  await expect(page.getByText('这份备份没有签名')).toBeVisible();
  await expect(page.getByText(`投票场次「长乐居民区 · ${RECOMMENDATION}」：本机已有，备份不是本机制作的，不补入任何记录`)).toBeVisible();
  await expect(page.getByText('这份备份里的记录本机都已有，无需恢复。')).toBeVisible();
  await expect(page.getByText('本机有 1 个投票场次（共 3 张选票）')).toBeVisible();

  // A ballot record lost on this device (removed from the store): this device's own backup
  // puts it back, with the session's PIN.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('ballot-kit');
    open.onsuccess = () => {
      const tx = open.result.transaction('ballots', 'readwrite');
      const store = tx.objectStore('ballots');
      store.openCursor().onsuccess = (e) => (e.target as IDBRequest<IDBCursorWithValue>).result?.delete();
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await expectHome(page);
  await openData(page);
  await expect(page.getByText('本机有 1 个投票场次（共 2 张选票）')).toBeVisible();
  await choose(file);
  await expect(page.getByText('这份备份由本机制作并签名')).toBeVisible();
  await expect(page.getByText(`本机已有投票场次「长乐居民区 · ${RECOMMENDATION}」，将补入：1 张选票`)).toBeVisible();
  await page.getByRole('button', { name: '恢复 1 条记录' }).tap();
  await expect(page.getByRole('alert')).toContainText('「长乐居民区 · ' + RECOMMENDATION + '」的工作人员密码不正确。');
  await expect(page.getByText('本机有 1 个投票场次（共 2 张选票）')).toBeVisible();
  await page.getByLabel(`「长乐居民区 · ${RECOMMENDATION}」的工作人员密码`).fill(PIN);
  await page.getByRole('button', { name: '恢复 1 条记录' }).tap();
  await expect(page.getByRole('status')).toContainText('已恢复 1 条记录');
  await expect(page.getByText('本机有 1 个投票场次（共 3 张选票）')).toBeVisible();
});

test('a newer build is offered on the home screen, never on the voter screen, and taken with one tap', async ({ page, context, baseURL }) => {
  await page.goto('/');
  await expectHome(page);
  await installed(page);
  // The next build: the same files under another version (tests/e2e/serve.mjs).
  await context.addCookies([{ name: 'bk-next-build', value: '1', url: baseURL! }]);
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  await page.reload();
  // Found on the voter screen, and not offered there.
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
  await expect(page.getByText('新版本已下载')).toHaveCount(0);
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(page.getByRole('alert')).toContainText('新版本已下载；更新不影响本机的任何记录。');
  // The page reloads into the new build.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: '现在更新' }).tap();
  await reloaded;
  await expectHome(page);
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/-next$/)]);
  await expect(page.getByText('新版本已下载')).toHaveCount(0);
  await expect(card(page, /长乐居民区 · 党员$/)).toBeVisible();
});

test.describe('the first load alone', () => {
  // Requests go to the network, not the service worker, so that the route below sees them.
  test.use({ serviceWorkers: 'block' });

  test('draws the home screen; a later page whose code cannot be fetched says so, and opens once it can', async ({ page }) => {
    let reachable = false;
    let asked = 0;
    await page.route(/-pages\.wasm$/, (route) => {
      asked += 1;
      return reachable ? route.continue() : route.abort('internetdisconnected');
    });
    await page.goto('/');
    await expectHome(page);
    await expect(page.getByRole('button', { name: '新建计票' })).toBeVisible();
    await expect.poll(() => asked).toBeGreaterThan(0);

    await page.getByRole('button', { name: '新建计票' }).tap();
    await expect(page.getByRole('alert')).toHaveText(/这一页没能打开：本应用的这一部分还没有下载到本机/);
    await expect(page.getByRole('heading', { level: 1, name: '新建计票（纸质票）' })).toHaveCount(0);

    reachable = true;
    await page.getByRole('button', { name: '重新载入这一页' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: '新建计票（纸质票）' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The pages work as ever once their code is here: a count opens and takes a ballot.
    await page.getByRole('button', { name: '返回首页' }).first().tap();
    await openCount(page);
    await enter(page, { names: ['于建华'] });
    await expect(page.getByRole('heading', { level: 2, name: '第 2 张' })).toBeVisible();
    await expect(page.getByText('已录入 1 张（收回张数未填）')).toBeVisible();
    // What the screen said is what a reload reads.
    await page.reload();
    const c = card(page, new RegExp(`${RECOMMENDATION}.*长乐居民区 · 党员`));
    await expect(c).toContainText('已录入 1 张（收回张数未填）');

    // Stored records are read by the later code (their templates, ballots and steps).
    // Without it the home screen says why it shows none: never an empty list, never a
    // wrong number.
    reachable = false;
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('本机已存的投票和计票要等本应用的其余部分下载到本机后才能显示');
    await expect(c).toHaveCount(0);
    await expect(page.getByText('本机还没有计票')).toHaveCount(0);
    await expect(page.getByText('本机还没有投票场次')).toHaveCount(0);
    // Loaded again once the code can be fetched: the count as it was, and it opens.
    reachable = true;
    await page.getByRole('button', { name: '重新载入' }).tap();
    await expect(c).toContainText('已录入 1 张（收回张数未填）');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await c.getByRole('button', { name: '继续计票' }).tap();
    await expect(page.getByText('已录入 1 张（收回张数未填）')).toBeVisible();
  });
});

test.describe('the app shell', () => {
  test.use({ serviceWorkers: 'block' });

  test("the home screen's heading is drawn while the app downloads, then the app takes its place", async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((ok) => { release = ok; });
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    // Before the app: its name and what it is for, and nothing to tap.
    await expect(page.getByRole('heading', { level: 1, name: '测评推荐助手' })).toBeVisible();
    await expect(page.getByText('民主测评 · 推荐票 · 计票，离线使用')).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
    release();
    await expectHome(page);
    // The app took the page over: one heading, one screen.
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
  });
});

test.describe('the first load alone, showing voters', () => {
  test.use({ serviceWorkers: 'block' });

  test('a device left on the voter screen never shows the home screen while the code that reads its session is missing', async ({ page }) => {
    const chunk = await pagesChunk(page);
    await page.goto('/');
    await expectHome(page);
    await openSession(page, { template: RECOMMENDATION, category: '党员' });
    await startVoting(page);
    chunk.reachable = false;
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('这一页没能打开');
    await expect(page.getByRole('button', { name: /新建场次/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /本机数据/ })).toHaveCount(0);
    // Once the code is there: voters again, as before the reload.
    chunk.reachable = true;
    await page.getByRole('button', { name: '重新载入这一页' }).tap();
    await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
    await expect(page.getByRole('button', { name: /新建场次/ })).toHaveCount(0);
  });
});

test.describe('stored before checkpoints', () => {
  test.use({ serviceWorkers: 'block' });

  test('a count without a checkpoint is read in full once, and its checkpoint stored then', async ({ page }) => {
    await page.goto('/');
    await expectHome(page);
    await openCount(page);
    await enter(page, { names: ['于建华'] });
    await expect(page.getByText('已录入 1 张（收回张数未填）')).toBeVisible();
    await page.getByRole('button', { name: '返回首页' }).first().tap();
    const c = card(page, new RegExp(`${RECOMMENDATION}.*长乐居民区 · 党员`));
    await expect(c).toContainText('已录入 1 张（收回张数未填）');
    // As a device that stored the count before checkpoints: none on disk.
    await clearOnDisk(page, 'checkpoints');
    const checkpoints = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('ballot-kit');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('checkpoints').objectStore('checkpoints').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    expect(await checkpoints()).toBe(0);
    // The first start after it reads its log, counts it, and stores what it adds up to.
    await page.reload();
    await expect(c).toContainText('已录入 1 张（收回张数未填）');
    await expect.poll(checkpoints).toBe(1);
    // So the next start reads no log: a step damaged on disk now is not found at start
    // (its log is not read), only when the count is opened.
    await changeOnDisk(page, 'count_entries', '"at_ms"', '"at_mz"');
    await page.reload();
    await expect(c).toContainText('已录入 1 张（收回张数未填）');
    await expect(page.getByText(/已存记录损坏或无法使用/)).toHaveCount(0);
    await c.getByRole('button', { name: '继续计票' }).tap();
    await page.getByRole('button', { name: '返回首页' }).first().tap();
    await expect(page.getByText(/已存记录损坏或无法使用/)).toBeVisible();
  });
});
