//! A small HTML writer: every text goes through [`Html::text`], which escapes it, so a name
//! typed by a counter (a write-in) can never become markup.

use std::fmt::Write;

#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Markup written by this module (tags, attributes with fixed values).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text from a template, a count or the catalogue, escaped for element content and
    /// attribute values alike.
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    pub fn num(&mut self, n: impl std::fmt::Display) -> &mut Self {
        let _ = write!(self.0, "{n}");
        self
    }

    /// `<tag>text</tag>`.
    pub fn el(&mut self, tag: &str, text: &str) -> &mut Self {
        self.raw("<").raw(tag).raw(">").text(text).raw("</");
        let name = tag.split(' ').next().unwrap_or(tag);
        self.raw(name).raw(">");
        // A line break after a table cell: no effect on layout, but the row's text reads as
        // separate values ("于建华 3 100.0%"), for screen readers and for copying.
        if name == "td" || name == "th" {
            self.raw("\n");
        }
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let mut h = Html::default();
        h.el("td class=\"num\"", "<img src=x onerror=alert(1)> & \"'");
        assert_eq!(
            h.finish(),
            "<td class=\"num\">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;</td>\n"
        );
    }
}
