// Results as the meeting announces and signs them: the rules (shortlist, tie at the cut,
// quorum), 公布 mode, the printed 计票结果报告单 and the CSV export, all showing the same
// numbers. Runs at a tablet and a phone viewport.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import {
  EVALUATION, PIN, RECOMMENDATION, closeAndCount, enterPin, evalRow, leaveVoting, openSession, row,
  startVoting, submit, today, expectHome } from './helpers';
import { sheetRows } from './xlsx';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

/** A paper count of three ballots, read into the phone, with 实到 8 of 应到 10. */
async function countThreeBallots(page: Page) {
  await page.getByRole('button', { name: '新建计票' }).tap();
  await page.getByRole('radio', { name: new RegExp(`^${RECOMMENDATION}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  for (const [label, value] of [['应到人数', '10'], ['实到人数', '8'], ['发出张数', '8'], ['收回张数', '3']]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(PIN);
  await page.getByLabel('再输入一遍密码').fill(PIN);
  await page.getByRole('button', { name: '开始计票' }).tap();
  const ballots = [
    ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强'],
    ['于建华', '王秀英', '朱丽萍', '李卫东', '周 敏'],
    ['于建华', '王秀英', '朱丽萍', '徐红梅'],
  ];
  for (const names of ballots) {
    for (const name of names) await page.getByRole('checkbox', { name, exact: true }).tap();
    await page.getByRole('button', { name: '下一张' }).tap();
  }
  await expect(page.getByText('已录入 3 张 / 收回 3 张')).toBeVisible();
  await page.getByRole('tab', { name: '计票板' }).tap();
}

// The sample takes 应选 4 + 差额 1 = 5 names. Votes: 于建华, 王秀英, 朱丽萍 3; 李卫东 2;
// 陈国强, 周 敏, 徐红梅 1 each: three tie for the last place.
const EXPECTED: [string, number, string, string][] = [
  ['于建华', 3, '100.0%', '列入'],
  ['王秀英', 3, '100.0%', '列入'],
  ['朱丽萍', 3, '100.0%', '列入'],
  ['李卫东', 2, '66.7%', '列入'],
  ['陈国强', 1, '33.3%', '并列，需再次投票'],
  ['周 敏', 1, '33.3%', '并列，需再次投票'],
  ['徐红梅', 1, '33.3%', '并列，需再次投票'],
];
/** Every cell of every results table and every chart label, wholly inside the screen's
 *  width: nothing scrolled off to the side, nothing cut off. Returns what is not. */
async function cutOff(page: Page): Promise<string[]> {
  await expect(page.locator('.rk-screen table:visible').first()).toBeVisible();
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('.rk-screen th, .rk-screen td, .rk-screen .rk-bar-name')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('thead')) continue;
      if (r.left < -0.5 || r.right > width + 0.5 || el.scrollWidth > el.clientWidth + 1) out.push(el.textContent ?? '');
    }
    for (const el of document.querySelectorAll<HTMLElement>('.rk-screen .rk-scroll')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`scrolls: ${el.textContent?.slice(0, 20)}`);
    }
    if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways');
    return out;
  });
}

const R01 = '实到 8 人，未超过应到 10 人的 4/5：会议无效。（R01）';
const R04 = '党组织委员候选人初步人选：陈国强、周  敏、徐红梅 得票相同，并列争 1 个名额，需再次投票。（R04）';

test('the board judges a known stack under the template rules: rates, ranks, a tie at the cut, the quorum', async ({ page }) => {
  await countThreeBallots(page);
  // Every column a meeting announces (名次, 结果 …) in view at this width: a table on a
  // tablet, a card per name on a phone.
  expect(await cutOff(page)).toEqual([]);
  for (const [name, votes, rate, status] of EXPECTED) {
    const rank = EXPECTED.filter(([, v]) => v > votes).length + 1;
    await expect(row(page, name)).toHaveText(
      new RegExp(`^${name.replace(' ', '\\s+')}\\s*\\S*\\s*${votes}\\s*${rate.replace('.', '\\.')}\\s*${rank}\\s*${status}\\s*$`),
    );
  }
  await expect(page.locator('.rk-screen').getByText('应选 4 人，按得票多少取 5 名初步人选（含差额）')).toBeVisible();
  // Blocking first, then the warning; colour is not the only cue.
  const flags = page.locator('.rk-screen .rk-flags li');
  await expect(flags).toHaveText([`不能成立 ${R01}`, `请注意 ${R04}`]);
  await expect(page.getByRole('alert').filter({ hasText: R01 })).toBeVisible();
  await expect(page.getByRole('img', { name: '党组织委员候选人初步人选：得票条形图' })).toBeVisible();

  // 公布: the same names in very large type, in a full-screen layer.
  await page.getByRole('button', { name: '公布结果' }).tap();
  const layer = page.getByRole('dialog', { name: '公布结果' });
  await expect(layer).toContainText(R01);
  const first = layer.getByRole('list').last().getByRole('listitem').first();
  await expect(first).toHaveText(/^于建华\s*3 票\s*列入$/);
  const size = await first.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(25);
  await expect(layer.getByRole('button', { name: '关闭公布' })).toBeFocused();
  await layer.getByRole('button', { name: '关闭公布' }).tap();
  await expect(layer).toBeHidden();
  await expect(page.getByRole('button', { name: '公布结果' })).toBeFocused();
  // Escape closes it too.
  await page.getByRole('button', { name: '公布结果' }).tap();
  await expect(layer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(layer).toBeHidden();
});

test('the printed report is an official form with the figures, results, flags and signature lines', async ({ page }) => {
  await countThreeBallots(page);
  await expect(row(page, '于建华')).toBeVisible();
  await expect(page.getByRole('heading', { name: '计票结果报告单' })).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const form = page.locator('.rk-print');
  await expect(form.getByRole('heading', { name: '计票结果报告单' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印报告单' })).toBeHidden();
  await expect(form).toContainText('单位：长乐居民区');
  await expect(form).toContainText('投票人类别：党员');
  await expect(form).toContainText(/模板编号：\S+/);
  await expect(form.locator('.rk-figures tbody tr')).toHaveText(/^10\s*8\s*8\s*3\s*3\s*0\s*0\s*$/);
  for (const who of ['监票人', '计票人', '唱票人']) await expect(form.getByText(`${who}（签名）：`)).toBeVisible();
  await expect(form).toContainText(R01);
  await expect(form).toContainText(R04);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test('the CSV export opens in Excel/WPS as UTF-8 and has the numbers of the screen', async ({ page }) => {
  await countThreeBallots(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).tap(),
  ]);
  // Template, unit, category, what it is and the date: a tablet session's export of the
  // same template never has the same name.
  const name = `${RECOMMENDATION}-长乐居民区-党员-纸质计票-${today()}-计票结果`;
  expect(download.suggestedFilename()).toBe(`${name}.csv`);
  await expect(page.getByText(`已导出：${name}.csv`)).toBeVisible();
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split(/\r?\n/).map((l) => l.split(','));
  const figures = lines.findIndex((l) => l[0] === '应到');
  expect(lines[figures + 1]).toEqual(['10', '8', '8', '3', '3', '0', '0']);
  for (const [name, votes, rate, status] of EXPECTED) {
    const line = lines.find((l) => l[1] === name.replace(' ', '  '));
    expect(line?.slice(2)).toEqual([String(votes), rate, status]);
  }
  expect(lines.some((l) => l[0] === R01)).toBe(true);
});

test('the XLSX export (a module loaded on demand) has the numbers of the screen', async ({ page }) => {
  await countThreeBallots(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).tap(),
  ]);
  const name = `${RECOMMENDATION}-长乐居民区-党员-纸质计票-${today()}-计票结果`;
  expect(download.suggestedFilename()).toBe(`${name}.xlsx`);
  await expect(page.getByText(`已导出：${name}.xlsx`)).toBeVisible();
  const rows = sheetRows(readFileSync(await download.path()));
  expect(rows[0]).toEqual(['计票结果报告单']);
  const figures = rows.findIndex((r) => r[0] === '应到');
  expect(rows[figures + 1]).toEqual(['10', '8', '8', '3', '3', '0', '0']);
  for (const [name, votes, rate, status] of EXPECTED) {
    const rank = EXPECTED.filter(([, v]) => v > votes).length + 1;
    expect(rows.find((r) => r[1] === name.replace(' ', '  '))).toEqual([String(rank), name.replace(' ', '  '), String(votes), rate, status]);
  }
  expect(rows.some((r) => r[0] === R01)).toBe(true);
});

test('a tablet session with two categories: combined and per-category results, rates per level, an alert', async ({ page }) => {
  await openSession(page, { template: EVALUATION, category: '身份由投票人自选', issued: '3' });
  await startVoting(page);
  // Two 党员 rate 王秀英 不满意, one 群众代表 rates her 满意: 不满意 is 2 of 3 valid forms
  // combined (more than 1/3: the sample's alert), and 2 of 2 among 党员.
  for (const [category, level] of [['党员', '不满意'], ['党员', '不满意'], ['群众代表', '满意']]) {
    await page.getByRole('button', { name: category }).tap();
    await page.getByRole('radiogroup', { name: '王秀英 书记' }).getByRole('radio', { name: level, exact: true }).tap();
    await submit(page, '确认提交');
  }
  await leaveVoting(page);
  await closeAndCount(page);
  const views = page.getByRole('group', { name: '查看' });
  await expect(views.getByRole('radio')).toHaveCount(3);
  for (const name of ['合计', '党员', '群众代表']) await expect(views.getByRole('radio', { name })).toBeVisible();
  await expect(views.getByRole('radio', { name: '合计' })).toBeChecked();
  await expect(row(page, '王秀英（书记）')).toHaveText(evalRow('王秀英（书记）', [1, 0, 2], [0, 0, 3]));
  await expect(row(page, '王秀英（书记）')).toContainText('66.7%');
  await expect(row(page, '王秀英（书记）')).toContainText('⚠ 预警');
  await expect(page.locator('.rk-screen .rk-view').first()).toContainText(
    '班子及成员民主测评：王秀英 不满意 2 票，占 3 的 66.7%，超过规定的 1/3。（R06）',
  );
  await views.getByRole('radio', { name: '群众代表' }).check();
  await expect(row(page, '王秀英（书记）')).toHaveText(evalRow('王秀英（书记）', [1, 0, 0], [0, 0, 1]));
  await views.getByRole('radio', { name: '党员' }).check();
  await expect(row(page, '王秀英（书记）')).toHaveText(evalRow('王秀英（书记）', [0, 0, 2], [0, 0, 2]));
  await expect(page.getByRole('img', { name: '班子及成员民主测评：各等次比例图' })).toBeVisible();
  // 满意率 and 提示 in view too, and the chart's long labels whole (「班子整体 · 政治素质」).
  expect(await cutOff(page)).toEqual([]);
});

test('an evaluation row adds up to its base: a blank form is not 未评, and the chart gives its numbers', async ({ page }) => {
  await page.getByRole('button', { name: '新建计票' }).tap();
  await page.getByRole('radio', { name: new RegExp(`^${EVALUATION}`) }).check();
  await page.getByLabel('居民区', { exact: true }).fill('长乐居民区');
  await page.getByRole('radio', { name: '党员', exact: true }).check();
  await page.getByLabel('工作人员密码（6–12 位数字）').fill(PIN);
  await page.getByLabel('再输入一遍密码').fill(PIN);
  await page.getByRole('button', { name: '开始计票' }).tap();
  const item = (name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) }).first();
  await item('王秀英').getByRole('checkbox', { name: '满意', exact: true }).tap();
  await item('朱建国').getByRole('checkbox', { name: '不满意', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await item('王秀英').getByRole('checkbox', { name: '基本满意', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await page.getByRole('button', { name: '空白票', exact: true }).tap();
  await expect(page.getByText('已录入 3 张')).toBeVisible();
  await page.getByRole('tab', { name: '计票板' }).tap();
  await expect(page.getByText('共 3 张：有效 2 张，空白 1 张，无效 0 张')).toBeVisible();
  await expect(row(page, '王秀英（书记）')).toHaveText(evalRow('王秀英（书记）', [1, 1, 0], [0, 0, 2]));
  await expect(row(page, '朱建国（副书记）')).toHaveText(evalRow('朱建国（副书记）', [0, 0, 1], [1, 0, 2]));
  await expect(row(page, '李 敏（委员）')).toHaveText(evalRow('李 敏（委员）', [0, 0, 0], [2, 0, 2]));
  const chart = page.getByRole('img', { name: '班子及成员民主测评：各等次比例图' });
  await expect(chart).toContainText('王秀英11');
  await expect(chart).toContainText('满意基本满意不满意');
  expect(await cutOff(page)).toEqual([]);
});

test('a tablet session takes 应到 and 实到 at its opening, judges the quorum by them, and corrects them with the PIN on record', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3', due: '10', present: '8' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await submit(page);
  await leaveVoting(page);
  await closeAndCount(page);
  const screen = page.locator('.rk-screen');
  await expect(screen.getByRole('alert').filter({ hasText: R01 })).toBeVisible();
  await expect(screen).not.toContainText('（R02）');

  // 实到 was 9: corrected with the PIN, on the session's record and the results'.
  await page.getByRole('button', { name: '‹ 返回场次' }).tap();
  const form = page.getByRole('form', { name: '应到、实到人数' });
  await expect(form.getByLabel('应到人数', { exact: true })).toHaveValue('10');
  await form.getByLabel('实到人数', { exact: true }).fill('九');
  await form.getByRole('button', { name: '确定' }).tap();
  await expect(form.getByRole('alert')).toContainText('（S05）');
  await form.getByLabel('实到人数', { exact: true }).fill('9');
  await form.getByRole('button', { name: '确定' }).tap();
  await expect(page.getByRole('dialog')).toContainText('应到、实到人数改为：应到 10 人，实到 9 人。记入工作记录。');
  await enterPin(page);
  await expect(page.getByRole('listitem').filter({ hasText: '应到、实到人数改为：应到 10 人，实到 9 人' })).toBeVisible();
  await page.getByRole('button', { name: '查看结果' }).tap();
  await enterPin(page, PIN, '查看结果');
  await expect(screen.locator('.rk-figs')).toContainText('实到9人');
  await expect(screen).not.toContainText('（R01）');
  await expect(screen.getByText(/^实到：8 → 9（/)).toBeVisible();
});

test('a 发出 corrected after the close stays on the results and the printed report, with the finding it hid', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '1' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await submit(page);
  await submit(page, '确认提交空白票');
  await leaveVoting(page);
  await closeAndCount(page);
  await expect(page.getByText('（C01）').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '修改记录' })).toHaveCount(0);

  // After the close, 发出 becomes 2 (with the PIN): C01 no longer holds…
  await page.getByRole('button', { name: '返回场次' }).tap();
  const issued = page.getByRole('form', { name: '修改发出张数' });
  await issued.getByLabel('修改发出张数').fill('2');
  await issued.getByRole('button', { name: '确定' }).tap();
  await enterPin(page);
  await expect(page.getByText('已投 2 张 / 发出 2 张')).toBeVisible();
  await page.getByRole('button', { name: '查看结果' }).tap();
  await enterPin(page, PIN, '查看结果');
  // …but the correction and what held before it are on the results and on the paper.
  const record = page.locator('.rk-screen .rk-corrections');
  await expect(record.getByRole('heading', { name: '修改记录' })).toBeVisible();
  await expect(record).toContainText(/发出：1 → 2（.+ 修改）/);
  await expect(record).toContainText(/修改前：.*（C01）.*（已修改）/);
  const printed = await page.locator('article.rk-print').textContent();
  expect(printed).toMatch(/修改记录.*发出：1 → 2（.+ 修改）.*修改前：.*（C01）.*（已修改）/s);
  expect(printed?.indexOf('修改记录')).toBeLessThan(printed!.indexOf('监票人（签名）'));
});
