// hw.js — the simulated micro:bit "hardware" that the page and the worker
// share: one SharedArrayBuffer, laid out here for both sides.
//
// Any event for the worker (a byte typed, an interrupt, a Run request, a
// file to save) bumps SIGNAL and notifies it: the worker waits on SIGNAL
// only, so one Atomics.wait wakes for everything.
//
// The filesystem's flash lives here too: the master copy, which the worker
// copies in when it starts and writes through on every change (FLASH_GEN
// counts them), and which the page saves in IndexedDB.

// Int32 slots at the start of the buffer.
export const SIGNAL = 0;     // bumped by the page on every event
export const FLAG = 1;       // interrupt latched (Stop, or the interrupt char typed)
export const INTCHAR = 2;    // the worker's interrupt char, -1 when off (at the prompt)
export const IN_HEAD = 3;    // input ring: bytes written by the page
export const IN_TAIL = 4;    // input ring: bytes read by the worker
export const BUTTON_A = 5;   // 1 while held (BUTTON_A + 1 is B)
export const CMD = 7;        // CMD_RUN: save the request's file and run main.py; CMD_FS: a file operation
export const SCRIPT_LEN = 8; // bytes of data in the request area
export const LED_GEN = 9;    // bumped by each display update
export const HEAP_USED = 10;
export const HEAP_FREE = 11;
export const OUT_ACK = 12;   // output bytes the page has drawn (flow control)
export const SEED = 13;      // urandom seed for Run, -1: none (the page's ?seed=N)
export const TEMP = 14;      // microbit.temperature() in degrees Celsius, set by the page
export const FLASH_GEN = 15; // bumped by the worker after each flash write or erase
export const NAME_LEN = 16;  // request: bytes of the file name at the start of the request area
export const NAME2_LEN = 17; // request: bytes of a second name (rename's target), after the first
export const FS_OP = 18;     // request: FS_PUT, FS_REMOVE, FS_RENAME or FS_FORMAT (with CMD_FS)
export const FS_RESULT = 19; // the worker's answer to CMD_FS: an errno, 0 when done
export const FS_SEQ = 20;    // request: its number, which the worker's answer repeats
export const WORKER = 21;    // the current worker's number: one being replaced must keep its hands off

export const CMD_RUN = 1;
export const CMD_FS = 2;
export const FS_PUT = 1;
export const FS_REMOVE = 2;
export const FS_RENAME = 3;
export const FS_FORMAT = 4;

const LED_AT = 256;
const IN_AT = 512;
export const IN_SIZE = 4096;              // a power of two
// The flash: as boards/web/board.c sizes it (128 pages of 1 KiB).
export const FLASH_BYTES = 128 * 1024;
const FLASH_AT = IN_AT + IN_SIZE;
// The request area: names, then a file's bytes (at most the flash's).
const SCRIPT_AT = FLASH_AT + FLASH_BYTES;
export const SCRIPT_MAX = FLASH_BYTES + 256;
const BYTES = SCRIPT_AT + SCRIPT_MAX;

export class Hw {
  constructor(sab) {
    this.sab = sab || new SharedArrayBuffer(BYTES);
    this.i32 = new Int32Array(this.sab, 0, 64);
    this.leds = new Uint8Array(this.sab, LED_AT, 25);
    this.ring = new Uint8Array(this.sab, IN_AT, IN_SIZE);
    this.script = new Uint8Array(this.sab, SCRIPT_AT, SCRIPT_MAX);
    this.flash = new Uint8Array(this.sab, FLASH_AT, FLASH_BYTES);
    if (!sab) {
      Atomics.store(this.i32, INTCHAR, -1);
      Atomics.store(this.i32, TEMP, 20);
      Atomics.store(this.i32, SEED, -1);
      this.flash.fill(0xff);
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

  // Page side: put a request's names and bytes in the request area.
  setRequest(names, bytes) {
    const [a, b] = [names[0] || '', names[1] || ''].map((n) => new TextEncoder().encode(n));
    this.script.set(a, 0);
    this.script.set(b, a.length);
    this.script.set(bytes, a.length + b.length);
    this.set(NAME_LEN, a.length);
    this.set(NAME2_LEN, b.length);
    this.set(SCRIPT_LEN, bytes.length);
  }

  // Page side: ask the worker to save file `name` (when given) and run
  // main.py on a fresh heap, as the device does after a reset.
  requestRun(name, bytes) {
    this.setRequest(name ? [name] : [], bytes);
    this.set(CMD, CMD_RUN);
    this.interrupt();
  }

  // Page side: a file operation, which the worker does between two steps
  // of whatever runs (a program goes on running); it answers in FS_RESULT
  // and with an 'fs' message.
  requestFs(seq, op, names, bytes = new Uint8Array(0)) {
    this.setRequest(names, bytes);
    this.set(FS_OP, op);
    this.set(FS_SEQ, seq);
    this.set(CMD, CMD_FS);
    this.signal();
  }
}
