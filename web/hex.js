// hex.js — a flashable .hex: the micro:bit firmware (Intel HEX) with
// main.py appended where the firmware looks for it: flash 0x3E000, as the
// bytes "MP", the length (u16, little-endian), then the UTF-8 source.
const SCRIPT_ADDR = 0x3e000;
const SCRIPT_END = 0x40000;
export const HEX_SCRIPT_MAX = SCRIPT_END - SCRIPT_ADDR - 4;

function hex2(n) { return n.toString(16).toUpperCase().padStart(2, '0'); }

// One Intel HEX record: count, 16-bit address, type, data, checksum.
function record(type, addr, data) {
  const bytes = [data.length, (addr >> 8) & 255, addr & 255, type, ...data];
  const sum = bytes.reduce((a, b) => a + b, 0);
  return ':' + bytes.map(hex2).join('') + hex2((256 - (sum & 255)) & 255);
}

export function buildHex(firmware, script) {
  if (script.length > HEX_SCRIPT_MAX)
    throw new Error(`main.py is ${script.length} bytes; the micro:bit holds ${HEX_SCRIPT_MAX}`);
  const blob = new Uint8Array(4 + script.length);
  blob.set([0x4d, 0x50, script.length & 255, script.length >> 8]);
  blob.set(script, 4);
  // Keep every firmware record but the end-of-file one, which goes last.
  const lines = firmware.split(/\r?\n/).filter((l) => l && !/^:00000001FF/i.test(l));
  lines.push(record(4, 0, [(SCRIPT_ADDR >>> 24) & 255, (SCRIPT_ADDR >>> 16) & 255]));
  for (let off = 0; off < blob.length; off += 16)
    lines.push(record(0, (SCRIPT_ADDR + off) & 0xffff, Array.from(blob.subarray(off, off + 16))));
  lines.push(':00000001FF');
  return lines.join('\n') + '\n';
}
