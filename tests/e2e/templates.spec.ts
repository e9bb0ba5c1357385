// The template studio as a street office and a residential area use it: edit a template and
// see the voter's form and each problem as you type; save a new version; share it as a file,
// a link and a QR code and bring it into another device (a fresh browser profile) with the
// same fingerprint; a tampered link or a broken file is refused; blank paper forms print.
// Runs at a tablet and a phone viewport.
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { EVALUATION, PIN, RECOMMENDATION, startVoting, submit, leaveVoting, expectHome } from './helpers';

const NEW_VERSION = `${RECOMMENDATION}（新版本）`;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

async function openStudio(page: Page) {
  await page.getByRole('button', { name: '模板库' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '模板库' })).toBeVisible();
}

function templateCard(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

/** The preview of the voter's form in the editor. */
function preview(page: Page) {
  return page.getByRole('region', { name: '投票人看到的样子' });
}

/** A second device: a fresh browser profile at the same viewport. */
async function otherDevice(browser: Browser, page: Page, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    viewport: page.viewportSize(),
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** From the library: edits the sample ballot's issuer and saves it as a new version. */
async function makeNewVersion(page: Page, issuer = '长乐街道党工委') {
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '编辑' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '编辑模板' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('另存为新版本');
  await page.getByLabel('制发单位').fill(issuer);
  await page.getByRole('button', { name: '另存为新版本' }).tap();
  await expect(page.getByRole('status').filter({ hasText: `已保存：${NEW_VERSION}` })).toBeVisible();
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await expect(templateCard(page, NEW_VERSION)).toBeVisible();
}

async function fingerprintOf(page: Page, name: string): Promise<string> {
  const text = await templateCard(page, name).getByText(/^模板校验码/).innerText();
  const code = text.replace('模板校验码', '').trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}

test('edit a template: problems next to their fields, a live preview, stroke order, a new version', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '编辑' }).tap();

  // A name cleared: the problem under its field, no fingerprint, the preview inert.
  const first = page.getByRole('textbox', { name: '第 1 人姓名', exact: true });
  await expect(first).toHaveValue('于建华');
  await first.fill('');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toHaveAccessibleDescription('不能为空（T05）');
  await expect(page.getByText('模板校验码 改正全部问题后生成')).toBeVisible();
  await expect(page.getByText('草稿：有 1 处问题，改正前不能用于投票')).toBeVisible();

  // 应推荐人数 above what the ballot offers: the problem under that field.
  const max = page.getByLabel('最多可推荐人数（应推荐人数）');
  await max.fill('12');
  await expect(max).toHaveAccessibleDescription('12 人超过了票上可选的 9 人（名单加另选他人栏）（T14）');
  await max.fill('3');
  await expect(max).toHaveAttribute('aria-invalid', 'false');

  // Fixed, and two names added at once; the preview shows them as the voter will.
  await first.fill('于建国');
  await expect(first).toHaveAttribute('aria-invalid', 'false');
  await page.getByLabel('批量添加（每行一个姓名，也可用顿号分隔）').fill('丁一、马三');
  await page.getByRole('button', { name: '添加到名单末尾' }).tap();
  await expect(page.getByRole('textbox', { name: '第 9 人姓名', exact: true })).toHaveValue('马三');
  await expect(preview(page).getByRole('checkbox', { name: '于建国', exact: true })).toBeVisible();
  await expect(preview(page).getByText('已选 0 / 3')).toBeVisible();

  // 姓氏笔画: 丁 (2 strokes) first, 马 (3) with 于 (3) before 王 (4).
  await page.getByRole('button', { name: '按姓氏笔画排序' }).first().tap();
  const names = await preview(page).getByRole('checkbox').allInnerTexts();
  expect(names.map((n) => n.trim())).toEqual(['丁一', '于建国', '马三', '王秀英', '朱丽萍', '李卫东', '陈国强', '周 敏', '徐红梅']);

  // ↑ moves a name; the preview follows.
  await page.getByRole('button', { name: '上移：王秀英' }).tap();
  await expect(page.getByRole('textbox', { name: '第 3 人姓名', exact: true })).toHaveValue('王秀英');

  // Marking in the preview follows the template's rules: no fourth mark.
  for (const n of ['丁一', '于建国', '王秀英']) await preview(page).getByRole('checkbox', { name: n, exact: true }).tap();
  await preview(page).getByRole('checkbox', { name: '朱丽萍', exact: true }).tap();
  await expect(preview(page).getByRole('checkbox', { name: '朱丽萍', exact: true })).toHaveAttribute('aria-checked', 'false');
  await expect(preview(page).getByRole('alert')).toHaveText('最多推荐 3 人。如要改选，请先取消一人。');

  // The fingerprint of the valid template; saved as a new version, the sample untouched.
  await expect(page.getByText(/^模板校验码 [0-9A-Z]{4}-[0-9A-Z]{4}$/)).toBeVisible();
  await page.getByRole('button', { name: '另存为新版本' }).tap();
  const saved = page.getByRole('status').filter({ hasText: `已保存：${NEW_VERSION}` });
  await expect(saved).toBeVisible();
  // A success is not dressed as a refusal: green (the app's --ok), where a refusal is red.
  await expect(saved).toHaveCSS('border-left-color', 'rgb(29, 107, 51)');
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await expect(templateCard(page, RECOMMENDATION)).toBeVisible();
  expect(await fingerprintOf(page, NEW_VERSION)).not.toEqual(await fingerprintOf(page, RECOMMENDATION));

  // A reload keeps it, and the new version is offered for a session.
  await page.reload();
  await page.getByRole('button', { name: '新建场次' }).tap();
  await expect(page.getByRole('radio', { name: new RegExp(`^${NEW_VERSION}`) })).toBeVisible();
});

test('result rules are set with Chinese form controls, and saved as the file’s statements', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '编辑' }).tap();
  // The sample's rule, as a 街道 staff member reads it: 应选人数 4.
  const first = page.getByRole('group', { name: '规则 1', exact: true }).first();
  await expect(first.getByLabel('规则', { exact: true })).toHaveValue('seats');
  await expect(first.getByRole('combobox', { name: '规则' })).toContainText('应选人数');
  await first.getByLabel('应选人数（如 5）').fill('2');
  // A second rule: 得票须过半数, of 实到人数.
  await page.getByRole('button', { name: '+ 添加规则' }).first().tap();
  const second = page.getByRole('group', { name: '规则 2', exact: true }).first();
  await second.getByLabel('规则', { exact: true }).selectOption({ label: '得票须过半数' });
  await expect(second.getByLabel('比较')).toHaveValue('>');
  await expect(second.getByLabel('比例（如 1/2、4/5、0.8）')).toHaveValue('1/2');
  await second.getByLabel('基数').selectOption({ label: '实到人数' });
  // A share half typed: its problem under the rule, nothing lost.
  await second.getByLabel('比例（如 1/2、4/5、0.8）').fill('1/');
  await expect(second.getByText(/（T1[89]）/)).toBeVisible();
  await second.getByLabel('比例（如 1/2、4/5、0.8）').fill('2/3');
  await second.getByLabel('比较').selectOption({ label: '不少于' });
  await expect(second.getByText(/（T1[89]）/)).toHaveCount(0);
  await page.getByRole('button', { name: '另存为新版本' }).tap();
  await expect(page.getByRole('status').filter({ hasText: `已保存：${NEW_VERSION}` })).toBeVisible();
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await templateCard(page, NEW_VERSION).getByRole('button', { name: '分享' }).tap();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载模板文件' }).tap(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.sections[0].rules).toEqual(['seats 2', 'majority >= 2/3 present']);
});

test('leaving the editor with unsaved changes asks; rename and delete ask too', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '复制' }).tap();
  const copy = `${RECOMMENDATION}（副本）`;
  await expect(templateCard(page, copy)).toBeVisible();

  await templateCard(page, copy).getByRole('button', { name: '编辑' }).tap();
  await page.getByLabel('票面标题').fill('长乐居民区推荐票');
  await page.getByRole('button', { name: '返回模板库' }).tap();
  const ask = page.getByRole('dialog', { name: '放弃修改？' });
  await ask.getByRole('button', { name: '取消' }).tap();
  await expect(page.getByLabel('票面标题')).toHaveValue('长乐居民区推荐票');
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await ask.getByRole('button', { name: '放弃修改' }).tap();
  await expect(templateCard(page, copy)).not.toContainText('长乐居民区推荐票');

  await templateCard(page, copy).getByRole('button', { name: '重命名' }).tap();
  const rename = page.getByRole('dialog', { name: '重命名模板' });
  await rename.getByLabel('模板名称（只在本设备的模板库中显示）').fill('长乐推荐票');
  await rename.getByRole('button', { name: '重命名' }).tap();
  await expect(templateCard(page, '长乐推荐票')).toContainText(`票面标题：${RECOMMENDATION}`);

  await templateCard(page, '长乐推荐票').getByRole('button', { name: '删除' }).tap();
  const del = page.getByRole('dialog', { name: '删除模板？' });
  await expect(del).toContainText('“长乐推荐票”将从本设备的模板库删除');
  await del.getByRole('button', { name: '取消' }).tap();
  await expect(templateCard(page, '长乐推荐票')).toBeVisible();
  await templateCard(page, '长乐推荐票').getByRole('button', { name: '删除' }).tap();
  await del.getByRole('button', { name: '删除' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '已删除：长乐推荐票' })).toBeVisible();
  await expect(templateCard(page, '长乐推荐票')).toHaveCount(0);
  await page.reload();
  await openStudio(page);
  await expect(templateCard(page, '长乐推荐票')).toHaveCount(0);
  // Samples can be copied, never deleted.
  await expect(templateCard(page, RECOMMENDATION).getByRole('button', { name: '删除' })).toHaveCount(0);
});

test('a file exported on one device imports on another with the same fingerprint', async ({ page, browser, baseURL }) => {
  await openStudio(page);
  await makeNewVersion(page);
  const code = await fingerprintOf(page, NEW_VERSION);
  await templateCard(page, NEW_VERSION).getByRole('button', { name: '分享' }).tap();
  await expect(page.getByText(`模板校验码 ${code}`)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载模板文件' }).tap(),
  ]);
  expect(download.suggestedFilename()).toBe(`${NEW_VERSION}.json`);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, 'utf8')).issuer).toBe('长乐街道党工委');

  const other = await otherDevice(browser, page, baseURL);
  await other.goto('/');
  await openStudio(other);
  const [chooser] = await Promise.all([
    other.waitForEvent('filechooser'),
    other.getByRole('button', { name: '导入模板文件' }).tap(),
  ]);
  await chooser.setFiles(file);
  await expect(other.getByRole('heading', { level: 1, name: '导入模板' })).toBeVisible();
  await expect(other.getByText(`模板校验码 ${code}`)).toBeVisible();
  // Every name is in the preview, not only how many.
  await expect(other.getByRole('article', { name: '将导入的模板' }))
    .toContainText('名单：于建华、王秀英、朱丽萍、李卫东、陈国强、周  敏、徐红梅');
  // The same title as the built-in sample: both fingerprints are shown and nothing is
  // replaced without asking (a sample cannot be replaced at all).
  const conflict = other.getByRole('alert');
  await expect(conflict).toContainText(`本设备已有同名但内容不同的模板“${RECOMMENDATION}”`);
  await expect(conflict.getByRole('row', { name: new RegExp(`要导入的\\s*${code}`) })).toBeVisible();
  await expect(conflict.getByRole('button', { name: '用导入的替换本设备的' })).toHaveCount(0);
  await conflict.getByRole('button', { name: '两者都保留（另存为新模板）' }).tap();
  const imported = `${RECOMMENDATION}（导入）`;
  await expect(other.getByRole('status').filter({ hasText: `已导入：${imported}` })).toBeVisible();
  expect(await fingerprintOf(other, imported)).toBe(code);

  // The same file again: already there.
  const [again] = await Promise.all([
    other.waitForEvent('filechooser'),
    other.getByRole('button', { name: '导入模板文件' }).tap(),
  ]);
  await again.setFiles(file);
  await expect(other.getByText(`本设备已有这个模板（校验码相同）：${imported}`)).toBeVisible();
  await other.context().close();
});

test('a broken file is refused with its reason and changes nothing', async ({ page }) => {
  await openStudio(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '导入模板文件' }).tap(),
  ]);
  await chooser.setFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ballot-kit/template","version":1,"title":"<b>x</b>"') });
  await expect(page.getByRole('heading', { level: 1, name: '无法导入' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/文件内容有误.*（T01）/);
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await expect(page.getByRole('article')).toHaveCount(2);
});

/**
 * A blank page beside the app, for the tests' own image work: the app's CSP (rightly) lets
 * no injected script or data: image run on its pages.
 */
async function scratch(page: Page): Promise<Page> {
  const blank = await page.context().newPage();
  await blank.goto('about:blank');
  return blank;
}

/** Decodes the QR code on screen, from a screenshot of it, with jsQR (not the app's code). */
async function decodeQr(page: Page): Promise<string> {
  const png = await page.getByRole('img', { name: /的二维码$/ }).screenshot();
  const blank = await scratch(page);
  await blank.addScriptTag({ path: 'node_modules/jsqr/dist/jsQR.js' });
  const text = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const code = (window as any).jsQR(data.data, img.width, img.height);
    return code ? code.data : '';
  }, png.toString('base64'));
  await blank.close();
  return text;
}

test('a link and its QR code open the template on another device; a tampered link is refused', async ({ page, browser, baseURL }) => {
  await openStudio(page);
  await makeNewVersion(page, '静安街道党工委');
  const code = await fingerprintOf(page, NEW_VERSION);
  await templateCard(page, NEW_VERSION).getByRole('button', { name: '分享' }).tap();
  const link = await page.getByLabel('链接（在另一台设备上打开即可导入）').inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/#t1\\.[A-Za-z0-9_-]+$`));
  expect(await decodeQr(page)).toBe(link);

  const other = await otherDevice(browser, page, baseURL);
  // A link cut short or changed: refused, with its reason; the library is unchanged.
  const cut = link.slice(0, link.length - 10);
  await other.goto(cut);
  await expect(other.getByRole('heading', { level: 1, name: '无法导入' })).toBeVisible();
  await expect(other.getByRole('alert')).toContainText(/链接已损坏或不完整.*（L02）/);
  // The advice is said once: in the message, not again below it.
  await expect(other.getByText('请让对方重新发送')).toHaveCount(1);
  await other.getByRole('button', { name: '返回模板库' }).tap();
  await expect(other.getByRole('article')).toHaveCount(2);
  await other.getByLabel('收到的模板链接（粘贴到这里）').fill('http://127.0.0.1/#t1.<script>alert(1)</script>');
  await other.getByRole('button', { name: '打开链接' }).tap();
  await expect(other.getByRole('alert')).toContainText('（L02）');

  // The link itself: offered with the same fingerprint, and imported.
  await other.goto('about:blank');
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: '导入模板' })).toBeVisible();
  await expect(other.getByText(`模板校验码 ${code}`)).toBeVisible();
  await other.getByRole('button', { name: '两者都保留（另存为新模板）' }).tap();
  expect(await fingerprintOf(other, `${RECOMMENDATION}（导入）`)).toBe(code);
  // Once taken, the link is gone from the address bar: a reload does not offer it again.
  expect(new URL(other.url()).hash).toBe('');
  await other.context().close();
});

test('a template with ballots is frozen: editing it makes a new version', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '复制' }).tap();
  const copy = `${RECOMMENDATION}（副本）`;
  await expect(templateCard(page, copy)).not.toContainText('已有投票记录');
  await templateCard(page, copy).getByRole('button', { name: '编辑' }).tap();
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await page.getByRole('button', { name: '返回首页' }).tap();

  // A session with the copy (its name in the list; the session shows the printed title).
  await page.getByRole('button', { name: '新建场次' }).tap();
  await page.getByRole('radio', { name: new RegExp(`^${copy}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(PIN);
  await page.getByLabel('再输入一遍密码').fill(PIN);
  await page.getByRole('button', { name: '创建场次' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: RECOMMENDATION })).toBeVisible();
  await startVoting(page);
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await submit(page);
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).tap();

  await openStudio(page);
  await expect(templateCard(page, copy)).toContainText('已有投票记录（已锁定）');
  await templateCard(page, copy).getByRole('button', { name: '编辑' }).tap();
  await expect(page.getByRole('note')).toContainText('保存时将另存为新版本，原模板保持不变');
  await expect(page.getByRole('button', { name: '另存为新版本' })).toBeVisible();
});

test('the machine-readable sheet (读票版): everything placed in millimetres, markers in the corners, one A4 page', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '打印空白票' }).tap();
  await page.getByRole('radio', { name: /^读票版/ }).check();
  await expect(page.getByText('读票版四角的黑方块和顶部的一行小方块只表示这个模板，每张票都一样，不含编号。')).toBeVisible();
  const form = page.getByRole('region', { name: '打印预览' }).getByRole('article', { name: '读票版（可用手机拍照计票，每张一页）' });
  await expect(form).toContainText(RECOMMENDATION);
  await expect(form).toContainText('徐红梅');
  await expect(form).toContainText('请在赞成的人选姓名下方的空格内划“○”');
  await expect(form).toContainText(/模板校验码 [0-9A-Z]{4}-[0-9A-Z]{4} · 读票版 1/);
  // A4 exactly, the top-left marker 12 mm square, 8 mm from the corner (96 px an inch).
  const mm = 96 / 25.4;
  const sheet = (await form.boundingBox())!;
  expect(sheet.width / mm).toBeCloseTo(210, 0);
  expect(sheet.height / mm).toBeCloseTo(297, 0);
  const marker = (await form.locator('.omr-ink').first().boundingBox())!;
  expect((marker.x - sheet.x) / mm).toBeCloseTo(8, 0);
  expect((marker.y - sheet.y) / mm).toBeCloseTo(8, 0);
  expect(marker.width / mm).toBeCloseTo(12, 0);
  // Four markers and the code track's filled cells; a box under each name and write-in cell.
  await expect(form.locator('.omr-box')).toHaveCount(9);
  await page.emulateMedia({ media: 'print' });
  await expect(form).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  // Back to forms a sheet.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('radio', { name: '2 张票' }).check();
  await expect(page.getByRole('region', { name: '打印预览' }).getByRole('heading', { name: RECOMMENDATION })).toHaveCount(2);
});

test('blank paper forms print on A4, one, two or four to a sheet', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '打印空白票' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: `打印空白票：${RECOMMENDATION}` })).toBeVisible();
  const sheet = page.getByRole('region', { name: '打印预览' });
  await expect(sheet.getByRole('heading', { name: RECOMMENDATION })).toHaveCount(1);
  await page.getByRole('radio', { name: '4 张票' }).check();
  await expect(sheet.getByRole('heading', { name: RECOMMENDATION })).toHaveCount(4);

  await page.emulateMedia({ media: 'print' });
  // On paper: only the forms, with the instructions, the names, the write-in cells and the
  // fingerprint; none of the app's buttons.
  await expect(page.getByRole('button', { name: '打印', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: '返回首页' })).toBeHidden();
  const form = sheet.getByRole('article').first();
  await expect(form).toBeVisible();
  await expect(form).toContainText('请在赞成的人选姓名下方的空格内划“○”，不赞成的不划任何符号。');
  await expect(form).toContainText('推荐人数不得超过 5 人，超过的为无效票。');
  await expect(form.getByRole('cell', { name: '徐红梅' })).toBeVisible();
  await expect(form.getByRole('cell', { name: '另选他人' })).toHaveCount(2);
  await expect(form).toContainText(/模板校验码 [0-9A-Z]{4}-[0-9A-Z]{4}/);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Four small forms fill one sheet: the PDF has one page.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);

  // No printed text a voter reads is below 10.5 pt (14 px), four, two or one to a sheet;
  // one form a sheet uses the page, not its top third.
  for (const layout of ['4 张票', '2 张票', '1 张票']) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('radio', { name: layout }).check();
    await page.emulateMedia({ media: 'print' });
    const smallest = await sheet.getByRole('article').first().evaluate((form) => {
      let min = Infinity;
      const walk = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim()) continue;
        min = Math.min(min, parseFloat(getComputedStyle(n.parentElement!).fontSize));
      }
      return min;
    });
    expect(smallest, layout).toBeGreaterThanOrEqual(14);
    // And nothing of a form is cut off at the edge of its share of the sheet.
    const cut = await sheet.getByRole('article').evaluateAll((forms) => forms.map((f) => f.scrollHeight - f.clientHeight));
    expect(Math.max(...cut), layout).toBeLessThanOrEqual(1);
  }
  const form1 = sheet.getByRole('article').first();
  const formBox = (await form1.boundingBox())!;
  const gridBox = (await form1.getByRole('table').last().boundingBox())!;
  // The names and marks reach past the middle of the page; the fingerprint is at its foot.
  expect(gridBox.y + gridBox.height - formBox.y).toBeGreaterThan(0.5 * formBox.height);
  const code = (await form1.getByText(/模板校验码/).boundingBox())!;
  expect(code.y + code.height).toBeGreaterThan(formBox.y + 0.9 * formBox.height);

  // The evaluation form's labels do not fit a quarter sheet at 10.5 pt: four to a sheet is
  // not offered; two to a sheet fits whole.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回模板库' }).tap();
  await templateCard(page, EVALUATION).getByRole('button', { name: '打印空白票' }).tap();
  await expect(page.getByRole('radio', { name: '4 张票' })).toBeDisabled();
  await page.getByRole('radio', { name: '2 张票' }).check();
  await page.emulateMedia({ media: 'print' });
  const cut = await sheet.getByRole('article').evaluateAll((forms) => forms.map((f) => f.scrollHeight - f.clientHeight));
  expect(cut).toEqual([0, 0]);
});

/** The QR code on the share screen as a PNG file, and the link it holds. */
async function qrPhoto(page: Page, path: string): Promise<string> {
  await openStudio(page);
  await makeNewVersion(page, '徐汇街道党工委');
  await templateCard(page, NEW_VERSION).getByRole('button', { name: '分享' }).tap();
  await page.getByRole('img', { name: /的二维码$/ }).screenshot({ path });
  return page.getByLabel('链接（在另一台设备上打开即可导入）').inputValue();
}

test('a photo of the QR code imports the template; a photo without one says so', async ({ page, browser, baseURL }, info) => {
  const photo = info.outputPath('qr.png');
  const link = await qrPhoto(page, photo);
  const code = (await page.getByText(/^模板校验码/).first().innerText()).replace('模板校验码', '').trim();

  const other = await otherDevice(browser, page, baseURL);
  await other.goto('/');
  await openStudio(other);
  await other.getByRole('button', { name: '扫描二维码' }).tap();
  await expect(other.getByRole('heading', { level: 1, name: '扫描模板二维码' })).toBeVisible();

  // Not a code: a screenshot of the screen itself.
  const plain = info.outputPath('plain.png');
  await other.screenshot({ path: plain });
  const [chooser] = await Promise.all([
    other.waitForEvent('filechooser'),
    other.getByRole('button', { name: '从照片读取二维码' }).tap(),
  ]);
  await chooser.setFiles(plain);
  await expect(other.getByRole('alert')).toHaveText('照片中没有找到二维码。请拍清楚整个二维码后再试，或改用模板文件。');

  const [chooser2] = await Promise.all([
    other.waitForEvent('filechooser'),
    other.getByRole('button', { name: '从照片读取二维码' }).tap(),
  ]);
  await chooser2.setFiles(photo);
  await expect(other.getByRole('heading', { level: 1, name: '导入模板' })).toBeVisible();
  await expect(other.getByText(`模板校验码 ${code}`)).toBeVisible();
  await other.getByRole('button', { name: '两者都保留（另存为新模板）' }).tap();
  expect(await fingerprintOf(other, `${RECOMMENDATION}（导入）`)).toBe(code);
  expect(link).toContain('#t1.');
  await other.context().close();
});

/** A one-frame Y4M video (grey only) of a PNG, for Chromium's fake camera. */
async function y4mOf(page: Page, png: string, out: string) {
  const blank = await scratch(page);
  const { width, height, luma } = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    // Even sides, with a white margin, as a camera would see a screen.
    const side = Math.ceil((Math.max(img.width, img.height) + 80) / 2) * 2;
    const c = document.createElement('canvas');
    c.width = side;
    c.height = side;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.drawImage(img, (side - img.width) / 2, (side - img.height) / 2);
    const d = ctx.getImageData(0, 0, side, side).data;
    const luma: number[] = [];
    for (let i = 0; i < d.length; i += 4) luma.push(Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]));
    return { width: side, height: side, luma };
  }, readFileSync(png).toString('base64'));
  await blank.close();
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeFileSync(out, Buffer.concat([header, Buffer.from(luma), chroma]));
}

test('the camera reads the QR code held up to it', async ({ page, baseURL }, info) => {
  // A second browser and a video to decode: slow on a busy 2-core machine.
  test.setTimeout(90_000);
  const png = info.outputPath('qr.png');
  const link = await qrPhoto(page, png);
  const video = info.outputPath('qr.y4m');
  await y4mOf(page, png, video);

  // A phone whose camera sees the other device's screen: Chromium's fake camera plays it.
  const phone = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await phone.newContext({ baseURL, viewport: page.viewportSize(), hasTouch: true, isMobile: true, locale: 'zh-CN' });
  await context.grantPermissions(['camera']);
  const other = await context.newPage();
  await other.goto('/');
  await openStudio(other);
  await other.getByRole('button', { name: '扫描二维码' }).tap();
  await other.getByRole('button', { name: '打开相机扫描' }).tap();
  await expect(other.getByRole('heading', { level: 1, name: '导入模板' })).toBeVisible({ timeout: 15_000 });
  await other.getByRole('button', { name: '两者都保留（另存为新模板）' }).tap();
  await expect(other.getByRole('status').filter({ hasText: `已导入：${RECOMMENDATION}（导入）` })).toBeVisible();
  // The camera is off once the code is read.
  expect(await other.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();
  expect(link).toContain('#t1.');
  await phone.close();
});

test('names are reordered by dragging them', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '编辑' }).tap();
  const row = (n: number) =>
    page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: `第 ${n} 人姓名`, exact: true }) });
  // By the handle at the start of the row (a text field does not start a drag), onto the
  // row above, both on screen.
  await row(1).scrollIntoViewIfNeeded();
  await row(2).dragTo(row(1), { sourcePosition: { x: 10, y: 40 } });
  await expect(page.getByRole('textbox', { name: '第 1 人姓名', exact: true })).toHaveValue('王秀英');
  await expect(page.getByRole('textbox', { name: '第 2 人姓名', exact: true })).toHaveValue('于建华');
  const names = await preview(page).getByRole('checkbox').allInnerTexts();
  expect(names[0].trim()).toBe('王秀英');
});

test('a long list: no QR code (the file instead), and one form a sheet that runs on', async ({ page }) => {
  await openStudio(page);
  await templateCard(page, RECOMMENDATION).getByRole('button', { name: '编辑' }).tap();
  const surnames = '丁万马方尹石叶田白冯邢吕任刘孙杜杨吴何汪沈宋张陆陈范林罗金周郑赵胡钟贺袁顾钱徐高黄曹龚董蒋韩程傅谢雷蔡潘戴魏'.split('');
  const given = '一二三四五六七八九十百千'.split('');
  const names: string[] = [];
  for (const s of surnames) for (const g of given) if (names.length < 150) names.push(`${s}${g}${g === '一' ? '民' : '华'}`);
  await page.getByLabel('批量添加（每行一个姓名，也可用顿号分隔）').fill(names.join('\n'));
  await page.getByRole('button', { name: '添加到名单末尾' }).tap();
  await expect(page.getByRole('textbox', { name: '第 157 人姓名', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '另存为新版本' }).tap();
  await page.getByRole('button', { name: '返回模板库' }).tap();

  await templateCard(page, NEW_VERSION).getByRole('button', { name: '分享' }).tap();
  await expect(page.getByRole('alert')).toContainText('二维码无法可靠扫描，请改用模板文件');
  await expect(page.getByRole('img', { name: /的二维码$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '下载模板文件' })).toBeVisible();
  await page.getByRole('button', { name: '返回模板库' }).tap();

  await templateCard(page, NEW_VERSION).getByRole('button', { name: '打印空白票' }).tap();
  await expect(page.getByRole('radio', { name: /^2 张票/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /^4 张票/ })).toBeDisabled();
  await expect(page.getByText('（名单较长，放不下）')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  const form = page.getByRole('region', { name: '打印预览' }).getByRole('article');
  await expect(form).toHaveCount(1);
  await expect(form.getByRole('cell', { name: names[149], exact: true })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(1);
});
