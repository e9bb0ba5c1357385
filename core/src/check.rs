//! Validity: decides, from a ballot's marks and the template's rules, whether it is valid,
//! blank or void, and what each section counts for. The only place these rules live.
//!
//! Rules (each a template choice where local rules differ):
//! - A ballot the counters declared void (无法辨认, 非规定符号, 其他) is void.
//! - A recommendation section with more marks than `max_marks` (应推荐人数) voids the whole
//!   ballot, or only that section, per `over_marked`. Marks are counted as distinct persons:
//!   listed names marked plus distinct valid write-ins.
//! - What a name's box says is read under the template's marking scheme
//!   ([`crate::template::Scheme`]): 赞成, 反对 or 弃权 (不推荐). A box holding both ○ and ×
//!   says nothing that can be read: that entry counts for nobody (the rest stands).
//! - A written name counts as 赞成 when its box is empty or reads 赞成; a written name whose
//!   box reads 反对 or 弃权 (or both marks) is not counted.
//! - A write-in that repeats a listed name counts for that name when the template allows it,
//!   otherwise that write-in entry is not counted (the rest of the ballot stands).
//! - An evaluation item with two or more levels marked is spoiled (that item only).
//! - A ballot that says nothing is blank (空白票), counted as such: no mark at all, or under
//!   the inverted scheme (no mark = 赞成) every name marked 弃权 and nothing written.

use crate::ballot::{
    Ballot, BallotContent, DeclaredVoid, RecommendationMarks, SectionMarks, ShapeError,
};
use crate::names::normalize_name;
use crate::sorted::SortedSet;
use crate::template::{
    BadWriteIn, OverMarkedRule, RecommendationSection, Scheme, Section, Template, Vote,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    Blank,
    Void(VoidReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoidReason {
    /// More marks than allowed in a section whose rule voids the whole ballot.
    OverMarked {
        section: usize,
        marked: usize,
        allowed: u16,
        /// In an election (said as 应选人数, not 应推荐人数).
        election: bool,
    },
    Declared(DeclaredVoid),
    /// A written name that breaks the section's write-in rules, where the template voids the
    /// whole ballot for it (`bad_write_in: void_ballot`).
    BadWriteIn {
        section: usize,
        fault: WriteInFault,
    },
}

/// How a written name breaks the section's write-in rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteInFault {
    /// Written without the mark that says 赞成 (`write_in_needs_mark`).
    Unmarked,
    /// More names written than listed names voted against (`write_in_after_oppose`).
    BeyondOpposed,
}

/// What a ballot counts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub category: Option<u16>,
    pub verdict: Verdict,
    /// One outcome per template section; empty for a ballot declared void.
    pub sections: Vec<SectionOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionOutcome {
    Recommendation(RecommendationOutcome),
    Evaluation(Vec<Rating>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecommendationOutcome {
    /// Boxed, as `Blank`: a resolved section holds several lists, and a ballot's outcome is
    /// moved around whole.
    Counted(Box<Resolved>),
    /// Nothing in it counts for or against anyone: no mark at all, or only write-ins or
    /// boxes that are not counted. What was not counted is kept ([`Resolved`]'s lists), so
    /// that the counter is told why the section counts for nobody, as when other marks
    /// are present.
    Blank(Box<Resolved>),
    /// Over-marked: the section counts for nobody.
    Void { marked: usize, allowed: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Level(usize),
    Unrated,
    /// Two or more levels marked.
    Spoiled,
}

/// Who a recommendation section's marks are for, after applying the write-in rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    /// Listed names voted for (赞成: marked, or written in where that is allowed).
    pub votes: SortedSet<u16>,
    /// Listed names voted against (反对), under a scheme with ×.
    pub opposed: SortedSet<u16>,
    /// Listed names whose box cannot be read (both ○ and ×; or marked 赞成 by a write-in
    /// and 反对 by ×): that entry counts for nobody.
    pub unreadable: SortedSet<u16>,
    /// Distinct write-in names (normalized) that are not listed names.
    pub write_ins: SortedSet<String>,
    /// Write-ins that repeat a listed name where the template forbids it: not counted.
    pub rejected_write_ins: Vec<String>,
    /// Write-ins that repeat an earlier cell or a marked name: counted once.
    pub repeated_write_ins: Vec<String>,
    /// Write-ins of a name that two or more listed persons share (told apart by their
    /// notes), where listed names may be written in: which of them is meant cannot be
    /// told, so none is credited (never the first one silently). Not counted, and said.
    pub ambiguous_write_ins: Vec<String>,
    /// Such write-ins the counters decided on paper: the name written and the listed
    /// person they counted it for. Counted as a write-in of that person.
    pub decided_write_ins: Vec<(String, u16)>,
    /// Written names whose box does not read 赞成 (反对, 弃权, or both marks): not counted.
    pub declined_write_ins: Vec<String>,
    /// Written names with an empty box where the template wants the 赞成 mark
    /// (`write_in_needs_mark`): not counted, or the ballot is void (`bad_write_in`).
    pub unmarked_write_ins: Vec<String>,
    /// Written names beyond the listed names voted against, in cell order
    /// (`write_in_after_oppose`): not counted, or the ballot is void (`bad_write_in`).
    pub excess_write_ins: Vec<String>,
}

impl Resolved {
    /// The number of distinct persons this section marks 赞成, compared with 应推荐人数.
    pub fn mark_count(&self) -> usize {
        self.votes.len() + self.write_ins.len()
    }

    /// Whether the section counts for or against anyone, or has an entry that cannot be
    /// read; if not, it is blank.
    pub fn says_something(&self) -> bool {
        self.mark_count() > 0 || !self.opposed.is_empty() || !self.unreadable.is_empty()
    }

    /// Whether a name is written that counts for nobody (any of the lists above): the paper
    /// then says something, if not for anyone.
    pub fn has_uncounted_write_ins(&self) -> bool {
        [
            &self.rejected_write_ins,
            &self.ambiguous_write_ins,
            &self.declined_write_ins,
            &self.unmarked_write_ins,
            &self.excess_write_ins,
        ]
        .iter()
        .any(|list| !list.is_empty())
    }

    /// The first way a written name breaks the section's write-in rules, if one does.
    pub fn write_in_fault(&self) -> Option<WriteInFault> {
        if !self.unmarked_write_ins.is_empty() {
            Some(WriteInFault::Unmarked)
        } else if !self.excess_write_ins.is_empty() {
            Some(WriteInFault::BeyondOpposed)
        } else {
            None
        }
    }
}

/// Reads one section's marks under the marking scheme, then applies the write-in rules.
pub fn resolve_recommendation(
    spec: &RecommendationSection,
    scheme: Scheme,
    marks: &RecommendationMarks,
) -> Resolved {
    let mut r = Resolved::default();
    // Names written in and counted so far, in cell order.
    let mut written = 0;
    for i in 0..spec.candidates.len() {
        let Ok(i) = u16::try_from(i) else { break };
        let read = scheme.read(marks.marked.contains(&i), marks.crossed.contains(&i));
        let said = match read {
            Some(Vote::Agree) => &mut r.votes,
            Some(Vote::Oppose) => &mut r.opposed,
            Some(Vote::Abstain) => continue,
            None => &mut r.unreadable,
        };
        said.insert(i);
    }
    for (slot, raw) in marks.write_ins.iter().enumerate() {
        let name = normalize_name(raw);
        if name.is_empty() {
            continue;
        }
        let slot = u16::try_from(slot).unwrap_or(u16::MAX);
        let (symbol, cross) = (
            marks.write_ins_marked.contains(&slot),
            marks.write_ins_crossed.contains(&slot),
        );
        // A written name is the vote: with nothing in its box it is 赞成 (under the
        // inverted scheme too, where an empty box is 赞成 anyway).
        if (symbol || cross) && scheme.read(symbol, cross) != Some(Vote::Agree) {
            r.declined_write_ins.push(name);
            continue;
        }
        // Where the template wants the name marked 赞成, an empty box does not say it
        // (under the inverted scheme it does: there an empty box is 赞成).
        if !symbol && !cross && spec.write_in_needs_mark && scheme != Scheme::Inverted {
            r.unmarked_write_ins.push(name);
            continue;
        }
        let mut same = (spec.candidates.iter().enumerate())
            .filter(|(_, c)| normalize_name(&c.name) == name)
            .map(|(i, _)| i);
        let listed = same.next().and_then(|i| u16::try_from(i).ok());
        let shared = same.next().is_some();
        // Which of the persons sharing the name the counters decided it is for, if they
        // did and the person decided on has that name.
        let decided = (marks.decided.get(&slot).copied()).filter(|&who| {
            (spec.candidates.get(usize::from(who))).is_some_and(|c| normalize_name(&c.name) == name)
        });
        let listed = match (shared, decided) {
            (true, Some(who)) if spec.write_in_may_repeat_listed => {
                r.decided_write_ins.push((name.clone(), who));
                Some(who)
            }
            (true, _) if spec.write_in_may_repeat_listed => {
                r.ambiguous_write_ins.push(name);
                continue;
            }
            _ => listed,
        };
        match listed {
            Some(i) if spec.write_in_may_repeat_listed => {
                if r.opposed.remove(&i) {
                    // 反对 by ×, 赞成 by writing the name again: it cannot be read.
                    r.unreadable.insert(i);
                } else if !r.unreadable.contains(&i) && !r.votes.insert(i) {
                    r.repeated_write_ins.push(name);
                }
            }
            Some(_) => r.rejected_write_ins.push(name),
            None => {
                if r.write_ins.contains(&name) {
                    r.repeated_write_ins.push(name);
                } else if spec.write_in_after_oppose && written >= r.opposed.len() {
                    // 另选他人 only in place of a listed name voted against.
                    r.excess_write_ins.push(name);
                } else {
                    written += 1;
                    r.write_ins.insert(name);
                }
            }
        }
    }
    r
}

/// Judges one ballot. Fails only if the ballot does not fit the template (see
/// [`Ballot::fits`]); every ballot that fits gets exactly one verdict.
pub fn check(template: &Template, ballot: &Ballot) -> Result<Checked, ShapeError> {
    ballot.fits(template)?;
    let marks = match &ballot.content {
        BallotContent::Void(reason) => {
            return Ok(Checked {
                category: ballot.category,
                verdict: Verdict::Void(VoidReason::Declared(*reason)),
                sections: Vec::new(),
            })
        }
        BallotContent::Marked(marks) => marks,
    };

    let mut void = None;
    let scheme = template.spec().marking.scheme;
    let sections: Vec<SectionOutcome> = template
        .sections()
        .iter()
        .zip(marks)
        .enumerate()
        .map(|(i, pair)| match pair {
            (Section::Recommendation(spec), SectionMarks::Recommendation(m)) => {
                let resolved = resolve_recommendation(spec, scheme, m);
                if let Some(fault) = resolved.write_in_fault() {
                    if spec.bad_write_in == BadWriteIn::VoidBallot && void.is_none() {
                        void = Some(VoidReason::BadWriteIn { section: i, fault });
                    }
                }
                let marked = resolved.mark_count();
                let outcome = if marked > usize::from(spec.max_marks) {
                    if spec.over_marked == OverMarkedRule::VoidBallot && void.is_none() {
                        void = Some(VoidReason::OverMarked {
                            section: i,
                            marked,
                            allowed: spec.max_marks,
                            election: spec.election.is_some(),
                        });
                    }
                    RecommendationOutcome::Void {
                        marked,
                        allowed: spec.max_marks,
                    }
                } else if !resolved.says_something() {
                    RecommendationOutcome::Blank(Box::new(resolved))
                } else {
                    RecommendationOutcome::Counted(Box::new(resolved))
                };
                SectionOutcome::Recommendation(outcome)
            }
            (_, SectionMarks::Evaluation(items)) => SectionOutcome::Evaluation(
                items
                    .iter()
                    .map(|l| match (l.len(), l.only()) {
                        (0, _) => Rating::Unrated,
                        (_, Some(level)) => Rating::Level(level),
                        _ => Rating::Spoiled,
                    })
                    .collect(),
            ),
            // `fits` guarantees the kinds match.
            (_, SectionMarks::Recommendation(_)) => {
                SectionOutcome::Recommendation(RecommendationOutcome::Blank(Box::default()))
            }
        })
        .collect();

    let verdict = match void {
        Some(reason) => Verdict::Void(reason),
        None if says_nothing(scheme, &sections, ballot) => Verdict::Blank,
        None => Verdict::Valid,
    };
    Ok(Checked {
        category: ballot.category,
        verdict,
        sections,
    })
}

/// Whether a ballot is blank (空白票): it has no mark at all; or, under the inverted scheme
/// (where an empty box is 赞成, so a ballot without marks is not blank), every section
/// says nothing and no evaluation item is rated.
fn says_nothing(scheme: Scheme, sections: &[SectionOutcome], ballot: &Ballot) -> bool {
    if scheme != Scheme::Inverted {
        return ballot.has_no_marks();
    }
    sections.iter().all(|s| match s {
        SectionOutcome::Recommendation(RecommendationOutcome::Blank(r)) => {
            !r.has_uncounted_write_ins()
        }
        SectionOutcome::Recommendation(_) => false,
        SectionOutcome::Evaluation(ratings) => ratings.iter().all(|r| *r == Rating::Unrated),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::LevelSet;
    use crate::samples;
    use crate::template::TemplateSpec;

    fn rec_ballot(marked: &[u16], write_ins: &[&str]) -> Ballot {
        Ballot {
            category: None,
            content: BallotContent::Marked(vec![SectionMarks::Recommendation(
                RecommendationMarks {
                    marked: marked.iter().copied().collect(),
                    write_ins: write_ins.iter().map(|s| s.to_string()).collect(),
                    ..RecommendationMarks::default()
                },
            )]),
        }
    }

    fn with_rule(f: impl FnOnce(&mut RecommendationSection)) -> Template {
        let mut spec: TemplateSpec = samples::recommendation().into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            f(r);
        }
        spec.check().expect("still valid")
    }

    #[test]
    fn marks_up_to_the_limit_are_valid() {
        let t = samples::recommendation();
        let c = check(&t, &rec_ballot(&[0, 1, 2, 3], &["赵六"])).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted expected: {c:?}")
        };
        assert_eq!(r.votes, [0, 1, 2, 3].into_iter().collect());
        assert_eq!(r.write_ins, ["赵六".to_string()].into_iter().collect());
    }

    #[test]
    fn one_mark_over_the_limit_voids_the_whole_ballot_by_default() {
        let t = samples::recommendation(); // recommend at most 5
        let c = check(&t, &rec_ballot(&[0, 1, 2, 3, 4, 5], &[])).expect("fits");
        assert_eq!(
            c.verdict,
            Verdict::Void(VoidReason::OverMarked {
                section: 0,
                marked: 6,
                allowed: 5,
                election: false
            })
        );
        // Write-ins count toward the limit.
        let c = check(&t, &rec_ballot(&[0, 1, 2, 3, 4], &["赵六"])).expect("fits");
        assert!(matches!(
            c.verdict,
            Verdict::Void(VoidReason::OverMarked { marked: 6, .. })
        ));
    }

    #[test]
    fn over_marking_can_void_only_the_section() {
        let t = with_rule(|r| r.over_marked = OverMarkedRule::VoidSection);
        let c = check(&t, &rec_ballot(&[0, 1, 2, 3, 4, 5], &[])).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        assert_eq!(
            c.sections[0],
            SectionOutcome::Recommendation(RecommendationOutcome::Void {
                marked: 6,
                allowed: 5
            })
        );
    }

    #[test]
    fn no_mark_at_all_is_blank() {
        let t = samples::recommendation();
        let c = check(&t, &rec_ballot(&[], &["", " "])).expect("fits");
        assert_eq!(c.verdict, Verdict::Blank);
        let t = samples::evaluation();
        let c = check(&t, &Ballot::empty(&t, Some(1))).expect("fits");
        assert_eq!(c.verdict, Verdict::Blank);
        assert_eq!(c.category, Some(1));
    }

    #[test]
    fn declared_void_is_void_whatever_the_marks() {
        let t = samples::recommendation();
        let b = Ballot {
            category: None,
            content: BallotContent::Void(DeclaredVoid::Unreadable),
        };
        let c = check(&t, &b).expect("fits");
        assert_eq!(
            c.verdict,
            Verdict::Void(VoidReason::Declared(DeclaredVoid::Unreadable))
        );
        assert!(c.sections.is_empty());
    }

    #[test]
    fn forbidden_write_in_of_a_listed_name_is_not_counted() {
        let t = samples::recommendation();
        let Section::Recommendation(spec) = &t.sections()[0] else {
            panic!("recommendation")
        };
        let listed = spec.candidates[0].name.clone();
        let c = check(&t, &rec_ballot(&[1], &[&listed])).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted")
        };
        assert_eq!(r.votes, [1].into_iter().collect());
        assert_eq!(r.rejected_write_ins, vec![listed]);
    }

    #[test]
    fn a_section_whose_only_entry_is_a_forbidden_write_in_counts_for_nobody_and_says_why() {
        let t = samples::recommendation();
        let Section::Recommendation(spec) = &t.sections()[0] else {
            panic!("recommendation")
        };
        let listed = spec.candidates[0].name.clone();
        let c = check(&t, &rec_ballot(&[], &[&listed])).expect("fits");
        // The paper carries a mark, so the ballot is not blank; the section counts for
        // nobody, and its outcome names the write-in that is not counted.
        assert_eq!(c.verdict, Verdict::Valid);
        assert_eq!(
            c.sections[0],
            SectionOutcome::Recommendation(RecommendationOutcome::Blank(Box::new(Resolved {
                rejected_write_ins: vec![listed.clone()],
                ..Resolved::default()
            })))
        );
        // The pad's note, as when other marks are present.
        let notes = crate::Lang::ZhCn.ballot().ballot_notes(&t, &c);
        assert_eq!(notes, [format!("另选“{listed}”是名单上的人，这一栏不计")]);
        // A section with no mark at all names nothing.
        let c = check(&t, &rec_ballot(&[], &[])).expect("fits");
        assert_eq!(
            c.sections[0],
            SectionOutcome::Recommendation(RecommendationOutcome::Blank(Box::default()))
        );
    }

    /// Two listed persons named 李敏, told apart by their notes.
    fn two_li_min(may_repeat_listed: bool) -> Template {
        with_rule(|r| {
            r.write_in_may_repeat_listed = may_repeat_listed;
            r.candidates[0].name = "李敏".into();
            r.candidates[0].note = "女，1968年生".into();
            r.candidates[1].name = "李 敏".into();
            r.candidates[1].note = "男，1975年生".into();
        })
    }

    #[test]
    fn a_write_in_of_a_name_two_listed_persons_share_is_credited_to_neither() {
        let t = two_li_min(true);
        // Written in beside another mark: that mark counts, the write-in for nobody.
        let c = check(&t, &rec_ballot(&[2], &["李敏"])).expect("fits");
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted")
        };
        assert_eq!(r.votes, [2].into_iter().collect());
        assert!(r.write_ins.is_empty());
        assert_eq!(r.ambiguous_write_ins, ["李敏"]);
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            ["另选“李敏”：名单上有同名的几位，无法确定是哪一位，这一栏不计"]
        );
        // Alone: the section counts for nobody, and says why.
        let c = check(&t, &rec_ballot(&[], &["李 敏"])).expect("fits");
        assert_eq!(
            c.sections[0],
            SectionOutcome::Recommendation(RecommendationOutcome::Blank(Box::new(Resolved {
                ambiguous_write_ins: vec!["李敏".into()],
                ..Resolved::default()
            })))
        );
        // Where listed names may not be written in, it is refused as any listed name is.
        let t = two_li_min(false);
        let c = check(&t, &rec_ballot(&[2], &["李敏"])).expect("fits");
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted")
        };
        assert_eq!(r.rejected_write_ins, ["李敏"]);
        assert!(r.ambiguous_write_ins.is_empty());
    }

    #[test]
    fn allowed_write_in_of_a_listed_name_counts_for_that_name_once() {
        let t = with_rule(|r| r.write_in_may_repeat_listed = true);
        let Section::Recommendation(spec) = &t.sections()[0] else {
            panic!("recommendation")
        };
        let listed = spec.candidates[3].name.clone();
        let c = check(&t, &rec_ballot(&[], &[&listed])).expect("fits");
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted")
        };
        assert_eq!(r.votes, [3].into_iter().collect());
        // Marked and written in: one person, one mark.
        let c = check(&t, &rec_ballot(&[3], &[&listed])).expect("fits");
        let SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)) = &c.sections[0]
        else {
            panic!("counted")
        };
        assert_eq!(r.mark_count(), 1);
        assert_eq!(r.repeated_write_ins, vec![listed]);
    }

    #[test]
    fn two_levels_for_one_subject_spoil_that_subject_only() {
        let t = samples::evaluation();
        let mut b = Ballot::empty(&t, None);
        if let BallotContent::Marked(s) = &mut b.content {
            if let SectionMarks::Evaluation(items) = &mut s[0] {
                items[0] = LevelSet::single(0).toggled(2);
                items[1] = LevelSet::single(1);
            }
        }
        let c = check(&t, &b).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        let SectionOutcome::Evaluation(r) = &c.sections[0] else {
            panic!("evaluation")
        };
        assert_eq!(
            &r[..3],
            &[Rating::Spoiled, Rating::Level(1), Rating::Unrated]
        );
    }

    #[test]
    fn a_ballot_of_another_template_is_an_error_not_a_verdict() {
        let b = Ballot::empty(&samples::evaluation(), None);
        assert!(check(&samples::recommendation(), &b).is_err());
    }

    /// The recommendation sample (7 names, at most 5) under `scheme`; under the inverted
    /// scheme a ballot may agree with all 7 (T22).
    fn under(scheme: Scheme) -> Template {
        let mut spec: TemplateSpec = samples::recommendation().into_spec();
        spec.marking.scheme = scheme;
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            if scheme == Scheme::Inverted {
                r.max_marks = 7;
            }
        }
        spec.check().expect("valid")
    }

    /// A ballot whose listed boxes hold `symbol` (○) and `cross` (×), and whose write-in
    /// cells hold `write_ins` with their boxes' marks.
    fn paper(symbol: &[u16], cross: &[u16], write_ins: &[(&str, bool, bool)]) -> Ballot {
        let slots = |on: fn(&(&str, bool, bool)) -> bool| {
            (write_ins.iter().enumerate())
                .filter(|(_, w)| on(w))
                .map(|(i, _)| i as u16)
                .collect()
        };
        Ballot {
            category: None,
            content: BallotContent::Marked(vec![SectionMarks::Recommendation(
                RecommendationMarks {
                    marked: symbol.iter().copied().collect(),
                    crossed: cross.iter().copied().collect(),
                    write_ins: write_ins.iter().map(|w| w.0.to_string()).collect(),
                    write_ins_marked: slots(|w| w.1),
                    write_ins_crossed: slots(|w| w.2),
                    ..RecommendationMarks::default()
                },
            )]),
        }
    }

    fn resolved(t: &Template, b: &Ballot) -> (Verdict, Resolved) {
        let c = check(t, b).expect("fits");
        let r = match c.sections.into_iter().next() {
            Some(SectionOutcome::Recommendation(
                RecommendationOutcome::Counted(r) | RecommendationOutcome::Blank(r),
            )) => *r,
            other => panic!("counted or blank expected: {other:?}"),
        };
        (c.verdict, r)
    }

    fn set(v: &[u16]) -> SortedSet<u16> {
        v.iter().copied().collect()
    }

    #[test]
    fn three_states_read_as_the_scheme_says() {
        // ○ = 赞成, × = 反对, nothing = 弃权; both marks in one box: that box is unreadable.
        let t = under(Scheme::AgreeOppose);
        let (v, r) = resolved(&t, &paper(&[0, 1, 3], &[2, 3], &[]));
        assert_eq!(v, Verdict::Valid);
        assert_eq!(
            (r.votes, r.opposed, r.unreadable),
            (set(&[0, 1]), set(&[2]), set(&[3]))
        );
        // Only × marks: against some, for nobody; a valid ballot, not a blank one.
        let (v, r) = resolved(&t, &paper(&[], &[4], &[]));
        assert_eq!(
            (v, r.votes.len(), r.opposed),
            (Verdict::Valid, 0, set(&[4]))
        );
        // No mark at all: 空白票 (弃权 for every name).
        assert_eq!(resolved(&t, &paper(&[], &[], &[])).0, Verdict::Blank);

        // The inverted scheme: the same paper says the opposite. Nothing = 赞成, ○ = 弃权.
        let t = under(Scheme::Inverted);
        let (v, r) = resolved(&t, &paper(&[0, 1, 3], &[2, 3], &[]));
        assert_eq!(v, Verdict::Valid);
        assert_eq!(
            (r.votes, r.opposed, r.unreadable),
            (set(&[4, 5, 6]), set(&[2]), set(&[3]))
        );
        // A ballot handed back unmarked agrees with everyone: not blank.
        let (v, r) = resolved(&t, &paper(&[], &[], &[]));
        assert_eq!((v, r.votes.len()), (Verdict::Valid, 7));
        // 弃权 on every name is the blank ballot of this scheme.
        assert_eq!(
            resolved(&t, &paper(&[0, 1, 2, 3, 4, 5, 6], &[], &[])).0,
            Verdict::Blank
        );
    }

    #[test]
    fn over_marking_counts_the_agreements_only() {
        // At most 5: five ○ and two × is five 赞成, valid; six ○ is void.
        let t = under(Scheme::AgreeOppose);
        let (v, _) = resolved(&t, &paper(&[0, 1, 2, 3, 4], &[5, 6], &[]));
        assert_eq!(v, Verdict::Valid);
        let c = check(&t, &paper(&[0, 1, 2, 3, 4, 5], &[], &[])).expect("fits");
        assert!(matches!(
            c.verdict,
            Verdict::Void(VoidReason::OverMarked { marked: 6, .. })
        ));
    }

    #[test]
    fn a_written_name_counts_unless_its_box_says_otherwise() {
        let t = under(Scheme::AgreeOppose);
        // Empty box or ○: 赞成. ×: 反对 someone not on the list, not counted. Both: unreadable.
        let b = paper(&[], &[], &[("赵六", false, false), ("钱七", true, false)]);
        let (_, r) = resolved(&t, &b);
        assert_eq!(
            r.write_ins,
            ["赵六".to_string(), "钱七".to_string()]
                .into_iter()
                .collect()
        );
        let b = paper(&[0], &[], &[("赵六", false, true), ("钱七", true, true)]);
        let (v, r) = resolved(&t, &b);
        assert_eq!(v, Verdict::Valid);
        assert!(r.write_ins.is_empty());
        assert_eq!(r.declined_write_ins, ["赵六", "钱七"]);
        let c = check(&t, &b).expect("fits");
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            [
                "另选“赵六”没有表示赞成，这一栏不计",
                "另选“钱七”没有表示赞成，这一栏不计"
            ]
        );
        // Inverted: an empty box is 赞成 for the written name too, ○ is 弃权.
        let t = under(Scheme::Inverted);
        let all: Vec<u16> = (0..7).collect();
        let b = paper(&all, &[], &[("赵六", false, false), ("钱七", true, false)]);
        let (v, r) = resolved(&t, &b);
        assert_eq!(v, Verdict::Valid);
        assert_eq!(r.write_ins, ["赵六".to_string()].into_iter().collect());
        assert_eq!(r.declined_write_ins, ["钱七"]);
    }

    #[test]
    fn an_unreadable_box_is_said_and_counts_for_nobody() {
        let t = under(Scheme::AgreeOppose);
        let c = check(&t, &paper(&[1], &[1], &[])).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        let name = match &t.sections()[0] {
            Section::Recommendation(r) => r.candidates[1].label(),
            Section::Evaluation(_) => unreachable!("a recommendation"),
        };
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            [format!("“{name}”既有○又有×，无法辨认，这一栏不计")]
        );
        // Crossed, and written in where listed names may be: 赞成 and 反对 at once.
        let t = {
            let mut spec = t.into_spec();
            if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
                r.write_in_may_repeat_listed = true;
            }
            spec.check().expect("valid")
        };
        let listed = match &t.sections()[0] {
            Section::Recommendation(r) => r.candidates[2].name.clone(),
            Section::Evaluation(_) => unreachable!("a recommendation"),
        };
        let (_, r) = resolved(&t, &paper(&[], &[2], &[(&listed, false, false)]));
        assert_eq!(
            (r.votes.len(), r.opposed.len(), r.unreadable),
            (0, 0, set(&[2]))
        );
    }

    #[test]
    fn a_cross_is_not_a_mark_of_the_agree_only_scheme() {
        let t = samples::recommendation();
        assert_eq!(
            check(&t, &paper(&[], &[1], &[])),
            Err(ShapeError::BadMark { section: 0 })
        );
        let t = under(Scheme::AgreeOppose);
        assert_eq!(
            check(&t, &paper(&[], &[9], &[])),
            Err(ShapeError::BadMark { section: 0 })
        );
    }

    /// `under(AgreeOppose)` with the write-in rules: marked 赞成, only after 反对.
    fn strict(bad: BadWriteIn) -> Template {
        let mut spec = under(Scheme::AgreeOppose).into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_needs_mark = true;
            r.write_in_after_oppose = true;
            r.bad_write_in = bad;
        }
        spec.check().expect("valid")
    }

    #[test]
    fn a_written_name_without_its_mark_or_beyond_the_oppositions_is_not_counted() {
        let t = strict(BadWriteIn::VoidEntry);
        // 反对 on one listed name: one name may be written in, marked ○.
        let b = paper(&[0], &[1], &[("赵六", true, false), ("钱七", true, false)]);
        let (v, r) = resolved(&t, &b);
        assert_eq!(v, Verdict::Valid);
        assert_eq!(r.write_ins, ["赵六".to_string()].into_iter().collect());
        assert_eq!(r.excess_write_ins, ["钱七"]);
        // Written without ○: not counted, and said.
        let b = paper(&[0], &[1], &[("赵六", false, false)]);
        let c = check(&t, &b).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            ["另选“赵六”下方没有划○，这一栏不计"]
        );
        // No 反对 at all: the written name stands in for nobody.
        let (_, r) = resolved(&t, &paper(&[0], &[], &[("赵六", true, false)]));
        assert_eq!((r.write_ins.len(), r.excess_write_ins.len()), (0, 1));
        let c = check(&t, &paper(&[0], &[], &[("赵六", true, false)])).expect("fits");
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            ["另选“赵六”：另选的人数多于反对（划×）的人数，这一栏不计"]
        );
    }

    #[test]
    fn where_the_template_says_so_a_bad_write_in_voids_the_ballot() {
        let t = strict(BadWriteIn::VoidBallot);
        let c = check(&t, &paper(&[0], &[1], &[("赵六", false, false)])).expect("fits");
        assert_eq!(
            c.verdict,
            Verdict::Void(VoidReason::BadWriteIn {
                section: 0,
                fault: WriteInFault::Unmarked
            })
        );
        let c = check(&t, &paper(&[], &[], &[("赵六", true, false)])).expect("fits");
        assert_eq!(
            c.verdict,
            Verdict::Void(VoidReason::BadWriteIn {
                section: 0,
                fault: WriteInFault::BeyondOpposed
            })
        );
        assert_eq!(
            crate::Lang::ZhCn.ballot().verdict(&c.verdict),
            "此票无效：另选他人的人数多于对名单上人选划“×”（反对）的人数"
        );
        // Within the rules the ballot stands.
        let (v, _) = resolved(&t, &paper(&[0], &[1], &[("赵六", true, false)]));
        assert_eq!(v, Verdict::Valid);
    }

    #[test]
    fn the_tablet_keeps_a_write_in_and_its_opposition_together() {
        let t = strict(BadWriteIn::VoidBallot);
        let mut b = Ballot::empty(&t, None);
        assert_eq!(
            b.set_write_in(&t, 0, 0, "赵六"),
            Err(crate::MarkRefused::WriteInNeedsOppose)
        );
        assert_eq!(b.choose(&t, 0, 1, Vote::Oppose), Ok(()));
        assert_eq!(b.set_write_in(&t, 0, 0, "赵六"), Ok(()));
        // The name written in is marked ○ for the voter, so it counts.
        assert_eq!(check(&t, &b).map(|c| c.verdict), Ok(Verdict::Valid));
        assert_eq!(
            b.choose(&t, 0, 1, Vote::Abstain),
            Err(crate::MarkRefused::OpposeHoldsWriteIn)
        );
        assert_eq!(b.set_write_in(&t, 0, 0, ""), Ok(()));
        assert_eq!(b.choose(&t, 0, 1, Vote::Abstain), Ok(()));
    }

    #[test]
    fn only_after_opposing_needs_a_cross() {
        let mut spec = samples::recommendation().into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_after_oppose = true;
        }
        let errors = spec.check().expect_err("no × under agree_only");
        assert_eq!(errors.iter().map(|e| e.code()).collect::<Vec<_>>(), ["T23"]);
    }

    #[test]
    fn the_counters_decide_which_person_a_shared_name_written_in_is_for() {
        let t = two_li_min(true);
        let mut b = rec_ballot(&[2], &["李敏"]);
        // Undecided: credited to neither (as above).
        b.decide_paper_write_in(&t, 0, 0, Some(1));
        let (_, r) = resolved(&t, &b);
        assert_eq!(r.votes, set(&[1, 2]));
        assert!(r.ambiguous_write_ins.is_empty());
        assert_eq!(r.decided_write_ins, [("李敏".to_string(), 1)]);
        let c = check(&t, &b).expect("fits");
        assert_eq!(
            crate::Lang::ZhCn.ballot().ballot_notes(&t, &c),
            ["另选“李敏”：经监票人确定，计给李 敏（男，1975年生）"]
        );
        // Only a person of that name can be decided on; "cannot tell" takes it back.
        b.decide_paper_write_in(&t, 0, 0, Some(2));
        assert_eq!(resolved(&t, &b).1.votes, set(&[1, 2]));
        b.decide_paper_write_in(&t, 0, 0, None);
        assert_eq!(resolved(&t, &b).1.ambiguous_write_ins, ["李敏"]);
        // A decision belongs to the name that was read: another name drops it.
        b.decide_paper_write_in(&t, 0, 0, Some(0));
        b.set_paper_write_in(&t, 0, 0, "王五").expect("a name");
        b.set_paper_write_in(&t, 0, 0, "李敏").expect("a name");
        assert_eq!(resolved(&t, &b).1.ambiguous_write_ins, ["李敏"]);
        // Stored with the ballot; a decision for a person the list does not have is refused.
        b.decide_paper_write_in(&t, 0, 0, Some(0));
        let json = serde_json::to_string(&b).expect("json");
        assert!(json.contains(r#""d":{"0":0}"#), "{json}");
        assert_eq!(serde_json::from_str::<Ballot>(&json).ok(), Some(b.clone()));
        let forged = json.replace(r#""d":{"0":0}"#, r#""d":{"0":99}"#);
        let forged: Ballot = serde_json::from_str(&forged).expect("reads");
        assert_eq!(check(&t, &forged), Err(ShapeError::BadMark { section: 0 }));
    }

    #[test]
    fn a_written_name_that_counts_for_nobody_is_not_a_blank_ballot() {
        // Inverted, 另选他人 only after 反对: ○ (弃权) on every name and a name written
        // with no 反对 to stand in for. Nothing counts, yet the paper says something.
        let mut spec = under(Scheme::Inverted).into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_after_oppose = true;
        }
        let t = spec.check().expect("valid");
        let all: Vec<u16> = (0..7).collect();
        let (v, r) = resolved(&t, &paper(&all, &[], &[("赵六", false, false)]));
        assert_eq!(
            (v, r.excess_write_ins),
            (Verdict::Valid, vec!["赵六".to_string()])
        );
        assert_eq!(resolved(&t, &paper(&all, &[], &[])).0, Verdict::Blank);
    }
}
