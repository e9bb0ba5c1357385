// 长辈版 (large text, 适老化): one switch on the home screen and the voter screen, remembered
// on the device. Measured as the browser draws it: every text at least 24 px, headings
// larger, every button at least 60 × 60 px, lines at least 1.3 apart, and nothing wider than
// the screen, on the home screen, the session page, the voter screen, its review and the
// counting pad; off again, the usual sizes.
import { test, expect, type Page } from '@playwright/test';
import {
  RECOMMENDATION, closeAndCount, enter, expectHome, leaveVoting, openCount, openDesk, openSession, startVoting, voteFor,
} from './helpers';

/** What breaks the large-text rules on the page as drawn, as readable lines. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (e: Element) => e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
    for (const e of document.querySelectorAll('body *')) {
      if (!shown(e) || e.closest('[aria-hidden="true"]') || ['STYLE', 'SCRIPT'].includes(e.tagName)) continue;
      // The print preview is the A4 sheet at its printed size, not the screen's text.
      if (e.closest('.paper-print')) continue;
      const style = getComputedStyle(e);
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const size = parseFloat(style.fontSize);
      const what = `${e.tagName.toLowerCase()} 「${(e.textContent ?? '').trim().slice(0, 12)}」`;
      if (own && size < 24) out.push(`${what}: ${size} px`);
      if (own && /^H[1-3]$/.test(e.tagName) && size <= 24) out.push(`${what}: heading ${size} px`);
      const line = parseFloat(style.lineHeight);
      if (own && !Number.isNaN(line) && line < 1.3 * size && !/^H[1-3]$/.test(e.tagName) && e.tagName !== 'BUTTON') {
        out.push(`${what}: line height ${line} px`);
      }
      if (e.tagName === 'BUTTON' || e.getAttribute('role') === 'checkbox') {
        const r = e.getBoundingClientRect();
        if (r.width < 60 || r.height < 60) out.push(`${what}: target ${Math.round(r.width)} × ${Math.round(r.height)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
      out.push(`page ${document.documentElement.scrollWidth} px wide in ${window.innerWidth}`);
    }
    return out;
  });
}

test('长辈版: one switch, every text at least 24 px and every target at least 60 px on the voter screens and the pad, remembered', async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
  const large = page.getByRole('switch', { name: '长辈版（大字）' });
  await expect(large).toHaveAttribute('aria-checked', 'false');
  await large.tap();
  await expect(large).toHaveAttribute('aria-checked', 'true');
  expect(await problems(page)).toEqual([]);
  // Remembered on the device.
  await page.reload();
  await expectHome(page);
  await expect(page.getByRole('switch', { name: '长辈版（大字）' })).toHaveAttribute('aria-checked', 'true');

  // The counting pad.
  await openCount(page, { returned: '5' });
  expect(await problems(page)).toEqual([]);
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expectHome(page);

  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
  expect(await problems(page)).toEqual([]);
  await startVoting(page);
  // The voter screen has the switch too, and says it is on.
  await expect(page.getByRole('switch', { name: '长辈版（大字）' })).toHaveAttribute('aria-checked', 'true');
  expect(await problems(page)).toEqual([]);
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  expect(await problems(page)).toEqual([]);
  await page.getByRole('button', { name: '返回修改' }).tap();

  // A dialog: its text large, and a close button (取消) in words, at full size, that closes it.
  await page.getByRole('button', { name: '工作人员' }).tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await problems(page)).toEqual([]);
  await dialog.getByRole('button', { name: '取消' }).tap();
  await expect(dialog).toBeHidden();

  // A voter turns it off on the voter screen: the usual sizes again.
  await page.getByRole('switch', { name: '长辈版（大字）' }).tap();
  await expect(page.getByRole('switch', { name: '长辈版（大字）' })).toHaveAttribute('aria-checked', 'false');
  const root = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(root).toBe('20px');
});

test('长辈版 on the results, 公布, the template library, editor and print page, the desk and the data page', async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('switch', { name: '长辈版（大字）' }).tap();
  const found: string[] = [];
  const check = async (screen: string) => found.push(...(await problems(page)).map((p) => `${screen}: ${p}`));

  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
  await startVoting(page);
  await voteFor(page, ['于建华', '王秀英']);
  await leaveVoting(page);
  await closeAndCount(page);
  await check('results');
  await page.getByRole('button', { name: '公布结果' }).tap();
  await expect(page.getByRole('dialog', { name: '公布结果' })).toBeVisible();
  await check('公布');
  await page.getByRole('button', { name: '关闭公布' }).tap();

  await page.goto('/');
  await expectHome(page);
  await openCount(page, { returned: '1', issued: '1' });
  await enter(page, { names: ['于建华'] });
  await page.getByRole('tab', { name: '计票板' }).tap();
  await check('board');
  await page.getByRole('button', { name: '返回首页' }).tap();

  await page.getByRole('button', { name: '模板库' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '模板库' })).toBeVisible();
  await check('library');
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '编辑' }).tap();
  await expect(page.getByRole('region', { name: '投票人看到的样子' })).toBeVisible();
  await check('editor');
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('button', { name: '模板库' }).tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '打印空白票' }).tap();
  await expect(page.getByRole('region', { name: '打印预览' })).toBeVisible();
  await check('print page');
  await page.goto('/');
  await expectHome(page);
  for (const tab of ['发送结果', '汇总', '双人核对'] as const) {
    await openDesk(page, tab);
    await check(`desk ${tab}`);
    await page.goto('/');
    await expectHome(page);
  }
  await page.getByRole('button', { name: '本机数据与备份' }).first().tap();
  await expect(page.getByRole('heading', { level: 1, name: '本机数据与备份' })).toBeVisible();
  await check('data page');
  expect(found).toEqual([]);
});

/** How much wider than the screen the page is drawn (0: it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// Browser zoom at 200% halves the screen's width in CSS pixels: the 820 px tablet is 410 px
// wide. 320 px is the width WCAG's reflow rule asks text to fit without sideways scrolling.
for (const width of [410, 320]) {
  test.describe(`at ${width} px wide (200% zoom)`, () => {
    test.use({ viewport: { width, height: 640 } });
    test(`长辈版 at ${width} px: nothing wider than the screen on the voter screens, the pad and the results`, async ({ page }, info) => {
      // The width is set here, so one project runs it.
      test.skip(info.project.name !== 'tablet', 'run once, by the tablet project');
      await page.goto('/');
      await expectHome(page);
      await page.getByRole('switch', { name: '长辈版（大字）' }).tap();
      const wide: string[] = [];
      const check = async (screen: string) => {
        const px = await overflow(page);
        if (px > 0) wide.push(`${screen}: ${px} px too wide`);
      };
      await check('home');
      await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
      await check('session page');
      await startVoting(page);
      await check('voter screen');
      await page.getByRole('checkbox', { name: '于建华' }).tap();
      await page.getByRole('button', { name: '提交', exact: true }).tap();
      await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
      await check('review');
      await page.getByRole('button', { name: '确认提交' }).tap();
      await page.getByRole('button', { name: '下一位开始投票' }).tap();
      await leaveVoting(page);
      await closeAndCount(page);
      await check('results');
      await page.goto('/');
      await expectHome(page);
      await openCount(page, { returned: '1', issued: '1' });
      await check('pad');
      expect(wide).toEqual([]);
    });
  });
}
