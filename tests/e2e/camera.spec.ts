// 拍照计票: a phone's camera reads printed 读票版 ballots (the 推荐票 sample) held under it in
// turn. Chromium's fake camera plays generated photos of three ballots with known marks
// (core/examples/omr_video.rs). Each is read once, entered as the counter confirms it, and
// the count is the one the marks make. (A photo chosen as a file: photo.spec.ts.)
import { test, expect } from '@playwright/test';
import { RECOMMENDATION, card, countStack, expectHome, importFile, markedOnPad, openCount, openDesk, otherPhone, row, saveResult, spaced } from './helpers';

/** The feed's ballots, in the order they are held under the camera. */
const DECK = [['于建华', '朱丽萍'], ['王秀英'], ['于建华', '王秀英', '李卫东']];

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});


test('the camera reads each ballot held under it once, the counter confirms it with 下一张, and the board adds them up', async ({ page }) => {
  await openCount(page, { returned: '10' });
  await page.getByRole('button', { name: '拍照计票' }).tap();
  await expect(page.getByRole('button', { name: '关闭相机' })).toBeVisible();
  for (const [i, names] of DECK.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: `第 ${i + 1} 张` })).toBeVisible();
    // Read once held still, drawn on its picture, and put on the pad for the counter.
    await expect(page.getByRole('img', { name: /读出的选票/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('status').filter({ hasText: '已读出：请对照选票核对下面的标记' })).toBeVisible();
    expect(await markedOnPad(page)).toEqual(names);
    await expect(page.getByRole('heading', { name: /待计票人确认/ })).toHaveCount(0);
    if (i === 0) {
      // 清空本张 drops the reading without entering it: the same sheet is read again.
      await page.getByRole('button', { name: '清空本张' }).tap();
      await expect(page.getByRole('img', { name: /读出的选票/ })).toBeHidden();
      await expect(page.getByRole('img', { name: /读出的选票/ })).toBeVisible({ timeout: 20_000 });
      expect(await markedOnPad(page)).toEqual(names);
    }
    await page.getByRole('button', { name: '下一张' }).tap();
    await expect(page.getByText(`已录入 ${i + 1} 张 / 收回 10 张`)).toBeVisible();
    if (i === 0) {
      // The ballot entered is still under the camera: it is not read again, the pad
      // stays empty until it is taken away.
      await expect(page.getByRole('status').filter({ hasText: '这一张已录入。请拿开，换下一张选票。' })).toBeVisible();
      expect(await markedOnPad(page)).toEqual([]);
    }
  }
  await page.getByRole('button', { name: '关闭相机' }).tap();
  await expect(page.getByRole('button', { name: '拍照计票' })).toBeVisible();

  // What the screen shows is what a reload reads.
  await page.reload();
  const c = card(page, new RegExp(`${RECOMMENDATION}.*长乐居民区 · 党员`));
  await expect(c).toContainText('已录入 3 张');
  await c.getByRole('button', { name: '继续计票' }).tap();
  await expect(page.getByText('已录入 3 张 / 收回 10 张')).toBeVisible();
  await page.getByRole('tab', { name: '计票板' }).tap();
  await expect(page.getByText('共 3 张：有效 3 张，空白 0 张，无效 0 张').first()).toBeVisible();
  const votes = (n: string) => DECK.filter((b) => b.includes(n)).length;
  for (const n of ['于建华', '王秀英', '朱丽萍', '李卫东']) {
    await expect(row(page, n)).toHaveText(new RegExp(`^${spaced(n)}\\s*\\S*\\s*${votes(n)}\\s`));
  }
});

test('a camera count and a 唱票 count of the same stack are cross-checked ballot by ballot', async ({ page, browser, baseURL }) => {
  // The camera reads the stack on this phone.
  await openCount(page, { branch: '第一支部', issued: '3', returned: '3' });
  await page.getByRole('button', { name: '拍照计票' }).tap();
  for (const [i, names] of DECK.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: `第 ${i + 1} 张` })).toBeVisible();
    await expect(page.getByRole('img', { name: /读出的选票/ })).toBeVisible({ timeout: 20_000 });
    expect(await markedOnPad(page)).toEqual(names);
    await page.getByRole('button', { name: '下一张' }).tap();
    await expect(page.getByText(`已录入 ${i + 1} 张 / 收回 3 张`)).toBeVisible();
  }
  // All 收回 entered: the camera is put away with the pad.
  await expect(page.getByRole('status').filter({ hasText: '收回的 3 张已全部录入。' })).toBeVisible();
  await expect(page.getByRole('button', { name: '关闭相机' })).toHaveCount(0);
  await page.getByRole('button', { name: '返回首页' }).tap();

  // Another phone counts the same stack as it is read aloud, the second ballot misheard.
  const other = await otherPhone(browser, page, baseURL);
  await countStack(other, '第一支部', [{ names: DECK[0] }, { names: ['李卫东'] }, { names: DECK[2] }]);
  await openDesk(other, '发送结果');
  const file = await saveResult(other, '长乐居民区 · 第一支部');

  // The cross-check names exactly that ballot, with both readings.
  await openDesk(page, '双人核对');
  await expect(page.getByRole('radio', { name: /长乐居民区 · 第一支部/ })).toBeChecked();
  await importFile(page, file);
  await expect(page.getByRole('alert')).toHaveText('发现 1 处不同。请监票人取出这些选票核对，改正后再签字。');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: /^第 2 张/ })).toHaveText(/^第 2 张.*划：王秀英）.*划：李卫东/);
  await expect(page.getByText('本机 3 张，对方 3 张')).toBeVisible();
  await other.context().close();
});
