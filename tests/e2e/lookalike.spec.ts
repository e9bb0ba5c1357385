// Names that look the same must be the same: zero-width characters, soft hyphens and
// direction overrides are refused in templates and units (the message names the character)
// and dropped from typed write-ins, so five boxes of 「王秀英」 or two spellings of one
// written-in person cannot happen.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { RECOMMENDATION, enter, openCount, expectHome } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

test('a template with a look-alike name is refused, naming the hidden character', async ({ page }) => {
  const template = JSON.parse(readFileSync('templates/推荐票.json', 'utf8'));
  // A second 王秀英 with a zero-width space inside.
  template.sections[0].candidates[2].name = '王\u200B秀英';
  await page.getByRole('button', { name: '模板库' }).tap();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '导入模板文件' }).tap(),
  ]);
  await chooser.setFiles({ name: 'lookalike.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) });
  await expect(page.getByRole('heading', { level: 1, name: '无法导入' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('（T20）');
  await expect(page.getByRole('alert')).toContainText('U+200B');
});

test('a unit name with a direction override is refused, naming it', async ({ page }) => {
  await page.getByRole('button', { name: '新建场次' }).tap();
  await page.getByRole('radio', { name: new RegExp(`^${RECOMMENDATION}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐\u202E居民区');
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByText(/含有看不见或写法不标准的字符 U\+202E.*（S08）$/)).toBeVisible();
  await expect(page.getByLabel('居民区', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('a write-in typed with a zero-width space is the same person', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  await openCount(page, { issued: '2', returned: '2' });
  await enter(page, { names: [], writeIns: ['赵\u200B六'] });
  await enter(page, { names: [], writeIns: ['赵六'] });
  await expect(page.getByText('已录入 2 张 / 收回 2 张')).toBeVisible();
  await page.getByRole('tab', { name: '计票板' }).tap();
  // One row, two votes (丅 is the tally mark of two).
  await expect(page.getByRole('row', { name: /^赵六（另选）/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /^赵六（另选）/ })).toHaveText(/^赵六（另选）\s*丅\s*2\s/);
});
