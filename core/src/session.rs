//! A voting session on one device: one template, one counting unit (居民区, optionally a
//! 支部), one rule for the voter category, the number of forms issued (发出) and a PIN that
//! guards every organiser action.
//!
//! A session is stored as one record written once ([`SessionRecord`]) plus an append-only
//! log of organiser actions ([`SessionEvent`]: close, reopen, a new 发出). Its state is
//! derived from the log ([`SessionLog`]), so nothing is ever overwritten and a reopening is
//! on record. Ballots are stored apart and carry nothing of the session log: organiser
//! actions have times, ballots never do.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ballot::Ballot;
use crate::names::{normalize_name, BadChar};
use crate::template::Template;

/// Limits on what an organiser types.
pub mod limits {
    /// Characters in a unit name (居民区 or 支部).
    pub const UNIT_NAME: usize = 40;
    /// A new session's PIN: 6–12 digits (a million PINs at least, each a slow derivation).
    /// Sessions opened with 4–8 digit PINs keep theirs.
    pub const PIN_MIN: usize = 6;
    pub const PIN_MAX: usize = 12;
    /// More forms than this are not issued at one residential-area meeting.
    pub const ISSUED_MAX: u32 = 100_000;
    /// The longest idle time before an unattended ballot is cleared, in minutes.
    pub const IDLE_MINUTES_MAX: u32 = 60;
}

/// Which voter category the session's ballots carry.
///
/// Stored externally tagged (`"none"`, `{"fixed":{"index":0}}`, `"voter_chooses"`): the
/// cheapest serde form in wasm size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CategoryRule {
    /// The template has no categories.
    None,
    /// Every ballot of this session is of this category (e.g. a 党员 meeting).
    Fixed { index: u16 },
    /// Each voter picks their category at the start of the ballot.
    VoterChooses,
}

/// What the organiser sets when opening a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionSpec {
    /// 居民区.
    pub area: String,
    /// 支部; empty when the session is for the whole area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub branch: String,
    pub category: CategoryRule,
    /// 发出: forms issued, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<u32>,
    /// 应到: persons entitled to vote, when known (at the opening, as a paper count asks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<u32>,
    /// 实到: persons present, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<u32>,
    /// Minutes without a tap after which a half-filled ballot on the voter screen is hidden
    /// behind 「还在投票吗？」 (and discarded a minute later if nobody answers); `None`:
    /// [`IDLE_MINUTES_DEFAULT`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_minutes: Option<u32>,
}

/// How long a deleted session or count is kept (已删除, restorable) before 本机数据与备份
/// removes it for good.
pub const DELETED_KEPT_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// Whole days a session or count deleted at `deleted_ms` is still kept at `now_ms`; 0: it
/// may be removed for good.
pub fn kept_days_left(deleted_ms: u64, now_ms: u64) -> u64 {
    DELETED_KEPT_MS
        .saturating_sub(now_ms.saturating_sub(deleted_ms))
        .div_ceil(24 * 60 * 60 * 1000)
}

/// A voter who has not tapped for this long has most likely walked away.
pub const IDLE_MINUTES_DEFAULT: u32 = 3;
/// How long 「还在投票吗？」 waits for an answer before the ballot is discarded.
pub const IDLE_ASK_MS: u64 = 60_000;

/// A problem with what the organiser typed. Codes S01–S07; one message each in the
/// catalogue (`Texts::session_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    /// S01: 居民区 is empty.
    AreaMissing,
    /// S02: a unit name is too long or has control characters.
    UnitNameInvalid,
    /// S03: the category does not exist in the template.
    CategoryUnknown,
    /// S04: the template has categories but none was chosen (or voters were asked to
    /// choose from a template that has none).
    CategoryRuleMismatch,
    /// S05: a number field (发出, 应到, 实到, 收回) is not a whole number in range.
    NumberInvalid,
    /// S06: the PIN is not 6–12 digits.
    PinFormat,
    /// S07: the PIN and its repetition differ.
    PinMismatch,
    /// S08: a unit name has a character that shows nothing, reorders the text, or that
    /// normalization would change (named in the message).
    BadCharacter(char),
}

impl SessionError {
    pub fn code(self) -> &'static str {
        match self {
            SessionError::AreaMissing => "S01",
            SessionError::UnitNameInvalid => "S02",
            SessionError::BadCharacter(_) => "S08",
            SessionError::CategoryUnknown => "S03",
            SessionError::CategoryRuleMismatch => "S04",
            SessionError::NumberInvalid => "S05",
            SessionError::PinFormat => "S06",
            SessionError::PinMismatch => "S07",
        }
    }
}

/// Which field of the new-session or new-count form a problem belongs to, so the UI shows
/// it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionField {
    Area,
    Branch,
    Category,
    /// 应到.
    Due,
    /// 实到.
    Present,
    /// 发出.
    Issued,
    /// 收回.
    Returned,
    /// Minutes before an unattended ballot is cleared.
    Idle,
    Pin,
    PinRepeat,
}

/// Reads a number field (发出, 应到, 实到, 收回): empty means unknown.
pub fn parse_number(text: &str) -> Result<Option<u32>, SessionError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= limits::ISSUED_MAX => Ok(Some(n)),
        _ => Err(SessionError::NumberInvalid),
    }
}

fn check_unit_name(name: &str) -> Result<(), SessionError> {
    match crate::names::bad_char(name) {
        Some(BadChar::Hidden(c) | BadChar::Unnormalized(c)) => Err(SessionError::BadCharacter(c)),
        Some(BadChar::Control(_)) => Err(SessionError::UnitNameInvalid),
        None if name.chars().count() > limits::UNIT_NAME => Err(SessionError::UnitNameInvalid),
        None => Ok(()),
    }
}

/// The counting unit as typed (居民区, optional 支部): normalised in place, problems added
/// to `errors`. Shared by voting sessions and paper counts.
pub(crate) fn check_unit(
    area: &mut String,
    branch: &mut String,
    errors: &mut Vec<(SessionField, SessionError)>,
) {
    // Hidden characters are refused as typed, before normalising would drop them: a unit
    // name is printed and compared, and must read as it is.
    let hidden = |s: &str| match crate::names::bad_char(s) {
        Some(BadChar::Hidden(c) | BadChar::Unnormalized(c)) => Some(SessionError::BadCharacter(c)),
        _ => None,
    };
    let (area_hidden, branch_hidden) = (hidden(area), hidden(branch));
    *area = normalize_name(area);
    *branch = normalize_name(branch);
    if let Some(e) = area_hidden {
        errors.push((SessionField::Area, e));
    } else if area.is_empty() {
        errors.push((SessionField::Area, SessionError::AreaMissing));
    } else if let Err(e) = check_unit_name(area) {
        errors.push((SessionField::Area, e));
    }
    if let Some(e) = branch_hidden.or_else(|| check_unit_name(branch).err()) {
        errors.push((SessionField::Branch, e));
    }
}

/// 居民区 · 支部, as shown on screens and reports.
pub fn unit_label(area: &str, branch: &str) -> String {
    if branch.is_empty() {
        area.to_string()
    } else {
        format!("{area} · {branch}")
    }
}

impl SessionSpec {
    /// The spec as typed, with names normalised and every problem listed by field.
    pub fn checked(
        mut self,
        template: &Template,
    ) -> Result<SessionSpec, Vec<(SessionField, SessionError)>> {
        let mut errors = Vec::new();
        check_unit(&mut self.area, &mut self.branch, &mut errors);
        let categories = template.categories().len();
        match self.category {
            CategoryRule::Fixed { index } if usize::from(index) >= categories => {
                errors.push((SessionField::Category, SessionError::CategoryUnknown))
            }
            CategoryRule::None if categories > 0 => {
                errors.push((SessionField::Category, SessionError::CategoryRuleMismatch))
            }
            CategoryRule::VoterChooses if categories == 0 => {
                errors.push((SessionField::Category, SessionError::CategoryRuleMismatch))
            }
            _ => {}
        }
        for (field, n) in [
            (SessionField::Due, self.due),
            (SessionField::Present, self.present),
            (SessionField::Issued, self.issued),
        ] {
            if n.is_some_and(|n| n > limits::ISSUED_MAX) {
                errors.push((field, SessionError::NumberInvalid));
            }
        }
        if (self.idle_minutes).is_some_and(|m| m == 0 || m > limits::IDLE_MINUTES_MAX) {
            errors.push((SessionField::Idle, SessionError::NumberInvalid));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// The category a fresh ballot starts with; `None` also when the voter picks.
    pub fn preset_category(&self) -> Option<u16> {
        match self.category {
            CategoryRule::Fixed { index } => Some(index),
            CategoryRule::None | CategoryRule::VoterChooses => None,
        }
    }

    /// Whether a voter picks their own category (and may change it) on the voter screen;
    /// otherwise the category is the session's and no voter is offered a change.
    pub fn voters_choose(&self) -> bool {
        self.category == CategoryRule::VoterChooses
    }

    /// Counts `ballot` into `tally` when it may belong to this session: the one check a
    /// ballot passes when the voter confirms it, when its write is acknowledged and when it
    /// is read back, so the tally shown live is the tally a reload reads. `false`: not
    /// counted, the tally unchanged.
    pub fn count_into(
        &self,
        template: &Template,
        tally: &mut crate::Tally,
        ballot: &Ballot,
    ) -> bool {
        self.admits(template, ballot) && tally.add(template, ballot).is_ok()
    }

    /// Whether a stored ballot can belong to this session: its category follows the rule.
    pub fn admits(&self, template: &Template, ballot: &Ballot) -> bool {
        let known = |c: u16| usize::from(c) < template.categories().len();
        match (self.category, ballot.category) {
            (CategoryRule::None, None) => true,
            (CategoryRule::Fixed { index }, Some(c)) => c == index,
            (CategoryRule::VoterChooses, Some(c)) => known(c),
            _ => false,
        }
    }

    /// 居民区 · 支部, as shown on screens and reports.
    pub fn unit_label(&self) -> String {
        unit_label(&self.area, &self.branch)
    }

    /// How long the voter screen waits without a tap before asking 「还在投票吗？」.
    pub fn idle_ms(&self) -> u64 {
        u64::from(self.idle_minutes.unwrap_or(IDLE_MINUTES_DEFAULT)) * 60_000
    }
}

/// The organiser's PIN, stored as PBKDF2-HMAC-SHA256 of the PIN with a random salt, at a
/// cost of about 100–300 ms a try on a phone ([`PIN_ITERATIONS`]). The browser derives it
/// (WebCrypto): the reducer asks for a derivation ([`Kdf`]) and compares what comes back
/// ([`Pin::matches_derived`]).
///
/// This keeps the PIN out of plain sight and stops a voter who taps "工作人员"; someone with
/// the browser profile's files can still try every 6-digit PIN, a million slow derivations
/// (days on a phone, hours on a PC). The paper trail and the people at the meeting are the
/// real safeguard. Records of version 1 (no `iterations`) hold a salted SHA-256 of a 4–8
/// digit PIN, still checked as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    salt: String,
    hash: String,
    /// PBKDF2 iterations; absent: a version 1 PIN (salted SHA-256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iterations: Option<u32>,
}

/// PBKDF2-HMAC-SHA256 iterations of a new PIN: about 100–300 ms in a phone's WebCrypto.
pub const PIN_ITERATIONS: u32 = 150_000;

/// What turns a PIN into what is stored: PBKDF2-HMAC-SHA256 with this salt (hex of 16
/// random bytes; the UTF-8 of the hex is the salt) and iteration count, 256 bits out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kdf {
    pub salt: String,
    pub iterations: u32,
}

impl Kdf {
    /// The derivation of a new PIN. `salt` comes from the platform's CSPRNG.
    pub fn new(salt: [u8; 16]) -> Kdf {
        Kdf {
            salt: hex(&salt),
            iterations: PIN_ITERATIONS,
        }
    }
}

/// What checking a typed PIN needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinCheck {
    /// Checked already (a version 1 PIN): whether it matches.
    Done(bool),
    /// Derive the typed PIN with this, then [`Pin::matches_derived`].
    Derive(Kdf),
}

impl Pin {
    /// The PIN as typed twice, checked: 6–12 digits, both the same. `Ok`: the PIN to derive.
    pub fn typed(pin: &str, repeat: &str) -> Result<String, (SessionField, SessionError)> {
        let pin = pin.trim();
        if !(limits::PIN_MIN..=limits::PIN_MAX).contains(&pin.len())
            || !pin.bytes().all(|b| b.is_ascii_digit())
        {
            return Err((SessionField::Pin, SessionError::PinFormat));
        }
        if pin != repeat.trim() {
            return Err((SessionField::PinRepeat, SessionError::PinMismatch));
        }
        Ok(pin.to_string())
    }

    /// The stored PIN, from its derivation (`derived`: the 32 bytes out, hex).
    pub fn from_derived(kdf: &Kdf, derived: &str) -> Pin {
        Pin {
            salt: kdf.salt.clone(),
            hash: derived.to_string(),
            iterations: Some(kdf.iterations),
        }
    }

    /// A version 1 PIN (salted SHA-256), as sessions opened before version 2 hold: read
    /// from old records and backups, and made by tests.
    pub fn v1(pin: &str, salt: [u8; 16]) -> Pin {
        let salt = hex(&salt);
        Pin {
            hash: Pin::digest_v1(&salt, pin.trim()),
            salt,
            iterations: None,
        }
    }

    /// How to check a typed PIN against this one.
    pub fn check(&self, pin: &str) -> PinCheck {
        match self.iterations {
            None => PinCheck::Done(Pin::digest_v1(&self.salt, pin.trim()) == self.hash),
            Some(iterations) => PinCheck::Derive(Kdf {
                salt: self.salt.clone(),
                iterations,
            }),
        }
    }

    /// Whether the typed PIN, derived as [`Pin::check`] asked, is this one.
    pub fn matches_derived(&self, derived: &str) -> bool {
        self.iterations.is_some() && !derived.is_empty() && derived == self.hash
    }

    fn digest_v1(salt: &str, pin: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"ballot-kit pin v1\0");
        h.update(salt.as_bytes());
        h.update([0]);
        h.update(pin.as_bytes());
        hex(&h.finalize())
    }
}

/// Wrong PINs on this device and the pause they earned. Stored on the device (not per
/// session: trying another session's PIN does not start afresh) after every wrong PIN and
/// before the answer is shown, so a reload or a restart neither clears the pause nor the
/// count. Every [`PIN_TRIES`] wrong PINs in a row pause PIN entry, longer each time
/// ([`PIN_PAUSES_MS`]); a right PIN ends it all and the organiser is told how many wrong
/// ones came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinGuard {
    /// Wrong PINs since the last right one.
    pub wrong: u32,
    /// When the last wrong PIN was entered.
    pub at_ms: u64,
    /// No PIN is checked before this.
    pub until_ms: u64,
}

/// Wrong PINs in a row before each pause.
pub const PIN_TRIES: u32 = 5;
/// The pauses, one after another: 1, 5, then 15 minutes for every further round.
pub const PIN_PAUSES_MS: [u64; 3] = [60_000, 300_000, 900_000];

impl PinGuard {
    /// Whether PIN entry is paused at `now_ms`. A clock set back before the last wrong PIN
    /// does not end a pause.
    pub fn paused(&self, now_ms: u64) -> bool {
        now_ms < self.until_ms || (self.until_ms > 0 && now_ms < self.at_ms)
    }

    /// After one more wrong PIN at `now_ms`.
    pub fn wrong_try(self, now_ms: u64) -> PinGuard {
        let wrong = self.wrong.saturating_add(1);
        let round = wrong / PIN_TRIES;
        let until_ms = if wrong % PIN_TRIES == 0 {
            let i = usize::try_from(round.saturating_sub(1)).unwrap_or(usize::MAX);
            now_ms.saturating_add(PIN_PAUSES_MS[i.min(PIN_PAUSES_MS.len() - 1)])
        } else {
            self.until_ms
        };
        PinGuard {
            wrong,
            at_ms: now_ms,
            until_ms,
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// The stored form of a session, written once when it is opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// Format version of this record; 1.
    pub v: u32,
    /// 128 random bits as hex; also the prefix of the session's ballot and event keys.
    pub id: String,
    /// The template's canonical JSON: the session keeps the exact template it was opened
    /// with, whatever later happens to the template library.
    pub template: String,
    pub spec: SessionSpec,
    pub pin: Pin,
    /// When it was opened, milliseconds since 1970 (organiser actions have times; ballots
    /// never do).
    pub opened_ms: u64,
}

/// One organiser action on record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionEvent {
    pub at_ms: u64,
    pub kind: EventKind,
}

/// Stored externally tagged (`"closed"`, `{"issued_set":{"issued":40}}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    Closed,
    Reopened,
    /// 发出 set or corrected.
    IssuedSet {
        issued: Option<u32>,
    },
    /// 应到 and 实到 set or corrected (both stated: one step, one line in the log).
    AttendanceSet {
        due: Option<u32>,
        present: Option<u32>,
    },
    /// The organiser's decision (with the PIN) after a record of the log could not be read:
    /// whether the session is closed, and 发出. It settles both, whatever came before.
    Decided {
        closed: bool,
        issued: Option<u32>,
    },
    /// Deleted with the PIN: kept as 已删除 with its ballots and this log, restorable from
    /// 本机数据与备份.
    Deleted,
    /// Restored after a delete.
    Undeleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Closed,
    /// A record of the log that could decide it cannot be read: neither open nor closed
    /// until the organiser decides ([`EventKind::Decided`]). No voting, no results.
    Uncertain,
}

/// A session's log in order, and what follows from it. A record that cannot be read (its
/// checksum failed, it does not parse) keeps its place: it could have been a close, a
/// reopen or a new 发出, so whatever it could have changed is uncertain until a later
/// readable record settles it. One damaged record never reopens a session or changes a
/// figure silently.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionLog {
    events: Vec<SessionEvent>,
    /// Where unreadable records stand: each the number of readable events before it.
    unreadable: Vec<usize>,
}

impl SessionLog {
    /// From stored events, in the order of their sequence numbers.
    pub fn new(events: Vec<SessionEvent>) -> SessionLog {
        SessionLog {
            events,
            unreadable: Vec::new(),
        }
    }

    pub fn events(&self) -> &[SessionEvent] {
        &self.events
    }

    pub fn push(&mut self, event: SessionEvent) {
        self.events.push(event);
    }

    /// A record of the log that cannot be read, in its place.
    pub fn push_unreadable(&mut self) {
        self.unreadable.push(self.events.len());
    }

    /// The last readable event that settles what `settles` asks, and whether an unreadable
    /// record comes after it (then it is not settled).
    fn last(&self, settles: impl Fn(EventKind) -> bool) -> (Option<EventKind>, bool) {
        let at = self.events.iter().rposition(|e| settles(e.kind));
        let doubt = self.unreadable.iter().any(|&u| at.is_none_or(|i| u > i));
        (at.map(|i| self.events[i].kind), doubt)
    }

    /// Open until the last close-or-reopen is a close; uncertain when an unreadable record
    /// comes after it.
    pub fn status(&self) -> Status {
        let (last, doubt) = self.last(|k| {
            matches!(
                k,
                EventKind::Closed | EventKind::Reopened | EventKind::Decided { .. }
            )
        });
        match last {
            _ if doubt => Status::Uncertain,
            Some(EventKind::Closed | EventKind::Decided { closed: true, .. }) => Status::Closed,
            _ => Status::Open,
        }
    }

    /// 发出 as last set, else as given when the session was opened.
    pub fn issued(&self, spec: &SessionSpec) -> Option<u32> {
        match self.last_issued().0 {
            Some(EventKind::IssuedSet { issued } | EventKind::Decided { issued, .. }) => issued,
            _ => spec.issued,
        }
    }

    /// 应到 and 实到 as last set, else as given when the session was opened. When a record
    /// that cannot be read comes after the last setting (it could have changed them), both
    /// are unknown: the results then say they are not entered and judge nothing by them,
    /// until the organiser sets them again.
    pub fn attendance(&self, spec: &SessionSpec) -> (Option<u32>, Option<u32>) {
        match self.last(|k| matches!(k, EventKind::AttendanceSet { .. })) {
            (_, true) => (None, None),
            (Some(EventKind::AttendanceSet { due, present }), false) => (due, present),
            _ => (spec.due, spec.present),
        }
    }

    /// 应到, 实到 and 发出 changed from a known value after the session was first closed
    /// (修改记录), oldest first. Setting them while voting runs is preparing the meeting,
    /// not correcting it.
    pub fn corrections(&self, spec: &SessionSpec) -> Vec<crate::count::Correction> {
        use crate::count::Figure;
        let mut figures = [
            (Figure::Due, spec.due),
            (Figure::Present, spec.present),
            (Figure::Issued, spec.issued),
        ];
        let mut closed_once = false;
        let mut out = Vec::new();
        for e in &self.events {
            let next = |f: Figure, now: Option<u32>| match (f, e.kind) {
                (Figure::Issued, EventKind::IssuedSet { issued })
                | (Figure::Issued, EventKind::Decided { issued, .. }) => issued,
                (Figure::Due, EventKind::AttendanceSet { due, .. }) => due,
                (Figure::Present, EventKind::AttendanceSet { present, .. }) => present,
                _ => now,
            };
            for (figure, value) in &mut figures {
                let to = next(*figure, *value);
                if closed_once && value.is_some() && to != *value {
                    out.push(crate::count::Correction {
                        figure: *figure,
                        from: *value,
                        to,
                        at_ms: e.at_ms,
                    });
                }
                *value = to;
            }
            if matches!(
                e.kind,
                EventKind::Closed | EventKind::Decided { closed: true, .. }
            ) {
                closed_once = true;
            }
        }
        out
    }

    fn last_issued(&self) -> (Option<EventKind>, bool) {
        self.last(|k| matches!(k, EventKind::IssuedSet { .. } | EventKind::Decided { .. }))
    }

    /// Whether ballots may be taken: open, not deleted, and nothing in doubt.
    pub fn takes_ballots(&self) -> bool {
        self.status() == Status::Open && !self.uncertain() && self.deleted_ms().is_none()
    }

    /// When the session was deleted, while it is. An unreadable record after the delete
    /// (it could be a restore) shows it again: a damaged record never hides a session.
    pub fn deleted_ms(&self) -> Option<u64> {
        let at = self
            .events
            .iter()
            .rposition(|e| matches!(e.kind, EventKind::Deleted | EventKind::Undeleted))?;
        let doubt = self.unreadable.iter().any(|&u| u > at);
        let e = &self.events[at];
        (e.kind == EventKind::Deleted && !doubt).then_some(e.at_ms)
    }

    /// Whether an unreadable record leaves the state or 发出 in doubt: the organiser must
    /// decide before anything else is done with the session.
    pub fn uncertain(&self) -> bool {
        self.status() == Status::Uncertain || self.last_issued().1
    }

    /// Whether the organiser may apply `kind` now: a close only when open, a reopen only
    /// when closed, 发出 only to a different value, nothing but a decision while uncertain,
    /// and a decision only then.
    pub fn allows(&self, spec: &SessionSpec, kind: EventKind) -> bool {
        let in_range = |n: Option<u32>| n.is_none_or(|n| n <= limits::ISSUED_MAX);
        let deleted = self.deleted_ms().is_some();
        match kind {
            EventKind::Deleted => !deleted,
            EventKind::Undeleted => deleted,
            _ if deleted => false,
            EventKind::Decided { issued, .. } => self.uncertain() && in_range(issued),
            _ if self.uncertain() => false,
            EventKind::Closed => self.status() == Status::Open,
            EventKind::Reopened => self.status() == Status::Closed,
            EventKind::IssuedSet { issued } => issued != self.issued(spec) && in_range(issued),
            EventKind::AttendanceSet { due, present } => {
                (due, present) != self.attendance(spec) && in_range(due) && in_range(present)
            }
        }
    }
}

/// Ballots filled against forms issued, and who came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turnout {
    pub filled: u32,
    pub issued: Option<u32>,
    /// 应到 and 实到, as the organiser entered them.
    pub due: Option<u32>,
    pub present: Option<u32>,
}

impl Turnout {
    /// The session's figures for its results: 应到, 实到 and 发出 as entered, and the forms
    /// filled in as 收回 (a tablet hands out no paper).
    pub fn figures(self) -> crate::count::Figures {
        crate::count::Figures {
            due: self.due,
            present: self.present,
            issued: self.issued,
            returned: Some(self.filled),
        }
    }

    /// More ballots than forms issued: the count cannot stand as it is (the rules void a
    /// vote whose 收回 exceeds 发出).
    pub fn exceeds_issued(self) -> bool {
        self.issued.is_some_and(|issued| self.filled > issued)
    }
}

/// One stored session, its log and ballots read.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub record: SessionRecord,
    pub template: Template,
    pub log: SessionLog,
    pub tally: crate::Tally,
    /// The number the next event is stored under: one past the highest stored, damaged
    /// records included, so a key is never tried twice.
    pub next_event: u32,
}

/// The sessions in the store (key, JSON per record), newest first, with their events
/// (`<id>/<seq, 8 digits>`, in key order, which is log order) and ballots counted. What
/// cannot be used is named in the second value, skipped and left in the store; the rest
/// stands. The app reads its sessions with this at start; the studio's data page, to name
/// the damage.
pub fn read_stored(
    sessions: &[(String, String)],
    events: &[(String, String)],
    ballots: &[(String, String)],
) -> (Vec<StoredSession>, Vec<crate::damage::Damage>) {
    use crate::damage::{Damage, Problem, Store};
    let mut damaged = Vec::new();
    let mut out: Vec<StoredSession> = Vec::new();
    let headers = crate::header::read(
        sessions,
        |id, json| {
            let record = serde_json::from_str::<SessionRecord>(json)
                .ok()
                .filter(|r| r.v == 1 && r.id == id)?;
            let template = Template::parse(&record.template).ok()?;
            Some((record, template))
        },
        |key, problem| damaged.push(Damage::new(Store::Session, key, problem)),
    );
    for (record, template) in headers {
        // Newest first (a binary search, not a sort: sorts cost wasm size).
        let at = out.partition_point(|s| s.record.opened_ms >= record.opened_ms);
        let tally = crate::Tally::empty(&template);
        out.insert(
            at,
            StoredSession {
                record,
                template,
                log: SessionLog::default(),
                tally,
                next_event: 0,
            },
        );
    }
    let find = |out: &mut Vec<StoredSession>, key: &str| {
        let (id, n) = key.split_once('/')?;
        Some((
            out.iter().position(|s| s.record.id == id)?,
            n.parse::<u32>().ok(),
        ))
    };
    for (key, value) in events {
        let problem = match (
            find(&mut out, key),
            serde_json::from_str::<SessionEvent>(value),
        ) {
            (Some((i, n)), event) => {
                let s = &mut out[i];
                if let Some(n) = n {
                    s.next_event = s.next_event.max(n.saturating_add(1));
                }
                match event {
                    Ok(e) => {
                        s.log.push(e);
                        continue;
                    }
                    Err(_) => {
                        s.log.push_unreadable();
                        Problem::Unreadable
                    }
                }
            }
            (None, _) => Problem::Orphan,
        };
        damaged.push(Damage::new(Store::Event, key, problem));
    }
    for (key, value) in ballots {
        let problem = match (find(&mut out, key), serde_json::from_str::<Ballot>(value)) {
            (None, _) => Problem::Orphan,
            (Some(_), Err(_)) => Problem::Unreadable,
            (Some((i, _)), Ok(ballot)) => {
                let s = &mut out[i];
                if s.record.spec.count_into(&s.template, &mut s.tally, &ballot) {
                    continue;
                }
                Problem::Refused
            }
        };
        damaged.push(Damage::new(Store::Ballot, key, problem));
    }
    (out, damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    /// Every damaged record is named: its store, its key, what is wrong; the rest is read.
    #[test]
    fn stored_sessions_are_read_and_each_damaged_record_named() {
        use crate::damage::{Problem::*, Store};
        let t = &samples::all()[1];
        let record = |id: &str| SessionRecord {
            v: 1,
            id: id.into(),
            template: t.canonical_json(),
            spec: spec(CategoryRule::VoterChooses),
            pin: Pin::v1("2468", [1; 16]),
            opened_ms: 10,
        };
        fn json<T: serde::Serialize>(v: &T) -> String {
            serde_json::to_string(v).expect("json")
        }
        let mut ballot = Ballot::empty(t, Some(1));
        ballot.toggle_candidate(t, 0, 0).expect("room");
        let closed = SessionEvent {
            at_ms: 20,
            kind: EventKind::Closed,
        };
        let key = |n: u8| format!("s1/{}", hex(&[n; 16]));
        let sessions = vec![
            ("s1".to_string(), json(&record("s1"))),
            ("s2".into(), "{not json".into()),
            // Key and id disagree.
            ("s4".into(), json(&record("s3"))),
        ];
        let events = vec![
            ("s1/00000000".to_string(), json(&closed)),
            ("s1/00000001".into(), "damaged".into()),
            ("s9/00000000".into(), json(&closed)),
        ];
        let ballots = vec![
            (key(1), json(&ballot)),
            (key(3), "garbage".into()),
            // Category outside the session's rule, then the shape of another template.
            (key(4), json(&Ballot::empty(t, None))),
            (key(5), json(&Ballot::empty(&samples::all()[0], Some(0)))),
            (format!("s9/{}", hex(&[6; 16])), json(&ballot)),
        ];
        let (read, damaged) = read_stored(&sessions, &events, &ballots);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].tally.total(), 1);
        // A damaged record after the close could have been a reopen: not known.
        assert_eq!(read[0].log.status(), Status::Uncertain);
        // A key is never reused, even past a damaged event.
        assert_eq!(read[0].next_event, 2);
        let named: Vec<(Store, &str, crate::damage::Problem)> = damaged
            .iter()
            .map(|d| (d.store, d.key.as_str(), d.problem))
            .collect();
        assert_eq!(
            named,
            vec![
                (Store::Session, "s2", Unreadable),
                (Store::Session, "s4", Unreadable),
                (Store::Event, "s1/00000001", Unreadable),
                (Store::Event, "s9/00000000", Orphan),
                (Store::Ballot, key(3).as_str(), Unreadable),
                (Store::Ballot, key(4).as_str(), Refused),
                (Store::Ballot, key(5).as_str(), Refused),
                (
                    Store::Ballot,
                    format!("s9/{}", hex(&[6; 16])).as_str(),
                    Orphan
                ),
            ]
        );
    }

    fn spec(category: CategoryRule) -> SessionSpec {
        SessionSpec {
            area: "  长乐  居民区 ".into(),
            branch: String::new(),
            category,
            issued: Some(40),
            due: None,
            present: None,
            idle_minutes: None,
        }
    }

    #[test]
    fn a_spec_is_normalised_and_checked_against_the_template() {
        let t = &samples::all()[1];
        let ok = spec(CategoryRule::Fixed { index: 1 })
            .checked(t)
            .expect("valid");
        assert_eq!(ok.area, "长乐居民区");
        assert_eq!(ok.unit_label(), "长乐居民区");
        assert_eq!(ok.preset_category(), Some(1));
        let errors = SessionSpec {
            area: " ".into(),
            branch: "x".repeat(41),
            category: CategoryRule::Fixed { index: 9 },
            issued: Some(limits::ISSUED_MAX + 1),
            due: Some(limits::ISSUED_MAX + 1),
            present: None,
            idle_minutes: Some(0),
        }
        .checked(t)
        .expect_err("invalid");
        assert_eq!(
            errors,
            vec![
                (SessionField::Area, SessionError::AreaMissing),
                (SessionField::Branch, SessionError::UnitNameInvalid),
                (SessionField::Category, SessionError::CategoryUnknown),
                (SessionField::Due, SessionError::NumberInvalid),
                (SessionField::Issued, SessionError::NumberInvalid),
                (SessionField::Idle, SessionError::NumberInvalid),
            ]
        );
        assert_eq!(
            spec(CategoryRule::None).checked(t).expect_err("categories"),
            vec![(SessionField::Category, SessionError::CategoryRuleMismatch)]
        );
        // A direction override (it would reverse the results' subtitle) or a zero-width
        // space: refused, the character named.
        let mut bad = spec(CategoryRule::Fixed { index: 1 });
        bad.area = "长乐\u{202E}居民区".into();
        bad.branch = "第一\u{200B}支部".into();
        assert_eq!(
            bad.checked(t).expect_err("refused"),
            vec![
                (SessionField::Area, SessionError::BadCharacter('\u{202E}')),
                (SessionField::Branch, SessionError::BadCharacter('\u{200B}')),
            ]
        );
        assert_eq!(
            (crate::Lang::default().texts().session_error)(SessionError::BadCharacter('\u{202E}')),
            "含有看不见或写法不标准的字符 U+202E：看起来一样的名称会被当成不同的单位，请删去后重新输入（S08）"
        );
    }

    #[test]
    fn voters_choose_only_from_a_template_with_categories() {
        let mut t = samples::all()[1].clone().into_spec();
        t.categories.clear();
        let t = t.check().expect("still valid");
        assert!(spec(CategoryRule::VoterChooses).checked(&t).is_err());
        assert!(spec(CategoryRule::None).checked(&t).is_ok());
    }

    #[test]
    fn issued_is_a_whole_number_or_empty() {
        assert_eq!(parse_number(" "), Ok(None));
        assert_eq!(parse_number(" 45 "), Ok(Some(45)));
        for bad in ["-1", "4.5", "四十", "100001", "1e3"] {
            assert_eq!(parse_number(bad), Err(SessionError::NumberInvalid), "{bad}");
        }
    }

    #[test]
    fn a_new_pin_is_6_to_12_digits_typed_twice_and_derived_slowly() {
        assert_eq!(Pin::typed("246813", "246813 "), Ok("246813".to_string()));
        for bad in ["2468", "12345", "1234567890123", "12a456", "１２３４５６"] {
            assert_eq!(
                Pin::typed(bad, bad),
                Err((SessionField::Pin, SessionError::PinFormat)),
                "{bad}"
            );
        }
        assert_eq!(
            Pin::typed("123456", "123465"),
            Err((SessionField::PinRepeat, SessionError::PinMismatch))
        );
        let kdf = Kdf::new([7u8; 16]);
        assert_eq!(kdf.iterations, PIN_ITERATIONS);
        assert_eq!(kdf.salt.len(), 32);
        let pin = Pin::from_derived(&kdf, "ab12");
        // Checking it needs the same derivation; only the same output matches.
        assert_eq!(pin.check("246813"), PinCheck::Derive(kdf.clone()));
        assert!(pin.matches_derived("ab12"));
        assert!(!pin.matches_derived("ab13"));
        assert!(!pin.matches_derived(""));
        let stored = serde_json::to_string(&pin).expect("json");
        assert_eq!(
            stored,
            format!(
                r#"{{"salt":"{}","hash":"ab12","iterations":150000}}"#,
                kdf.salt
            )
        );
    }

    #[test]
    fn a_version_1_pin_is_still_checked_as_it_was() {
        let pin = Pin::v1("2468", [7u8; 16]);
        assert_eq!(pin.check("2468"), PinCheck::Done(true));
        assert_eq!(pin.check(" 2468 "), PinCheck::Done(true));
        assert_eq!(pin.check("2469"), PinCheck::Done(false));
        assert!(!pin.matches_derived(&pin.hash));
        let stored = serde_json::to_string(&pin).expect("json");
        assert!(
            !stored.contains("2468") && !stored.contains("iterations"),
            "{stored}"
        );
        let back: Pin = serde_json::from_str(&stored).expect("reads back");
        assert_eq!(back, pin);
        assert_ne!(Pin::v1("2468", [8u8; 16]), pin);
    }

    #[test]
    fn every_fifth_wrong_pin_pauses_longer_and_a_clock_set_back_does_not_end_it() {
        let mut g = PinGuard::default();
        for n in 1..=4 {
            g = g.wrong_try(1_000 * n);
            assert!(!g.paused(1_000 * n), "{n}");
        }
        g = g.wrong_try(10_000);
        assert_eq!(g.wrong, 5);
        assert!(g.paused(10_000 + 59_999));
        assert!(!g.paused(10_000 + 60_000));
        // Back before the last wrong PIN: still paused.
        assert!(g.paused(9_999));
        let mut t = 100_000;
        for _ in 0..5 {
            g = g.wrong_try(t);
            t += 1;
        }
        assert_eq!(g.until_ms, t - 1 + 300_000);
        for _ in 0..10 {
            g = g.wrong_try(t);
            t += 1;
        }
        // The third round and every later one: 15 minutes.
        assert_eq!(g.until_ms, t - 1 + 900_000);
        let json = serde_json::to_string(&g).expect("json");
        assert_eq!(serde_json::from_str::<PinGuard>(&json).ok(), Some(g));
    }

    #[test]
    fn status_and_issued_follow_the_log() {
        let s = spec(CategoryRule::VoterChooses);
        let mut log = SessionLog::default();
        assert_eq!(log.status(), Status::Open);
        assert!(!log.allows(&s, EventKind::Reopened));
        assert!(log.allows(&s, EventKind::Closed));
        let at = |kind| SessionEvent { at_ms: 1, kind };
        log.push(at(EventKind::Closed));
        assert_eq!(log.status(), Status::Closed);
        assert!(!log.allows(&s, EventKind::Closed));
        log.push(at(EventKind::IssuedSet { issued: Some(38) }));
        assert_eq!(log.status(), Status::Closed);
        assert_eq!(log.issued(&s), Some(38));
        assert!(!log.allows(&s, EventKind::IssuedSet { issued: Some(38) }));
        log.push(at(EventKind::Reopened));
        assert_eq!(log.status(), Status::Open);
        log.push(at(EventKind::IssuedSet { issued: None }));
        assert_eq!(log.issued(&s), None);
    }

    #[test]
    fn a_deleted_session_is_kept_thirty_days() {
        let day = 24 * 60 * 60 * 1000;
        assert_eq!(kept_days_left(5, 5), 30);
        assert_eq!(kept_days_left(5, 5 + day), 29);
        assert_eq!(kept_days_left(5, 5 + 30 * day - 1), 1);
        assert_eq!(kept_days_left(5, 5 + 30 * day), 0);
        // A clock set back keeps it, never removes it early.
        assert_eq!(kept_days_left(5 + day, 5), 30);
    }

    #[test]
    fn issued_changed_after_a_close_is_on_record() {
        let s = SessionSpec {
            issued: Some(1),
            ..spec(CategoryRule::VoterChooses)
        };
        let at = |at_ms, kind| SessionEvent { at_ms, kind };
        let mut log = SessionLog::default();
        // Before the close: preparing, not correcting.
        log.push(at(1, EventKind::IssuedSet { issued: Some(2) }));
        log.push(at(2, EventKind::Closed));
        assert!(log.corrections(&s).is_empty());
        log.push(at(3, EventKind::IssuedSet { issued: Some(3) }));
        log.push(at(4, EventKind::Reopened));
        log.push(at(5, EventKind::IssuedSet { issued: None }));
        log.push(at(6, EventKind::IssuedSet { issued: Some(4) }));
        let c = log.corrections(&s);
        let changes: Vec<_> = c.iter().map(|c| (c.from, c.to, c.at_ms)).collect();
        // From unknown to 4 is entering it again, not a correction.
        assert_eq!(changes, vec![(Some(2), Some(3), 3), (Some(3), None, 5)]);
        assert!(c.iter().all(|c| c.figure == crate::count::Figure::Issued));
    }

    #[test]
    fn attendance_is_taken_at_the_opening_and_corrected_on_record() {
        let s = SessionSpec {
            due: Some(50),
            present: Some(45),
            ..spec(CategoryRule::VoterChooses)
        };
        let at = |at_ms, kind| SessionEvent { at_ms, kind };
        let set = |due, present| EventKind::AttendanceSet { due, present };
        let mut log = SessionLog::default();
        assert_eq!(log.attendance(&s), (Some(50), Some(45)));
        assert!(
            !log.allows(&s, set(Some(50), Some(45))),
            "a change, or nothing"
        );
        assert!(!log.allows(&s, set(Some(limits::ISSUED_MAX + 1), Some(45))));
        log.push(at(1, set(Some(50), Some(46))));
        assert_eq!(log.attendance(&s), (Some(50), Some(46)));
        log.push(at(2, EventKind::Closed));
        assert!(
            log.corrections(&s).is_empty(),
            "set before the close: preparing"
        );
        assert!(
            log.allows(&s, set(Some(52), Some(46))),
            "correctable once closed"
        );
        log.push(at(3, set(Some(52), Some(46))));
        let c = log.corrections(&s);
        assert_eq!(c.len(), 1, "only the figure that changed: {c:?}");
        assert_eq!(
            (c[0].figure, c[0].from, c[0].to, c[0].at_ms),
            (crate::count::Figure::Due, Some(50), Some(52), 3)
        );
        // The results take them as 应到 and 实到.
        let t = Turnout {
            filled: 40,
            issued: log.issued(&s),
            due: log.attendance(&s).0,
            present: log.attendance(&s).1,
        };
        let f = t.figures();
        assert_eq!(
            (f.due, f.present, f.issued, f.returned),
            (Some(52), Some(46), Some(40), Some(40))
        );
        // A record that cannot be read after the last setting could have changed them:
        // unknown (and so judged by nothing), never the old value silently.
        log.push_unreadable();
        assert_eq!(log.attendance(&s), (None, None));
        log.push(at(4, set(Some(52), Some(47))));
        assert_eq!(log.attendance(&s), (Some(52), Some(47)));
    }

    #[test]
    fn an_unreadable_record_leaves_what_it_could_change_uncertain_until_decided() {
        let s = spec(CategoryRule::VoterChooses);
        let at = |kind| SessionEvent { at_ms: 1, kind };
        // A damaged close: not open again.
        let mut log = SessionLog::default();
        log.push_unreadable();
        assert_eq!(log.status(), Status::Uncertain);
        assert!(log.uncertain());
        for kind in [
            EventKind::Closed,
            EventKind::Reopened,
            EventKind::IssuedSet { issued: Some(3) },
        ] {
            assert!(!log.allows(&s, kind), "{kind:?}");
        }
        // The organiser decides: closed, 发出 38; settled, and on record.
        let decided = EventKind::Decided {
            closed: true,
            issued: Some(38),
        };
        assert!(log.allows(&s, decided));
        log.push(at(decided));
        assert_eq!(log.status(), Status::Closed);
        assert_eq!(log.issued(&s), Some(38));
        assert!(!log.uncertain());
        assert!(!log.allows(&s, decided));
        assert!(log.allows(&s, EventKind::Reopened));
        // A damaged record settled by a later readable one leaves no doubt about it.
        let mut log = SessionLog::default();
        log.push(at(EventKind::IssuedSet { issued: Some(5) }));
        log.push_unreadable();
        log.push(at(EventKind::Reopened));
        assert_eq!(log.status(), Status::Open);
        // ... but 发出 could have changed in it.
        assert!(log.uncertain());
        log.push(at(EventKind::IssuedSet { issued: Some(6) }));
        assert!(!log.uncertain());
        assert_eq!(log.issued(&s), Some(6));
    }

    #[test]
    fn a_damaged_closing_event_read_back_leaves_the_session_uncertain() {
        let t = &samples::all()[1];
        let record = SessionRecord {
            v: 1,
            id: "s1".into(),
            template: t.canonical_json(),
            spec: spec(CategoryRule::VoterChooses),
            pin: Pin::v1("2468", [1; 16]),
            opened_ms: 10,
        };
        let sessions = vec![(
            "s1".to_string(),
            serde_json::to_string(&record).expect("json"),
        )];
        // Its checksum failed: the store hands it over with no data, in its place.
        let events = vec![("s1/00000000".to_string(), String::new())];
        let (read, damaged) = read_stored(&sessions, &events, &[]);
        assert_eq!(read[0].log.status(), Status::Uncertain);
        assert_eq!(damaged.len(), 1);
    }

    #[test]
    fn more_filled_than_issued_is_an_error_and_equal_is_not() {
        let t = |filled, issued| {
            Turnout {
                filled,
                issued,
                due: None,
                present: None,
            }
            .exceeds_issued()
        };
        assert!(!t(40, Some(40)));
        assert!(t(41, Some(40)));
        assert!(!t(41, None));
        assert!(!t(0, Some(0)));
    }

    #[test]
    fn stored_ballots_must_follow_the_category_rule() {
        let t = &samples::all()[1];
        let b = |c| Ballot::empty(t, c);
        let fixed = spec(CategoryRule::Fixed { index: 0 });
        assert!(fixed.admits(t, &b(Some(0))));
        assert!(!fixed.admits(t, &b(Some(1))));
        assert!(!fixed.admits(t, &b(None)));
        let choose = spec(CategoryRule::VoterChooses);
        assert!(choose.admits(t, &b(Some(1))));
        assert!(!choose.admits(t, &b(Some(9))));
        assert!(!choose.admits(t, &b(None)));
    }

    #[test]
    fn a_record_round_trips_and_rejects_unknown_fields() {
        let t = &samples::all()[0];
        let record = SessionRecord {
            v: 1,
            id: hex(&[0xab; 16]),
            template: t.canonical_json(),
            spec: spec(CategoryRule::VoterChooses),
            pin: Pin::v1("1234", [1; 16]),
            opened_ms: 1_700_000_000_000,
        };
        let json = serde_json::to_string(&record).expect("json");
        let back: SessionRecord = serde_json::from_str(&json).expect("back");
        assert_eq!(back, record);
        let tampered = json.replacen("\"v\":1", "\"v\":1,\"x\":0", 1);
        assert!(serde_json::from_str::<SessionRecord>(&tampered).is_err());
    }
}
