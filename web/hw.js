// hw.js — the simulated micro:bit "hardware" that the page and the worker
// share: one SharedArrayBuffer, laid out here for both sides.
//
// Any event for the worker (a byte typed, an interrupt, a Run request) bumps
// SIGNAL and notifies it: the worker waits on SIGNAL only, so one
// Atomics.wait wakes for everything.

// Int32 slots at the start of the buffer.
export const SIGNAL = 0;     // bumped by the page on every event
export const FLAG = 1;       // interrupt latched (Stop, or the interrupt char typed)
export const INTCHAR = 2;    // the worker's interrupt char, -1 when off (at the prompt)
export const IN_HEAD = 3;    // input ring: bytes written by the page
export const IN_TAIL = 4;    // input ring: bytes read by the worker
export const BUTTON_A = 5;   // 1 while held (BUTTON_A + 1 is B)
export const CMD = 7;        // CMD_RUN: run the script in the script area
export const SCRIPT_LEN = 8;
export const LED_GEN = 9;    // bumped by each display update
export const HEAP_USED = 10;
export const HEAP_FREE = 11;
export const OUT_ACK = 12;   // output bytes the page has drawn (flow control)
export const SEED = 13;      // urandom seed for Run, -1: none (the page's ?seed=N)
export const TEMP = 14;      // microbit.temperature() in degrees Celsius, set by the page

export const CMD_RUN = 1;

const LED_AT = 256;
const IN_AT = 512;
export const IN_SIZE = 4096;              // a power of two
const SCRIPT_AT = IN_AT + IN_SIZE;
export const SCRIPT_MAX = 32768;
const BYTES = SCRIPT_AT + SCRIPT_MAX;

export class Hw {
  constructor(sab) {
    this.sab = sab || new SharedArrayBuffer(BYTES);
    this.i32 = new Int32Array(this.sab, 0, 64);
    this.leds = new Uint8Array(this.sab, LED_AT, 25);
    this.ring = new Uint8Array(this.sab, IN_AT, IN_SIZE);
    this.script = new Uint8Array(this.sab, SCRIPT_AT, SCRIPT_MAX);
    if (!sab) {
      Atomics.store(this.i32, INTCHAR, -1);
      Atomics.store(this.i32, TEMP, 20);
      Atomics.store(this.i32, SEED, -1);
    }
  }

  get(slot) { return Atomics.load(this.i32, slot); }
  set(slot, v) { Atomics.store(this.i32, slot, v); }

  // Wake the worker after changing anything it waits for.
  signal() {
    Atomics.add(this.i32, SIGNAL, 1);
    Atomics.notify(this.i32, SIGNAL);
  }

  // The display path: hal_display_show in the worker and the page's test
  // hook both come through here.
  setLeds(values) {
    this.leds.set(values);
    Atomics.add(this.i32, LED_GEN, 1);
  }

  // Page side: queue typed bytes; returns how many fitted.
  pushInput(bytes) {
    const head = this.get(IN_HEAD);
    const room = IN_SIZE - (head - this.get(IN_TAIL));
    const n = Math.min(room, bytes.length);
    for (let i = 0; i < n; i++) this.ring[(head + i) & (IN_SIZE - 1)] = bytes[i];
    if (n) {
      this.set(IN_HEAD, head + n);
      this.signal();
    }
    return n;
  }

  // Page side: latch an interrupt (Stop, or the interrupt char typed).
  interrupt() {
    this.set(FLAG, 1);
    this.signal();
  }

  // Page side: ask the worker to soft-reset and run a script.
  requestRun(bytes) {
    this.script.set(bytes);
    this.set(SCRIPT_LEN, bytes.length);
    this.set(CMD, CMD_RUN);
    this.interrupt();
  }
}
