#!/usr/bin/env python3
"""Writes core/data/strokes-4e00-9fff.bin: the total stroke count of every character of
U+4E00–U+9FFF (CJK Unified Ideographs), one byte each, 0 where Unihan has none.

Source: Unihan's kTotalStrokes (Debian package unicode-data,
/usr/share/unicode/Unihan_IRGSources.txt.bz2). Where a character has two counts (zh-Hans,
zh-Hant), the first is taken: the count of the mainland form. Unicode data is used under
the Unicode terms of use (https://www.unicode.org/terms_of_use.html); see core/data/README.md.

Run after a Unicode update; `cargo test` checks the committed table against the source.
"""
import bz2
import pathlib

SOURCE = pathlib.Path('/usr/share/unicode/Unihan_IRGSources.txt.bz2')
OUT = pathlib.Path(__file__).resolve().parent.parent / 'core' / 'data' / 'strokes-4e00-9fff.bin'
FIRST, LAST = 0x4E00, 0x9FFF

table = bytearray(LAST - FIRST + 1)
with bz2.open(SOURCE, 'rt', encoding='utf-8') as f:
    for line in f:
        if not line.startswith('U+'):
            continue
        code, field, value = line.rstrip('\n').split('\t')
        if field != 'kTotalStrokes':
            continue
        cp = int(code[2:], 16)
        if FIRST <= cp <= LAST:
            table[cp - FIRST] = int(value.split()[0])
OUT.write_bytes(bytes(table))
print(f'{OUT}: {len(table)} characters, {sum(1 for b in table if b)} with a count')
