// The voter's screen, driven as people use it: open a session, fill and submit ballots,
// read the count. Runs at a tablet and a phone viewport (playwright.config.ts).
import { test, expect } from '@playwright/test';
import {
  EVALUATION, RECOMMENDATION, PIN, card, closeAndCount, evalRow, fillDisk, leaveVoting, openSession, row, spaced,
  startVoting, submit, expectHome } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

test('a new session is checked field by field, then listed on the home screen', async ({ page }) => {
  await expect(page.getByText('本机还没有投票场次')).toBeVisible();
  await page.getByRole('button', { name: '新建场次' }).tap();
  // Both samples are offered, each with its check code.
  for (const title of [EVALUATION, RECOMMENDATION]) {
    await expect(page.getByRole('radio', { name: new RegExp(`^${title}.*模板校验码 [0-9A-Z]{4}-[0-9A-Z]{4}`) })).toBeVisible();
  }
  await page.getByRole('radio', { name: new RegExp(`^${RECOMMENDATION}`) }).check();
  await page.getByLabel('发出张数（不知道可先不填）').fill('三十');
  await page.getByLabel('工作人员密码（6–12 位数字）').fill('12');
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByText('请填写居民区名称（S01）')).toBeVisible();
  await expect(page.getByText('请填写 0 到 100000 之间的整数，或留空（S05）')).toBeVisible();
  await expect(page.getByText('密码须为 6–12 位数字（S06）')).toBeVisible();
  // The form is not a login: no password field for the browser to offer to save (with the
  // 居民区 as a user name), the PIN shown as dots all the same.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  for (const label of ['工作人员密码（6–12 位数字）', '再输入一遍密码']) {
    const field = page.getByLabel(label);
    await expect(field).toHaveAttribute('autocomplete', 'off');
    expect(await field.evaluate((e) => getComputedStyle(e).getPropertyValue('-webkit-text-security'))).toBe('disc');
  }
  await expect(page.getByLabel('居民区', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // The first problem gets the focus, so it is not missed above the fold.
  await expect(page.getByLabel('居民区', { exact: true })).toBeFocused();

  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  await page.getByLabel('发出张数（不知道可先不填）').fill('30');
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(PIN);
  await page.getByLabel('再输入一遍密码').fill('2469');
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByText('两次输入的密码不一样（S07）')).toBeVisible();
  await expect(page.getByText('（S01）')).toHaveCount(0);
  await page.getByLabel('再输入一遍密码').fill(PIN);
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: RECOMMENDATION })).toBeVisible();
  await expect(page.getByText('长乐居民区 · 身份由投票人自选')).toBeVisible();

  await page.getByRole('button', { name: '返回首页' }).tap();
  const c = card(page, new RegExp(`${RECOMMENDATION}.*长乐居民区`));
  await expect(c).toContainText('进行中');
  await expect(c).toContainText('已投 0 张 / 发出 30 张');
});

test('an evaluation form: each subject rated, unrated ones named before confirming', async ({ page }) => {
  await openSession(page, { template: EVALUATION, category: '身份由投票人自选' });
  await startVoting(page);
  await expect(page.getByRole('heading', { name: '请先选择您的身份' })).toBeVisible();
  await page.getByRole('button', { name: '党员' }).tap();
  await expect(page.getByText('身份：党员')).toBeVisible();

  const rate = (item: string, level: string) =>
    page.getByRole('radiogroup', { name: item }).getByRole('radio', { name: level, exact: true });
  await rate('班子整体 · 政治素质', '满意').tap();
  await rate('班子整体 · 服务群众', '基本满意').tap();
  await rate('王秀英 书记', '满意').tap();
  await rate('朱建国 副书记', '不满意').tap();
  // Changing one's mind: another level replaces the first.
  await rate('朱建国 副书记', '满意').tap();
  await expect(rate('朱建国 副书记', '满意')).toHaveAttribute('aria-checked', 'true');
  await expect(rate('朱建国 副书记', '不满意')).toHaveAttribute('aria-checked', 'false');

  // The review names what is left unrated; the voter may go back.
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const review = page.getByRole('region', { name: '请核对您的选择' });
  await expect(review).toContainText(
    /以下 4 项没有选择等次，将按弃权计：班子整体 · 工作实绩、李\s+敏、陈志强、徐丽华。/,
  );
  await expect(review.getByRole('definition').first()).toHaveText('满意');
  await review.getByRole('button', { name: '返回修改' }).tap();
  await rate('陈志强 委员', '不满意').tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(review).toContainText('以下 3 项没有选择等次');
  await review.getByRole('button', { name: '确认提交' }).tap();
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toBeVisible();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();
  // The next voter starts from nothing.
  await expect(page.getByRole('heading', { name: '请先选择您的身份' })).toBeVisible();
  await page.getByRole('button', { name: '党员' }).tap();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);

  await leaveVoting(page);
  await expect(page.getByText('已投 1 张')).toBeVisible();
  await closeAndCount(page);
  await expect(page.getByText('共 1 张：有效 1 张，空白 0 张，无效 0 张')).toBeVisible();
  // Columns: 满意, 基本满意, 不满意, 未评, 多选无效, 基数.
  await expect(row(page, '班子整体 · 政治素质')).toHaveText(evalRow('班子整体 · 政治素质', [1, 0, 0], [0, 0, 1]));
  await expect(row(page, '班子整体 · 服务群众')).toHaveText(evalRow('班子整体 · 服务群众', [0, 1, 0], [0, 0, 1]));
  await expect(row(page, '朱建国（副书记）')).toHaveText(evalRow('朱建国（副书记）', [1, 0, 0], [0, 0, 1]));
  await expect(row(page, '李 敏（委员）')).toHaveText(evalRow('李 敏（委员）', [0, 0, 0], [1, 0, 1]));
  await expect(row(page, '陈志强（委员）')).toHaveText(evalRow('陈志强（委员）', [0, 0, 1], [0, 0, 1]));

  // Only 党员 voted: one view, no category to choose.
  await expect(page.getByRole('radio')).toHaveCount(0);
});

test('a recommendation ballot cannot be over-marked and takes write-ins', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '群众代表' });
  await startVoting(page);
  await expect(page.getByText('身份：群众代表')).toBeVisible();
  await expect(page.getByText('已选 0 / 5')).toBeVisible();

  for (const name of ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强']) {
    await page.getByRole('checkbox', { name }).tap();
  }
  await expect(page.getByText('已选 5 / 5')).toBeVisible();
  await page.getByRole('checkbox', { name: '周 敏' }).tap();
  await expect(page.getByRole('alert')).toHaveText('最多推荐 5 人。如要改选，请先取消一人。');
  await expect(page.getByRole('checkbox', { name: '周 敏' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('已选 5 / 5')).toBeVisible();

  // Unmark one, write in someone not listed.
  await page.getByRole('checkbox', { name: '陈国强' }).tap();
  await page.getByLabel('另选他人 1').fill('赵  六');
  await page.getByLabel('另选他人 1').press('Tab');
  await expect(page.getByText('已选 5 / 5')).toBeVisible();
  // A listed name written in is not counted: the cell keeps what was typed, and the
  // reason is beside it (its description), not at the top of the section.
  const second = page.getByLabel('另选他人 2');
  await second.fill('徐红梅');
  await second.press('Tab');
  await expect(second).toHaveValue('徐红梅');
  await expect(second).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toHaveAccessibleDescription('这一栏不计入：“徐红梅”已在名单中，请直接在名单里选择。');
  await expect(page.getByRole('alert')).toHaveCount(1);
  // Said again on the review, before the voter confirms.
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('region', { name: '请核对您的选择' }).getByRole('alert'))
    .toHaveText('另选他人栏里写的“徐红梅”不计入这张票（原因见该栏下方）。如要改，请点「返回修改」。');
  await page.getByRole('button', { name: '返回修改' }).tap();
  await expect(second).toHaveValue('徐红梅');
  // Past the limit too: kept, and taken as soon as a name is unmarked.
  await second.fill('孙七');
  await second.press('Tab');
  await expect(second).toHaveAccessibleDescription('这一栏不计入：最多推荐 5 人。如要改选，请先取消一人。');
  await expect(page.getByText('已选 5 / 5')).toBeVisible();
  await page.getByRole('checkbox', { name: '李卫东' }).tap();
  await expect(second).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('已选 5 / 5')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const review = page.getByRole('region', { name: '请核对您的选择' });
  await expect(review).toContainText('推荐 5 人（最多 5 人）');
  await expect(review.getByRole('listitem')).toHaveText(['于建华', '王秀英', '朱丽萍', '孙七（另选他人）', '赵六（另选他人）']);
  await review.getByRole('button', { name: '确认提交' }).tap();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();

  await leaveVoting(page);
  await closeAndCount(page);
  await expect(page.getByText('共 1 张：有效 1 张，空白 0 张，无效 0 张')).toBeVisible();
  for (const [name, votes] of [
    ['于建华', 1], ['王秀英', 1], ['朱丽萍', 1], ['李卫东', 0], ['陈国强', 0], ['周 敏', 0], ['徐红梅', 0], ['赵六', 1], ['孙七', 1],
  ] as const) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${spaced(name)}(（另选）)?\\s*${votes}\\s`));
  }
  // Write-ins are rows of the same table: their counts stand in the same column.
  const listed = await row(page, '于建华').getByRole('cell').first().boundingBox();
  const written = await row(page, '赵六').getByRole('cell').first().boundingBox();
  expect(listed && written && Math.abs(listed.x + listed.width - (written.x + written.width))).toBeLessThan(2);
});

test('a blank ballot needs an explicit confirmation and is counted as blank', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const review = page.getByRole('region', { name: '请核对您的选择' });
  await expect(review).toContainText('这是一张空白票');
  await expect(review.getByRole('button', { name: '确认提交', exact: true })).toHaveCount(0);
  await review.getByRole('button', { name: '返回修改' }).tap();
  await expect(review).toBeHidden();
  await submit(page, '确认提交空白票');

  await leaveVoting(page);
  await closeAndCount(page);
  await expect(page.getByText('共 1 张：有效 0 张，空白 1 张，无效 0 张')).toBeVisible();
});

test('a ballot the device cannot store is reported as NOT recorded, the organiser is told, nothing earlier is lost', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '徐红梅' }).tap();
  await submit(page);
  // From now on the device is full: every ballot write fails as a full quota does.
  await fillDisk(page, 'ballots');
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await page.getByRole('button', { name: '确认提交' }).tap();
  const alert = page.getByRole('alertdialog', { name: '没有保存成功！' });
  await expect(alert).toContainText('这张票没有记录下来');
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toHaveCount(0);
  await alert.getByRole('button', { name: '返回修改' }).tap();
  // The marks are still there to try again.
  await expect(page.getByRole('checkbox', { name: '王秀英' })).toHaveAttribute('aria-checked', 'true');

  await leaveVoting(page);
  await expect(page.getByRole('alert')).toContainText('本场次有 1 张票没有保存成功');
  await expect(page.getByText('已投 1 张')).toBeVisible();
  await closeAndCount(page);
  await expect(row(page, '徐红梅')).toHaveText(/^徐红梅\s*1\s/);
  await expect(row(page, '王秀英')).toHaveText(/^王秀英\s*0\s/);
});

test('voter screen: large type and large touch targets', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  const targets = [
    page.getByRole('checkbox', { name: '于建华' }),
    page.getByRole('button', { name: '提交', exact: true }),
    page.getByLabel('另选他人 1'),
    page.getByRole('button', { name: '工作人员' }),
  ];
  for (const t of targets) {
    const box = await t.boundingBox();
    expect(box, 'target is on screen').not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    expect(box!.width).toBeGreaterThanOrEqual(60);
  }
  const fontSize = await page
    .getByRole('checkbox', { name: '于建华' })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(24); // 18 pt
  // On the review, too.
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  for (const name of ['确认提交', '返回修改']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(60);
  }
});
