//! The app's one state and its pure reducer. Nothing here touches the browser.
//!
//! Storage is a command, not a side effect: an action that must be stored (a ballot, a new
//! session, an organiser action) puts a [`Write`] in `pending`; an effect in `App` performs
//! it and reports back with [`Action::Written`]. Only then does the state show the result:
//! a ballot is counted and acknowledged, a session is closed, after it is on disk.
//!
//! Secrecy: the voter screen (`Page::Vote`) is left only through the PIN; a recorded
//! ballot's marks are wiped from the state at once; nothing on the voter screen shows
//! counts.

mod paper;

use std::rc::Rc;

use ballot_core::ballot::DeclaredVoid;
use ballot_core::count::{CountEntry, CountRecord};
use ballot_core::form::{SessionError, SessionField};
use ballot_core::pin::{Kdf, Pin, PinCheck, PinGuard};
use ballot_core::session::{
    CategoryRule, EventKind, SessionEvent, SessionLog, SessionRecord, SessionSpec, Status,
    StoredSession, Turnout,
};
use ballot_core::{fingerprint, Ballot, Lang, MarkRefused, Tally, Template};
use yew::Reducible;

pub use paper::{
    key_for, key_index, marks_before, Count, CountAsk, CountForm, Counting, FiguresForm,
    FiguresProblem, PadAction, PadProblem,
};

pub use ballot_ui::idb::StoreError;

/// What the store holds, as raw (key, JSON) pairs per object store, each in key order.
/// Reading it is pure ([`AppState::loaded`]) so a damaged record is tested natively.
#[derive(Debug, Default)]
pub struct Dump {
    pub sessions: Vec<(String, String)>,
    pub events: Vec<(String, String)>,
    pub ballots: Vec<(String, String)>,
    /// The session this device was showing voters (the `device` store's marker).
    pub voting: Option<String>,
    /// Wrong PINs on this device (the `device` store's `pin`).
    pub pin_guard: Option<String>,
    pub counts: Vec<(String, String)>,
    pub count_entries: Vec<(String, String)>,
    /// The library's templates offered for sessions and counts: (name, template JSON), the
    /// newest ready revision of each (picked by `idb.js`).
    pub templates: Vec<(String, String)>,
    /// The app was opened with a shared template link: the studio offers it.
    pub shared_link: bool,
    /// Library records that failed their checksum or do not parse (`idb.js` leaves them
    /// out above; the studio's data page names them). Damaged session and count records
    /// come in their place with no data, and their readers name them.
    pub corrupt: usize,
}

/// A template the device offers for new sessions: a built-in sample or a library template.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The library's name for it (a sample's is its title).
    pub name: String,
    pub template: Rc<Template>,
    pub fingerprint: String,
}

impl Entry {
    pub fn new(name: String, template: Template) -> Entry {
        Entry {
            name,
            fingerprint: fingerprint(&template),
            template: Rc::new(template),
        }
    }
}

/// One voting session with what is derived from its records.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub record: Rc<SessionRecord>,
    pub template: Rc<Template>,
    pub fingerprint: String,
    pub log: SessionLog,
    pub tally: Tally,
    /// Ballots the store refused since the app started: the organiser is told.
    pub failures: u32,
    /// The number the next event is stored under: one past the highest stored, damaged
    /// records included, so a key is never tried twice.
    pub next_event: u32,
}

impl From<StoredSession> for Session {
    fn from(s: StoredSession) -> Session {
        Session {
            fingerprint: fingerprint(&s.template),
            tally: s.tally,
            template: Rc::new(s.template),
            record: Rc::new(s.record),
            log: s.log,
            failures: 0,
            next_event: s.next_event,
        }
    }
}

impl Session {
    pub fn id(&self) -> &str {
        &self.record.id
    }

    pub fn spec(&self) -> &SessionSpec {
        &self.record.spec
    }

    pub fn status(&self) -> Status {
        self.log.status()
    }

    /// The category every ballot of this session carries, when it is fixed.
    pub fn fixed_category(&self) -> Option<&str> {
        match self.spec().category {
            CategoryRule::Fixed { index } => self
                .template
                .categories()
                .get(usize::from(index))
                .map(String::as_str),
            _ => None,
        }
    }

    pub fn turnout(&self) -> Turnout {
        let (due, present) = self.log.attendance(&self.record.spec);
        Turnout {
            filled: self.tally.total(),
            issued: self.log.issued(&self.record.spec),
            due,
            present,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Load {
    Loading,
    Ready,
    Failed(StoreError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    NewSession,
    /// The organiser's view of one session: state, counts, actions (no results).
    Manage(String),
    /// The voter screen of one session.
    Vote(String),
    /// The tally of one session; reached only through the PIN.
    Results(String),
    NewCount,
    /// The counting screen of one paper count.
    Count(String),
    /// The template studio (library, editor, sharing, printed forms), a module on demand.
    Templates,
    /// The results desk (send, merge, cross-check), in the same module; with the session
    /// whose results it was opened from (behind its PIN).
    Exchange(Option<String>),
    /// This device's data, in the same module: every damaged record named, backup and
    /// restore.
    Data,
}

impl Page {
    /// The one session or count this page shows, which this window must hold.
    pub fn subject(&self) -> Option<&str> {
        match self {
            Page::Manage(id)
            | Page::Vote(id)
            | Page::Results(id)
            | Page::Count(id)
            | Page::Exchange(Some(id)) => Some(id),
            _ => None,
        }
    }
}

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
    /// ballot not recorded. Such a ballot is cleared when left unattended.
    pub fn unattended_matters(&self, session: &Session) -> bool {
        matches!(self.stage, Stage::Review | Stage::NotRecorded)
            || (matches!(self.stage, Stage::Filling)
                && (!self.ballot.has_no_marks()
                    || !self.held.is_empty()
                    || session.spec().voters_choose()))
    }
}

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

/// One thing to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// `after`: the session's log as the reducer saw it (its `next_event`), checked in the
    /// write's own transaction.
    Ballot {
        session: String,
        ballot: Ballot,
        after: u32,
    },
    Session(Rc<SessionRecord>),
    Event {
        session: String,
        seq: u32,
        event: SessionEvent,
    },
    Count(Rc<CountRecord>),
    /// One step of a count's log, stored under `<count>/<key, 8 digits>`.
    CountEntry {
        count: String,
        key: u32,
        entry: CountEntry,
    },
    /// Wrong PINs on this device, stored before the answer is shown.
    PinGuard(PinGuard),
    /// The device shows voters this session (`Some`) or no longer (`None`). Stored as
    /// durably as a ballot, so a reload or a crash comes back to a fresh ballot, never to
    /// the organiser's screens.
    Voting(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Matches the report to the write, so a late report cannot apply to a newer write.
    pub seq: u32,
    pub write: Write,
    /// After the write: the device's wrong PINs are cleared (a right PIN was entered).
    pub reset_pin_guard: bool,
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

/// Whether this window holds the session or count its page shows. A page of one session or
/// count (see [`Page::subject`]) shows it, and offers what writes, only while this window
/// holds it; the App's effect claims it device-wide (Web Locks, `idb.js`), re-reads the
/// store and reports [`Action::Claimed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The page shows no one session or count.
    None,
    Opening(String),
    /// Another window holds it; this one waits for it to let go.
    Busy(String),
    Held(String),
}

/// What the organiser typed into the new-session form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionForm {
    pub template: usize,
    pub area: String,
    pub branch: String,
    pub category: Option<CategoryRule>,
    /// 应到 and 实到, as a paper count takes them; empty: not known yet.
    pub due: String,
    pub present: String,
    pub issued: String,
    /// Minutes before an unattended ballot is cleared; empty: the default.
    pub idle: String,
    pub pin: String,
    pub pin_repeat: String,
}

/// The whole app state. Compared by identity (see the `PartialEq` impl below).
#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    pub load: Load,
    /// The built-in samples, then the library's ready templates.
    pub templates: Rc<Vec<Entry>>,
    /// How many of `templates` are built in.
    built_in: usize,
    /// Newest first.
    pub sessions: Rc<Vec<Session>>,
    /// Paper counts, newest first.
    pub counts: Rc<Vec<Count>>,
    pub page: Page,
    pub draft: Option<Draft>,
    /// The counting screen's state, while it is shown.
    pub counting: Option<Counting>,
    /// A step on the count that waits for the counter's yes.
    pub asking: Option<CountAsk>,
    pub prompt: Option<Prompt>,
    pub pending: Option<Pending>,
    write_seq: u32,
    /// Problems with the new-session form, by field.
    pub form_errors: Rc<Vec<(SessionField, SessionError)>>,
    /// An organiser write the store refused, shown until dismissed.
    pub notice: Option<StoreError>,
    /// How many stored records could not be used at start (the home screen says so until
    /// dismissed; the studio's data page names each).
    pub damaged_records: usize,
    /// A newer build of the app is installed and waiting: the home screen offers it.
    pub update_ready: bool,
    /// Wrong PINs on this device (stored), and how many came before the last right one.
    pub pin_guard: PinGuard,
    pub wrong_pins_before: u32,
    /// A session closed with the PIN whose close a full disk refused: its results are shown
    /// (nothing more can be stored anyway), said to be not stored, until the close is.
    pub unsaved_close: Option<String>,
    /// The PIN typed, while its try is being stored, with the question it answers.
    pin_typed: Option<(String, u64, (String, Intent))>,
    /// A PIN the browser is deriving.
    pub deriving: Option<Rc<Deriving>>,
    derive_round: u32,
    /// The browser could not derive a PIN (no WebCrypto): said on the form.
    pub cannot_derive: bool,
    pub claim: Claim,
    /// Bumped to claim the same session or count again (after a write found it changed).
    claim_round: u32,
}

pub enum Action {
    Loaded(Result<Dump, StoreError>),
    /// Another window holds the session or count of claim `round`.
    ClaimBusy {
        round: u32,
    },
    /// This window now holds the session or count of claim `round`, and the store as read
    /// right after.
    Claimed {
        round: u32,
        dump: Result<Dump, StoreError>,
    },
    Templates,
    /// Open the results desk; with a session only from that session's results.
    Exchange(Option<String>),
    GoHome,
    NewSession,
    Manage(String),
    StartVoting(String),
    CreateSession {
        form: SessionForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    },
    /// The PIN of [`AppState::deriving`] round `round`, derived (hex), or `None`: the
    /// browser could not.
    Derived {
        round: u32,
        derived: Option<String>,
    },
    AskPin {
        session: String,
        intent: Intent,
    },
    EnterPin {
        pin: String,
        now_ms: u64,
    },
    CancelPin,
    Written {
        seq: u32,
        result: Result<(), StoreError>,
    },
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
    /// No tap on the voter screen since `activity`: ask 「还在投票吗？」, or, asked already,
    /// discard the ballot (nothing is submitted).
    Idle {
        activity: u32,
    },
    /// The voter answers 「继续投票」.
    StillHere,
    /// Store the close that a full disk refused (the PIN was given for it).
    RetryClose {
        now_ms: u64,
    },
    /// Done filling: show the review.
    Submit,
    /// Back from the review or the not-recorded alert to the form.
    BackToForm,
    /// Confirmed on the review: store it.
    ConfirmSubmit,
    NextVoter,
    /// Open the data page (damage, backup, restore).
    Data,
    UpdateReady,
    /// A problem to show the organiser (a failed write, no random numbers).
    Notice(StoreError),
    DismissNotice,
    NewCount,
    OpenCount(String),
    CreateCount {
        form: CountForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    },
    Pad(PadAction),
    /// 下一张, or 保存更正 while correcting: the pad's ballot as tapped.
    Commit {
        now_ms: u64,
    },
    CommitBlank {
        now_ms: u64,
    },
    CommitVoid {
        reason: DeclaredVoid,
        now_ms: u64,
    },
    Correct(u32),
    CancelCorrection,
    Restore {
        seq: u32,
        now_ms: u64,
    },
    SetFigures {
        form: FiguresForm,
        now_ms: u64,
    },
    Ask(CountAsk),
    Answer {
        yes: bool,
        now_ms: u64,
    },
}

impl AppState {
    /// Before the store has been read.
    pub fn new(templates: Vec<Template>) -> AppState {
        AppState {
            built_in: templates.len(),
            lang: Lang::default(),
            load: Load::Loading,
            templates: Rc::new(
                templates
                    .into_iter()
                    .map(|t| Entry::new(t.spec().title.clone(), t))
                    .collect(),
            ),
            sessions: Rc::new(Vec::new()),
            counts: Rc::new(Vec::new()),
            page: Page::Home,
            draft: None,
            counting: None,
            asking: None,
            prompt: None,
            pending: None,
            write_seq: 0,
            form_errors: Rc::new(Vec::new()),
            notice: None,
            damaged_records: 0,
            update_ready: false,
            pin_guard: PinGuard::default(),
            wrong_pins_before: 0,
            pin_typed: None,
            deriving: None,
            derive_round: 0,
            cannot_derive: false,
            unsaved_close: None,
            claim: Claim::None,
            claim_round: 0,
        }
    }

    /// The fingerprints of the templates this device has recorded ballots with: a session
    /// or a paper count with at least one ballot. The studio keeps those templates frozen.
    pub fn fingerprints_with_ballots(&self) -> Vec<&str> {
        let mut used: Vec<&str> = (self.sessions.iter())
            .filter(|s| s.tally.total() > 0)
            .map(|s| s.fingerprint.as_str())
            .collect();
        used.extend(
            (self.counts.iter())
                .filter(|c| c.log.live_count() > 0)
                .map(|c| c.fingerprint.as_str()),
        );
        used
    }

    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id() == id)
    }

    fn session_mut(&mut self, id: &str) -> Option<&mut Session> {
        Rc::make_mut(&mut self.sessions)
            .iter_mut()
            .find(|s| s.id() == id)
    }

    /// The store's contents read into sessions; whatever cannot be read is counted, skipped
    /// and left in the store untouched.
    fn loaded(&mut self, dump: Dump) {
        self.refresh(&dump);
        self.load = Load::Ready;
        if dump.shared_link {
            self.page = Page::Templates;
        }
        if let Some(id) = dump.voting {
            // A closed or deleted session does not take voters back: the home screen shows.
            // The voter screen wins over a shared link: it is left only with the PIN.
            self.start_voting(&id);
        }
    }

    /// Sessions, counts, templates and the PIN guard as the store holds them now.
    fn refresh(&mut self, dump: &Dump) {
        let (stored, damaged) =
            ballot_core::session::read_stored(&dump.sessions, &dump.events, &dump.ballots);
        let sessions: Vec<Session> = stored.into_iter().map(Session::from).collect();
        let mut damaged = damaged.len() + dump.corrupt;
        self.sessions = Rc::new(sessions);
        self.counts = Rc::new(AppState::loaded_counts(dump, &mut damaged));
        self.damaged_records = damaged;
        self.library(&dump.templates);
        let stored_guard = (dump.pin_guard.as_deref())
            .and_then(|json| serde_json::from_str::<PinGuard>(json).ok())
            .unwrap_or_default();
        // Never fewer wrong PINs than this window already knows of.
        if stored_guard.wrong >= self.pin_guard.wrong {
            self.pin_guard = stored_guard;
        }
    }

    /// The page's session or count claimed anew when the page shows another one.
    fn sync_claim(&mut self) {
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
    fn claimed(&mut self, dump: &Dump) {
        let Some(id) = self.page.subject().map(str::to_string) else {
            return;
        };
        self.refresh(dump);
        self.claim = Claim::Held(id.clone());
        let session = self.session(&id).map(|s| s.status());
        let takes_ballots = self.session(&id).is_some_and(|s| s.log.takes_ballots());
        let voting = dump.voting.as_deref() == Some(id.as_str());
        match self.page.clone() {
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
                self.page = Page::Manage(id);
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
    }

    /// The templates offered for new sessions and counts: the samples, then the library's
    /// that pass their checks.
    fn library(&mut self, offered: &[(String, String)]) {
        let mut entries: Vec<Entry> = self.templates[..self.built_in].to_vec();
        for (name, json) in offered {
            if let Ok(t) = Template::parse(json) {
                entries.push(Entry::new(name.clone(), t));
            }
        }
        self.templates = Rc::new(entries);
    }

    fn fresh_draft(session: &Session) -> Draft {
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
        }
    }

    fn start_voting(&mut self, id: &str) {
        let Some(session) = self.session(id) else {
            return;
        };
        if !session.log.takes_ballots() {
            return;
        }
        self.draft = Some(AppState::fresh_draft(session));
        self.page = Page::Vote(id.to_string());
    }

    /// Asks for `write`. A write of a session's or count's records only while this window
    /// holds it (the pages offer nothing that writes otherwise; this is the last word).
    fn request(&mut self, write: Write) {
        let of = match &write {
            Write::Ballot { session: id, .. }
            | Write::Event { session: id, .. }
            | Write::CountEntry { count: id, .. } => Some(id.as_str()),
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

    /// Leaves a page for an organiser page: never from the voter screen (that needs the
    /// PIN), never while a write is in flight.
    fn go(&mut self, page: Page) {
        if matches!(self.page, Page::Vote(_)) || self.pending.is_some() {
            return;
        }
        self.draft = None;
        self.counting = None;
        self.asking = None;
        self.prompt = None;
        self.notice = None;
        self.wrong_pins_before = 0;
        self.form_errors = Rc::new(Vec::new());
        self.page = page;
    }

    fn create_session(&mut self, form: SessionForm, id: String, salt: [u8; 16], now_ms: u64) {
        let Some(entry) = self.templates.get(form.template) else {
            return;
        };
        // Problems are listed in the form's field order.
        let mut errors = Vec::new();
        let issued = ballot_core::figures::parse_number(&form.issued);
        let due = ballot_core::figures::parse_number(&form.due);
        let present = ballot_core::figures::parse_number(&form.present);
        let rule = form
            .category
            .unwrap_or(if entry.template.categories().is_empty() {
                CategoryRule::None
            } else {
                CategoryRule::VoterChooses
            });
        let idle = ballot_core::figures::parse_number(&form.idle);
        let spec = SessionSpec {
            area: form.area,
            branch: form.branch,
            category: rule,
            issued: *issued.as_ref().unwrap_or(&None),
            due: *due.as_ref().unwrap_or(&None),
            present: *present.as_ref().unwrap_or(&None),
            idle_minutes: *idle.as_ref().unwrap_or(&None),
        }
        .checked(&entry.template);
        let spec = match spec {
            Ok(spec) => Some(spec),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        for (field, n) in [
            (SessionField::Due, due),
            (SessionField::Present, present),
            (SessionField::Issued, issued),
        ] {
            if let Err(e) = n {
                errors.push((field, e));
            }
        }
        if let Err(e) = idle {
            errors.push((SessionField::Idle, e));
        }
        let pin = match Pin::typed(&form.pin, &form.pin_repeat) {
            Ok(pin) => Some(pin),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        self.form_errors = Rc::new(errors);
        let (Some(spec), Some(pin)) = (spec, pin) else {
            return;
        };
        // Stored once the browser has derived the PIN.
        self.derive(
            pin,
            Kdf::new(salt),
            AfterDerive::OpenSession {
                id,
                template: entry.template.canonical_json(),
                spec: Box::new(spec),
                opened_ms: now_ms,
            },
        );
    }

    fn derive(&mut self, pin: String, kdf: Kdf, then: AfterDerive) {
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
    fn derived(&mut self, round: u32, derived: Option<String>) {
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
    fn enter_pin(&mut self, pin: String, now_ms: u64) {
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
    fn pin_counted(&mut self, counted: PinGuard) {
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
    fn pin_checked(&mut self, matches: bool, counted: PinGuard, now_ms: u64) {
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
    fn pin_of(&self, id: &str) -> Option<Pin> {
        match self.session(id) {
            Some(s) => Some(s.record.pin.clone()),
            None => self.count(id).and_then(|c| c.record.pin.clone()),
        }
    }

    fn pin_accepted(&mut self, prompt: Prompt, now_ms: u64) {
        if prompt.intent == Intent::DeleteCount {
            self.prompt = None;
            if self
                .counting
                .as_ref()
                .is_some_and(|c| c.count == prompt.session)
            {
                self.delete_count(now_ms);
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

    fn written(&mut self, seq: u32, result: Result<(), StoreError>) {
        let Some(pending) = self.pending.take_if(|p| p.seq == seq) else {
            return;
        };
        if matches!(result, Err(StoreError::Elsewhere | StoreError::Changed)) {
            // The state this write was decided on is not the store's: claim the page's
            // session or count again, and show it as the store has it.
            self.claim_round = self.claim_round.wrapping_add(1);
            if let Some(id) = self.page.subject() {
                self.claim = Claim::Opening(id.to_string());
            }
        }
        match (pending.write, result) {
            (Write::PinGuard(counted), _) => self.pin_counted(counted),
            (
                Write::Ballot {
                    session, ballot, ..
                },
                Ok(()),
            ) => {
                if let Some(s) = self.session_mut(&session) {
                    let template = Rc::clone(&s.template);
                    // The same check as when it was confirmed and as when it is read back.
                    let spec = s.record.spec.clone();
                    spec.count_into(&template, &mut s.tally, &ballot);
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
                if let Ok(template) = Template::parse(&record.template) {
                    let id = record.id.clone();
                    let session = Session::from(StoredSession {
                        tally: Tally::empty(&template),
                        record: (*record).clone(),
                        template,
                        log: SessionLog::default(),
                        next_event: 0,
                    });
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
            (write @ (Write::Count(_) | Write::CountEntry { .. }), result) => {
                self.count_written(write, result)
            }
        }
    }
}

/// Identity: the reducer returns the same `Rc` when an action changes nothing and a new
/// one otherwise, so two states are the same exactly when they are the same allocation.
/// Yew compares the state each time a page's props are checked; a field-by-field
/// comparison would walk every session and count each time, and cost its code in the wasm.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(Ok(dump)) => s.loaded(dump),
            Action::Loaded(Err(e)) => s.load = Load::Failed(e),
            Action::ClaimBusy { round } => match &s.claim {
                Claim::Opening(id) if round == s.claim_round => s.claim = Claim::Busy(id.clone()),
                _ => return self,
            },
            Action::Claimed { round, dump } => {
                if round != s.claim_round || s.pending.is_some() {
                    return self;
                }
                match dump {
                    Ok(dump) => s.claimed(&dump),
                    Err(e) => s.load = Load::Failed(e),
                }
            }
            Action::Templates => s.go(Page::Templates),
            Action::Data => s.go(Page::Data),
            Action::Exchange(focus) => {
                if focus
                    .as_ref()
                    .is_some_and(|f| s.page != Page::Results(f.clone()))
                {
                    return self;
                }
                s.go(Page::Exchange(focus));
            }
            Action::GoHome => s.go(Page::Home),
            Action::NewSession => s.go(Page::NewSession),
            Action::Manage(id) => s.go(Page::Manage(id)),
            Action::RetryClose { now_ms } => {
                let Some(session) = s.unsaved_close.as_deref().and_then(|id| s.session(id)) else {
                    return self;
                };
                if s.pending.is_some() || !session.log.allows(session.spec(), EventKind::Closed) {
                    return self;
                }
                let write = Write::Event {
                    session: session.id().to_string(),
                    seq: session.next_event,
                    event: SessionEvent {
                        at_ms: now_ms,
                        kind: EventKind::Closed,
                    },
                };
                s.request(write);
            }
            Action::StartVoting(id) => {
                let open = s.session(&id).is_some_and(|x| x.log.takes_ballots())
                    && s.unsaved_close.as_ref() != Some(&id);
                if open && !matches!(s.page, Page::Vote(_)) && s.pending.is_none() {
                    s.prompt = None;
                    s.request(Write::Voting(Some(id)));
                }
            }
            Action::CreateSession {
                form,
                id,
                salt,
                now_ms,
            } => {
                if s.page == Page::NewSession && s.pending.is_none() {
                    s.create_session(form, id, salt, now_ms);
                }
            }
            Action::Derived { round, derived } => s.derived(round, derived),
            Action::AskPin { session, intent } => {
                // Only on the session's own pages, held by this window.
                let guarded = match intent {
                    Intent::DeleteCount => {
                        s.count(&session).is_some_and(|c| c.record.pin.is_some())
                    }
                    _ => s.session(&session).is_some(),
                };
                if s.pending.is_none() && guarded && s.holds(&session) {
                    s.prompt = Some(Prompt {
                        session,
                        intent,
                        answer: PinAnswer::None,
                    });
                }
            }
            Action::EnterPin { pin, now_ms } => {
                if s.pending.is_none() {
                    s.enter_pin(pin, now_ms);
                }
            }
            Action::CancelPin => s.prompt = None,
            Action::Written { seq, result } => s.written(seq, result),
            Action::Notice(e) => s.notice = Some(e),
            Action::DismissNotice => s.notice = None,
            Action::UpdateReady => s.update_ready = true,
            Action::NewCount => s.go(Page::NewCount),
            Action::OpenCount(id) => {
                // Only where `go` allows it: never from the voter screen or mid-write.
                s.go(Page::Count(id.clone()));
                if s.page == Page::Count(id.clone()) {
                    s.open_count(&id);
                }
            }
            Action::CreateCount {
                form,
                id,
                salt,
                now_ms,
            } => {
                if s.page == Page::NewCount && s.pending.is_none() {
                    s.create_count(form, id, salt, now_ms);
                }
            }
            // Steps on the count on screen wait for the last one to be stored.
            action @ (Action::Pad(_)
            | Action::Commit { .. }
            | Action::CommitBlank { .. }
            | Action::CommitVoid { .. }
            | Action::Correct(_)
            | Action::CancelCorrection
            | Action::Restore { .. }
            | Action::SetFigures { .. }
            | Action::Ask(_)
            | Action::Answer { .. }) => {
                // While a question is open, only its answer counts.
                let asking = s.asking.is_some() && !matches!(action, Action::Answer { .. });
                let held = (s.counting.as_ref()).is_some_and(|c| s.holds(&c.count));
                if s.pending.is_some() || !held || asking {
                    return self;
                }
                match action {
                    Action::Pad(p) => s.pad(p),
                    Action::Commit { now_ms } => s.commit(None, now_ms),
                    Action::CommitBlank { now_ms } => s.commit_blank(now_ms),
                    Action::CommitVoid { reason, now_ms } => s.commit_void(reason, now_ms),
                    Action::Correct(seq) => s.correct(seq),
                    Action::CancelCorrection => s.cancel_correction(),
                    Action::Restore { seq, now_ms } => s.restore(seq, now_ms),
                    Action::SetFigures { form, now_ms } => s.set_figures(form, now_ms),
                    Action::Ask(ask) => s.asking = Some(ask),
                    Action::Answer { yes, now_ms } => s.answer(yes, now_ms),
                    _ => {}
                }
            }
            Action::Idle { activity } => {
                let Some(d) = s.draft.as_ref() else {
                    return self;
                };
                let Some(session) = s.session(&d.session) else {
                    return self;
                };
                if d.activity != activity || !d.unattended_matters(session) {
                    return self;
                }
                let discard = d.asked_idle;
                let fresh = AppState::fresh_draft(session);
                let Some(d) = s.draft.as_mut() else {
                    return self;
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
            Action::NextVoter => {
                let fresh = s
                    .draft
                    .as_ref()
                    .filter(|d| d.stage == Stage::Recorded)
                    .and_then(|d| s.session(&d.session))
                    .map(AppState::fresh_draft);
                if fresh.is_some() {
                    s.draft = fresh;
                }
            }
            Action::ConfirmSubmit => {
                let Some(d) = s.draft.as_ref() else {
                    return self;
                };
                let Some(session) = s.session(&d.session) else {
                    return self;
                };
                // Never a ballot the store's reader would refuse, nor into a session this
                // window does not hold or that is closed.
                let fits = session.log.takes_ballots()
                    && session.spec().admits(&session.template, &d.ballot);
                if d.stage != Stage::Review || s.pending.is_some() || !fits || !s.holds(&d.session)
                {
                    return self;
                }
                let write = Write::Ballot {
                    session: d.session.clone(),
                    ballot: d.ballot.clone(),
                    after: session.next_event,
                };
                if let Some(d) = s.draft.as_mut() {
                    d.stage = Stage::Storing;
                }
                s.request(write);
            }
            action => {
                let sessions = Rc::clone(&s.sessions);
                let Some(draft) = s.draft.as_mut() else {
                    return self;
                };
                let Some(session) = sessions.iter().find(|x| x.id() == draft.session) else {
                    return self;
                };
                reduce_draft(draft, session, action);
            }
        }
        s.sync_claim();
        Rc::new(s)
    }
}

/// The voter's actions on their own ballot.
fn reduce_draft(d: &mut Draft, session: &Session, action: Action) {
    let t: &Template = &session.template;
    let editable = matches!(d.stage, Stage::Filling | Stage::NotRecorded);
    // Any tap of the voter restarts the idle timer and answers 「还在投票吗？」.
    d.activity = d.activity.wrapping_add(1);
    d.asked_idle = false;
    match action {
        Action::ChooseCategory(c) => {
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
        Action::ToggleCandidate { section, candidate } if editable => {
            d.refusal = d
                .ballot
                .toggle_candidate(t, section, candidate)
                .err()
                .map(|r| (section, r));
            d.retry_held(t);
            d.stage = Stage::Filling;
        }
        Action::SetWriteIn {
            section,
            slot,
            text,
        } if editable => {
            // The cell is changed: what it held is replaced by what is typed now.
            d.held.retain(|h| (h.section, h.slot) != (section, slot));
            d.refusal = None;
            match d.ballot.set_write_in(t, section, slot, &text) {
                Ok(()) => d.retry_held(t),
                // Refused: the cell keeps the text and shows why; on the ballot the cell is
                // empty (a write-in that does not count is not on the ballot).
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
        Action::Rate {
            section,
            item,
            level,
        } if editable => {
            d.ballot.rate(t, section, item, level);
            d.refusal = None;
            d.stage = Stage::Filling;
        }
        Action::Submit if editable => {
            d.refusal = None;
            d.stage = Stage::Review;
        }
        Action::BackToForm if matches!(d.stage, Stage::Review | Stage::NotRecorded) => {
            d.stage = Stage::Filling
        }
        _ => {}
    }
}

#[cfg(test)]
mod harness;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
