// Counting paper ballots on a phone as they are read aloud (唱票计票): the counter taps what
// each ballot shows, the app checks it before it is committed and keeps the board.
import { test, expect, type Page } from '@playwright/test';
import {
  EVALUATION, PIN, RECOMMENDATION, card, enter, enterPin, evalRow, fillDisk, importTemplate, openCount,
  openSession, recommendationTemplate, row, spaced, startVoting, type Paper, expectHome } from './helpers';

const NAMES = ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强', '周 敏', '徐红梅'];
const MAX = 5;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

async function tab(page: Page, name: string | RegExp) {
  await page.getByRole('tab', { name }).tap();
}

/** The blackboard's 正 strokes for n, written out independently of the app. */
function zheng(n: number): string {
  return '正'.repeat(Math.floor(n / 5)) + ['', '一', '丅', '下', '止'][n % 5];
}

/** What the meeting's rules make of the stack (the sample template: at most 5, write-ins
 *  count toward the limit, a write-in of a listed name is not counted). */
function expected(stack: Paper[]) {
  const votes = new Map<string, number>(NAMES.map((n) => [n, 0]));
  const writeIns = new Map<string, number>();
  let valid = 0, blank = 0, invalid = 0;
  for (const p of stack) {
    if ('blank' in p) { blank++; continue; }
    if ('void' in p) { invalid++; continue; }
    const written = [...(p.writeIns ?? []), ...(p.chip ? [p.chip] : [])].filter((w) => !NAMES.includes(w));
    const marks = p.names.length + new Set(written).size;
    if (marks > MAX) { invalid++; continue; }
    // Nothing on the paper is a blank ballot; a write-in that is not counted is still a mark.
    if (p.names.length === 0 && (p.writeIns ?? []).length === 0 && !p.chip) { blank++; continue; }
    valid++;
    for (const n of p.names) votes.set(n, (votes.get(n) ?? 0) + 1);
    for (const w of new Set(written)) writeIns.set(w, (writeIns.get(w) ?? 0) + 1);
  }
  return { votes, writeIns, valid, blank, invalid };
}

test('a stack of 30 paper ballots, over-marked, blank, void and write-ins included, gives exactly the expected count', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on a phone');
  await openCount(page, { due: '35', present: '32', issued: '32', returned: '30' });
  await expect(page.getByText('长乐居民区 · 党员')).toBeVisible();
  await expect(page.getByText('已录入 0 张 / 收回 30 张')).toBeVisible();

  const stack: Paper[] = [
    { names: ['于建华', '王秀英', '朱丽萍'] },
    { names: ['于建华', '李卫东'] },
    { blank: true },
    { names: ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强', '周 敏'] }, // one too many: void
    { names: ['王秀英'], writeIns: ['赵六'] },
    { names: ['徐红梅'], chip: '赵六' }, // the same name, from the suggestion
    { void: '无法辨认' },
    { names: ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强'] }, // exactly five
    { names: ['于建华', '王秀英', '朱丽萍', '李卫东'], writeIns: ['孙七'], chip: '赵六' }, // six with write-ins
    { names: ['陈国强'], writeIns: ['王秀英'] }, // a listed name written in: not counted
    { names: [], writeIns: ['王秀英'] }, // only that: it counts for nobody, yet the paper is not blank
    { void: '使用非规定符号' },
    { names: [] }, // nothing marked, committed with 下一张: blank
  ];
  for (let i = stack.length; i < 30; i++) stack.push({ names: NAMES.filter((_, j) => (i + j) % 3 === 0) });

  for (const [i, p] of stack.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: `第 ${i + 1} 张` })).toBeVisible();
    if (i === 3) {
      // The pad says what the rules make of it before it is committed.
      for (const n of (p as { names: string[] }).names) await page.getByRole('checkbox', { name: n, exact: true }).tap();
      await expect(page.getByRole('status').filter({ hasText: '此票无效：推荐人数超过 5 人（选了 6 人）' })).toBeVisible();
      await expect(page.getByText('本张选了 6 人（应推荐 5 人）')).toBeVisible();
      await page.getByRole('button', { name: '下一张' }).tap();
      continue;
    }
    if (i === 9) {
      await page.getByRole('checkbox', { name: '陈国强', exact: true }).tap();
      await page.getByLabel('另选他人 1').fill('王秀英');
      await expect(page.getByRole('status').filter({ hasText: '另选“王秀英”是名单上的人，这一栏不计' })).toBeVisible();
      await page.getByRole('button', { name: '下一张' }).tap();
      continue;
    }
    if (i === 10) {
      // The same write-in alone: the pad still says why it is not counted.
      await page.getByLabel('另选他人 1').fill('王秀英');
      await expect(page.getByRole('status').filter({ hasText: '另选“王秀英”是名单上的人，这一栏不计' })).toBeVisible();
      await page.getByRole('button', { name: '下一张' }).tap();
      continue;
    }
    await enter(page, p);
  }
  await expect(page.getByText('已录入 30 张 / 收回 30 张')).toBeVisible();
  await expect(page.getByText('收回的 30 张已全部录入。')).toBeVisible();
  // One more is refused, and nothing is stored.
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByRole('alert')).toHaveText('已录入 30 张，与收回张数相同，不能再录入。如收回张数有误，请先更正。（C10）');

  const want = expected(stack);
  await tab(page, '计票板');
  await expect(page.getByText(`共 30 张：有效 ${want.valid} 张，空白 ${want.blank} 张，无效 ${want.invalid} 张`).first()).toBeVisible();
  for (const [name, n] of want.votes) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${spaced(name)}\\s*${zheng(n)}\\s*${n}\\s`));
  }
  // Every write-in the rules count, and no other: the board's rows, not the test's sums.
  for (const [name, n] of want.writeIns) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${name}（另选）\\s*${zheng(n)}\\s*${n}\\s`));
  }
  await expect(page.getByRole('row', { name: /（另选）/ })).toHaveCount(want.writeIns.size);
  await expect(row(page, '赵六')).toHaveText(/^赵六（另选）\s*丅\s*2\s/);
  await expect(row(page, '孙七')).toHaveCount(0);
  await expect(row(page, '王秀英')).toHaveText(new RegExp(`^王秀英\\s*${zheng(want.votes.get('王秀英')!)}\\s*${want.votes.get('王秀英')}\\s`));
});

test('undo and correct: every change is kept in the audit log; a reload mid-stack loses nothing', async ({ page }) => {
  await openCount(page);
  for (const name of ['于建华', '王秀英', '朱丽萍']) {
    await page.getByRole('checkbox', { name, exact: true }).tap();
    await page.getByRole('button', { name: '下一张' }).tap();
  }
  await expect(page.getByText('已录入 3 张（收回张数未填）')).toBeVisible();

  // Undo asks first, and names the ballot.
  await page.getByRole('button', { name: '划去上一张' }).tap();
  const ask = page.getByRole('alertdialog', { name: '划去上一张（第 3 张）？' });
  await expect(ask).toContainText('有效票：朱丽萍');
  await ask.getByRole('button', { name: '取消' }).tap();
  await expect(page.getByText('已录入 3 张')).toBeVisible();
  await page.getByRole('button', { name: '划去上一张' }).tap();
  await ask.getByRole('button', { name: '划去上一张' }).tap();
  await expect(page.getByText('已录入 2 张（收回张数未填）')).toBeVisible();

  // The list in reading order: the struck one is still there and can be restored. The tab
  // counts what the status line counts: the ballots that stand.
  await tab(page, '已录入 2');
  const third = page.getByRole('listitem').filter({ hasText: /^第 3 张/ });
  await expect(third).toContainText('已划去');
  await page.getByRole('button', { name: '恢复第 3 张' }).tap();
  await expect(page.getByText('已录入 3 张')).toBeVisible();

  // Correct the first ballot: it comes back on the pad as entered.
  await page.getByRole('button', { name: '更正第 1 张' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '正在更正第 1 张' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '于建华', exact: true })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await page.getByRole('checkbox', { name: '李卫东', exact: true }).tap();
  await page.getByRole('button', { name: '保存更正' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '第 4 张' })).toBeVisible();

  // Strike the second from the list, after a question.
  await tab(page, '已录入 3');
  await page.getByRole('button', { name: '划去第 2 张' }).tap();
  await page.getByRole('alertdialog', { name: '划去第 2 张？' }).getByRole('button', { name: '划去' }).tap();
  const first = page.getByRole('listitem').filter({ hasText: /^第 1 张/ });
  await expect(first).toContainText('有效票：李卫东');
  await expect(first).toContainText('更正过 1 次');
  const audit = page.getByRole('region', { name: '修改记录' });
  await expect(audit.getByRole('listitem')).toHaveText([/第 3 张划去$/, /第 3 张恢复$/, /第 1 张更正$/, /第 2 张划去$/]);

  await tab(page, '计票板');
  await expect(page.getByText('共 2 张：有效 2 张，空白 0 张，无效 0 张').first()).toBeVisible();
  // The printed 报告单 lists them too, before the signatures.
  const printed = await page.locator('article.rk-print').textContent();
  expect(printed).toMatch(/修改记录.*第 3 张划去.*第 3 张恢复.*第 1 张更正.*第 2 张划去.*监票人（签名）/s);
  for (const [name, n] of [['于建华', 0], ['王秀英', 0], ['朱丽萍', 1], ['李卫东', 1]] as const) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${name}\\s*${zheng(n)}\\s*${n}\\s`));
  }

  // The phone reloads in the middle of the stack: everything committed is there.
  await page.reload();
  const c = card(page, new RegExp(`${RECOMMENDATION}.*长乐居民区 · 党员`));
  await expect(c).toContainText('已录入 2 张（收回张数未填）');
  await c.getByRole('button', { name: '继续计票' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '第 4 张' })).toBeVisible();
  await page.getByRole('checkbox', { name: '徐红梅', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 3 张')).toBeVisible();
  await tab(page, '已录入 3');
  await expect(page.getByRole('region', { name: '修改记录' }).getByRole('listitem')).toHaveCount(4);
});

test('收回 more than 发出 is flagged as voiding the vote, and figures can be corrected later', async ({ page }) => {
  await openCount(page, { issued: '30', returned: '31' });
  const c01 = '收回 31 张多于发出 30 张：本次投票无效，应重新投票。（C01）';
  await expect(page.getByRole('alert').filter({ hasText: c01 })).toBeVisible();
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await page.getByRole('checkbox', { name: '王秀英', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();

  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(card(page, /长乐居民区 · 党员/).getByRole('alert')).toHaveText(c01);
  await card(page, /长乐居民区 · 党员/).getByRole('button', { name: '继续计票' }).tap();

  await tab(page, '人数张数');
  await page.getByLabel('收回张数', { exact: true }).fill('三十');
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('请填写 0 到 100000 之间的整数，或留空（S05）')).toBeVisible();
  await page.getByLabel('收回张数', { exact: true }).fill('1');
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('人数和张数须为 0 到 100000 之间的整数，收回张数不能少于已录入的张数。（C15）')).toBeVisible();
  await page.getByLabel('收回张数', { exact: true }).fill('30');
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('已录入 2 张 / 收回 30 张')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await tab(page, '已录入 2');
  await expect(page.getByRole('region', { name: '修改记录' }).getByRole('listitem')).toHaveText(/人数张数改为：应到 未填，实到 未填，发出 30，收回 30$/);
});

test('a keyboard does what the taps do: digits and letters mark, Enter commits', async ({ page }, info) => {
  test.skip(info.project.name !== 'tablet', 'a desktop keyboard: once is enough');
  await openCount(page);
  await page.keyboard.press('1');
  await page.keyboard.press('3');
  await expect(page.getByRole('checkbox', { name: '朱丽萍', exact: true })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  // Typing a name in a write-in cell marks nothing; Enter there commits too.
  await page.keyboard.press('7');
  await page.getByLabel('另选他人 1').fill('赵六 1');
  await page.getByLabel('另选他人 1').press('Enter');
  await expect(page.getByText('已录入 2 张')).toBeVisible();
  await tab(page, '计票板');
  for (const [name, n] of [['于建华', 1], ['朱丽萍', 1], ['徐红梅', 1], ['王秀英', 0]] as const) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${name}\\s*${zheng(n)}\\s*${n}\\s`));
  }
  await expect(row(page, '赵六 1')).toHaveText(/^赵六 1（另选）\s*一\s*1\s/);
});

test('two listed persons of one name: a write-in of it is credited to neither unless the counters decide on paper; a tablet asks the voter', async ({ page }) => {
  const template = recommendationTemplate('同名推荐票', ['李敏', '李敏', '王芳']);
  const section = template.sections[0];
  Object.assign(section, {
    candidates: [{ name: '李敏', note: '女，1968年生' }, { name: '李敏', note: '男，1975年生' }, { name: '王芳' }],
    write_in_may_repeat_listed: true,
  });
  await importTemplate(page, template);

  // On paper the counters are told; neither 李敏 is credited.
  await openCount(page, { template: '同名推荐票' });
  await page.getByRole('checkbox', { name: '王芳', exact: true }).tap();
  await page.getByLabel('另选他人 1').fill('李 敏');
  await expect(page.getByRole('status').filter({ hasText: '另选“李敏”：名单上有同名的几位，无法确定是哪一位，这一栏不计' })).toBeVisible();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  // The next paper, where the counters can tell: they decide, and the ballot keeps it.
  await page.getByLabel('另选他人 1').fill('李敏');
  const decide = page.getByRole('radiogroup', { name: '名单上有几位“李敏”：请监票人确定这张票写的是哪一位' });
  await decide.getByRole('radio', { name: '李敏（女，1968年生）' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '另选“李敏”：经监票人确定，计给李敏（女，1968年生）' })).toBeVisible();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 2 张')).toBeVisible();
  await tab(page, '计票板');
  await expect(row(page, '王芳')).toHaveText(/^王芳\s*一\s*1\s/);
  const li = page.getByRole('row', { name: /^李\s*敏/ });
  await expect(li).toHaveCount(2);
  await expect(row(page, '李敏（女，1968年生）')).toHaveText(/^李敏（女，1968年生）\s*一\s*1\s/);
  await expect(row(page, '李敏（男，1975年生）')).toHaveText(/^李敏（男，1975年生）\s*0\s/);
  await page.getByRole('button', { name: '返回首页' }).first().tap();

  // On a tablet the voter is sent to the list, where the notes tell the two apart.
  await openSession(page, { template: '同名推荐票', category: '党员' });
  await startVoting(page);
  const cell = page.getByLabel('另选他人 1');
  await cell.fill('李敏');
  await cell.press('Tab');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).toHaveAccessibleDescription('这一栏不计入：名单上有不止一位“李敏”，请直接在名单里选择您要推荐的那一位。');
});

test('paper evaluation forms: two levels on one subject void that subject only', async ({ page }) => {
  await openCount(page, { template: EVALUATION, category: '群众代表' });
  const item = (name: string) => page.getByRole('group', { name: new RegExp(`^${spaced(name)}`) });
  await item('王秀英').getByRole('checkbox', { name: '满意', exact: true }).tap();
  await item('朱建国').getByRole('checkbox', { name: '满意', exact: true }).tap();
  await item('朱建国').getByRole('checkbox', { name: '不满意', exact: true }).tap();
  await expect(page.getByRole('status').filter({ hasText: '「朱建国」选了多个等次，这一项不计' })).toBeVisible();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  await tab(page, '计票板');
  // Columns: 满意, 基本满意, 不满意, 未评, 多选无效, 基数.
  await expect(row(page, '王秀英')).toHaveText(evalRow('王秀英（书记）', [1, 0, 0], [0, 0, 1]));
  // The form is void for 朱建国 (多选无效 1): out of his base, which is 0, so no level has a
  // rate (it used to be 1, and 0% 满意).
  await expect(row(page, '朱建国')).toHaveText(/^朱建国（副书记）\s*0\s*0\s*0\s*0\s*1\s*0\s*$/);
});

test('a ballot the phone cannot store is said to be NOT saved, keeps its marks, and nothing earlier is lost', async ({ page }) => {
  await openCount(page);
  await page.getByRole('checkbox', { name: '于建华', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  const freeDisk = await fillDisk(page, 'count_entries');
  await page.getByRole('checkbox', { name: '王秀英', exact: true }).tap();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByRole('alert')).toContainText('这张票没有保存：设备存储空间已满');
  await expect(page.getByRole('alert')).toHaveCSS('border-left-color', 'rgb(168, 23, 27)');
  await expect(page.getByRole('heading', { level: 2, name: '第 2 张' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '王秀英', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('已录入 1 张')).toBeVisible();
  // Space again: the same ballot is committed, once.
  await freeDisk();
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByText('已录入 2 张')).toBeVisible();
  await page.reload();
  await expect(card(page, /长乐居民区 · 党员/)).toContainText('已录入 2 张');
});

/** The page itself does not scroll: everything below is on the one screen. */
async function pageDoesNotScroll(page: Page) {
  expect(await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return [window.scrollY, document.documentElement.scrollHeight - window.innerHeight, main.scrollHeight - main.clientHeight];
  })).toEqual([0, 0, 0]);
}

/** Everything a counter touches for one ballot, wholly on screen. */
async function padOnOneScreen(page: Page, names: string[], heading: string) {
  await pageDoesNotScroll(page);
  for (const target of [
    page.getByRole('heading', { level: 2, name: heading }),
    ...names.map((name) => page.getByRole('checkbox', { name, exact: true })),
    page.getByLabel('另选他人 1'),
    page.getByLabel('另选他人 2'),
    page.getByRole('button', { name: '下一张' }),
    page.getByRole('button', { name: '空白票', exact: true }),
    page.getByRole('button', { name: '废票', exact: true }),
  ]) {
    await expect(target).toBeInViewport({ ratio: 1 });
  }
}

test('on a phone one ballot of up to 12 names and 2 write-in cells is one screen, before and after 下一张', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the phone is the small screen');
  // The sample: 7 names.
  await openCount(page, { returned: '30' });
  await padOnOneScreen(page, NAMES, '第 1 张');
  await enter(page, { names: ['王秀英'], writeIns: ['赵六'] });
  await padOnOneScreen(page, NAMES, '第 2 张');
  await expect(page.getByRole('status').filter({ hasText: '第 1 张已保存' })).toBeInViewport();

  // Twelve names, one of them four characters long.
  const twelve = ['丁一', '于建华', '王秀英', '朱丽萍', '李卫东', '陈国强', '周敏', '徐红梅', '欧阳建国', '黄小燕', '曹明', '潘立新'];
  await page.getByRole('button', { name: '‹ 返回首页' }).tap();
  await importTemplate(page, recommendationTemplate('十二人推荐票', twelve, 7));
  await openCount(page, { template: '十二人推荐票' });
  await padOnOneScreen(page, twelve, '第 1 张');
  for (let n = 1; n <= 3; n++) {
    await enter(page, { names: [twelve[n], twelve[11]], writeIns: n === 1 ? ['赵六'] : [] });
    await padOnOneScreen(page, twelve, `第 ${n + 1} 张`);
    await expect(page.getByRole('status').filter({ hasText: `第 ${n} 张已保存` })).toBeInViewport();
  }
  // A strike and a correction say so in the same place, and it is what a reload reads.
  await page.getByRole('button', { name: '划去上一张' }).tap();
  await page.getByRole('alertdialog', { name: '划去上一张（第 3 张）？' }).getByRole('button', { name: '划去上一张' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '第 3 张已划去' })).toBeInViewport();
  await page.reload();
  await card(page, /十二人推荐票/).getByRole('button', { name: '继续计票' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '第 3 张已划去' })).toBeInViewport();
  await padOnOneScreen(page, twelve, '第 4 张');
});

test('an evaluation form scrolls only its marks: the bar stays, and each ballot starts at its top', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the phone is the small screen');
  await openCount(page, { template: EVALUATION, category: '群众代表' });
  const bar = [
    page.getByRole('heading', { level: 2, name: '第 1 张' }),
    page.getByRole('button', { name: '下一张' }),
    page.getByRole('button', { name: '空白票', exact: true }),
    page.getByRole('button', { name: '废票', exact: true }),
  ];
  const groups = page.getByRole('group', { name: /^(?!这张票)/ });
  const first = groups.first();
  const last = groups.last();
  await expect(first).toBeInViewport();
  await expect(last).not.toBeInViewport();
  await last.getByRole('checkbox', { name: '满意', exact: true }).tap();
  await expect(last).toBeInViewport();
  await pageDoesNotScroll(page);
  for (const target of bar) await expect(target).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: '下一张' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: '第 2 张' })).toBeInViewport({ ratio: 1 });
  await expect(first).toBeInViewport();
  await pageDoesNotScroll(page);
});

test('counting screen: large touch targets', async ({ page }) => {
  await openCount(page);
  for (const target of [
    page.getByRole('checkbox', { name: '于建华', exact: true }),
    page.getByRole('button', { name: '下一张' }),
    page.getByRole('button', { name: '空白票', exact: true }),
    page.getByRole('button', { name: '废票', exact: true }),
    page.getByRole('tab', { name: '计票板' }),
  ]) {
    const box = await target.boundingBox();
    expect(box, 'on screen').not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    expect(box!.width).toBeGreaterThanOrEqual(60);
  }
});

test('deleting a count needs its PIN; it is kept as deleted and restored from 本机数据与备份 with its ballots', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'counting happens on phones');
  await openCount(page, { branch: '第三支部', issued: '2', returned: '2' });
  await enter(page, { names: ['于建华'] });
  await enter(page, { blank: true });
  await page.getByRole('tab', { name: '人数张数' }).tap();
  await page.getByRole('button', { name: '删除本次计票' }).tap();
  await expect(page.getByRole('dialog')).toContainText('删除后保留 30 天，可在“本机数据与备份”中恢复');
  await enterPin(page, '135791', '删除本次计票');
  await expect(page.getByText('密码不正确，请重新输入。')).toBeVisible();
  await enterPin(page, PIN, '删除本次计票');
  await expectHome(page);
  await expect(page.getByText('第三支部')).toHaveCount(0);

  // Kept, with its log: listed as deleted, and restored with one tap.
  await page.getByRole('button', { name: '本机数据与备份' }).first().tap();
  const deleted = page.getByRole('region', { name: '已删除的场次和计票' });
  await expect(deleted).toContainText(/「长乐居民区 · 第三支部 · .+」：.+ 删除，还保留 30 天/);
  await deleted.getByRole('button', { name: /^恢复：长乐居民区 · 第三支部/ }).tap();
  await expect(page.getByRole('status')).toContainText('已恢复「长乐居民区 · 第三支部');
  await expect(page.getByRole('region', { name: '已删除的场次和计票' })).toHaveCount(0);
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(page.getByText(/第三支部/).first()).toBeVisible();
  // The restore's write dropped the count's checkpoint (which said 已删除): a reload reads
  // its log, and shows it too.
  await page.reload();
  await expect(page.getByText(/第三支部/).first()).toBeVisible();
  await expect(page.getByText('已录入 2 张 / 收回 2 张')).toBeVisible();
  await page.getByRole('button', { name: '继续计票' }).tap();
  await expect(page.getByText('已录入 2 张 / 收回 2 张')).toBeVisible();
  // The log says what happened.
  await page.getByRole('tab', { name: /^已录入/ }).tap();
  await expect(page.getByText(/删除计票（保留 30 天/)).toBeVisible();
  await expect(page.getByText('恢复已删除的计票')).toBeVisible();
});
