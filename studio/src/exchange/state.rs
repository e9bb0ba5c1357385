//! The results desk's one state and its pure reducer: what is sent, what is merged, what is
//! cross-checked. Reading a file or a code is [`Action::Text`]: everything it holds is
//! checked in the core before anything changes, and a refusal is a message; nothing already
//! added is touched by a bad input.
//!
//! A file for the merge is read in two steps: the core reads and checks it
//! ([`Desk::verifying`]), the view checks its signatures with WebCrypto and hands back who
//! signed what ([`Action::Verified`]); only then is it added, refused, or shown as a
//! conflict.
//!
//! The desk stores only which device first sent each unit ([`Desk::known`]): its sources
//! are files and codes that stay with their senders, and this device's own results come
//! from the app.

use std::rc::Rc;

use ballot_core::crosscheck::{compare, Comparison};
use ballot_core::exchange::seal::{device_code, Signer};
use ballot_core::exchange::{self, Codes, ExchangeError, Received, Scanned};
use ballot_core::i18n::exchange::ExchangeTexts;
use ballot_core::merge::{common_area, Counted, Merge};
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
    /// This device's public key, once known: its results are signed with it.
    pub own: Option<String>,
    /// Whether this device could not sign its results (no WebCrypto).
    pub cannot_sign: bool,
    /// Which device first sent each unit: (identity key, device key), as this device
    /// remembers them.
    pub known: Rc<Vec<(String, String)>>,
    /// Units whose device the desk learnt since it opened (from a combined result saved or
    /// shown, so that a file which arrived first but was not chosen is never the one
    /// remembered): the view stores them.
    pub learnt: Rc<Vec<(String, String)>>,
    /// A result read for the merge, waiting for the view to check its signatures.
    pub verifying: Option<Rc<Received>>,
}

/// What the desk can say of who sent a counted result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Signed by this device.
    Own(String),
    /// Signed by a device: its code.
    Device(String),
    /// Signed by a device other than the one that first sent this unit here.
    Other {
        now: String,
        before: String,
    },
    Unsigned,
}

#[derive(Clone)]
pub enum Action {
    Tab(Tab),
    ShowCodes(Shown),
    CodeAt(usize),
    CloseCodes,
    AddLocal(usize),
    /// Takes out the files that brought the counted result with this digest.
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
    /// This device's results (those handed over, then its paper counts read from the
    /// store), signed with its key `own` (`None`: it cannot sign).
    Local {
        results: Vec<Received>,
        own: Option<String>,
    },
    /// Which device first sent each unit, as stored on this device.
    Known(Vec<(String, String)>),
    /// Who signed each counted result of [`Desk::verifying`] (in the order of its
    /// leaves), as WebCrypto found.
    Verified(Vec<Signer>),
    /// Picks the counted result with this digest to stand in its conflict.
    Pick(String),
    /// The combined result, signed, to show as QR codes.
    ShowMerged(Box<Received>),
    /// The combined result left this device (saved or shown): the devices of the results
    /// in it are remembered.
    Exported,
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
            own: None,
            cannot_sign: false,
            known: Rc::new(Vec::new()),
            learnt: Rc::new(Vec::new()),
            verifying: None,
        }
    }

    /// Who sent a counted result, as far as this desk can tell.
    pub fn trust(&self, c: &Counted<'_>) -> Trust {
        let Signer::Device(key) = c.signer else {
            return Trust::Unsigned;
        };
        if self.own.as_ref() == Some(key) {
            return Trust::Own(device_code(key));
        }
        let id = c.sealed.statement.identity().key();
        match self.known.iter().find(|(i, _)| *i == id) {
            Some((_, first)) if first != key => Trust::Other {
                now: device_code(key),
                before: device_code(first),
            },
            _ => Trust::Device(device_code(key)),
        }
    }

    /// The unit the combined result is for: as typed, else the shared 居民区, else 汇总.
    pub fn unit(&self) -> String {
        match &self.unit {
            Some(u) => u.clone(),
            None => {
                let units: Vec<&str> = self
                    .merge
                    .files()
                    .iter()
                    .map(|s| s.received.body.unit.as_str())
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
            Target::Merge => {
                if received.to_verify().is_empty() {
                    let signers = received.signers(&[]);
                    self.add(received, signers);
                } else {
                    self.message = Some(Message::Progress(t.verifying.to_string()));
                    self.verifying = Some(Rc::new(received));
                }
            }
            Target::Check => {
                self.message = None;
                self.theirs = Some(Rc::new(received));
            }
        }
    }

    fn add(&mut self, r: Received, signers: Vec<Signer>) {
        let t = self.t;
        let (unit, n) = (r.body.unit.clone(), r.body.tally.total());
        match Rc::make_mut(&mut self.merge).add(r, signers) {
            Ok(()) => self.message = Some(Message::Done((t.added)(&unit, n))),
            Err(why) => {
                self.message = Some(Message::Refused((t.refused)(&(t.merge_refused)(&why))))
            }
        }
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
            // The combined result is signed first (by the view): see `ShowMerged`.
            Action::ShowCodes(Shown::Merged) => return self,
            Action::ShowCodes(_) | Action::ShowMerged(_) => {
                let (of, result) = match action {
                    Action::ShowCodes(Shown::Local(i)) => {
                        (Shown::Local(i), s.local.get(i).cloned())
                    }
                    Action::ShowMerged(r) => (Shown::Merged, Some(*r)),
                    _ => (Shown::Merged, None),
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
                // This device's own record, signed here just now: its signature is its own.
                let signers = r
                    .leaves()
                    .iter()
                    .map(|l| match (&l.seal, &s.own) {
                        (Some(seal), Some(own)) if seal.key == *own => Signer::Device(own.clone()),
                        _ => Signer::Unsigned,
                    })
                    .collect();
                s.add(r, signers);
            }
            Action::Remove(digest) => {
                let found = s
                    .merge
                    .counted_results()
                    .into_iter()
                    .find(|c| c.digest == digest)
                    .map(|c| (c.sealed.statement.unit.clone(), c.files));
                let Some((unit, mut files)) = found else {
                    return self;
                };
                // Highest index first, so the others stay where they are.
                files.sort_unstable_by(|a, b| b.cmp(a));
                let merge = Rc::make_mut(&mut s.merge);
                for f in files {
                    merge.remove(f);
                }
                s.message = Some(Message::Done((t.removed)(&unit)));
            }
            Action::Pick(digest) => {
                let found = s
                    .merge
                    .counted_results()
                    .into_iter()
                    .find(|c| c.digest == digest)
                    .map(|c| (c.sealed.statement.unit.clone(), c.sealed.statement.code()));
                let Some((unit, code)) = found else {
                    return self;
                };
                if !Rc::make_mut(&mut s.merge).pick(&digest) {
                    return self;
                }
                s.message = Some(Message::Done((t.picked_done)(&unit, &code)));
            }
            Action::Verified(signers) => {
                let Some(r) = s.verifying.take() else {
                    return self;
                };
                s.add((*r).clone(), signers);
            }
            Action::Exported => {
                let learn: Vec<(String, String)> = s
                    .merge
                    .standing()
                    .iter()
                    .filter_map(|c| match c.signer {
                        Signer::Device(key) if s.own.as_ref() != Some(key) => {
                            Some((c.sealed.statement.identity().key(), key.clone()))
                        }
                        _ => None,
                    })
                    .filter(|(id, _)| !s.known.iter().any(|(i, _)| i == id))
                    .collect();
                if learn.is_empty() {
                    return self;
                }
                Rc::make_mut(&mut s.known).extend(learn.iter().cloned());
                Rc::make_mut(&mut s.learnt).extend(learn);
            }
            Action::Known(mut list) => {
                let known = Rc::make_mut(&mut s.known);
                list.retain(|(id, _)| !known.iter().any(|(i, _)| i == id));
                known.append(&mut list);
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
            Action::Local { results, own } => {
                s.cannot_sign = own.is_none();
                s.own = own;
                s.local = Rc::new(results);
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
