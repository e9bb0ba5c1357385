//! The organiser's PIN: each try counted on disk before it is checked, the browser's slow
//! derivation, and what the PIN was asked for done once it is right.

use super::*;

/// An organiser action that needs the session's PIN (or, for [`Intent::DeleteCount`], the
/// count's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    LeaveVoting,
    Results,
    Close,
    Reopen,
    SetIssued(Option<u32>),
    /// 应到 and 实到 set or corrected.
    SetAttendance {
        due: Option<u32>,
        present: Option<u32>,
    },
    /// The organiser's decision after a record of the log could not be read.
    Decide {
        closed: bool,
        issued: Option<u32>,
    },
    Delete,
    /// Deleting a paper count (kept as 已删除, restorable).
    DeleteCount,
}

/// The PIN question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The session, or for [`Intent::DeleteCount`] the count.
    pub session: String,
    pub intent: Intent,
    pub answer: PinAnswer,
}

impl Prompt {
    /// Which question this is: the session (or count) and what for.
    pub fn asked(&self) -> (String, Intent) {
        (self.session.clone(), self.intent)
    }
}

/// How the last PIN entered was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinAnswer {
    None,
    Wrong,
    /// Too many wrong PINs in a row: no PIN is checked until the pause is over.
    Locked,
    /// Being counted as a try, then checked.
    Checking,
}

/// A PIN being derived by the browser (PBKDF2, WebCrypto: about 100–300 ms on a phone), and
/// what to do with the result ([`Action::Derived`]). The App's effect runs it once per
/// `round`; a late answer to an older round is ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Deriving {
    pub round: u32,
    pub pin: String,
    pub kdf: Kdf,
    pub then: AfterDerive,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AfterDerive {
    /// A new session, to be stored with the PIN derived.
    OpenSession {
        id: String,
        template: String,
        spec: Box<SessionSpec>,
        opened_ms: u64,
        test: bool,
    },
    /// A new paper count, to be stored with the PIN derived.
    OpenCount(Box<CountRecord>),
    /// The PIN typed at the prompt, its try counted on disk already.
    CheckPin {
        counted: PinGuard,
        now_ms: u64,
        /// The session (or count) and intent the PIN was typed for: the answer is for
        /// that question only, never for one asked after it.
        asked: (String, Intent),
    },
}

impl AppState {
    pub(super) fn derive(&mut self, pin: String, kdf: Kdf, then: AfterDerive) {
        self.derive_round = self.derive_round.wrapping_add(1);
        self.cannot_derive = false;
        self.deriving = Some(Rc::new(Deriving {
            round: self.derive_round,
            pin,
            kdf,
            then,
        }));
    }

    /// A PIN derived (or not): the session it was for is stored, or the PIN typed checked.
    pub(super) fn derived(&mut self, round: u32, derived: Option<String>) {
        let Some(d) = self.deriving.take_if(|d| d.round == round) else {
            return;
        };
        let d = Rc::unwrap_or_clone(d);
        match (d.then, derived) {
            (
                AfterDerive::OpenSession {
                    id,
                    template,
                    spec,
                    opened_ms,
                    test,
                },
                Some(derived),
            ) => {
                if self.page != Page::NewSession || self.pending.is_some() {
                    return;
                }
                let record = SessionRecord {
                    v: 1,
                    id,
                    template,
                    spec: *spec,
                    pin: Pin::from_derived(&d.kdf, &derived),
                    opened_ms,
                    test,
                };
                self.request(Write::Session(Rc::new(record)));
            }
            (
                AfterDerive::CheckPin {
                    counted,
                    now_ms,
                    asked,
                },
                derived,
            ) => {
                let Some(prompt) = self.prompt.clone().filter(|p| p.asked() == asked) else {
                    // Dismissed (or another question asked) meanwhile: the try stays
                    // counted, as on disk.
                    self.pin_guard = counted;
                    return;
                };
                let matches = match (&derived, self.pin_of(&prompt.session)) {
                    (Some(derived), Some(pin)) => pin.matches_derived(derived),
                    _ => false,
                };
                self.cannot_derive = derived.is_none();
                self.pin_checked(matches, counted, now_ms);
            }
            (AfterDerive::OpenCount(mut record), Some(derived)) => {
                if self.page != Page::NewCount || self.pending.is_some() {
                    return;
                }
                record.pin = Some(Pin::from_derived(&d.kdf, &derived));
                self.request(Write::Count(Rc::new(*record)));
            }
            (AfterDerive::OpenSession { .. } | AfterDerive::OpenCount(_), None) => {
                self.cannot_derive = true
            }
        }
    }

    /// A PIN typed: counted as a wrong try on disk first ([`Write::PinGuard`]), checked
    /// only once that is stored ([`AppState::pin_counted`]), so that neither a reload nor a
    /// crash between the check and its answer gives a free try.
    pub(super) fn enter_pin(&mut self, pin: String, now_ms: u64) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        // One try at a time: a second PIN typed while the first is checked would be counted
        // from the same stored count.
        let checking = self.pin_typed.is_some()
            || self
                .deriving
                .as_ref()
                .is_some_and(|d| matches!(d.then, AfterDerive::CheckPin { .. }));
        if checking {
            return;
        }
        if self.pin_guard.paused(now_ms) {
            prompt.answer = PinAnswer::Locked;
            return;
        }
        prompt.answer = PinAnswer::Checking;
        let asked = prompt.asked();
        self.pin_typed = Some((pin, now_ms, asked));
        self.request(Write::PinGuard(self.pin_guard.wrong_try(now_ms)));
    }

    /// The try is on record (or could not be stored: a full disk must not keep the organiser
    /// out): now the PIN typed is checked.
    pub(super) fn pin_counted(&mut self, counted: PinGuard) {
        let Some((pin, now_ms, asked)) = self.pin_typed.take() else {
            return;
        };
        let Some(prompt) = self.prompt.clone().filter(|p| p.asked() == asked) else {
            // Dismissed (or another question asked) meanwhile: the try stays counted.
            self.pin_guard = counted;
            return;
        };
        let Some(stored) = self.pin_of(&prompt.session) else {
            self.prompt = None;
            return;
        };
        match stored.check(&pin) {
            PinCheck::Done(matches) => self.pin_checked(matches, counted, now_ms),
            PinCheck::Derive(kdf) => {
                let asked = prompt.asked();
                self.derive(
                    pin,
                    kdf,
                    AfterDerive::CheckPin {
                        counted,
                        now_ms,
                        asked,
                    },
                )
            }
        }
    }

    /// The PIN typed was checked: the prompt says it was wrong, or does what it was for.
    pub(super) fn pin_checked(&mut self, matches: bool, counted: PinGuard, now_ms: u64) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        if !matches {
            self.pin_guard = counted;
            let answer = if counted.paused(now_ms) {
                PinAnswer::Locked
            } else {
                PinAnswer::Wrong
            };
            self.prompt = Some(Prompt { answer, ..prompt });
            return;
        }
        self.wrong_pins_before = self.pin_guard.wrong;
        self.pin_guard = PinGuard::default();
        self.pin_accepted(prompt, now_ms);
        // The try counted on disk is taken back with the write the PIN was for, or alone.
        match self.pending.as_mut() {
            Some(p) => p.reset_pin_guard = true,
            None => self.request(Write::PinGuard(PinGuard::default())),
        }
    }

    /// The PIN that guards session or count `id`.
    pub(super) fn pin_of(&self, id: &str) -> Option<Pin> {
        match self.session(id) {
            Some(s) => Some(s.record.pin.clone()),
            None => self.count(id).and_then(|c| c.record.pin.clone()),
        }
    }

    pub(super) fn pin_accepted(&mut self, prompt: Prompt, now_ms: u64) {
        if prompt.intent == Intent::DeleteCount {
            self.prompt = None;
            if self
                .counting
                .as_ref()
                .is_some_and(|c| c.count == prompt.session)
            {
                // Reduced by the later chunk's code, as every step on a count: it is
                // loaded, as the counting screen the delete is asked on.
                crate::app::later::delete_count(self, now_ms);
            }
            return;
        }
        let Some(session) = self.session(&prompt.session) else {
            return;
        };
        let id = prompt.session;
        let event = |kind| SessionEvent {
            at_ms: now_ms,
            kind,
        };
        let next_seq = session.next_event;
        let closed = session.status() == Status::Closed;
        let allows = |kind| session.log.allows(session.spec(), kind);
        let kind = match prompt.intent {
            Intent::Close => Some(EventKind::Closed),
            Intent::Reopen => Some(EventKind::Reopened),
            Intent::SetIssued(issued) => Some(EventKind::IssuedSet { issued }),
            Intent::SetAttendance { due, present } => {
                Some(EventKind::AttendanceSet { due, present })
            }
            Intent::Decide { closed, issued } => Some(EventKind::Decided { closed, issued }),
            Intent::Delete => Some(EventKind::Deleted),
            _ => None,
        }
        .filter(|&k| allows(k));
        self.prompt = None;
        match prompt.intent {
            Intent::LeaveVoting => self.request(Write::Voting(None)),
            Intent::Results => {
                if closed {
                    self.page = Page::Results(id);
                }
            }
            // A delete keeps the session as 已删除 for 30 days with its ballots and log,
            // restorable from 本机数据与备份 (which removes it for good after that).
            Intent::Close
            | Intent::Reopen
            | Intent::SetIssued(_)
            | Intent::SetAttendance { .. }
            | Intent::Decide { .. }
            | Intent::Delete => {
                if let Some(kind) = kind {
                    self.request(Write::Event {
                        session: id,
                        seq: next_seq,
                        event: event(kind),
                    });
                }
            }
            Intent::DeleteCount => {}
        }
    }

    pub(super) fn on_pin(&mut self, a: PinAction) -> bool {
        match a {
            PinAction::Ask { session, intent } => {
                // Only on the session's own pages, held by this window.
                let guarded = match intent {
                    Intent::DeleteCount => {
                        self.count(&session).is_some_and(|c| c.record.pin.is_some())
                    }
                    _ => self.session(&session).is_some(),
                };
                if self.pending.is_none() && guarded && self.holds(&session) {
                    self.prompt = Some(Prompt {
                        session,
                        intent,
                        answer: PinAnswer::None,
                    });
                }
            }
            PinAction::Enter { pin, now_ms } => {
                if self.pending.is_none() {
                    self.enter_pin(pin, now_ms);
                }
            }
            PinAction::Cancel => self.prompt = None,
            PinAction::Derived { round, derived } => self.derived(round, derived),
        }
        true
    }
}
