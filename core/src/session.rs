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

use crate::ballot::Ballot;
use crate::figures::{Correction, Figure, Figures};
use crate::form::{SessionError, SessionField};
use crate::pin::Pin;
use crate::template::Template;

/// Limits on what an organiser types (the unit's are in [`crate::unit`](mod@crate::unit), the figures' in
/// [`crate::figures`], the PIN's in [`crate::pin`]).
pub mod limits {
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

impl SessionSpec {
    /// The spec as typed, with names normalised and every problem listed by field.
    pub fn checked(
        mut self,
        template: &Template,
    ) -> Result<SessionSpec, Vec<(SessionField, SessionError)>> {
        let mut errors = Vec::new();
        crate::unit::check(&mut self.area, &mut self.branch, &mut errors);
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
            if n.is_some_and(|n| n > crate::figures::MAX) {
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
        crate::unit::label(&self.area, &self.branch)
    }

    /// How long the voter screen waits without a tap before asking 「还在投票吗？」.
    pub fn idle_ms(&self) -> u64 {
        u64::from(self.idle_minutes.unwrap_or(IDLE_MINUTES_DEFAULT)) * 60_000
    }
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
    /// 测试模式: a rehearsal on the tablets. Its result is marked 测试 wherever it is shown
    /// and is never sent, merged or cross-checked. Left out of the record when false, so a
    /// real session's record is as it always was.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
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
    pub fn corrections(&self, spec: &SessionSpec) -> Vec<Correction> {
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
                    out.push(Correction {
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
        let in_range = |n: Option<u32>| n.is_none_or(|n| n <= crate::figures::MAX);
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
    pub fn figures(self) -> Figures {
        Figures {
            due: self.due,
            present: self.present,
            issued: self.issued,
            returned: Some(self.filled),
        }
    }
}

/// One stored session, its log and ballots read.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub record: SessionRecord,
    pub template: Template,
    pub log: SessionLog,
    pub tally: crate::Tally,
    /// The ballot records stored under it, damaged or refused ones included
    /// ([`crate::checkpoint::SessionSum::records`]).
    pub records: u32,
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
    let (mut out, mut damaged) = read_headers(sessions, events);
    count_ballots(&mut out, ballots, &mut damaged);
    (out, damaged)
}

/// The sessions in the store with their events, as [`read_stored`], their ballots not read
/// (none counted): the app's home screen, which shows them from their checkpoints.
pub fn read_headers(
    sessions: &[(String, String)],
    events: &[(String, String)],
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
                records: 0,
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
    (out, damaged)
}

/// Counts `ballots` (key, JSON; any order) into the sessions of `out` they belong to; what
/// cannot be used is named in `damaged`, as [`read_stored`] does.
pub fn count_ballots(
    out: &mut [StoredSession],
    ballots: &[(String, String)],
    damaged: &mut Vec<crate::damage::Damage>,
) {
    use crate::damage::{Damage, Problem, Store};
    let find = |out: &mut [StoredSession], key: &str| {
        let (id, _) = key.split_once('/')?;
        out.iter().position(|s| s.record.id == id)
    };
    for (key, value) in ballots {
        let place = find(out, key);
        if let Some(i) = place {
            out[i].records = out[i].records.saturating_add(1);
        }
        let problem = match (place, serde_json::from_str::<Ballot>(value)) {
            (None, _) => Problem::Orphan,
            (Some(_), Err(_)) => Problem::Unreadable,
            (Some(i), Ok(ballot)) => {
                let s = &mut out[i];
                if s.record.spec.count_into(&s.template, &mut s.tally, &ballot) {
                    continue;
                }
                Problem::Refused
            }
        };
        damaged.push(Damage::new(Store::Ballot, key, problem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::hex;
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
            test: false,
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
            issued: Some(crate::figures::MAX + 1),
            due: Some(crate::figures::MAX + 1),
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
        assert!(c.iter().all(|c| c.figure == crate::figures::Figure::Issued));
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
        assert!(!log.allows(&s, set(Some(crate::figures::MAX + 1), Some(45))));
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
            (crate::figures::Figure::Due, Some(50), Some(52), 3)
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
            test: false,
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
            test: false,
        };
        let json = serde_json::to_string(&record).expect("json");
        let back: SessionRecord = serde_json::from_str(&json).expect("back");
        assert_eq!(back, record);
        let tampered = json.replacen("\"v\":1", "\"v\":1,\"x\":0", 1);
        assert!(serde_json::from_str::<SessionRecord>(&tampered).is_err());
    }
}
