// playground.js — what every pith browser test shares: how Chromium is
// started (Debian's /usr/bin/chromium, headless, no network of its own),
// and how a program is run through the page the way a person would.
'use strict';

const CHROMIUM = {
  executablePath: process.env.PITH_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
};

// Load the playground and wait for the REPL's first prompt.
async function openPlayground(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.pith && window.pith.firstPromptMs() !== null);
}

// Erase the files, put src in the editor as main.py, click Run and resolve
// to what the program printed (\r\n as \n) once the run has ended.
async function runScript(page, src, timeoutMs) {
  await page.evaluate(async (s) => {
    await window.pith.formatFiles();
    await window.pith.setScript(s);
  }, src);
  const done = page.evaluate(() => window.pith.nextRun());
  await page.click('#run');
  let timer;
  try {
    const run = await Promise.race([done, new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no end of run after ${timeoutMs} ms`)), timeoutMs);
    })]);
    return run.output.replace(/\r\n/g, '\n');
  } finally {
    clearTimeout(timer);
  }
}

module.exports = { CHROMIUM, openPlayground, runScript };
