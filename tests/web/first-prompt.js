#!/usr/bin/env node
// first-prompt.js — how long from navigation to the REPL's first ">>> " in
// the terminal: once in a fresh browser (cold), then the median of a few
// reloads (warm). Aim: under 300 ms warm.
//   node tests/web/first-prompt.js [RELOADS]
'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
const { CHROMIUM, openPlayground } = require('./playground.js');
const { serve } = require(path.join(ROOT, 'boards/web/serve.js'));

async function main(reloads) {
  const site = await serve(0);
  const browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  const times = [];
  for (let i = 0; i <= reloads; i++) {
    await openPlayground(page, site.url);
    // firstPromptMs is performance.now() in the page: from navigation start.
    times.push(await page.evaluate(() => window.pith.firstPromptMs()));
  }
  await browser.close();
  site.server.closeAllConnections();
  site.server.close();
  const warm = times.slice(1).sort((a, b) => a - b);
  console.log(`first prompt: cold ${times[0].toFixed(0)} ms, warm median ${warm[warm.length >> 1].toFixed(0)} ms` +
    ` (${warm.map((t) => t.toFixed(0)).join(' ')})`);
}

main(Number(process.argv[2] || 5)).catch((err) => {
  console.error(`first-prompt: ${err.message}`);
  process.exit(1);
});
