import { defineConfig } from '@playwright/test';

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
  projects: [
    { name: 'tablet', use: { viewport: { width: 820, height: 1180 }, isMobile: true, deviceScaleFactor: 2 } },
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 3 } },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
