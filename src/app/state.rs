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

mod actions;
mod navigation;
mod paper;
mod pin;
mod sessions;
mod store;
mod voting;

pub use pin::{AfterDerive, Deriving, Intent, PinAnswer, Prompt};
pub use voting::{Draft, Stage};

use std::rc::Rc;

use ballot_core::checkpoint::{self, CountSum, SessionSum};
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
    count_sum, key_for, key_index, marks_before, CameraDraft, Count, CountAsk, CountForm, Counting,
    FiguresForm, FiguresProblem, PadAction, PadProblem, Replay, Replayed,
};

pub use actions::{Action, CountAction, Go, PinAction, SessionAction, StoreEvent, VoteAction};
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
    /// Every checkpoint (`ballot_core::checkpoint`), key order.
    pub checkpoints: Vec<(String, String)>,
    /// The sessions and counts whose ballots or log entries were read (above); the others'
    /// are not in it and are shown from their checkpoints. Every one whose checkpoint
    /// cannot be used is among them ([`Dump::lacking`]).
    pub full: Vec<String>,
    /// The template library's records (`ballot_core::library::LibraryRecord`): the app
    /// offers the newest ready revision of each ([`ballot_core::library::offered`]).
    pub templates: Vec<(String, String)>,
    /// The app was opened with a shared template link: the studio offers it.
    pub shared_link: bool,
    /// Library records that failed their checksum (`idb.js` leaves them out above; the
    /// studio's data page names them). Damaged session and count records come in their
    /// place with no data, and their readers name them.
    pub corrupt: usize,
}

impl Dump {
    /// Whether the ballots or log entries of `id` were read.
    pub fn read_in_full(&self, id: &str) -> bool {
        self.full.iter().any(|f| f == id)
    }

    /// Whether it holds nothing that needs the later chunk's code to be read: no session,
    /// count, library template or log (a fresh device).
    pub fn is_bare(&self) -> bool {
        self.sessions.is_empty()
            && self.counts.is_empty()
            && self.templates.is_empty()
            && self.full.is_empty()
    }

    /// The sessions and counts whose records must be read too: not read, and with no
    /// checkpoint this app can use (none written yet, damaged, another version). The
    /// reader (`db::load`, and the tests' device) reads them and adds them to `full`.
    pub fn lacking(&self) -> Vec<String> {
        let mut out: Vec<String> = ids(&self.sessions)
            .into_iter()
            .filter(|id| checkpoint::session(&self.checkpoints, id).is_none())
            .collect();
        out.extend(
            (ids(&self.counts).into_iter())
                .filter(|id| checkpoint::count(&self.checkpoints, id).is_none()),
        );
        out.retain(|id| !self.read_in_full(id));
        out
    }

    /// The logs of `ids`, read after the rest (their records in key order).
    pub fn add_logs(
        &mut self,
        ids: Vec<String>,
        ballots: Vec<(String, String)>,
        count_entries: Vec<(String, String)>,
    ) {
        self.ballots.extend(ballots);
        self.count_entries.extend(count_entries);
        self.full.extend(ids);
    }
}

/// The ids of the headers in `records`: every id with a header or a copy of it (`<id>`,
/// `<id>/copy`, adjacent in key order), so one read from its copy alone is not left out.
pub(super) fn ids(records: &[(String, String)]) -> Vec<String> {
    let mut ids: Vec<String> = (records.iter())
        .map(|(k, _)| k.split('/').next().unwrap_or_default().to_string())
        .collect();
    ids.dedup();
    ids
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
    pub ballots: Ballots,
    /// Ballots the store refused since the app started: the organiser is told.
    pub failures: u32,
    /// The number the next event is stored under: one past the highest stored, damaged
    /// records included, so a key is never tried twice.
    pub next_event: u32,
}

/// What this window knows of a session's ballots.
#[derive(Debug, Clone, PartialEq)]
pub enum Ballots {
    /// Read and counted: the session is open in this window (or its checkpoint could not be
    /// used). The only state in which its ballots are shown beyond its card, or added to.
    Counted { tally: Tally, records: u32 },
    /// Only their checkpoint, for its card on the home screen (`ballot_core::checkpoint`).
    Summed(SessionSum),
    /// Neither: its checkpoint cannot be used and the code that counts ballots (in the later
    /// chunk, `app::later`) could not be fetched. Its card says so; it is never opened so.
    Unread,
}

impl Session {
    /// A session as stored, with what this window knows of its ballots.
    pub fn new(s: StoredSession, ballots: Ballots) -> Session {
        Session {
            fingerprint: fingerprint(&s.template),
            ballots,
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

    /// Its ballots counted, when this window has read them.
    pub fn tally(&self) -> Option<&Tally> {
        match &self.ballots {
            Ballots::Counted { tally, .. } => Some(tally),
            Ballots::Summed(_) | Ballots::Unread => None,
        }
    }

    /// What its ballots add up to (its checkpoint), when known.
    pub fn sum(&self) -> Option<SessionSum> {
        match &self.ballots {
            Ballots::Counted { tally, records } => Some(SessionSum::new(*records, tally.total())),
            Ballots::Summed(sum) => Some(*sum),
            Ballots::Unread => None,
        }
    }

    /// Its figures, with the ballots filled in as far as they are known (none when they are
    /// not: `sum` says whether).
    pub fn turnout(&self) -> Turnout {
        let (due, present) = self.log.attendance(&self.record.spec);
        Turnout {
            filled: self.sum().map_or(0, |s| s.filled),
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

/// One thing to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// `after`: the session's log as the reducer saw it (its `next_event`), checked in the
    /// write's own transaction.
    /// `sum`: the session's ballots with this one, stored with it (its checkpoint).
    Ballot {
        session: String,
        ballot: Ballot,
        after: u32,
        sum: SessionSum,
    },
    Session(Rc<SessionRecord>),
    Event {
        session: String,
        seq: u32,
        event: SessionEvent,
    },
    Count(Rc<CountRecord>),
    /// One step of a count's log, stored under `<count>/<key, 8 digits>`, with what the
    /// log adds up to after it (its checkpoint).
    CountEntry {
        count: String,
        key: u32,
        entry: CountEntry,
        sum: CountSum,
    },
    /// A session's or count's checkpoint written anew: the one stored could not be used or
    /// disagreed with its records, read and counted when this window claimed it.
    Checkpoint {
        id: String,
        sum: Sum,
        /// As a write of its log is guarded (see `Ballot`, `CountEntry`).
        after: u32,
    },
    /// Wrong PINs on this device, stored before the answer is shown.
    PinGuard(PinGuard),
    /// The device shows voters this session (`Some`) or no longer (`None`). Stored as
    /// durably as a ballot, so a reload or a crash comes back to a fresh ballot, never to
    /// the organiser's screens.
    Voting(Option<String>),
}

/// A first checkpoint for a session or count stored without one, counted from its log as
/// read at start: stored only if it still has none and its log still holds `records` records
/// (`idb::seed`), so the next start reads its checkpoint and not its log. Derived data: the
/// App's effect stores it without a write of the reducer's, whatever the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    pub id: String,
    pub sum: Sum,
    /// `ballots` or `count_entries`.
    pub log: &'static str,
    pub records: u32,
}

/// A checkpoint of either kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sum {
    Session(SessionSum),
    Count(CountSum),
}

impl Sum {
    /// As stored.
    pub fn encode(&self) -> String {
        match self {
            Sum::Session(s) => s.encode(),
            Sum::Count(c) => c.encode(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Matches the report to the write, so a late report cannot apply to a newer write.
    pub seq: u32,
    pub write: Write,
    /// After the write: the device's wrong PINs are cleared (a right PIN was entered).
    pub reset_pin_guard: bool,
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
    /// 测试模式: a rehearsal on the tablets.
    pub test: bool,
}

/// The whole app state. Compared by identity (see the `PartialEq` impl below).
#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    /// 长辈版 (large text): the device's way of showing, not a record. The App applies and
    /// remembers it (`ballot_ui::prefs`); it starts as the device last chose.
    pub large: bool,
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
    /// A session or count opened in this window had a stored checkpoint that disagreed
    /// with its records (damaged, or changed by hand): the home screen says so until
    /// dismissed. Its records are what is shown.
    pub resummed: bool,
    /// First checkpoints to store for what the last read found without one.
    pub seeds: Rc<Vec<Seed>>,
    /// The store holds sessions, counts or library templates, and the code that reads
    /// them (in the later chunk) could not be fetched: the home screen says so.
    pub records_unread: bool,
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

impl AppState {
    /// Before the store has been read.
    pub fn new(templates: Vec<Template>) -> AppState {
        let mut s = AppState {
            built_in: 0,
            lang: Lang::default(),
            large: false,
            load: Load::Loading,
            templates: Rc::new(Vec::new()),
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
            resummed: false,
            seeds: Rc::new(Vec::new()),
            records_unread: false,
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
        };
        if !templates.is_empty() {
            s.built_in(templates);
        }
        s
    }

    /// The fingerprints of the templates this device has recorded ballots with: a session
    /// or a paper count with at least one ballot. The studio keeps those templates frozen.
    pub fn fingerprints_with_ballots(&self) -> Vec<&str> {
        let mut used: Vec<&str> = (self.sessions.iter())
            // Not known: kept frozen, the safe side.
            .filter(|s| s.sum().is_none_or(|s| s.filled > 0))
            .map(|s| s.fingerprint.as_str())
            .collect();
        used.extend(
            (self.counts.iter())
                .filter(|c| c.sum().is_none_or(|s| s.live > 0))
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
}

/// Identity: the reducer returns the same `Rc` when an action changes nothing and a new
/// one otherwise, so two states are the same exactly when they are the same allocation.
/// Yew compares the state each time a page's props are checked; a field-by-field
/// comparison would walk every session and count each time, and cost its code in the wasm
/// (2.2 KB brotli on the first load, measured: docs/size.md).
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let changed = match action {
            Action::Store(e) => s.on_store(e),
            Action::Go(page) => s.on_go(page),
            Action::Pin(a) => s.on_pin(a),
            Action::Session(a) => s.on_session(a),
            Action::Large(on) => std::mem::replace(&mut s.large, on) != on,
            // The voter screen's and the counting pad's steps are reduced by code in the
            // later chunk: only their pages, drawn by it, send them (`app::later`).
            Action::Vote(a) => crate::app::later::vote(&mut s, a),
            Action::Count(a) => crate::app::later::count(&mut s, a),
        };
        if !changed {
            return self;
        }
        s.sync_claim();
        Rc::new(s)
    }
}

// Each concern's reducer: `false` when the action changes nothing (the reducer then
// returns the same state, see `PartialEq for AppState`).
impl AppState {
    pub(crate) fn on_count(&mut self, a: CountAction) -> bool {
        if let CountAction::Create {
            form,
            id,
            salt,
            now_ms,
        } = a
        {
            if self.page == Page::NewCount && self.pending.is_none() {
                self.create_count(form, id, salt, now_ms);
            }
            return true;
        }
        // Steps on the count on screen wait for the last one to be stored; while a question
        // is open, only its answer counts. A tap on the pad changes only the pad, so it does
        // not wait for a checkpoint (which, stored, leaves the pad as it is); nor does a
        // ballot the camera read put on the pad, or a decision on it.
        let asking = self.asking.is_some() && !matches!(a, CountAction::Answer { .. });
        let held = (self.counting.as_ref()).is_some_and(|c| self.holds(&c.count));
        let waits = match &self.pending {
            Some(Pending {
                write: Write::Checkpoint { .. },
                ..
            }) => !matches!(
                a,
                CountAction::Pad(_)
                    | CountAction::CameraRead { .. }
                    | CountAction::CameraDecide { .. }
            ),
            pending => pending.is_some(),
        };
        if waits || !held || asking {
            return false;
        }
        match a {
            // Handled above.
            CountAction::Create { .. } => {}
            CountAction::Pad(p) => self.pad(p),
            CountAction::Commit { now_ms } => self.commit(None, now_ms),
            CountAction::CommitBlank { now_ms } => self.commit_blank(now_ms),
            CountAction::CommitVoid { reason, now_ms } => self.commit_void(reason, now_ms),
            CountAction::Correct(seq) => self.correct(seq),
            CountAction::CancelCorrection => self.cancel_correction(),
            CountAction::Restore { seq, now_ms } => self.restore(seq, now_ms),
            CountAction::SetFigures { form, now_ms } => self.set_figures(form, now_ms),
            CountAction::Ask(ask) => self.asking = Some(ask),
            CountAction::Answer { yes, now_ms } => self.answer(yes, now_ms),
            CountAction::CameraRead { proposal, images } => self.camera_read(proposal, images),
            CountAction::CameraDecide { k, marks } => self.camera_decide(k, marks),
        }
        true
    }
}

#[cfg(test)]
mod harness;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
