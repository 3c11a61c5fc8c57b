// browser-daemon.js — keeps one headless Chromium with the playground open
// between calls of tests/boards/browser, so that running the golden
// programs one call each stays fast: a call POSTs its program to /run, and
// the daemon runs it through a warm page (editor, Run button, terminal) and
// answers with the output. Pages are pooled (one per parallel caller); a
// page whose run failed is replaced. Started detached by
// tests/boards/browser; exits after IDLE_MS without a call.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
const { CHROMIUM, openPlayground, runScript } = require('./playground.js');
const { serve } = require(path.join(ROOT, 'boards/web/serve.js'));

const IDLE_MS = Number(process.env.PITH_DAEMON_IDLE_MS || 60000);
const RUN_TIMEOUT_MS = Number(process.env.PITH_RUN_TIMEOUT_MS || 50000);

// The newest modification time among what the page loads from build/.
function buildStamp() {
  let newest = 0;
  for (const dir of ['build/wasm', 'build/web']) {
    const full = path.join(ROOT, dir);
    for (const name of fs.existsSync(full) ? fs.readdirSync(full) : [])
      newest = Math.max(newest, fs.statSync(path.join(full, name)).mtimeMs);
  }
  return newest;
}

async function main(stateDir) {
  const endpoint = path.join(stateDir, 'endpoint.json');
  const browser = await chromium.launch(CHROMIUM);
  const site = await serve(0);
  const idle = [];
  let busy = 0;
  let last = Date.now();

  // Pages loaded before a rebuild would run the old wasm and page code.
  let loaded = buildStamp();
  async function takePage() {
    const stamp = buildStamp();
    if (stamp !== loaded) {
      idle.splice(0).forEach((p) => p.close().catch(() => {}));
      loaded = stamp;
    }
    const page = idle.pop();
    if (page) return page;
    const fresh = await browser.newPage();
    await openPlayground(fresh, `${site.url}?seed=1`);
    return fresh;
  }

  async function run(src) {
    busy++;
    let page = null;
    try {
      page = await takePage();
      const output = await runScript(page, src, RUN_TIMEOUT_MS);
      idle.push(page);
      page = null;
      return output;
    } finally {
      if (page) page.close().catch(() => {});
      busy--;
      last = Date.now();
    }
  }

  const control = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      last = Date.now();
      run(Buffer.concat(chunks).toString('utf8')).then(
        (output) => { res.writeHead(200); res.end(output); },
        (err) => { res.writeHead(500); res.end(err.message); });
    });
  });
  await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));

  const tmp = `${endpoint}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ url: `http://127.0.0.1:${control.address().port}/run`, pid: process.pid }));
  fs.renameSync(tmp, endpoint);
  fs.rmSync(path.join(stateDir, 'lock'), { recursive: true, force: true });

  const stop = async () => {
    try {
      if (JSON.parse(fs.readFileSync(endpoint, 'utf8')).pid === process.pid) fs.unlinkSync(endpoint);
    } catch { /* already gone */ }
    await browser.close().catch(() => {});
    process.exit(0);
  };
  setInterval(() => { if (!busy && Date.now() - last > IDLE_MS) stop(); }, 1000);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(process.argv[2]).catch((err) => {
  console.error(`browser-daemon: ${err.message}`);
  process.exit(1);
});
