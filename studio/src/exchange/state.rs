//! The results desk's one state and its pure reducer: what is sent, what is merged, what is
//! cross-checked. Reading a file or a code is [`Action::Text`]: everything it holds is
//! checked in the core before anything changes, and a refusal is a message; nothing already
//! added is touched by a bad input.
//!
//! The desk stores nothing: its sources are files and codes that stay with their senders,
//! and this device's own results come from the app.

use std::rc::Rc;

use ballot_core::crosscheck::{compare, Comparison};
use ballot_core::exchange::{self, Codes, ExchangeError, Received, Scanned};
use ballot_core::i18n::exchange::ExchangeTexts;
use ballot_core::merge::{common_area, Merge};
use ballot_core::Template;
use yew::Reducible;

use crate::state::FileError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Send,
    Merge,
    Check,
}

/// Where a file or a scanned code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Merge,
    Check,
}

/// Which result's QR codes are on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Local(usize),
    Merged,
}

/// The QR codes on screen, one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodesShown {
    pub of: Shown,
    pub unit: String,
    pub codes: Result<Rc<Vec<String>>, ExchangeError>,
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Done(String),
    Refused(String),
    Progress(String),
}

#[derive(Clone)]
pub struct Desk {
    pub t: &'static ExchangeTexts,
    /// This device's results the app may show here (its 唱票 counts; a tablet session only
    /// when opened from that session's results).
    pub local: Rc<Vec<Received>>,
    /// Templates on this device, for codes that carry none.
    templates: Rc<Vec<Template>>,
    pub tab: Tab,
    pub codes: Option<CodesShown>,
    pub merge: Rc<Merge>,
    /// The unit typed for the combined result; `None`: the 居民区 its sources share.
    unit: Option<String>,
    /// The local count being cross-checked, and the other counter's result.
    pub ours: Option<usize>,
    pub theirs: Option<Rc<Received>>,
    pub scanning: Option<Target>,
    collect: Codes,
    pub message: Option<Message>,
}

#[derive(Clone)]
pub enum Action {
    Tab(Tab),
    ShowCodes(Shown),
    CodeAt(usize),
    CloseCodes,
    AddLocal(usize),
    Remove(String),
    Unit(String),
    PickOurs(usize),
    /// A file's text, or why it was not read.
    File {
        target: Target,
        text: Result<String, FileError>,
    },
    Scan(Target),
    StopScan,
    /// The text of one QR code, as read by the camera or from a photo.
    Code(String),
    /// The library's templates, once read (for codes that carry none).
    Templates(Vec<Template>),
    /// This device's paper counts, once read from the store.
    Counts(Vec<Received>),
    /// Something the view did (a file saved) to report.
    Said(Message),
    Dismiss,
}

impl Desk {
    pub fn new(t: &'static ExchangeTexts, local: Vec<Received>, templates: Vec<Template>) -> Desk {
        Desk {
            t,
            local: Rc::new(local),
            templates: Rc::new(templates),
            tab: Tab::Send,
            codes: None,
            merge: Rc::new(Merge::new()),
            unit: None,
            ours: None,
            theirs: None,
            scanning: None,
            collect: Codes::new(),
            message: None,
        }
    }

    /// The unit the combined result is for: as typed, else the shared 居民区, else 汇总.
    pub fn unit(&self) -> String {
        match &self.unit {
            Some(u) => u.clone(),
            None => {
                let units: Vec<&str> = self
                    .merge
                    .sources()
                    .iter()
                    .map(|s| s.body.unit.as_str())
                    .collect();
                let area = common_area(&units);
                if area.is_empty() {
                    self.t.unit_default.to_string()
                } else {
                    area
                }
            }
        }
    }

    /// The combined result, once something is added.
    pub fn merged(&self) -> Option<Received> {
        self.merge.result(&self.unit())
    }

    /// The cross-check's outcome, once both sides are there (or why they cannot be
    /// compared).
    pub fn comparison(&self) -> Option<Result<Comparison, String>> {
        let ours = self.local.get(self.ours?)?;
        let theirs = self.theirs.as_deref()?;
        Some(compare(ours, theirs).map_err(|e| (self.t.compare_refused)(&e)))
    }

    /// Local counts that can be cross-checked (they have their ballots in reading order).
    pub fn counts(&self) -> impl Iterator<Item = (usize, &Received)> {
        self.local
            .iter()
            .enumerate()
            .filter(|(_, r)| r.body.kind == exchange::Kind::Paper)
    }

    fn read(&self, text: &str) -> Result<Received, String> {
        let templates = Rc::clone(&self.templates);
        let local = Rc::clone(&self.local);
        exchange::read(text, move |fp| {
            local
                .iter()
                .map(|r| &r.template)
                .chain(templates.iter())
                .find(|t| ballot_core::fingerprint(t) == fp)
                .cloned()
        })
        .map_err(|e| (self.t.exchange_error)(&e))
    }

    /// A result read: added to the merge, or taken as the other counter's.
    fn take(&mut self, target: Target, text: &str) {
        let t = self.t;
        let received = match self.read(text) {
            Ok(r) => r,
            Err(why) => {
                self.message = Some(Message::Refused((t.refused)(&why)));
                return;
            }
        };
        match target {
            Target::Merge => self.add(received),
            Target::Check => {
                self.message = None;
                self.theirs = Some(Rc::new(received));
            }
        }
    }

    fn add(&mut self, r: Received) {
        let t = self.t;
        let (unit, n) = (r.body.unit.clone(), r.body.tally.total());
        self.message = Some(match Rc::make_mut(&mut self.merge).add(r) {
            Ok(()) => Message::Done((t.added)(&unit, n)),
            Err(why) => Message::Refused((t.refused)(&(t.merge_refused)(&why))),
        });
    }
}

impl PartialEq for Desk {
    /// Identity: the reducer returns a new `Rc` exactly when it changed.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for Desk {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let t = s.t;
        match action {
            Action::Tab(tab) => {
                s.tab = tab;
                s.codes = None;
                s.scanning = None;
                s.message = None;
            }
            Action::ShowCodes(of) => {
                let result = match of {
                    Shown::Local(i) => s.local.get(i).cloned(),
                    Shown::Merged => s.merged(),
                };
                let Some(r) = result else {
                    return self;
                };
                s.codes = Some(CodesShown {
                    of,
                    unit: r.body.unit.clone(),
                    codes: r.qr_codes().map(Rc::new),
                    at: 0,
                });
            }
            Action::CodeAt(i) => match &mut s.codes {
                Some(c) if c.codes.as_ref().is_ok_and(|v| i < v.len()) => c.at = i,
                _ => return self,
            },
            Action::CloseCodes => s.codes = None,
            Action::AddLocal(i) => {
                let Some(r) = s.local.get(i).cloned() else {
                    return self;
                };
                s.add(r);
            }
            Action::Remove(batch) => {
                let unit = s
                    .merge
                    .sources()
                    .iter()
                    .find(|r| r.body.batch == batch)
                    .map(|r| r.body.unit.clone());
                let Some(unit) = unit else {
                    return self;
                };
                Rc::make_mut(&mut s.merge).remove(&batch);
                s.message = Some(Message::Done((t.removed)(&unit)));
            }
            Action::Unit(u) => s.unit = Some(u),
            Action::PickOurs(i) => {
                if s.local.get(i).is_none() {
                    return self;
                }
                s.ours = Some(i);
            }
            Action::File { target, text } => match text {
                Ok(text) => s.take(target, &text),
                Err(e) => {
                    let why = match e {
                        FileError::Unreadable => t.file_unreadable.to_string(),
                        FileError::NotText => t.file_not_text.to_string(),
                        FileError::TooLarge(_) => (t.exchange_error)(&ExchangeError::TooLarge),
                    };
                    s.message = Some(Message::Refused((t.refused)(&why)));
                }
            },
            Action::Scan(target) => {
                s.scanning = Some(target);
                s.collect = Codes::new();
                s.message = None;
            }
            Action::StopScan => s.scanning = None,
            Action::Code(code) => {
                let Some(target) = s.scanning else {
                    return self;
                };
                let before = s.collect.progress();
                match s.collect.add(&code) {
                    Ok(Scanned::Complete(text)) => {
                        s.scanning = None;
                        s.take(target, &text);
                    }
                    Ok(Scanned::Progress {
                        have,
                        of,
                        restarted,
                    }) => {
                        // The camera sees the same code many times: say nothing new.
                        if before == Some((have, of)) && !restarted {
                            return self;
                        }
                        let mut text = (t.scan_progress)(have, of);
                        if restarted {
                            text = format!("{}{text}", t.scan_restarted);
                        }
                        s.message = Some(Message::Progress(text));
                    }
                    Err(e) => {
                        let text = (t.refused)(&(t.exchange_error)(&e));
                        if s.message == Some(Message::Refused(text.clone())) {
                            return self;
                        }
                        s.message = Some(Message::Refused(text));
                    }
                }
            }
            Action::Templates(mut list) => {
                let t = Rc::make_mut(&mut s.templates);
                t.append(&mut list);
            }
            Action::Counts(mut counts) => {
                Rc::make_mut(&mut s.local).append(&mut counts);
                // The only count on the device is the one cross-checked.
                if s.ours.is_none() {
                    let paper: Vec<usize> = s.counts().map(|(i, _)| i).collect();
                    s.ours = match paper[..] {
                        [i] => Some(i),
                        _ => None,
                    };
                }
            }
            Action::Said(m) => s.message = Some(m),
            Action::Dismiss => s.message = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
