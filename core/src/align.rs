//! Two lists of ballots in reading order aligned ballot by ballot, with every difference:
//! two counters' lists (双人核对, [`crate::crosscheck`]) and a test deck against its count
//! ([`crate::deck`]).
//!
//! The alignment is the one with the fewest differences (an edit distance where a ballot
//! read differently costs 1 and a ballot one list lacks costs 1): a ballot entered
//! differently stays a pair, and one missed or entered twice does not shift every later
//! ballot into a difference. Equal stretches at the start and the end are matched first;
//! a middle too large to align (over [`ALIGN_CELLS`]) is compared position by position.
//!
//! Invariants (tested below): two equal lists have no difference; lists of equal length
//! that differ at k positions give at most k differences, and exactly those k when no
//! cheaper alignment exists; every ballot of both lists is either matched or in exactly
//! one difference.

/// The largest middle part (ballots of one list times ballots of the other) aligned by edit
/// distance: 16 million cells, one byte each.
pub const ALIGN_CELLS: usize = 16_000_000;

/// One difference: the ballot number (in reading order, from 1) and index in each list;
/// `None` where that counter has no ballot there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub ours: Option<usize>,
    pub theirs: Option<usize>,
}

impl Difference {
    /// The ballot numbers (from 1) shown to the counters.
    pub fn numbers(&self) -> (Option<usize>, Option<usize>) {
        (self.ours.map(|i| i + 1), self.theirs.map(|i| i + 1))
    }
}

/// The differences between two ballot lists, in reading order (see the module comment).
pub fn align<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Difference> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let local = if (ma.len() + 1).saturating_mul(mb.len() + 1) <= ALIGN_CELLS {
        edit_alignment(ma, mb)
    } else {
        by_position(ma, mb)
    };
    local
        .into_iter()
        .map(|d| Difference {
            ours: d.ours.map(|i| i + head),
            theirs: d.theirs.map(|i| i + head),
        })
        .collect()
}

fn by_position<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Difference> {
    (0..a.len().max(b.len()))
        .filter(|&i| a.get(i) != b.get(i))
        .map(|i| Difference {
            ours: (i < a.len()).then_some(i),
            theirs: (i < b.len()).then_some(i),
        })
        .collect()
}

/// Edit distance with a backtrace: at each cell the step taken (diagonal preferred on a
/// tie, so a ballot read differently stays one pair).
fn edit_alignment<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Difference> {
    const DIAG: u8 = 0;
    const UP: u8 = 1; // a ballot only in `a`
    const LEFT: u8 = 2; // a ballot only in `b`
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut step = vec![DIAG; (n + 1) * w];
    let mut prev: Vec<u32> = (0..=m as u32).collect();
    let mut row = vec![0u32; w];
    step[1..w].fill(LEFT);
    for i in 1..=n {
        row[0] = i as u32;
        step[i * w] = UP;
        for j in 1..=m {
            let diag = prev[j - 1] + u32::from(a[i - 1] != b[j - 1]);
            let up = prev[j] + 1;
            let left = row[j - 1] + 1;
            let (cost, s) = if diag <= up && diag <= left {
                (diag, DIAG)
            } else if up <= left {
                (up, UP)
            } else {
                (left, LEFT)
            };
            row[j] = cost;
            step[i * w + j] = s;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i * w + j] {
            DIAG if i > 0 && j > 0 => {
                if a[i - 1] != b[j - 1] {
                    out.push(Difference {
                        ours: Some(i - 1),
                        theirs: Some(j - 1),
                    });
                }
                i -= 1;
                j -= 1;
            }
            UP if i > 0 => {
                out.push(Difference {
                    ours: Some(i - 1),
                    theirs: None,
                });
                i -= 1;
            }
            _ => {
                out.push(Difference {
                    ours: None,
                    theirs: Some(j - 1),
                });
                j -= 1;
            }
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ballot;
    use crate::ballot::BallotContent;
    use crate::ballot::DeclaredVoid;

    /// Distinct ballots by number: void ballots of three kinds and a category.
    fn b(n: u16) -> Ballot {
        let reason = match n % 3 {
            0 => DeclaredVoid::Unreadable,
            1 => DeclaredVoid::NonStandardMark,
            _ => DeclaredVoid::Other,
        };
        Ballot {
            category: Some(n / 3),
            content: BallotContent::Void(reason),
        }
    }

    fn list(ns: &[u16]) -> Vec<Ballot> {
        ns.iter().map(|&n| b(n)).collect()
    }

    #[test]
    fn equal_lists_have_no_difference() {
        let a = list(&[1, 2, 3, 2, 1]);
        assert!(align(&a, &a).is_empty());
        assert!(align::<Ballot>(&[], &[]).is_empty());
    }

    #[test]
    fn ballots_read_differently_are_listed_as_pairs() {
        let a = list(&[1, 2, 3, 4, 5, 6, 7]);
        let b = list(&[1, 2, 9, 4, 5, 8, 7]);
        assert_eq!(
            align(&a, &b),
            vec![
                Difference {
                    ours: Some(2),
                    theirs: Some(2)
                },
                Difference {
                    ours: Some(5),
                    theirs: Some(5)
                },
            ]
        );
    }

    #[test]
    fn a_missed_ballot_does_not_shift_the_rest() {
        let a = list(&[1, 2, 3, 4, 5, 6]);
        let b = list(&[1, 2, 4, 5, 6]);
        assert_eq!(
            align(&a, &b),
            vec![Difference {
                ours: Some(2),
                theirs: None
            }]
        );
        assert_eq!(
            align(&b, &a),
            vec![Difference {
                ours: None,
                theirs: Some(2)
            }]
        );
        // One missed at the very end, one extra at the start.
        assert_eq!(align(&a, &a[..5]).len(), 1);
        assert_eq!(align(&list(&[9, 1, 2]), &list(&[1, 2])).len(), 1);
    }

    #[test]
    fn repeated_ballots_align_with_the_fewest_differences() {
        // Real ballot piles repeat: many voters mark the same names.
        let a = list(&[1, 1, 2, 1, 1, 2, 1]);
        let b = list(&[1, 1, 2, 1, 2, 2, 1]);
        assert_eq!(align(&a, &b).len(), 1);
    }

    #[test]
    fn a_middle_too_large_is_compared_by_position() {
        let a = list(&[1, 2, 3]);
        let b = list(&[1, 5, 3, 4]);
        assert_eq!(
            by_position(&a, &b),
            vec![
                Difference {
                    ours: Some(1),
                    theirs: Some(1)
                },
                Difference {
                    ours: None,
                    theirs: Some(3)
                },
            ]
        );
    }
}
