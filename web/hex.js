// hex.js — .hex files for the micro:bit: the firmware (Intel HEX) with the
// page's files written into its filesystem region, every flash page from
// the end of the firmware to the top of flash, byte for byte as
// boards/microbit/mkhex writes them; and the files of a .hex read back.
import { CHUNK, PAGE, RESERVE, freshImage, imageSize, readFiles } from './fsimage.js';

const FLASH_END = 0x40000;
const SCRIPT_ADDR = 0x3e000; // MicroPython v1's appended script: "MP", u16 length, source

function hex2(n) { return n.toString(16).toUpperCase().padStart(2, '0'); }

// One Intel HEX record: count, 16-bit address, type, data, checksum.
function record(type, addr, data = []) {
  const bytes = [data.length, (addr >> 8) & 255, addr & 255, type, ...data];
  const sum = bytes.reduce((a, b) => a + b, 0);
  return ':' + bytes.map(hex2).join('') + hex2((256 - (sum & 255)) & 255);
}

// The records of a .hex: each line's type, absolute address and data.
function records(text) {
  const out = [];
  let seg = 0;
  let lin = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith(':')) continue;
    const raw = line.slice(1).match(/../g).map((h) => parseInt(h, 16));
    if (raw.length < 5 || raw.length !== raw[0] + 5 || raw.reduce((a, b) => a + b, 0) & 255)
      throw new Error('not a valid .hex file');
    const [, hi, lo, type] = raw;
    const data = raw.slice(4, -1);
    if (type === 1) break;
    if (type === 2) seg = (data[0] << 8 | data[1]) << 4;
    if (type === 4) lin = (data[0] << 8 | data[1]) << 16;
    out.push({ line: line.trim(), type, at: lin + seg + (hi << 8 | lo), data });
  }
  return out;
}

// The address after the firmware's last byte.
function firmwareEnd(recs) {
  return recs.reduce((end, r) => (r.type === 0 ? Math.max(end, r.at + r.data.length) : end), 0);
}

// Where the filesystem starts, and how many bytes of files it holds, with
// this firmware.
export function deviceRegion(firmwareText) {
  const start = Math.ceil(firmwareEnd(records(firmwareText)) / PAGE) * PAGE;
  return { start, capacity: ((FLASH_END - start) / CHUNK - RESERVE) * CHUNK };
}

// Data records for blob at start, skipping all-0xFF lines, with a linear
// address record wherever the upper 16 bits change (after a zeroed segment
// record, as mkhex: some readers add the segment base to the linear one).
function dataLines(start, blob) {
  const lines = [record(2, 0, [0, 0])];
  let upper = -1;
  for (let off = 0; off < blob.length; off += 16) {
    const part = Array.from(blob.subarray(off, off + 16));
    if (part.every((b) => b === 0xff)) continue;
    const at = start + off;
    if (at >>> 16 !== upper) {
      upper = at >>> 16;
      lines.push(record(4, 0, [upper >> 8, upper & 255]));
    }
    lines.push(record(0, at & 0xffff, part));
  }
  return lines;
}

// The firmware with files [{name, data}] in its filesystem: what
// `mkhex FIRMWARE FILE...` writes for the same files in the same order.
export function buildHex(firmwareText, files) {
  const recs = records(firmwareText);
  const { start, capacity } = deviceRegion(firmwareText);
  const need = imageSize(files);
  if (need > capacity)
    throw new Error(`the files need ${need} bytes of flash; the micro:bit's filesystem holds ${capacity}`);
  const image = freshImage(files);
  const lines = recs.map((r) => r.line);
  if (image.length) lines.push(...dataLines(start, image));
  lines.push(record(1, 0));
  return lines.join('\n') + '\n';
}

// The files in a .hex: those in the filesystem region after its firmware
// (whose end is the end of its first run of data from address 0, or the
// current firmware's when known), and a script appended as MicroPython v1's
// tools do, as main.py.
export function filesFromHex(text, firmwareText) {
  const recs = records(text);
  const flash = new Uint8Array(FLASH_END).fill(0xff);
  for (const r of recs) if (r.type === 0 && r.at + r.data.length <= FLASH_END) flash.set(r.data, r.at);
  let start = firmwareText ? deviceRegion(firmwareText).start : 0;
  if (!start) {
    const spans = recs.filter((r) => r.type === 0).sort((a, b) => a.at - b.at);
    let end = 0;
    for (const r of spans) if (r.at <= end) end = Math.max(end, r.at + r.data.length);
    start = Math.ceil(end / PAGE) * PAGE;
  }
  const script = flash[SCRIPT_ADDR] === 0x4d && flash[SCRIPT_ADDR + 1] === 0x50;
  const files = readFiles(flash.subarray(start, script ? SCRIPT_ADDR : FLASH_END));
  if (script) {
    const len = flash[SCRIPT_ADDR + 2] | flash[SCRIPT_ADDR + 3] << 8;
    const main = { name: 'main.py', data: flash.slice(SCRIPT_ADDR + 4, SCRIPT_ADDR + 4 + len) };
    return [main, ...files.filter((f) => f.name !== 'main.py')];
  }
  return files;
}
