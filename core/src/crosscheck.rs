//! Two counters (计票人) enter the same paper ballots in the same reading order on two
//! phones; [`compare`] aligns the two lists ballot by ballot and lists every difference, so
//! the 监票人 can look at those paper ballots before signing. The alignment is
//! [`crate::align`]'s (the fewest differences).

use crate::ballot::Ballot;
use crate::exchange::{Kind, Received};
use crate::figures::Figures;

pub use crate::align::{align, Difference, ALIGN_CELLS};

/// A figure that the two counters entered differently.
pub use crate::figures::Figure;

/// Why two results cannot be compared. Codes X20–X22, one message each in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareRefused {
    /// X20: one of them is not a 唱票 count (a tablet session or a merged result has no
    /// ballots in reading order).
    NotACount,
    /// X21: made with different templates.
    DifferentTemplate { ours: String, theirs: String },
    /// X22: it is the same count (same batch), not a second counter's.
    SameCount,
}

impl CompareRefused {
    pub fn code(&self) -> &'static str {
        match self {
            CompareRefused::NotACount => "X20",
            CompareRefused::DifferentTemplate { .. } => "X21",
            CompareRefused::SameCount => "X22",
        }
    }
}

/// The outcome of a cross-check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub ours: usize,
    pub theirs: usize,
    pub differences: Vec<Difference>,
    pub figures: Vec<(Figure, Option<u32>, Option<u32>)>,
}

impl Comparison {
    /// Every ballot and every figure the same.
    pub fn identical(&self) -> bool {
        self.differences.is_empty() && self.figures.is_empty()
    }
}

/// Compares this device's count with another counter's.
pub fn compare(ours: &Received, theirs: &Received) -> Result<Comparison, CompareRefused> {
    if ours.body.kind != Kind::Paper || theirs.body.kind != Kind::Paper {
        return Err(CompareRefused::NotACount);
    }
    if ours.body.fingerprint != theirs.body.fingerprint {
        return Err(CompareRefused::DifferentTemplate {
            ours: ours.body.fingerprint.clone(),
            theirs: theirs.body.fingerprint.clone(),
        });
    }
    if ours.body.batch == theirs.body.batch {
        return Err(CompareRefused::SameCount);
    }
    let a: Vec<&Ballot> = ours.body.ballots.iter().collect();
    let b: Vec<&Ballot> = theirs.body.ballots.iter().collect();
    Ok(Comparison {
        ours: a.len(),
        theirs: b.len(),
        differences: align(&a, &b),
        figures: figure_differences(&ours.body.figures, &theirs.body.figures),
    })
}

fn figure_differences(a: &Figures, b: &Figures) -> Vec<(Figure, Option<u32>, Option<u32>)> {
    [
        (Figure::Due, a.due, b.due),
        (Figure::Present, a.present, b.present),
        (Figure::Issued, a.issued, b.issued),
        (Figure::Returned, a.returned, b.returned),
    ]
    .into_iter()
    .filter(|(_, x, y)| x != y)
    .collect()
}
