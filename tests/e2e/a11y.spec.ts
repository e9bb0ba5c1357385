// Screen readers: axe-core (WCAG 2.x A and AA rules) on every screen as a person reaches it,
// at both viewports, with no violations. A violation is printed as the rule, what it says
// and the elements it found, so a failure names what to fix.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  RECOMMENDATION, EVALUATION, closeAndCount, enter, enterPin, expectHome, leaveVoting, openCount, openDesk, openSession,
  startVoting,
} from './helpers';

// axe analyses a whole page each time (a few seconds on a busy machine): a minute a test.
test.describe.configure({ timeout: 60_000 });

async function violations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map(
    (v) => `${screen}: ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`,
  );
}

test('axe: the home screen, a tablet session from its form to the results and 公布', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expectHome(page);
  found.push(...(await violations(page, 'home')));
  await page.getByRole('button', { name: '新建场次' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '新建投票场次' })).toBeVisible();
  found.push(...(await violations(page, 'new session')));
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
  found.push(...(await violations(page, 'session page')));
  await startVoting(page);
  found.push(...(await violations(page, 'voter screen')));
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  found.push(...(await violations(page, 'review')));
  await page.getByRole('button', { name: '确认提交' }).tap();
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toBeVisible();
  found.push(...(await violations(page, 'recorded')));
  await page.getByRole('button', { name: '下一位开始投票' }).tap();
  await page.getByRole('button', { name: '工作人员' }).tap();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await violations(page, 'PIN dialog')));
  await enterPin(page);
  await expect(page.getByRole('button', { name: '结束投票' })).toBeVisible();
  await closeAndCount(page);
  found.push(...(await violations(page, 'results')));
  await page.getByRole('button', { name: '公布结果' }).tap();
  await expect(page.getByRole('dialog', { name: '公布结果' })).toBeVisible();
  found.push(...(await violations(page, '公布')));
  expect(found).toEqual([]);
});

test('axe: an evaluation form on the voter screen, its review and its results', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expectHome(page);
  await openSession(page, { template: EVALUATION, category: '党员', issued: '3' });
  await startVoting(page);
  found.push(...(await violations(page, 'evaluation voter screen')));
  await page.getByRole('radio', { name: '满意', exact: true }).first().tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  found.push(...(await violations(page, 'evaluation review')));
  await page.getByRole('button', { name: '确认提交' }).tap();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();
  await leaveVoting(page);
  await closeAndCount(page);
  found.push(...(await violations(page, 'evaluation results')));
  expect(found).toEqual([]);
});

test('axe: a paper count: the pad, its tabs and its board', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('button', { name: '新建计票' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '新建计票（纸质票）' })).toBeVisible();
  found.push(...(await violations(page, 'new count')));
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openCount(page, { returned: '2', issued: '2' });
  found.push(...(await violations(page, 'pad')));
  await enter(page, { names: ['于建华'] });
  for (const tab of ['计票板', '人数张数', /^已录入/]) {
    await page.getByRole('tab', { name: tab }).tap();
    found.push(...(await violations(page, `count tab ${tab}`)));
  }
  expect(found).toEqual([]);
});

// One test a part of the studio: each screen's analysis takes a few seconds.
test('axe: the template library, its editor, print page and share page', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('button', { name: '模板库' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '模板库' })).toBeVisible();
  found.push(...(await violations(page, 'library')));
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '编辑' }).tap();
  await expect(page.getByRole('region', { name: '投票人看到的样子' })).toBeVisible();
  found.push(...(await violations(page, 'editor')));
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('button', { name: '模板库' }).tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '打印空白票' }).tap();
  await expect(page.getByRole('region', { name: '打印预览' })).toBeVisible();
  found.push(...(await violations(page, 'print page')));
  await page.getByRole('button', { name: '返回模板库' }).first().tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '分享' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '二维码' })).toBeVisible();
  found.push(...(await violations(page, 'share page')));
  expect(found).toEqual([]);
});

test('axe: the results desk with a result on it, and the data page', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expectHome(page);
  await openCount(page, { returned: '1', issued: '1' });
  await enter(page, { names: ['于建华'] });
  await page.getByRole('button', { name: '返回首页' }).tap();
  for (const tab of ['发送结果', '汇总', '双人核对'] as const) {
    await openDesk(page, tab);
    found.push(...(await violations(page, `desk ${tab}`)));
    await page.goto('/');
    await expectHome(page);
  }
  await page.getByRole('button', { name: '本机数据与备份' }).first().tap();
  await expect(page.getByRole('heading', { level: 1, name: '本机数据与备份' })).toBeVisible();
  found.push(...(await violations(page, 'data page')));
  expect(found).toEqual([]);
});
