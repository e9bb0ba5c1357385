//! A ballot: what one voter marked, or what one paper ballot shows.
//!
//! A ballot records marks only. Whether it is valid, blank or void is never stored: it is
//! decided by [`crate::check`] from the marks and the template's rules, so a stored ballot
//! can be re-judged, and two devices always agree.
//!
//! Paper can show anything (too many names, two levels for one subject), so the type can too;
//! the tablet's marking operations below refuse what a voter must not do instead.
//!
//! Secrecy: a ballot has no time stamp, serial number or voter identity by construction.

use serde::{Deserialize, Serialize};

use crate::check::resolve_recommendation;
use crate::names::{has_control_chars, normalize_name};
use crate::sorted::{SortedMap, SortedSet};
use crate::template::{limits, Scheme, Section, Template, Vote};
use crate::unit_enum::read_by_name;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// Index into the template's categories; `None` when the template has none or the
    /// voter's category is not known.
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub category: Option<u16>,
    #[serde(rename = "b")]
    pub content: BallotContent,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BallotContent {
    /// Marks per section, in template order.
    #[serde(rename = "m")]
    Marked(Vec<SectionMarks>),
    /// A paper ballot the counters declared void as a whole (无法辨认 …).
    #[serde(rename = "v")]
    Void(DeclaredVoid),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclaredVoid {
    /// 无法辨认
    Unreadable,
    /// 使用非规定符号
    NonStandardMark,
    /// 其他
    Other,
}

read_by_name!(DeclaredVoid {
    Unreadable = "unreadable",
    NonStandardMark = "non_standard_mark",
    Other = "other"
});

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SectionMarks {
    /// One level set per rated item (see `EvaluationSection::items`).
    #[serde(rename = "e")]
    Evaluation(Vec<LevelSet>),
    #[serde(rename = "r")]
    Recommendation(RecommendationMarks),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationMarks {
    /// Indices of the listed names whose box holds the template's symbol (○ or √).
    #[serde(rename = "m", default, skip_serializing_if = "SortedSet::is_empty")]
    pub marked: SortedSet<u16>,
    /// The write-in cells, in order; an empty string is an empty cell.
    #[serde(rename = "w", default, skip_serializing_if = "Vec::is_empty")]
    pub write_ins: Vec<String>,
    /// Indices of the listed names whose box holds × (only where the template's scheme has
    /// ×, [`crate::template::Scheme::has_cross`]). A box in both sets holds both marks.
    #[serde(rename = "x", default, skip_serializing_if = "SortedSet::is_empty")]
    pub crossed: SortedSet<u16>,
    /// Write-in cells (by position) whose box holds the symbol, and those whose box holds
    /// × (three-state schemes only). What a written name counts for is read from them.
    #[serde(rename = "wm", default, skip_serializing_if = "SortedSet::is_empty")]
    pub write_ins_marked: SortedSet<u16>,
    #[serde(rename = "wx", default, skip_serializing_if = "SortedSet::is_empty")]
    pub write_ins_crossed: SortedSet<u16>,
    /// The counters' decisions on paper (never the tablet's): write-in cell → the listed
    /// person it is counted for, where several listed persons share the name written
    /// (told apart by their notes). Kept with the ballot in the count's log, so the
    /// decision is recorded with what was read, and shown wherever the ballot is.
    #[serde(rename = "d", default, skip_serializing_if = "SortedMap::is_empty")]
    pub decided: SortedMap<u16, u16>,
}

impl RecommendationMarks {
    /// Whether a write-in cell holds `name` (compared as names are: spaces folded). An
    /// empty name is in no cell: an empty cell holds nothing.
    pub fn has_write_in(&self, name: &str) -> bool {
        let name = normalize_name(name);
        !name.is_empty() && self.write_ins.iter().any(|w| normalize_name(w) == name)
    }
}

/// The levels marked for one item, as a bit set (bit i = level i). A voter marks at most one;
/// paper may show more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LevelSet(pub u16);

impl LevelSet {
    pub const EMPTY: LevelSet = LevelSet(0);

    pub fn single(level: usize) -> LevelSet {
        LevelSet(1u16.checked_shl(level as u32).unwrap_or(0))
    }

    pub fn contains(self, level: usize) -> bool {
        level < 16 && self.0 & (1 << level) != 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The only level marked, if exactly one is.
    pub fn only(self) -> Option<usize> {
        (self.len() == 1).then(|| self.0.trailing_zeros() as usize)
    }

    pub fn toggled(self, level: usize) -> LevelSet {
        LevelSet(self.0 ^ LevelSet::single(level).0)
    }
}

/// Why a ballot does not fit a template (a stored ballot of another template, a damaged or
/// tampered record). Never shown for a ballot the app made itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    SectionCount {
        expected: usize,
        found: usize,
    },
    SectionKind {
        section: usize,
    },
    ItemCount {
        section: usize,
        expected: usize,
        found: usize,
    },
    LevelOutOfRange {
        section: usize,
        item: usize,
    },
    CandidateOutOfRange {
        section: usize,
        index: u16,
    },
    TooManyWriteIns {
        section: usize,
        slots: u16,
        found: usize,
    },
    BadWriteIn {
        section: usize,
    },
    /// A × in a section whose template's scheme has no ×, or a mark in a write-in box that
    /// does not exist.
    BadMark {
        section: usize,
    },
    CategoryOutOfRange {
        index: u16,
    },
}

/// Why the tablet refused a mark. The voter is told, and the ballot is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkRefused {
    /// 应推荐人数 reached: unmark someone first.
    LimitReached { max: u16 },
    /// Under a scheme with ×: the most 赞成 reached; change one to 反对 or 弃权 first.
    AgreeLimitReached { max: u16 },
    /// An election's 应选人数 reached (○ the only mark): unmark someone first.
    SeatsReached { max: u16 },
    /// A write-in repeats a listed name and the template does not allow that.
    WriteInIsListed { name: String },
    /// The same name is already written in another cell.
    WriteInTwice { name: String },
    /// Several listed persons have this name: the voter picks the one they mean from the
    /// list (their notes tell them apart), never a write-in credited to the first.
    WriteInAmbiguous { name: String },
    /// Not a usable name (too long, control characters).
    WriteInInvalid,
    /// 另选他人 only in place of a listed name voted against (`write_in_after_oppose`):
    /// mark one 反对 first.
    WriteInNeedsOppose,
    /// That 反对 is what a name written in stands in place of: remove the write-in first.
    OpposeHoldsWriteIn,
}

impl Ballot {
    /// An unmarked ballot for a template: what a voter starts from.
    pub fn empty(template: &Template, category: Option<u16>) -> Ballot {
        let sections = template
            .sections()
            .iter()
            .map(|s| match s {
                Section::Evaluation(e) => {
                    SectionMarks::Evaluation(vec![LevelSet::EMPTY; e.item_count()])
                }
                Section::Recommendation(r) => SectionMarks::Recommendation(RecommendationMarks {
                    write_ins: vec![String::new(); usize::from(r.write_in_slots)],
                    ..RecommendationMarks::default()
                }),
            })
            .collect();
        Ballot {
            category,
            content: BallotContent::Marked(sections),
        }
    }

    /// Checks that the ballot fits the template: same sections, indices in range. Every
    /// function that reads a ballot against a template relies on this having passed.
    pub fn fits(&self, template: &Template) -> Result<(), ShapeError> {
        if let Some(c) = self.category {
            if usize::from(c) >= template.categories().len() {
                return Err(ShapeError::CategoryOutOfRange { index: c });
            }
        }
        let BallotContent::Marked(marks) = &self.content else {
            return Ok(());
        };
        let sections = template.sections();
        if marks.len() != sections.len() {
            return Err(ShapeError::SectionCount {
                expected: sections.len(),
                found: marks.len(),
            });
        }
        for (i, (section, m)) in sections.iter().zip(marks).enumerate() {
            match (section, m) {
                (Section::Evaluation(e), SectionMarks::Evaluation(items)) => {
                    if items.len() != e.item_count() {
                        return Err(ShapeError::ItemCount {
                            section: i,
                            expected: e.item_count(),
                            found: items.len(),
                        });
                    }
                    let allowed = (1u32 << e.levels.len()) - 1;
                    if let Some(item) = items.iter().position(|l| u32::from(l.0) & !allowed != 0) {
                        return Err(ShapeError::LevelOutOfRange { section: i, item });
                    }
                }
                (Section::Recommendation(r), SectionMarks::Recommendation(rm)) => {
                    if let Some(&index) = rm
                        .marked
                        .iter()
                        .find(|&&x| usize::from(x) >= r.candidates.len())
                    {
                        return Err(ShapeError::CandidateOutOfRange { section: i, index });
                    }
                    if rm.write_ins.len() > usize::from(r.write_in_slots) {
                        return Err(ShapeError::TooManyWriteIns {
                            section: i,
                            slots: r.write_in_slots,
                            found: rm.write_ins.len(),
                        });
                    }
                    if rm.write_ins.iter().any(|w| !write_in_text_ok(w)) {
                        return Err(ShapeError::BadWriteIn { section: i });
                    }
                    let scheme = template.spec().marking.scheme;
                    let slots = r.write_in_slots;
                    // × exists only under a scheme with ×; a write-in cell's box there, or
                    // where the written name must be marked.
                    let crosses = !rm.crossed.is_empty() || !rm.write_ins_crossed.is_empty();
                    let boxed = scheme.has_cross() || r.write_in_needs_mark;
                    let bad = (rm.crossed.iter()).any(|&x| usize::from(x) >= r.candidates.len())
                        || (rm.write_ins_marked.iter().chain(&rm.write_ins_crossed))
                            .any(|&x| x >= slots)
                        || (crosses && !scheme.has_cross())
                        || (!rm.write_ins_marked.is_empty() && !boxed)
                        || (rm.decided.iter()).any(|(&slot, &who)| {
                            slot >= slots || usize::from(who) >= r.candidates.len()
                        });
                    if bad {
                        return Err(ShapeError::BadMark { section: i });
                    }
                }
                _ => return Err(ShapeError::SectionKind { section: i }),
            }
        }
        Ok(())
    }

    /// The name in 另选他人 cell `slot` of `section` (empty when there is none).
    pub fn write_in(&self, section: usize, slot: usize) -> &str {
        match &self.content {
            BallotContent::Marked(s) => match s.get(section) {
                Some(SectionMarks::Recommendation(r)) => {
                    r.write_ins.get(slot).map_or("", String::as_str)
                }
                _ => "",
            },
            BallotContent::Void(_) => "",
        }
    }

    /// True when nothing at all is marked or written.
    pub fn has_no_marks(&self) -> bool {
        match &self.content {
            BallotContent::Void(_) => false,
            BallotContent::Marked(sections) => sections.iter().all(|s| match s {
                SectionMarks::Evaluation(items) => items.iter().all(|l| l.is_empty()),
                SectionMarks::Recommendation(r) => {
                    r.marked.is_empty()
                        && r.crossed.is_empty()
                        && r.write_ins_marked.is_empty()
                        && r.write_ins_crossed.is_empty()
                        && r.write_ins.iter().all(|w| w.trim().is_empty())
                }
            }),
        }
    }

    /// Evaluation items left without a level, as (section, item) in template order. A voter
    /// is told these before submitting: each counts as 弃权 for that item.
    pub fn unrated_items(&self) -> Vec<(usize, usize)> {
        let BallotContent::Marked(sections) = &self.content else {
            return Vec::new();
        };
        sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| match s {
                SectionMarks::Evaluation(items) => items
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.is_empty())
                    .map(|(j, _)| (i, j))
                    .collect(),
                SectionMarks::Recommendation(_) => Vec::new(),
            })
            .collect()
    }

    fn recommendation_mut(&mut self, section: usize) -> Option<&mut RecommendationMarks> {
        match &mut self.content {
            BallotContent::Marked(s) => match s.get_mut(section) {
                Some(SectionMarks::Recommendation(r)) => Some(r),
                _ => None,
            },
            BallotContent::Void(_) => None,
        }
    }

    /// The tablet's tap on a listed name: marks it, or unmarks it if marked. Refuses a mark
    /// beyond 应推荐人数, so an electronic ballot can never be over-marked.
    pub fn toggle_candidate(
        &mut self,
        template: &Template,
        section: usize,
        candidate: u16,
    ) -> Result<(), MarkRefused> {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return Ok(());
        };
        if usize::from(candidate) >= spec.candidates.len() {
            return Ok(());
        }
        let scheme = template.spec().marking.scheme;
        let Some(marks) = self.recommendation_mut(section) else {
            return Ok(());
        };
        if marks.marked.remove(&candidate) {
            return Ok(());
        }
        let mut tried = marks.clone();
        tried.marked.insert(candidate);
        let resolved = resolve_recommendation(spec, scheme, &tried);
        if resolved.mark_count() > usize::from(spec.max_marks) {
            return Err(limit_refused(spec, scheme));
        }
        *marks = tried;
        Ok(())
    }

    /// The tablet's choice for a listed name under a scheme with × (赞成, 反对 or 弃权): its
    /// box gets the marks that say so on paper under the template's scheme. Refuses a 赞成
    /// beyond 应推荐/应选人数, so an electronic ballot can never be over-marked.
    pub fn choose(
        &mut self,
        template: &Template,
        section: usize,
        candidate: u16,
        vote: Vote,
    ) -> Result<(), MarkRefused> {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return Ok(());
        };
        let scheme = template.spec().marking.scheme;
        if usize::from(candidate) >= spec.candidates.len() || !scheme.has_cross() {
            return Ok(());
        }
        let Some(marks) = self.recommendation_mut(section) else {
            return Ok(());
        };
        let mut tried = marks.clone();
        let (symbol, cross) = scheme.marks_for(vote);
        set(&mut tried.marked, candidate, symbol);
        set(&mut tried.crossed, candidate, cross);
        let before = resolve_recommendation(spec, scheme, marks).mark_count();
        let resolved = resolve_recommendation(spec, scheme, &tried);
        // 另选他人 in place of a name voted against: that 反对 stays while the name written
        // in is there.
        if !resolved.excess_write_ins.is_empty() {
            return Err(MarkRefused::OpposeHoldsWriteIn);
        }
        let after = resolved.mark_count();
        // Only a choice that adds a 赞成 can be refused: a ballot that starts over the limit
        // (never, for a checked template) can always be brought under it.
        if after > before && after > usize::from(spec.max_marks) {
            return Err(MarkRefused::AgreeLimitReached {
                max: spec.max_marks,
            });
        }
        *marks = tried;
        Ok(())
    }

    /// The tablet's write-in cell. Empty text clears the cell. Refuses a name that would
    /// exceed 应推荐人数, repeat a listed name where the template forbids it, or repeat
    /// another cell.
    pub fn set_write_in(
        &mut self,
        template: &Template,
        section: usize,
        slot: usize,
        text: &str,
    ) -> Result<(), MarkRefused> {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return Ok(());
        };
        if slot >= usize::from(spec.write_in_slots) {
            return Ok(());
        }
        // Typed: hidden characters are dropped (a zero-width space would make another
        // person of the same name); one that normalization would change is refused.
        let text = &crate::names::strip_hidden(text);
        if !write_in_text_ok(text) || crate::names::bad_char(text).is_some() {
            return Err(MarkRefused::WriteInInvalid);
        }
        let scheme = template.spec().marking.scheme;
        let Some(marks) = self.recommendation_mut(section) else {
            return Ok(());
        };
        let mut tried = marks.clone();
        if tried.write_ins.len() <= slot {
            tried.write_ins.resize(slot + 1, String::new());
        }
        tried.write_ins[slot] = text.to_string();
        // A name written on the tablet is 赞成 for that person: its box gets the marks that
        // say so under the scheme (none where an empty box already does), and an emptied
        // cell keeps no mark.
        if scheme.has_cross() || spec.write_in_needs_mark {
            let (symbol, cross) = scheme.marks_for(Vote::Agree);
            let written = !text.trim().is_empty();
            let at = u16::try_from(slot).unwrap_or(u16::MAX);
            set(&mut tried.write_ins_marked, at, symbol && written);
            set(&mut tried.write_ins_crossed, at, cross && written);
        }
        let resolved = resolve_recommendation(spec, scheme, &tried);
        if let Some(name) = resolved.rejected_write_ins.first() {
            return Err(MarkRefused::WriteInIsListed { name: name.clone() });
        }
        if let Some(name) = resolved.repeated_write_ins.first() {
            return Err(MarkRefused::WriteInTwice { name: name.clone() });
        }
        if let Some(name) = resolved.ambiguous_write_ins.first() {
            return Err(MarkRefused::WriteInAmbiguous { name: name.clone() });
        }
        if !resolved.excess_write_ins.is_empty() {
            return Err(MarkRefused::WriteInNeedsOppose);
        }
        if resolved.mark_count() > usize::from(spec.max_marks) {
            return Err(limit_refused(spec, scheme));
        }
        *marks = tried;
        Ok(())
    }

    /// The tablet's tap on a level: chooses it (replacing any other level of that item), or
    /// clears the item if that level was already chosen. One level per item, always.
    pub fn rate(&mut self, template: &Template, section: usize, item: usize, level: usize) {
        // A level the section does not have has no box to tap.
        if level >= template.level_count(section) {
            return;
        }
        if let BallotContent::Marked(s) = &mut self.content {
            if let Some(SectionMarks::Evaluation(items)) = s.get_mut(section) {
                if let Some(current) = items.get_mut(item) {
                    *current = if current.contains(level) {
                        LevelSet::EMPTY
                    } else {
                        LevelSet::single(level)
                    };
                }
            }
        }
    }
}

/// What a mark beyond the most a section allows is refused as: in words of 赞成 under a
/// scheme with ×, of 应选人数 in an election, of 应推荐人数 otherwise.
fn limit_refused(spec: &crate::template::RecommendationSection, scheme: Scheme) -> MarkRefused {
    let max = spec.max_marks;
    if scheme.has_cross() {
        MarkRefused::AgreeLimitReached { max }
    } else if spec.election.is_some() {
        MarkRefused::SeatsReached { max }
    } else {
        MarkRefused::LimitReached { max }
    }
}

/// Puts `at` in `set` or takes it out.
fn set(set: &mut SortedSet<u16>, at: u16, on: bool) {
    if on {
        set.insert(at);
    } else {
        set.remove(&at);
    }
}

fn write_in_text_ok(text: &str) -> bool {
    text.chars().count() <= limits::MAX_TEXT_CHARS && !has_control_chars(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    fn rec() -> Template {
        samples::recommendation()
    }

    #[test]
    fn empty_ballot_fits_and_has_no_marks() {
        for t in [samples::evaluation(), rec()] {
            let b = Ballot::empty(&t, None);
            assert_eq!(b.fits(&t), Ok(()));
            assert!(b.has_no_marks());
        }
    }

    #[test]
    fn tablet_refuses_a_mark_beyond_the_limit() {
        let t = rec(); // 7 names, recommend at most 5
        let mut b = Ballot::empty(&t, None);
        for i in 0..5 {
            assert_eq!(b.toggle_candidate(&t, 0, i), Ok(()));
        }
        assert_eq!(
            b.toggle_candidate(&t, 0, 5),
            Err(MarkRefused::LimitReached { max: 5 })
        );
        assert_eq!(
            b.set_write_in(&t, 0, 0, "赵六"),
            Err(MarkRefused::LimitReached { max: 5 })
        );
        // Unmarking always works, and frees a place.
        assert_eq!(b.toggle_candidate(&t, 0, 0), Ok(()));
        assert_eq!(b.set_write_in(&t, 0, 0, "赵六"), Ok(()));
        assert_eq!(b.fits(&t), Ok(()));
    }

    #[test]
    fn tablet_refuses_write_in_of_a_listed_name_or_twice_the_same() {
        let t = rec();
        let listed = match &t.sections()[0] {
            Section::Recommendation(r) => r.candidates[2].name.clone(),
            Section::Evaluation(_) => unreachable!("sample is a recommendation"),
        };
        let mut b = Ballot::empty(&t, None);
        assert_eq!(
            b.set_write_in(&t, 0, 0, &format!(" {listed} ")),
            Err(MarkRefused::WriteInIsListed {
                name: listed.clone()
            })
        );
        assert_eq!(b.set_write_in(&t, 0, 0, "赵六"), Ok(()));
        assert_eq!(
            b.set_write_in(&t, 0, 1, "赵 六"),
            Err(MarkRefused::WriteInTwice {
                name: "赵六".into()
            })
        );
        assert_eq!(
            b.set_write_in(&t, 0, 1, "a\u{7}"),
            Err(MarkRefused::WriteInInvalid)
        );
        // A zero-width space typed inside a listed name does not make another person.
        let split = format!("{}\u{200B}{}", &listed[..3], &listed[3..]);
        assert_eq!(
            b.set_write_in(&t, 0, 1, &split),
            Err(MarkRefused::WriteInIsListed {
                name: listed.clone()
            })
        );
        // A compatibility ideograph is refused rather than counted apart.
        assert_eq!(
            b.set_write_in(&t, 0, 1, "\u{F9F4}芳"),
            Err(MarkRefused::WriteInInvalid)
        );
        assert_eq!(b.set_write_in(&t, 0, 0, ""), Ok(()));
        assert!(b.has_no_marks());
    }

    #[test]
    fn tablet_asks_which_person_when_two_listed_share_the_written_name() {
        // Listed names may be written in, and two listed persons are 李敏 (told apart by
        // their notes): the voter is sent to the list, never credited to the first.
        let mut spec = rec().into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_may_repeat_listed = true;
            r.candidates[0].name = "李敏".into();
            r.candidates[0].note = "女，1968年生".into();
            r.candidates[1].name = "李敏".into();
            r.candidates[1].note = "男，1975年生".into();
        }
        let t = spec.check().expect("told apart by their notes");
        let mut b = Ballot::empty(&t, None);
        assert_eq!(
            b.set_write_in(&t, 0, 0, "李 敏"),
            Err(MarkRefused::WriteInAmbiguous {
                name: "李敏".into()
            })
        );
        assert!(b.has_no_marks());
        // A listed name nobody shares is still taken, and counts for that person.
        let other = match &t.sections()[0] {
            Section::Recommendation(r) => r.candidates[2].name.clone(),
            Section::Evaluation(_) => unreachable!("sample is a recommendation"),
        };
        assert_eq!(b.set_write_in(&t, 0, 0, &other), Ok(()));
    }

    #[test]
    fn rating_is_one_level_per_item() {
        let t = samples::evaluation();
        let mut b = Ballot::empty(&t, Some(0));
        b.rate(&t, 0, 1, 0);
        b.rate(&t, 0, 1, 2);
        let BallotContent::Marked(s) = &b.content else {
            panic!("marked")
        };
        let SectionMarks::Evaluation(items) = &s[0] else {
            panic!("evaluation")
        };
        assert_eq!(items[1].only(), Some(2));
        b.rate(&t, 0, 1, 2);
        assert!(b.has_no_marks());
    }

    #[test]
    fn fits_rejects_ballots_of_another_shape() {
        let t = rec();
        let e = samples::evaluation();
        assert_eq!(
            Ballot::empty(&e, None).fits(&t),
            Err(ShapeError::SectionKind { section: 0 })
        );
        let mut b = Ballot::empty(&t, None);
        if let BallotContent::Marked(s) = &mut b.content {
            if let SectionMarks::Recommendation(r) = &mut s[0] {
                r.marked.insert(99);
            }
        }
        assert_eq!(
            b.fits(&t),
            Err(ShapeError::CandidateOutOfRange {
                section: 0,
                index: 99
            })
        );
        let b = Ballot {
            category: Some(7),
            content: BallotContent::Void(DeclaredVoid::Other),
        };
        assert_eq!(b.fits(&e), Err(ShapeError::CategoryOutOfRange { index: 7 }));
        let mut b = Ballot::empty(&e, None);
        if let BallotContent::Marked(s) = &mut b.content {
            if let SectionMarks::Evaluation(items) = &mut s[0] {
                items[0] = LevelSet::single(3); // only 3 levels: 0..=2
            }
        }
        assert_eq!(
            b.fits(&e),
            Err(ShapeError::LevelOutOfRange {
                section: 0,
                item: 0
            })
        );
    }

    #[test]
    fn unrated_items_are_listed_in_template_order() {
        let t = samples::evaluation(); // 3 dimensions of 班子整体 + 5 members = 8 items
        let mut b = Ballot::empty(&t, None);
        assert_eq!(b.unrated_items().len(), 8);
        for item in [0, 1, 2, 3, 5, 7] {
            b.rate(&t, 0, item, 0);
        }
        assert_eq!(b.unrated_items(), vec![(0, 4), (0, 6)]);
        assert_eq!(Ballot::empty(&rec(), None).unrated_items(), vec![]);
    }

    #[test]
    fn level_set_operations() {
        let l = LevelSet::single(2);
        assert!(l.contains(2) && !l.contains(1));
        assert_eq!(l.only(), Some(2));
        assert_eq!(l.toggled(0).len(), 2);
        assert_eq!(l.toggled(0).only(), None);
        assert_eq!(LevelSet::single(40), LevelSet::EMPTY);
        assert!(!l.contains(40));
    }

    #[test]
    fn void_reasons_read_back_as_written() {
        for reason in [
            DeclaredVoid::Unreadable,
            DeclaredVoid::NonStandardMark,
            DeclaredVoid::Other,
        ] {
            let b = Ballot {
                category: Some(1),
                content: BallotContent::Void(reason),
            };
            let json = serde_json::to_string(&b).expect("json");
            assert_eq!(
                serde_json::from_str::<Ballot>(&json).ok(),
                Some(b),
                "{json}"
            );
        }
        assert_eq!(
            serde_json::to_string(&DeclaredVoid::NonStandardMark)
                .ok()
                .as_deref(),
            Some("\"non_standard_mark\"")
        );
    }

    #[test]
    fn a_write_in_is_found_however_its_spaces_were_typed() {
        let marks = RecommendationMarks {
            write_ins: vec!["赵 六".into(), String::new()],
            ..RecommendationMarks::default()
        };
        assert!(marks.has_write_in("赵六"));
        assert!(marks.has_write_in(" 赵　六 "));
        assert!(!marks.has_write_in("孙七"));
        assert!(!marks.has_write_in(""));
    }

    #[test]
    fn stored_form_is_compact_and_round_trips() {
        let t = rec();
        let mut b = Ballot::empty(&t, None);
        b.toggle_candidate(&t, 0, 1).expect("room");
        b.set_write_in(&t, 0, 1, "赵六").expect("room");
        let json = serde_json::to_string(&b).expect("serializes");
        assert_eq!(json, r#"{"b":{"m":[{"r":{"m":[1],"w":["","赵六"]}}]}}"#);
        assert_eq!(serde_json::from_str::<Ballot>(&json).ok(), Some(b));
    }

    fn under(scheme: crate::template::Scheme, max_marks: u16) -> Template {
        let mut spec = rec().into_spec();
        spec.marking.scheme = scheme;
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.max_marks = max_marks;
        }
        spec.check().expect("valid")
    }

    fn marks(b: &Ballot) -> &RecommendationMarks {
        match &b.content {
            BallotContent::Marked(s) => match &s[0] {
                SectionMarks::Recommendation(r) => r,
                SectionMarks::Evaluation(_) => panic!("a recommendation"),
            },
            BallotContent::Void(_) => panic!("marked"),
        }
    }

    #[test]
    fn the_tablet_stores_a_choice_as_the_paper_marks_that_say_it() {
        use crate::template::Scheme;
        let ids = |s: &SortedSet<u16>| s.iter().copied().collect::<Vec<_>>();
        // ○ = 赞成, × = 反对, nothing = 弃权.
        let t = under(Scheme::AgreeOppose, 2);
        let mut b = Ballot::empty(&t, None);
        assert_eq!(b.choose(&t, 0, 0, Vote::Agree), Ok(()));
        assert_eq!(b.choose(&t, 0, 1, Vote::Oppose), Ok(()));
        assert_eq!(
            (ids(&marks(&b).marked), ids(&marks(&b).crossed)),
            (vec![0], vec![1])
        );
        assert_eq!(b.choose(&t, 0, 1, Vote::Agree), Ok(()));
        assert_eq!(
            (ids(&marks(&b).marked), ids(&marks(&b).crossed)),
            (vec![0, 1], vec![])
        );
        // A third 赞成 is refused; 反对 and 弃权 never are.
        assert_eq!(
            b.choose(&t, 0, 2, Vote::Agree),
            Err(MarkRefused::AgreeLimitReached { max: 2 })
        );
        assert_eq!(b.choose(&t, 0, 2, Vote::Oppose), Ok(()));
        assert_eq!(b.choose(&t, 0, 0, Vote::Abstain), Ok(()));
        assert_eq!(
            (ids(&marks(&b).marked), ids(&marks(&b).crossed)),
            (vec![1], vec![2])
        );
        // A name written in is 赞成: its box holds ○; emptied, it holds nothing.
        assert_eq!(b.set_write_in(&t, 0, 0, "赵六"), Ok(()));
        assert_eq!(ids(&marks(&b).write_ins_marked), vec![0]);
        assert_eq!(b.set_write_in(&t, 0, 0, ""), Ok(()));
        assert!(marks(&b).write_ins_marked.is_empty());
        assert_eq!(b.fits(&t), Ok(()));

        // Inverted: the voter starts from a ballot that agrees with everyone (what blank
        // paper says); 弃权 draws ○, and 赞成 takes every mark away.
        let t = under(Scheme::Inverted, 7);
        let mut b = Ballot::empty(&t, None);
        let c = crate::check::check(&t, &b).expect("fits");
        assert_eq!(c.verdict, crate::check::Verdict::Valid);
        assert_eq!(b.choose(&t, 0, 3, Vote::Abstain), Ok(()));
        assert_eq!(b.choose(&t, 0, 4, Vote::Oppose), Ok(()));
        assert_eq!(
            (ids(&marks(&b).marked), ids(&marks(&b).crossed)),
            (vec![3], vec![4])
        );
        assert_eq!(b.choose(&t, 0, 3, Vote::Agree), Ok(()));
        assert!(marks(&b).marked.is_empty());
        assert_eq!(b.set_write_in(&t, 0, 0, "赵六"), Ok(()));
        assert!(marks(&b).write_ins_marked.is_empty() && marks(&b).write_ins_crossed.is_empty());
        // Under the agree-only scheme there is no × to choose.
        let t = rec();
        let mut b = Ballot::empty(&t, None);
        assert_eq!(b.choose(&t, 0, 1, Vote::Oppose), Ok(()));
        assert!(b.has_no_marks());
    }

    #[test]
    fn crosses_are_stored_apart_and_old_ballots_read_as_before() {
        let t = under(crate::template::Scheme::AgreeOppose, 5);
        let mut b = Ballot::empty(&t, None);
        b.choose(&t, 0, 1, Vote::Oppose).expect("room");
        b.set_write_in(&t, 0, 1, "赵六").expect("room");
        let json = serde_json::to_string(&b).expect("serializes");
        assert_eq!(
            json,
            r#"{"b":{"m":[{"r":{"w":["","赵六"],"x":[1],"wm":[1]}}]}}"#
        );
        assert_eq!(serde_json::from_str::<Ballot>(&json).ok(), Some(b));
    }
}
