//! The app's one state and its pure reducer. Nothing here touches the browser: storing a
//! ballot happens in an effect (`pages::vote`) when the stage is `Storing`, which then
//! reports back with `Stored` or `StoreFailed`. So a ballot is acknowledged only after it
//! is stored.

use std::rc::Rc;

use ballot_core::{fingerprint, Ballot, Lang, MarkRefused, Tally, Template};
use yew::Reducible;

/// A template the app offers, with what is derived from it once.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub template: Template,
    pub fingerprint: String,
}

impl Entry {
    pub fn new(template: Template) -> Entry {
        Entry {
            fingerprint: fingerprint(&template),
            template,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    Vote(usize),
    Results(usize),
}

/// Where the voter is in filling one ballot.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Choosing their voter category (only when the template has categories).
    ChoosingCategory,
    Filling,
    /// Nothing is marked: the voter must confirm a blank ballot.
    ConfirmBlank,
    /// Some evaluation items have no level: the voter is shown which, and confirms.
    ConfirmUnrated,
    /// Submitted; the effect is writing it. Shown as "saving", marks are no longer editable.
    Storing(Ballot),
    /// Stored: thank the voter; the marks are already gone from the state.
    Recorded,
    /// The store refused: the voter is told it was NOT recorded; the marks stay, to retry.
    NotRecorded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub template: usize,
    pub ballot: Ballot,
    pub stage: Stage,
    /// The last refused mark, shown until the next mark.
    pub refusal: Option<(usize, MarkRefused)>,
    /// Bumped when a write-in is refused, so its input is re-created with the stored text.
    pub write_in_generation: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub entries: Rc<Vec<Entry>>,
    /// One tally per entry, same index.
    pub tallies: Rc<Vec<Tally>>,
    pub page: Page,
    pub draft: Option<Draft>,
    /// Stored records that could not be read at start.
    pub damaged_records: usize,
}

pub enum Action {
    Open(Page),
    ChooseCategory(Option<u16>),
    ToggleCandidate {
        section: usize,
        candidate: u16,
    },
    SetWriteIn {
        section: usize,
        slot: usize,
        text: String,
    },
    Rate {
        section: usize,
        item: usize,
        level: usize,
    },
    Submit,
    /// Close a submit question or the not-recorded alert.
    BackToForm,
    /// Yes to the blank-ballot or unrated-items question.
    ConfirmSubmit,
    Stored,
    StoreFailed,
    NextVoter,
    DismissDamaged,
}

impl AppState {
    /// The start state: the templates, and the ballots found in storage tallied.
    pub fn new(
        templates: Vec<Template>,
        stored: Vec<(String, Ballot)>,
        damaged: usize,
    ) -> AppState {
        let entries: Vec<Entry> = templates.into_iter().map(Entry::new).collect();
        let mut tallies: Vec<Tally> = entries.iter().map(|e| Tally::empty(&e.template)).collect();
        let mut damaged_records = damaged;
        for (fp, ballot) in &stored {
            let Some(i) = entries.iter().position(|e| &e.fingerprint == fp) else {
                // Ballots of a template not on this device are kept, just not shown.
                continue;
            };
            if tallies[i].add(&entries[i].template, ballot).is_err() {
                damaged_records += 1;
            }
        }
        AppState {
            lang: Lang::default(),
            entries: Rc::new(entries),
            tallies: Rc::new(tallies),
            page: Page::Home,
            draft: None,
            damaged_records,
        }
    }

    fn fresh_draft(&self, template: usize) -> Option<Draft> {
        let entry = self.entries.get(template)?;
        let has_categories = !entry.template.categories().is_empty();
        Some(Draft {
            template,
            ballot: Ballot::empty(&entry.template, None),
            stage: if has_categories {
                Stage::ChoosingCategory
            } else {
                Stage::Filling
            },
            refusal: None,
            write_in_generation: 0,
        })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Open(page) => {
                s.draft = match page {
                    Page::Vote(i) => s.fresh_draft(i),
                    _ => None,
                };
                s.page = page;
            }
            Action::DismissDamaged => s.damaged_records = 0,
            Action::NextVoter => {
                if let Some(d) = &s.draft {
                    s.draft = s.fresh_draft(d.template);
                }
            }
            Action::Stored => {
                let Some(draft) = s.draft.as_mut() else {
                    return self;
                };
                let Stage::Storing(ballot) = &draft.stage else {
                    return self;
                };
                let i = draft.template;
                if let Some(entry) = s.entries.get(i) {
                    let tallies = Rc::make_mut(&mut s.tallies);
                    if let Some(t) = tallies.get_mut(i) {
                        // The ballot was checked to fit before it was stored.
                        let _ = t.add(&entry.template, ballot);
                    }
                }
                // Wipe the marks at once: nothing of this voter's stays in the state.
                if let Some(entry) = s.entries.get(i) {
                    draft.ballot = Ballot::empty(&entry.template, None);
                }
                draft.stage = Stage::Recorded;
                draft.refusal = None;
            }
            Action::StoreFailed => {
                if let Some(d) = s.draft.as_mut() {
                    if matches!(d.stage, Stage::Storing(_)) {
                        d.stage = Stage::NotRecorded;
                    }
                }
            }
            action => {
                let entries = Rc::clone(&s.entries);
                let Some(draft) = s.draft.as_mut() else {
                    return self;
                };
                let Some(entry) = entries.get(draft.template) else {
                    return self;
                };
                reduce_draft(draft, &entry.template, action);
            }
        }
        Rc::new(s)
    }
}

/// The voter's actions on their own ballot.
fn reduce_draft(d: &mut Draft, t: &Template, action: Action) {
    let editable = matches!(d.stage, Stage::Filling | Stage::NotRecorded);
    match action {
        Action::ChooseCategory(c) => {
            if matches!(d.stage, Stage::ChoosingCategory | Stage::Filling) {
                d.ballot.category = c;
                d.stage = if c.is_some() || t.categories().is_empty() {
                    Stage::Filling
                } else {
                    Stage::ChoosingCategory
                };
            }
        }
        Action::ToggleCandidate { section, candidate } if editable => {
            d.refusal = d
                .ballot
                .toggle_candidate(t, section, candidate)
                .err()
                .map(|r| (section, r));
            d.stage = Stage::Filling;
        }
        Action::SetWriteIn {
            section,
            slot,
            text,
        } if editable => {
            d.refusal = d
                .ballot
                .set_write_in(t, section, slot, &text)
                .err()
                .map(|r| (section, r));
            if d.refusal.is_some() {
                d.write_in_generation = d.write_in_generation.wrapping_add(1);
            }
            d.stage = Stage::Filling;
        }
        Action::Rate {
            section,
            item,
            level,
        } if editable => {
            d.ballot.rate(section, item, level);
            d.refusal = None;
            d.stage = Stage::Filling;
        }
        Action::Submit if editable => {
            d.refusal = None;
            d.stage = if d.ballot.has_no_marks() {
                Stage::ConfirmBlank
            } else if !d.ballot.unrated_items().is_empty() {
                Stage::ConfirmUnrated
            } else {
                Stage::Storing(d.ballot.clone())
            };
        }
        Action::ConfirmSubmit if matches!(d.stage, Stage::ConfirmBlank | Stage::ConfirmUnrated) => {
            d.stage = Stage::Storing(d.ballot.clone());
        }
        Action::BackToForm
            if matches!(
                d.stage,
                Stage::ConfirmBlank | Stage::ConfirmUnrated | Stage::NotRecorded
            ) =>
        {
            d.stage = Stage::Filling
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ballot_core::samples;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(samples::all(), Vec::new(), 0))
    }

    fn run(s: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(s, |s, a| s.reduce(a))
    }

    /// The recommendation sample opened by a voter of `category`, with these names marked,
    /// followed by `then`.
    fn vote(category: u16, marked: &[u16], then: Vec<Action>) -> Rc<AppState> {
        let mut actions = vec![
            Action::Open(Page::Vote(1)),
            Action::ChooseCategory(Some(category)),
        ];
        actions.extend(marked.iter().map(|&candidate| Action::ToggleCandidate {
            section: 0,
            candidate,
        }));
        actions.extend(then);
        run(state(), actions)
    }

    fn stage(s: &AppState) -> Option<&Stage> {
        s.draft.as_ref().map(|d| &d.stage)
    }

    #[test]
    fn a_ballot_is_counted_only_when_stored_and_its_marks_are_wiped() {
        let s = vote(0, &[2], vec![Action::Submit]);
        assert!(matches!(stage(&s), Some(Stage::Storing(_))));
        assert_eq!(s.tallies[1].total(), 0);
        let s = s.reduce(Action::Stored);
        assert_eq!(stage(&s), Some(&Stage::Recorded));
        assert_eq!(s.tallies[1].total(), 1);
        assert!(s.draft.as_ref().is_some_and(|d| d.ballot.has_no_marks()));
        let s = s.reduce(Action::NextVoter);
        assert_eq!(stage(&s), Some(&Stage::ChoosingCategory));
    }

    #[test]
    fn a_failed_store_counts_nothing_and_keeps_the_marks_for_a_retry() {
        let s = vote(1, &[0], vec![Action::Submit, Action::StoreFailed]);
        assert_eq!(stage(&s), Some(&Stage::NotRecorded));
        assert_eq!(s.tallies[1].total(), 0);
        assert!(s.draft.as_ref().is_some_and(|d| !d.ballot.has_no_marks()));
        let s = s.reduce(Action::Submit);
        assert!(matches!(stage(&s), Some(Stage::Storing(_))));
    }

    #[test]
    fn blank_needs_confirmation() {
        let s = run(
            state(),
            vec![
                Action::Open(Page::Vote(0)),
                Action::ChooseCategory(Some(0)),
                Action::Submit,
            ],
        );
        assert_eq!(stage(&s), Some(&Stage::ConfirmBlank));
        let s = s.reduce(Action::BackToForm);
        assert_eq!(stage(&s), Some(&Stage::Filling));
        let s = run(s, vec![Action::Submit, Action::ConfirmSubmit]);
        assert!(matches!(stage(&s), Some(Stage::Storing(b)) if b.has_no_marks()));
    }

    #[test]
    fn unrated_subjects_need_a_confirmation() {
        let s = run(
            state(),
            vec![
                Action::Open(Page::Vote(0)),
                Action::ChooseCategory(Some(0)),
                Action::Rate {
                    section: 0,
                    item: 3,
                    level: 0,
                },
                Action::Submit,
            ],
        );
        assert_eq!(stage(&s), Some(&Stage::ConfirmUnrated));
        let s = s.reduce(Action::BackToForm);
        assert_eq!(stage(&s), Some(&Stage::Filling));
        let s = run(s, vec![Action::Submit, Action::ConfirmSubmit]);
        assert!(matches!(stage(&s), Some(Stage::Storing(_))));
        // Every item rated: no question.
        let mut actions = vec![Action::Open(Page::Vote(0)), Action::ChooseCategory(Some(1))];
        actions.extend((0..8).map(|item| Action::Rate {
            section: 0,
            item,
            level: 1,
        }));
        actions.push(Action::Submit);
        let s = run(state(), actions);
        assert!(matches!(stage(&s), Some(Stage::Storing(_))));
    }

    #[test]
    fn marks_are_frozen_while_storing() {
        let s = vote(
            0,
            &[1],
            vec![
                Action::Submit,
                Action::ToggleCandidate {
                    section: 0,
                    candidate: 2,
                },
            ],
        );
        let d = s.draft.as_ref().expect("draft");
        let Stage::Storing(b) = &d.stage else {
            panic!("storing")
        };
        // The tap while saving changed nothing: what is stored is what was submitted.
        assert_eq!(b, &d.ballot);
        let s = s.reduce(Action::Stored);
        assert_eq!(s.tallies[1].total(), 1);
    }

    #[test]
    fn a_refused_write_in_is_reported_and_resets_its_cell() {
        let s = run(
            state(),
            vec![
                Action::Open(Page::Vote(1)),
                Action::ChooseCategory(Some(0)),
                Action::SetWriteIn {
                    section: 0,
                    slot: 0,
                    text: "王秀英".into(),
                },
            ],
        );
        let d = s.draft.as_ref().expect("draft");
        assert!(matches!(
            d.refusal,
            Some((0, MarkRefused::WriteInIsListed { .. }))
        ));
        assert_eq!(d.write_in_generation, 1);
        assert!(d.ballot.has_no_marks());
    }

    #[test]
    fn stored_ballots_are_tallied_at_start_and_strangers_ignored() {
        let templates = samples::all();
        let fp = fingerprint(&templates[1]);
        let mut b = Ballot::empty(&templates[1], Some(0));
        b.toggle_candidate(&templates[1], 0, 0).expect("room");
        let wrong_shape = Ballot::empty(&templates[0], None);
        let stored = vec![
            (fp.clone(), b.clone()),
            (fp, wrong_shape),
            ("0000-0000".to_string(), b),
        ];
        let s = AppState::new(templates, stored, 2);
        assert_eq!(s.tallies[1].total(), 1);
        assert_eq!(s.damaged_records, 3);
    }
}
