//! 姓氏笔画 order: names sorted by the strokes of the surname, as official ballots print
//! them, from real stroke data: the stroke counts of Unihan (`kTotalStrokes`, the mainland
//! count) and the stroke order of cnchar-order (the classes of the national stroke-order
//! standard); see `core/data/README.md`. The browser's `zh-u-co-stroke` collation is not
//! used: it does not follow the mainland convention (it puts 陈 after 周).
//!
//! The rule, character by character (white space in a name is ignored, so 「周  敏」 is 周敏):
//! 1. fewer strokes first;
//! 2. the same count: the strokes in writing order, by class — 横 (with 提), 竖 (with 竖钩),
//!    撇, 点 (with 捺), 折 — the first stroke (起笔) first, then the second, and so on;
//!    so 王 (横横竖横) comes before 尤 (横撇折点), and 李 (横…) before 何 (撇…) before
//!    张 (折横…) before 陈 (折竖…);
//! 3. the same strokes, or a character whose order the data does not give (a rare one; it
//!    comes after those that have one): by code point, a stable stand-in that keeps one
//!    surname's names together. An editor can still move a name by hand;
//! 4. the same character: the next character decides, and a name that ends first comes
//!    first;
//! 5. a character outside U+4E00–U+9FFF (a rare extension character, a Latin letter, a
//!    digit) has no count in the table: it comes after every character that has one, by
//!    code point.

use std::cmp::Ordering;
use std::sync::OnceLock;

const FIRST: u32 = 0x4E00;
static TABLE: &[u8; 20_992] = include_bytes!("../data/strokes-4e00-9fff.bin");
/// Per character (code point order): u16 LE offset from U+4E00, the number of strokes,
/// then the strokes' classes (1–5), two per byte (`scripts/gen-stroke-order.mjs`).
static ORDER: &[u8] = include_bytes!("../data/stroke-order.bin");

/// The total stroke count of a character of U+4E00–U+9FFF.
pub fn strokes(c: char) -> Option<u8> {
    let i = u32::from(c).checked_sub(FIRST)?;
    TABLE
        .get(usize::try_from(i).ok()?)
        .copied()
        .filter(|&n| n > 0)
}

/// Where each character's strokes are in [`ORDER`]: (offset from U+4E00, start, count),
/// in code point order; read once.
fn order_index() -> &'static [(u16, usize, u8)] {
    static INDEX: OnceLock<Vec<(u16, usize, u8)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Vec::new();
        let mut at = 0;
        while let (Some(&lo), Some(&hi), Some(&n)) =
            (ORDER.get(at), ORDER.get(at + 1), ORDER.get(at + 2))
        {
            index.push((u16::from_le_bytes([lo, hi]), at + 3, n));
            at += 3 + usize::from(n).div_ceil(2);
        }
        index
    })
}

/// The classes of a character's strokes in writing order (1 横, 2 竖, 3 撇, 4 点, 5 折),
/// when the data has the character and agrees with its stroke count.
pub fn stroke_order(c: char) -> Option<Vec<u8>> {
    let offset = u16::try_from(u32::from(c).checked_sub(FIRST)?).ok()?;
    let index = order_index();
    let i = index.binary_search_by_key(&offset, |e| e.0).ok()?;
    let (_, start, n) = index[i];
    let bytes = ORDER.get(start..start + usize::from(n).div_ceil(2))?;
    let order: Vec<u8> = bytes
        .iter()
        .flat_map(|b| [b >> 4, b & 0x0F])
        .take(usize::from(n))
        .collect();
    // Two sources: where they disagree on the count (2 characters), neither order is used.
    (strokes(c) == Some(n)).then_some(order)
}

/// One character's place: its stroke count (unknown: after all), its strokes in order
/// (unknown: after those known), its code point.
type CharKey = (u16, bool, Vec<u8>, u32);

/// The key a name sorts by, one [`CharKey`] per character.
pub fn stroke_key(name: &str) -> Vec<CharKey> {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            let order = stroke_order(c);
            (
                strokes(c).map_or(u16::MAX, u16::from),
                order.is_none(),
                order.unwrap_or_default(),
                u32::from(c),
            )
        })
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
                "李",     // 李 7, 起笔 横 …
                "李卫东",
                "陈国强", // … before 陈 7, 起笔 折
                "周  敏", // 周 8; the padding is ignored
                "徐红梅", // 徐 10
                "Anna",   // no stroke count: last
            ]
        );
    }

    #[test]
    fn the_order_of_strokes_comes_from_the_data() {
        for (c, order) in [
            ('丁', "12"),
            ('王', "1121"),
            ('尤', "1354"),
            ('李', "1234521"),
            ('陈', "5215234"),
            ('冰', "412534"),
        ] {
            let want: Vec<u8> = order.bytes().map(|b| b - b'0').collect();
            assert_eq!(stroke_order(c), Some(want), "{c}");
        }
        assert_eq!(stroke_order('A'), None);
        // Where the two sources disagree on the count, no order is used.
        assert_eq!(stroke_order('皙'), None);
        assert_eq!(order_index().len(), 6939);
        assert!(
            order_index().windows(2).all(|w| w[0].0 < w[1].0),
            "code point order"
        );
        assert!(
            order_index().iter().all(|&(o, _, n)| {
                let c = char::from_u32(FIRST + u32::from(o)).unwrap_or('A');
                strokes(c).is_some_and(|s| s == n || c == '皙' || c == '囍')
            }),
            "the counts agree with Unihan but for 皙 and 囍"
        );
    }

    /// An official list in 姓氏笔画 order: the 20th CPC Politburo as published (二十届中央
    /// 政治局委员, 按姓氏笔画为序). Its surnames, in its order, are what this rule gives:
    /// 习 before 马 (both 3 strokes; 折点… before 折折…), 王 before 尹 (横… before 折…),
    /// 李 何 张 陈 (7 strokes: 横, 撇, 折横, 折竖).
    #[test]
    fn an_official_list_comes_out_in_its_published_order() {
        let published = [
            "丁薛祥",
            "习近平",
            "马兴瑞",
            "王毅",
            "尹力",
            "石泰峰",
            "刘国中",
            "李干杰",
            "何卫东",
            "何立峰",
            "张又侠",
            "张国清",
            "陈文清",
            "陈吉宁",
            "陈敏尔",
            "赵乐际",
            "袁家军",
            "黄坤明",
            "蔡奇",
        ];
        let mut names = published.to_vec();
        names.reverse();
        sort_by_strokes(&mut names, |n| n);
        assert_eq!(names, published);
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
