// boot.js — starts pith's worker as soon as the page begins to load, while
// the big bundle (editor, terminal: main.js) is still on its way; main.js
// takes over the worker and its early messages through window.pithBoot.
// The saved flash image (IndexedDB) is put in place first. Without
// cross-origin isolation there is no SharedArrayBuffer, so nothing starts
// and main.js says why.
import { Hw, CMD, FLAG, FLASH_BYTES, INTCHAR, IN_HEAD, IN_TAIL, OUT_ACK, SCRIPT_LEN, SEED, WORKER } from './hw.js';
import { loadImage } from './idb.js';

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
  // The worker fetches and compiles the wasm meanwhile; it gets the shared
  // memory once the saved files are in it.
  const imageLoaded = loadImage().then((image) => {
    if (image && image.length === FLASH_BYTES) hw.flash.set(image);
  }).catch(() => {});

  // A fresh worker (Reset, Run fallback) gets the compiled wasm instead of
  // fetching it again, so a clean heap is ready in well under 200 ms.
  // `run`: save the request area's file and run main.py once started.
  // terminate() takes effect when the old worker next yields, so it learns
  // from WORKER that it is no longer the one and must not take a request.
  function startWorker(run) {
    if (worker) worker.terminate();
    const id = hw.get(WORKER) + 1;
    hw.set(WORKER, id);
    for (const slot of [FLAG, IN_HEAD, IN_TAIL, OUT_ACK]) hw.set(slot, 0);
    if (!run) for (const slot of [CMD, SCRIPT_LEN]) hw.set(slot, 0);
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
    imageLoaded.then(() => w.postMessage({ sab: hw.sab, module: wasmModule, run, id }));
    worker = w;
  }

  window.pithBoot = {
    hw,
    startWorker,
    imageLoaded,
    listen(fn) {
      handler = fn;
      early.splice(0).forEach(fn);
    },
  };
  startWorker(false);
}

if (window.crossOriginIsolated) boot();
