//! Text as people type it.

/// `s` in Unicode's composed form (NFC), as the browser normalizes it: an e and a combining
/// accent become é, a compatibility ideograph pasted in becomes the common one it looks
/// like. Every text field of names, units and template texts passes what is typed through
/// here, so what the core compares reads as it is compared (`ballot_core::names`).
pub fn typed(s: String) -> String {
    if s.is_ascii() {
        return s;
    }
    String::from(js_sys::JsString::from(s.as_str()).normalize("NFC"))
}

/// Splits a message at the codes that end it: 「请填写居民区名称（S01）」 gives
/// (「请填写居民区名称」, 「（S01）」), "Enter the name (S01)" gives ("Enter the name",
/// " (S01)"); several codes stay together (「…（T18）（E02）」); a message without one gives
/// it whole and "".
pub fn split_code(text: &str) -> (&str, &str) {
    let mut at = text.len();
    loop {
        let head = &text[..at];
        let (open, close) = if head.ends_with('）') {
            ('（', '）')
        } else {
            ('(', ')')
        };
        let Some(open_at) = head.strip_suffix(close).and_then(|s| s.rfind(open)) else {
            break;
        };
        let code = text[open_at..at]
            .trim_start_matches(open)
            .trim_end_matches(close)
            .as_bytes();
        let is_code = code.len() == 3
            && code[0].is_ascii_uppercase()
            && code[1..].iter().all(u8::is_ascii_digit);
        if !is_code {
            break;
        }
        // An English code keeps the space before it.
        at = text[..open_at].strip_suffix(' ').map_or(open_at, str::len);
    }
    text.split_at(at)
}

/// A message as people read it: the sentence, then its code, quieter (`small.code`); the
/// code helps whoever supports them, and is still read out.
pub fn coded(text: &str) -> yew::Html {
    let (sentence, code) = split_code(text);
    if code.is_empty() {
        return yew::html! { { sentence.to_string() } };
    }
    yew::html! { <>{ sentence.to_string() }<small class="code">{ code.to_string() }</small></> }
}

#[cfg(test)]
mod tests {
    use super::split_code;

    #[test]
    fn the_code_is_split_off_the_end_only() {
        assert_eq!(
            split_code("请填写居民区名称（S01）"),
            ("请填写居民区名称", "（S01）")
        );
        assert_eq!(
            split_code("模板有误：写法有误（T18）（E02）"),
            ("模板有误：写法有误", "（T18）（E02）")
        );
        assert_eq!(
            split_code("最多 40 个字（名称）"),
            ("最多 40 个字（名称）", "")
        );
        assert_eq!(
            split_code("The two PINs differ (S07)"),
            ("The two PINs differ", " (S07)")
        );
        assert_eq!(
            split_code("Broken: not written right (T18) (E02)"),
            ("Broken: not written right", " (T18) (E02)")
        );
        assert_eq!(split_code("At most 40 (name)"), ("At most 40 (name)", ""));
        assert_eq!(split_code("（"), ("（", ""));
        assert_eq!(split_code(""), ("", ""));
    }
}
