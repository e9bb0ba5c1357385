//! The meeting's figures (选票分发/收回情况: 应到, 实到, 发出, 收回), the rules between them
//! (C01–C03), how they are read from what a counter types, and how a correction of one is
//! kept on the record. One place for a voting session (whose 收回 is the forms filled in), a
//! paper count and a merge alike.
//!
//! Figures corrected after they were known stay on the record: the results, 公布 and the
//! printed 报告单 list each correction (修改记录: which figure, from, to, when), and a finding
//! that held before a correction stays visible, marked as corrected. A 收回 > 发出 (C01) that
//! a new 发出 made disappear is exactly what the people who sign must see.

use serde::{Deserialize, Serialize};

use crate::form::{SessionError, SessionField};

/// More forms than this are not issued at one residential-area meeting: the top of every
/// figure.
pub const MAX: u32 = 100_000;

/// The meeting's figures (选票分发/收回情况). Each may be unknown while counting starts and
/// be entered or corrected later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// 应到: voters due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<u32>,
    /// 实到: voters present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<u32>,
    /// 发出: ballots issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<u32>,
    /// 收回: ballots returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<u32>,
}

/// A problem with the figures. Codes C01–C03; one message each in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFlag {
    /// C01: 收回 > 发出: the vote is void and must be repeated (blocking).
    ReturnedExceedsIssued { returned: u32, issued: u32 },
    /// C02: 实到 > 应到 (a typing mistake, or the roll is wrong).
    PresentExceedsDue { present: u32, due: u32 },
    /// C03: 发出 > 实到: more ballots handed out than voters present.
    IssuedExceedsPresent { issued: u32, present: u32 },
}

impl FigureFlag {
    pub fn code(self) -> &'static str {
        match self {
            FigureFlag::ReturnedExceedsIssued { .. } => "C01",
            FigureFlag::PresentExceedsDue { .. } => "C02",
            FigureFlag::IssuedExceedsPresent { .. } => "C03",
        }
    }

    /// Blocking: the count cannot stand; the others are warnings to check.
    pub fn is_blocking(self) -> bool {
        matches!(self, FigureFlag::ReturnedExceedsIssued { .. })
    }
}

impl Figures {
    /// Every figure in range (0 to 100 000).
    pub fn in_range(&self) -> bool {
        [self.due, self.present, self.issued, self.returned]
            .iter()
            .flatten()
            .all(|&n| n <= MAX)
    }

    /// What is wrong between the figures known, blocking problems first.
    pub fn flags(&self) -> Vec<FigureFlag> {
        let mut flags = Vec::new();
        if let (Some(returned), Some(issued)) = (self.returned, self.issued) {
            if returned > issued {
                flags.push(FigureFlag::ReturnedExceedsIssued { returned, issued });
            }
        }
        if let (Some(present), Some(due)) = (self.present, self.due) {
            if present > due {
                flags.push(FigureFlag::PresentExceedsDue { present, due });
            }
        }
        if let (Some(issued), Some(present)) = (self.issued, self.present) {
            if issued > present {
                flags.push(FigureFlag::IssuedExceedsPresent { issued, present });
            }
        }
        flags
    }
}

/// Reads a number field (发出, 应到, 实到, 收回): empty means unknown.
pub fn parse_number(text: &str) -> Result<Option<u32>, SessionError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= MAX => Ok(Some(n)),
        _ => Err(SessionError::NumberInvalid),
    }
}

/// The four figures as typed (应到, 实到, 发出, 收回); each may be left empty (unknown).
/// Every field that is not a whole number from 0 to 100 000 is named (S05).
pub fn parse_figures(
    due: &str,
    present: &str,
    issued: &str,
    returned: &str,
) -> Result<Figures, Vec<(SessionField, SessionError)>> {
    let mut errors = Vec::new();
    let mut read = |field, text: &str| {
        parse_number(text).unwrap_or_else(|e| {
            errors.push((field, e));
            None
        })
    };
    let figures = Figures {
        due: read(SessionField::Due, due),
        present: read(SessionField::Present, present),
        issued: read(SessionField::Issued, issued),
        returned: read(SessionField::Returned, returned),
    };
    if errors.is_empty() {
        Ok(figures)
    } else {
        Err(errors)
    }
}

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
    fn the_figures_are_checked_against_each_other() {
        assert_eq!(
            Figures {
                issued: Some(40),
                returned: Some(40),
                ..Figures::default()
            }
            .flags(),
            vec![]
        );
        let bad = Figures {
            due: Some(40),
            present: Some(41),
            issued: Some(42),
            returned: Some(43),
        };
        let flags = bad.flags();
        assert_eq!(
            flags,
            vec![
                FigureFlag::ReturnedExceedsIssued {
                    returned: 43,
                    issued: 42
                },
                FigureFlag::PresentExceedsDue {
                    present: 41,
                    due: 40
                },
                FigureFlag::IssuedExceedsPresent {
                    issued: 42,
                    present: 41
                },
            ]
        );
        assert!(flags[0].is_blocking() && !flags[1].is_blocking());
        // Unknown figures raise nothing.
        assert_eq!(Figures::default().flags(), vec![]);
    }

    #[test]
    fn issued_is_a_whole_number_or_empty() {
        assert_eq!(parse_number(" "), Ok(None));
        assert_eq!(parse_number(" 45 "), Ok(Some(45)));
        for bad in ["-1", "4.5", "四十", "100001", "1e3"] {
            assert_eq!(parse_number(bad), Err(SessionError::NumberInvalid), "{bad}");
        }
    }

    #[test]
    fn figures_are_read_field_by_field() {
        assert_eq!(
            parse_figures("50", " 45 ", "", "45"),
            Ok(Figures {
                due: Some(50),
                present: Some(45),
                issued: None,
                returned: Some(45),
            })
        );
        assert_eq!(
            parse_figures("五十", "45", "-1", "100001"),
            Err(vec![
                (SessionField::Due, SessionError::NumberInvalid),
                (SessionField::Issued, SessionError::NumberInvalid),
                (SessionField::Returned, SessionError::NumberInvalid),
            ])
        );
    }

    #[test]
    fn a_session_with_more_filled_than_issued_has_c01_and_equal_has_not() {
        use crate::session::Turnout;
        let flags = |filled, issued| {
            Turnout {
                filled,
                issued,
                due: None,
                present: None,
            }
            .figures()
            .flags()
        };
        assert_eq!(flags(40, Some(40)), []);
        assert_eq!(
            flags(41, Some(40)),
            [FigureFlag::ReturnedExceedsIssued {
                returned: 41,
                issued: 40
            }]
        );
        assert_eq!(flags(41, None), []);
        assert_eq!(flags(0, Some(0)), []);
    }

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
