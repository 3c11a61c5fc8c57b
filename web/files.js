// files.js — the playground's files: the Files panel (list, new, rename,
// delete, open in the editor), what the editor shows and saves, and the
// flash image's copy in IndexedDB.
//
// The interpreter's filesystem (core/fs.c, in the worker) is the only
// thing that changes the files: the page asks it through the shared memory
// (hw.requestFs / requestRun), one request at a time, and reads the files
// straight from the shared flash (fsimage.js). What the user types is kept
// in localStorage as a draft at once, and saved into the filesystem a
// moment later, so neither a reload nor a crashed worker loses it.
import { CMD, CMD_FS, FLASH_GEN, FS_FORMAT, FS_PUT, FS_REMOVE, FS_RENAME } from './hw.js';
import { readFiles, validName } from './fsimage.js';
import { saveImage } from './idb.js';

const CURRENT_KEY = 'pith.file';
const OLD_KEY = 'pith.main.py'; // the editor's text before the page had files
const draftKey = (name) => `pith.draft:${name}`;
const AUTOSAVE_MS = 800;
const PERSIST_MS = 300;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createFiles({ hw, defaultMain, onStatus, onChange }) {
  let current = localStorage.getItem(CURRENT_KEY) || 'main.py';
  let saved = null;        // the current file's text as last saved or read
  let editor = null;       // {get, set}
  let pending = null;      // the request the worker has: {seq, op, names, bytes, resolve}
  let seq = 0;
  const queue = [];
  let autosave = 0;
  let flashGen = -1;
  let saving = null;       // the IndexedDB write in progress
  let saveAgain = false;

  // The files in the shared flash, read again (a few times) if the worker
  // wrote meanwhile.
  function list() {
    let files;
    for (let tries = 0; tries < 5; tries++) {
      const gen = hw.get(FLASH_GEN);
      files = readFiles(hw.flash);
      if (hw.get(FLASH_GEN) === gen) break;
    }
    return files;
  }

  function fileText(name) {
    const f = list().find((x) => x.name === name);
    return f ? decoder.decode(f.data) : null;
  }

  // ---- requests to the worker ----
  function pump() {
    if (pending || !queue.length || hw.get(CMD)) return;
    pending = queue.shift();
    if (pending.op === 'run') {
      hw.requestRun(pending.names[0], pending.bytes);
      pending.resolve(0);
      pending = null;
    } else {
      pending.seq = ++seq;
      hw.requestFs(pending.seq, pending.op, pending.names, pending.bytes);
    }
  }

  function request(op, names, bytes) {
    return new Promise((resolve) => {
      queue.push({ op, names, bytes, resolve });
      pump();
    });
  }

  // The worker's answer ('fs'), or a fresh worker ('booted'), which must
  // be asked again if Reset took the request away.
  function onWorkerMessage(msg) {
    if (msg.t === 'fs' && pending && msg.seq === pending.seq) {
      const p = pending;
      pending = null;
      p.resolve(msg.result);
    } else if (msg.t === 'booted' && pending && hw.get(CMD) !== CMD_FS) {
      hw.requestFs(pending.seq, pending.op, pending.names, pending.bytes);
    }
    pump();
  }

  const why = (err) => ({ 2: 'no such file', 28: 'the filesystem is full' }[err] || `error ${err}`);

  // Save a file (text or bytes) into the filesystem.
  async function put(name, content) {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    const err = await request(FS_PUT, [name], bytes);
    if (err) onStatus(`${name} not saved: ${why(err)}`);
    return err;
  }

  // ---- the editor's file ----
  function draft(name) { return localStorage.getItem(draftKey(name)); }

  function textOf(name) {
    const t = draft(name) ?? fileText(name);
    if (t !== null) return t;
    return name === 'main.py' ? (localStorage.getItem(OLD_KEY) ?? defaultMain) : '';
  }

  async function saveCurrent() {
    clearTimeout(autosave);
    if (!editor) return 0;
    const text = editor.get();
    if (text === saved && fileText(current) === text) return 0;
    saved = text;
    return put(current, text);
  }

  // Called by the editor on every change.
  function edited(text) {
    localStorage.setItem(draftKey(current), text);
    clearTimeout(autosave);
    autosave = setTimeout(saveCurrent, AUTOSAVE_MS);
  }

  async function open(name) {
    if (name === current && editor) return;
    await saveCurrent();
    current = name;
    localStorage.setItem(CURRENT_KEY, name);
    saved = fileText(name);
    editor.set(textOf(name));
    render();
  }

  // ---- the panel ----
  const listEl = document.getElementById('files');
  const usageEl = document.getElementById('files-usage');

  function render() {
    const files = list();
    listEl.replaceChildren(...files.map(({ name, data }) => {
      const li = document.createElement('li');
      li.className = name === current ? 'current' : '';
      const b = document.createElement('button');
      b.className = 'file-name';
      b.textContent = name;
      b.title = `open ${name} in the editor`;
      b.onclick = () => open(name);
      const size = document.createElement('span');
      size.className = 'file-size';
      size.textContent = `${data.length} B`;
      li.append(b, size);
      return li;
    }));
    if (!files.some((f) => f.name === current)) {
      const li = document.createElement('li');
      li.className = 'current unsaved';
      li.textContent = `${current} (not saved yet)`;
      listEl.append(li);
    }
    onChange(files);
  }

  function setUsage(text, warn) {
    usageEl.textContent = text;
    usageEl.classList.toggle('warn', warn);
  }

  function ask(what, value) {
    const name = prompt(what, value);
    if (name === null) return null;
    if (!validName(name)) {
      onStatus('a file name is 1 to 120 bytes, without "/"');
      return null;
    }
    return name;
  }

  document.getElementById('file-new').onclick = async () => {
    const name = ask('New file name', 'helper.py');
    if (!name) return;
    if (fileText(name) === null && await put(name, '')) return;
    await open(name);
  };
  document.getElementById('file-rename').onclick = async () => {
    const name = ask(`Rename ${current} to`, current);
    if (!name || name === current) return;
    await saveCurrent();
    const err = await request(FS_RENAME, [current, name]);
    if (err) return onStatus(`${current} not renamed: ${why(err)}`);
    const d = draft(current);
    localStorage.removeItem(draftKey(current));
    if (d !== null) localStorage.setItem(draftKey(name), d);
    current = name;
    localStorage.setItem(CURRENT_KEY, name);
    render();
  };
  document.getElementById('file-delete').onclick = async () => {
    if (!confirm(`Delete ${current}?`)) return;
    clearTimeout(autosave);
    const gone = current;
    await request(FS_REMOVE, [gone]);
    localStorage.removeItem(draftKey(gone));
    const next = list().find((f) => f.name !== gone);
    current = '';
    await open(next ? next.name : 'main.py');
  };

  // ---- the flash: saved in IndexedDB, the panel kept up to date ----
  // At once, then at most every PERSIST_MS while the flash keeps changing.
  function persist() {
    if (saving) {
      saveAgain = true;
      return;
    }
    saving = saveImage(hw.flash.slice()).catch(() => {})
      .then(() => new Promise((resolve) => setTimeout(resolve, PERSIST_MS)))
      .then(() => {
        saving = null;
        if (saveAgain) {
          saveAgain = false;
          persist();
        }
      });
  }

  // Polled once a frame by the page.
  function poll() {
    const gen = hw.get(FLASH_GEN);
    if (gen !== flashGen) {
      flashGen = gen;
      persist();
      // a program that rewrote the open file: show it, unless typed over
      if (editor && editor.get() === saved) {
        const t = fileText(current);
        if (t !== null && t !== saved) {
          saved = t;
          editor.set(t);
          localStorage.removeItem(draftKey(current));
        }
      }
      render();
    }
    pump();
  }

  return {
    list,
    onWorkerMessage,
    poll,
    open,
    put,
    edited,
    saveCurrent,
    current: () => current,
    // The editor is ready, made with initialText().
    attach(e) {
      editor = e;
      saved = fileText(current);
      render();
    },
    // A file from outside (Open…): saved, and shown if it is the open one.
    async add(name, bytes) {
      if (await put(name, bytes)) return false;
      localStorage.removeItem(draftKey(name));
      if (name === current && editor) {
        saved = decoder.decode(bytes);
        editor.set(saved);
      }
      render();
      return true;
    },
    initialText: () => textOf(current),
    // Run: save the editor's file and run main.py.
    run() {
      clearTimeout(autosave);
      const text = editor ? editor.get() : textOf(current);
      saved = text;
      return request('run', [current], encoder.encode(text));
    },
    // Erase every file (the browser test runner starts each program so).
    async format() {
      clearTimeout(autosave);
      await request(FS_FORMAT, []);
    },
    setUsage,
    // Resolves once the flash as it is now is in IndexedDB.
    async saved() {
      poll();
      while (saving) await saving;
    },
  };
}
