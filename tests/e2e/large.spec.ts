// 长辈版 (large text, 适老化): one switch on the home screen and the voter screen, remembered
// on the device. Measured as the browser draws it: every text at least 24 px, headings
// larger, every button at least 60 × 60 px, lines at least 1.3 apart, and nothing wider than
// the screen, on the home screen, the session page, the voter screen, its review and the
// counting pad; off again, the usual sizes.
import { test, expect, type Page } from '@playwright/test';
import { RECOMMENDATION, expectHome, openCount, openSession, startVoting } from './helpers';

/** What breaks the large-text rules on the page as drawn, as readable lines. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (e: Element) => e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
    for (const e of document.querySelectorAll('body *')) {
      if (!shown(e) || e.closest('[aria-hidden="true"]') || ['STYLE', 'SCRIPT'].includes(e.tagName)) continue;
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

  // A voter turns it off on the voter screen: the usual sizes again.
  await page.getByRole('switch', { name: '长辈版（大字）' }).tap();
  await expect(page.getByRole('switch', { name: '长辈版（大字）' })).toHaveAttribute('aria-checked', 'false');
  const root = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(root).toBe('20px');
});
