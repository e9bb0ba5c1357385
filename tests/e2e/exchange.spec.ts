// Results moving between devices with no network: two phones are two browser profiles.
// One exports its count as a file or a QR code, the other merges or cross-checks it.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  EVALUATION, RECOMMENDATION, closeAndCount, countStack, enter, importFile, leaveVoting, openCount,
  openDesk, openSession, otherPhone, row, saveResult, spaced, startVoting, today, voteFor, type Paper, expectHome } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

const FIRST: Paper[] = [
  { names: ['于建华', '王秀英'] },
  { names: ['于建华'] },
  { blank: true },
];
const SECOND: Paper[] = [
  { names: ['王秀英', '朱丽萍'] },
  { void: '无法辨认' },
];

/** Whether a results file carries a device signature. */
function isSigned(file: string): boolean {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return typeof json.seal?.key === 'string' && typeof json.seal?.sig === 'string';
}

test('two branches counted on two phones add up by QR code and file; nothing is added twice', async ({ page, browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  // Phone A counts 第一支部 and shows its result as a QR code.
  await countStack(page, '第一支部', FIRST);
  await openDesk(page, '发送结果');
  const file = await saveResult(page, '长乐居民区 · 第一支部');
  await expect(page.getByRole('status').filter({ hasText: `已保存：${RECOMMENDATION}-长乐居民区-第一支部-党员-纸质计票-${today()}-计票结果.json` })).toBeVisible();
  // A's result code and device code, as A's screen shows them.
  const codeOfA = (await page.getByRole('listitem').filter({ hasText: '第一支部' }).getByText(/^结果校验码 /).textContent())!.slice(6);
  const deviceOfA = (await page.getByText(/^本机设备码 /).textContent())!.slice(6, 15);
  expect(codeOfA).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(isSigned(file)).toBe(true);
  // Nothing in a count's file but the count: its ballots in reading order are there for the
  // cross-check, with the template it was made with.
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.format).toBe('ballot-kit/results');
  expect(json.version).toBe(3);
  // Packed: each different ballot once, the reading order one character per ballot.
  expect(json.body.ballots.kinds).toHaveLength(3);
  expect(json.body.ballots.order).toBe('ABC');
  await page.getByRole('listitem').filter({ hasText: '第一支部' }).getByRole('button', { name: '显示二维码' }).tap();
  await expect(page.getByText('第 1 个，共 1 个')).toBeVisible();
  const photo = info.outputPath('result-qr.png');
  const code = page.getByRole('img', { name: /^结果二维码：长乐居民区 · 第一支部/ });
  // Shown where it is drawn, whole: no scrolling to find it on a phone.
  await expect(code).toBeInViewport({ ratio: 1 });
  await expect(page.getByText('第 1 个，共 1 个')).toBeInViewport();
  // A photo of a screen that has finished drawing the code (two frames), as a person takes it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await code.screenshot({ path: photo });

  // Phone B counts 第二支部, adds its own count and A's code (a photo of A's screen).
  const other = await otherPhone(browser, page, baseURL);
  await countStack(other, '第二支部', SECOND);
  await openDesk(other, '汇总');
  await other.getByRole('button', { name: '加入汇总：长乐居民区 · 第二支部' }).tap();
  await expect(other.getByRole('status').filter({ hasText: '已加入汇总：长乐居民区 · 第二支部（2 张选票）' })).toBeVisible();
  await other.getByRole('button', { name: '扫描二维码' }).tap();
  const [chooser] = await Promise.all([
    other.waitForEvent('filechooser'),
    other.getByRole('button', { name: '从照片读取二维码' }).tap(),
  ]);
  await chooser.setFiles(photo);
  await expect(other.getByRole('status').filter({ hasText: '已加入汇总：长乐居民区 · 第一支部（3 张选票）' })).toBeVisible();

  // Per source, then the total: 3 + 2 ballots, 发出 3 + 2.
  const sources = other.getByRole('table').filter({ has: other.getByRole('columnheader', { name: '来源' }) });
  // Each with its 结果校验码 and the device that signed it (B's own count, A's by its code).
  await expect(sources.getByRole('row', { name: /^长乐居民区 · 第二支部（党员）\s*唱票计票\s*2\s*2\s*2\s*✓ 无误\s*[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\s*✓ 设备码 [0-9A-Z]{4}-[0-9A-Z]{4}/ })).toBeVisible();
  await expect(sources.getByRole('row', { name: new RegExp(`^长乐居民区 · 第一支部（党员）\\s*唱票计票\\s*3\\s*3\\s*3\\s*✓ 无误\\s*${codeOfA}\\s*✓ 设备码 ${deviceOfA}`) })).toBeVisible();
  await expect(sources.getByRole('row', { name: /^合计\s*5\s*5\s*5/ })).toBeVisible();
  await expect(other.getByLabel('汇总单位（印在报告单上）')).toHaveValue('长乐居民区');
  // The combined result, judged and laid out like a single count: 于建华 2, 王秀英 2, 朱丽萍 1.
  for (const [name, votes] of [['于建华', 2], ['王秀英', 2], ['朱丽萍', 1]] as const) {
    await expect(row(other, name).first()).toHaveText(new RegExp(`^${spaced(name)}\\s*${votes}\\s`));
  }
  await expect(other.getByRole('button', { name: '打印报告单' })).toBeVisible();
  // The combined result's printed report carries it, signed, as QR code(s), for the next desk.
  await expect(other.locator('article.rk-print .rk-qr-code svg').first()).toBeAttached();

  // A's file holds the same count: refused, and the total is unchanged.
  await importFile(other, file);
  await expect(other.getByRole('alert')).toHaveText(/^未导入：“长乐居民区 · 第一支部”的结果已经全部计入汇总，不能重复计入。（X11）/);
  await expect(sources.getByRole('row', { name: /^合计\s*5\s*5\s*5/ })).toBeVisible();

  // A damaged file is refused with a clear message.
  const cut = info.outputPath('cut.json');
  const text = readFileSync(file, 'utf8');
  writeFileSync(cut, text.replace('"valid":2', '"valid":3'));
  await importFile(other, cut);
  await expect(other.getByRole('alert')).toContainText('内容已损坏或不完整（校验不符）');
  await other.context().close();
});

test('a tablet session sends its tally only; a result of another template is refused with both codes', async ({ page }, info) => {
  test.skip(info.project.name !== 'tablet', 'a tablet session');
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '2' });
  await startVoting(page);
  await voteFor(page, ['于建华', '王秀英']);
  await leaveVoting(page);
  await closeAndCount(page);
  await page.getByRole('button', { name: '发送或汇总这份结果' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '结果汇总与核对' })).toBeVisible();
  const file = await saveResult(page, '长乐居民区');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.body.kind).toBe('tablet');
  // No ballots, nothing in voting order: the tally only.
  expect(json.body.ballots).toBeUndefined();
  expect(Object.keys(json.body).sort()).toEqual(['batch', 'batches', 'category', 'figures', 'fingerprint', 'kind', 'tally', 'unit']);

  // In the merge, a count of the evaluation form does not go with this ballot.
  await page.getByRole('button', { name: '返回场次' }).tap();
  await page.getByRole('button', { name: /首页/ }).first().tap();
  await openCount(page, { template: EVALUATION, issued: '1', returned: '1' });
  await page.getByRole('button', { name: '返回首页' }).tap();
  await page.getByRole('button', { name: '结果汇总与核对' }).tap();
  await page.getByRole('tab', { name: '汇总' }).tap();
  await importFile(page, file);
  await expect(page.getByRole('status').filter({ hasText: '已加入汇总：长乐居民区（2 张选票）' })).toBeVisible();
  await page.getByRole('button', { name: /^加入汇总：长乐居民区/ }).tap();
  await expect(page.getByRole('alert')).toHaveText(/^未导入：这份结果用的是另一个模板（校验码 [0-9A-Z]{4}-[0-9A-Z]{4}），与已加入的结果（校验码 [0-9A-Z]{4}-[0-9A-Z]{4}）不同，不能汇总。（X10）/);
});

test('two counters of the same ballots: the cross-check lists exactly the two ballots entered differently', async ({ page, browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  const stack: Paper[] = [
    { names: ['于建华', '王秀英'] },
    { names: ['于建华'] },
    { names: ['朱丽萍'] },
    { blank: true },
    { names: ['王秀英', '李卫东'] },
    { names: ['陈国强'] },
    { void: '无法辨认' },
  ];
  // Counter 乙 enters ballot 3 and ballot 6 differently.
  const theirs = stack.map((p, i) => (i === 2 ? { names: ['李卫东'] } : i === 5 ? { names: ['陈国强', '徐红梅'] } : p));
  await countStack(page, '第一支部', stack);
  const other = await otherPhone(browser, page, baseURL);
  await countStack(other, '第一支部', theirs);
  await openDesk(other, '发送结果');
  const file = await saveResult(other, '长乐居民区 · 第一支部');

  await openDesk(page, '双人核对');
  await expect(page.getByRole('radio', { name: /长乐居民区 · 第一支部/ })).toBeChecked();
  await importFile(page, file);
  await expect(page.getByRole('alert')).toHaveText('发现 2 处不同。请监票人取出这些选票核对，改正后再签字。');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /^第 3 张/ })).toHaveText(/^第 3 张\s*［党员］有效.*划：朱丽萍.*［党员］有效.*划：李卫东/);
  await expect(table.getByRole('row', { name: /^第 6 张/ })).toHaveText(/^第 6 张.*划：陈国强）.*划：陈国强、徐红梅/);
  await expect(page.getByText('本机 7 张，对方 7 张')).toBeVisible();
  // A download lives as long as its browser context.
  await other.context().close();
});
