//! Counting. A [`Tally`] is the sum of checked ballots, kept per voter category.
//!
//! Invariants (property-tested in `tests/tally_props.rs`):
//! - Every ballot lands in exactly one of valid / blank / void, and, for every section and
//!   every evaluation item, in exactly one bucket of that section or item; so each section's
//!   buckets add up to the part's ballot total.
//! - Order does not matter: any permutation of the same ballots gives the same tally.
//! - `merge(tally(a), tally(b)) == tally(a ++ b)`; merging is commutative and associative.
//!   This is what lets several tablets or 支部 be counted apart and added up.
//!
//! Counts saturate instead of overflowing: a tampered results file must not crash the app.

use serde::{Deserialize, Serialize};

use crate::ballot::{Ballot, DeclaredVoid, ShapeError};
use crate::check::{
    check, Checked, Rating, RecommendationOutcome, SectionOutcome, Verdict, VoidReason,
};
use crate::sorted::SortedMap;
use crate::template::{Section, Template};

/// Counts per voter category: `parts[i]` for category `i`, and a last part for ballots
/// without a category (the only one used when the template has no categories).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub valid: u32,
    pub blank: u32,
    pub void: u32,
    pub void_reasons: VoidCounts,
    pub sections: Vec<SectionTally>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VoidCounts {
    pub over_marked: u32,
    pub unreadable: u32,
    pub non_standard_mark: u32,
    pub other: u32,
    /// A written name against the section's write-in rules, where that voids the ballot.
    /// Left out of a results file when 0, so a file without it reads as before.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub bad_write_in: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SectionTally {
    Recommendation(RecommendationTally),
    Evaluation(EvaluationTally),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationTally {
    /// Ballots whose marks in this section were counted.
    pub counted: u32,
    /// Ballots with nothing marked in this section (including blank ballots).
    pub blank: u32,
    /// Ballots void as a whole, or whose section was over-marked.
    pub void: u32,
    /// Votes per listed name, in template order (赞成).
    pub votes: Vec<u32>,
    /// Votes per written-in name (normalized).
    pub write_ins: SortedMap<String, u32>,
    /// Under a scheme with × (and empty under any other, so that a tally without them
    /// reads and writes as before): per listed name, the ballots against it (反对) and
    /// those whose box for it could not be read. 弃权 is what is left of the ballots this
    /// section counts or leaves blank: [`RecommendationTally::abstained`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opposed: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<u32>,
}

impl RecommendationTally {
    /// 弃权 for listed name `i` under a scheme with ×: the ballots this section counts or
    /// leaves blank that neither agree with it, oppose it, nor hold a box for it that
    /// cannot be read. So 赞成 + 反对 + 弃权 + 无法辨认 = counted + blank for every name.
    pub fn abstained(&self, i: usize) -> u32 {
        let at = |v: &[u32]| v.get(i).copied().unwrap_or(0);
        (self.counted.saturating_add(self.blank))
            .saturating_sub(at(&self.votes))
            .saturating_sub(at(&self.opposed))
            .saturating_sub(at(&self.unreadable))
    }

    /// The written-in names with their votes, most votes first (see [`by_votes`]).
    pub fn write_ins_by_votes(&self) -> Vec<(&str, u32)> {
        by_votes(&self.write_ins)
    }
}

/// Names with their counts, most first, equal counts in name order: the one order in which
/// write-ins are listed everywhere (results, the count board, the counter's suggestions).
///
/// An insertion by binary search rather than a sort: the lists are short, and each sort
/// instance costs about 4 KB of wasm.
pub fn by_votes(counts: &SortedMap<String, u32>) -> Vec<(&str, u32)> {
    let mut out: Vec<(&str, u32)> = Vec::with_capacity(counts.len());
    // The map yields names in order; inserting after every entry with at least as many
    // votes keeps that order among equals.
    for (name, &n) in counts {
        let at = out.partition_point(|&(_, m)| m >= n);
        out.insert(at, (name.as_str(), n));
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationTally {
    /// One per rated item, in template order.
    pub items: Vec<ItemTally>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTally {
    /// Ballots per level, in template order.
    pub levels: Vec<u32>,
    /// Not rated (弃权 for this item), including blank ballots.
    pub unrated: u32,
    /// Two or more levels marked.
    pub spoiled: u32,
    /// The whole ballot was void.
    pub void: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// The two tallies, or a tally and a ballot, were made with different templates.
    ShapeMismatch,
    Ballot(ShapeError),
}

impl From<ShapeError> for TallyError {
    fn from(e: ShapeError) -> Self {
        TallyError::Ballot(e)
    }
}

fn add(a: &mut u32, b: u32) {
    *a = a.saturating_add(b);
}

impl VoidCounts {
    fn merge(&mut self, o: &VoidCounts) {
        add(&mut self.over_marked, o.over_marked);
        add(&mut self.unreadable, o.unreadable);
        add(&mut self.non_standard_mark, o.non_standard_mark);
        add(&mut self.other, o.other);
        add(&mut self.bad_write_in, o.bad_write_in);
    }
}

impl Part {
    pub fn empty(template: &Template) -> Part {
        Part {
            valid: 0,
            blank: 0,
            void: 0,
            void_reasons: VoidCounts::default(),
            sections: template
                .sections()
                .iter()
                .map(|s| match s {
                    Section::Recommendation(r) => {
                        let three = template.spec().marking.scheme.has_cross();
                        let per_name = vec![0; if three { r.candidates.len() } else { 0 }];
                        SectionTally::Recommendation(RecommendationTally {
                            counted: 0,
                            blank: 0,
                            void: 0,
                            votes: vec![0; r.candidates.len()],
                            write_ins: SortedMap::new(),
                            opposed: per_name.clone(),
                            unreadable: per_name,
                        })
                    }
                    Section::Evaluation(e) => SectionTally::Evaluation(EvaluationTally {
                        items: vec![
                            ItemTally {
                                levels: vec![0; e.levels.len()],
                                unrated: 0,
                                spoiled: 0,
                                void: 0,
                            };
                            e.item_count()
                        ],
                    }),
                })
                .collect(),
        }
    }

    /// All ballots in this part: valid + blank + void.
    pub fn total(&self) -> u32 {
        self.valid
            .saturating_add(self.blank)
            .saturating_add(self.void)
    }

    /// Counts a checked ballot `n` times.
    fn add_checked(&mut self, c: &Checked, n: u32) {
        match c.verdict {
            Verdict::Valid => add(&mut self.valid, n),
            Verdict::Blank => add(&mut self.blank, n),
            Verdict::Void(reason) => {
                add(&mut self.void, n);
                let r = &mut self.void_reasons;
                add(
                    match reason {
                        VoidReason::OverMarked { .. } => &mut r.over_marked,
                        VoidReason::Declared(DeclaredVoid::Unreadable) => &mut r.unreadable,
                        VoidReason::Declared(DeclaredVoid::NonStandardMark) => {
                            &mut r.non_standard_mark
                        }
                        VoidReason::Declared(DeclaredVoid::Other) => &mut r.other,
                        VoidReason::BadWriteIn { .. } => &mut r.bad_write_in,
                    },
                    n,
                );
            }
        }
        let whole_void = matches!(c.verdict, Verdict::Void(_));
        for (i, section) in self.sections.iter_mut().enumerate() {
            let outcome = if whole_void { None } else { c.sections.get(i) };
            match section {
                SectionTally::Recommendation(t) => match outcome {
                    Some(SectionOutcome::Recommendation(RecommendationOutcome::Counted(r))) => {
                        add(&mut t.counted, n);
                        let each = |counts: &mut Vec<u32>, who: &crate::sorted::SortedSet<u16>| {
                            for &v in who {
                                if let Some(c) = counts.get_mut(usize::from(v)) {
                                    add(c, n);
                                }
                            }
                        };
                        each(&mut t.votes, &r.votes);
                        each(&mut t.opposed, &r.opposed);
                        each(&mut t.unreadable, &r.unreadable);
                        for name in &r.write_ins {
                            add(t.write_ins.entry_or_default(name.clone()), n);
                        }
                    }
                    Some(SectionOutcome::Recommendation(RecommendationOutcome::Blank(_))) => {
                        add(&mut t.blank, n)
                    }
                    _ => add(&mut t.void, n),
                },
                SectionTally::Evaluation(t) => {
                    let ratings = match outcome {
                        Some(SectionOutcome::Evaluation(r)) => Some(r),
                        _ => None,
                    };
                    for (j, item) in t.items.iter_mut().enumerate() {
                        match ratings.map(|r| r.get(j).copied().unwrap_or(Rating::Unrated)) {
                            None => add(&mut item.void, n),
                            Some(Rating::Unrated) => add(&mut item.unrated, n),
                            Some(Rating::Spoiled) => add(&mut item.spoiled, n),
                            Some(Rating::Level(l)) => match item.levels.get_mut(l) {
                                Some(level) => add(level, n),
                                None => add(&mut item.spoiled, n),
                            },
                        }
                    }
                }
            }
        }
    }

    /// Adds another part of the same template into this one.
    pub fn merge(&mut self, o: &Part) -> Result<(), TallyError> {
        if !self.same_shape(o) {
            return Err(TallyError::ShapeMismatch);
        }
        add(&mut self.valid, o.valid);
        add(&mut self.blank, o.blank);
        add(&mut self.void, o.void);
        self.void_reasons.merge(&o.void_reasons);
        for (a, b) in self.sections.iter_mut().zip(&o.sections) {
            match (a, b) {
                (SectionTally::Recommendation(a), SectionTally::Recommendation(b)) => {
                    add(&mut a.counted, b.counted);
                    add(&mut a.blank, b.blank);
                    add(&mut a.void, b.void);
                    for (mine, theirs) in [
                        (&mut a.votes, &b.votes),
                        (&mut a.opposed, &b.opposed),
                        (&mut a.unreadable, &b.unreadable),
                    ] {
                        for (x, y) in mine.iter_mut().zip(theirs) {
                            add(x, *y);
                        }
                    }
                    for (name, n) in &b.write_ins {
                        add(a.write_ins.entry_or_default(name.clone()), *n);
                    }
                }
                (SectionTally::Evaluation(a), SectionTally::Evaluation(b)) => {
                    for (x, y) in a.items.iter_mut().zip(&b.items) {
                        for (p, q) in x.levels.iter_mut().zip(&y.levels) {
                            add(p, *q);
                        }
                        add(&mut x.unrated, y.unrated);
                        add(&mut x.spoiled, y.spoiled);
                        add(&mut x.void, y.void);
                    }
                }
                _ => return Err(TallyError::ShapeMismatch),
            }
        }
        Ok(())
    }

    fn same_shape(&self, o: &Part) -> bool {
        self.sections.len() == o.sections.len()
            && self
                .sections
                .iter()
                .zip(&o.sections)
                .all(|pair| match pair {
                    (SectionTally::Recommendation(a), SectionTally::Recommendation(b)) => {
                        a.votes.len() == b.votes.len()
                            && a.opposed.len() == b.opposed.len()
                            && a.unreadable.len() == b.unreadable.len()
                    }
                    (SectionTally::Evaluation(a), SectionTally::Evaluation(b)) => {
                        a.items.len() == b.items.len()
                            && a.items
                                .iter()
                                .zip(&b.items)
                                .all(|(x, y)| x.levels.len() == y.levels.len())
                    }
                    _ => false,
                })
    }
}

impl Tally {
    pub fn empty(template: &Template) -> Tally {
        Tally {
            parts: vec![Part::empty(template); template.categories().len() + 1],
        }
    }

    /// Tallies ballots; fails on the first ballot that does not fit the template.
    pub fn of<'a>(
        template: &Template,
        ballots: impl IntoIterator<Item = &'a Ballot>,
    ) -> Result<Tally, TallyError> {
        let mut t = Tally::empty(template);
        for b in ballots {
            t.add(template, b)?;
        }
        Ok(t)
    }

    /// Checks one ballot and counts it. Constant work per ballot, whatever the tally holds.
    pub fn add(&mut self, template: &Template, ballot: &Ballot) -> Result<Checked, TallyError> {
        let checked = check(template, ballot)?;
        self.add_checked(&checked);
        Ok(checked)
    }

    pub fn add_checked(&mut self, c: &Checked) {
        self.add_checked_times(c, 1);
    }

    /// Counts a checked ballot read `n` times (a results file's distinct ballots,
    /// [`crate::packed::PaperBallots::tally`]).
    pub fn add_checked_times(&mut self, c: &Checked, n: u32) {
        let last = self.parts.len().saturating_sub(1);
        let index = c.category.map_or(last, |i| usize::from(i).min(last));
        if let Some(part) = self.parts.get_mut(index) {
            part.add_checked(c, n);
        }
    }

    /// The part of one category (`None`: ballots without a category).
    pub fn part(&self, category: Option<u16>) -> Option<&Part> {
        match category {
            Some(i) if usize::from(i) + 1 < self.parts.len() => self.parts.get(usize::from(i)),
            Some(_) => None,
            None => self.parts.last(),
        }
    }

    /// All categories added up.
    pub fn combined(&self) -> Part {
        let mut parts = self.parts.iter();
        let mut sum = match parts.next() {
            Some(p) => p.clone(),
            None => {
                return Part {
                    valid: 0,
                    blank: 0,
                    void: 0,
                    void_reasons: VoidCounts::default(),
                    sections: Vec::new(),
                }
            }
        };
        for p in parts {
            // Parts of one tally always share a shape.
            let _ = sum.merge(p);
        }
        sum
    }

    pub fn total(&self) -> u32 {
        self.parts
            .iter()
            .fold(0u32, |n, p| n.saturating_add(p.total()))
    }

    /// Adds another tally of the same template (another tablet, another 支部).
    pub fn merge(&mut self, o: &Tally) -> Result<(), TallyError> {
        if self.parts.len() != o.parts.len()
            || self
                .parts
                .iter()
                .zip(&o.parts)
                .any(|(a, b)| !a.same_shape(b))
        {
            return Err(TallyError::ShapeMismatch);
        }
        for (a, b) in self.parts.iter_mut().zip(&o.parts) {
            a.merge(b)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::BallotContent;
    use crate::samples;

    #[test]
    fn counts_votes_write_ins_and_verdicts_per_category() {
        let t = samples::recommendation();
        let mut tally = Tally::empty(&t);
        let mut b = Ballot::empty(&t, Some(0));
        b.toggle_candidate(&t, 0, 0).expect("room");
        b.toggle_candidate(&t, 0, 2).expect("room");
        b.set_write_in(&t, 0, 0, "赵六").expect("room");
        tally.add(&t, &b).expect("fits");
        b.category = Some(1);
        tally.add(&t, &b).expect("fits");
        tally.add(&t, &Ballot::empty(&t, Some(1))).expect("fits");
        let void = Ballot {
            category: Some(1),
            content: BallotContent::Void(DeclaredVoid::NonStandardMark),
        };
        tally.add(&t, &void).expect("fits");

        let party = tally.part(Some(0)).expect("category 0");
        assert_eq!((party.valid, party.blank, party.void), (1, 0, 0));
        let all = tally.combined();
        assert_eq!((all.valid, all.blank, all.void), (2, 1, 1));
        assert_eq!(all.void_reasons.non_standard_mark, 1);
        let SectionTally::Recommendation(r) = &all.sections[0] else {
            panic!("recommendation")
        };
        assert_eq!(r.votes, vec![2, 0, 2, 0, 0, 0, 0]);
        assert_eq!(r.write_ins.get(&"赵六".to_string()), Some(&2));
        assert_eq!((r.counted, r.blank, r.void), (2, 1, 1));
        assert_eq!(tally.total(), 4);
    }

    #[test]
    fn write_ins_are_listed_by_votes_then_by_name() {
        let counts: SortedMap<String, u32> = [("钱八", 2), ("孙七", 5), ("赵六", 2), ("李四", 1)]
            .into_iter()
            .map(|(n, v)| (n.to_string(), v))
            .collect();
        // Code-point order among equals: 赵 (U+8D75) before 钱 (U+94B1).
        assert_eq!(
            by_votes(&counts),
            vec![("孙七", 5), ("赵六", 2), ("钱八", 2), ("李四", 1)]
        );
        assert!(by_votes(&SortedMap::new()).is_empty());
    }

    #[test]
    fn merging_tallies_of_different_templates_is_refused() {
        let mut a = Tally::empty(&samples::recommendation());
        let b = Tally::empty(&samples::evaluation());
        assert_eq!(a.merge(&b), Err(TallyError::ShapeMismatch));
    }

    #[test]
    fn counts_saturate_instead_of_overflowing() {
        let t = samples::recommendation();
        let mut a = Tally::empty(&t);
        a.parts[0].valid = u32::MAX;
        let b = a.clone();
        a.merge(&b).expect("same shape");
        assert_eq!(a.parts[0].valid, u32::MAX);
    }

    #[test]
    fn out_of_range_category_is_not_a_part() {
        let t = samples::evaluation(); // two categories
        let tally = Tally::empty(&t);
        assert!(tally.part(Some(1)).is_some());
        assert!(tally.part(Some(2)).is_none());
        assert!(tally.part(None).is_some());
    }
}
