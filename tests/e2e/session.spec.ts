// A session at the meeting: voters in turn on one tablet, in secret, nothing lost; the
// organiser's actions behind the PIN.
import { test, expect, chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  RECOMMENDATION, PIN, card, closeAndCount, enterPin, leaveVoting, marksOnScreen, openSession,
  row, startVoting, submit, expectHome } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

const NOTHING_MARKED = [
  '于建华:false', '王秀英:false', '朱丽萍:false', '李卫东:false', '陈国强:false', '周  敏:false', '徐红梅:false',
];

async function expectEmptyBallot(page: Page) {
  await expect(page.getByText('已选 0 / 5')).toBeVisible();
  expect((await marksOnScreen(page)).map((m) => m.replace(/\s+/g, ' '))).toEqual(
    NOTHING_MARKED.map((m) => m.replace(/\s+/g, ' ')),
  );
  for (const cell of await page.getByRole('textbox').all()) await expect(cell).toHaveValue('');
}

test('three voters in turn: each starts empty, back and reload show no earlier marks, results need the PIN', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '3' });
  await startVoting(page);

  // Voter 1.
  await expectEmptyBallot(page);
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await page.getByRole('button', { name: '确认提交' }).tap();
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toBeVisible();
  // Nothing of the ballot on the thank-you screen, and no count anywhere.
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByText(/已投 \d+ 张/)).toHaveCount(0);
  // The back button stays on the voter screen.
  await page.goBack();
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  await page.getByRole('button', { name: '下一位开始投票' }).tap();

  // Voter 2 marks, confirms; back and reload bring nothing back.
  await expectEmptyBallot(page);
  await page.getByRole('checkbox', { name: '朱丽萍' }).tap();
  await submit(page);
  await page.goBack();
  await expectEmptyBallot(page);
  await page.reload();
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  await expectEmptyBallot(page);

  // Voter 3.
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await page.getByLabel('另选他人 1').fill('赵六');
  await page.getByLabel('另选他人 1').press('Tab');
  await submit(page);
  await expectEmptyBallot(page);

  // The organiser: a wrong PIN keeps the voter screen.
  await page.getByRole('button', { name: '工作人员' }).tap();
  await enterPin(page, '1357');
  await expect(page.getByRole('dialog').getByText('密码不正确，请重新输入。')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).tap();
  await expectEmptyBallot(page);
  await leaveVoting(page);
  await expect(page.getByText('已投 3 张 / 发出 3 张')).toBeVisible();
  // No results while the session is open.
  await expect(page.getByRole('button', { name: '查看结果' })).toHaveCount(0);
  await expect(page.getByText('结束投票后才能查看计票结果。')).toBeVisible();

  await closeAndCount(page);
  await expect(page.getByText('共 3 张：有效 3 张，空白 0 张，无效 0 张')).toBeVisible();
  for (const [name, votes] of [['王秀英', 2], ['于建华', 1], ['朱丽萍', 1], ['李卫东', 0], ['赵六', 1]] as const) {
    await expect(row(page, name)).toHaveText(new RegExp(`^${name}(（另选）)?\\s*${votes}\\s`));
  }

  // Closed: no more voting; the results again need the PIN.
  await page.getByRole('button', { name: '返回场次' }).tap();
  await expect(page.getByText('已结束')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始投票' })).toHaveCount(0);
  await page.getByRole('button', { name: '查看结果' }).tap();
  await expect(page.getByRole('dialog', { name: '查看计票结果' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '计票结果' })).toHaveCount(0);

  // Reopening needs the PIN and is on record.
  await page.getByRole('button', { name: '重新开启投票' }).tap();
  await enterPin(page, PIN, '重新开启投票');
  await expect(page.getByText('进行中')).toBeVisible();
  const log = page.getByRole('list').filter({ hasText: '创建' });
  await expect(log.getByRole('listitem')).toHaveText([/创建$/, /结束投票$/, /重新开启投票$/]);
  await page.reload();
  await expect(log.getByRole('listitem')).toHaveCount(0); // the app starts on the home screen
  await card(page, new RegExp(RECOMMENDATION)).getByRole('button', { name: '管理' }).tap();
  await expect(log.getByRole('listitem')).toHaveText([/创建$/, /结束投票$/, /重新开启投票$/]);
});

test('five wrong PINs in a row pause the PIN for a minute', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  await page.getByRole('button', { name: '工作人员' }).tap();
  for (let i = 0; i < 4; i++) {
    await enterPin(page, '0000');
    await expect(page.getByRole('dialog').getByText('密码不正确，请重新输入。')).toBeVisible();
  }
  await enterPin(page, '0000');
  await expect(page.getByRole('dialog').getByText('密码错误次数过多，请 1 分钟后再试。')).toBeVisible();
  // The right PIN is not even checked now.
  await enterPin(page, PIN);
  await expect(page.getByRole('dialog').getByText('密码错误次数过多，请 1 分钟后再试。')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).tap();
  await expectEmptyBallot(page);
});

test('a reload in the middle of a session loses no acknowledged ballot and no one sees the unsent one', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  for (const name of ['徐红梅', '李卫东']) {
    await page.getByRole('checkbox', { name }).tap();
    await submit(page);
  }
  // A third voter is half-way when the tablet reloads.
  await page.getByRole('checkbox', { name: '陈国强' }).tap();
  await page.reload();
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  await expectEmptyBallot(page);
  await leaveVoting(page);
  await expect(page.getByText('已投 2 张')).toBeVisible();
  await closeAndCount(page);
  await expect(row(page, '徐红梅')).toHaveText(/^徐红梅\s*1\s/);
  await expect(row(page, '李卫东')).toHaveText(/^李卫东\s*1\s/);
  await expect(row(page, '陈国强')).toHaveText(/^陈国强\s*0\s/);
});

test('stored ballots carry no time and no order of voting', async ({ page }, info) => {
  test.skip(info.project.name !== 'tablet', 'a storage property: once is enough');
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  // Eight voters, eight different ballots: one name each, then a blank one.
  const names = ['于建华', '王秀英', '朱丽萍', '李卫东', '陈国强', '周 敏', '徐红梅'];
  for (const name of names) {
    await page.getByRole('checkbox', { name }).tap();
    await submit(page);
  }
  await submit(page, '确认提交空白票');

  const stored = await page.evaluate(
    () =>
      new Promise<{ key: string; value: string }[]>((resolve, reject) => {
        const open = indexedDB.open('ballot-kit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('ballots').objectStore('ballots');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () =>
            resolve(keys.result.map((k, i) => ({ key: String(k), value: String(values.result[i]) })));
        };
      }),
  );
  expect(stored).toHaveLength(8);
  for (const { key, value } of stored) {
    // <session id>/<128 random bits>: nothing counts up.
    expect(key).toMatch(/^[0-9a-f]{32}\/[0-9a-f]{32}$/);
    // Its checksum, then the ballot and its category, nothing else: no time, no number.
    expect(value).toMatch(/^[0-9a-f]{8} \{/);
    expect(Object.keys(JSON.parse(value.slice(9))).sort()).toEqual(['b', 'c']);
  }
  // The store's order is not the order of voting (1 chance in 40 320 of a false alarm).
  // Each ballot is known by the list position of the one name it marks ('' for blank).
  const voted = [...names.map((_, i) => String(i)), ''];
  const inStore = stored.map((s) => String(JSON.parse(s.value.slice(9)).b.m[0].r.m ?? ''));
  expect([...inStore].sort()).toEqual([...voted].sort());
  expect(inStore).not.toEqual(voted);
});

test('more ballots than forms issued is shown as an error until 发出 is corrected', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '1' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await submit(page);
  await submit(page, '确认提交空白票');
  await leaveVoting(page);
  // The one message of C01, as the results and a paper count's board say it.
  await expect(page.getByRole('alert')).toHaveText('收回 2 张多于发出 1 张：本次投票无效，应重新投票。（C01）');
  const issued = page.getByRole('form', { name: '修改发出张数' });
  await issued.getByLabel('修改发出张数').fill('2');
  await issued.getByRole('button', { name: '确定' }).tap();
  await expect(page.getByRole('dialog', { name: '修改发出张数' })).toContainText('发出张数改为 2');
  await enterPin(page);
  await expect(page.getByText('已投 2 张 / 发出 2 张')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('listitem').last()).toHaveText(/发出张数改为 2$/);
});

test('several sessions on one device, each with its count and state; deleting needs the PIN', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, area: '长乐居民区', category: '党员' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await submit(page);
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).tap();
  await openSession(page, { template: RECOMMENDATION, area: '长乐居民区', category: '群众代表', pin: '864297' });
  await closeAndCount(page, '864297');
  await page.getByRole('button', { name: '返回场次' }).tap();
  await page.getByRole('button', { name: '返回首页' }).tap();

  const members = card(page, /长乐居民区 · 党员/);
  const masses = card(page, /长乐居民区 · 群众代表/);
  await expect(members).toContainText('进行中');
  await expect(members).toContainText('已投 1 张');
  await expect(masses).toContainText('已结束');
  await expect(masses).toContainText('已投 0 张');
  await expect(masses.getByRole('button', { name: '开始投票' })).toHaveCount(0);

  // Each session has its own PIN.
  await members.getByRole('button', { name: '管理' }).tap();
  await page.getByRole('button', { name: '删除场次' }).tap();
  await expect(page.getByRole('dialog')).toContainText('将删除本场次和已投的 1 张票。删除后保留 30 天，可在“本机数据与备份”中恢复');
  await enterPin(page, '864297', '删除场次');
  await expect(page.getByText('密码不正确，请重新输入。')).toBeVisible();
  await enterPin(page, PIN, '删除场次');
  await expect(page.getByRole('heading', { level: 2, name: '投票场次' })).toBeVisible();
  await expect(members).toHaveCount(0);
  await page.reload();
  await expect(masses).toBeVisible();
  await expect(members).toHaveCount(0);
});

test('an acknowledged ballot survives a browser crash', async ({ baseURL }, info) => {
  test.skip(info.project.name !== 'tablet', 'kills a whole browser: once is enough');
  const base = join(process.cwd(), '.tmp');
  mkdirSync(base, { recursive: true });
  const profile = mkdtempSync(join(base, 'crash-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...info.project.use,
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      baseURL,
    });

  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await openSession(page, { template: RECOMMENDATION, category: '党员' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '徐红梅' }).tap();
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await page.getByRole('button', { name: '确认提交' }).tap();
  await expect(page.getByRole('heading', { name: '已投票，请将平板交给下一位' })).toBeVisible();
  // The moment it says "recorded", the browser dies: no shutdown, no flush.
  execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
  await context.close().catch(() => {});

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  // Back on the voter screen, with a fresh ballot, and the ballot is there.
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  await expectEmptyBallot(page);
  await leaveVoting(page);
  await expect(page.getByText('已投 1 张')).toBeVisible();
  await closeAndCount(page);
  await expect(row(page, '徐红梅')).toHaveText(/^徐红梅\s*1\s/);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});
