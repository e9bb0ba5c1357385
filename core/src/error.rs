//! Problems found in a template. Each kind has a stable code (`T01`, …) and exactly one
//! message per language, in the i18n catalogue (`i18n::*::template_error`), so a reader can
//! find any message shown to a user in one place.

use std::fmt;

/// A field of the template format, as named in the JSON file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Format,
    Version,
    Title,
    Issuer,
    Notes,
    Categories,
    Sections,
    Subjects,
    Name,
    Role,
    Dimensions,
    Levels,
    Candidates,
    Note,
    MaxMarks,
    WriteInSlots,
    Rules,
    Round,
    Taken,
}

impl Field {
    /// The JSON key of this field.
    pub fn key(self) -> &'static str {
        match self {
            Field::Format => "format",
            Field::Version => "version",
            Field::Title => "title",
            Field::Issuer => "issuer",
            Field::Notes => "notes",
            Field::Categories => "categories",
            Field::Sections => "sections",
            Field::Subjects => "subjects",
            Field::Name => "name",
            Field::Role => "role",
            Field::Dimensions => "dimensions",
            Field::Levels => "levels",
            Field::Candidates => "candidates",
            Field::Note => "note",
            Field::MaxMarks => "max_marks",
            Field::WriteInSlots => "write_in_slots",
            Field::Rules => "rules",
            Field::Round => "round",
            Field::Taken => "taken",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    Field(Field),
    Index(usize),
}

/// Where in a template a problem is: e.g. `sections[1].candidates[3].name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(pub Vec<Segment>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn field(&self, f: Field) -> Path {
        let mut p = self.clone();
        p.0.push(Segment::Field(f));
        p
    }

    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }
}

/// The machine-readable form, used by the editor to match errors to fields.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for seg in &self.0 {
            match seg {
                Segment::Field(x) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(x.key())?;
                }
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub path: Path,
    pub kind: TemplateErrorKind,
}

impl TemplateError {
    pub fn root(kind: TemplateErrorKind) -> TemplateError {
        TemplateError {
            path: Path::root(),
            kind,
        }
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateErrorKind {
    /// The file is not JSON, or its JSON does not fit the format (a missing or unknown field,
    /// a wrong type), at this line and column. (serde's English text is not kept: no one
    /// is shown it, and formatting it would cost the first load about 1.5 KB.)
    Json {
        line: usize,
        column: usize,
    },
    /// `format` is missing or is not `ballot-kit/template`.
    NotATemplate,
    /// `version` is missing or not one this build reads.
    UnsupportedVersion {
        found: Option<u32>,
    },
    FileTooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    TooLong {
        max: usize,
    },
    ControlCharacter,
    /// A character that shows nothing or reorders the text (zero-width, soft hyphen, BOM,
    /// bidi control): named in the message.
    HiddenCharacter {
        ch: char,
    },
    /// A character that normalization (NFC) would change: a compatibility ideograph that
    /// looks like a common one, a combining mark.
    UnnormalizedCharacter {
        ch: char,
    },
    TooFew {
        min: usize,
    },
    TooMany {
        max: usize,
    },
    NumberTooHigh {
        max: usize,
    },
    /// The same name twice in a list; `first` is the index of its first occurrence.
    Duplicate {
        name: String,
        first: usize,
    },
    /// A recommendation section with neither names nor write-in slots.
    NothingToMark,
    MaxMarksZero,
    /// 应推荐人数 above the names plus write-in slots a ballot offers.
    MaxMarksAboveAvailable {
        max_marks: u16,
        available: usize,
    },
    /// Under the inverted scheme (an empty box is 赞成) the list has more names than a
    /// ballot may agree with: a ballot handed back unmarked would be over-marked.
    InvertedOverMarked {
        max_marks: u16,
        candidates: usize,
    },
    /// An 等额 election lists as many names as seats.
    EqualContest {
        seats: u16,
        names: usize,
    },
    /// A 差额 election lists at least `needed` names (seats plus the 差额).
    CompetitiveContest {
        seats: u16,
        names: usize,
        needed: u64,
    },
    /// A round's list of sections does not match the template's: one entry per section,
    /// and every section of a round is a names section.
    RoundMismatch,
    /// A name an earlier round took is on this round's list again, or taken twice.
    TakenAgain {
        name: String,
    },
    /// A round's link does not read as one the app makes: its number is outside 2–20, a
    /// name's round is not before it, or a fingerprint is not one.
    BadRoundLink,
    /// `write_in_after_oppose` under a scheme without ×: no name can be voted against.
    AfterOpposeWithoutCross,
    /// `rules.weights` must give one weight per voter category.
    WeightsPerCategory {
        categories: usize,
    },
    /// A rule names a rating level the section does not have.
    UnknownLevel {
        name: String,
    },
    /// A share of a base above 1 (e.g. "5/4"): such a rule could never or always hold.
    ShareAboveOne,
    /// A rule whose key is not a rule of its list (e.g. `seats` in an evaluation).
    UnknownRule {
        key: String,
    },
    /// A rule text that does not read; `example` shows the expected shape.
    BadRule {
        example: &'static str,
    },
}

impl TemplateErrorKind {
    /// Stable code, quoted in messages and documentation.
    pub fn code(&self) -> &'static str {
        match self {
            TemplateErrorKind::Json { .. } => "T01",
            TemplateErrorKind::NotATemplate => "T02",
            TemplateErrorKind::UnsupportedVersion { .. } => "T03",
            TemplateErrorKind::FileTooLarge { .. } => "T04",
            TemplateErrorKind::Empty => "T05",
            TemplateErrorKind::TooLong { .. } => "T06",
            TemplateErrorKind::ControlCharacter => "T07",
            TemplateErrorKind::TooFew { .. } => "T08",
            TemplateErrorKind::TooMany { .. } => "T09",
            TemplateErrorKind::NumberTooHigh { .. } => "T10",
            TemplateErrorKind::Duplicate { .. } => "T11",
            TemplateErrorKind::NothingToMark => "T12",
            TemplateErrorKind::MaxMarksZero => "T13",
            TemplateErrorKind::MaxMarksAboveAvailable { .. } => "T14",
            TemplateErrorKind::WeightsPerCategory { .. } => "T15",
            TemplateErrorKind::UnknownLevel { .. } => "T16",
            TemplateErrorKind::ShareAboveOne => "T17",
            TemplateErrorKind::BadRule { .. } => "T18",
            TemplateErrorKind::UnknownRule { .. } => "T19",
            TemplateErrorKind::HiddenCharacter { .. } => "T20",
            TemplateErrorKind::UnnormalizedCharacter { .. } => "T21",
            TemplateErrorKind::InvertedOverMarked { .. } => "T22",
            TemplateErrorKind::AfterOpposeWithoutCross => "T23",
            TemplateErrorKind::EqualContest { .. } => "T24",
            TemplateErrorKind::CompetitiveContest { .. } => "T25",
            TemplateErrorKind::RoundMismatch => "T26",
            TemplateErrorKind::TakenAgain { .. } => "T27",
            TemplateErrorKind::BadRoundLink => "T28",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_displays_as_json_pointer_like_text() {
        let p = Path::root()
            .field(Field::Sections)
            .index(1)
            .field(Field::Candidates)
            .index(3)
            .field(Field::Name);
        assert_eq!(p.to_string(), "sections[1].candidates[3].name");
        assert_eq!(Path::root().to_string(), "");
    }
}
