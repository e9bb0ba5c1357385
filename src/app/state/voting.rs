//! The voter screen: the ballot being filled, its review, storing it, the next voter, and
//! the idle timer that hides an unattended ballot.

use super::*;

/// Where the voter is in filling one ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Choosing their voter category (when the session lets voters choose).
    ChoosingCategory,
    Filling,
    /// Checking their choices before confirming; blank and unrated items are named here.
    Review,
    /// Confirmed; the ballot is being written. Marks are frozen.
    Storing,
    /// Stored: the marks are already gone from the state.
    Recorded,
    /// The store refused: the voter is told it was NOT recorded; the marks stay, to retry.
    NotRecorded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub session: String,
    pub ballot: Ballot,
    pub stage: Stage,
    /// The last refused tap on a name, shown at its section until the next mark.
    pub refusal: Option<(usize, MarkRefused)>,
    /// Write-ins the rules do not take (a listed name, a repeat, one past the limit): each
    /// kept in its cell as typed, the reason beside it, and never in the ballot.
    pub held: Vec<HeldWriteIn>,
    /// Bumped by every tap of the voter: the idle timer runs from the last one.
    pub activity: u32,
    /// 「还在投票吗？」 is shown over the ballot.
    pub asked_idle: bool,
    /// 语音朗读, turned on by this voter: a new ballot starts with it off, so nothing about
    /// the next voter's choices is spoken unless they turn it on themselves.
    pub voice: bool,
}

/// A write-in shown in its cell but not on the ballot, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldWriteIn {
    pub section: usize,
    pub slot: usize,
    pub text: String,
    pub reason: MarkRefused,
}

impl Draft {
    /// Offers the held write-ins to the ballot again, in the order they were typed (after
    /// a name is unmarked or a cell changed, one may now be allowed): each is taken when
    /// the rules allow it, held with its present reason otherwise.
    fn retry_held(&mut self, template: &Template) {
        for h in std::mem::take(&mut self.held) {
            if let Err(reason) = self
                .ballot
                .set_write_in(template, h.section, h.slot, &h.text)
            {
                self.held.push(HeldWriteIn { reason, ..h });
            }
        }
    }

    /// The write-in held in a cell, if any.
    #[cfg(test)]
    pub fn held_in(&self, section: usize, slot: usize) -> Option<&HeldWriteIn> {
        self.held
            .iter()
            .find(|h| (h.section, h.slot) == (section, slot))
    }

    /// Whether something of a voter is on screen: a mark, a category picked, the review, a
    /// ballot not recorded, or their voice reading on. Such a ballot is cleared when left
    /// unattended (and the voice with it: the next voter's taps are not spoken).
    pub fn unattended_matters(&self, session: &Session) -> bool {
        matches!(self.stage, Stage::Review | Stage::NotRecorded)
            || (matches!(self.stage, Stage::Filling)
                && (!self.ballot.has_no_marks()
                    || self.voice
                    || !self.held.is_empty()
                    || session.spec().voters_choose()))
    }
}

impl AppState {
    pub(super) fn fresh_draft(session: &Session) -> Draft {
        let preset = session.spec().preset_category();
        Draft {
            session: session.id().to_string(),
            ballot: Ballot::empty(&session.template, preset),
            stage: if session.spec().category == CategoryRule::VoterChooses {
                Stage::ChoosingCategory
            } else {
                Stage::Filling
            },
            refusal: None,
            held: Vec::new(),
            activity: 0,
            asked_idle: false,
            voice: false,
        }
    }

    pub(super) fn start_voting(&mut self, id: &str) {
        let Some(session) = self.session(id) else {
            return;
        };
        if !session.log.takes_ballots() {
            return;
        }
        self.draft = Some(AppState::fresh_draft(session));
        self.page = Page::Vote(id.to_string());
    }

    pub(crate) fn on_vote(&mut self, a: VoteAction) -> bool {
        match a {
            VoteAction::Idle { activity } => {
                let Some(d) = self.draft.as_ref() else {
                    return false;
                };
                let Some(session) = self.session(&d.session) else {
                    return false;
                };
                if d.activity != activity || !d.unattended_matters(session) {
                    return false;
                }
                let discard = d.asked_idle;
                let fresh = AppState::fresh_draft(session);
                let Some(d) = self.draft.as_mut() else {
                    return false;
                };
                if discard {
                    *d = Draft {
                        activity: d.activity.wrapping_add(1),
                        ..fresh
                    };
                } else {
                    d.asked_idle = true;
                    d.activity = d.activity.wrapping_add(1);
                }
            }
            VoteAction::NextVoter => {
                let fresh = (self.draft.as_ref())
                    .filter(|d| d.stage == Stage::Recorded)
                    .and_then(|d| self.session(&d.session))
                    .map(AppState::fresh_draft);
                if fresh.is_some() {
                    self.draft = fresh;
                }
            }
            VoteAction::ConfirmSubmit => {
                let Some(d) = self.draft.as_ref() else {
                    return false;
                };
                let Some(session) = self.session(&d.session) else {
                    return false;
                };
                // Never a ballot the store's reader would refuse, nor into a session this
                // window does not hold or that is closed.
                let fits = session.log.takes_ballots()
                    && session.spec().admits(&session.template, &d.ballot);
                if d.stage != Stage::Review
                    || self.pending.is_some()
                    || !fits
                    || !self.holds(&d.session)
                {
                    return false;
                }
                // What the session's ballots add up to with this one: stored with it.
                let Ballots::Counted { tally, records } = &session.ballots else {
                    return false;
                };
                let mut tally = tally.clone();
                let spec = session.spec();
                spec.count_into(&session.template, &mut tally, &d.ballot);
                let write = Write::Ballot {
                    session: d.session.clone(),
                    ballot: d.ballot.clone(),
                    after: session.next_event,
                    sum: SessionSum::new(records.saturating_add(1), tally.total()),
                };
                if let Some(d) = self.draft.as_mut() {
                    d.stage = Stage::Storing;
                }
                self.request(write);
            }
            // The voter's own ballot.
            VoteAction::ChooseCategory(_)
            | VoteAction::ToggleCandidate { .. }
            | VoteAction::Choose { .. }
            | VoteAction::SetWriteIn { .. }
            | VoteAction::Rate { .. }
            | VoteAction::StillHere
            | VoteAction::Voice(_)
            | VoteAction::Submit
            | VoteAction::BackToForm => {
                let sessions = Rc::clone(&self.sessions);
                let Some(draft) = self.draft.as_mut() else {
                    return false;
                };
                let Some(session) = sessions.iter().find(|x| x.id() == draft.session) else {
                    return false;
                };
                reduce_draft(draft, session, a);
            }
        }
        true
    }
}

/// The voter's actions on their own ballot. Any tap restarts the idle timer; an action the
/// ballot's stage does not take changes nothing else.
fn reduce_draft(d: &mut Draft, session: &Session, action: VoteAction) {
    let t: &Template = &session.template;
    let editable = matches!(d.stage, Stage::Filling | Stage::NotRecorded);
    // Any tap of the voter restarts the idle timer and answers 「还在投票吗？」.
    d.activity = d.activity.wrapping_add(1);
    d.asked_idle = false;
    match action {
        VoteAction::ChooseCategory(c) => {
            // Only where the session lets voters choose; a session's own category is never
            // changed on the voter screen.
            let may = session.spec().voters_choose()
                && c.is_none_or(|c| usize::from(c) < t.categories().len());
            if may && matches!(d.stage, Stage::ChoosingCategory | Stage::Filling) {
                d.ballot.category = c;
                d.stage = if c.is_some() {
                    Stage::Filling
                } else {
                    Stage::ChoosingCategory
                };
            }
        }
        VoteAction::ToggleCandidate { section, candidate } => {
            if editable {
                d.refusal =
                    (d.ballot.toggle_candidate(t, section, candidate).err()).map(|r| (section, r));
                d.retry_held(t);
                d.stage = Stage::Filling;
            }
        }
        VoteAction::Choose {
            section,
            candidate,
            vote,
        } => {
            if editable {
                d.refusal =
                    (d.ballot.choose(t, section, candidate, vote).err()).map(|r| (section, r));
                d.retry_held(t);
                d.stage = Stage::Filling;
            }
        }
        VoteAction::SetWriteIn {
            section,
            slot,
            text,
        } => {
            if editable {
                // The cell is changed: what it held is replaced by what is typed now.
                d.held.retain(|h| (h.section, h.slot) != (section, slot));
                d.refusal = None;
                match d.ballot.set_write_in(t, section, slot, &text) {
                    Ok(()) => d.retry_held(t),
                    // Refused: the cell keeps the text and shows why; on the ballot the
                    // cell is empty (a write-in that does not count is not on the ballot).
                    Err(reason) => {
                        let _ = d.ballot.set_write_in(t, section, slot, "");
                        d.retry_held(t);
                        d.held.push(HeldWriteIn {
                            section,
                            slot,
                            text,
                            reason,
                        });
                    }
                }
                d.stage = Stage::Filling;
            }
        }
        VoteAction::Rate {
            section,
            item,
            level,
        } => {
            if editable {
                d.ballot.rate(t, section, item, level);
                d.refusal = None;
                d.stage = Stage::Filling;
            }
        }
        VoteAction::Submit => {
            if editable {
                d.refusal = None;
                d.stage = Stage::Review;
            }
        }
        VoteAction::BackToForm => {
            if matches!(d.stage, Stage::Review | Stage::NotRecorded) {
                d.stage = Stage::Filling
            }
        }
        // Only the tap itself: the idle timer is restarted above.
        VoteAction::StillHere => {}
        VoteAction::Voice(on) => d.voice = on,
        // Not the ballot's: handled by `on_vote`.
        VoteAction::Idle { .. } | VoteAction::NextVoter | VoteAction::ConfirmSubmit => {}
    }
}
