#!/usr/bin/env node
// Writes core/data/stroke-order.bin: the stroke order (笔顺) of each character of
// U+4E00–U+9FFF that cnchar-order knows (6 939 characters: the common ones), each stroke as
// one of the five classes the 姓氏笔画 rule compares: 1 横 (with 提), 2 竖 (with 竖钩),
// 3 撇, 4 点 (with 捺), 5 折 (every stroke with a turn) — the classes of the national
// stroke-order standard (GB13000.1 字符集汉字笔顺规范).
//
// Source: the npm package cnchar-order 3.2.6 (MIT licence, © theajack; see
// core/data/README.md). Get it without installing it, then run this script on it:
//   npm pack cnchar-order@3.2.6 && tar xzf cnchar-order-3.2.6.tgz
//   node scripts/gen-stroke-order.mjs package/cnchar.order.min.js
//
// Format, in code point order, per character: u16 little-endian (code point − 0x4E00),
// u8 number of strokes n, then ⌈n/2⌉ bytes of strokes, two per byte, the first in the
// high nibble. `cargo test` (core/src/strokes.rs) checks the table's shape and known orders.
import { readFileSync, writeFileSync } from 'node:fs';

const CLASS = {
  j: 1, i: 1, // 横, 提
  f: 2, g: 2, // 竖, 竖钩
  s: 3, // 撇
  k: 4, d: 4, l: 4, // 点, 点 (左点), 捺
};
const FOLDS = 'abcehmnopqrtuvwxyz'; // every other stroke has a turn: 折

const source = readFileSync(process.argv[2], 'utf8');
const start = source.indexOf("JSON.parse('") + "JSON.parse('".length;
const dict = JSON.parse(source.slice(start, source.indexOf("')", start)));
const out = [];
const chars = Object.keys(dict)
  .filter((c) => [...c].length === 1 && c.codePointAt(0) >= 0x4e00 && c.codePointAt(0) <= 0x9fff)
  .sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
for (const c of chars) {
  const strokes = [...dict[c]].map((l) => CLASS[l] ?? (FOLDS.includes(l) ? 5 : null));
  if (strokes.includes(null) || strokes.length === 0 || strokes.length > 255) throw new Error(`${c}: ${dict[c]}`);
  const offset = c.codePointAt(0) - 0x4e00;
  out.push(offset & 0xff, offset >> 8, strokes.length);
  for (let i = 0; i < strokes.length; i += 2) out.push((strokes[i] << 4) | (strokes[i + 1] ?? 0));
}
const path = new URL('../core/data/stroke-order.bin', import.meta.url);
writeFileSync(path, Buffer.from(out));
console.log(`${path.pathname}: ${chars.length} characters, ${out.length} bytes`);
