//! What the store and the browser report: the store read at start, a session or count claimed
//! by this window, writes asked for and their outcome. A write is a command: the state shows
//! its result only once it is on disk ([`StoreEvent::Written`]).

use crate::app::later::Read;
use ballot_core::checkpoint;

use super::*;

impl AppState {
    /// The store's contents read into sessions; whatever cannot be read is counted, skipped
    /// and left in the store untouched.
    pub(super) fn loaded(&mut self, dump: Dump) {
        self.refresh(&dump);
        self.load = Load::Ready;
        if dump.shared_link {
            self.page = Page::Templates;
        }
        if let Some(id) = dump.voting {
            // A closed or deleted session does not take voters back: the home screen shows.
            // The voter screen wins over a shared link: it is left only with the PIN.
            self.start_voting(&id);
            // Its session not read (the later chunk could not be fetched): the voter screen
            // all the same, never the home screen; it takes voters once the chunk is there.
            if self.records_unread {
                self.page = Page::Vote(id);
            }
        }
    }

    /// The voter screen held for a session not read yet, now that it is: voters again, or
    /// the home screen if it no longer takes ballots.
    fn resume_voting(&mut self) {
        if let (Page::Vote(id), None, false) = (&self.page, &self.draft, self.records_unread) {
            let id = id.clone();
            self.page = Page::Home;
            self.start_voting(&id);
        }
    }

    /// Sessions, counts, templates and the PIN guard as the store holds them now: each
    /// session or count whose records `dump` holds counted from them, the others shown from
    /// their checkpoints.
    pub(super) fn refresh(&mut self, dump: &Dump) {
        // Headers, templates, ballots and count steps are read by code in the later chunk:
        // a fresh device draws its home screen without it, and the App's read effects wait
        // for it when the store holds any of them.
        let read = crate::app::later::read(dump, !self.has_built_in())
            .or_else(|| dump.is_bare().then(Read::default));
        self.records_unread = read.is_none();
        let Read {
            sessions,
            counts,
            damaged: bad,
            seeds,
            samples,
            offered,
            unreadable,
        } = read.unwrap_or_default();
        self.seeds = Rc::new(seeds);
        let mut damaged = bad.len() + dump.corrupt;
        let full = |id: &str| dump.read_in_full(id);
        let sessions: Vec<Session> = (sessions.into_iter())
            .map(|s| {
                let sum = checkpoint::session(&dump.checkpoints, &s.record.id);
                let ballots = match sum {
                    _ if full(&s.record.id) => Ballots::Counted {
                        tally: s.tally.clone(),
                        records: s.records,
                    },
                    Some(sum) => {
                        // Its damaged ballots, as if they had been read.
                        damaged += sum.records.saturating_sub(sum.filled) as usize;
                        Ballots::Summed(sum)
                    }
                    None => Ballots::Unread,
                };
                Session::new(s, ballots)
            })
            .collect();
        self.sessions = Rc::new(sessions);
        let counts: Vec<Count> = (counts.into_iter())
            .map(|c| {
                let sum = checkpoint::count(&dump.checkpoints, &c.record.id);
                let replay = match sum {
                    _ if full(&c.record.id) => Replay::Replayed(Replayed {
                        log: c.log,
                        next_key: c.next_key,
                        unreadable: c.unreadable,
                    }),
                    Some(sum) => {
                        // Its damaged steps, as if its log had been read.
                        damaged += sum.damaged as usize;
                        Replay::Summed(sum)
                    }
                    None => Replay::Unread,
                };
                Count::stored(c.record, c.template, replay)
            })
            .collect();
        self.counts = Rc::new(counts);
        if !samples.is_empty() {
            self.built_in(samples);
        }
        damaged += self.library(offered, unreadable);
        self.damaged_records = damaged;
        let stored_guard = (dump.pin_guard.as_deref())
            .and_then(|json| serde_json::from_str::<PinGuard>(json).ok())
            .unwrap_or_default();
        // Never fewer wrong PINs than this window already knows of.
        if stored_guard.wrong >= self.pin_guard.wrong {
            self.pin_guard = stored_guard;
        }
    }

    /// The page's session or count claimed anew when the page shows another one.
    pub(super) fn sync_claim(&mut self) {
        let wanted = self.page.subject();
        let current = match &self.claim {
            Claim::None => None,
            Claim::Opening(id) | Claim::Busy(id) | Claim::Held(id) => Some(id.as_str()),
        };
        if wanted != current {
            self.claim = wanted.map_or(Claim::None, |id| Claim::Opening(id.to_string()));
            self.claim_round = self.claim_round.wrapping_add(1);
        }
    }

    /// What the App's claim effect works on: the id to hold, and the claim's round.
    pub fn claim_key(&self) -> Option<(String, u32)> {
        match &self.claim {
            Claim::None => None,
            Claim::Opening(id) | Claim::Busy(id) | Claim::Held(id) => {
                Some((id.clone(), self.claim_round))
            }
        }
    }

    /// Whether this window holds `id` and may write it.
    pub fn holds(&self, id: &str) -> bool {
        matches!(&self.claim, Claim::Held(h) if h == id)
    }

    /// Now held, with the store as read right after: the page is shown again from it, as a
    /// reload would show it.
    pub(super) fn claimed(&mut self, dump: &Dump) {
        let Some(id) = self.page.subject().map(str::to_string) else {
            return;
        };
        self.refresh(dump);
        self.claim = Claim::Held(id.clone());
        let session = self.session(&id).map(|s| s.status());
        let takes_ballots = self.session(&id).is_some_and(|s| s.log.takes_ballots());
        let voting = dump.voting.as_deref() == Some(id.as_str());
        match self.page.clone() {
            // Not read (the later chunk could not be fetched): nothing about it can be
            // decided, and its page (the voter screen too) stays until the chunk is there.
            _ if self.records_unread => {}
            // Still the device's voter screen (not left with the PIN in another window).
            Page::Vote(_) if takes_ballots && voting => {
                // A voter's marks on this session stay (a write refused as changed is
                // tried again); anything else starts from a fresh ballot.
                if self.draft.as_ref().is_none_or(|d| d.session != id) {
                    self.start_voting(&id);
                }
            }
            Page::Manage(_) if session.is_some() => {}
            Page::Results(_) | Page::Exchange(Some(_)) if session == Some(Status::Closed) => {}
            Page::Results(_) if self.unsaved_close.as_ref() == Some(&id) => {}
            Page::Results(_) | Page::Exchange(Some(_)) if session.is_some() => {
                self.page = Page::Manage(id.clone());
            }
            Page::Count(_) if self.count(&id).is_some() => {
                let keep = (self.counting.as_ref()).is_some_and(|c| c.count == id)
                    && self.pending.is_none();
                if !keep {
                    self.open_count(&id);
                }
            }
            _ => {
                // Gone, or closed under the voter screen: nothing of it is shown any more.
                self.draft = None;
                self.counting = None;
                self.page = Page::Home;
            }
        }
        self.sync_claim();
        // Still shown and held (not gone, nor closed under the voter screen): its checkpoint.
        if self.holds(&id) {
            self.check_sum(dump, &id);
        }
    }

    /// Whether something shown could not be read without the later chunk (fetched after it
    /// failed): a card not read, or the session or count held not counted. The App reads
    /// the store again once the chunk is there ([`StoreEvent::Reread`]).
    pub fn unread(&self) -> bool {
        let held = match &self.claim {
            Claim::Held(id) => Some(id.as_str()),
            _ => None,
        };
        let session = |s: &Session| match s.ballots {
            Ballots::Unread => true,
            Ballots::Summed(_) => held == Some(s.id()),
            Ballots::Counted { .. } => false,
        };
        let count = |c: &Count| match c.replay {
            Replay::Unread => true,
            Replay::Summed(_) => held == Some(c.id()),
            Replay::Replayed(_) => false,
        };
        self.records_unread || self.sessions.iter().any(session) || self.counts.iter().any(count)
    }

    /// Claims the page's session or count again: it is shown as the store has it.
    fn reclaim(&mut self) {
        self.claim_round = self.claim_round.wrapping_add(1);
        if let Some(id) = self.page.subject() {
            self.claim = Claim::Opening(id.to_string());
        }
    }

    /// A ballot or count step the store has taken, counted into (or applied to) the session
    /// or count it was written to, with the same check as when it was decided on and as
    /// when it is read back. Reduced by code in the later chunk (`later::stored`), where
    /// reading ballots and steps is. `false` when it could not be: the window then reads
    /// the session or count again.
    pub(crate) fn stored_in_log(&mut self, write: &Write) -> bool {
        match write {
            Write::Ballot {
                session, ballot, ..
            } => {
                let Some(s) = self.session_mut(session) else {
                    return false;
                };
                let (spec, template) = (s.record.spec.clone(), Rc::clone(&s.template));
                let Ballots::Counted { tally, records } = &mut s.ballots else {
                    return false;
                };
                spec.count_into(&template, tally, ballot);
                *records = records.saturating_add(1);
                true
            }
            Write::CountEntry {
                count, key, entry, ..
            } => {
                let Some(c) = self.count_mut(count) else {
                    return false;
                };
                let template = Rc::clone(&c.template);
                let Replay::Replayed(r) = &mut c.replay else {
                    return false;
                };
                r.next_key = key.saturating_add(1);
                r.log.apply(&template, entry.clone()).is_ok()
            }
            _ => false,
        }
    }

    /// The held session's or count's checkpoint against its records, read and counted now:
    /// written anew unless it agrees, and a stored one that disagrees (or is damaged) is
    /// reported. The records win: they are what every page of it shows.
    fn check_sum(&mut self, dump: &Dump, id: &str) {
        let (recount, stored, after) = if let Some(s) = self.session(id) {
            // Only ballots read and counted say what its checkpoint must be.
            let Ballots::Counted { tally, records } = &s.ballots else {
                return;
            };
            let stored = checkpoint::session(&dump.checkpoints, id);
            (
                Sum::Session(SessionSum::new(*records, tally.total())),
                stored.map(Sum::Session),
                s.next_event,
            )
        } else if let Some((_, r)) = self.replayed(id) {
            let stored = checkpoint::count(&dump.checkpoints, id);
            (Sum::Count(r.sum()), stored.map(Sum::Count), r.next_key)
        } else {
            return;
        };
        if stored == Some(recount) || !dump.read_in_full(id) {
            return;
        }
        let was_there = (dump.checkpoints.iter()).any(|(k, _)| k == id);
        self.resummed |= was_there;
        self.request(Write::Checkpoint {
            id: id.to_string(),
            sum: recount,
            after,
        });
    }

    /// The built-in samples first among the templates offered, before the library's.
    pub(super) fn built_in(&mut self, samples: Vec<Template>) {
        let mut entries: Vec<Entry> = (samples.into_iter())
            .map(|t| Entry::new(t.spec().title.clone(), t))
            .collect();
        let n = entries.len();
        entries.extend(self.templates[self.built_in..].iter().cloned());
        self.templates = Rc::new(entries);
        self.built_in = n;
    }

    /// Whether the built-in samples are among the templates offered (they are read with
    /// the store, by code in the later chunk).
    pub fn has_built_in(&self) -> bool {
        self.built_in > 0
    }

    /// The templates offered for new sessions and counts: the samples, then the library's
    /// newest revisions saved ready that pass their checks (`offered`, read with the store;
    /// `unreadable` records of it could not be). Returns `unreadable`.
    pub(super) fn library(&mut self, offered: Vec<(String, Template)>, unreadable: usize) -> usize {
        let mut entries: Vec<Entry> = self.templates[..self.built_in].to_vec();
        entries.extend(offered.into_iter().map(|(name, t)| Entry::new(name, t)));
        self.templates = Rc::new(entries);
        unreadable
    }

    /// Asks for `write`. A write of a session's or count's records only while this window
    /// holds it (the pages offer nothing that writes otherwise; this is the last word).
    pub(super) fn request(&mut self, write: Write) {
        let of = match &write {
            Write::Ballot { session: id, .. }
            | Write::Event { session: id, .. }
            | Write::CountEntry { count: id, .. }
            | Write::Checkpoint { id, .. } => Some(id.as_str()),
            // The device's own settings: the voter screen itself waits for its claim.
            Write::Session(_) | Write::Count(_) | Write::Voting(_) | Write::PinGuard(_) => None,
        };
        if of.is_some_and(|id| !self.holds(id)) {
            self.notice = Some(StoreError::Elsewhere);
            return;
        }
        self.write_seq = self.write_seq.wrapping_add(1);
        self.pending = Some(Pending {
            seq: self.write_seq,
            write,
            reset_pin_guard: false,
        });
    }

    pub(super) fn written(&mut self, seq: u32, result: Result<(), StoreError>) {
        let Some(pending) = self.pending.take_if(|p| p.seq == seq) else {
            return;
        };
        // A ballot or count step stored is counted into what the window shows by code in the
        // later chunk (loaded: only its steps ask for these writes).
        let shown = match (&pending.write, &result) {
            (Write::Ballot { .. } | Write::CountEntry { .. }, Ok(())) => {
                crate::app::later::stored(self, &pending.write)
            }
            _ => true,
        };
        if !shown || matches!(result, Err(StoreError::Elsewhere | StoreError::Changed)) {
            // The state this write was decided on is not the store's (or what the window
            // shows could not follow it): claim the page's session or count again, and show
            // it as the store has it.
            self.reclaim();
        }
        match (pending.write, result) {
            (Write::PinGuard(counted), _) => self.pin_counted(counted),
            (Write::Ballot { session, .. }, Ok(())) => {
                if let Some(s) = self.session(&session) {
                    let template = Rc::clone(&s.template);
                    if let Some(d) = self.draft.as_mut() {
                        // Wipe the marks at once: nothing of this voter's stays.
                        d.ballot = Ballot::empty(&template, None);
                        d.stage = Stage::Recorded;
                        d.refusal = None;
                        d.held.clear();
                    }
                }
            }
            (Write::Ballot { session, .. }, Err(_)) => {
                if let Some(s) = self.session_mut(&session) {
                    s.failures = s.failures.saturating_add(1);
                }
                if let Some(d) = self.draft.as_mut() {
                    d.stage = Stage::NotRecorded;
                }
            }
            (Write::Session(record), Ok(())) => {
                if let Some(template) = crate::app::later::parse(&record.template) {
                    let id = record.id.clone();
                    let ballots = Ballots::Counted {
                        tally: Tally::empty(&template),
                        records: 0,
                    };
                    let stored = StoredSession {
                        tally: Tally::empty(&template),
                        records: 0,
                        record: (*record).clone(),
                        template,
                        log: SessionLog::default(),
                        next_event: 0,
                    };
                    let session = Session::new(stored, ballots);
                    Rc::make_mut(&mut self.sessions).insert(0, session);
                    self.page = Page::Manage(id);
                }
            }
            (
                Write::Event {
                    session,
                    seq,
                    event,
                },
                Ok(()),
            ) => {
                if let Some(s) = self.session_mut(&session) {
                    s.log.push(event);
                    s.next_event = seq.saturating_add(1);
                }
                if event.kind == EventKind::Closed {
                    // Closing is followed by the count, as at the meeting.
                    self.unsaved_close = None;
                    self.notice = None;
                    self.page = Page::Results(session);
                } else if event.kind == EventKind::Deleted {
                    self.page = Page::Home;
                }
            }
            (
                Write::Event {
                    session,
                    event:
                        SessionEvent {
                            kind: EventKind::Closed,
                            ..
                        },
                    ..
                },
                Err(StoreError::Full),
            ) => {
                // A full disk stores no more ballots either: the count stands as stored, and
                // the meeting sees it. The page says the close is not stored yet and offers
                // to store it once there is room; until then no voting starts again here.
                if self.unsaved_close.is_some() {
                    // Tried again, still full: said again.
                    self.notice = Some(StoreError::Full);
                }
                self.unsaved_close = Some(session.clone());
                self.page = Page::Results(session);
            }
            (Write::Voting(Some(id)), Ok(())) => self.start_voting(&id),
            (Write::Voting(None), result) => {
                // Leaving even if the marker could not be cleared: a reload then shows the
                // voter screen again, which is the safe side.
                self.notice = result.err();
                if let Some(d) = self.draft.take() {
                    self.page = Page::Manage(d.session);
                }
            }
            (Write::Session(_) | Write::Event { .. } | Write::Voting(Some(_)), Err(e)) => {
                self.notice = Some(e);
            }
            // Derived: whatever its outcome, the records stand, and the next write of the log
            // (or the next time it is opened) stores it again.
            (Write::Checkpoint { .. }, _) => {}
            (write @ (Write::Count(_) | Write::CountEntry { .. }), result) => {
                self.count_written(write, result)
            }
        }
    }

    pub(super) fn on_store(&mut self, e: StoreEvent) -> bool {
        match e {
            StoreEvent::Loaded(Ok(dump)) => self.loaded(dump),
            StoreEvent::Loaded(Err(e)) => self.load = Load::Failed(e),
            StoreEvent::ClaimBusy { round } => match &self.claim {
                Claim::Opening(id) if round == self.claim_round => {
                    self.claim = Claim::Busy(id.clone())
                }
                _ => return false,
            },
            StoreEvent::Claimed { round, dump } => {
                if round != self.claim_round || self.pending.is_some() {
                    return false;
                }
                match dump {
                    Ok(dump) => self.claimed(&dump),
                    Err(e) => self.load = Load::Failed(e),
                }
            }
            StoreEvent::Reread(dump) => {
                if self.pending.is_some() {
                    return false;
                }
                match dump {
                    // Still held: read as a claim reads it (and its checkpoint checked).
                    Ok(dump) if matches!(self.claim, Claim::Held(_)) => self.claimed(&dump),
                    Ok(dump) => {
                        self.refresh(&dump);
                        self.resume_voting();
                    }
                    Err(e) => self.load = Load::Failed(e),
                }
            }
            StoreEvent::Samples => match crate::app::later::samples() {
                Some(samples) if !self.has_built_in() && !samples.is_empty() => {
                    self.built_in(samples)
                }
                _ => return false,
            },
            StoreEvent::Written { seq, result } => self.written(seq, result),
            StoreEvent::Notice(e) => self.notice = Some(e),
            StoreEvent::DismissNotice => self.notice = None,
            StoreEvent::DismissResummed => self.resummed = false,
            StoreEvent::UpdateReady => self.update_ready = true,
        }
        true
    }
}
