// main.js — the playground page: wires the editor, the terminal and the
// drawn micro:bit to pith running in a worker (worker.js) through the
// shared hardware (hw.js).
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { BUTTON_A, CMD, HEAP_FREE, HEAP_USED, INTCHAR, LED_GEN, OUT_ACK, SCRIPT_MAX, TEMP } from './hw.js';
import { createMicrobit } from './microbit.js';
import { buildHex } from './hex.js';

const STORE_KEY = 'pith.main.py';
const DEFAULT_SCRIPT = '# main.py: Run (Ctrl-Enter) executes it; the REPL is below.\nprint("Hello from pith")\n';
const RUN_GRACE_MS = 1000; // a Run the worker has not picked up by then restarts it

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();

// The worker and the shared hardware, started early by boot.js.
if (!window.pithBoot) {
  $('status').textContent = 'no SharedArrayBuffer: serve the page with boards/web/serve.js';
  throw new Error('the page is not cross-origin isolated');
}
const { hw, startWorker } = window.pithBoot;

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
      setStatus(['main.py finished', 'main.py stopped with an error', 'main.py exited'][msg.result] || '');
      break;
    }
    case 'crash': setStatus('crashed: press Reset'); term.write(`\r\n[pith crashed: ${msg.message}]\r\n`); break;
  }
}

// A fresh worker; the terminal's decoder and queued input start over too.
function restart(script) {
  pendingInput = [];
  decoder = new TextDecoder();
  setStatus('starting');
  startWorker(script);
}

function setStatus(text) { $('status').textContent = text; }

function run() {
  const bytes = encoder.encode(editor.get());
  if (bytes.length > SCRIPT_MAX) {
    setStatus(`main.py is too big (${bytes.length} > ${SCRIPT_MAX} bytes)`);
    return;
  }
  const gen = ++runGen;
  hw.requestRun(bytes);
  // The VM notices a Run request when it polls for an interrupt; if it is
  // stuck somewhere that never polls, start over in a fresh worker.
  setTimeout(() => { if (gen === runGen && hw.get(CMD)) restart(bytes); }, RUN_GRACE_MS);
}

function stop() {
  if (hw.get(INTCHAR) >= 0) hw.interrupt();
  else hw.pushInput([3]);
}

// ---- editor, files, examples ----
// CodeMirror is half the page's code: load it after the terminal is up.
const editorReady = import('./editor.js').then(({ createEditor }) => createEditor(
  $('editor'), localStorage.getItem(STORE_KEY) ?? DEFAULT_SCRIPT, {
    onChange: (text) => localStorage.setItem(STORE_KEY, text),
    onRun: run,
  }));
let editor = { get: () => localStorage.getItem(STORE_KEY) ?? DEFAULT_SCRIPT, set() {} };
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
$('reset').onclick = () => { restart(null); term.reset(); };
$('save').onclick = () => download('main.py', editor.get());
$('open').onclick = () => $('file').click();
$('file').onchange = async () => {
  const f = $('file').files[0];
  if (f) (await editorReady).set(await f.text());
  $('file').value = '';
};

fetch('/examples/').then((r) => r.json()).then((names) => {
  for (const name of names) $('examples').add(new Option(name, name));
});
$('examples').onchange = async () => {
  const name = $('examples').value;
  if (!name) return;
  const text = await (await fetch(`/examples/${name}`)).text();
  (await editorReady).set(text);
  $('examples').value = '';
};

// The firmware comes from the micro:bit board's build; until it exists the
// button stays disabled.
fetch('/hex/pith.hex', { method: 'HEAD' }).then((r) => {
  if (!r.ok) return;
  $('hex').disabled = false;
  $('hex-note').hidden = true;
});
$('hex').onclick = async () => {
  try {
    const firmware = await (await fetch('/hex/pith.hex')).text();
    download('pith-main.hex', buildHex(firmware, encoder.encode(editor.get())));
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
  setScript: async (src) => (await editorReady).set(src),
  getScript: async () => (await editorReady).get(),
  // Drive the LEDs through the same path as hal_display_show.
  testDisplay: (values) => hw.setLeds(values),
};

window.pithBoot.listen(onWorkerMessage);
