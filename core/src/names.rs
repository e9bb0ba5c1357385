//! How names are compared. A counter types 「王 芳」 or 「王芳　」 for the same person; the
//! count must not split her votes. And which characters a printed name may not have:
//! five boxes that all read 「王秀英」 must be one name.
//!
//! A name, a unit, a category or any template text is refused when it has a character that
//! shows nothing or reorders what follows ([`is_hidden`]: zero-width characters, soft
//! hyphens, byte-order marks inside text, bidi controls), or one that Unicode normalization
//! (NFC) would change ([`is_unnormalized`]: compatibility ideographs that look like common
//! ones, combining marks, conjoining jamo). So every text the app accepts is NFC already
//! and compares as it reads. (Checking this takes no Unicode tables: the first-load app
//! stays small. Text typed in the browser is NFC-normalized as it is typed, and a typed
//! write-in has its hidden characters dropped ([`normalize_name`]).)

/// Trims, folds every run of white space (including the ideographic space U+3000) to one
/// ASCII space, and drops spaces between two CJK characters (Chinese names have none, but
/// people type them). Latin names keep their single inner spaces.
pub fn normalize_name(s: &str) -> String {
    let s = strip_hidden(s);
    let words: Vec<&str> = s
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let prev_cjk = words[i - 1].chars().last().is_some_and(is_cjk);
            let next_cjk = w.chars().next().is_some_and(is_cjk);
            if !(prev_cjk && next_cjk) {
                out.push(' ');
            }
        }
        out.push_str(w);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}' | '·')
}

/// Control characters (other than none at all) have no place in a printed name and are a
/// common sign of a damaged or hostile file.
pub fn has_control_chars(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// A character that shows nothing, or changes the direction of what follows: zero-width
/// spaces and joiners, direction marks, embeddings, overrides and isolates, invisible
/// operators, a soft hyphen, a byte-order mark, fillers, variation selectors, tags.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A character that NFC would change, or combine with the one before: the CJK
/// compatibility ideographs (U+F900–U+FAFF but the twelve unified ones among them,
/// U+2F800–U+2FA1F), combining marks (diacritics, kana voicing marks), conjoining Hangul
/// jamo, and the few letter-like singletons (Ω K Å 〈 〉 of the symbol blocks).
pub fn is_unnormalized(c: char) -> bool {
    match c {
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{3099}'
        | '\u{309A}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{2126}'
        | '\u{212A}'
        | '\u{212B}'
        | '\u{2329}'
        | '\u{232A}'
        | '\u{2F800}'..='\u{2FA1F}' => true,
        '\u{F900}'..='\u{FAFF}' => !matches!(
            c,
            '\u{FA0E}'
                | '\u{FA0F}'
                | '\u{FA11}'
                | '\u{FA13}'
                | '\u{FA14}'
                | '\u{FA1F}'
                | '\u{FA21}'
                | '\u{FA23}'
                | '\u{FA24}'
                | '\u{FA27}'..='\u{FA29}'
        ),
        _ => false,
    }
}

/// What is wrong with a character of a printed text, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadChar {
    Control(char),
    Hidden(char),
    Unnormalized(char),
}

/// The first character a printed text may not have.
pub fn bad_char(s: &str) -> Option<BadChar> {
    s.chars().find_map(|c| {
        if c.is_control() {
            Some(BadChar::Control(c))
        } else if is_hidden(c) {
            Some(BadChar::Hidden(c))
        } else if is_unnormalized(c) {
            Some(BadChar::Unnormalized(c))
        } else {
            None
        }
    })
}

/// `s` without its hidden characters: a typed write-in of 王, a zero-width space and 秀英
/// is 王秀英.
pub fn strip_hidden(s: &str) -> String {
    s.chars().filter(|&c| !is_hidden(c)).collect()
}

/// `U+200B`: how a character is named in a message.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A file name from its parts (template, unit, category, kind, date, what it is), joined
/// with "-": no spaces, no middle dots, nothing a file system refuses, empty parts left
/// out. 「居民区党组织委员候选人初步人选推荐票-长乐居民区-第一支部-党员-纸质计票-2026-12-03-计票结果.csv」
pub fn file_name(parts: &[&str], ext: &str) -> String {
    let mut name = String::new();
    for part in parts {
        let mut piece = String::new();
        for c in part.chars() {
            match c {
                '·' | '・' | '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => {
                    piece.push('-')
                }
                c if c.is_whitespace() || c.is_control() || is_hidden(c) => {}
                c => piece.push(c),
            }
        }
        // "长乐居民区 · 第一支部" gives one "-", never "--".
        let piece: Vec<&str> = piece.split('-').filter(|p| !p.is_empty()).collect();
        if !piece.is_empty() {
            if !name.is_empty() {
                name.push('-');
            }
            name.push_str(&piece.join("-"));
        }
    }
    format!("{name}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spaces_the_way_people_type_names() {
        assert_eq!(normalize_name("王芳"), "王芳");
        assert_eq!(normalize_name(" 王 芳　"), "王芳");
        assert_eq!(normalize_name("王　　芳"), "王芳");
        assert_eq!(normalize_name("阿依古丽 · 买买提"), "阿依古丽·买买提");
        assert_eq!(normalize_name("  John   Smith "), "John Smith");
        assert_eq!(normalize_name("   "), "");
    }

    #[test]
    fn hidden_characters_are_dropped_from_typed_names() {
        for hidden in [
            '\u{200B}', '\u{200D}', '\u{00AD}', '\u{FEFF}', '\u{202E}', '\u{2066}',
        ] {
            assert_eq!(
                normalize_name(&format!("王{hidden}秀英")),
                "王秀英",
                "{hidden:?}"
            );
            assert_eq!(
                bad_char(&format!("王{hidden}秀英")),
                Some(BadChar::Hidden(hidden))
            );
        }
        assert_eq!(bad_char("王秀英"), None);
        assert_eq!(bad_char("阿依古丽·买买提"), None);
        assert_eq!(bad_char("José"), None);
    }

    #[test]
    fn text_nfc_would_change_is_found() {
        // U+F9F4 is a compatibility form of 林; e and a combining acute accent; jamo.
        assert_eq!(
            bad_char("\u{F9F4}芳"),
            Some(BadChar::Unnormalized('\u{F9F4}'))
        );
        assert_eq!(
            bad_char("Jose\u{301}"),
            Some(BadChar::Unnormalized('\u{301}'))
        );
        assert_eq!(
            bad_char("\u{1100}\u{1161}"),
            Some(BadChar::Unnormalized('\u{1100}'))
        );
        // U+FA11 is a unified ideograph of that block: NFC keeps it.
        assert_eq!(bad_char("\u{FA11}"), None);
        assert_eq!(code_point('\u{200B}'), "U+200B");
        assert_eq!(code_point('\u{2F800}'), "U+2F800");
    }

    #[test]
    fn finds_control_characters() {
        assert!(has_control_chars("王\u{0}芳"));
        assert!(has_control_chars("王\n芳"));
        assert!(!has_control_chars("王芳（女）"));
    }

    #[test]
    fn file_names_say_what_the_file_is_without_spaces_or_dots() {
        assert_eq!(
            file_name(
                &[
                    "推荐票",
                    "长乐居民区 · 第一支部",
                    "党员",
                    "",
                    "2026-12-03",
                    "计票结果"
                ],
                "csv"
            ),
            "推荐票-长乐居民区-第一支部-党员-2026-12-03-计票结果.csv"
        );
        assert_eq!(file_name(&["a/b: c?", " "], "json"), "a-b-c.json");
    }
}
