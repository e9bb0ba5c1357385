//! Counting paper ballots as they are read aloud (唱票计票).
//!
//! The counter enters each paper ballot as it is read; nothing links a paper ballot to a
//! voter, so the reading order is kept (it lets the counters find and correct an entry).
//! The count is an append-only log of [`CountOp`]s; the entered ballots, their corrections
//! and the tally are derived from it ([`CountLog`]). A correction never erases: it adds a
//! `Replace` or a `Strike`, so the audit trail is the log itself.
//!
//! Paper can show anything, so the paper marking operations here never refuse a mark (unlike
//! the tablet's in [`crate::ballot`]): [`crate::check`] decides per the template's rules
//! whether an over-marked ballot or section is void, and the screen says so before the
//! ballot is committed.

mod record;
mod stored;

pub use record::{CountRecord, CountSpec};
pub use stored::{read_headers, read_stored, replay, StoredCount};

use serde::{Deserialize, Serialize};

use crate::ballot::{Ballot, BallotContent, SectionMarks};
use crate::chunked::Chunked;
use crate::figures::{Correction, Figures};
use crate::names::normalize_name;
use crate::sorted::SortedMap;
use crate::tally::{by_votes, Tally};
use crate::template::{limits, Section, Template};

/// Which steps of a count its 修改记录 lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audit {
    /// Every step but a ballot read: the counting screen's.
    All,
    /// The ballots struck, restored or corrected: the printed report's, whose figures'
    /// corrections are listed as figures.
    Ballots,
}

impl CountOp {
    /// Whether `audit` lists this step.
    pub fn audited(&self, audit: Audit) -> bool {
        match self {
            CountOp::Add { .. } => false,
            // The counter's decisions on a ballot the camera read.
            CountOp::Read { camera, .. } => audit == Audit::All && camera.open > 0,
            CountOp::Replace { .. } | CountOp::Strike { .. } | CountOp::Restore { .. } => true,
            CountOp::SetFigures { .. } | CountOp::Deleted(_) => audit == Audit::All,
        }
    }
}

/// One step of a count. `seq` numbers refer to the order in which ballots were added
/// (1 = the first ballot read). Stored as part of a [`CountEntry`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountOp {
    /// The next paper ballot read.
    Add { ballot: Ballot },
    /// The next paper ballot, read by the camera (拍照计票) and confirmed by the counter:
    /// `ballot` is what the counter confirmed, `camera` what the camera read.
    Read {
        ballot: Ballot,
        camera: Box<crate::omr::propose::CameraRead>,
    },
    /// Ballot `seq` corrected: it now reads as `ballot`.
    Replace { seq: u32, ballot: Ballot },
    /// Ballot `seq` struck out (entered by mistake; "undo" is a strike of the last one).
    Strike { seq: u32 },
    /// Ballot `seq` put back after a strike.
    Restore { seq: u32 },
    /// The figures entered or corrected.
    SetFigures { figures: Figures },
    /// The count deleted (`true`, behind its PIN): kept as 已删除, restorable, its log
    /// whole; or restored (`false`) from 本机数据与备份.
    Deleted(bool),
}

/// Why the log refuses an operation. Codes C10–C15; one message each in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountRefused {
    /// C10: as many ballots are entered as were returned (收回).
    AllReturnedEntered { returned: u32 },
    /// C11: the ballot does not fit the template (a damaged or foreign record).
    WrongShape,
    /// C12: there is no ballot with that number.
    NoSuchBallot { seq: u32 },
    /// C13: that ballot is struck out: restore it first.
    Struck { seq: u32 },
    /// C14: that ballot is not struck out, so there is nothing to restore.
    NotStruck { seq: u32 },
    /// C15: a figure is out of range, or 收回 would be below the ballots already entered.
    FiguresInvalid,
    /// C16: the count is deleted (restore it first), or a delete or restore that changes
    /// nothing.
    Deleted,
    /// C17: a ballot the camera read has `open` things the counter has not decided
    /// ([`crate::omr::propose::Draft::entry`]).
    Undecided { open: u16 },
}

impl CountRefused {
    pub fn code(self) -> &'static str {
        match self {
            CountRefused::AllReturnedEntered { .. } => "C10",
            CountRefused::WrongShape => "C11",
            CountRefused::NoSuchBallot { .. } => "C12",
            CountRefused::Struck { .. } => "C13",
            CountRefused::NotStruck { .. } => "C14",
            CountRefused::FiguresInvalid => "C15",
            CountRefused::Deleted => "C16",
            CountRefused::Undecided { .. } => "C17",
        }
    }
}

/// One stored step of a count: the operation and when it was made, for the audit trail.
/// (Paper ballots are not linked to voters, so neither the time nor the reading order
/// reveals anything.)
///
/// Stored as one flat object, the step told by which fields it has:
/// `{"at_ms":…,"ballot":{…}}` (a ballot read), `{"at_ms":…,"ballot":{…},"camera":{…}}` (a
/// ballot read by the camera), `{"at_ms":…,"replace":3,"ballot":{…}}`,
/// `{"at_ms":…,"strike":3}`, `{"at_ms":…,"restore":3}`, `{"at_ms":…,"figures":{…}}`.
/// (One struct reads all five, where an enum of five would compile five readers.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EntryFile", into = "EntryFile")]
pub struct CountEntry {
    /// Milliseconds since 1970.
    pub at_ms: u64,
    pub op: CountOp,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    at_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replace: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ballot: Option<Ballot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    strike: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    restore: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    figures: Option<Figures>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deleted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    camera: Option<Box<crate::omr::propose::CameraRead>>,
}

impl From<CountEntry> for EntryFile {
    fn from(e: CountEntry) -> EntryFile {
        let mut f = EntryFile {
            at_ms: e.at_ms,
            replace: None,
            ballot: None,
            strike: None,
            restore: None,
            figures: None,
            deleted: None,
            camera: None,
        };
        match e.op {
            CountOp::Add { ballot } => f.ballot = Some(ballot),
            CountOp::Read { ballot, camera } => {
                f.ballot = Some(ballot);
                f.camera = Some(camera);
            }
            CountOp::Replace { seq, ballot } => {
                f.replace = Some(seq);
                f.ballot = Some(ballot);
            }
            CountOp::Strike { seq } => f.strike = Some(seq),
            CountOp::Restore { seq } => f.restore = Some(seq),
            CountOp::SetFigures { figures } => f.figures = Some(figures),
            CountOp::Deleted(d) => f.deleted = Some(d),
        }
        f
    }
}

/// A stored entry that is not exactly one step.
#[derive(Debug)]
pub struct NotOneStep;

impl std::fmt::Display for NotOneStep {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("not one count step")
    }
}

impl TryFrom<EntryFile> for CountEntry {
    type Error = NotOneStep;
    fn try_from(f: EntryFile) -> Result<CountEntry, NotOneStep> {
        if let Some(camera) = f.camera {
            return match (
                f.replace, f.ballot, f.strike, f.restore, f.figures, f.deleted,
            ) {
                (None, Some(ballot), None, None, None, None) => Ok(CountEntry {
                    at_ms: f.at_ms,
                    op: CountOp::Read { ballot, camera },
                }),
                _ => Err(NotOneStep),
            };
        }
        let op = match (
            f.replace, f.ballot, f.strike, f.restore, f.figures, f.deleted,
        ) {
            (None, Some(ballot), None, None, None, None) => CountOp::Add { ballot },
            (Some(seq), Some(ballot), None, None, None, None) => CountOp::Replace { seq, ballot },
            (None, None, Some(seq), None, None, None) => CountOp::Strike { seq },
            (None, None, None, Some(seq), None, None) => CountOp::Restore { seq },
            (None, None, None, None, Some(figures), None) => CountOp::SetFigures { figures },
            (None, None, None, None, None, Some(d)) => CountOp::Deleted(d),
            _ => return Err(NotOneStep),
        };
        Ok(CountEntry { at_ms: f.at_ms, op })
    }
}

/// One paper ballot as it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    /// Its number in reading order, from 1.
    pub seq: u32,
    pub ballot: Ballot,
    pub struck: bool,
    /// How many times it was corrected.
    pub corrections: u32,
}

/// A step of the log that changed one ballot, with the ballot's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotStep {
    Added(u32),
    Corrected(u32),
    Struck(u32),
    Restored(u32),
}

/// A count's log and what follows from it.
///
/// Invariants (tested in `tests/count_props.rs`): every entry in the log passed
/// [`CountLog::check`] when it was applied; the tally always equals the tally of the
/// ballots that stand (`live`), and their number never exceeds 收回 when 收回 is known.
/// Adding a ballot costs the same however many are entered; a correction, strike or
/// restore recounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountLog {
    /// Chunked, so the copy of the count at each step of the app is flat in its size.
    entries: Chunked<CountEntry>,
    entered: Chunked<Entered>,
    figures: Figures,
    tally: Tally,
    /// Figures changed from a known value, oldest first.
    corrections: Vec<Correction>,
    /// When it was deleted, while it is.
    deleted_ms: Option<u64>,
    /// The write-in names of the ballots that stand (normalised), each with the number of
    /// times it is written: kept as each step is applied, so the suggestions cost the same
    /// at 10 000 ballots as at none.
    written: SortedMap<String, u32>,
}

impl CountLog {
    pub fn new(template: &Template, figures: Figures) -> CountLog {
        CountLog {
            entries: Chunked::default(),
            entered: Chunked::default(),
            figures,
            tally: Tally::empty(template),
            corrections: Vec::new(),
            deleted_ms: None,
            written: SortedMap::new(),
        }
    }

    /// When the count was deleted, while it is (已删除, restorable).
    pub fn deleted_ms(&self) -> Option<u64> {
        self.deleted_ms
    }

    /// Every figure changed from a known value, oldest first (修改记录).
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// Replays stored entries; those the log refuses are returned (they are counted as
    /// damaged records, and the rest stands).
    pub fn replay(
        template: &Template,
        figures: Figures,
        entries: impl IntoIterator<Item = CountEntry>,
    ) -> (CountLog, Vec<CountRefused>) {
        let mut log = CountLog::new(template, figures);
        let refused = entries
            .into_iter()
            .filter_map(|e| log.apply(template, e).err())
            .collect();
        (log, refused)
    }

    /// Every entry applied, in order: the audit trail.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &CountEntry> {
        self.entries.iter()
    }

    /// How many entries were applied.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    pub fn figures(&self) -> Figures {
        self.figures
    }

    /// All ballots in reading order, struck ones included.
    pub fn entered(&self) -> impl DoubleEndedIterator<Item = &Entered> {
        self.entered.iter()
    }

    /// How many ballots were entered, struck ones included.
    pub fn entered_count(&self) -> u32 {
        u32::try_from(self.entered.len()).unwrap_or(u32::MAX)
    }

    /// The ballots that count: not struck.
    pub fn live(&self) -> impl Iterator<Item = &Ballot> {
        self.entered.iter().filter(|e| !e.struck).map(|e| &e.ballot)
    }

    /// How many ballots stand (every one of them is in the tally).
    pub fn live_count(&self) -> u32 {
        self.tally.total()
    }

    /// The last ballot not struck: what "undo" strikes.
    pub fn last_live(&self) -> Option<u32> {
        self.entered.iter().rev().find(|e| !e.struck).map(|e| e.seq)
    }

    /// The last step that changed a ballot, from the log itself: what the pad says was
    /// saved ("第 7 张已保存"), and the same after a reload.
    pub fn last_step(&self) -> Option<BallotStep> {
        // A ballot added is the last one entered: every later entry changed no ballot.
        let added = self.entered_count();
        self.entries.iter().rev().find_map(|e| match e.op {
            CountOp::Add { .. } | CountOp::Read { .. } => Some(BallotStep::Added(added)),
            CountOp::Replace { seq, .. } => Some(BallotStep::Corrected(seq)),
            CountOp::Strike { seq } => Some(BallotStep::Struck(seq)),
            CountOp::Restore { seq } => Some(BallotStep::Restored(seq)),
            CountOp::SetFigures { .. } | CountOp::Deleted(_) => None,
        })
    }

    /// The number the next ballot read will get.
    pub fn next_seq(&self) -> u32 {
        u32::try_from(self.entered.len() + 1).unwrap_or(u32::MAX)
    }

    /// Whether another ballot may be added: fewer entered than 收回 (or 收回 unknown).
    pub fn room(&self) -> Result<(), CountRefused> {
        match self.figures.returned {
            Some(returned) if self.live_count() >= returned => {
                Err(CountRefused::AllReturnedEntered { returned })
            }
            _ => Ok(()),
        }
    }

    /// The ballot numbered `seq`.
    pub fn get(&self, seq: u32) -> Result<&Entered, CountRefused> {
        let i = usize::try_from(seq.wrapping_sub(1)).unwrap_or(usize::MAX);
        self.entered
            .get(i)
            .ok_or(CountRefused::NoSuchBallot { seq })
    }

    fn get_mut(&mut self, seq: u32) -> Result<&mut Entered, CountRefused> {
        let i = usize::try_from(seq.wrapping_sub(1)).unwrap_or(usize::MAX);
        self.entered
            .get_mut(i)
            .ok_or(CountRefused::NoSuchBallot { seq })
    }

    /// Whether the rules allow `op` now, without applying it: the screen asks before it
    /// stores anything, so a refused operation never reaches the disk.
    pub fn check(&self, template: &Template, op: &CountOp) -> Result<(), CountRefused> {
        let fits = |b: &Ballot| b.fits(template).map_err(|_| CountRefused::WrongShape);
        let standing = |seq: u32| match self.get(seq)? {
            e if e.struck => Err(CountRefused::Struck { seq }),
            _ => Ok(()),
        };
        match op {
            CountOp::Deleted(d) => {
                return if *d == self.deleted_ms.is_some() {
                    Err(CountRefused::Deleted)
                } else {
                    Ok(())
                };
            }
            _ if self.deleted_ms.is_some() => return Err(CountRefused::Deleted),
            _ => {}
        }
        match op {
            CountOp::Deleted(_) => Ok(()),
            CountOp::Add { ballot } => {
                fits(ballot)?;
                self.room()
            }
            CountOp::Read { ballot, camera } => {
                fits(ballot)?;
                fits(&camera.read)?;
                self.room()
            }
            CountOp::Replace { seq, ballot } => {
                fits(ballot)?;
                standing(*seq)
            }
            CountOp::Strike { seq } => standing(*seq),
            CountOp::Restore { seq } => {
                if !self.get(*seq)?.struck {
                    return Err(CountRefused::NotStruck { seq: *seq });
                }
                self.room()
            }
            CountOp::SetFigures { figures } => {
                let below_entered = figures.returned.is_some_and(|r| r < self.live_count());
                if !figures.in_range() || below_entered {
                    Err(CountRefused::FiguresInvalid)
                } else {
                    Ok(())
                }
            }
        }
    }

    /// One step at `at_ms`, as [`CountLog::apply`] takes it: what a script reading paper
    /// ballots calls for each (`CountOp::Add { ballot }`).
    pub fn enter(
        &mut self,
        template: &Template,
        op: CountOp,
        at_ms: u64,
    ) -> Result<(), CountRefused> {
        self.apply(template, CountEntry { at_ms, op })
    }

    /// Applies one entry if the rules allow it ([`CountLog::check`]); the log is unchanged
    /// otherwise.
    pub fn apply(&mut self, template: &Template, entry: CountEntry) -> Result<(), CountRefused> {
        self.check(template, &entry.op)?;
        match &entry.op {
            CountOp::Add { ballot } | CountOp::Read { ballot, .. } => {
                self.written.count(ballot, true);
                let seq = self.next_seq();
                self.entered.push(Entered {
                    seq,
                    ballot: ballot.clone(),
                    struck: false,
                    corrections: 0,
                });
                // Cannot fail: `check` found that it fits.
                let _ = self.tally.add(template, ballot);
            }
            CountOp::Replace { seq, ballot } => {
                let e = self.get_mut(*seq)?;
                let old = std::mem::replace(&mut e.ballot, ballot.clone());
                e.corrections = e.corrections.saturating_add(1);
                if !e.struck {
                    self.written.count(&old, false);
                    self.written.count(ballot, true);
                }
                self.recount(template);
            }
            CountOp::Strike { seq } | CountOp::Restore { seq } => {
                let strike = matches!(entry.op, CountOp::Strike { .. });
                let e = self.get_mut(*seq)?;
                if e.struck != strike {
                    e.struck = strike;
                    let ballot = e.ballot.clone();
                    self.written.count(&ballot, !strike);
                }
                self.recount(template);
            }
            CountOp::SetFigures { figures } => {
                let changed = self.figures.corrections_to(figures, entry.at_ms);
                self.corrections.extend(changed);
                self.figures = *figures;
            }
            CountOp::Deleted(d) => self.deleted_ms = d.then_some(entry.at_ms),
        }
        self.entries.push(entry);
        Ok(())
    }

    fn recount(&mut self, template: &Template) {
        let mut tally = Tally::empty(template);
        for b in self.live() {
            // Cannot fail: every entered ballot was checked to fit.
            let _ = tally.add(template, b);
        }
        self.tally = tally;
    }

    /// The count of the ballots that stand.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The write-in names entered so far in this count (normalised), most frequent first,
    /// then in name order: the suggestions that keep one person's name spelt one way.
    pub fn write_in_names(&self) -> Vec<String> {
        let written: SortedMap<String, u32> = (self.written.iter())
            .filter(|(_, &n)| n > 0)
            .map(|(name, &n)| (name.clone(), n))
            .collect();
        by_votes(&written)
            .into_iter()
            .map(|(n, _)| n.to_string())
            .collect()
    }
}

/// The write-in names of one ballot counted in (`add`) or out of the names a count's
/// ballots write in.
trait WrittenNames {
    fn count(&mut self, ballot: &Ballot, add: bool);
}

impl WrittenNames for SortedMap<String, u32> {
    fn count(&mut self, ballot: &Ballot, add: bool) {
        let BallotContent::Marked(sections) = &ballot.content else {
            return;
        };
        for s in sections {
            let SectionMarks::Recommendation(r) = s else {
                continue;
            };
            for w in &r.write_ins {
                let name = normalize_name(w);
                if name.is_empty() {
                    continue;
                }
                let n = self.entry_or_default(name);
                *n = if add {
                    n.saturating_add(1)
                } else {
                    n.saturating_sub(1)
                };
            }
        }
    }
}

/// A box on a paper ballot: a listed name's, or a 另选他人 cell's (by position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperBox {
    Listed(u16),
    WriteIn(u16),
}

/// The paper marking operations: what the counter taps as the ballot is read.
impl Ballot {
    /// A listed name marked on the paper, or unmarked (a mis-tap). Never refused: paper can
    /// be over-marked, and [`crate::check`] judges it.
    pub fn toggle_paper_mark(&mut self, template: &Template, section: usize, candidate: u16) {
        self.toggle_paper_box(template, section, PaperBox::Listed(candidate), false);
    }

    /// A mark in one box of the paper drawn, or taken off (a mis-tap): the template's symbol
    /// (○ or √), or × (`cross`). A × exists only under a scheme with ×; a write-in cell's
    /// box there, or where a written name must be marked (`write_in_needs_mark`). Never refused otherwise: a box may hold both marks, and [`crate::check`]
    /// judges it (that entry cannot be read).
    pub fn toggle_paper_box(
        &mut self,
        template: &Template,
        section: usize,
        at: PaperBox,
        cross: bool,
    ) {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return;
        };
        let has_cross = template.spec().marking.scheme.has_cross();
        // A name the template does not list, or a cell it does not have, has no box.
        let exists = match at {
            PaperBox::Listed(i) => usize::from(i) < spec.candidates.len() && (!cross || has_cross),
            PaperBox::WriteIn(slot) => {
                slot < spec.write_in_slots
                    && (has_cross || spec.write_in_needs_mark)
                    && (!cross || has_cross)
            }
        };
        let BallotContent::Marked(s) = &mut self.content else {
            return;
        };
        let Some(SectionMarks::Recommendation(r)) = s.get_mut(section) else {
            return;
        };
        if !exists {
            return;
        }
        let (set, at) = match (at, cross) {
            (PaperBox::Listed(i), false) => (&mut r.marked, i),
            (PaperBox::Listed(i), true) => (&mut r.crossed, i),
            (PaperBox::WriteIn(slot), false) => (&mut r.write_ins_marked, slot),
            (PaperBox::WriteIn(slot), true) => (&mut r.write_ins_crossed, slot),
        };
        if !set.remove(&at) {
            set.insert(at);
        }
    }

    /// A level marked on the paper for one item, or unmarked. Two levels on one item are
    /// allowed here and judged by [`crate::check`] (that item is spoiled).
    pub fn toggle_paper_level(
        &mut self,
        template: &Template,
        section: usize,
        item: usize,
        level: usize,
    ) {
        if level >= template.level_count(section) {
            return;
        }
        if let BallotContent::Marked(s) = &mut self.content {
            if let Some(SectionMarks::Evaluation(items)) = s.get_mut(section) {
                if let Some(current) = items.get_mut(item) {
                    *current = current.toggled(level);
                }
            }
        }
    }

    /// A name written in a 另选他人 cell of the paper. Only text that cannot be a name is
    /// refused (too long, control characters); repeats and listed names are judged by
    /// [`crate::check`] per the template's rule.
    pub fn set_paper_write_in(
        &mut self,
        template: &Template,
        section: usize,
        slot: usize,
        text: &str,
    ) -> Result<(), crate::ballot::MarkRefused> {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return Ok(());
        };
        if slot >= usize::from(spec.write_in_slots) {
            return Ok(());
        }
        // Typed: hidden characters are dropped, as on the tablet (`Ballot::set_write_in`).
        let text = &crate::names::strip_hidden(text);
        if text.chars().count() > limits::MAX_TEXT_CHARS || crate::names::bad_char(text).is_some() {
            return Err(crate::ballot::MarkRefused::WriteInInvalid);
        }
        if let BallotContent::Marked(s) = &mut self.content {
            if let Some(SectionMarks::Recommendation(r)) = s.get_mut(section) {
                if r.write_ins.len() <= slot {
                    r.write_ins.resize(slot + 1, String::new());
                }
                // A decision was about the name that was there.
                if r.write_ins[slot] != *text {
                    r.decided.remove(&u16::try_from(slot).unwrap_or(u16::MAX));
                }
                r.write_ins[slot] = text.to_string();
            }
        }
        Ok(())
    }

    /// The counters' decision on a written name several listed persons share: the person it
    /// counts for, or `None` (they could not tell: it counts for nobody). Only one of those
    /// persons can be decided on; anything else changes nothing.
    pub fn decide_paper_write_in(
        &mut self,
        template: &Template,
        section: usize,
        slot: usize,
        who: Option<u16>,
    ) {
        let Some(Section::Recommendation(spec)) = template.sections().get(section) else {
            return;
        };
        let BallotContent::Marked(s) = &mut self.content else {
            return;
        };
        let Some(SectionMarks::Recommendation(r)) = s.get_mut(section) else {
            return;
        };
        let Some(name) = r.write_ins.get(slot) else {
            return;
        };
        let choices = spec.same_name_choices(name);
        let Ok(at) = u16::try_from(slot) else {
            return;
        };
        match who {
            Some(who) if choices.contains(&who) => {
                r.decided.remove(&at);
                *r.decided.entry_or_default(at) = who;
            }
            None => {
                r.decided.remove(&at);
            }
            Some(_) => {}
        }
    }

    /// The whole paper ballot declared void (无法辨认 …), keeping its category.
    pub fn declared_void(category: Option<u16>, reason: crate::ballot::DeclaredVoid) -> Ballot {
        Ballot {
            category,
            content: BallotContent::Void(reason),
        }
    }
}

/// A count on the blackboard: 正 for each five, then the strokes of the next 正 begun
/// (一 丅 下 止).
pub fn zheng(n: u32) -> String {
    const PARTIAL: [&str; 5] = ["", "一", "丅", "下", "止"];
    let mut s = "正".repeat(usize::try_from(n / 5).unwrap_or(0));
    s.push_str(PARTIAL[usize::try_from(n % 5).unwrap_or(0)]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::DeclaredVoid;
    use crate::check::{check, Verdict, VoidReason};
    use crate::samples;

    /// Replaying the stored log gives the same state, with nothing refused.
    fn assert_replays(t: &Template, log: &CountLog) {
        let (again, refused) = CountLog::replay(
            t,
            Figures::default(),
            log.entries().cloned().collect::<Vec<_>>(),
        );
        assert!(refused.is_empty());
        assert_eq!(&again, log);
    }

    fn recommendation() -> Template {
        samples::all().remove(1)
    }

    fn at(op: CountOp) -> CountEntry {
        CountEntry { at_ms: 0, op }
    }

    fn marked(t: &Template, names: &[u16]) -> Ballot {
        let mut b = Ballot::empty(t, Some(0));
        for &n in names {
            b.toggle_paper_mark(t, 0, n);
        }
        b
    }

    fn figures(issued: u32, returned: u32) -> Figures {
        Figures {
            due: Some(50),
            present: Some(45),
            issued: Some(issued),
            returned: Some(returned),
        }
    }

    #[test]
    fn paper_can_be_over_marked_and_the_core_voids_it() {
        let t = recommendation();
        let b = marked(&t, &[0, 1, 2, 3, 4, 5]);
        let c = check(&t, &b).expect("fits");
        assert_eq!(
            c.verdict,
            Verdict::Void(VoidReason::OverMarked {
                section: 0,
                marked: 6,
                allowed: 5,
                election: false
            })
        );
        // A mis-tap taken back.
        let mut b = b;
        b.toggle_paper_mark(&t, 0, 5);
        assert_eq!(check(&t, &b).expect("fits").verdict, Verdict::Valid);
    }

    #[test]
    fn a_box_has_the_marks_its_scheme_has() {
        use crate::template::Scheme;
        let t = recommendation();
        let mut b = Ballot::empty(&t, None);
        // No × and no write-in box under the agree-only scheme: the taps change nothing.
        b.toggle_paper_box(&t, 0, PaperBox::Listed(1), true);
        b.toggle_paper_box(&t, 0, PaperBox::WriteIn(0), false);
        assert!(b.has_no_marks());
        // Where a written name must be marked, its box takes the symbol (and still no ×).
        let mut spec = t.into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_needs_mark = true;
        }
        let t = spec.clone().check().expect("valid");
        b.toggle_paper_box(&t, 0, PaperBox::WriteIn(0), false);
        b.toggle_paper_box(&t, 0, PaperBox::WriteIn(0), true);
        assert_eq!(b.fits(&t), Ok(()));
        assert!(!b.has_no_marks());
        // Under ○ and ×, both marks in one box, taken back one at a time.
        spec.marking.scheme = Scheme::AgreeOppose;
        let t = spec.check().expect("valid");
        let mut b = Ballot::empty(&t, None);
        b.toggle_paper_box(&t, 0, PaperBox::Listed(1), false);
        b.toggle_paper_box(&t, 0, PaperBox::Listed(1), true);
        b.toggle_paper_box(&t, 0, PaperBox::Listed(9), true);
        let c = check(&t, &b).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        b.toggle_paper_box(&t, 0, PaperBox::Listed(1), false);
        b.toggle_paper_box(&t, 0, PaperBox::Listed(1), true);
        assert!(b.has_no_marks());
    }

    #[test]
    fn two_levels_on_paper_spoil_that_item() {
        let t = samples::all().remove(0);
        let mut b = Ballot::empty(&t, Some(0));
        b.toggle_paper_level(&t, 0, 3, 0);
        b.toggle_paper_level(&t, 0, 3, 2);
        let c = check(&t, &b).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
        let mut tally = Tally::empty(&t);
        tally.add(&t, &b).expect("fits");
        let crate::tally::SectionTally::Evaluation(e) = &tally.combined().sections[0] else {
            panic!("evaluation");
        };
        assert_eq!(e.items[3].spoiled, 1);
    }

    #[test]
    fn paper_write_ins_are_kept_as_read_and_judged_by_the_rules() {
        let t = recommendation();
        let mut b = Ballot::empty(&t, Some(0));
        b.set_paper_write_in(&t, 0, 0, "赵  六").expect("text ok");
        b.set_paper_write_in(&t, 0, 1, "王秀英")
            .expect("a listed name is read as written");
        assert!(b.set_paper_write_in(&t, 0, 1, "x\u{7}").is_err());
        let c = check(&t, &b).expect("fits");
        assert_eq!(c.verdict, Verdict::Valid);
    }

    #[test]
    fn the_last_ballot_step_is_read_from_the_log() {
        let t = recommendation();
        let mut log = CountLog::new(&t, figures(9, 9));
        assert_eq!(log.last_step(), None);
        let add = |n| {
            at(CountOp::Add {
                ballot: marked(&t, &[n]),
            })
        };
        log.apply(&t, add(0)).expect("1");
        log.apply(&t, add(1)).expect("2");
        assert_eq!(log.last_step(), Some(BallotStep::Added(2)));
        log.apply(
            &t,
            at(CountOp::SetFigures {
                figures: figures(9, 8),
            }),
        )
        .expect("figures");
        assert_eq!(
            log.last_step(),
            Some(BallotStep::Added(2)),
            "figures change no ballot"
        );
        log.apply(&t, at(CountOp::Strike { seq: 2 }))
            .expect("strike");
        assert_eq!(log.last_step(), Some(BallotStep::Struck(2)));
        log.apply(
            &t,
            at(CountOp::Replace {
                seq: 1,
                ballot: marked(&t, &[2]),
            }),
        )
        .expect("replace");
        assert_eq!(log.last_step(), Some(BallotStep::Corrected(1)));
        log.apply(&t, at(CountOp::Restore { seq: 2 }))
            .expect("restore");
        assert_eq!(log.last_step(), Some(BallotStep::Restored(2)));
        log.apply(&t, add(3)).expect("3");
        assert_eq!(log.last_step(), Some(BallotStep::Added(3)));
    }

    #[test]
    fn no_more_ballots_than_returned() {
        let t = recommendation();
        let mut log = CountLog::new(&t, figures(3, 2));
        log.apply(
            &t,
            at(CountOp::Add {
                ballot: marked(&t, &[0]),
            }),
        )
        .expect("1");
        log.apply(
            &t,
            at(CountOp::Add {
                ballot: marked(&t, &[1]),
            }),
        )
        .expect("2");
        assert_eq!(
            log.apply(
                &t,
                at(CountOp::Add {
                    ballot: marked(&t, &[2])
                })
            ),
            Err(CountRefused::AllReturnedEntered { returned: 2 })
        );
        assert_eq!(log.live_count(), 2);
        // A struck ballot makes room; restoring it needs room again.
        log.apply(&t, at(CountOp::Strike { seq: 2 }))
            .expect("strike");
        log.apply(
            &t,
            at(CountOp::Add {
                ballot: marked(&t, &[3]),
            }),
        )
        .expect("3");
        assert_eq!(
            log.apply(&t, at(CountOp::Restore { seq: 2 })),
            Err(CountRefused::AllReturnedEntered { returned: 2 })
        );
        // 收回 cannot be set below what is entered.
        assert_eq!(
            log.apply(
                &t,
                at(CountOp::SetFigures {
                    figures: figures(3, 1)
                })
            ),
            Err(CountRefused::FiguresInvalid)
        );
        log.apply(
            &t,
            at(CountOp::SetFigures {
                figures: figures(3, 3),
            }),
        )
        .expect("more returned");
        log.apply(&t, at(CountOp::Restore { seq: 2 }))
            .expect("room now");
        assert_eq!(log.live_count(), 3);
    }

    #[test]
    fn corrections_and_strikes_are_logged_not_erased() {
        let t = recommendation();
        let mut log = CountLog::new(&t, Figures::default());
        for names in [&[0u16][..], &[1], &[2]] {
            log.apply(
                &t,
                at(CountOp::Add {
                    ballot: marked(&t, names),
                }),
            )
            .expect("add");
        }
        log.apply(
            &t,
            at(CountOp::Replace {
                seq: 2,
                ballot: marked(&t, &[4]),
            }),
        )
        .expect("correct");
        let undo = log.last_live().expect("a last ballot");
        assert_eq!(undo, 3);
        log.apply(&t, at(CountOp::Strike { seq: undo }))
            .expect("undo");
        assert_eq!(
            log.apply(&t, at(CountOp::Strike { seq: 3 })),
            Err(CountRefused::Struck { seq: 3 })
        );
        assert_eq!(
            log.apply(
                &t,
                at(CountOp::Replace {
                    seq: 3,
                    ballot: marked(&t, &[0])
                })
            ),
            Err(CountRefused::Struck { seq: 3 })
        );
        assert_eq!(
            log.apply(&t, at(CountOp::Restore { seq: 1 })),
            Err(CountRefused::NotStruck { seq: 1 })
        );
        assert_eq!(
            log.apply(&t, at(CountOp::Strike { seq: 9 })),
            Err(CountRefused::NoSuchBallot { seq: 9 })
        );
        assert_eq!(
            log.apply(&t, at(CountOp::Strike { seq: 0 })),
            Err(CountRefused::NoSuchBallot { seq: 0 })
        );
        assert_eq!(log.entry_count(), 5, "refusals leave no trace");
        assert_eq!(log.entered().nth(1).expect("entered").corrections, 1);
        assert!(log.entered().nth(2).expect("entered").struck);
        let tally = log.tally();
        assert_eq!(tally.total(), 2);
        let crate::tally::SectionTally::Recommendation(r) = &tally.combined().sections[0] else {
            panic!("recommendation");
        };
        assert_eq!(r.votes[0], 1);
        assert_eq!(r.votes[1], 0);
        assert_eq!(r.votes[4], 1);
        assert_replays(&t, &log);
    }

    #[test]
    fn a_foreign_ballot_is_refused() {
        let t = recommendation();
        let other = samples::all().remove(0);
        let mut log = CountLog::new(&t, Figures::default());
        assert_eq!(
            log.apply(
                &t,
                at(CountOp::Add {
                    ballot: Ballot::empty(&other, None)
                })
            ),
            Err(CountRefused::WrongShape)
        );
    }

    #[test]
    fn blank_and_declared_void_ballots_count_apart() {
        let t = recommendation();
        let mut log = CountLog::new(&t, Figures::default());
        for ballot in [
            Ballot::empty(&t, Some(0)),
            Ballot::declared_void(Some(0), DeclaredVoid::Unreadable),
            Ballot::declared_void(Some(0), DeclaredVoid::Other),
            marked(&t, &[0, 1, 2, 3, 4, 5]),
            marked(&t, &[6]),
        ] {
            log.apply(&t, at(CountOp::Add { ballot })).expect("add");
        }
        let part = log.tally().combined();
        assert_eq!((part.valid, part.blank, part.void), (1, 1, 3));
    }

    #[test]
    fn write_in_suggestions_come_most_frequent_first_in_one_spelling() {
        let t = recommendation();
        let mut log = CountLog::new(&t, Figures::default());
        for names in [["赵六", ""], ["赵 六", "孙七"], ["钱八", "赵六"]] {
            let mut b = Ballot::empty(&t, Some(0));
            for (slot, n) in names.iter().enumerate() {
                b.set_paper_write_in(&t, 0, slot, n).expect("text");
            }
            log.apply(&t, at(CountOp::Add { ballot: b })).expect("add");
        }
        assert_eq!(log.write_in_names(), vec!["赵六", "孙七", "钱八"]);
    }

    #[test]
    fn the_blackboard_count() {
        let cases = [
            (0, ""),
            (1, "一"),
            (2, "丅"),
            (3, "下"),
            (4, "止"),
            (5, "正"),
            (7, "正丅"),
            (12, "正正丅"),
        ];
        for (n, s) in cases {
            assert_eq!(zheng(n), s, "{n}");
        }
    }

    #[test]
    fn entries_are_stored_flat_and_round_trip() {
        let t = recommendation();
        let ballot = marked(&t, &[1]);
        let ops = [
            CountOp::Add {
                ballot: ballot.clone(),
            },
            CountOp::Replace {
                seq: 1,
                ballot: ballot.clone(),
            },
            CountOp::Strike { seq: 1 },
            CountOp::Restore { seq: 1 },
            CountOp::SetFigures {
                figures: figures(3, 3),
            },
        ];
        let stored = [
            r#"{"at_ms":7,"ballot":{"c":0,"b":{"m":[{"r":{"m":[1],"w":["",""]}}]}}}"#,
            r#"{"at_ms":7,"replace":1,"ballot":{"c":0,"b":{"m":[{"r":{"m":[1],"w":["",""]}}]}}}"#,
            r#"{"at_ms":7,"strike":1}"#,
            r#"{"at_ms":7,"restore":1}"#,
            r#"{"at_ms":7,"figures":{"due":50,"present":45,"issued":3,"returned":3}}"#,
        ];
        for (op, json) in ops.into_iter().zip(stored) {
            let entry = CountEntry { at_ms: 7, op };
            assert_eq!(serde_json::to_string(&entry).expect("json"), json);
            assert_eq!(
                serde_json::from_str::<CountEntry>(json).expect("back"),
                entry
            );
        }
        // Not exactly one step, or a field it does not know: refused.
        for bad in [
            r#"{"at_ms":7}"#,
            r#"{"at_ms":7,"strike":1,"restore":1}"#,
            r#"{"at_ms":7,"replace":1}"#,
            r#"{"at_ms":7,"strike":1,"x":0}"#,
        ] {
            assert!(serde_json::from_str::<CountEntry>(bad).is_err(), "{bad}");
        }
    }

    /// A count longer than a chunk: a copy taken before a strike and a correction (what the
    /// screen still shows while the reducer makes the next state) is left as it was, and
    /// the changed log replays to itself.
    #[test]
    fn a_long_count_is_copied_without_its_steps_and_changed_without_touching_the_copy() {
        let t = recommendation();
        let mut log = CountLog::new(&t, Figures::default());
        let n = u32::try_from(crate::chunked::CHUNK).expect("small") + 44;
        for i in 0..n {
            let ballot = marked(&t, &[u16::try_from(i % 7).expect("small")]);
            log.apply(&t, at(CountOp::Add { ballot })).expect("add");
        }
        let before = log.clone();
        log.apply(&t, at(CountOp::Strike { seq: 5 }))
            .expect("strike");
        log.apply(
            &t,
            at(CountOp::Replace {
                seq: n - 1,
                ballot: marked(&t, &[6]),
            }),
        )
        .expect("replace");
        assert_eq!(before.live_count(), n);
        assert!(before.get(5).is_ok_and(|e| !e.struck));
        assert_eq!(log.live_count(), n - 1);
        assert!(log.get(5).is_ok_and(|e| e.struck));
        assert_eq!(log.get(n - 1).map(|e| e.corrections), Ok(1));
        assert_eq!(before.get(n - 1).map(|e| e.corrections), Ok(0));
        assert_eq!(log.tally(), &Tally::of(&t, log.live()).expect("fits"));
        assert_replays(&t, &log);
    }
}
