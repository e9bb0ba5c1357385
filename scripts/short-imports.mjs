// Shortens the names under which the app's wasm imports its JS glue (docs/size.md, "Import
// names"). wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, and the names are
// written twice, in the wasm's import section and in the glue's import object: 117 names of
// random hex that no compressor can shrink, 3.0 KB of the first load's brotli. They become
// `a`, `b`, … `Z`, `aa`, … in both files; nothing else refers to them (the split chunk imports
// only from `__wasm_split`, and the glue looks its imports up by nothing but these keys).
//
// The wasm is rewritten section by section: only the import section changes (its strings
// and its length); every other byte is copied. In the glue, each name must occur exactly
// once, as a whole word, or the build stops: a wasm-bindgen that wrote its glue another way
// must be looked at, not guessed at.
import { readFileSync, writeFileSync } from 'node:fs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The i-th short name: a…Z, then aa, ab, … (bijective base 52). */
export function shortName(i) {
  let s = '';
  let n = i;
  do {
    s = ALPHABET[n % 52] + s;
    n = Math.floor(n / 52) - 1;
  } while (n >= 0);
  return s;
}

const uleb = (n) => {
  const out = [];
  let v = n;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
};
const name = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);

/**
 * Renames the imports of `wasmPath` from `module` (the glue, "./app_bg.js" for
 * `wasm-bindgen --out-name app`) and their keys in `jsPath`, in place. Returns how many.
 */
export function shortenImports(wasmPath, jsPath, module) {
  const buf = readFileSync(wasmPath);
  let p = 8;
  const fail = (why) => {
    throw new Error(`short-imports: ${wasmPath}: ${why}`);
  };
  const leb = () => {
    let r = 0;
    let shift = 0;
    let b;
    do {
      if (p >= buf.length) fail('ends inside a number');
      b = buf[p++];
      r |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return r >>> 0;
  };
  const str = () => {
    const n = leb();
    const s = buf.subarray(p, p + n).toString();
    p += n;
    return s;
  };
  const limits = () => {
    const flags = leb();
    leb();
    if (flags & 1) leb();
  };
  if (buf.readUInt32LE(0) !== 0x6d736100 || buf.readUInt32LE(4) !== 1) fail('not a wasm module');
  const out = [buf.subarray(0, 8)];
  const renamed = new Map();
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    const start = p;
    if (id !== 2) {
      out.push(Buffer.from([id]), uleb(len), buf.subarray(start, start + len));
      p = start + len;
      continue;
    }
    const count = leb();
    const parts = [uleb(count)];
    for (let i = 0; i < count; i++) {
      const from = str();
      const field = str();
      const desc = p;
      const kind = buf[p++];
      if (kind === 0) leb(); // a function: its type
      else if (kind === 1) { p++; limits(); } // a table: element type, limits
      else if (kind === 2) limits(); // a memory
      else if (kind === 3) p += 2; // a global: value type, mutability
      else fail(`an import of kind ${kind}`);
      if (from === module && !renamed.has(field)) renamed.set(field, shortName(renamed.size));
      parts.push(name(from), name(from === module ? renamed.get(field) : field), buf.subarray(desc, p));
    }
    if (p !== start + len) fail('its import section is not as long as it says');
    const body = Buffer.concat(parts);
    out.push(Buffer.from([2]), uleb(body.length), body);
  }
  let js = readFileSync(jsPath, 'utf8');
  // Longest first, whole words only: no name is replaced inside another.
  for (const [from, to] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
    const word = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const found = js.match(word)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${jsPath} names the import ${from} ${found} times, not once (has wasm-bindgen changed?)`);
    js = js.replace(word, to);
  }
  writeFileSync(wasmPath, Buffer.concat(out));
  writeFileSync(jsPath, js);
  return renamed.size;
}
