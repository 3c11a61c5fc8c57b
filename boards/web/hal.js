// hal.js — Emscripten JS library: the primitives board.c imports. Each one
// forwards to Module.board, an object the host passes to the module
// factory: web/worker.js in the browser, boards/web/node.js under Node.
mergeInto(LibraryManager.library, {
  js_stdout: function (ptr, len) { Module.board.stdout(HEAPU8.subarray(ptr, ptr + len)); },
  js_getchar: function (timeoutMs) { return Module.board.getchar(timeoutMs); },
  js_set_interrupt_char: function (c) { Module.board.setInterruptChar(c); },
  js_interrupted: function () { return Module.board.interrupted(); },
  js_interrupt_pending: function () { return Module.board.interruptPending(); },
  js_ticks_ms: function () { return Module.board.ticksMs() >>> 0; },
  // ticksMs() is performance.now(): fractional, to the microsecond or so
  js_ticks_us: function () { return Math.floor(Module.board.ticksMs() * 1000) >>> 0; },
  js_wait: function (ms) { Module.board.wait(ms); },
  js_entropy: function () { return Module.board.entropy() >>> 0; },
  js_display: function (ptr) { Module.board.display(HEAPU8.subarray(ptr, ptr + 25)); },
  js_button: function (which) { return Module.board.button(which); },
  js_heap: function (used, free) { Module.board.heap(used, free); },
  js_reset: function () { Module.board.reset(); },
  js_temperature: function () { return Module.board.temperature() | 0; },
  js_flash: function (ptr, len, offset) { Module.board.flash(offset, HEAPU8.subarray(ptr, ptr + len)); },
});

// setjmp/longjmp (the core's exceptions) make Emscripten route calls made
// inside a TRY through JS trampolines that look the callee up in the wasm
// table on every call. The table never changes here: remember each entry.
mergeInto(LibraryManager.library, {
  $wasmTableMirror: [],
  $getWasmTableEntry__deps: ['$wasmTableMirror'],
  $getWasmTableEntry: function (funcPtr) {
    var func = wasmTableMirror[funcPtr];
    if (!func) wasmTableMirror[funcPtr] = func = wasmTable.get(funcPtr);
    return func;
  },
});
