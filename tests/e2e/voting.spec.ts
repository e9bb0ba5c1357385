// The first screens, driven as people use them: pick a template, fill and submit a ballot,
// see the count. Runs at a tablet and a phone viewport (playwright.config.ts).
import { test, expect, type Page, type Locator } from '@playwright/test';

const EVALUATION = '居民区党总支班子及成员民主测评表';
const RECOMMENDATION = '居民区党组织委员候选人初步人选推荐票';

function card(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title });
}

async function openForm(page: Page, title: string) {
  await card(page, title).getByRole('button', { name: '开始填写' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function openResults(page: Page, title: string) {
  await card(page, title).getByRole('button', { name: '查看结果' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '计票结果' })).toBeVisible();
}

async function submitAndNext(page: Page) {
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '已提交，谢谢！' })).toBeVisible();
  await page.getByRole('button', { name: '下一位' }).tap();
}

/** The vote count shown for a name (or subject) in a results table row. */
function row(page: Page, name: string): Locator {
  return page.getByRole('row', { name: new RegExp(`^${spaced(name)}`) });
}

/** A name as a pattern: printed names may be padded (「周  敏」). */
function spaced(name: string): string {
  return name.replace(/ /g, '\\s+');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '测评推荐助手' })).toBeVisible();
});

test('the home screen lists both sample templates with their check codes', async ({ page }) => {
  for (const title of [EVALUATION, RECOMMENDATION]) {
    const c = card(page, title);
    await expect(c).toBeVisible();
    await expect(c).toContainText('××街道党工委');
    await expect(c).toContainText(/模板校验码 [0-9A-Z]{4}-[0-9A-Z]{4}/);
    await expect(c).toContainText('已收 0 张');
  }
  await expect(card(page, EVALUATION)).toContainText('民主测评');
  await expect(card(page, RECOMMENDATION)).toContainText('推荐');
});

test('an evaluation form is filled, submitted, and counted per category', async ({ page }) => {
  await openForm(page, EVALUATION);
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

  // Items left unrated are named before the ballot goes in; the voter may go back.
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const question = page.getByRole('dialog', { name: '还有未评的项目' });
  await expect(question).toContainText(
    /以下 4 项没有选择等次，将按弃权计：班子整体 · 工作实绩、李\s+敏、陈志强、徐丽华。/,
  );
  await question.getByRole('button', { name: '返回继续填写' }).tap();
  await rate('陈志强 委员', '不满意').tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(question).toContainText('以下 3 项没有选择等次');
  await question.getByRole('button', { name: '确定提交' }).tap();
  await expect(page.getByRole('heading', { name: '已提交，谢谢！' })).toBeVisible();
  await page.getByRole('button', { name: '下一位' }).tap();
  // The next voter starts from nothing.
  await expect(page.getByRole('heading', { name: '请先选择您的身份' })).toBeVisible();
  await page.getByRole('button', { name: '党员' }).tap();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);

  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(card(page, EVALUATION)).toContainText('已收 1 张');
  await openResults(page, EVALUATION);
  await expect(page.getByText('共 1 张：有效 1 张，空白 0 张，无效 0 张')).toBeVisible();
  // Columns: 满意, 基本满意, 不满意, 未评, 多选作废, 废票.
  await expect(row(page, '班子整体 · 政治素质')).toHaveText(/班子整体 · 政治素质\s*1\s*0\s*0\s*0\s*0\s*0/);
  await expect(row(page, '班子整体 · 服务群众')).toHaveText(/服务群众\s*0\s*1\s*0\s*0\s*0\s*0/);
  await expect(row(page, '朱建国（副书记）')).toHaveText(/朱建国（副书记）\s*1\s*0\s*0\s*0\s*0\s*0/);
  await expect(row(page, '李 敏（委员）')).toHaveText(/委员）\s*0\s*0\s*0\s*1\s*0\s*0/);
  await expect(row(page, '陈志强（委员）')).toHaveText(/委员）\s*0\s*0\s*1\s*0\s*0\s*0/);

  await page.getByRole('tab', { name: '群众代表' }).tap();
  await expect(page.getByText('共 0 张：有效 0 张，空白 0 张，无效 0 张')).toBeVisible();
  await page.getByRole('tab', { name: '党员' }).tap();
  await expect(page.getByText('共 1 张：有效 1 张，空白 0 张，无效 0 张')).toBeVisible();
});

test('a recommendation ballot cannot be over-marked and takes write-ins', async ({ page }) => {
  await openForm(page, RECOMMENDATION);
  await page.getByRole('button', { name: '群众代表' }).tap();
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
  // A listed name written in is refused and its cell cleared.
  await page.getByLabel('另选他人 2').fill('徐红梅');
  await page.getByLabel('另选他人 2').press('Tab');
  await expect(page.getByRole('alert')).toHaveText('“徐红梅”已在名单中，请直接在名单里选择。');
  await expect(page.getByLabel('另选他人 2')).toHaveValue('');

  await submitAndNext(page);
  await page.getByRole('button', { name: '返回首页' }).tap();
  await openResults(page, RECOMMENDATION);
  await expect(page.getByText('共 1 张：有效 1 张，空白 0 张，无效 0 张')).toBeVisible();
  for (const [name, votes] of [
    ['于建华', 1], ['王秀英', 1], ['朱丽萍', 1], ['李卫东', 1], ['陈国强', 0], ['周 敏', 0], ['徐红梅', 0], ['赵六', 1],
  ] as const) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${spaced(name)}\\s*${votes}$`));
  }
  // Write-ins are rows of the same table: their counts stand in the same column.
  const listed = await row(page, '于建华').getByRole('cell').boundingBox();
  const written = await row(page, '赵六').getByRole('cell').boundingBox();
  expect(listed && written && Math.abs(listed.x + listed.width - (written.x + written.width))).toBeLessThan(2);
});

test('a blank ballot needs a confirmation and is counted as blank', async ({ page }) => {
  await openForm(page, RECOMMENDATION);
  await page.getByRole('button', { name: '党员' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const dialog = page.getByRole('dialog', { name: '这是一张空白票' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '返回继续填写' }).tap();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await page.getByRole('button', { name: '确定提交空白票' }).tap();
  await expect(page.getByRole('heading', { name: '已提交，谢谢！' })).toBeVisible();

  await page.getByRole('button', { name: '返回首页' }).tap();
  await openResults(page, RECOMMENDATION);
  await expect(page.getByText('共 1 张：有效 0 张，空白 1 张，无效 0 张')).toBeVisible();
});

test('recorded ballots survive a reload', async ({ page }) => {
  await openForm(page, RECOMMENDATION);
  await page.getByRole('button', { name: '党员' }).tap();
  await page.getByRole('checkbox', { name: '徐红梅' }).tap();
  await submitAndNext(page);
  await page.getByRole('button', { name: '党员' }).tap();
  await page.getByRole('checkbox', { name: '徐红梅' }).tap();
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await submitAndNext(page);

  await page.reload();
  await expect(card(page, RECOMMENDATION)).toContainText('已收 2 张');
  await openResults(page, RECOMMENDATION);
  await expect(row(page, '徐红梅')).toHaveText(/^徐红梅\s*2$/);
  await expect(row(page, '于建华')).toHaveText(/^于建华\s*1$/);
});

test('a ballot the device cannot store is reported as NOT recorded', async ({ page }) => {
  // Simulate a full or disabled store: every write throws, as a full quota does.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await page.reload();
  await openForm(page, RECOMMENDATION);
  await page.getByRole('button', { name: '党员' }).tap();
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const alert = page.getByRole('alertdialog', { name: '没有保存成功！' });
  await expect(alert).toContainText('这张票没有记录下来');
  await expect(page.getByRole('heading', { name: '已提交，谢谢！' })).toHaveCount(0);
  await alert.getByRole('button', { name: '知道了' }).tap();
  // The marks are still there to try again.
  await expect(page.getByRole('checkbox', { name: '王秀英' })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(card(page, RECOMMENDATION)).toContainText('已收 0 张');
});

test('voter screen: large type and large touch targets', async ({ page }) => {
  await openForm(page, RECOMMENDATION);
  await page.getByRole('button', { name: '党员' }).tap();
  const targets = [
    page.getByRole('checkbox', { name: '于建华' }),
    page.getByRole('button', { name: '提交', exact: true }),
    page.getByLabel('另选他人 1'),
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
});
