// Marks as the paper has them: 赞成 / 反对 / 弃权 per name, under the common scheme (○ 赞成,
// × 反对, nothing 弃权) and the inverted one (nothing 赞成, × 反对, ○ 弃权), on a tablet and on
// the counter's pad, down to the results' 反对 and 弃权 columns.
import { test, expect, type Page } from '@playwright/test';
import {
  closeAndCount, expectHome, importTemplate, leaveVoting, openCount, openSession, recommendationTemplate, row,
  startVoting, submit } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

/** A ballot of four names, at most `max` 赞成, one write-in cell, under `scheme`. */
function threeState(title: string, scheme: 'agree_oppose' | 'inverted', max: number) {
  const t = recommendationTemplate(title, ['王芳', '李强', '张伟', '刘洋'], max);
  Object.assign(t.marking, { unmarked: 'abstain', scheme });
  Object.assign(t.sections[0], { title: '委员', write_in_slots: 1 });
  return t;
}

/** The three choices of one name on the voter screen. */
function choices(page: Page, name: string) {
  return page.getByRole('radiogroup', { name });
}

async function choose(page: Page, name: string, vote: '赞成' | '反对' | '弃权') {
  await choices(page, name).getByRole('radio', { name: vote }).tap();
}

test('a tablet voter says 赞成, 反对 or 弃权 for each name; the results count each', async ({ page }) => {
  await importTemplate(page, threeState('三种意见选举票', 'agree_oppose', 2));
  await openSession(page, { template: '三种意见选举票', category: '党员' });
  await startVoting(page);
  await expect(page.getByText('请对每一位人选点选“赞成”“反对”或“弃权”（纸质票上赞成的划○，反对的划×，弃权的不划符号），赞成的最多 2 人。')).toBeVisible();
  // Nothing chosen yet is 弃权, as an unmarked box on paper.
  for (const name of ['王芳', '李强', '张伟', '刘洋']) {
    await expect(choices(page, name).getByRole('radio', { name: '弃权' })).toHaveAttribute('aria-checked', 'true');
  }
  // Every choice is a large target.
  const box = await choices(page, '王芳').getByRole('radio', { name: '反对' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(60);
  expect(box!.width).toBeGreaterThanOrEqual(60);

  await choose(page, '王芳', '赞成');
  await choose(page, '李强', '反对');
  await expect(page.getByText('已赞成 1 / 2')).toBeVisible();
  await expect(choices(page, '李强').getByRole('radio', { name: '反对' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByText('赞成 1 人（最多 2 人）')).toBeVisible();
  await expect(page.getByText('反对 1 人', { exact: true })).toBeVisible();
  await expect(page.getByText('弃权 2 人', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '确认提交' }).tap();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();

  // A second voter: two 赞成; a third is refused, 反对 never is; a write-in is 赞成.
  await choose(page, '王芳', '赞成');
  await choose(page, '张伟', '赞成');
  await choose(page, '刘洋', '赞成');
  await expect(page.getByRole('alert')).toHaveText('赞成的最多 2 人。如要改选，请先把一位改为“反对”或“弃权”。');
  await expect(choices(page, '刘洋').getByRole('radio', { name: '弃权' })).toHaveAttribute('aria-checked', 'true');
  await choose(page, '张伟', '反对');
  await choose(page, '刘洋', '反对');
  const cell = page.getByLabel('另选他人 1');
  await cell.fill('赵六');
  await cell.press('Tab');
  await expect(page.getByText('已赞成 2 / 2')).toBeVisible();
  await submit(page);

  await leaveVoting(page);
  await closeAndCount(page);
  // 得票 (赞成), 反对, 弃权 for each listed name; a write-in has only its votes.
  await expect(row(page, '王芳')).toHaveText(/^王芳\s*2\s*0\s*0\s/);
  await expect(row(page, '李强')).toHaveText(/^李强\s*0\s*1\s*1\s/);
  await expect(row(page, '张伟')).toHaveText(/^张伟\s*0\s*1\s*1\s/);
  await expect(row(page, '刘洋')).toHaveText(/^刘洋\s*0\s*1\s*1\s/);
  await expect(row(page, '赵六')).toHaveText(/^赵六（另选）\s*1\s*\s/);
});

test('paper under the inverted scheme: the counter taps what the paper shows, the app reads it the other way round', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on a phone');
  await importTemplate(page, threeState('反向划法选举票', 'inverted', 4));
  await openCount(page, { template: '反向划法选举票' });
  const mark = (name: string, m: '○' | '×') => page.getByRole('checkbox', { name: `${name} 划${m}` });
  const next = () => page.getByRole('button', { name: '下一张' }).tap();
  const verdict = page.getByRole('status');

  // 1: nothing on the paper: 赞成 for all four. The bar's button says what it enters.
  await page.getByRole('button', { name: '未划符号' }).tap();
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  // 2: × on 李强 (反对), ○ on 张伟 (弃权).
  await mark('李强', '×').tap();
  await mark('张伟', '○').tap();
  await expect(verdict.filter({ hasText: '有效票' })).toBeVisible();
  await expect(page.getByText('本张赞成 2 人、反对 1 人（赞成最多 4 人）')).toBeVisible();
  await next();
  // 3: ○ and × in 王芳's box: that box cannot be read, the rest stands.
  await mark('王芳', '○').tap();
  await mark('王芳', '×').tap();
  await expect(verdict.filter({ hasText: '“王芳”既有○又有×，无法辨认，这一栏不计' })).toBeVisible();
  await next();
  // 4: ○ on every name: 弃权 on all, the blank ballot of this scheme.
  for (const name of ['王芳', '李强', '张伟', '刘洋']) await mark(name, '○').tap();
  await expect(verdict.filter({ hasText: '空白票' })).toBeVisible();
  await next();
  await expect(page.getByText('已录入 4 张')).toBeVisible();

  // The list says what each paper counted for, as the scheme reads it.
  await page.getByRole('tab', { name: /^已录入/ }).tap();
  const entered = (n: number) => page.getByRole('listitem').filter({ hasText: `第 ${n} 张` });
  await expect(entered(1)).toContainText('有效票：王芳、李强、张伟、刘洋');
  await expect(entered(2)).toContainText('有效票：王芳、刘洋；反对 李强');
  await expect(entered(4)).toContainText('空白票');

  await page.getByRole('tab', { name: '计票板' }).tap();
  // 得票 (赞成), 反对, 弃权, 无法辨认, after the 正 strokes.
  await expect(row(page, '王芳')).toHaveText(/^王芳\s*丅\s*2\s*0\s*1\s*1\s/);
  await expect(row(page, '李强')).toHaveText(/^李强\s*丅\s*2\s*1\s*1\s*0\s/);
  await expect(row(page, '张伟')).toHaveText(/^张伟\s*丅\s*2\s*0\s*2\s*0\s/);
  await expect(row(page, '刘洋')).toHaveText(/^刘洋\s*下\s*3\s*0\s*1\s*0\s/);
});

test('another person only in place of one voted against, and marked: the tablet asks for it, the pad says what is not counted', async ({ page }, info) => {
  const t = threeState('另选须反对选举票', 'agree_oppose', 2);
  Object.assign(t.sections[0], { write_in_needs_mark: true, write_in_after_oppose: true, bad_write_in: 'void_entry' });
  await importTemplate(page, t);
  if (info.project.name === 'phone') {
    await openCount(page, { template: '另选须反对选举票' });
    // 王芳 ×, 赵六 written in with nothing in its box: not counted, and said.
    await page.getByRole('checkbox', { name: '王芳 划×' }).tap();
    await page.getByLabel('另选他人 1', { exact: true }).fill('赵六');
    const verdict = page.getByRole('status').filter({ hasText: '有效票' });
    await expect(verdict).toContainText('另选“赵六”下方没有划○，这一栏不计');
    // The ○ in its box: it counts, in place of 王芳.
    await page.getByRole('checkbox', { name: '另选他人 1 划○' }).tap();
    await expect(verdict).not.toContainText('这一栏不计');
    await expect(page.getByText('本张赞成 1 人、反对 1 人（赞成最多 2 人）')).toBeVisible();
    return;
  }
  await openSession(page, { template: '另选须反对选举票', category: '党员' });
  await startVoting(page);
  const cell = page.getByLabel('另选他人 1');
  await cell.fill('赵六');
  await cell.press('Tab');
  await expect(cell).toHaveAccessibleDescription('这一栏不计入：另选他人须先对名单上的一位人选选择“反对”：另选的人数不能多于反对的人数。');
  // Voting against 李强 lets the name written in count in his place.
  await choose(page, '李强', '反对');
  await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('已赞成 1 / 2')).toBeVisible();
  // That 反对 now holds the write-in.
  await choose(page, '李强', '弃权');
  await expect(page.getByRole('alert')).toHaveText('您另选了他人，需要保留同样多的“反对”：如要改变，请先删去一位另选的人。');
  await expect(choices(page, '李强').getByRole('radio', { name: '反对' })).toHaveAttribute('aria-checked', 'true');
});
