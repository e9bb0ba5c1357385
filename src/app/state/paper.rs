//! Paper counts in the app state: the counts on this device, the counting screen's state
//! (the paper ballot on the pad, what is being corrected) and the steps that store them.
//!
//! Pure like the rest of the reducer: every step is first asked of the core
//! (`CountLog::check`); an allowed one goes to `pending` as one log entry, and only the
//! store's report applies it to the count. So the screen moves on to the next ballot only
//! once the last one is on disk, and a refused step never reaches the disk.

use std::rc::Rc;

use ballot_core::ballot::{BallotContent, DeclaredVoid};
use ballot_core::checkpoint::CountSum;
use ballot_core::count::{CountEntry, CountLog, CountOp, CountRecord, CountRefused, CountSpec};
use ballot_core::figures::{parse_figures, Figures};
use ballot_core::form::{SessionError, SessionField};
use ballot_core::omr::layout::BoxRef;
use ballot_core::omr::propose::{set_box, BoxMarks, Draft, Open, Proposal};
use ballot_core::pin::{Kdf, Pin};
use ballot_core::{fingerprint, Ballot, Section, Template};

use super::{AfterDerive, AppState, Page, StoreError, Write};

/// A paper count on this device, with what follows from its log.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub record: Rc<CountRecord>,
    pub template: Rc<Template>,
    pub fingerprint: String,
    pub replay: Replay,
}

/// What this window knows of a count's log.
#[derive(Debug, Clone, PartialEq)]
pub enum Replay {
    /// Read and replayed: the count is open in this window (or its checkpoint could not be
    /// used). The only state in which it is shown beyond its card, and written.
    Replayed(Replayed),
    /// Only its checkpoint, for its card on the home screen (`ballot_core::checkpoint`).
    Summed(CountSum),
    /// Neither: its checkpoint cannot be used and the code that replays a log (in the later
    /// chunk, `app::later`) could not be fetched. Its card says so; it is never opened so.
    Unread,
}

/// A count's log as read and replayed.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    pub log: CountLog,
    /// The number the next log entry is stored under: one past the highest stored, damaged
    /// records included, so a key is never tried twice.
    pub next_key: u32,
    /// Steps of its log that could not be read or applied (`StoredCount::unreadable`).
    pub unreadable: u32,
}

impl Replayed {
    /// What the log adds up to: its checkpoint.
    pub fn sum(&self) -> CountSum {
        count_sum(&self.log, self.next_key, self.unreadable)
    }
}

/// What a count's log adds up to: its checkpoint (`next_key` and `unreadable` as in
/// [`Replayed`]).
pub fn count_sum(log: &CountLog, next_key: u32, unreadable: u32) -> CountSum {
    CountSum::new(
        next_key,
        log.live_count(),
        unreadable,
        log.figures(),
        log.deleted_ms(),
    )
}

impl Count {
    /// A count as stored, with what this window knows of its log.
    pub(super) fn stored(record: CountRecord, template: Template, replay: Replay) -> Count {
        Count {
            fingerprint: fingerprint(&template),
            template: Rc::new(template),
            record: Rc::new(record),
            replay,
        }
    }

    pub(super) fn new(record: CountRecord, template: Template) -> Count {
        Count {
            fingerprint: fingerprint(&template),
            replay: Replay::Replayed(Replayed {
                log: CountLog::new(&template, record.figures),
                next_key: 0,
                unreadable: 0,
            }),
            template: Rc::new(template),
            record: Rc::new(record),
        }
    }

    /// Its log, when this window has read it.
    pub fn replayed(&self) -> Option<&Replayed> {
        match &self.replay {
            Replay::Replayed(r) => Some(r),
            Replay::Summed(_) | Replay::Unread => None,
        }
    }

    /// What its log adds up to (its checkpoint), when known.
    pub fn sum(&self) -> Option<CountSum> {
        match &self.replay {
            Replay::Replayed(r) => Some(r.sum()),
            Replay::Summed(sum) => Some(*sum),
            Replay::Unread => None,
        }
    }

    pub fn id(&self) -> &str {
        &self.record.id
    }

    pub fn spec(&self) -> &CountSpec {
        &self.record.spec
    }

    /// An unmarked paper ballot of this count (its category preset).
    pub fn empty_ballot(&self) -> Ballot {
        Ballot::empty(&self.template, self.record.spec.category)
    }

    /// The category's name, when the template has categories.
    pub fn category_name(&self) -> Option<&str> {
        let i = usize::from(self.record.spec.category?);
        self.template.categories().get(i).map(String::as_str)
    }
}

/// The counting screen's state for one count.
#[derive(Debug, Clone, PartialEq)]
pub struct Counting {
    pub count: String,
    /// The paper ballot on the pad, as the counter has tapped it so far.
    pub ballot: Ballot,
    /// The entered ballot being corrected, or `None` while entering the next one.
    pub correcting: Option<u32>,
    /// Why the last step on the pad was refused or not stored.
    pub problem: Option<PadProblem>,
    /// Why the figures were refused (C15), or which fields are wrong (S05).
    pub figures_problem: Option<FiguresProblem>,
    /// The ballot on the pad as the camera read it (拍照计票), until it is entered.
    pub camera: Option<CameraDraft>,
}

impl Counting {
    /// Whether a ballot the camera read may be put on the pad: nothing being corrected, no
    /// reading on it already, and no tap of the counter's to overwrite.
    pub fn takes_reading(&self, count: &Count) -> bool {
        self.correcting.is_none() && self.camera.is_none() && self.ballot == count.empty_ballot()
    }
}

/// A ballot read by the camera, on the pad: what the counter still decides, and the images
/// of those parts of the photo (`data:` URLs, dropped once the ballot is entered: the
/// photo is not kept).
#[derive(Debug, Clone, PartialEq)]
pub struct CameraDraft {
    pub draft: Draft,
    pub images: Rc<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PadProblem {
    Refused(CountRefused),
    NotStored(StoreError),
    /// A write-in that cannot be a name (too long, control characters).
    BadWriteIn,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FiguresProblem {
    Fields(Vec<(SessionField, SessionError)>),
    Refused(CountRefused),
}

/// The counter's taps on the pad: what the paper shows. Never refused (paper can be
/// over-marked); the core judges the ballot, and the screen says so before the commit.
#[derive(Debug, Clone, PartialEq)]
pub enum PadAction {
    Toggle {
        section: usize,
        candidate: u16,
    },
    /// A mark in a box under a scheme with ×: the symbol or × (`cross`), in a listed
    /// name's box or a write-in cell's.
    Box {
        section: usize,
        at: ballot_core::count::PaperBox,
        cross: bool,
    },
    Level {
        section: usize,
        item: usize,
        level: usize,
    },
    WriteIn {
        section: usize,
        slot: usize,
        text: String,
    },
    /// The counters' decision on a written name several listed persons share: the person
    /// it counts for, or `None` (they cannot tell).
    Decide {
        section: usize,
        slot: usize,
        who: Option<u16>,
    },
    /// The k-th mark button of the pad, from a keyboard (see [`key_for`]).
    Key(usize),
    Clear,
}

/// A step on a count that the counter confirms first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountAsk {
    /// Strike ballot `seq`; `undo` when it is "划去上一张".
    Strike {
        seq: u32,
        undo: bool,
    },
    Delete,
}

/// What was typed into the four figure fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FiguresForm {
    pub due: String,
    pub present: String,
    pub issued: String,
    pub returned: String,
}

impl FiguresForm {
    /// The form filled in with figures as they stand.
    pub fn of(f: Figures) -> FiguresForm {
        let text = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        FiguresForm {
            due: text(f.due),
            present: text(f.present),
            issued: text(f.issued),
            returned: text(f.returned),
        }
    }

    fn parse(&self) -> Result<Figures, Vec<(SessionField, SessionError)>> {
        parse_figures(&self.due, &self.present, &self.issued, &self.returned)
    }
}

/// What the counter typed into the new-count form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountForm {
    pub template: usize,
    pub area: String,
    pub branch: String,
    pub category: Option<u16>,
    pub figures: FiguresForm,
    /// The PIN deleting the count will need, typed twice.
    pub pin: String,
    pub pin_repeat: String,
    /// 测试模式: a rehearsal with the template's test deck.
    pub test: bool,
}

/// The keys of a keyboard that tap the pad's mark buttons, in order.
const KEYS: &[u8] = b"123456789abcdefghijklmnopqrstuvwxyz";

/// The key that taps the k-th mark button, if there is one.
pub fn key_for(k: usize) -> Option<char> {
    KEYS.get(k).map(|&b| char::from(b))
}

/// Which mark button a key taps.
pub fn key_index(key: &str) -> Option<usize> {
    let [b] = key.as_bytes() else {
        return None;
    };
    KEYS.iter().position(|k| *k == b.to_ascii_lowercase())
}

/// The mark buttons of a listed name on the pad: its symbol, and under a scheme with × the
/// × after it.
pub fn buttons_per_name(template: &Template) -> usize {
    if template.spec().marking.scheme.has_cross() {
        2
    } else {
        1
    }
}

/// How many mark buttons come before `section`: a recommendation section has one per
/// listed name (two under a scheme with ×), an evaluation one per item and level.
pub fn marks_before(template: &Template, section: usize) -> usize {
    let per_name = buttons_per_name(template);
    template
        .sections()
        .iter()
        .take(section)
        .map(|s| match s {
            Section::Recommendation(r) => r.candidates.len() * per_name,
            Section::Evaluation(e) => e.item_count() * e.levels.len(),
        })
        .sum()
}

/// The tap on the k-th mark button of the pad (`Toggle` for a name, `Box` for a name's
/// symbol or × under a scheme with ×, `Level` for a level).
pub fn mark_at(template: &Template, mut k: usize) -> Option<PadAction> {
    let per_name = buttons_per_name(template);
    for (section, s) in template.sections().iter().enumerate() {
        match s {
            Section::Recommendation(r) if k < r.candidates.len() * per_name => {
                let candidate = u16::try_from(k / per_name).ok()?;
                if per_name == 1 {
                    return Some(PadAction::Toggle { section, candidate });
                }
                return Some(PadAction::Box {
                    section,
                    at: ballot_core::count::PaperBox::Listed(candidate),
                    cross: k % per_name == 1,
                });
            }
            Section::Recommendation(r) => k -= r.candidates.len() * per_name,
            Section::Evaluation(e) => {
                let levels = e.levels.len();
                if k < e.item_count() * levels {
                    return Some(PadAction::Level {
                        section,
                        item: k / levels,
                        level: k % levels,
                    });
                }
                k -= e.item_count() * levels;
            }
        }
    }
    None
}

impl AppState {
    pub fn count(&self, id: &str) -> Option<&Count> {
        self.counts.iter().find(|c| c.id() == id)
    }

    pub(super) fn count_mut(&mut self, id: &str) -> Option<&mut Count> {
        Rc::make_mut(&mut self.counts)
            .iter_mut()
            .find(|c| c.id() == id)
    }

    /// A count this window has read in full, with its log.
    pub fn replayed(&self, id: &str) -> Option<(&Count, &Replayed)> {
        let c = self.count(id)?;
        Some((c, c.replayed()?))
    }

    /// The count on screen with its log and its counting state.
    fn counting(&self) -> Option<(&Count, &Replayed, &Counting)> {
        let c = self.counting.as_ref()?;
        let (count, r) = self.replayed(&c.count)?;
        Some((count, r, c))
    }

    pub(super) fn open_count(&mut self, id: &str) {
        let Some((count, _)) = self.replayed(id) else {
            return;
        };
        self.counting = Some(Counting {
            count: id.to_string(),
            ballot: count.empty_ballot(),
            correcting: None,
            problem: None,
            figures_problem: None,
            camera: None,
        });
        self.page = Page::Count(id.to_string());
    }

    pub(super) fn create_count(
        &mut self,
        form: CountForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    ) {
        let Some(entry) = self.templates.get(form.template) else {
            return;
        };
        let spec = CountSpec {
            area: form.area,
            branch: form.branch,
            category: form.category,
        }
        .checked(&entry.template);
        let figures = form.figures.parse();
        let mut errors = Vec::new();
        if let Err(e) = &spec {
            errors.extend_from_slice(e);
        }
        if let Err(e) = &figures {
            errors.extend_from_slice(e);
        }
        let pin = Pin::typed(&form.pin, &form.pin_repeat);
        if let Err(e) = &pin {
            errors.push(*e);
        }
        self.form_errors = Rc::new(errors);
        let (Ok(spec), Ok(figures), Ok(pin)) = (spec, figures, pin) else {
            return;
        };
        let record = CountRecord {
            v: 1,
            id,
            template: entry.template.canonical_json(),
            spec,
            figures,
            opened_ms: now_ms,
            pin: None,
            test: form.test,
        };
        // Stored once the browser has derived the PIN.
        self.derive(
            pin,
            Kdf::new(salt),
            AfterDerive::OpenCount(Box::new(record)),
        );
    }

    /// Asks the core whether `op` may be applied to the count on screen, and if so asks
    /// for it to be stored.
    fn store_op(&mut self, op: CountOp, now_ms: u64) -> Result<(), CountRefused> {
        let Some((count, r, _)) = self.counting() else {
            return Ok(());
        };
        let entry = CountEntry { at_ms: now_ms, op };
        // Checked as it is applied, to a copy: what the log adds up to with this step is
        // stored with it (its checkpoint). The copy is flat in the count's size (its log's
        // chunks are shared).
        let mut after = r.clone();
        after.log.apply(&count.template, entry.clone())?;
        after.next_key = r.next_key.saturating_add(1);
        let write = Write::CountEntry {
            count: count.id().to_string(),
            key: r.next_key,
            entry,
            sum: after.sum(),
        };
        self.request(write);
        Ok(())
    }

    /// Commits a paper ballot: the next one read, or the correction of the one on the pad.
    /// `None` commits the pad's ballot as tapped; blank and void buttons pass their own.
    pub(super) fn commit(&mut self, ballot: Option<Ballot>, now_ms: u64) {
        let Some((_, _, c)) = self.counting() else {
            return;
        };
        let from_pad = ballot.is_none();
        let ballot = ballot.unwrap_or_else(|| c.ballot.clone());
        let op = match (c.correcting, &c.camera) {
            (Some(seq), _) => Ok(CountOp::Replace { seq, ballot }),
            // Nothing the camera left to the counter is entered undecided (C17).
            (None, Some(d)) if from_pad => d.draft.entry(ballot),
            // 空白票 and 废票 are the counter's decision on the whole ballot.
            (None, Some(d)) => Ok(CountOp::Read {
                ballot,
                camera: Box::new(d.draft.record()),
            }),
            (None, None) => Ok(CountOp::Add { ballot }),
        };
        let result = op.and_then(|op| self.store_op(op, now_ms));
        if let Some(c) = self.counting.as_mut() {
            c.problem = result.err().map(PadProblem::Refused);
        }
    }

    pub(super) fn commit_blank(&mut self, now_ms: u64) {
        if let Some((count, _, _)) = self.counting() {
            let blank = count.empty_ballot();
            self.commit(Some(blank), now_ms);
        }
    }

    pub(super) fn commit_void(&mut self, reason: DeclaredVoid, now_ms: u64) {
        if let Some((count, _, _)) = self.counting() {
            let void = Ballot::declared_void(count.spec().category, reason);
            self.commit(Some(void), now_ms);
        }
    }

    pub(super) fn pad(&mut self, action: PadAction) {
        let Some((count, _, _)) = self.counting() else {
            return;
        };
        let template = Rc::clone(&count.template);
        let empty = count.empty_ballot();
        let Some(c) = self.counting.as_mut() else {
            return;
        };
        c.problem = None;
        let action = match action {
            PadAction::Key(k) => match mark_at(&template, k) {
                Some(tap) => tap,
                None => return,
            },
            other => other,
        };
        // A tap on a box the camera left to the counter is the counter's decision on it.
        let touched = match action {
            PadAction::Toggle { section, candidate } => Some(BoxRef::Listed {
                section,
                candidate: usize::from(candidate),
            }),
            PadAction::Box { section, at, .. } => Some(match at {
                ballot_core::count::PaperBox::Listed(i) => BoxRef::Listed {
                    section,
                    candidate: usize::from(i),
                },
                ballot_core::count::PaperBox::WriteIn(i) => BoxRef::WriteIn {
                    section,
                    slot: usize::from(i),
                },
            }),
            PadAction::Level {
                section,
                item,
                level,
            } => Some(BoxRef::Level {
                section,
                item,
                level,
            }),
            _ => None,
        };
        if let (Some(what), Some(d)) = (touched, c.camera.as_mut()) {
            d.draft.touched(what);
        }
        match action {
            PadAction::Toggle { section, candidate } => {
                c.ballot.toggle_paper_mark(&template, section, candidate)
            }
            PadAction::Box { section, at, cross } => {
                c.ballot.toggle_paper_box(&template, section, at, cross)
            }
            PadAction::Decide { section, slot, who } => c
                .ballot
                .decide_paper_write_in(&template, section, slot, who),
            PadAction::Level {
                section,
                item,
                level,
            } => c.ballot.toggle_paper_level(&template, section, item, level),
            PadAction::WriteIn {
                section,
                slot,
                text,
            } => {
                if c.ballot
                    .set_paper_write_in(&template, section, slot, &text)
                    .is_err()
                {
                    c.problem = Some(PadProblem::BadWriteIn);
                }
            }
            // Starting the ballot again drops what the camera read.
            PadAction::Clear => {
                c.ballot = empty;
                c.camera = None;
            }
            PadAction::Key(_) => {}
        }
    }

    /// Puts entered ballot `seq` on the pad to be corrected.
    pub(super) fn correct(&mut self, seq: u32) {
        let Some((count, r, _)) = self.counting() else {
            return;
        };
        let Ok(entered) = r.log.get(seq) else {
            return;
        };
        if entered.struck {
            return;
        }
        // A ballot declared void is corrected by entering it again from an empty pad.
        let ballot = match &entered.ballot.content {
            BallotContent::Void(_) => count.empty_ballot(),
            BallotContent::Marked(_) => entered.ballot.clone(),
        };
        if let Some(c) = self.counting.as_mut() {
            c.ballot = ballot;
            c.correcting = Some(seq);
            c.problem = None;
        }
    }

    /// A ballot the camera read, put on the pad for the counter to check and decide. Only
    /// on an empty pad, for the next ballot (never over a correction or the counter's taps).
    pub(super) fn camera_read(&mut self, proposal: Proposal, images: Vec<String>) {
        let Some((count, _, c)) = self.counting() else {
            return;
        };
        if !c.takes_reading(count)
            || proposal.ballot.fits(&count.template).is_err()
            || proposal.ballot.category != count.spec().category
        {
            return;
        }
        if let Some(c) = self.counting.as_mut() {
            c.ballot = proposal.ballot.clone();
            c.problem = None;
            c.camera = Some(CameraDraft {
                draft: Draft::new(proposal),
                images: Rc::new(images),
            });
        }
    }

    /// The counter's decision on the `k`-th thing the camera left open: what a box holds
    /// (`marks`), or, for a written name, that the name typed on the pad is right.
    pub(super) fn camera_decide(&mut self, k: usize, marks: Option<BoxMarks>) {
        let Some((count, _, _)) = self.counting() else {
            return;
        };
        let template = Rc::clone(&count.template);
        let Some(c) = self.counting.as_mut() else {
            return;
        };
        let Some(d) = c.camera.as_mut() else {
            return;
        };
        match (d.draft.proposal().open.get(k).copied(), marks) {
            (Some(Open::Box { what, .. }), Some(marks)) => {
                set_box(&mut c.ballot, &template, what, marks);
                d.draft.decide(k);
            }
            (Some(Open::Name { .. }), None) => d.draft.decide(k),
            _ => return,
        }
        if d.draft.ready() {
            c.problem = None;
        }
    }

    pub(super) fn cancel_correction(&mut self) {
        let Some((count, _, _)) = self.counting() else {
            return;
        };
        let empty = count.empty_ballot();
        if let Some(c) = self.counting.as_mut() {
            c.ballot = empty;
            c.correcting = None;
            c.problem = None;
            c.camera = None;
        }
    }

    pub(super) fn restore(&mut self, seq: u32, now_ms: u64) {
        let result = self.store_op(CountOp::Restore { seq }, now_ms);
        if let Some(c) = self.counting.as_mut() {
            c.problem = result.err().map(PadProblem::Refused);
        }
    }

    pub(super) fn set_figures(&mut self, form: FiguresForm, now_ms: u64) {
        let result = match form.parse() {
            Ok(figures) => self
                .store_op(CountOp::SetFigures { figures }, now_ms)
                .map_err(FiguresProblem::Refused),
            Err(fields) => Err(FiguresProblem::Fields(fields)),
        };
        if let Some(c) = self.counting.as_mut() {
            c.figures_problem = result.err();
        }
    }

    pub(super) fn answer(&mut self, yes: bool, now_ms: u64) {
        let Some(ask) = self.asking.take() else {
            return;
        };
        if !yes {
            return;
        }
        match ask {
            CountAsk::Strike { seq, .. } => {
                let result = self.store_op(CountOp::Strike { seq }, now_ms);
                if let Some(c) = self.counting.as_mut() {
                    c.problem = result.err().map(PadProblem::Refused);
                }
            }
            // A count started before counts had PINs: deleted on this confirmation, as
            // 已删除 (restorable, its log kept).
            CountAsk::Delete => self.delete_count(now_ms),
        }
    }

    /// Deletes the count on screen: kept as 已删除 for 30 days with its whole log,
    /// restorable from 本机数据与备份.
    pub(crate) fn delete_count(&mut self, now_ms: u64) {
        let result = self.store_op(CountOp::Deleted(true), now_ms);
        if let Some(c) = self.counting.as_mut() {
            c.problem = result.err().map(PadProblem::Refused);
        }
    }

    /// The store's report on a count's write.
    pub(super) fn count_written(&mut self, write: Write, result: Result<(), StoreError>) {
        match (write, result) {
            (Write::Count(record), Ok(())) => {
                if let Some(template) = crate::app::later::parse(&record.template) {
                    let id = record.id.clone();
                    let count = Count::new((*record).clone(), template);
                    Rc::make_mut(&mut self.counts).insert(0, count);
                    self.open_count(&id);
                }
            }
            // Applied to the count by `AppState::stored_in_log` (or, if it could not be, the
            // count is read again).
            (Write::CountEntry { count, entry, .. }, Ok(())) => {
                let from_pad = matches!(
                    entry.op,
                    CountOp::Add { .. } | CountOp::Read { .. } | CountOp::Replace { .. }
                );
                if from_pad {
                    self.cancel_correction();
                }
                if let Some(c) = self.counting.as_mut() {
                    c.figures_problem = None;
                }
                if self
                    .count(&count)
                    .and_then(Count::sum)
                    .is_some_and(|s| s.deleted_ms.is_some())
                {
                    self.counting = None;
                    self.page = Page::Home;
                }
            }
            (Write::CountEntry { entry, .. }, Err(e)) => {
                let from_pad = matches!(
                    entry.op,
                    CountOp::Add { .. } | CountOp::Read { .. } | CountOp::Replace { .. }
                );
                match self.counting.as_mut() {
                    // The marks stay on the pad, to try again.
                    Some(c) if from_pad => c.problem = Some(PadProblem::NotStored(e)),
                    _ => self.notice = Some(e),
                }
            }
            (Write::Count(_), Err(e)) => self.notice = Some(e),
            // Only a count's writes are handed here (`AppState::written`).
            (
                Write::Ballot { .. }
                | Write::Session(_)
                | Write::Event { .. }
                | Write::Voting(_)
                | Write::PinGuard(_)
                | Write::Checkpoint { .. },
                _,
            ) => {}
        }
    }
}
