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
    /// attribute values alike. A character that would reorder what follows (a bidi
    /// embedding, override, isolate or mark) is shown as �, never obeyed: a name cannot turn
    /// the rest of a sentence or a table around. (The core refuses them in every text it
    /// accepts; this is for anything stored before.)
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' => self.0.push('\u{FFFD}'),
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

    /// A text someone typed (a name, a unit, a category), isolated from what surrounds it
    /// (`<bdi>`): whatever its direction, the sentence around it reads as written.
    pub fn user(&mut self, s: &str) -> &mut Self {
        self.raw("<bdi>").text(s).raw("</bdi>")
    }

    /// A message: the sentence, then its codes quieter (`small.code`, styled by app.css).
    pub fn coded(&mut self, s: &str) -> &mut Self {
        let (sentence, code) = ballot_ui::text::split_code(s);
        self.text(sentence);
        if !code.is_empty() {
            self.raw("<small class=\"code\">")
                .text(code)
                .raw("</small>");
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

    /// `<td data-label="…">` opened: each cell carries its column's name, so a narrow
    /// screen can show a row as a card of named values (report.css) and hide no column.
    pub fn td(&mut self, label: &str, class: &str) -> &mut Self {
        self.raw("<td data-label=\"").text(label).raw("\"");
        if !class.is_empty() {
            self.raw(" class=\"").raw(class).raw("\"");
        }
        self.raw(">")
    }

    /// A whole cell of text with its column's name (see [`Html::td`]).
    pub fn cell(&mut self, label: &str, class: &str, text: &str) -> &mut Self {
        self.td(label, class).text(text).raw("</td>\n")
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_controls_are_shown_not_obeyed() {
        let mut h = Html::default();
        h.user("王\u{202E}秀英").text("\u{2067}x");
        assert_eq!(h.finish(), "<bdi>王\u{FFFD}秀英</bdi>\u{FFFD}x");
    }

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
