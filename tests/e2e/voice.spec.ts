// 语音朗读 on the voter screen, with a recording stand-in for the device's speechSynthesis:
// what is spoken and when; nothing spoken unless this voter turned it on; the next voter
// starts with it off; a device without a Chinese voice says so.
import { test, expect, type Page } from '@playwright/test';
import { EVALUATION, RECOMMENDATION, expectHome, openSession, startVoting, voteFor } from './helpers';

/** Replaces the browser's speechSynthesis with one that records what it is asked to say.
 *  `voices`: the device's voices; `window.__addVoice(lang)` adds one later, as Chrome does. */
async function recordSpeech(page: Page, voices: string[]) {
  await page.addInitScript((langs: string[]) => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: string[] = [];
    const list = langs.map((lang) => ({ lang, name: `stub ${lang}`, voiceURI: lang, localService: true, default: false }));
    const listeners: (() => void)[] = [];
    w.__spoken = spoken;
    w.__addVoice = (lang: string) => {
      list.push({ lang, name: `stub ${lang}`, voiceURI: lang, localService: true, default: false });
      for (const f of listeners) f();
    };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => list,
        speak: (u: { text: string }) => spoken.push(u.text),
        cancel: () => {},
        addEventListener: (_: string, f: () => void) => listeners.push(f),
        removeEventListener: () => {},
      },
    });
    w.SpeechSynthesisUtterance = class {
      text: string;
      constructor(text: string) {
        this.text = text;
      }
    };
  }, voices);
}

/** The voter screen of a new session, on a device with `voices`. */
async function voterScreen(page: Page, voices: string[], template: string) {
  await recordSpeech(page, voices);
  await page.goto('/');
  await expectHome(page);
  await openSession(page, { template, category: '党员', issued: '3' });
  await startVoting(page);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice());
const last = async (page: Page) => (await spoken(page)).at(-1) ?? '';

test('voice reading: off until the voter turns it on; the ballot, each tap, the review and 已投票 are said; the next voter starts with it off', async ({ page }) => {
  await voterScreen(page, ['en-US', 'zh-CN'], RECOMMENDATION);
  const voice = page.getByRole('switch', { name: '语音朗读', exact: true });
  await expect(voice).toHaveAttribute('aria-checked', 'false');

  // Off: taps are silent.
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  await page.getByRole('checkbox', { name: '于建华' }).tap();
  expect(await spoken(page)).toEqual([]);

  // On: the ballot's title, its instructions and its count.
  await voice.tap();
  await expect(voice).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => last(page)).toContain(RECOMMENDATION);
  const opening = await last(page);
  expect(opening).toContain('最多推荐 5 人');
  expect(opening).toContain('已选 0 / 5');

  // A tap: the name, its new state and the section's count, as the screen shows them.
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await expect.poll(() => last(page)).toBe('王秀英，已选，已选 1 / 5');
  await page.getByRole('checkbox', { name: '王秀英' }).tap();
  await expect.poll(() => last(page)).toBe('王秀英，未选，已选 0 / 5');
  await page.getByRole('checkbox', { name: '朱丽萍' }).tap();
  await expect.poll(() => last(page)).toBe('朱丽萍，已选，已选 1 / 5');

  // The review: the voter's choices in words.
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '请核对您的选择' })).toBeVisible();
  await expect.poll(() => last(page)).toContain('请核对您的选择');
  expect(await last(page)).toContain('朱丽萍');
  await page.getByRole('button', { name: '确认提交' }).tap();
  await expect.poll(() => last(page)).toBe('已投票，请将平板交给下一位');

  // The next voter: off again, and their taps are not said.
  await page.getByRole('button', { name: '下一位开始投票' }).tap();
  await expect(voice).toHaveAttribute('aria-checked', 'false');
  const before = (await spoken(page)).length;
  await voteFor(page, ['陈国强']);
  expect((await spoken(page)).slice(before)).toEqual([]);
});

test('voice reading: an evaluation level is said with its subject; focus says a control too', async ({ page }) => {
  await voterScreen(page, ['zh-CN'], EVALUATION);
  await page.getByRole('switch', { name: '语音朗读', exact: true }).tap();
  await expect.poll(() => last(page)).toContain(EVALUATION);
  const rate = (item: string, level: string) =>
    page.getByRole('radiogroup', { name: item }).getByRole('radio', { name: level, exact: true });
  await rate('王秀英 书记', '基本满意').tap();
  await expect.poll(() => last(page)).toBe('王秀英 书记，基本满意，已选');
  // A keyboard (or a switch device) moving focus: each control said as it is reached.
  await rate('王秀英 书记', '基本满意').focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => last(page)).toBe('王秀英 书记，不满意，未选');
  // Turned off: silent again.
  await page.getByRole('switch', { name: '语音朗读', exact: true }).tap();
  const before = (await spoken(page)).length;
  await rate('王秀英 书记', '满意').tap();
  await page.keyboard.press('Tab');
  expect((await spoken(page)).slice(before)).toEqual([]);
});

test('voice reading: a device without a Chinese voice says so, until one is installed', async ({ page }) => {
  await voterScreen(page, ['en-US'], RECOMMENDATION);
  const none = page.getByRole('switch', { name: '语音朗读：本机没有中文语音' });
  await expect(none).toBeDisabled();
  await expect(none).toHaveAttribute('aria-checked', 'false');
  // The device lists a Chinese voice later: the switch can be used.
  await page.evaluate(() => (window as unknown as { __addVoice: (l: string) => void }).__addVoice('zh-HK'));
  const voice = page.getByRole('switch', { name: '语音朗读', exact: true });
  await expect(voice).toBeEnabled();
  await voice.tap();
  await expect.poll(() => last(page)).toContain(RECOMMENDATION);
});

test.describe('while the voice module is on its way', () => {
  // The module's request is held here; a service worker would answer it itself.
  test.use({ serviceWorkers: 'block' });
  test('voice reading: the voice arriving while a voter types in a write-in cell loses nothing typed', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/voice/voice.js', async (route) => {
      await held;
      await route.continue();
    });
    await voterScreen(page, ['zh-CN'], RECOMMENDATION);
    const cell = page.getByLabel('另选他人 1');
    await cell.fill('赵六');
    // The module arrives and the switch is drawn again, with the text still in the cell.
    release();
    await expect(page.getByRole('switch', { name: '语音朗读', exact: true })).toBeEnabled();
    await expect(cell).toHaveValue('赵六');
    await cell.press('Tab');
    await page.getByRole('button', { name: '提交', exact: true }).tap();
    await expect(page.getByRole('region', { name: '请核对您的选择' })).toContainText('赵六');
  });
});
