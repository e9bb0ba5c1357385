// 拍照计票 from a photo chosen as a file, on a phone whose camera cannot be opened: a ballot
// with a mark the form does not use (√ where it asks for ○) and a name written in a
// 另选他人 cell (core/examples/omr_video.rs writes the photo). Nothing is entered until the
// counter has decided both, each shown with its part of the photo; the decisions are in the
// count's log.
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { enter, expectHome, markedOnPad, openCount, row } from './helpers';
import { CAMERA_DIR } from './global-setup';


test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});


test('a photo with a mark the form does not use and a written name: nothing is entered until the counter decides both', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on a phone');
  await openCount(page, { returned: '10' });
  // One ballot entered as it is read aloud, with a name written in.
  await enter(page, { names: [], writeIns: ['赵六'] });
  // No camera here: the phone says so, and a photo can be chosen instead.
  await page.getByRole('button', { name: '拍照计票' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '无法打开相机' })).toBeVisible({ timeout: 20_000 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择选票照片' }).tap();
  await (await chooser).setFiles(resolve(CAMERA_DIR, 'ballot-to-decide.bmp'));
  await expect(page.getByRole('heading', { name: '待计票人确认（2 处）' })).toBeVisible({ timeout: 20_000 });
  // The ○ is on the pad; the √ is not, until the counter says what it is.
  expect(await markedOnPad(page)).toEqual(['于建华']);
  await expect(page.getByText('王秀英：读到「√」，不是本表规定的符号（○）')).toBeVisible();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByRole('alert')).toHaveText('还有 2 处拍照读票没有确认：请看图逐一确认后再录入。（C17）');
  await expect(page.getByText('已录入 1 张 / 收回 10 张')).toBeVisible();

  // Each with its part of the photo, enlarged.
  await expect(page.getByRole('img', { name: '王秀英：选票照片局部（放大）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '另选他人第 1 格：选票照片局部（放大）' })).toBeVisible();
  await page.getByRole('button', { name: '王秀英：有「○」' }).tap();
  await expect(page.getByRole('heading', { name: '待计票人确认（1 处）' })).toBeVisible();
  // The name written earlier in the count is offered: one tap, spelt the same way.
  await page.getByRole('button', { name: '另选他人第 1 格填入「赵六」' }).tap();
  await expect(page.getByLabel(/另选他人第 1 格写了字/)).toHaveValue('赵六');
  await page.getByRole('button', { name: '姓名已照图输入' }).tap();
  await expect(page.getByRole('heading', { name: /待计票人确认/ })).toHaveCount(0);
  expect(await markedOnPad(page)).toEqual(['于建华', '王秀英']);
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 2 张 / 收回 10 张')).toBeVisible();

  // The counter's decisions are in the count's log.
  await page.getByRole('tab', { name: /已录入/ }).tap();
  await expect(page.getByRole('region', { name: '修改记录' }).getByRole('listitem'))
    .toHaveText([/拍照录入一张：2 处由计票人判定，判定后与读出不同$/]);
  await page.getByRole('tab', { name: '计票板' }).tap();
  await expect(row(page, '赵六')).toHaveText(/^赵六（另选）\s*\S*\s*2\s/);
});
