// fsimage.js — the bytes of pith's flash filesystem, for the page: the
// files an image holds (the page's shared flash, or a .hex's region), and
// a freshly written image (what boards/microbit/mkhex lays out). The
// format is described at the top of core/fs.c; the interpreter's C code is
// the only one that changes a live filesystem.
export const PAGE = 1024;
export const CHUNK = 128;
export const DATA = CHUNK - 4;
export const NAME_MAX = 120;
export const RESERVE = PAGE / CHUNK; // chunks the firmware keeps free for compaction
const MAGIC_HEAD = 0xa5;
const MAGIC_DATA = 0x5a;
const ID_MAX = 0xffe;
const ERASED = 0xffffffff;

const encoder = new TextEncoder();

// A name the filesystem takes: 1 to 120 bytes of UTF-8, without '/'.
export function validName(name) {
  const n = encoder.encode(name).length;
  return n > 0 && n <= NAME_MAX && !name.includes('/');
}

// Generations count up modulo 4096; of two versions one is a step ahead.
const newer = (a, b) => ((a - b) & 0xfff) - 1 < 0x7ff;

// The committed files of an image, [{name, data}] in flash order, read by
// the rules fs_mount applies after a reset.
export function readFiles(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = Math.floor(bytes.length / CHUNK);
  const heads = [];
  const data = new Map();
  for (let c = 0; c < chunks; c++) {
    const at = c * CHUNK;
    const h = view.getUint32(at, true);
    const id = (h >>> 8) & 0xfff;
    const arg = h >>> 20;
    if (id < 1 || id > ID_MAX) continue;
    if ((h & 0xff) === MAGIC_DATA && arg >= 1 && arg <= ID_MAX) {
      if (!data.has(id * 4096 + arg)) data.set(id * 4096 + arg, at + 4);
    } else if ((h & 0xff) === MAGIC_HEAD && arg >= 1 && arg <= NAME_MAX) {
      const commit = view.getUint32(at + 4, true);
      const name = bytes.subarray(at + 8, at + 8 + arg);
      const size = commit & 0xfffff;
      if (commit !== ERASED && size <= chunks * DATA && !name.includes(0x2f))
        heads.push({ at, id, gen: commit >>> 20, size, name: new TextDecoder().decode(name.slice()) });
    }
  }
  const live = heads.filter((a) => !heads.some((b) => b !== a && (b.id === a.id || b.name === a.name) &&
    (newer(b.gen, a.gen) || (b.gen === a.gen && b.at > a.at))));
  return live.map(({ id, size, name }) => {
    const out = new Uint8Array(size);
    for (let pos = 0; pos < size; pos += DATA) {
      const at = data.get(id * 4096 + pos / DATA + 1);
      if (at === undefined) return { name, data: out.subarray(0, pos) };
      out.set(bytes.subarray(at, at + Math.min(DATA, size - pos)), pos);
    }
    return { name, data: out };
  });
}

// Bytes of flash the files take in a fresh image.
export function imageSize(files) {
  return files.reduce((n, f) => n + CHUNK * (1 + Math.ceil(f.data.length / DATA)), 0);
}

function chunk(out, word, body) {
  const c = new Uint8Array(CHUNK).fill(0xff);
  new DataView(c.buffer).setUint32(0, word >>> 0, true);
  c.set(body, 4);
  out.push(c);
}

// A fresh filesystem holding files [{name, data}]: in the order given, each
// a head chunk then its data chunks, ids from 1 (as mkhex writes it).
export function freshImage(files) {
  const out = [];
  files.forEach(({ name, data }, i) => {
    const raw = encoder.encode(name);
    if (!validName(name)) throw new Error(`"${name}": a file name is 1 to ${NAME_MAX} bytes, without "/"`);
    const id = (i + 1) << 8;
    const head = new Uint8Array(4 + raw.length);
    new DataView(head.buffer).setUint32(0, data.length, true);
    head.set(raw, 4);
    chunk(out, MAGIC_HEAD | id | raw.length << 20, head);
    for (let at = 0, index = 1; at < data.length; at += DATA, index++)
      chunk(out, MAGIC_DATA | id | index << 20, data.subarray(at, at + DATA));
  });
  const image = new Uint8Array(out.length * CHUNK);
  out.forEach((c, i) => image.set(c, i * CHUNK));
  return image;
}
