// files.spec.js — the playground's files as a person uses them: the Files
// panel (new, open, rename, delete), a module imported by main.py, files
// and unsaved edits surviving a reload and a dead worker, Download .hex
// giving mkhex's bytes and booting in QEMU, Open… taking a .hex back.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const { openPlayground, runScript } = require('./playground.js');

const ROOT = path.resolve(__dirname, '../..');
const FIRMWARE = path.join(ROOT, 'build/microbit/pith.hex');
const MKHEX = path.join(ROOT, 'boards/microbit/mkhex');

const names = (page) => page.locator('#files .file-name').allTextContents();
const files = (page) => page.evaluate(() => window.pith.files());

// Accept the page's next prompt() (with `value`) or confirm().
function answer(page, value) {
  page.once('dialog', (d) => d.accept(value));
}

async function typeInEditor(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test.beforeEach(async ({ page }) => {
  await openPlayground(page, '/?seed=1');
  await page.evaluate(() => window.pith.formatFiles());
});

test('the Files panel makes a module that main.py imports, renames and deletes it', async ({ page }) => {
  answer(page, 'helper.py');
  await page.click('#file-new');
  await expect(page.locator('#files li.current')).toContainText('helper.py');
  await typeInEditor(page, 'def twice(x):\n    return 2 * x\n');
  await page.evaluate(() => window.pith.openFile('main.py'));
  await expect.poll(() => names(page)).toContain('helper.py');
  const out = await page.evaluate(async () => {
    await window.pith.setScript('import helper\nprint(helper.twice(21))\n');
    const done = window.pith.nextRun();
    document.getElementById('run').click();
    return (await done).output;
  });
  expect(out.replace(/\r\n/g, '\n')).toBe('42\n');
  expect((await files(page)).map((f) => f.name).sort()).toEqual(['helper.py', 'main.py']);

  await page.locator('#files .file-name', { hasText: 'helper.py' }).click();
  await expect(page.locator('.cm-content')).toContainText('def twice');
  answer(page, 'util.py');
  await page.click('#file-rename');
  await expect.poll(async () => (await names(page)).sort()).toEqual(['main.py', 'util.py']);
  expect((await files(page)).find((f) => f.name === 'util.py').text).toBe('def twice(x):\n    return 2 * x\n');

  answer(page);
  await page.click('#file-delete');
  await expect.poll(() => names(page)).toEqual(['main.py']);
  await expect(page.locator('#files li.current')).toContainText('main.py');
});

test('a program sees the files the page made, and the page sees what it writes', async ({ page }) => {
  const out = await runScript(page, 'import os\nwith open("out.txt", "w") as f:\n    f.write("from python")\n' +
    'print(sorted(os.listdir()))\n', 20000);
  expect(out).toBe("['main.py', 'out.txt']\n");
  await expect.poll(async () => (await names(page)).sort()).toEqual(['main.py', 'out.txt']);
  expect((await files(page)).find((f) => f.name === 'out.txt').text).toBe('from python');
});

test('files and an unsaved edit survive a reload', async ({ page }) => {
  await runScript(page, 'f = open("kept.txt", "w")\nf.write("still here")\nf.close()\n', 20000);
  await page.evaluate(() => window.pith.flashSaved());
  await page.evaluate(() => window.pith.setScript('# typed just before the reload\n'));
  await page.reload();
  await page.waitForFunction(() => window.pith && window.pith.firstPromptMs() !== null);
  expect(await page.evaluate(() => window.pith.getScript())).toBe('# typed just before the reload\n');
  await expect.poll(async () => (await files(page)).find((f) => f.name === 'kept.txt')?.text).toBe('still here');
  const done = page.evaluate(() => window.pith.nextRun());
  await page.evaluate(() => window.pith.setScript('print(open("kept.txt").read())\n'));
  await page.click('#run');
  expect((await done).output.replace(/\r\n/g, '\n')).toBe('still here\n');
});

test('an edit survives the worker being replaced (Reset, or a crash)', async ({ page }) => {
  await page.evaluate(() => window.pith.setScript('print("edited")\n'));
  await page.click('#reset');
  await page.waitForFunction(() => window.pith.transcript().endsWith('>>> '));
  expect(await page.evaluate(() => window.pith.getScript())).toBe('print("edited")\n');
  const done = page.evaluate(() => window.pith.nextRun());
  await page.click('#run');
  expect((await done).output.replace(/\r\n/g, '\n')).toBe('edited\n');
});

// The page's files, downloaded, then booted: QEMU prints what main.py prints.
function bootInQemu(hexPath, want, timeoutMs = 20000) {
  const bin = hexPath.replace(/\.hex$/, '.bin');
  execFileSync('arm-none-eabi-objcopy', ['-I', 'ihex', '-O', 'binary', '--gap-fill', '0xff', hexPath, bin]);
  return new Promise((resolve, reject) => {
    const qemu = spawn('qemu-system-arm', ['-M', 'microbit', '-kernel', bin, '-nographic', '-serial', 'stdio',
      '-monitor', 'none', '-icount', 'shift=0'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let seen = '';
    const timer = setTimeout(() => { qemu.kill(); reject(new Error(`QEMU printed ${JSON.stringify(seen)}`)); }, timeoutMs);
    qemu.stdout.on('data', (d) => {
      seen += d.toString();
      if (seen.includes(want)) {
        clearTimeout(timer);
        qemu.kill();
        resolve(seen);
      }
    });
  });
}

test('Download .hex writes every file into the filesystem, as mkhex does, and it boots in QEMU', async ({ page }) => {
  test.skip(!fs.existsSync(FIRMWARE), 'no firmware: make microbit');
  test.setTimeout(60000);
  await runScript(page, 'with open("helper.py", "w") as f:\n    f.write("GREETING = \'hello from helper\'\\n")\n', 20000);
  await page.evaluate(() => window.pith.setScript('import helper\nprint(helper.GREETING, 6 * 7)\n'));
  await expect(page.locator('#hex')).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#hex')]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-hex-'));
  const got = path.join(tmp, 'page.hex');
  fs.copyFileSync(await download.path(), got);

  // the same bytes as mkhex for the same files, in the page's order
  const list = await files(page);
  expect(list.map((f) => f.name)).toContain('helper.py');
  const paths = list.map((f) => {
    const p = path.join(tmp, f.name);
    fs.writeFileSync(p, f.text);
    return p;
  });
  const want = execFileSync(MKHEX, [FIRMWARE, ...paths], { encoding: 'utf8' });
  expect(fs.readFileSync(got, 'utf8')).toBe(want);
  // the files' records sit under an extended linear address record (where
  // depends on the firmware's size)
  expect(want).toMatch(/^:02000004000[1-3][0-9A-F]{2}$/m);

  const out = await bootInQemu(got, 'hello from helper 42\r\n');
  expect(out).toContain('hello from helper 42\r\n');
});

test('Open… takes the files of a pith .hex, and the script of a MicroPython one', async ({ page }) => {
  test.skip(!fs.existsSync(FIRMWARE), 'no firmware: make microbit');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-open-'));
  fs.writeFileSync(path.join(tmp, 'main.py'), 'import lib\nlib.hi()\n');
  fs.writeFileSync(path.join(tmp, 'lib.py'), 'def hi():\n    print("hi from lib")\n');
  const hex = path.join(tmp, 'files.hex');
  fs.writeFileSync(hex, execFileSync(MKHEX, [FIRMWARE, path.join(tmp, 'main.py'), path.join(tmp, 'lib.py')]));
  await page.setInputFiles('#file', hex);
  await expect.poll(async () => (await names(page)).sort()).toEqual(['lib.py', 'main.py']);
  await expect(page.locator('.cm-content')).toContainText('import lib');
  const done = page.evaluate(() => window.pith.nextRun());
  await page.click('#run');
  expect((await done).output.replace(/\r\n/g, '\n')).toBe('hi from lib\n');

  fs.writeFileSync(path.join(tmp, 'script.py'), 'print("appended")\n');
  const v1 = path.join(tmp, 'v1.hex');
  fs.writeFileSync(v1, execFileSync(MKHEX, ['--script', path.join(tmp, 'script.py'), FIRMWARE]));
  await page.setInputFiles('#file', v1);
  await expect.poll(async () => (await files(page)).find((f) => f.name === 'main.py')?.text).toBe('print("appended")\n');

  fs.writeFileSync(path.join(tmp, 'notes.py'), 'x = 1\n');
  await page.setInputFiles('#file', path.join(tmp, 'notes.py'));
  await expect.poll(async () => (await names(page)).sort()).toEqual(['lib.py', 'main.py', 'notes.py']);
  await expect(page.locator('#files li.current')).toContainText('notes.py');
});

test('the page tells how much of the micro:bit the files take', async ({ page }) => {
  test.skip(!fs.existsSync(FIRMWARE), 'no firmware: make microbit');
  await expect(page.locator('#files-usage')).toContainText('on the micro:bit');
  await expect(page.locator('#files-usage')).not.toHaveClass(/warn/);
  // Run takes any program the filesystem holds (no 32 KB limit in the
  // page); main.py compiles as it is read from flash, as on the device, so
  // its text takes no heap: 40 KB of comments run
  const line = '# ' + 'x'.repeat(78) + '\n';
  expect(await runScript(page, line.repeat(100) + 'print("ran")\n', 20000)).toBe('ran\n');
  expect(await runScript(page, line.repeat(500) + 'print("ran")\n', 20000)).toBe('ran\n');
});
