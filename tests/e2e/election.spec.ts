// The election (一选): a 差额 election template from templates/, voted on a tablet with
// 赞成 / 反对 / 弃权 per candidate, counted against more than half of those present.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import {
  closeAndCount, expectHome, importTemplate, leaveVoting, openSession, row, startVoting, submit } from './helpers';

const TITLE = '居民区党总支委员会委员选举票';
const NAMES = ['王建平', '刘淑芬', '孙志刚', '李秀兰', '张国华', '陈丽娟'];

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectHome(page);
});

async function choose(page: Page, name: string, vote: '赞成' | '反对' | '弃权') {
  await page.getByRole('radiogroup', { name }).getByRole('radio', { name: vote }).tap();
}

test('a 差额 election on a tablet: each candidate 赞成, 反对 or 弃权; elected above half of those present', async ({ page }) => {
  await importTemplate(page, JSON.parse(readFileSync('templates/党组织委员选举票.json', 'utf8')));
  // The template says what it is where it is chosen.
  await page.getByRole('button', { name: '新建场次' }).tap();
  await expect(page.getByRole('radio', { name: new RegExp(`^${TITLE}.*选举`) })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).first().tap();
  await openSession(page, { template: TITLE, due: '6', present: '4', issued: '4' });
  await startVoting(page);

  // Four voters: 王建平 and 刘淑芬 agreed by all, 孙志刚 by two (half of 4 present: not
  // elected), 李秀兰 opposed by three.
  const ballots: [string, '赞成' | '反对'][][] = [
    [['王建平', '赞成'], ['刘淑芬', '赞成'], ['孙志刚', '赞成'], ['李秀兰', '反对']],
    [['王建平', '赞成'], ['刘淑芬', '赞成'], ['孙志刚', '赞成'], ['李秀兰', '反对']],
    [['王建平', '赞成'], ['刘淑芬', '赞成'], ['李秀兰', '反对']],
    [['王建平', '赞成'], ['刘淑芬', '赞成'], ['陈丽娟', '反对']],
  ];
  for (const ballot of ballots) {
    for (const [name, vote] of ballot) await choose(page, name, vote);
    await submit(page);
  }
  await leaveVoting(page);
  await closeAndCount(page);

  await expect(page.getByText('差额选举，应选 5 人，得票超过规定的按得票多少当选').first()).toBeVisible();
  // 得票 (赞成), 反对, 弃权, then the status.
  await expect(row(page, '王建平')).toHaveText(/^王建平\s*4\s*0\s*0\s[\s\S]*\s当选\s*$/);
  await expect(row(page, '刘淑芬')).toHaveText(/^刘淑芬\s*4\s*0\s*0\s[\s\S]*\s当选\s*$/);
  await expect(row(page, '孙志刚')).toHaveText(/^孙志刚\s*2\s*0\s*2\s[\s\S]*未当选\s*$/);
  await expect(row(page, '李秀兰')).toHaveText(/^李秀兰\s*0\s*3\s*1\s[\s\S]*未当选\s*$/);
  await expect(row(page, '陈丽娟')).toHaveText(/^陈丽娟\s*0\s*1\s*3\s[\s\S]*未当选\s*$/);
  // Two elected for five seats: the rest is another round.
  await expect(page.getByText('委员：应选 5 名，当选的只有 2 名，不足的名额需另行选举。（R05）').first()).toBeVisible();
  for (const name of NAMES) await expect(row(page, name)).toHaveCount(1);
});
