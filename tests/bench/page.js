#!/usr/bin/env node
// page.js — the playground's time from navigation to the REPL's first
// ">>> " (performance.now() in the page when the prompt arrives), cold:
// each run in a fresh browser context, so no cached bundle, wasm or
// compiled code; then warm: reloads in one context. Prints the cold
// median and every figure. Part of `make bench` (tests/bench/run.py).
//   node tests/bench/page.js [RUNS]
'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
const { CHROMIUM, openPlayground } = require(path.join(ROOT, 'tests/web/playground.js'));
const { serve } = require(path.join(ROOT, 'boards/web/serve.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const list = (xs) => xs.map((t) => t.toFixed(0)).join(' ');

async function firstPrompt(page, url) {
  await openPlayground(page, url);
  return page.evaluate(() => window.pith.firstPromptMs());
}

async function main(runs) {
  const site = await serve(0);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const cold = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      cold.push(await firstPrompt(await context.newPage(), site.url));
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const warm = [];
    for (let i = 0; i <= runs; i++) warm.push(await firstPrompt(page, site.url));
    warm.shift(); // the first load of this context is a cold one
    console.log(`first prompt, cold: median ${median(cold).toFixed(0)} ms (${list(cold)})   (goal < 300 ms)`);
    console.log(`first prompt, warm reload: median ${median(warm).toFixed(0)} ms (${list(warm)})`);
  } finally {
    await browser.close();
    site.server.closeAllConnections();
    site.server.close();
  }
}

main(Number(process.argv[2] || 7)).catch((err) => {
  console.error(`page: ${err.message}`);
  process.exit(1);
});
