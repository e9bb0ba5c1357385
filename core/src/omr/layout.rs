//! The machine-readable sheet (读票版), in millimetres on A4 portrait: a pure function of the
//! template, so the printer and the reader agree on every box without the browser's text flow
//! deciding anything. The printed form stays the official one a voter knows (title,
//! instructions, names in order, 另选他人 cells); what the reader needs is added around it:
//! four solid corner markers and the code track between the top two.
//!
//! Version 1: one sheet per ballot; a template whose content does not fit one sheet has no
//! machine-readable layout ([`LayoutError::TooLong`]) and is counted by 唱票.

use super::code::{self, SheetCode};
use crate::paper::{name_rows, Cell};
use crate::template::{Section, Template};

/// The layout version the code track carries.
pub const VERSION: u8 = 1;
/// A4 portrait.
pub const PAGE_W: f64 = 210.0;
pub const PAGE_H: f64 = 297.0;
/// The corner markers' side.
pub const MARKER: f64 = 12.0;
/// Names per row of the grid, as on the one-to-a-sheet paper form.
pub const COLUMNS: usize = 6;

const LEFT: f64 = 14.0;
const WIDTH: f64 = 182.0;
const TOP: f64 = 24.0;
/// Content ends above the bottom markers.
const BOTTOM: f64 = 272.0;
const TRACK_PITCH: f64 = 2.8;
const TRACK_CELL: f64 = 2.4;
/// A name's mark box, and a rating level's.
const NAME_BOX: f64 = 12.0;
const LEVEL_BOX: f64 = 7.0;

/// A rectangle on the sheet, in millimetres from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// `d` millimetres smaller on every side.
    pub fn inset(&self, d: f64) -> Rect {
        Rect {
            x: self.x + d,
            y: self.y + d,
            w: (self.w - 2.0 * d).max(0.0),
            h: (self.h - 2.0 * d).max(0.0),
        }
    }
}

/// What a mark box stands for, in the terms a ballot's marks use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum BoxRef {
    /// A rating level of an evaluation item ([`crate::template::EvaluationSection::items`]).
    Level {
        section: usize,
        item: usize,
        level: usize,
    },
    /// A listed name's box.
    Listed { section: usize, candidate: usize },
    /// The box under a 另选他人 cell.
    WriteIn { section: usize, slot: usize },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkBox {
    pub rect: Rect,
    pub what: BoxRef,
}

/// What a text block holds (the words are the catalogue's and the template's; the reader
/// never reads them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Issuer,
    Notes,
    SectionTitle(usize),
    Instructions(usize),
    Listed {
        section: usize,
        candidate: usize,
    },
    /// A 另选他人 cell: where a voter writes a name (its image goes to the counter).
    WriteIn {
        section: usize,
        slot: usize,
    },
    LevelName {
        section: usize,
        level: usize,
    },
    Item {
        section: usize,
        item: usize,
    },
    Fingerprint,
}

/// A block of text with its type size (millimetres, the height of a character).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextBlock {
    pub rect: Rect,
    pub text: Text,
    pub size: f64,
}

/// Everything on the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub code: SheetCode,
    /// Top-left, top-right, bottom-right, bottom-left.
    pub markers: [Rect; 4],
    /// The code track's cells, and which are filled.
    pub track: Vec<(Rect, bool)>,
    pub boxes: Vec<MarkBox>,
    pub texts: Vec<TextBlock>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutError {
    /// The content needs more than one sheet: `needed` millimetres of the
    /// [`content_height`] available.
    TooLong { needed: u32 },
    /// Not a fingerprint.
    Fingerprint,
}

/// The height the content may take on one sheet.
pub fn content_height() -> f64 {
    BOTTOM - TOP
}

/// Lines a text of `chars` characters takes in a block `width` wide at `size` (a Chinese
/// character is about as wide as it is high; 10% is left for the browser's spacing).
fn lines(chars: usize, width: f64, size: f64) -> usize {
    let per_line = ((width / (size * 1.1)).floor() as usize).max(1);
    chars.div_ceil(per_line).max(1)
}

struct Cursor {
    y: f64,
    texts: Vec<TextBlock>,
}

impl Cursor {
    /// A block of text across the content width, as many lines as it needs.
    fn text(&mut self, text: Text, chars: usize, size: f64, min_lines: usize) {
        let n = lines(chars, WIDTH, size).max(min_lines);
        let h = n as f64 * size * 1.4;
        self.texts.push(TextBlock {
            rect: Rect {
                x: LEFT,
                y: self.y,
                w: WIDTH,
                h,
            },
            text,
            size,
        });
        self.y += h;
    }
}

/// The layout of `template` (whose fingerprint is `fingerprint`).
pub fn layout(template: &Template, fingerprint: &str) -> Result<Layout, LayoutError> {
    sheet(template, fingerprint, false)
}

/// The layout of a test deck's sheet of `template` (测试票): the same but for its code,
/// which says it is a test sheet, so that no count but one in 测试模式 reads it.
pub fn test_layout(template: &Template, fingerprint: &str) -> Result<Layout, LayoutError> {
    sheet(template, fingerprint, true)
}

fn sheet(template: &Template, fingerprint: &str, test: bool) -> Result<Layout, LayoutError> {
    let code = SheetCode {
        fingerprint: fingerprint.to_string(),
        version: VERSION,
        test,
    };
    let bits = code::encode(&code).ok_or(LayoutError::Fingerprint)?;
    let marker = |x: f64, y: f64| Rect {
        x,
        y,
        w: MARKER,
        h: MARKER,
    };
    let (right, bottom) = (PAGE_W - 8.0 - MARKER, PAGE_H - 8.0 - MARKER);
    let markers = [
        marker(8.0, 8.0),
        marker(right, 8.0),
        marker(right, bottom),
        marker(8.0, bottom),
    ];
    let start = PAGE_W / 2.0 - TRACK_PITCH * code::BITS as f64 / 2.0;
    let track = (bits.iter().enumerate())
        .map(|(i, &on)| {
            let x = start + TRACK_PITCH * i as f64 + (TRACK_PITCH - TRACK_CELL) / 2.0;
            let y = 8.0 + MARKER / 2.0 - TRACK_CELL / 2.0;
            let cell = Rect {
                x,
                y,
                w: TRACK_CELL,
                h: TRACK_CELL,
            };
            (cell, on)
        })
        .collect();

    let spec = template.spec();
    let mut c = Cursor {
        y: TOP,
        texts: Vec::new(),
    };
    let chars = |s: &str| s.chars().count();
    c.text(Text::Title, chars(&spec.title), 6.5, 1);
    c.text(Text::Issuer, chars(&spec.issuer), 4.0, 1);
    if !spec.notes.is_empty() {
        c.text(Text::Notes, chars(&spec.notes), 3.8, 1);
    }
    let mut boxes = Vec::new();
    for (s, section) in spec.sections.iter().enumerate() {
        c.y += 3.0;
        c.text(Text::SectionTitle(s), chars(section.title()), 5.0, 1);
        // The instructions are the catalogue's words: three lines are kept for them.
        c.text(Text::Instructions(s), 0, 3.8, 3);
        c.y += 1.0;
        match section {
            Section::Recommendation(r) => {
                let col = WIDTH / COLUMNS as f64;
                for row in name_rows(r, COLUMNS) {
                    for (k, cell) in row.iter().enumerate() {
                        let x = LEFT + col * k as f64;
                        let label = Rect {
                            x: x + 1.0,
                            y: c.y,
                            w: col - 2.0,
                            h: 12.0,
                        };
                        let mark = Rect {
                            x: x + (col - NAME_BOX) / 2.0,
                            y: c.y + 14.0,
                            w: NAME_BOX,
                            h: NAME_BOX,
                        };
                        let (text, what) = match *cell {
                            Cell::Listed(i) => (
                                Text::Listed {
                                    section: s,
                                    candidate: i,
                                },
                                BoxRef::Listed {
                                    section: s,
                                    candidate: i,
                                },
                            ),
                            Cell::WriteIn(i) => (
                                Text::WriteIn {
                                    section: s,
                                    slot: i,
                                },
                                BoxRef::WriteIn {
                                    section: s,
                                    slot: i,
                                },
                            ),
                        };
                        c.texts.push(TextBlock {
                            rect: label,
                            text,
                            size: 4.2,
                        });
                        boxes.push(MarkBox { rect: mark, what });
                    }
                    c.y += 30.0;
                }
            }
            Section::Evaluation(e) => {
                let levels = e.levels.len();
                let col = 20.0;
                let first = WIDTH - col * levels as f64;
                for l in 0..levels {
                    c.texts.push(TextBlock {
                        rect: Rect {
                            x: LEFT + first + col * l as f64,
                            y: c.y,
                            w: col,
                            h: 8.0,
                        },
                        text: Text::LevelName {
                            section: s,
                            level: l,
                        },
                        size: 3.5,
                    });
                }
                c.y += 8.0;
                for item in 0..e.item_count() {
                    c.texts.push(TextBlock {
                        rect: Rect {
                            x: LEFT,
                            y: c.y,
                            w: first,
                            h: 10.0,
                        },
                        text: Text::Item { section: s, item },
                        size: 3.5,
                    });
                    for level in 0..levels {
                        let x = LEFT + first + col * level as f64 + (col - LEVEL_BOX) / 2.0;
                        boxes.push(MarkBox {
                            rect: Rect {
                                x,
                                y: c.y + (10.0 - LEVEL_BOX) / 2.0,
                                w: LEVEL_BOX,
                                h: LEVEL_BOX,
                            },
                            what: BoxRef::Level {
                                section: s,
                                item,
                                level,
                            },
                        });
                    }
                    c.y += 10.0;
                }
            }
        }
    }
    if c.y > BOTTOM {
        return Err(LayoutError::TooLong {
            needed: (c.y - TOP).ceil() as u32,
        });
    }
    c.texts.push(TextBlock {
        rect: Rect {
            x: 30.0,
            y: PAGE_H - 18.0,
            w: PAGE_W - 60.0,
            h: 6.0,
        },
        text: Text::Fingerprint,
        size: 3.5,
    });
    Ok(Layout {
        code,
        markers,
        track,
        boxes,
        texts: c.texts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    /// Every box is on the sheet, inside the markers' frame, apart from every other box,
    /// marker, track cell and text; the same template always gives the same layout.
    #[test]
    fn boxes_are_apart_and_the_layout_is_a_function_of_the_template() {
        for t in crate::samples::all()
            .into_iter()
            .chain(crate::samples::elections())
        {
            let fp = crate::fingerprint(&t);
            let Ok(l) = layout(&t, &fp) else {
                continue;
            };
            assert_eq!(layout(&t, &fp), Ok(l.clone()));
            let frame = Rect {
                x: 8.0 + MARKER,
                y: 8.0 + MARKER,
                w: PAGE_W - 2.0 * (8.0 + MARKER),
                h: PAGE_H - 2.0 * (8.0 + MARKER),
            };
            for (i, b) in l.boxes.iter().enumerate() {
                let r = b.rect;
                assert!(r.x >= frame.x && r.x + r.w <= frame.x + frame.w, "{r:?}");
                assert!(r.y >= frame.y && r.y + r.h <= frame.y + frame.h, "{r:?}");
                for other in &l.boxes[i + 1..] {
                    assert!(!overlaps(&r, &other.rect), "{r:?} {other:?}");
                }
                for t in &l.texts {
                    assert!(!overlaps(&r, &t.rect), "{r:?} {t:?}");
                }
            }
            assert_eq!(l.track.len(), code::BITS);
            let bits: Vec<bool> = l.track.iter().map(|(_, on)| *on).collect();
            assert_eq!(code::decode(&bits), Some(l.code.clone()));
        }
    }

    #[test]
    fn the_samples_fit_one_sheet_and_a_longer_form_does_not() {
        let evaluation = crate::samples::all().remove(0);
        let l = layout(&evaluation, &crate::fingerprint(&evaluation)).expect("fits");
        if let Section::Evaluation(e) = &evaluation.sections()[0] {
            assert_eq!(l.boxes.len(), e.item_count() * e.levels.len());
        }
        // Sixty names: ten rows of six, more than a sheet holds.
        let mut spec = crate::samples::elections().remove(0).into_spec();
        if let Section::Recommendation(r) = &mut spec.sections[0] {
            r.candidates = (0..60)
                .map(|i| crate::template::Candidate {
                    name: format!("候选人{i}"),
                    note: String::new(),
                })
                .collect();
        }
        let long = spec.check().expect("sixty names");
        assert!(matches!(
            layout(&long, &crate::fingerprint(&long)),
            Err(LayoutError::TooLong { .. })
        ));
        let t = crate::samples::all().remove(1);
        let l = layout(&t, &crate::fingerprint(&t)).expect("the 推荐票 fits");
        let names = match &t.sections()[0] {
            Section::Recommendation(r) => r.candidates.len() + usize::from(r.write_in_slots),
            Section::Evaluation(_) => 0,
        };
        assert_eq!(l.boxes.len(), names);
        for t in crate::samples::elections() {
            assert!(layout(&t, &crate::fingerprint(&t)).is_ok());
        }
        assert_eq!(layout(&t, "not one"), Err(LayoutError::Fingerprint));
    }
}
