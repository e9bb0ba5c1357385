//! From a sheet read to the paper ballot on the pad (拍照计票): each box's mark in the
//! template's terms, and what the counter must decide before the ballot is entered.
//!
//! Invariant ([`Draft::ready`]): nothing the reader is unsure of, nothing it cannot put in the
//! template's terms, and no 另选他人 cell with writing in it enters the count without the
//! counter's decision. The counter decides by tapping the box on the pad, by choosing what
//! the box holds, or by typing the written name; what the reader proposed is kept with the
//! entry ([`CameraRead`]), so the log shows what the camera read and what the counter changed.

use serde::{Deserialize, Serialize};

use super::layout::BoxRef;
use super::read::{Mark, Reading};
use crate::ballot::{Ballot, BallotContent, SectionMarks};
use crate::count::{CountOp, CountRefused, PaperBox};
use crate::template::{MarkSymbol, Section, Template};

/// Why a box is left to the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Doubt {
    /// The reader is not sure what the box holds; its best guess is on the pad.
    Unsure,
    /// A mark the form does not use there: the other symbol (√ where ○ is asked), a × where
    /// the form has none, a box filled in. Nothing is on the pad for it until the counter
    /// decides (the ballot may be void: the counter says so with 废票).
    NotOfForm,
}

/// One thing the counter decides on a ballot read by the camera.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Open {
    /// A box: what the reader saw in it, and why it is left to the counter.
    Box {
        what: BoxRef,
        read: Mark,
        doubt: Doubt,
    },
    /// A 另选他人 cell with writing in it: the counter types the name (the reader never
    /// reads handwriting), or finds it empty.
    Name { section: usize, slot: usize },
}

/// What the camera proposes for one sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The ballot as read: every box read with confidence, and the reader's best guess of
    /// those it is unsure of. Write-in names are empty until typed.
    pub ballot: Ballot,
    /// What the counter decides, in the sheet's order.
    pub open: Vec<Open>,
}

/// The marks a box may hold on the form: (the template's symbol, ×).
pub type BoxMarks = (bool, bool);

/// The marks the form gives the box `what`, in the order the counter is offered them: the
/// symbol, then × where the scheme has it. Empty when the form does not use the box (a
/// 另选他人 cell's box where a written name needs no mark).
pub fn choices(template: &Template, what: BoxRef) -> Vec<BoxMarks> {
    let has_cross = template.spec().marking.scheme.has_cross();
    let with_cross = |used: bool| match (used, has_cross) {
        (false, _) => vec![],
        (true, false) => vec![(true, false), (false, false)],
        (true, true) => vec![(true, false), (false, true), (false, false)],
    };
    match (what, template.sections()) {
        (BoxRef::Level { section, .. }, s) => match s.get(section) {
            Some(Section::Evaluation(_)) => vec![(true, false), (false, false)],
            _ => vec![],
        },
        (BoxRef::Listed { section, candidate }, s) => match s.get(section) {
            Some(Section::Recommendation(r)) => with_cross(candidate < r.candidates.len()),
            _ => vec![],
        },
        (BoxRef::WriteIn { section, slot }, s) => match s.get(section) {
            Some(Section::Recommendation(r)) => with_cross(
                slot < usize::from(r.write_in_slots) && (has_cross || r.write_in_needs_mark),
            ),
            _ => vec![],
        },
    }
}

/// What a mark read means on this form, if the form has it there.
fn marks_of(template: &Template, what: BoxRef, mark: Mark) -> Option<BoxMarks> {
    let symbol = match template.spec().marking.symbol {
        MarkSymbol::Circle => Mark::Circle,
        MarkSymbol::Tick => Mark::Check,
    };
    let marks = match mark {
        Mark::Blank => (false, false),
        m if m == symbol => (true, false),
        Mark::Cross => (false, true),
        _ => return None,
    };
    choices(template, what).contains(&marks).then_some(marks)
}

/// The marks box `what` holds in `ballot`.
pub fn box_marks(ballot: &Ballot, what: BoxRef) -> BoxMarks {
    let BallotContent::Marked(sections) = &ballot.content else {
        return (false, false);
    };
    match what {
        BoxRef::Level {
            section,
            item,
            level,
        } => match sections.get(section) {
            Some(SectionMarks::Evaluation(items)) => {
                (items.get(item).is_some_and(|l| l.contains(level)), false)
            }
            _ => (false, false),
        },
        BoxRef::Listed { section, candidate } => match sections.get(section) {
            Some(SectionMarks::Recommendation(r)) => {
                let i = u16::try_from(candidate).unwrap_or(u16::MAX);
                (r.marked.contains(&i), r.crossed.contains(&i))
            }
            _ => (false, false),
        },
        BoxRef::WriteIn { section, slot } => match sections.get(section) {
            Some(SectionMarks::Recommendation(r)) => {
                let i = u16::try_from(slot).unwrap_or(u16::MAX);
                (
                    r.write_ins_marked.contains(&i),
                    r.write_ins_crossed.contains(&i),
                )
            }
            _ => (false, false),
        },
    }
}

/// Puts exactly `marks` in box `what` of `ballot`; a mark the form does not have there is
/// never put (the paper marking operations refuse it).
pub fn set_box(ballot: &mut Ballot, template: &Template, what: BoxRef, marks: BoxMarks) {
    let now = box_marks(ballot, what);
    match what {
        BoxRef::Level {
            section,
            item,
            level,
        } => {
            if now.0 != marks.0 {
                ballot.toggle_paper_level(template, section, item, level);
            }
        }
        BoxRef::Listed { section, candidate }
        | BoxRef::WriteIn {
            section,
            slot: candidate,
        } => {
            let Ok(i) = u16::try_from(candidate) else {
                return;
            };
            let at = match what {
                BoxRef::Listed { .. } => PaperBox::Listed(i),
                _ => PaperBox::WriteIn(i),
            };
            if now.0 != marks.0 {
                ballot.toggle_paper_box(template, section, at, false);
            }
            if now.1 != marks.1 {
                ballot.toggle_paper_box(template, section, at, true);
            }
        }
    }
}

/// The ballot a sheet read proposes, for a count of `category`.
pub fn propose(template: &Template, category: Option<u16>, reading: &Reading) -> Proposal {
    let mut ballot = Ballot::empty(template, category);
    let mut open = Vec::new();
    for cell in &reading.cells {
        if choices(template, cell.what).is_empty() {
            continue;
        }
        match marks_of(template, cell.what, cell.mark) {
            Some(marks) => {
                set_box(&mut ballot, template, cell.what, marks);
                if !cell.sure() {
                    open.push(Open::Box {
                        what: cell.what,
                        read: cell.mark,
                        doubt: Doubt::Unsure,
                    });
                }
            }
            None => open.push(Open::Box {
                what: cell.what,
                read: cell.mark,
                doubt: Doubt::NotOfForm,
            }),
        }
    }
    for w in reading.write_ins.iter().filter(|w| w.written()) {
        open.push(Open::Name {
            section: w.section,
            slot: w.slot,
        });
    }
    Proposal { ballot, open }
}

/// What a count's log keeps of a ballot read by the camera: the ballot the reader
/// proposed, and how many things it left to the counter. The entry's own ballot is what
/// the counter confirmed; the two side by side are the counter's decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameraRead {
    pub read: Ballot,
    pub open: u16,
}

/// A ballot read by the camera on the pad, until it is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    proposal: Proposal,
    decided: Vec<bool>,
}

impl Draft {
    pub fn new(proposal: Proposal) -> Draft {
        let decided = vec![false; proposal.open.len()];
        Draft { proposal, decided }
    }

    pub fn proposal(&self) -> &Proposal {
        &self.proposal
    }

    /// What the counter has still to decide, each with its index.
    pub fn open(&self) -> impl Iterator<Item = (usize, &Open)> {
        (self.proposal.open.iter().enumerate()).filter(|(k, _)| !self.decided[*k])
    }

    /// Whether the ballot may be entered: everything decided.
    pub fn ready(&self) -> bool {
        self.decided.iter().all(|d| *d)
    }

    /// The counter decided item `k`.
    pub fn decide(&mut self, k: usize) {
        if let Some(d) = self.decided.get_mut(k) {
            *d = true;
        }
    }

    /// The counter tapped box `what` on the pad: that decides it.
    pub fn touched(&mut self, what: BoxRef) {
        for (k, o) in self.proposal.open.iter().enumerate() {
            if matches!(o, Open::Box { what: w, .. } if *w == what) {
                self.decided[k] = true;
            }
        }
    }

    /// The counter typed into 另选他人 cell `slot` of `section`: that decides it.
    pub fn named(&mut self, section: usize, slot: usize) {
        for (k, o) in self.proposal.open.iter().enumerate() {
            if *o == (Open::Name { section, slot }) {
                self.decided[k] = true;
            }
        }
    }

    /// The step that enters `ballot` (what the counter confirmed on the pad) as the ballot
    /// the camera read: refused while anything is undecided (C17).
    pub fn entry(&self, ballot: Ballot) -> Result<CountOp, CountRefused> {
        match self.open().count() {
            0 => Ok(CountOp::Read {
                ballot,
                camera: Box::new(self.record()),
            }),
            n => Err(CountRefused::Undecided {
                open: u16::try_from(n).unwrap_or(u16::MAX),
            }),
        }
    }

    /// What the log keeps of it.
    pub fn record(&self) -> CameraRead {
        CameraRead {
            read: self.proposal.ballot.clone(),
            open: u16::try_from(self.proposal.open.len()).unwrap_or(u16::MAX),
        }
    }
}

#[cfg(test)]
mod tests;
