//! Test decks (测试票): paper ballots with known marks, made from any template, for a
//! counting rehearsal (测试模式) by 唱票 or by the camera. Counting a deck ends with the
//! comparison, expected against counted, ballot by ballot ([`compare`]).
//!
//! A deck covers every mark cell of the form: every listed name marked (with the symbol,
//! and with × where the scheme has it), every 另选他人 cell written, every level of every
//! rated item; and the ballots a count must tell apart: an over-marked one (where the form
//! allows more marks than its limit), a blank one, and one declared void. It is a pure
//! function of the template (and the count's voter category): the same on every device,
//! so a printed deck and the count that reads it agree without exchanging anything.

use crate::align::{align, Difference};
use crate::ballot::{Ballot, DeclaredVoid};
use crate::count::PaperBox;
use crate::template::{Section, Template};

/// The names a deck writes in 另选他人 cells: written on the test ballots, so in the
/// templates' language whatever the screens' (the deck printed on one device and counted on
/// another must name the same people).
pub const WRITE_INS: &[&str] = &["测试甲", "测试乙", "测试丙", "测试丁"];

/// The deck of `template` for a count of `category`. `names` are the names written in
/// 另选他人 cells, in order (the catalogue's; at least one).
pub fn deck(template: &Template, category: Option<u16>, names: &[&str]) -> Vec<Ballot> {
    let has_cross = template.spec().marking.scheme.has_cross();
    // Each section's marks, ballot by ballot: (section, what it puts on the k-th ballot).
    let mut patterns: Vec<Vec<Vec<Put>>> = Vec::new();
    for (s, section) in template.sections().iter().enumerate() {
        let mut p: Vec<Vec<Put>> = Vec::new();
        match section {
            Section::Recommendation(r) => {
                let n = r.candidates.len();
                let m = usize::from(r.max_marks).max(1);
                // Every name marked, at most the limit on each ballot.
                for group in (0..n).collect::<Vec<_>>().chunks(m) {
                    p.push(group.iter().map(|&i| Put::Name(s, i, false)).collect());
                }
                if has_cross {
                    // 反对 for every name; then 赞成 and 反对 by turns.
                    p.push((0..n).map(|i| Put::Name(s, i, true)).collect());
                    let mut agree = 0;
                    p.push(
                        (0..n)
                            .map(|i| {
                                let cross = i % 2 == 1 || agree >= m;
                                agree += usize::from(!cross);
                                Put::Name(s, i, cross)
                            })
                            .collect(),
                    );
                }
                // Every 另选他人 cell written (as many as the limit allows), with names that
                // are not on the list: a listed name written in would count for the listed
                // person, not as a write-in.
                let key = |n: &str| crate::names::normalize_name(n);
                let free: Vec<&str> = (names.iter().copied())
                    .filter(|n| !r.candidates.iter().any(|c| key(&c.name) == key(n)))
                    .collect();
                let w = usize::from(r.write_in_slots).min(m);
                if w > 0 && !free.is_empty() {
                    p.push(
                        (0..w)
                            .map(|slot| Put::Written(s, slot, free[slot % free.len()]))
                            .collect(),
                    );
                }
                // One mark more than the limit.
                if n > m {
                    p.push((0..=m).map(|i| Put::Name(s, i, false)).collect());
                }
            }
            Section::Evaluation(e) => {
                let items = e.item_count();
                for level in 0..e.levels.len() {
                    p.push((0..items).map(|item| Put::Level(s, item, level)).collect());
                }
                // Two levels on one item.
                if e.levels.len() > 1 && items > 0 {
                    p.push(vec![Put::Level(s, 0, 0), Put::Level(s, 0, 1)]);
                }
            }
        }
        patterns.push(p);
    }
    let count = patterns.iter().map(Vec::len).max().unwrap_or(0);
    let mut ballots: Vec<Ballot> = (0..count)
        .map(|k| {
            let mut b = Ballot::empty(template, category);
            for put in patterns.iter().filter_map(|p| p.get(k)).flatten() {
                put.on(&mut b, template);
            }
            b
        })
        .collect();
    ballots.push(Ballot::empty(template, category));
    ballots.push(Ballot::declared_void(category, DeclaredVoid::Unreadable));
    ballots
}

/// One mark of a deck ballot.
#[derive(Debug, Clone, Copy)]
enum Put<'a> {
    /// A listed name's box: the symbol, or × (`true`).
    Name(usize, usize, bool),
    /// A name written in a 另选他人 cell (its box marked where the form asks for it).
    Written(usize, usize, &'a str),
    Level(usize, usize, usize),
}

impl Put<'_> {
    fn on(self, b: &mut Ballot, template: &Template) {
        match self {
            Put::Name(s, i, cross) => {
                let Ok(i) = u16::try_from(i) else { return };
                b.toggle_paper_box(template, s, PaperBox::Listed(i), cross);
            }
            Put::Written(s, slot, name) => {
                let _ = b.set_paper_write_in(template, s, slot, name);
                if let Ok(i) = u16::try_from(slot) {
                    // Where a written name needs the symbol (or the scheme reads its box),
                    // the deck marks it; elsewhere the form has no such box.
                    b.toggle_paper_box(template, s, PaperBox::WriteIn(i), false);
                }
            }
            Put::Level(s, item, level) => b.toggle_paper_level(template, s, item, level),
        }
    }
}

/// The deck against the ballots counted, in reading order: every ballot counted other
/// than the deck's, missing, or extra (as 双人核对 aligns two counters' lists). Empty when
/// the count is the deck. A deck ballot is made as the pad makes one (from the empty
/// ballot, by the paper marking operations), so the same marks are the same ballot.
pub fn compare(expected: &[Ballot], counted: &[Ballot]) -> Vec<Difference> {
    align(expected, counted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check, Verdict};
    use crate::tally::Tally;

    const NAMES: &[&str] = &["测试甲", "测试乙"];

    fn every_sample() -> Vec<Template> {
        let mut all = crate::samples::all();
        all.extend(crate::samples::elections());
        all
    }

    #[test]
    fn a_deck_marks_every_cell_and_has_a_blank_a_void_and_an_over_marked_ballot() {
        for t in every_sample() {
            let category = (!t.categories().is_empty()).then_some(0);
            let d = deck(&t, category, NAMES);
            let title = &t.spec().title;
            let verdicts: Vec<Verdict> = (d.iter())
                .map(|b| check(&t, b).expect("a deck ballot fits").verdict)
                .collect();
            assert!(verdicts.contains(&Verdict::Blank), "{title}");
            assert!(
                verdicts.iter().any(|v| matches!(v, Verdict::Void(_))),
                "{title}"
            );
            assert!(verdicts.contains(&Verdict::Valid), "{title}");
            let has_cross = t.spec().marking.scheme.has_cross();
            for (s, section) in t.sections().iter().enumerate() {
                match section {
                    Section::Recommendation(r) => {
                        for i in 0..r.candidates.len() {
                            let what = crate::omr::layout::BoxRef::Listed {
                                section: s,
                                candidate: i,
                            };
                            let marks: Vec<_> = (d.iter())
                                .map(|b| crate::omr::propose::box_marks(b, what))
                                .collect();
                            assert!(marks.contains(&(true, false)), "{title}: name {i} ○");
                            assert_eq!(marks.contains(&(false, true)), has_cross, "{title}: ×");
                        }
                        for slot in 0..usize::from(r.write_in_slots.min(r.max_marks)) {
                            assert!(
                                d.iter().any(|b| !b.write_in(s, slot).is_empty()),
                                "{title}: cell {slot}"
                            );
                        }
                    }
                    Section::Evaluation(e) => {
                        for item in 0..e.item_count() {
                            for level in 0..e.levels.len() {
                                let what = crate::omr::layout::BoxRef::Level {
                                    section: s,
                                    item,
                                    level,
                                };
                                assert!(
                                    (d.iter()).any(|b| crate::omr::propose::box_marks(b, what).0),
                                    "{title}: item {item} level {level}"
                                );
                            }
                        }
                    }
                }
            }
            // The expected result is the count of the deck, as the core counts any stack.
            let mut tally = Tally::empty(&t);
            for b in &d {
                tally.add(&t, b).expect("counted");
            }
            assert_eq!(tally.total() as usize, d.len(), "{title}");
            // The same on every device.
            assert_eq!(deck(&t, category, NAMES), d);
        }
    }

    /// A template that lists one of the deck's write-in names (测试甲): the deck writes only
    /// names that are not on the list, so its write-ins are counted as write-ins.
    #[test]
    fn a_deck_writes_in_only_names_that_are_not_listed() {
        let sample = crate::samples::all().remove(1);
        let json = sample.canonical_json().replacen("于建华", NAMES[0], 1);
        let t = Template::parse(&json).expect("a template listing 测试甲");
        let listed: Vec<String> = (t.sections().iter())
            .flat_map(|s| match s {
                Section::Recommendation(r) => r.candidates.iter().map(|c| c.name.clone()).collect(),
                Section::Evaluation(_) => Vec::new(),
            })
            .collect();
        assert!(listed.iter().any(|n| n == NAMES[0]));
        let d = deck(&t, Some(0), NAMES);
        let written: Vec<&str> = (d.iter())
            .flat_map(|b| (0..4).map(move |slot| b.write_in(0, slot)))
            .filter(|n| !n.is_empty())
            .collect();
        assert!(!written.is_empty());
        assert!(
            written.iter().all(|n| !listed.iter().any(|l| l == n)),
            "{written:?}"
        );
    }

    #[test]
    fn counting_the_deck_compares_ballot_by_ballot() {
        let t = crate::samples::all().remove(1);
        let d = deck(&t, Some(0), NAMES);
        assert_eq!(compare(&d, &d), vec![]);
        // A cell typed into and cleared is no difference.
        let mut typed = d.clone();
        let _ = typed[0].set_paper_write_in(&t, 0, 1, "测试");
        let _ = typed[0].set_paper_write_in(&t, 0, 1, "");
        assert_eq!(compare(&d, &typed), vec![]);
        // One read wrong, one missed.
        let mut counted = d.clone();
        counted[1].toggle_paper_mark(&t, 0, 6);
        counted.remove(3);
        assert_eq!(
            compare(&d, &counted),
            vec![
                Difference {
                    ours: Some(1),
                    theirs: Some(1)
                },
                Difference {
                    ours: Some(3),
                    theirs: None
                },
            ]
        );
    }
}
