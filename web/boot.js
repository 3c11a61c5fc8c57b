// boot.js — starts pith's worker as soon as the page begins to load, while
// the big bundle (editor, terminal: main.js) is still on its way; main.js
// takes over the worker and its early messages through window.pithBoot.
// Without cross-origin isolation there is no SharedArrayBuffer, so nothing
// starts and main.js says why.
import { Hw, CMD, FLAG, INTCHAR, IN_HEAD, IN_TAIL, OUT_ACK, SCRIPT_LEN, SEED } from './hw.js';

function boot() {
  const hw = new Hw();
  // ?seed=N: a test page: every Run seeds urandom with N, so output repeats,
  // and honours `# buttons: A:100-300` lines (simulated presses).
  const seed = new URLSearchParams(location.search).get('seed');
  if (seed !== null) hw.set(SEED, Number(seed));
  let worker = null;
  let wasmModule = null;
  const early = [];
  let handler = (msg) => early.push(msg);

  // A fresh worker (Reset, Run fallback) gets the compiled wasm instead of
  // fetching it again, so a clean heap is ready in well under 200 ms.
  function startWorker(script) {
    if (worker) worker.terminate();
    for (const slot of [CMD, FLAG, IN_HEAD, IN_TAIL, OUT_ACK, SCRIPT_LEN]) hw.set(slot, 0);
    hw.set(INTCHAR, -1);
    hw.setLeds(new Uint8Array(25));
    // The name tells the worker whether to fetch the wasm itself.
    const w = new Worker('/app/worker.js', { name: wasmModule ? 'warm' : 'cold' });
    w.onmessage = (e) => {
      if (w !== worker) return;
      if (e.data.t === 'module') wasmModule = e.data.module;
      handler(e.data);
    };
    w.onerror = (e) => handler({ t: 'crash', message: e.message });
    w.postMessage({ sab: hw.sab, module: wasmModule, script });
    worker = w;
  }

  window.pithBoot = {
    hw,
    startWorker,
    listen(fn) {
      handler = fn;
      early.splice(0).forEach(fn);
    },
  };
  startWorker(null);
}

if (window.crossOriginIsolated) boot();
