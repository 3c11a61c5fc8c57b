// idb.js — the flash image kept in the browser's IndexedDB, so the files
// survive a reload (and a crash of the worker: the page holds the copy).
const DB = 'pith';
const STORE = 'flash';
const KEY = 'image';

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

// The saved image, or undefined.
export async function loadImage() {
  const db = await open();
  try {
    return await done(db.transaction(STORE).objectStore(STORE).get(KEY));
  } finally {
    db.close();
  }
}

export async function saveImage(bytes) {
  const db = await open();
  try {
    await done(db.transaction(STORE, 'readwrite').objectStore(STORE).put(bytes, KEY));
  } finally {
    db.close();
  }
}
