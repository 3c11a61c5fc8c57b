// main.js — the playground page: wires the editor, the files (files.js),
// the terminal and the drawn micro:bit to pith running in a worker
// (worker.js) through the shared hardware (hw.js).
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { BUTTON_A, CMD, CMD_RUN, FLASH_BYTES, HEAP_FREE, HEAP_USED, INTCHAR, LED_GEN, OUT_ACK, TEMP } from './hw.js';
import { createMicrobit } from './microbit.js';
import { buildHex, deviceRegion, filesFromHex } from './hex.js';
import { imageSize, validName } from './fsimage.js';
import { createFiles } from './files.js';

const DEFAULT_SCRIPT = '# main.py: Run (Ctrl-Enter) executes it; the REPL is below.\nprint("Hello from pith")\n';
const RUN_GRACE_MS = 1000; // a Run the worker has not picked up by then restarts it

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();

// The worker and the shared hardware, started early by boot.js.
if (!window.pithBoot) {
  $('status').textContent = 'no SharedArrayBuffer: serve the page with boards/web/serve.js';
  throw new Error('the page is not cross-origin isolated');
}
const { hw, startWorker, imageLoaded } = window.pithBoot;

// ---- terminal ----
const term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 14, scrollback: 5000,
  theme: { background: '#1b1d23' } });
const fit = new FitAddon();
term.loadAddon(fit);
term.open($('terminal'));
new ResizeObserver(() => fit.fit()).observe($('terminal'));

// Everything printed, as text, for the tests and the first-prompt figure.
let transcript = '';
let decoder = new TextDecoder();
let firstPromptMs = null;
let lastPromptMs = null;
let runMark = null;
const runWaiters = [];

let pendingInput = [];
term.onData((s) => {
  for (const b of encoder.encode(s)) {
    if (b === hw.get(INTCHAR)) {
      pendingInput = [];
      hw.interrupt();
    } else {
      pendingInput.push(b);
    }
  }
  pumpInput();
});
function pumpInput() {
  if (pendingInput.length) pendingInput = pendingInput.slice(hw.pushInput(pendingInput));
}

// ---- worker ----
let runGen = 0;

function onWorkerMessage(msg) {
  files.onWorkerMessage(msg);
  switch (msg.t) {
    case 'out': {
      const n = msg.data.length;
      term.write(msg.data, () => {
        Atomics.add(hw.i32, OUT_ACK, n);
        Atomics.notify(hw.i32, OUT_ACK);
      });
      transcript += decoder.decode(msg.data, { stream: true });
      if (transcript.endsWith('>>> ')) {
        lastPromptMs = performance.now();
        if (firstPromptMs === null) firstPromptMs = lastPromptMs;
      }
      break;
    }
    case 'booted': setStatus('ready'); break;
    case 'run-start': runMark = transcript.length; setStatus('running main.py'); break;
    case 'run-end': {
      const run = { output: transcript.slice(runMark ?? transcript.length), result: msg.result };
      runWaiters.splice(0).forEach((resolve) => resolve(run));
      const ran = files.list().some((f) => f.name === 'main.py');
      setStatus(ran ? ['main.py finished', 'main.py stopped with an error', 'main.py exited'][msg.result] || ''
        : 'no main.py to run: Run runs main.py');
      break;
    }
    case 'crash': setStatus('crashed: press Reset'); term.write(`\r\n[pith crashed: ${msg.message}]\r\n`); break;
  }
}

// A fresh worker; the terminal's decoder and queued input start over too.
// `run`: it saves the Run request's file and runs main.py.
function restart(run) {
  pendingInput = [];
  decoder = new TextDecoder();
  setStatus('starting');
  startWorker(run);
}

function setStatus(text) { $('status').textContent = text; }

// ---- files ----
// The micro:bit's firmware, when built: for Download .hex, and to say how
// much of its filesystem the files would take.
let firmware = null;
const files = createFiles({ hw, defaultMain: DEFAULT_SCRIPT, onStatus: setStatus, onChange: showUsage });

function showUsage(list) {
  const used = imageSize(list);
  const room = firmware ? deviceRegion(firmware).capacity : FLASH_BYTES;
  const where = firmware ? 'on the micro:bit' : 'here';
  files.setUsage(`${list.length} files, ${(used / 1024).toFixed(1)} of ${(room / 1024).toFixed(1)} KiB ${where}` +
    (used > room ? ': too big for the micro:bit' : ''), used > room);
}

async function run() {
  const gen = ++runGen;
  await files.run();
  // The VM notices a Run request when it polls for an interrupt; if it is
  // stuck somewhere that never polls, start over in a fresh worker.
  setTimeout(() => { if (gen === runGen && hw.get(CMD) === CMD_RUN) restart(true); }, RUN_GRACE_MS);
}

function stop() {
  if (hw.get(INTCHAR) >= 0) hw.interrupt();
  else hw.pushInput([3]);
}

// ---- editor, files, examples ----
// CodeMirror is half the page's code: load it after the terminal is up,
// showing the file that was open (its draft first), once the saved flash
// is in place.
const editorReady = Promise.all([import('./editor.js'), imageLoaded]).then(([{ createEditor }]) => {
  const e = createEditor($('editor'), files.initialText(), { onChange: files.edited, onRun: run });
  files.attach(e);
  return e;
});
let editor = { get: () => files.initialText(), set() {} };
editorReady.then((e) => { editor = e; });

function download(name, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

$('run').onclick = run;
$('stop').onclick = stop;
$('reset').onclick = () => { restart(false); term.reset(); };
$('save').onclick = () => download(files.current(), editor.get());
$('open').onclick = () => $('file').click();
// Open…: a .py (or any file) joins the filesystem; a .hex gives back the
// files it carries (a pith .hex, or MicroPython's with an appended script).
$('file').onchange = async () => {
  const chosen = Array.from($('file').files);
  $('file').value = '';
  await editorReady;
  for (const f of chosen) {
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const found = /\.hex$/i.test(f.name) ? filesFromHex(new TextDecoder().decode(bytes), firmware)
        : [{ name: f.name, data: bytes }];
      if (!found.length) setStatus(`${f.name}: no files in it`);
      for (const { name, data } of found) {
        if (!validName(name)) setStatus(`${name}: a file name is 1 to 120 bytes, without "/"`);
        else if (await files.add(name, data) && (found.length === 1 || name === 'main.py')) await files.open(name);
      }
    } catch (err) {
      setStatus(`${f.name}: ${err.message}`);
    }
  }
};

fetch('/examples/').then((r) => r.json()).then((names) => {
  for (const name of names) $('examples').add(new Option(name, name));
});
// An example goes into the open file, as if typed.
$('examples').onchange = async () => {
  const name = $('examples').value;
  if (!name) return;
  const text = await (await fetch(`/examples/${name}`)).text();
  (await editorReady).set(text);
  $('examples').value = '';
};

// The firmware comes from the micro:bit board's build; until it exists the
// button stays disabled.
fetch('/hex/pith.hex').then((r) => (r.ok ? r.text() : null)).then((text) => {
  if (!text) return;
  firmware = text;
  $('hex').disabled = false;
  $('hex-note').hidden = true;
  showUsage(files.list());
}).catch(() => {});
// Download .hex: the firmware with every file in its filesystem, the open
// one as it stands in the editor.
$('hex').onclick = async () => {
  try {
    if (await files.saveCurrent()) return;
    download('pith-main.hex', buildHex(firmware, files.list()));
  } catch (err) {
    setStatus(err.message);
  }
};

// ---- the micro:bit ----
// A press lasts at least MIN_PRESS_MS in the shared hardware, so a quick
// click is still seen by the interpreter, which samples the buttons at
// its ticks (a finger on the real board is never that quick).
const MIN_PRESS_MS = 40;
const pressedAt = [0, 0];
function setButton(which, down) {
  if (down) {
    pressedAt[which] = performance.now();
    hw.set(BUTTON_A + which, 1);
    return;
  }
  const left = pressedAt[which] + MIN_PRESS_MS - performance.now();
  if (left > 0) setTimeout(() => hw.set(BUTTON_A + which, 0), left);
  else hw.set(BUTTON_A + which, 0);
}
const microbit = createMicrobit($('microbit'), setButton);
const KEYS = { a: 0, b: 1 };
for (const type of ['keydown', 'keyup']) {
  document.addEventListener(type, (e) => {
    const which = KEYS[e.key.toLowerCase()];
    if (which === undefined || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('.xterm, .cm-editor, input, select, textarea')) return;
    const down = type === 'keydown';
    if (down && e.repeat) return;
    setButton(which, down);
    microbit.setButton(which, down);
  });
}

// microbit.temperature() reads what the learner sets here.
$('temp').addEventListener('input', (e) => {
  const t = Math.round(Number(e.target.value));
  if (Number.isFinite(t)) hw.set(TEMP, t);
});

// Poll the shared hardware once a frame: LEDs, heap gauge, queued input.
let ledGen = -1;
let heapShown = '';
function frame() {
  const gen = hw.get(LED_GEN);
  if (gen !== ledGen) {
    ledGen = gen;
    microbit.show(hw.leds);
  }
  const used = hw.get(HEAP_USED);
  const free = hw.get(HEAP_FREE);
  const shown = `${used}/${free}`;
  if (shown !== heapShown && used + free > 0) {
    heapShown = shown;
    $('heap-bar').style.width = `${(100 * used) / (used + free)}%`;
    $('heap-text').textContent = `heap ${used} used / ${free} free`;
  }
  pumpInput();
  files.poll();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

// ---- hooks for the tests (tests/web, tests/boards/browser) ----
window.pith = {
  hw,
  transcript: () => transcript,
  firstPromptMs: () => firstPromptMs,
  lastPromptMs: () => lastPromptMs,
  // Resolves with {output, result} when the next main.py run ends.
  nextRun: () => new Promise((resolve) => runWaiters.push(resolve)),
  // The editor holds main.py, with src.
  setScript: async (src) => {
    await editorReady;
    await files.open('main.py');
    editor.set(src);
  },
  getScript: async () => (await editorReady).get(),
  // The files, and erasing them all (each browser test starts so).
  files: () => files.list().map((f) => ({ name: f.name, text: new TextDecoder().decode(f.data) })),
  formatFiles: async () => { await editorReady; await files.format(); },
  flashSaved: () => files.saved(),
  openFile: async (name) => { await editorReady; await files.open(name); },
  // Drive the LEDs through the same path as hal_display_show.
  testDisplay: (values) => hw.setLeds(values),
};

window.pithBoot.listen(onWorkerMessage);
