//! Figures corrected after they were known stay on the record: the results, 公布 and the
//! printed 报告单 list each correction (修改记录: which figure, from, to, when), and a finding
//! that held before a correction stays visible, marked as corrected. A 收回 > 发出 (C01) that
//! a new 发出 made disappear is exactly what the people who sign must see.

use serde::{Deserialize, Serialize};

use super::{FigureFlag, Figures};

/// One of the meeting's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// 应到.
    Due,
    /// 实到.
    Present,
    /// 发出.
    Issued,
    /// 收回.
    Returned,
}

impl Figure {
    pub const ALL: [Figure; 4] = [
        Figure::Due,
        Figure::Present,
        Figure::Issued,
        Figure::Returned,
    ];
}

/// A figure changed from a known value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub figure: Figure,
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// When, milliseconds since 1970.
    pub at_ms: u64,
}

impl Figures {
    pub fn get(&self, f: Figure) -> Option<u32> {
        match f {
            Figure::Due => self.due,
            Figure::Present => self.present,
            Figure::Issued => self.issued,
            Figure::Returned => self.returned,
        }
    }

    pub fn set(&mut self, f: Figure, v: Option<u32>) {
        match f {
            Figure::Due => self.due = v,
            Figure::Present => self.present = v,
            Figure::Issued => self.issued = v,
            Figure::Returned => self.returned = v,
        }
    }

    /// The corrections from `self` to `after` at `at_ms`: every figure that was known and
    /// is now another (a figure entered for the first time is not a correction).
    pub fn corrections_to(&self, after: &Figures, at_ms: u64) -> Vec<Correction> {
        Figure::ALL
            .into_iter()
            .filter_map(|figure| {
                let (from, to) = (self.get(figure), after.get(figure));
                (from.is_some() && from != to).then_some(Correction {
                    figure,
                    from,
                    to,
                    at_ms,
                })
            })
            .collect()
    }

    /// The findings that held before one of `corrections` (oldest first, the last of them
    /// leading to `self`) and do not hold now, in the order they are found going back.
    pub fn corrected_flags(&self, corrections: &[Correction]) -> Vec<FigureFlag> {
        let now = self.flags();
        let mut state = *self;
        let mut out: Vec<FigureFlag> = Vec::new();
        for c in corrections.iter().rev() {
            state.set(c.figure, c.from);
            for f in state.flags() {
                if !now.contains(&f) && !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_issued_that_hides_c01_leaves_it_on_the_record() {
        let before = Figures {
            issued: Some(1),
            returned: Some(2),
            ..Figures::default()
        };
        let after = Figures {
            issued: Some(2),
            ..before
        };
        let corrections = before.corrections_to(&after, 7);
        assert_eq!(
            corrections,
            vec![Correction {
                figure: Figure::Issued,
                from: Some(1),
                to: Some(2),
                at_ms: 7
            }]
        );
        assert!(after.flags().is_empty());
        assert_eq!(
            after.corrected_flags(&corrections),
            vec![FigureFlag::ReturnedExceedsIssued {
                returned: 2,
                issued: 1
            }]
        );
        // Entered for the first time: not a correction.
        assert!(Figures::default().corrections_to(&after, 8).is_empty());
    }

    #[test]
    fn findings_of_every_earlier_state_are_kept_once() {
        let start = Figures {
            due: Some(10),
            present: Some(12),
            ..Figures::default()
        };
        let mid = Figures {
            present: Some(11),
            ..start
        };
        let end = Figures {
            present: Some(9),
            ..start
        };
        let mut corrections = start.corrections_to(&mid, 1);
        corrections.extend(mid.corrections_to(&end, 2));
        assert_eq!(corrections.len(), 2);
        assert_eq!(
            end.corrected_flags(&corrections),
            vec![
                FigureFlag::PresentExceedsDue {
                    present: 11,
                    due: 10
                },
                FigureFlag::PresentExceedsDue {
                    present: 12,
                    due: 10
                }
            ]
        );
    }
}
