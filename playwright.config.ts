import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CAMERA_DIR } from './tests/e2e/global-setup';

// Debian's Chromium, never a downloaded browser. As root it needs --no-sandbox; the
// networking flags stop it from calling home on this machine's closed network.
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

// scripts/test passes a free port; 4173 when run by hand.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: chromium,
    hasTouch: true,
  },
  globalSetup: './tests/e2e/global-setup.ts',
  projects: [
    { name: 'tablet', testIgnore: /camera\.spec/, use: { viewport: { width: 820, height: 1180 }, isMobile: true, deviceScaleFactor: 2 } },
    { name: 'phone', testIgnore: /camera\.spec/, use: { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 3 } },
    // 拍照计票 on a phone whose camera is Chromium's fake one, showing printed ballots
    // (tests/e2e/global-setup.ts writes the feed).
    // After the others: its reading is timed by the feed, and the QR camera test's decoding
    // is timed too; the two side by side on two cores starve each other.
    // Its tests one after another, for the same reason: each decodes the feed.
    {
      name: 'camera',
      testMatch: /camera\.spec/,
      dependencies: ['tablet', 'phone'],
      fullyParallel: false,
      use: {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        deviceScaleFactor: 3,
        permissions: ['camera'],
        launchOptions: {
          ...chromium,
          args: [
            ...chromium.args,
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-video-capture=${resolve(CAMERA_DIR, 'ballots.y4m')}`,
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
