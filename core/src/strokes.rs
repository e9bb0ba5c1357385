//! 姓氏笔画 order: names sorted by the stroke count of the surname, as official ballots print
//! them, from real stroke data (Unihan `kTotalStrokes`, the mainland count; see
//! `core/data/README.md`). The browser's `zh-u-co-stroke` collation is not used: it does not
//! follow the mainland convention (it puts 陈 after 周).
//!
//! The rule, character by character (white space in a name is ignored, so 「周  敏」 is 周敏):
//! 1. fewer strokes first;
//! 2. the same count but different characters: by code point. The official tie-break is the
//!    first stroke's shape (起笔: 横、竖、撇、点、折), which Unihan does not give; code point
//!    order is a stable stand-in that keeps one surname's names together. An editor can
//!    still move a name by hand;
//! 3. the same character: the next character decides, and a name that ends first comes first;
//! 4. a character outside U+4E00–U+9FFF (a rare extension character, a Latin letter, a
//!    digit) has no count in the table: it comes after every character that has one, by
//!    code point.

use std::cmp::Ordering;

const FIRST: u32 = 0x4E00;
static TABLE: &[u8; 20_992] = include_bytes!("../data/strokes-4e00-9fff.bin");

/// The total stroke count of a character of U+4E00–U+9FFF.
pub fn strokes(c: char) -> Option<u8> {
    let i = u32::from(c).checked_sub(FIRST)?;
    TABLE
        .get(usize::try_from(i).ok()?)
        .copied()
        .filter(|&n| n > 0)
}

/// The key a name sorts by: per character, its stroke count (unknown: after all known) and
/// its code point.
pub fn stroke_key(name: &str) -> Vec<(u16, u32)> {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| (strokes(c).map_or(u16::MAX, u16::from), u32::from(c)))
        .collect()
}

/// Compares two names in 姓氏笔画 order.
pub fn by_strokes(a: &str, b: &str) -> Ordering {
    stroke_key(a).cmp(&stroke_key(b))
}

/// Sorts in 姓氏笔画 order, keeping the order of names that compare equal (e.g. the same
/// name with different notes).
pub fn sort_by_strokes<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|x| stroke_key(name(x)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_come_from_the_table() {
        for (c, n) in [
            ('一', 1),
            ('于', 3),
            ('王', 4),
            ('朱', 6),
            ('李', 7),
            ('陈', 7),
            ('周', 8),
            ('徐', 10),
            ('黄', 11),
            ('龘', 48),
        ] {
            assert_eq!(strokes(c), Some(n), "{c}");
        }
        assert_eq!(strokes('A'), None);
        assert_eq!(strokes('㐀'), None, "extension A is outside the table");
    }

    #[test]
    fn names_sort_by_surname_strokes_then_the_next_characters() {
        let mut names = vec![
            "徐红梅",
            "周  敏",
            "陈国强",
            "李卫东",
            "朱丽萍",
            "王秀英",
            "于建华",
            "王建国",
            "Anna",
            "王秀",
            "李",
        ];
        sort_by_strokes(&mut names, |n| n);
        assert_eq!(
            names,
            [
                "于建华", // 于 3
                "王秀",   // 王 4; a name that ends first comes first
                "王秀英", // 秀 7 …
                "王建国", // … before 建 8
                "朱丽萍", // 朱 6
                "李",     // 李 7 (U+674E) …
                "李卫东",
                "陈国强", // … before 陈 7 (U+9648): code point, standing in for 起笔
                "周  敏", // 周 8; the padding is ignored
                "徐红梅", // 徐 10
                "Anna",   // no stroke count: last
            ]
        );
    }

    #[test]
    fn equal_names_keep_their_order() {
        let mut people = vec![("张伟", "女"), ("张伟", "男"), ("丁一", "")];
        sort_by_strokes(&mut people, |p| p.0);
        assert_eq!(people, [("丁一", ""), ("张伟", "女"), ("张伟", "男")]);
    }

    /// The committed table is exactly Unihan's first kTotalStrokes value. Runs where Debian's
    /// unicode-data is installed (CI installs it; `scripts/gen-strokes.py` regenerates).
    #[test]
    fn the_table_matches_unihan() {
        let source = "/usr/share/unicode/Unihan_IRGSources.txt.bz2";
        if !std::path::Path::new(source).exists() {
            eprintln!("skipped: {source} is not installed");
            return;
        }
        let out = std::process::Command::new("bzcat")
            .arg(source)
            .output()
            .expect("bzcat runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let mut want = [0u8; 20_992];
        for line in text.lines().filter(|l| l.starts_with("U+")) {
            let mut f = line.split('\t');
            let (Some(code), Some("kTotalStrokes"), Some(value)) = (f.next(), f.next(), f.next())
            else {
                continue;
            };
            let cp = u32::from_str_radix(&code[2..], 16).expect("hex");
            if (FIRST..=0x9FFF).contains(&cp) {
                let n = value
                    .split(' ')
                    .next()
                    .expect("a count")
                    .parse()
                    .expect("number");
                want[(cp - FIRST) as usize] = n;
            }
        }
        assert!(
            TABLE.iter().eq(want.iter()),
            "regenerate with scripts/gen-strokes.py"
        );
    }
}
