// What a person does again and again in these tests: open a session, vote, leave the
// voter screen with the PIN, close and read the results.
import { expect, type Browser, type Page, type Locator } from '@playwright/test';

export const EVALUATION = '居民区党总支班子及成员民主测评表';
export const RECOMMENDATION = '居民区党组织委员候选人初步人选推荐票';
export const PIN = '246813';

export interface SessionOptions {
  template: string;
  area?: string;
  branch?: string;
  /** A category name, or '身份由投票人自选'. */
  category?: string;
  issued?: string;
  due?: string;
  present?: string;
  pin?: string;
  /** 测试模式: a rehearsal on the tablet. */
  test?: boolean;
}

/** From the home screen: fills in the new-session form and lands on the session's page. */
export async function openSession(page: Page, o: SessionOptions) {
  await page.getByRole('button', { name: '新建场次' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '新建投票场次' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${o.template}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill(o.area ?? '长乐居民区');
  if (o.branch) await page.getByLabel('支部（可不填）').fill(o.branch);
  if (o.category) await page.getByRole('radio', { name: o.category, exact: true }).check();
  if (o.due) await page.getByLabel('应到人数', { exact: true }).fill(o.due);
  if (o.present) await page.getByLabel('实到人数', { exact: true }).fill(o.present);
  if (o.issued) await page.getByLabel('发出张数（不知道可先不填）').fill(o.issued);
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(o.pin ?? PIN);
  await page.getByLabel('再输入一遍密码').fill(o.pin ?? PIN);
  if (o.test) await page.getByRole('checkbox', { name: '测试模式：在平板上演练投票，结果不作数' }).check();
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: o.template })).toBeVisible();
  await expect(page.getByText('进行中')).toBeVisible();
}

/** From the session's page: hands the device to the voters. */
export async function startVoting(page: Page) {
  await page.getByRole('button', { name: '开始投票' }).tap();
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
}

/** Submits the ballot on screen: review, confirm, recorded, next voter. */
export async function submit(page: Page, confirm = '确认提交') {
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  await page.getByRole('button', { name: confirm }).tap();
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toBeVisible();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();
}

/** On the voter screen: one voter after another, each marking one name and submitting. */
export async function voteFor(page: Page, names: string[]) {
  for (const name of names) {
    await page.getByRole('checkbox', { name }).tap();
    await submit(page);
  }
}

/** Answers the PIN question on screen. */
export async function enterPin(page: Page, pin = PIN, confirm = '确定') {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('工作人员密码').fill(pin);
  await dialog.getByRole('button', { name: confirm, exact: true }).tap();
}

/** From the voter screen to the session's page, with the PIN. */
export async function leaveVoting(page: Page, pin = PIN) {
  await page.getByRole('button', { name: '工作人员' }).tap();
  await enterPin(page, pin);
  await expect(page.getByRole('button', { name: '结束投票' })).toBeVisible();
}

/** From the session's page: close with the PIN, which shows the results. */
export async function closeAndCount(page: Page, pin = PIN) {
  await page.getByRole('button', { name: '结束投票' }).tap();
  await enterPin(page, pin, '结束投票');
  await expect(page.getByRole('heading', { level: 1, name: '计票结果' })).toBeVisible();
}

/** A results table row, found by its first cell. */
export function row(page: Page, name: string): Locator {
  return page.getByRole('row', { name: new RegExp(`^${spaced(name)}`) });
}

/** An evaluation results row: each level's count with its rate, then 未评, 多选无效 and 基数
 *  (the levels and 未评 add up to it; 多选无效 is outside it). */
export function evalRow(name: string, levels: number[], rest: number[]): RegExp {
  const counts = levels.map((n) => `\\s*${n}\\s*\\d+\\.\\d%`).join('');
  return new RegExp(`^${spaced(name)}${counts}${rest.map((n) => `\\s*${n}`).join('')}\\s`);
}

/** A name as a pattern: printed names may be padded (「周  敏」). */
export function spaced(name: string): string {
  return name.replace(/ /g, '\\s+');
}

export function card(page: Page, name: string | RegExp): Locator {
  return page.getByRole('article', { name });
}

/** Every listed name's mark state on the voter screen, as "name:true|false". */
export async function marksOnScreen(page: Page): Promise<string[]> {
  const boxes = page.getByRole('checkbox');
  const out: string[] = [];
  for (const b of await boxes.all()) {
    out.push(`${(await b.innerText()).trim()}:${await b.getAttribute('aria-checked')}`);
  }
  return out;
}

export interface CountOptions {
  template?: string;
  branch?: string;
  /** A category name (党员 unless given), or null for a template without categories. */
  category?: string | null;
  due?: string;
  present?: string;
  issued?: string;
  returned?: string;
  /** 测试模式: a rehearsal with the template's test deck. */
  test?: boolean;
}

/** From the home screen: starts a paper count and lands on its counting screen. */
export async function openCount(page: Page, o: CountOptions = {}) {
  await page.getByRole('button', { name: '新建计票' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '新建计票（纸质票）' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${o.template ?? RECOMMENDATION}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  if (o.branch) await page.getByLabel('支部（可不填）').fill(o.branch);
  if (o.category !== null) await page.getByRole('radio', { name: o.category ?? '党员', exact: true }).check();
  const figures: [string, string | undefined][] = [
    ['应到人数', o.due], ['实到人数', o.present], ['发出张数', o.issued], ['收回张数', o.returned],
  ];
  for (const [label, value] of figures) if (value) await page.getByLabel(label, { exact: true }).fill(value);
  // The PIN deleting the count will need.
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(PIN);
  await page.getByLabel('再输入一遍密码').fill(PIN);
  if (o.test) await page.getByRole('checkbox', { name: '测试模式：用测试票演练计票，结果不作数' }).check();
  await page.getByRole('button', { name: '开始计票' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '第 1 张' })).toBeVisible();
}

/** The sample 推荐票's names whose box is marked on the counting pad, in order. */
export async function markedOnPad(page: Page): Promise<string[]> {
  const on: string[] = [];
  for (const n of ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强', '周 敏', '徐红梅']) {
    if ((await page.getByRole('checkbox', { name: n, exact: true }).getAttribute('aria-checked')) === 'true') on.push(n);
  }
  return on;
}

/** One paper ballot of the stack as read aloud. */
export type Paper =
  | { names: string[]; writeIns?: string[]; chip?: string }
  | { blank: true }
  | { void: string };

/** Enters one paper ballot on the counting screen and commits it. */
export async function enter(page: Page, p: Paper) {
  if ('blank' in p) return page.getByRole('button', { name: '空白票', exact: true }).tap();
  if ('void' in p) {
    await page.getByRole('button', { name: '废票', exact: true }).tap();
    return page.getByRole('group', { name: '这张票为什么无效？' }).getByRole('button', { name: p.void }).tap();
  }
  for (const n of p.names) await page.getByRole('checkbox', { name: n, exact: true }).tap();
  for (const [i, w] of (p.writeIns ?? []).entries()) await page.getByLabel(`另选他人 ${i + 1}`).fill(w);
  if (p.chip) await page.getByRole('button', { name: `填入 ${p.chip}` }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
}


/**
 * From now on the device is full for the object store `store`: every record added there
 * fails as a full quota does (QuotaExceededError). Returns what frees the space again.
 */
export async function fillDisk(page: Page, store: string): Promise<() => Promise<void>> {
  await page.evaluate((name) => {
    const add = IDBObjectStore.prototype.add;
    (window as unknown as { freeDisk: () => void }).freeDisk = () => { IDBObjectStore.prototype.add = add; };
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (this.name === name) throw new DOMException('quota', 'QuotaExceededError');
      return add.apply(this, args);
    };
  }, store);
  return () => page.evaluate(() => (window as unknown as { freeDisk: () => void }).freeDisk());
}

/**
 * Changes the bytes of the first record of `store` on disk (`from` becomes `to`), its
 * checksum kept (a damaged disk: the checksum fails); with `reseal`, sealed again with a
 * right checksum as `idb.js` would (a hand edit by someone who knows the format).
 */
export async function changeOnDisk(page: Page, store: string, from: string, to: string, reseal = false) {
  await page.evaluate(
    ([store, from, to, reseal]) =>
      new Promise<void>((resolve, reject) => {
        const crc32 = (text: string) => {
          let c = -1;
          for (const b of new TextEncoder().encode(text)) {
            c ^= b;
            for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          }
          return ((c ^ -1) >>> 0).toString(16).padStart(8, '0');
        };
        const open = indexedDB.open('ballot-kit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store as string, 'readwrite');
          const cursor = tx.objectStore(store as string).openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result!;
            const value = String(c.value);
            if (!reseal) return c.update(value.replace(from as string, to as string));
            const data = value.slice(9).replace(from as string, to as string);
            c.update(crc32(`${String(c.key)}\n${data}`) + ' ' + data);
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, from, to, reseal] as const,
  );
}

/** The same, sealed again with a right checksum: a forgery by someone who knows the format. */
export const forgeOnDisk = (page: Page, store: string, from: string, to: string) =>
  changeOnDisk(page, store, from, to, true);

/** Empties `store` on disk. */
export async function clearOnDisk(page: Page, store: string) {
  await page.evaluate(
    (store) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ballot-kit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).clear();
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    store,
  );
}

/** The home screen, drawn by the app: its heading and its 新建场次 button. index.html draws the
 *  heading alone while the wasm downloads (the app shell), so the heading alone proves
 *  nothing about the app. */
export async function expectHome(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: '测评推荐助手' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ 新建场次' })).toBeVisible();
}

// Results between devices (the results desk): two phones are two browser profiles.

export async function otherPhone(browser: Browser, page: Page, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL, viewport: page.viewportSize(), hasTouch: true, isMobile: true, locale: 'zh-CN',
  });
  const other = await context.newPage();
  await other.goto('/');
  await expectHome(other);
  return other;
}

/** A 唱票 count of `stack` (all 党员 ballots), back on the home screen afterwards. */
export async function countStack(page: Page, branch: string, stack: Paper[]) {
  const n = String(stack.length);
  await openCount(page, { branch, issued: n, returned: n });
  for (const p of stack) await enter(page, p);
  await expect(page.getByText(`已录入 ${n} 张 / 收回 ${n} 张`)).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).tap();
}

export async function openDesk(page: Page, tab: '发送结果' | '汇总' | '双人核对') {
  await page.getByRole('button', { name: '结果汇总与核对' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '结果汇总与核对' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).tap();
}

/** Today as the app dates a file (the browser's time zone is this machine's). */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE');
}

/** A results file's name: template, unit, category and kind, today's date; no spaces or
 *  middle dots. */
export function resultsFile(unit: string, ext: string): RegExp {
  const u = unit.replace(' · ', '-');
  return new RegExp(`^[^ ·]+-${u}(-[^ ·]+)?-(纸质计票|平板投票|汇总)-${today()}-计票结果\\.${ext}$`);
}

/** From the 发送结果 tab: saves the result of `unit` and returns the file's path. */
export async function saveResult(page: Page, unit: string): Promise<string> {
  const item = page.getByRole('listitem').filter({ hasText: unit });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('button', { name: '保存结果文件' }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(resultsFile(unit, 'json'));
  return download.path();
}

/** From the home screen: imports a template file into the library and comes back home. */
export async function importTemplate(page: Page, template: object) {
  await page.getByRole('button', { name: '模板库' }).tap();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '导入模板文件' }).tap(),
  ]);
  await chooser.setFiles({ name: 'template.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) });
  await page.getByRole('button', { name: '导入', exact: true }).tap();
  await expect(page.getByRole('status').filter({ hasText: '已导入：' })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await expectHome(page);
}

/** A recommendation template with `names` listed (two write-in cells, two categories). */
export function recommendationTemplate(title: string, names: string[], max = 5) {
  return {
    format: 'ballot-kit/template', version: 1, title, issuer: '××街道党工委', notes: '',
    marking: { symbol: '○', unmarked: 'not_recommended' }, categories: ['党员', '群众代表'],
    sections: [{
      kind: 'recommendation', title: '委员候选人初步人选', candidates: names.map((name) => ({ name })),
      max_marks: max, write_in_slots: 2, write_in_may_repeat_listed: false, over_marked: 'void_ballot',
    }],
  };
}

export async function importFile(page: Page, path: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '导入结果文件' }).tap(),
  ]);
  await chooser.setFiles(path);
}


