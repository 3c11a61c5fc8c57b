// Playwright config for the playground specs: Debian's Chromium, headless,
// against boards/web/serve.js on a test port. Run: make test-web
'use strict';
const path = require('path');
const { defineConfig } = require('@playwright/test');
const { CHROMIUM } = require('./playground.js');

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.PITH_TEST_PORT || 8123);

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  outputDir: path.join(ROOT, 'build/test-results'),
  timeout: 30000,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: `http://localhost:${PORT}/`,
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `node boards/web/serve.js --port ${PORT}`,
    cwd: ROOT,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
  },
});
