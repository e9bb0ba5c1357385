//! How names are compared. A counter types 「王 芳」 or 「王芳　」 for the same person; the
//! count must not split her votes.

/// Trims, folds every run of white space (including the ideographic space U+3000) to one
/// ASCII space, and drops spaces between two CJK characters (Chinese names have none, but
/// people type them). Latin names keep their single inner spaces.
pub fn normalize_name(s: &str) -> String {
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
    fn finds_control_characters() {
        assert!(has_control_chars("王\u{0}芳"));
        assert!(has_control_chars("王\n芳"));
        assert!(!has_control_chars("王芳（女）"));
    }
}
