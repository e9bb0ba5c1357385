// English (issue 24): a device whose browser is not Chinese opens in English; a full tablet
// session and a paper count in English, the results module and the template library
// included; the choice is the device's and survives a reload. The ballot's own words (its
// title, names, categories) are the template's and stay Chinese.
import { test, expect, type Page } from '@playwright/test';
import { PIN, RECOMMENDATION } from './helpers';

test.use({ locale: 'en-US' });

const HOME = 'Evaluation & Recommendation Helper';

async function expectEnglishHome(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: HOME })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ New session' })).toBeVisible();
}

/** The staff PIN dialog, answered. */
async function pin(page: Page, confirm = 'OK') {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Staff PIN').fill(PIN);
  await dialog.getByRole('button', { name: confirm, exact: true }).tap();
}

test('English: a browser in English opens in English, with no Chinese on the home screen but the switch back', async ({ page }) => {
  await page.goto('/');
  await expectEnglishHome(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const text = await page.locator('body').innerText();
  expect(text.replace('中文', '')).not.toMatch(/[\u4e00-\u9fff]/);
  // Back to Chinese: remembered on the device, over the browser's language.
  await page.getByRole('button', { name: '中文' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '测评推荐助手' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '测评推荐助手' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).tap();
  await expectEnglishHome(page);
  await page.reload();
  await expectEnglishHome(page);
});

test('English: a tablet session from its form to the results, the voter screen and the results module in English', async ({ page }) => {
  await page.goto('/');
  await expectEnglishHome(page);
  await page.getByRole('button', { name: 'New session' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'New voting session' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${RECOMMENDATION}`) }).check();
  await page.getByLabel('Residential area', { exact: true }).fill('Changle');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  await page.getByLabel('Ballots issued (may be left empty for now)').fill('2');
  await page.getByLabel('Staff PIN (6–12 digits)').fill(PIN);
  await page.getByLabel('The PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Create session' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: RECOMMENDATION })).toBeVisible();
  await expect(page.getByText('Open', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Start voting' }).tap();
  await expect(page.getByText('0 of 5 chosen')).toBeVisible();
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await expect(page.getByText('1 of 5 chosen')).toBeVisible();
  await page.getByRole('button', { name: 'Submit', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Please check your choices' })).toBeVisible();
  await expect(page.getByText('1 recommended (at most 5)')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm and submit' }).tap();
  await expect(page.getByRole('heading', { name: 'Voted. Please hand the tablet to the next voter' })).toBeVisible();
  await page.getByRole('button', { name: 'Next voter' }).tap();
  await page.getByRole('button', { name: 'Staff' }).tap();
  await pin(page);
  await page.getByRole('button', { name: 'Close voting' }).tap();
  await pin(page, 'Close voting');
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  // The results module, in English.
  await expect(page.getByRole('button', { name: 'Announce the results' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the report' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Votes' }).first()).toBeVisible();
});

test('English: a paper count read aloud, its board, and the template library', async ({ page }) => {
  await page.goto('/');
  await expectEnglishHome(page);
  await page.getByRole('button', { name: 'New count' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'New count (paper ballots)' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${RECOMMENDATION}`) }).check();
  await page.getByLabel('Residential area', { exact: true }).fill('Changle');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  await page.getByLabel('Ballots issued', { exact: true }).fill('2');
  await page.getByLabel('Ballots returned', { exact: true }).fill('2');
  await page.getByLabel('Staff PIN (6–12 digits)').fill(PIN);
  await page.getByLabel('The PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Start counting' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: 'Ballot 1' })).toBeVisible();
  await page.getByRole('checkbox', { name: '王秀英', exact: true }).tap();
  await page.getByRole('button', { name: 'Next ballot' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: 'Ballot 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Blank', exact: true }).tap();
  await expect(page.getByText('2 entered / 2 returned')).toBeVisible();
  await page.getByRole('tab', { name: 'Board' }).tap();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to home' }).first().tap();

  await page.getByRole('button', { name: 'Templates' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Template library' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New template' })).toBeVisible();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: 'Print blank forms' }).tap();
  // The page is English; the printed form stays in the template's language.
  await expect(page.getByRole('heading', { level: 1, name: `Print blank forms: ${RECOMMENDATION}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Print preview' })).toContainText('另选他人');
});
