// 测试模式: a counting rehearsal with the template's test deck (the 推荐票 sample). The count
// says 测试 on every screen, its result is marked 测试 and never reaches the results desk,
// and counting the deck ends with the comparison, expected against counted, ballot by
// ballot.
import { test, expect, type Page } from '@playwright/test';
import { RECOMMENDATION, card, closeAndCount, countStack, enter, expectHome, leaveVoting, markedOnPad, openCount, openDesk, openSession, startVoting, voteFor, type Paper } from './helpers';

const FIVE = ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强'];

/** The deck as its script reads it aloud, and as a counter enters it. */
const SCRIPT: [RegExp, Paper][] = [
  [/^第 1 张：○ 于建华、王秀英、朱丽萍、李卫东、陈国强$/, { names: FIVE }],
  [/^第 2 张：○ 周\s+敏、徐红梅$/, { names: ['周 敏', '徐红梅'] }],
  [/^第 3 张：另选他人写「测试甲」；另选他人写「测试乙」$/, { names: [], writeIns: ['测试甲', '测试乙'] }],
  [/^第 4 张：○ 于建华、王秀英、朱丽萍、李卫东、陈国强、周\s+敏$/, { names: [...FIVE, '周 敏'] }],
  [/^第 5 张：空白，什么都不写$/, { blank: true }],
  [/^第 6 张：作废票（无法辨认）$/, { void: '无法辨认' }],
];

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

test('a rehearsal with the test deck: marked 测试 everywhere, compared ballot by ballot, never sent', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on a phone');
  // A real count beside it, of one ballot.
  await countStack(page, '一支部', [{ names: ['于建华'] }]);
  await openCount(page, { test: true, branch: '测试支部' });
  await expect(page.getByRole('note').filter({ hasText: '测试计票（演练）：结果不作数' })).toBeVisible();

  // The script to read aloud.
  await page.getByRole('tab', { name: '测试票' }).tap();
  const script = page.getByRole('region', { name: '测试票' }).getByRole('listitem');
  await expect(script).toHaveCount(SCRIPT.length);
  for (const [i, [line]] of SCRIPT.entries()) await expect(script.nth(i)).toHaveText(line);
  await expect(page.getByRole('status').filter({ hasText: `已录入 0 张 / 测试票 ${SCRIPT.length} 张` })).toBeVisible();

  // Read aloud and entered as any stack.
  await page.getByRole('tab', { name: '录入', exact: true }).tap();
  for (const [, paper] of SCRIPT) await enter(page, paper);
  await page.getByRole('tab', { name: '测试票' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '录入与测试票逐张一致：共 6 张。' })).toBeVisible();

  // A ballot entered wrong is named, with what the deck has and what was entered.
  await page.getByRole('tab', { name: /^已录入/ }).tap();
  await page.getByRole('button', { name: '更正第 2 张' }).tap();
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await page.getByRole('button', { name: '保存更正' }).tap();
  await page.getByRole('tab', { name: '测试票' }).tap();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('与测试票不一致：1 处。');
  await expect(alert.getByRole('listitem')).toHaveText([/^测试票第 2 张（○ 周\s+敏、徐红梅）录入为第 2 张（○ 于建华、周\s+敏、徐红梅）$/]);

  // The board says 测试 first.
  await page.getByRole('tab', { name: '计票板' }).tap();
  await expect(page.getByRole('note').filter({ hasText: '测试：演练计票的结果，不作数' }).first()).toBeVisible();

  // Home: the card says 测试; the results desk does not offer it.
  await page.getByRole('button', { name: '‹ 返回首页' }).tap();
  await expect(card(page, new RegExp(`测试.*${RECOMMENDATION}`))).toBeVisible();
  await openDesk(page, '发送结果');
  await expect(page.getByRole('listitem').filter({ hasText: '一支部' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '测试支部' })).toHaveCount(0);

  // Cleared in one action, after a question; the real count stays.
  await page.goto('/');
  await expectHome(page);
  await clearTests(page, 1);
  await page.goto('/');
  await expectHome(page);
  await expect(card(page, /测试支部/)).toHaveCount(0);
  await expect(card(page, /一支部/)).toBeVisible();
});

test('the printed test deck: each sheet stamped 测试票, its marks drawn in; a photo of one read as the deck says in a rehearsal, refused in a real count', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on a phone');
  await page.getByRole('button', { name: '模板库' }).tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '打印空白票' }).tap();
  await page.getByRole('radio', { name: /^测试票/ }).check();
  await expect(page.getByText('每张都印有「测试票」字样，不是选票')).toBeVisible();
  const sheets = page.getByRole('region', { name: '打印预览' }).getByRole('article', { name: '读票版（可用手机拍照计票，每张一页）' });
  // The deck but its declared-void ballot, a sheet each.
  await expect(sheets).toHaveCount(SCRIPT.length - 1);
  for (const s of await sheets.all()) await expect(s).toContainText('测试票 · 演练用 · 不是选票');
  await expect(sheets.nth(2)).toContainText('测试甲');
  // A photo of the first sheet as printed.
  await page.emulateMedia({ media: 'print' });
  const photo = info.outputPath('deck-1.png');
  await sheets.first().screenshot({ path: photo });
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/');
  await expectHome(page);
  await openCount(page, { test: true });
  await page.getByRole('button', { name: '拍照计票' }).tap();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择选票照片' }).tap();
  await (await chooser).setFiles(photo);
  await expect(page.getByRole('img', { name: /读出的选票/ })).toBeVisible({ timeout: 20_000 });
  expect(await markedOnPad(page)).toEqual(FIVE);
  await expect(page.getByRole('heading', { name: /待计票人确认/ })).toHaveCount(0);
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 1 张')).toBeVisible();

  // In a real count the same photo is refused: a test sheet's code says what it is.
  await page.getByRole('button', { name: '‹ 返回首页' }).tap();
  await openCount(page, { branch: '一支部' });
  await page.getByRole('button', { name: '拍照计票' }).tap();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择选票照片' }).tap();
  await (await again).setFiles(photo);
  await expect(page.getByRole('status').filter({ hasText: '这是测试票（演练用），不能在正式计票中录入。' })).toBeVisible({ timeout: 20_000 });
  expect(await markedOnPad(page)).toEqual([]);
});

/** On 本机数据与备份: clears every rehearsal, after one question. */
async function clearTests(page: Page, n: number) {
  await page.getByRole('button', { name: '本机数据与备份' }).first().tap();
  await page.getByRole('button', { name: `清除全部测试（${n} 项）` }).tap();
  await page.getByRole('alertdialog', { name: `确定永久清除这 ${n} 项测试投票和测试计票吗？` })
    .getByRole('button', { name: `清除全部测试（${n} 项）` }).tap();
  await expect(page.getByRole('status').filter({ hasText: `已清除 ${n} 项测试。` })).toBeVisible();
  await expect(page.getByRole('heading', { name: '测试投票与测试计票' })).toHaveCount(0);
}

test('a rehearsal on the tablet: marked 测试 on every screen, its result never sent, cleared in one action', async ({ page }, info) => {
  test.skip(info.project.name !== 'tablet', 'voting happens on a tablet');
  await openSession(page, { template: RECOMMENDATION, branch: '一支部', category: '党员', issued: '2' });
  await page.getByRole('button', { name: '‹ 返回首页' }).tap();
  await openSession(page, { template: RECOMMENDATION, branch: '测试支部', category: '党员', issued: '2', test: true });
  const banner = page.getByRole('note').filter({ hasText: '测试投票（演练）：结果不作数，不能发送、汇总或核对。' });
  await expect(banner).toBeVisible();

  // The voter sees it too: a rehearsal is never taken for the vote.
  await startVoting(page);
  await expect(banner).toBeVisible();
  await voteFor(page, ['于建华', '王秀英']);
  await leaveVoting(page);
  await closeAndCount(page);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: '测试：演练计票的结果，不作数' }).first()).toBeVisible();
  // Its result is never sent: the results page does not offer it.
  await expect(page.getByRole('button', { name: '发送结果' })).toHaveCount(0);

  // Home: its card says 测试, the real session's does not.
  await page.goto('/');
  await expectHome(page);
  await expect(card(page, /测试支部/)).toContainText('测试');
  await expect(card(page, /一支部/)).not.toContainText('测试');

  // Cleared in one action; the real session stays.
  await clearTests(page, 1);
  await page.goto('/');
  await expectHome(page);
  await expect(card(page, /测试支部/)).toHaveCount(0);
  await expect(card(page, /一支部/)).toBeVisible();
});
