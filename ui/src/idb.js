// IndexedDB, the app's durable store. Kept in JS because the promise plumbing of
// IDBRequest is a few lines here and many web-sys bindings in Rust; the Rust side
// (idb.rs) sees a few async functions and plain strings. The app and the studio module
// both use this file, so they open the same database at the same version.
//
// Every write is its own transaction with durability "strict": the promise resolves only
// after the browser has flushed it to disk, so an acknowledged ballot survives a crash or
// a dead battery. Records are written with add(), never put(): an existing key is never
// overwritten. (localStorage is no substitute: Chromium writes it to disk lazily, and a
// killed browser loses the last second of it; the crash test showed exactly that.)

const NAME = "ballot-kit";
const VERSION = 4;
// Append-only records, plus "device": the few settings of this device that must survive a
// crash as surely as a ballot (which session it shows voters). Version 3 added the paper
// counts ("counts", "count_entries"), version 4 the template library ("templates", one
// record per saved revision); upgrading only creates the stores that are missing.
const STORES = ["sessions", "events", "ballots", "device", "counts", "count_entries", "templates"];
let opening = null;

function fail(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

function open() {
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined" || indexedDB === null) {
      reject(fail("Unavailable", "indexedDB is not available"));
      return;
    }
    let req;
    try {
      req = indexedDB.open(NAME, VERSION);
    } catch (e) {
      reject(e);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of STORES) {
        if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen on next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error || fail("Unavailable", "open failed"));
    req.onblocked = () => reject(fail("Unavailable", "blocked by another tab"));
  }).catch((e) => {
    opening = null;
    throw e;
  });
  return opening;
}

function finish(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error || fail("WriteFailed", "transaction failed"));
    tx.onabort = () => reject(tx.error || fail("WriteFailed", "transaction aborted"));
  });
}

/**
 * One write, resolved once it is on disk: "add" a record, set (or, with value null,
 * remove) a "device" setting, or "delete" a record with its entries in the stores named in
 * value (comma-separated).
 */
export function write(op, store, key, value) {
  if (op === "add") return add(store, key, value);
  if (op === "device") return setDevice(key, value);
  if (op === "delete") return deleteWithEntries(store, value, key);
  return Promise.reject(fail("WriteFailed", "unknown write " + op));
}

/** Adds one record; resolves once it is on disk. */
async function add(store, key, value) {
  const db = await open();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  const done = finish(tx);
  tx.objectStore(store).add(value, key);
  await done;
}

/** Sets (or, with value null, removes) one device setting; resolves once it is on disk. */
async function setDevice(key, value) {
  const db = await open();
  const tx = db.transaction("device", "readwrite", { durability: "strict" });
  const done = finish(tx);
  if (value === null || value === undefined) tx.objectStore("device").delete(key);
  else tx.objectStore("device").put(value, key);
  await done;
}

/**
 * Deletes a record and every entry keyed under it (`<id>/…`) in the given stores, in one
 * transaction: a session with its events and ballots, a count with its log.
 */
async function deleteWithEntries(recordStore, entryStores, id) {
  const db = await open();
  const stores = [recordStore, ...entryStores.split(",")];
  const tx = db.transaction(stores, "readwrite", { durability: "strict" });
  const done = finish(tx);
  const range = IDBKeyRange.bound(id + "/", id + "/\uffff");
  tx.objectStore(recordStore).delete(id);
  for (const s of stores.slice(1)) tx.objectStore(s).delete(range);
  await done;
}

function readStore(tx, s) {
  return new Promise((resolve, reject) => {
    const store = tx.objectStore(s);
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () =>
      resolve(keys.result.map((k, i) => [String(k), String(values.result[i])]));
    values.onerror = () => reject(values.error);
  });
}

// The template library as the app offers it for new sessions and counts: [[name, template
// JSON], …], the newest revision of each template id where it was saved ready (a record
// with "template"; a draft has "draft" instead). Done here, where JSON.parse costs the
// first load nothing; the app still checks each template. The studio reads the records
// themselves (loadStore) and reports any that are damaged.
function offered(rows) {
  const newest = new Map();
  // Keys are `<id>/<rev, 8 digits>` in key order: the last of an id is its newest.
  for (const [key, value] of rows) newest.set(key.split("/")[0], value);
  const out = [];
  for (const value of newest.values()) {
    try {
      const r = JSON.parse(value);
      // A template that is not a string is skipped by the app (pairs() takes strings only).
      if (r.template) out.push([String(r.name), r.template]);
    } catch (_) {
      // Not offered; the studio lists it as damaged.
    }
  }
  return out;
}

/**
 * Everything stored: one [[key, value], …] per store of STORES, in that order, each in key
 * order; for "templates", the offered [[name, template], …] instead (see offered()).
 */
export async function loadAll() {
  const db = await open();
  const tx = db.transaction(STORES, "readonly");
  const all = await Promise.all(STORES.map((s) => readStore(tx, s)));
  all[6] = offered(all[6]);
  return all;
}

/** One store's [[key, value], …], in key order. */
export async function loadStore(name) {
  const db = await open();
  return readStore(db.transaction(name, "readonly"), name);
}

/** Asks the browser not to evict our data under storage pressure (best effort). */
export function askPersistence() {
  try {
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().catch(() => {});
    }
  } catch (_) {
    // Not offered: the data is still stored, just evictable in extreme cases.
  }
}
