// IndexedDB, the app's durable store. Kept in JS because the promise plumbing of
// IDBRequest is a few lines here and many web-sys bindings in Rust; the Rust side
// (idb.rs) sees a few async functions and plain strings. The app and the studio module
// both use this file, so they open the same database at the same version.
//
// Every write is its own transaction with durability "strict": the promise resolves only
// after the browser has flushed it to disk, so an acknowledged ballot survives a crash or
// a dead battery. Records are written with add(), never put(): an existing key is never
// overwritten (only the derived checkpoints are, see CHECKPOINTS). (localStorage is no
// substitute: Chromium writes it to disk lazily, and a killed browser loses the last second
// of it; the crash test showed exactly that.)

const NAME = "ballot-kit";
const VERSION = 6;
// Append-only records, plus "device": the few settings of this device that must survive a
// crash as surely as a ballot (which session it shows voters). Version 3 added the paper
// counts ("counts", "count_entries"), version 4 the template library ("templates", one
// record per saved revision); upgrading only creates the stores that are missing.
const STORES = ["sessions", "events", "ballots", "device", "counts", "count_entries", "templates", "checkpoints"];
// The logs that hold nearly every record of a device: read only for the sessions and counts
// the app asks for (loadShelf, loadLogs); the home screen shows the others from their
// checkpoints.
const LOGS = ["ballots", "count_entries"];
// Version 6: "checkpoints", `<id>` → what a session's ballots or a count's log add up to
// (ballot_core::checkpoint). Derived, not a record: overwritten with each write of its log,
// in the same transaction, and deleted by any write of the log that does not bring one
// (sumUp), so one that is there sums its log up to the log's last write. Never backed up.
const CHECKPOINTS = "checkpoints";
// Version 5: "keys", this device's signing key pair (CryptoKey objects, the private one not
// extractable). Not a record of the app's: never loaded with the others, never backed up.
const KEYS = "keys";
let opening = null;

// Every value is stored sealed: "<CRC-32 of key, a newline and the data, 8 hex> <data>". On
// reading, a record whose checksum fails is left out and named (loadShelf's last list), so
// one damaged record never hides or breaks the others. Values written before checksums
// (version 4) have no seal and are read as they are; they must still parse to be used.
const CRC = new Int32Array(256).map((_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n;
});
// Every record is checked at start, so this is the store's hot loop (issue 21): one encoder
// and one buffer for all records, grown as needed, and an indexed loop.
const UTF8 = new TextEncoder();
let bytes = new Uint8Array(1 << 16);
function crc32(text) {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
  const n = UTF8.encodeInto(text, bytes).written;
  let c = -1;
  for (let i = 0; i < n; i++) c = CRC[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return ((c ^ -1) >>> 0).toString(16).padStart(8, "0");
}
const seal = (key, data) => crc32(key + "\n" + data) + " " + data;
// The data of a stored value, or null when its checksum fails.
function unseal(key, value) {
  if (!/^[0-9a-f]{8} /.test(value)) return value;
  const data = value.slice(9);
  return crc32(key + "\n" + data) === value.slice(0, 8) ? data : null;
}

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
      for (const s of [...STORES, KEYS]) {
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

// Resolves once the transaction is on disk. A transaction aborted by its own check
// rejects with the reason the check gave (tx.why).
function finish(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.why || tx.error || fail("WriteFailed", "transaction failed"));
    tx.onabort = () => reject(tx.why || tx.error || fail("WriteFailed", "transaction aborted"));
  });
}

// One writer per session or count, device-wide (docs/storage.md). A tab writes the records
// of a session or count only while it holds its claim: the Web Lock "ballot-kit/<id>", or
// where a browser has no Web Locks, a lease "writer/<id>" in "device" naming this tab,
// renewed every few seconds and checked by every guarded write in its own transaction (so
// an expired lease can never slip a record in). Either way every guarded write also checks
// that the session or count is still there and its log is as the tab last read it.
const TAB = crypto.getRandomValues(new Uint32Array(4)).join(".");
const LEASE_MS = 9000;
const held = new Map();
const writerOf = (key, value) => String((value && unseal(key, String(value))) || "").split(" ")[0];

/**
 * Claims id for this tab; resolves once claimed. While another tab holds it, onBusy() is
 * called once and the claim waits until that tab lets go (closed, crashed, moved on).
 */
export async function claim(id, onBusy) {
  release(id);
  const stop = new AbortController();
  let free;
  const hold = new Promise((r) => (free = r));
  held.set(id, () => {
    stop.abort();
    free();
  });
  const locks = navigator.locks;
  const name = "ballot-kit/" + id;
  if (locks) {
    await new Promise((ok, no) => {
      const take = () => (ok(), hold);
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (lock) return take();
          onBusy();
          locks.request(name, { signal: stop.signal }, take).catch(no);
        })
        .catch(no);
    });
  } else {
    while (!(await lease(id))) {
      if (stop.signal.aborted) throw fail("AbortError", "released");
      if (onBusy) onBusy();
      onBusy = null;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const renew = setInterval(() => lease(id).catch(() => {}), LEASE_MS / 3);
    stop.signal.addEventListener("abort", () => clearInterval(renew));
  }
  if (stop.signal.aborted) throw fail("AbortError", "released");
}

/** Lets go of id (a waiting claim is given up). */
export function release(id) {
  const free = held.get(id);
  held.delete(id);
  if (!free) return;
  free();
  // Without Web Locks, the next tab need not wait for the lease to run out.
  if (!navigator.locks)
    open()
      .then((db) => {
        const store = db.transaction("device", "readwrite").objectStore("device");
        const key = "writer/" + id;
        store.get(key).onsuccess = (e) => {
          if (writerOf(key, e.target.result) === TAB) store.delete(key);
        };
      })
      .catch(() => {});
}

// Writes "writer/<id>" = "<this tab> <now>" unless another tab's lease on it is still fresh;
// resolves whether it did. Only where there are no Web Locks: a lock cannot be lost while
// its tab lives, and a claim under a lock must not need free space (a full disk must not
// keep the organiser from closing a session).
async function lease(id) {
  const db = await open();
  const tx = db.transaction("device", "readwrite", { durability: "strict" });
  const done = finish(tx);
  const store = tx.objectStore("device");
  const key = "writer/" + id;
  let took = false;
  store.get(key).onsuccess = (e) => {
    const [tab, at] = String((e.target.result && unseal(key, String(e.target.result))) || "").split(" ");
    const age = Date.now() - Number(at);
    took = !tab || tab === TAB || !(age >= 0 && age < LEASE_MS);
    if (took) store.put(seal(key, TAB + " " + Date.now()), key);
  };
  await done;
  return took;
}

// The session or count a log's record belongs to: its key up to the first "/".
const owner = (key) => String(key).split("/")[0];
// The keys of id's records in a log (and of its header's copy): "<id>/…".
const logOf = (id) => IDBKeyRange.bound(id + "/", id + "/\uffff");

// The stores a guarded write reads, and its check: this tab is id's writer, id's record
// is in recordStore, and the last key of id's log in logStore is head ("" for none), as the
// app saw it when it decided on the write. Then run(), in the same transaction; otherwise
// the transaction is aborted, nothing written, with "Elsewhere" or "Changed".
function guarded(tx, [id, recordStore, logStore, head], run) {
  let waiting = 3;
  let why = "";
  const step = (problem) => {
    why = why || problem;
    if (--waiting) return;
    try {
      if (!why) return run();
      tx.why = fail(why, why);
    } catch (e) {
      // Refused as it was asked for (a full disk): nothing of it is kept, and the reason
      // is the one the app is told.
      tx.why = e;
    }
    tx.abort();
  };
  const key = "writer/" + id;
  if (navigator.locks) step("");
  else
    tx.objectStore("device").get(key).onsuccess = (e) =>
      step(writerOf(key, e.target.result) === TAB ? "" : "Elsewhere");
  tx.objectStore(recordStore).count(id).onsuccess = (e) => step(e.target.result ? "" : "Changed");
  tx.objectStore(logStore).openKeyCursor(logOf(id), "prev").onsuccess = (e) =>
    step((e.target.result ? String(e.target.result.key) : "") === head ? "" : "Changed");
}

function guardStores(stores, guard) {
  return guard ? [...new Set([...stores, guard[1], guard[2], ...(navigator.locks ? [] : ["device"])])] : stores;
}

/**
 * One write, resolved once it is on disk: "add" a record, set (or, with value null,
 * remove) a "device" setting, "delete" a record with its entries in the stores named in
 * value (comma-separated), or "addAll" (or "restore") the records of value (JSON [[store,
 * key, data], …]) in one transaction.
 * With a guard (JSON [id, recordStore, logStore, head], see guarded()), an add or delete
 * happens only if its check passes in the same transaction. An add to a log ("ballots",
 * "count_entries") puts sum as its checkpoint in the same transaction, or deletes the
 * checkpoint without one; "checkpoint" puts value as key's checkpoint, guarded.
 */
export function write(op, store, key, value, guard, sum) {
  guard = guard ? JSON.parse(guard) : null;
  if (op === "add") return add(store, key, value, guard, sum);
  if (op === "checkpoint") return putCheckpoint(key, value, guard);
  if (op === "device") return setDevice(key, value);
  if (op === "delete") return deleteWithEntries(store, value, key, guard);
  // A header and its copy (docs/storage.md), or a restore: all of the records or none.
  if (op === "addAll" || op === "restore") return addAll(JSON.parse(value));
  return Promise.reject(fail("WriteFailed", "unknown write " + op));
}

// Keeps id's checkpoint true to its log when a record is added to the log: sum (its text) is
// what the log adds up to with it; without one the checkpoint is deleted, and the app reads
// the log itself until it writes a new one.
function sumUp(tx, store, id, sum) {
  if (!LOGS.includes(store)) return;
  const s = tx.objectStore(CHECKPOINTS);
  if (sum === null || sum === undefined) s.delete(id);
  else s.put(seal(id, sum), id);
}

/** Adds one record; resolves once it is on disk. */
async function add(store, key, value, guard, sum) {
  const db = await open();
  const stores = LOGS.includes(store) ? [store, CHECKPOINTS] : [store];
  const tx = db.transaction(guardStores(stores, guard), "readwrite", { durability: "strict" });
  const done = finish(tx);
  const run = () => {
    tx.objectStore(store).add(seal(key, value), key);
    sumUp(tx, store, owner(key), sum);
  };
  if (guard) guarded(tx, guard, run);
  else run();
  await done;
  // Not awaited: the write is acknowledged now, whatever the browser (or the user, asked by
  // it) answers; the home screen shows the answer when it comes.
  if (kept !== 1 && (store === "sessions" || store === "counts")) keep(true);
}

/** Puts id's checkpoint, guarded as a write of its log; resolves once it is on disk. */
async function putCheckpoint(id, value, guard) {
  const db = await open();
  const tx = db.transaction(guardStores([CHECKPOINTS], guard), "readwrite", { durability: "strict" });
  const done = finish(tx);
  const run = () => tx.objectStore(CHECKPOINTS).put(seal(id, value), id);
  if (guard) guarded(tx, guard, run);
  else run();
  await done;
}

/**
 * Puts value as id's first checkpoint, counted by the app from a read of its log at start
 * (a session or count stored before checkpoints, docs/storage.md): only if, checked in the
 * same transaction, id's header (or its copy) is there, id has no checkpoint yet and logStore ("ballots"
 * or "count_entries") still holds exactly `records` records of id. A write of the log since
 * the read adds a record or takes them all, and every add puts its own checkpoint, so a seed
 * is never older than the log it stands for. Resolves once written or skipped.
 */
export async function seed(id, value, logStore, records) {
  const db = await open();
  const header = logStore === "ballots" ? "sessions" : "counts";
  const tx = db.transaction([CHECKPOINTS, logStore, header], "readwrite", { durability: "strict" });
  const done = finish(tx);
  let waiting = 3;
  let fits = true;
  const step = (ok) => {
    fits = fits && ok;
    if (--waiting === 0 && fits) tx.objectStore(CHECKPOINTS).put(seal(id, value), id);
  };
  // The header or its copy ("<id>/copy").
  tx.objectStore(header).count(IDBKeyRange.bound(id, id + "/\uffff")).onsuccess = (e) => step(e.target.result > 0);
  tx.objectStore(CHECKPOINTS).count(id).onsuccess = (e) => step(e.target.result === 0);
  tx.objectStore(logStore).count(logOf(id)).onsuccess = (e) => step(e.target.result === records);
  await done;
}

/** Sets (or, with value null, removes) one device setting; resolves once it is on disk. */
async function setDevice(key, value) {
  const db = await open();
  const tx = db.transaction("device", "readwrite", { durability: "strict" });
  const done = finish(tx);
  if (value === null || value === undefined) tx.objectStore("device").delete(key);
  else tx.objectStore("device").put(seal(key, value), key);
  await done;
}

/**
 * Adds many records, [[store, key, data], …], in one transaction: all of them are stored or,
 * if one cannot be (an existing key, a full disk), none. A restore from a backup.
 */
async function addAll(rows) {
  const db = await open();
  const tx = db.transaction(STORES, "readwrite", { durability: "strict" });
  const done = finish(tx);
  try {
    for (const [store, key, data] of rows) {
      tx.objectStore(store).add(seal(key, data), key);
      sumUp(tx, store, owner(key), null);
    }
  } catch (e) {
    // Refused before the transaction ran (a full disk, a bad store): none of it is kept.
    tx.abort();
    throw e;
  }
  await done;
  if (kept !== 1 && rows.some(([s]) => s === "sessions" || s === "counts")) keep(true);
}

/**
 * Deletes a record and every entry keyed under it (`<id>/…`) in the given stores, in one
 * transaction: a session with its events and ballots, a count with its log.
 */
async function deleteWithEntries(recordStore, entryStores, id, guard) {
  const db = await open();
  const stores = [recordStore, ...entryStores.split(",")];
  const tx = db.transaction(guardStores([...stores, CHECKPOINTS], guard), "readwrite", { durability: "strict" });
  const done = finish(tx);
  const range = logOf(id);
  const run = () => {
    // The record, its copy ("<id>/copy"), its entries and its checkpoint.
    tx.objectStore(recordStore).delete(id);
    for (const s of stores) tx.objectStore(s).delete(range);
    tx.objectStore(CHECKPOINTS).delete(id);
  };
  if (guard) guarded(tx, guard, run);
  else run();
  await done;
}

// [[key, data], …] of store s (of the keys in range, if given) in key order; a record whose
// checksum fails is left out and its [store, key] pushed to `corrupt`, or without `corrupt`
// kept in place with data "".
function readStore(tx, s, corrupt, range) {
  return new Promise((resolve, reject) => {
    const store = tx.objectStore(s);
    const keys = store.getAllKeys(range);
    const values = store.getAll(range);
    values.onsuccess = () => {
      const out = [];
      keys.result.forEach((k, i) => {
        const key = String(k);
        const data = unseal(key, String(values.result[i]));
        if (data !== null) out.push([key, data]);
        else if (corrupt) corrupt.push([s, key]);
        else out.push([key, ""]);
      });
      resolve(out);
    };
    values.onerror = () => reject(values.error);
  });
}

// The records of the logs (LOGS) of each of ids, by store, in key order: every request
// made at once, in transaction tx.
async function readLogs(tx, ids) {
  const read = LOGS.map((s) => Promise.all(ids.map((id) => readStore(tx, s, null, logOf(id)))));
  const logs = await Promise.all(read);
  return Object.fromEntries(LOGS.map((s, i) => [s, [].concat(...logs[i])]));
}

/**
 * What the home screen needs, and the logs of ids (the session or count on screen), in one
 * transaction, by store name: { sessions: [[key, data], …], events, counts, templates,
 * device, checkpoints, ballots, count_entries }, each in key order, a record whose checksum
 * failed with "" for its data, but in "templates" and "device", which leave it out; and
 * "corrupt": the [store, key] of every template or device record whose checksum failed.
 * The app reads the records themselves (the library's in `ballot_core::library::offered`),
 * and asks for the logs of the sessions and counts whose checkpoints it cannot use
 * (loadLogs).
 */
async function readShelf(ids) {
  const db = await open();
  const tx = db.transaction(STORES, "readonly");
  const corrupt = [];
  // A damaged session, event, ballot, count or count step stays in its place with no data:
  // its reader names it and knows what it could have changed (a damaged close must not read
  // as an open session). A damaged checkpoint too: the app reads the log instead, and says
  // so. The library and the device's settings are left out and counted.
  const inPlace = (s) => s !== "templates" && s !== "device";
  const whole = STORES.filter((s) => !LOGS.includes(s));
  const [read, logs] = await Promise.all([
    Promise.all(whole.map((s) => readStore(tx, s, inPlace(s) ? null : corrupt))),
    readLogs(tx, ids),
  ]);
  const all = Object.assign(Object.fromEntries(whole.map((s, i) => [s, read[i]])), logs);
  all.corrupt = corrupt;
  await keep(all.sessions.length > 0 || all.counts.length > 0);
  return all;
}

// The first read, started by the app's start-up code (scripts/build-app.mjs) before its wasm
// is fetched and compiled, so that the two overlap; the app's first loadShelf without a
// session or count takes it. A read is a snapshot either way: this one is only taken a
// little earlier, and every guarded write still checks the state it depends on in its own
// transaction.
let early = null;
export function readEarly() {
  early = readShelf([]);
  // Its failure is the first loadShelf's to report.
  early.catch(() => {});
}

/** What the home screen needs and the logs of ids (JSON [id, …]): see readShelf. */
export function loadShelf(ids) {
  ids = JSON.parse(ids);
  const read = early && ids.length === 0 ? early : readShelf(ids);
  early = null;
  return read;
}

/** The logs of ids (JSON [id, …]), by store: { ballots: [[key, data], …], count_entries }. */
export async function loadLogs(ids) {
  const db = await open();
  return readLogs(db.transaction(LOGS, "readonly"), JSON.parse(ids));
}

/**
 * One store's [[key, data], …], in key order. A record whose checksum fails has "" for its
 * data: its reader reports it as unreadable.
 */
export async function loadStore(name) {
  const db = await open();
  return readStore(db.transaction(name, "readonly"), name, null);
}

// Whether the browser keeps this site's data when space runs low or the site goes unused:
// 1 yes, 0 no, -1 not known (yet, or the browser cannot tell). Read at start; asked for
// (the browser may ask the user or decide by itself) once the device holds a session or a
// count: at start when it does, and when the first is stored.
let kept = -1;
async function keep(ask) {
  try {
    const s = navigator.storage;
    if (!s || !s.persisted) return;
    kept = (await s.persisted()) || (ask && (await s.persist())) ? 1 : 0;
  } catch (_) {
    kept = -1;
  }
}

/** The browser's last answer about keeping this site's data (see `kept`). */
export function persistence() {
  return kept;
}

// This device's signing key (docs/results.md, "Signatures"): ECDSA P-256, made on first use
// by the browser, the private key not extractable, kept in "keys". Two tabs making one at
// once keep the first one stored. A stored pair the browser can no longer use is replaced:
// the desks that merge from this device then see a new device code and say so.
let keyPair = null;
const ECDSA = { name: "ECDSA", namedCurve: "P-256" };
const SIGN = { name: "ECDSA", hash: "SHA-256" };
const usable = (k) =>
  !!k && k.privateKey instanceof CryptoKey && k.publicKey instanceof CryptoKey && k.privateKey.algorithm.name === "ECDSA";

async function deviceKeys() {
  if (keyPair) return keyPair;
  if (!crypto.subtle) throw fail("NoCrypto", "WebCrypto needs a secure context");
  const db = await open();
  const stored = await new Promise((ok, no) => {
    const r = db.transaction(KEYS, "readonly").objectStore(KEYS).get("device");
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  if (usable(stored)) return (keyPair = stored);
  const made = await crypto.subtle.generateKey(ECDSA, false, ["sign", "verify"]);
  const tx = db.transaction(KEYS, "readwrite", { durability: "strict" });
  const done = finish(tx);
  const store = tx.objectStore(KEYS);
  let kept = made;
  store.get("device").onsuccess = (e) => {
    if (usable(e.target.result)) kept = e.target.result;
    else store.put(made, "device");
  };
  await done;
  return (keyPair = kept);
}

function b64(buf) {
  const bytes = new Uint8Array(buf);
  let s = "";
  // In slices: a backup is megabytes, more arguments than one call may take.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
const unb64 = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** This device's public key, base64url (65 bytes, SEC1 uncompressed). */
export async function deviceKey() {
  const k = await deviceKeys();
  return b64(await crypto.subtle.exportKey("raw", k.publicKey));
}

/** [public key, signature] over message (bytes), both base64url; the signature is r‖s. */
export async function sign(message) {
  const k = await deviceKeys();
  const sig = await crypto.subtle.sign(SIGN, k.privateKey, message);
  return [b64(await crypto.subtle.exportKey("raw", k.publicKey)), b64(sig)];
}

/** Whether sig (base64url r‖s) is key's (base64url SEC1) over message; false for anything malformed. */
export async function verify(key, sig, message) {
  try {
    const k = await crypto.subtle.importKey("raw", unb64(key), ECDSA, false, ["verify"]);
    return await crypto.subtle.verify(SIGN, k, unb64(sig), message);
  } catch (_) {
    return false;
  }
}

/**
 * PBKDF2-HMAC-SHA256 of pin (UTF-8) with salt (its UTF-8), iterations, 256 bits out, hex:
 * how a PIN is stored (ballot_core::session::Kdf).
 */
export async function derive(pin, salt, iterations) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: enc.encode(salt), iterations }, key, 256);
  return [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// A backup's content, locked with a passphrase (ballot_core::backup::Lock): AES-256-GCM, the
// key from PBKDF2-HMAC-SHA256 of the passphrase (UTF-8) with a random 16-byte salt.
async function passphraseKey(passphrase, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** [salt, iv, data], base64url, of text encrypted with passphrase. */
export async function lockText(passphrase, text, iterations) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(text));
  return [b64(salt), b64(iv), b64(data)];
}

/** The text locked by lockText; rejects ("OperationError") for a wrong passphrase or changed data. */
export async function unlockText(passphrase, salt, iv, iterations, data) {
  const key = await passphraseKey(passphrase, unb64(salt), iterations);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(iv) }, key, unb64(data));
  return new TextDecoder("utf-8", { fatal: true }).decode(plain);
}

// The screens' language: the device's choice, else the browser's (Chinese unless it is not).
const LANG = "ballot-kit:lang";
export function lang() {
  try { const l = localStorage.getItem(LANG); if (l) return l; } catch { }
  return /^zh\b/i.test(navigator.language || "zh") ? "zh-CN" : "en";
}
export function setLang(tag) {
  try { localStorage.setItem(LANG, tag); } catch { }
}

// 长辈版 (large text): a way of showing, not a record (prefs.rs), so localStorage is enough.
const LARGE = "ballot-kit:large";
export function large() {
  try { return localStorage.getItem(LARGE) !== null; } catch { return false; }
}
export function setLarge(on) {
  document.documentElement.toggleAttribute("data-large", on);
  // Storage refused (private mode, a full disk): the usual size next time.
  try { if (on) localStorage.setItem(LARGE, "1"); else localStorage.removeItem(LARGE); } catch { }
}
