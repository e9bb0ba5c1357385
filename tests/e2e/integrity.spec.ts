// Nothing acknowledged is ever lost (issue 17): one window writes a session or a count at a
// time, a session's own category cannot be changed on the voter screen, an unattended
// ballot is cleared, and the PIN pause survives a reload.
import { test, expect, type Page } from '@playwright/test';
import {
  RECOMMENDATION, PIN, changeOnDisk, closeAndCount, enter, enterPin, fillDisk, forgeOnDisk, leaveVoting, openCount, openSession,
  startVoting, voteFor, expectHome } from './helpers';

const elsewhere = (page: Page) => page.getByRole('heading', { name: '已在另一个窗口中打开' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

test('a second window of a session being voted in offers nothing, then takes over when the first is closed', async ({ page, context }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英', '李卫东']);

  // A second tap on the home-screen icon: the device is with the voters, so the new
  // window shows neither a ballot nor the organiser's screens.
  const second = await context.newPage();
  await second.goto('/');
  await expect(elsewhere(second)).toBeVisible();
  await expect(second.getByRole('button')).toHaveCount(0);
  await expect(second.getByRole('checkbox')).toHaveCount(0);

  // The first window goes on; its ballots are the only ones. (A window in the background
  // draws no frames: each window is brought to the front before it is used.)
  await page.bringToFront();
  await voteFor(page, ['陈国强']);
  await page.close();
  // Closed: the second window opens the voter screen, as a reload of the first would.
  await second.bringToFront();
  await expect(second.getByRole('button', { name: '工作人员' })).toBeVisible();
  await voteFor(second, ['王秀英']);
  await leaveVoting(second);
  await expect(second.getByText('已投 4 张 / 发出 10 张')).toBeVisible();
  await second.reload();
  await expect(second.getByText('已投 4 张 / 发出 10 张')).toBeVisible();
});

test('a session or count open in one window cannot be deleted, closed or counted in another', async ({ page, context }) => {
  // The second window was open on the home screen before voting began.
  const second = await context.newPage();
  await second.goto('/');
  await page.bringToFront();
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英']);

  await second.bringToFront();
  await second.reload();
  await expect(elsewhere(second)).toBeVisible();
  await second.close();
  const third = await context.newPage();
  await page.bringToFront();
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openCount(page, { returned: '5' });
  await enter(page, { names: ['王秀英'] });
  await expect(page.getByRole('heading', { level: 2, name: '第 2 张' })).toBeVisible();

  // The other window: the session is free again, the count is not.
  await third.bringToFront();
  await third.goto('/');
  await third.getByRole('button', { name: '继续计票' }).tap();
  await expect(elsewhere(third)).toBeVisible();
  await expect(third.getByRole('button', { name: '下一张' })).toHaveCount(0);
  await expect(third.getByRole('button', { name: '删除本次计票' })).toHaveCount(0);
  await third.getByRole('button', { name: '返回首页' }).tap();
  await third.getByRole('button', { name: '管理' }).tap();
  await expect(third.getByRole('button', { name: '删除场次' })).toBeVisible();

  // Now the first window cannot open the session the third holds.
  await page.bringToFront();
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await page.getByRole('button', { name: '管理' }).tap();
  await expect(elsewhere(page)).toBeVisible();
  await expect(page.getByRole('button', { name: '删除场次' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '结束投票' })).toHaveCount(0);

  // The count goes on in its window; a reload shows the same.
  await third.close();
  await expect(page.getByRole('button', { name: '结束投票' })).toBeVisible();
  await expect(page.getByText('已投 1 张 / 发出 10 张')).toBeVisible();
});

test('a session of one category offers no change of category, and the result equals the stored one', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await expect(page.getByText('身份：党员')).toBeVisible();
  await expect(page.getByRole('button', { name: '更改身份' })).toHaveCount(0);
  await voteFor(page, ['王秀英', '李卫东']);
  await leaveVoting(page);
  await closeAndCount(page);
  await expect(page.getByRole('button', { name: '公布结果' })).toBeVisible();
  const shown = await page.getByRole('main').innerText();
  expect(shown).not.toContain('群众');
  await page.reload();
  await page.getByRole('button', { name: '管理' }).tap();
  await page.getByRole('button', { name: '查看结果' }).tap();
  await enterPin(page, PIN, '查看结果');
  await expect(page.getByRole('button', { name: '公布结果' })).toBeVisible();
  expect(await page.getByRole('main').innerText()).toBe(shown);
  await expect(page.getByText(/已损坏/)).toHaveCount(0);
});

test('an unattended ballot is hidden behind 「还在投票吗？」 and discarded, never submitted', async ({ page }) => {
  await page.clock.install();
  await page.reload();
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await page.clock.runFor('02:50');
  await expect(page.getByRole('checkbox', { name: '王秀英' })).toHaveAttribute('aria-checked', 'true');
  await page.clock.runFor('00:15');
  await expect(page.getByRole('alertdialog', { name: '还在投票吗？' })).toBeVisible();
  // The marks are not there for the next person to see.
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  // An answer keeps them.
  await page.getByRole('button', { name: '继续投票' }).tap();
  await expect(page.getByRole('checkbox', { name: '王秀英' })).toHaveAttribute('aria-checked', 'true');
  // The review screen, then nobody: asked, then cleared.
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  await page.clock.runFor('03:05');
  await expect(page.getByRole('alertdialog', { name: '还在投票吗？' })).toBeVisible();
  await page.clock.runFor('01:05');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: '王秀英' })).toHaveAttribute('aria-checked', 'false');
  await leaveVoting(page);
  await expect(page.getByText('已投 0 张 / 发出 10 张')).toBeVisible();
});

test('the PIN pause survives a reload and the organiser is told of the wrong PINs', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: '工作人员' }).tap();
  for (let i = 1; i <= 4; i++) {
    await enterPin(page, '1111');
    await expect(dialog.getByText(`已连续输错 ${i} 次`)).toBeVisible();
  }
  await enterPin(page, '1111');
  await expect(dialog.getByText('密码错误次数过多，请 1 分钟后再试。本设备已连续输错 5 次。')).toBeVisible();
  // A reload: still paused, even for the right PIN.
  await page.reload();
  await page.getByRole('button', { name: '工作人员' }).tap();
  await enterPin(page, PIN);
  await expect(dialog.getByText('本设备已连续输错 5 次')).toBeVisible();
  await expect(page.getByRole('button', { name: '工作人员' })).toBeVisible();
  // A minute later the right PIN works, and the organiser learns of the five.
  await page.clock.install();
  await page.clock.fastForward('01:01');
  await enterPin(page, PIN);
  await expect(page.getByRole('button', { name: '结束投票' })).toBeVisible();
  await expect(page.getByText('本设备上工作人员密码被输错了 5 次')).toBeVisible();
});

test('one count step in two windows of a phone: the second waits, nothing is doubled', async ({ page, context }) => {
  await openCount(page, { returned: '5' });
  await enter(page, { names: ['王秀英'] });
  await enter(page, { blank: true });
  await expect(page.getByRole('heading', { level: 2, name: '第 3 张' })).toBeVisible();
  const second = await context.newPage();
  await second.goto('/');
  await second.getByRole('button', { name: '继续计票' }).tap();
  await expect(elsewhere(second)).toBeVisible();
  await page.close();
  await second.bringToFront();
  await expect(second.getByRole('heading', { level: 2, name: '第 3 张' })).toBeVisible();
});

test('with the disk full the session is still closed on screen and its results read; the close is stored once there is room', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英', '李卫东']);
  await leaveVoting(page);
  // A real quota cannot be set on this Chromium (CDP Storage.overrideQuotaForOrigin has no
  // effect here): every record added to "events" fails as a full quota does.
  const free = await fillDisk(page, 'events');
  await page.getByRole('button', { name: '结束投票' }).tap();
  await enterPin(page, PIN, '结束投票');
  await expect(page.getByRole('heading', { level: 1, name: '计票结果' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: '「结束投票」还没有保存' });
  await expect(alert).toContainText('按本设备已保存的 2 张票计算');
  await expect(page.getByRole('button', { name: '公布结果' })).toBeVisible();
  await expect(page.getByText('共 2 张：有效 2 张')).toBeVisible();
  // Still full: still not stored, still said.
  await alert.getByRole('button', { name: '保存结束记录' }).tap();
  await expect(alert).toContainText('设备存储空间已满，没有保存成功');
  await free();
  await alert.getByRole('button', { name: '保存结束记录' }).tap();
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('已结束', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '管理' }).tap();
  await page.getByRole('button', { name: '查看结果' }).tap();
  await enterPin(page, PIN, '查看结果');
  await expect(page.getByText('共 2 张：有效 2 张')).toBeVisible();
});

test('a damaged closing record does not reopen the session: the organiser decides with the PIN, on record', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英', '李卫东']);
  await leaveVoting(page);
  await closeAndCount(page);
  // The close's bytes change on disk ("closed" becomes "reopened"), its checksum kept.
  await changeOnDisk(page, 'events', '"closed"', '"reopened"');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '有 1 条已存记录损坏' })).toBeVisible();
  await expect(page.getByText('状态待确认')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始投票' })).toHaveCount(0);
  await page.getByRole('button', { name: '管理' }).tap();
  await expect(page.getByText('无法确定投票是否已经结束')).toBeVisible();
  await expect(page.getByRole('button', { name: '查看结果' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '开始投票' })).toHaveCount(0);
  await page.getByRole('button', { name: '确认：投票已结束' }).tap();
  await expect(page.getByRole('dialog')).toContainText('确认投票已结束，发出张数 10。');
  await enterPin(page, PIN);
  await expect(page.getByText('已结束', { exact: true })).toBeVisible();
  await expect(page.getByText('记录损坏后由工作人员确认：投票已结束，发出张数 10')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: '管理' }).tap();
  await expect(page.getByText('记录损坏后由工作人员确认：投票已结束，发出张数 10')).toBeVisible();
  await page.getByRole('button', { name: '查看结果' }).tap();
  await enterPin(page, PIN, '查看结果');
  await expect(page.getByText('共 2 张：有效 2 张')).toBeVisible();
});

test('a damaged session record hides none of its ballots, and the home screen and the data page count the same', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英', '李卫东']);
  await leaveVoting(page);
  // The session record's bytes change on disk, its checksum kept.
  await changeOnDisk(page, 'sessions', '长乐居民区', '长乐居委会');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '有 1 条已存记录损坏或无法使用' })).toBeVisible();
  await expect(page.getByText('已投 2 张 / 发出 10 张')).toBeVisible();
  await expect(page.getByText('长乐居委会')).toHaveCount(0);
  await page.getByRole('button', { name: '查看是哪几条' }).tap();
  await expect(page.getByRole('heading', { name: '损坏或无法使用的记录：1 条' })).toBeVisible();
});

test('a damaged step of a paper count is said on the counting screen, not silently dropped', async ({ page }) => {
  await openCount(page, { returned: '5' });
  await enter(page, { names: ['王秀英'] });
  await enter(page, { names: ['李卫东'] });
  await expect(page.getByRole('heading', { level: 2, name: '第 3 张' })).toBeVisible();
  // The first ballot's bytes change on disk, its checksum kept.
  await changeOnDisk(page, 'count_entries', '}', '} ');
  await page.reload();
  await page.getByRole('button', { name: '继续计票' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '本次计票有 1 条记录损坏或无法使用' })).toBeVisible();
});

test('a checkpoint forged on disk changes only a card until its session is opened: the ballots win, and the home screen says so', async ({ page }) => {
  await openSession(page, { template: RECOMMENDATION, category: '党员', issued: '10' });
  await startVoting(page);
  await voteFor(page, ['王秀英', '李卫东']);
  await leaveVoting(page);
  await page.getByRole('button', { name: '返回首页' }).tap();
  const card = page.getByText('已投 2 张 / 发出 10 张');
  await expect(card).toBeVisible();
  // The home screen reads the session's checkpoint, not its ballots: a reload shows the same.
  await page.reload();
  await expect(card).toBeVisible();
  // Someone who knows the format writes 5 ballots into it, with a right checksum.
  await forgeOnDisk(page, 'checkpoints', 's1 2 2', 's1 5 5');
  await page.reload();
  await expect(page.getByText('已投 5 张 / 发出 10 张')).toBeVisible();
  // Opened, its ballots are read and counted: they are what the page shows.
  await page.getByRole('button', { name: '管理' }).tap();
  await expect(page.getByText('已投 2 张 / 发出 10 张')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '本机存的汇总数与逐条记录不一致' })).toBeVisible();
  await expect(card).toBeVisible();
  // And written anew: a reload's card is the ballots' again, without a word.
  await page.reload();
  await expect(card).toBeVisible();
  await expect(page.getByText('本机存的汇总数与逐条记录不一致')).toHaveCount(0);
  await page.getByRole('button', { name: '管理' }).tap();
  await closeAndCount(page);
  await expect(page.getByText('共 2 张：有效 2 张')).toBeVisible();
});

test('a damaged checkpoint is not used: the card is counted from the ballots', async ({ page }) => {
  await openCount(page, { returned: '5' });
  await enter(page, { names: ['王秀英'] });
  await enter(page, { names: ['李卫东'] });
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(page.getByText('已录入 2 张 / 收回 5 张')).toBeVisible();
  // Its bytes change on disk, the checksum kept (a damaged disk): the checksum fails.
  await changeOnDisk(page, 'checkpoints', 'c1 2 2 0', 'c1 2 4 0');
  await page.reload();
  await expect(page.getByText('已录入 2 张 / 收回 5 张')).toBeVisible();
  await page.getByRole('button', { name: '继续计票' }).tap();
  await page.getByRole('button', { name: '返回首页' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '本机存的汇总数与逐条记录不一致' })).toBeVisible();
  await expect(page.getByText('已录入 2 张 / 收回 5 张')).toBeVisible();
});
