//! Results moving between devices with no network: a **results file** (JSON, versioned) and
//! the same content as a numbered series of **QR codes**.
//!
//! A results file is `{"format":"ballot-kit/results","version":2,"checksum":"…",
//! "body":{…},"seal":{…},"template":{…}}`: the [`Body`] holds the figures and the tally
//! (and, for a 唱票 count, the ballots in reading order; for a merged result, every counted
//! result inside it with its device's signature); `checksum` is SHA-256 over the body's
//! exact text, so a file damaged or cut short on the way is refused; `seal` is the sending
//! device's signature ([`seal`]). The template travels beside the body: its fingerprint is
//! in the body, and the reader recomputes it. QR codes leave the template out (a receiving
//! device finds it in its library by fingerprint) to stay few and scannable.
//!
//! The checksum finds damage, not forgery: anyone can recompute it. The signature shows
//! which device sent a result and that nobody changed it since; the 结果校验码
//! ([`crate::result_code`]) ties it to the paper report the meeting signed.
//!
//! Invariants (tested below and in `tests/exchange_props.rs`):
//! - `read(write(b)) == b` for every body written, and the QR codes read back to the same.
//! - A tablet session's body never holds ballots: nothing in it reveals the order of voting.
//! - A 唱票 count's ballots tally to exactly the tally it carries; a file where they differ
//!   is refused as damaged.
//! - A merged result's batches, figures, tally and units are exactly those of the counted
//!   results it carries; a file where they differ is refused as damaged.
//! - No input, however broken, makes the reader panic.

pub mod seal;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::count::{CountLog, CountSpec, StoredCount};
use crate::envelope::{self, checksum, Envelope};
use crate::figures::Figures;
use crate::fingerprint::hex;
use crate::packed::PaperBallots;
use crate::tally::Tally;
use crate::template::Template;
use seal::{Seal, Sealed, Signer, Statement, ToVerify};

pub const FORMAT: &str = "ballot-kit/results";
/// Version 2 added signatures and a merged result's counted results; version 3 packs a
/// 唱票 count's ballots ([`crate::packed`]). Version 1 files of one counted result are still
/// read (as unsigned), and version 2 files with their ballots listed one by one.
pub const VERSION: u32 = 3;

/// Limits on what a results file may hold (a tampered file must not exhaust the device).
pub mod limits {
    /// A file of a 唱票 count of several thousand ballots stays far below this.
    pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
    /// Characters in a unit label or a category name.
    pub const LABEL: usize = 100;
    /// Batches one merged result may contain (a street office of ~14 areas, each with a few
    /// branches and tablets, stays far below).
    pub const BATCHES: usize = 1_000;
    /// Characters of one batch id.
    pub const BATCH_ID: usize = 64;
    /// Characters of data in one QR code: a code of this size (version 22 or so, error
    /// correction L) still scans from a phone screen.
    pub const QR_CHUNK: usize = 900;
    /// More codes than this is not worth scanning: the file is offered instead.
    pub const QR_CODES: usize = 12;
}

// What made a result, and the units inside a merged one: shared with the modules' input.
pub use crate::handover::{Kind, SourceLine};

/// The checksummed content of a results file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Unique per result: a session's or count's own id; for a merged result, derived from
    /// the batches it contains ([`merged_batch`]).
    pub batch: String,
    /// Every session or count this result contains, sorted: `[batch]` for one session or
    /// count. A merge refuses a result that shares any of them with one already added.
    pub batches: Vec<String>,
    pub kind: Kind,
    /// The template's fingerprint (see [`crate::fingerprint`]).
    pub fingerprint: String,
    /// 居民区 · 支部, or the unit the merged result is for.
    pub unit: String,
    /// The voter category of a count of one category's ballot box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 应到, 实到, 发出, 收回 (each may be unknown).
    #[serde(default)]
    pub figures: Figures,
    pub tally: Tally,
    /// A 唱票 count's ballots in reading order (struck entries left out, corrections
    /// applied), packed; empty for any other kind.
    #[serde(default, skip_serializing_if = "PaperBallots::is_empty")]
    pub ballots: PaperBallots,
    /// A merged result's units, each with its figures (the units inside merged sources
    /// included, so the checks reach the top).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceLine>,
    /// A merged result's counted results, each with its device's signature (in the order
    /// they were first added); empty for any other kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leaves: Vec<Sealed>,
}

impl Body {
    /// The units this result counts, each with its figures: itself, or a merged result's
    /// sources.
    pub fn lines(&self) -> Vec<SourceLine> {
        if self.sources.is_empty() {
            vec![SourceLine {
                unit: self.unit.clone(),
                figures: self.figures,
            }]
        } else {
            self.sources.clone()
        }
    }
}

/// A merged result's batch id: the same batches always give the same id, so exporting one
/// merge twice cannot be added twice.
pub fn merged_batch(batches: &[String]) -> String {
    let mut h = Sha256::new();
    for b in batches {
        h.update(b.as_bytes());
        h.update(b"\n");
    }
    format!("m{}", &hex(&h.finalize())[..31])
}

/// Why a results file or code was refused. Codes X01–X08, one message each in the
/// catalogue (`i18n::exchange`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeError {
    /// X01: not a results file of this app (`template`: it is a template file or link).
    NotResults { template: bool },
    /// X02: damaged or cut short: the checksum does not match, or the content is broken.
    Damaged,
    /// X03: written by a newer version of the app.
    NewerVersion(u32),
    /// X04: larger than a results file may be.
    TooLarge,
    /// X05: made with a template this device does not have (a QR code carries none).
    TemplateMissing { fingerprint: String },
    /// X06: the template in the file does not pass its checks, or is not the one the
    /// result names.
    TemplateInvalid,
    /// X07: the counts do not fit the template.
    Shape,
    /// X08: too many QR codes would be needed: share the file instead.
    TooManyCodes(usize),
    /// X09: a merged result from an app version that did not carry its counted results, so
    /// nothing in it can be checked.
    OldMerged,
}

impl ExchangeError {
    pub fn code(&self) -> &'static str {
        match self {
            ExchangeError::NotResults { .. } => "X01",
            ExchangeError::Damaged => "X02",
            ExchangeError::NewerVersion(_) => "X03",
            ExchangeError::TooLarge => "X04",
            ExchangeError::TemplateMissing { .. } => "X05",
            ExchangeError::TemplateInvalid => "X06",
            ExchangeError::Shape => "X07",
            ExchangeError::TooManyCodes(_) => "X08",
            ExchangeError::OldMerged => "X09",
        }
    }
}

/// A result as read and checked: its body, the template it was made with, the checksum
/// that identifies this exact content, and the sending device's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub body: Body,
    pub template: Template,
    pub checksum: String,
    pub seal: Option<Seal>,
    /// The body's text as written (what a merged result's signature is over).
    text: String,
}

impl Received {
    /// A result made on this device (trusted input: the app's own records), not signed yet.
    pub fn local(body: Body, template: Template) -> Received {
        let text = body_text(&body);
        Received {
            checksum: checksum(&text),
            body,
            template,
            seal: None,
            text,
        }
    }

    /// What a device signs for this result: its statement, or a merged body's text.
    pub fn to_sign(&self) -> Vec<u8> {
        match self.statement() {
            Some(s) => s.message(),
            None => seal::merged_message(&self.text),
        }
    }

    /// This result with this device's signature over [`Received::to_sign`].
    pub fn signed(mut self, seal: Seal) -> Received {
        self.seal = Some(seal);
        self
    }

    /// The statement of a counted result (a tablet session, a 唱票 count); `None` for a
    /// merged result.
    pub fn statement(&self) -> Option<Statement> {
        let b = &self.body;
        (b.kind != Kind::Merged).then(|| Statement {
            batch: b.batch.clone(),
            kind: b.kind,
            fingerprint: b.fingerprint.clone(),
            unit: b.unit.clone(),
            category: b.category.clone(),
            figures: b.figures,
            tally: b.tally.clone(),
            ballots: (b.kind == Kind::Paper).then(|| b.ballots.digest().to_string()),
        })
    }

    /// The counted results this result is made of, each with its signature: itself, or a
    /// merged result's.
    pub fn leaves(&self) -> Vec<Sealed> {
        match self.statement() {
            Some(statement) => vec![Sealed {
                statement,
                seal: self.seal.clone(),
            }],
            None => self.body.leaves.clone(),
        }
    }

    /// One counted result, sealed, as a merged result of one: what the printed 报告单's QR
    /// code carries (no ballots, so it stays one code or two), read by any results desk
    /// from a photo of the signed paper. Its counted result has the code printed beside
    /// the signatures.
    pub fn one(sealed: Sealed, template: Template) -> Received {
        let s = &sealed.statement;
        let (unit, fingerprint) = (s.unit.clone(), s.fingerprint.clone());
        let body = crate::merge::merged_body(&template, &unit, &fingerprint, vec![sealed]);
        Received::local(body, template)
    }

    /// The 结果校验码 of this result.
    pub fn code(&self) -> String {
        let b = &self.body;
        crate::result_code::result_code(
            &b.fingerprint,
            &b.unit,
            b.category.as_deref(),
            &b.figures,
            &b.tally,
        )
    }

    /// The signatures to check before this result is trusted: one per counted result (in
    /// the order of [`Received::leaves`]; unsigned ones are left out), then a merged
    /// result's own.
    pub fn to_verify(&self) -> Vec<ToVerify> {
        let mut out: Vec<ToVerify> = self
            .leaves()
            .iter()
            .filter_map(|l| {
                l.seal.as_ref().map(|s| ToVerify {
                    key: s.key.clone(),
                    sig: s.sig.clone(),
                    message: l.statement.message(),
                })
            })
            .collect();
        if self.body.kind == Kind::Merged {
            if let Some(s) = &self.seal {
                out.push(ToVerify {
                    key: s.key.clone(),
                    sig: s.sig.clone(),
                    message: self.to_sign(),
                });
            }
        }
        out
    }

    /// Who signed each counted result, given the outcome of each check of
    /// [`Received::to_verify`], in order. A merged result whose own signature fails has
    /// every counted result marked broken: the file was changed after it was made.
    pub fn signers(&self, verified: &[bool]) -> Vec<Signer> {
        let mut results = verified.iter().copied();
        let leaves = self.leaves();
        let mut signers: Vec<Signer> = leaves
            .iter()
            .map(|l| match &l.seal {
                None => Signer::Unsigned,
                Some(_) => Signer::of(l.seal.as_ref(), results.next().unwrap_or(false)),
            })
            .collect();
        if self.body.kind == Kind::Merged && self.seal.is_some() && !results.next().unwrap_or(false)
        {
            signers = vec![Signer::Broken; leaves.len()];
        }
        signers
    }

    /// The device that sent this file, when it is signed (not checked here).
    pub fn sender(&self) -> Option<String> {
        self.seal.as_ref().map(Seal::device)
    }

    /// A 唱票 count stored on this device, as a result to send, merge or cross-check: its
    /// figures, its tally and its ballots in reading order (struck entries left out).
    pub fn of_count(c: &StoredCount) -> Received {
        Received::of_paper(&c.template, &c.record.id, &c.record.spec, &c.log)
    }

    /// A 唱票 count as a result: `batch` is its id (unique per count: a merge counts it
    /// once whatever the number of copies), `spec` its unit and category.
    pub fn of_paper(
        template: &Template,
        batch: &str,
        spec: &CountSpec,
        log: &CountLog,
    ) -> Received {
        let category = (spec.category)
            .and_then(|i| template.categories().get(usize::from(i)))
            .cloned();
        let body = Body {
            batch: batch.to_string(),
            batches: vec![batch.to_string()],
            kind: Kind::Paper,
            fingerprint: crate::fingerprint(template),
            unit: spec.unit_label(),
            category,
            figures: log.figures(),
            tally: log.tally().clone(),
            ballots: log.live().collect(),
            sources: Vec::new(),
            leaves: Vec::new(),
        };
        Received::local(body, template.clone())
    }

    /// A tablet session's result: its tally only (the order of its ballots would reveal the
    /// order of voting), its figures with the forms filled in as 收回.
    pub fn of_tablet(
        template: &Template,
        batch: &str,
        unit: String,
        category: Option<String>,
        figures: Figures,
        tally: crate::Tally,
    ) -> Received {
        let body = Body {
            batch: batch.to_string(),
            batches: vec![batch.to_string()],
            kind: Kind::Tablet,
            fingerprint: crate::fingerprint(template),
            unit,
            category,
            figures,
            tally,
            ballots: PaperBallots::default(),
            sources: Vec::new(),
            leaves: Vec::new(),
        };
        Received::local(body, template.clone())
    }

    /// This result judged under its template's rules, in `view`. For a combined result the
    /// figure checks of every unit inside it come first with its own (blocking ones first):
    /// a 收回 > 发出 in one 支部 voids that part of the count whatever the sum says, and no
    /// reader of these results can miss it.
    pub fn results(&self, view: crate::results::View) -> crate::results::Results {
        let b = &self.body;
        let own = crate::results::Results::compute(&self.template, &b.tally, b.figures, view);
        // A merged result's units (empty for a counted one).
        let units = b.sources.iter().flat_map(SourceLine::flags).collect();
        own.with_sources(units)
    }

    /// The results file, template included.
    pub fn file(&self) -> String {
        envelope::write(
            FORMAT,
            VERSION,
            &self.text,
            self.seal_text().as_deref(),
            Some(&self.template.canonical_json()),
        )
    }

    fn seal_text(&self) -> Option<String> {
        self.seal
            .as_ref()
            .map(|s| serde_json::to_string(s).unwrap_or_default())
    }

    /// The same result as QR codes (without the template), numbered `1/n` … `n/n`.
    pub fn qr_codes(&self) -> Result<Vec<String>, ExchangeError> {
        let sum = checksum(&self.text);
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(
            envelope::write(
                FORMAT,
                VERSION,
                &self.text,
                self.seal_text().as_deref(),
                None,
            )
            .as_bytes(),
            10,
        );
        let data = URL_SAFE_NO_PAD.encode(packed);
        let n = data.len().div_ceil(limits::QR_CHUNK).max(1);
        if n > limits::QR_CODES {
            return Err(ExchangeError::TooManyCodes(n));
        }
        let set = &sum[..6];
        // base64url is ASCII: every chunk boundary is a character boundary.
        Ok(data
            .as_bytes()
            .chunks(limits::QR_CHUNK)
            .enumerate()
            .map(|(i, c)| {
                format!(
                    "{QR_PREFIX}{}.{n}.{set}.{}",
                    i + 1,
                    String::from_utf8_lossy(c)
                )
            })
            .collect())
    }
}

fn body_text(body: &Body) -> String {
    // Plain data (strings, numbers, maps with string keys) always serializes.
    serde_json::to_string(body).unwrap_or_default()
}

/// Reads a results file, or the text of a complete set of QR codes. `find` looks up a
/// template by fingerprint, for a result that carries none.
pub fn read(
    text: &str,
    find: impl Fn(&str) -> Option<Template>,
) -> Result<Received, ExchangeError> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(ExchangeError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    let e: Envelope = serde_json::from_str(text).map_err(|_| {
        // Say so when it is a template file, and when it is JSON cut short.
        let head: String = text.chars().take(400).collect();
        if head.contains("\"ballot-kit/template\"") {
            ExchangeError::NotResults { template: true }
        } else if head.contains(FORMAT) {
            ExchangeError::Damaged
        } else {
            ExchangeError::NotResults { template: false }
        }
    })?;
    if e.format != FORMAT {
        return Err(ExchangeError::NotResults {
            template: e.format == "ballot-kit/template",
        });
    }
    if e.version > VERSION {
        return Err(ExchangeError::NewerVersion(e.version));
    }
    if !e.intact_in(1..=VERSION) {
        return Err(ExchangeError::Damaged);
    }
    let body: Body = serde_json::from_str(e.body.get()).map_err(|_| ExchangeError::Damaged)?;
    if e.version < 2 && body.kind == Kind::Merged {
        return Err(ExchangeError::OldMerged);
    }
    check_body(&body)?;
    let seal = e.seal().map_err(|()| ExchangeError::Damaged)?;
    let template = match e.template {
        Some(raw) => {
            let t = Template::parse(raw.get()).map_err(|_| ExchangeError::TemplateInvalid)?;
            if crate::fingerprint(&t) != body.fingerprint {
                return Err(ExchangeError::TemplateInvalid);
            }
            t
        }
        None => find(&body.fingerprint).ok_or_else(|| ExchangeError::TemplateMissing {
            fingerprint: body.fingerprint.clone(),
        })?,
    };
    let body = fit(body, &template)?;
    Ok(Received {
        body,
        template,
        checksum: e.checksum,
        seal,
        text: e.body.get().to_string(),
    })
}

fn label_ok(s: &str) -> bool {
    s.chars().count() <= limits::LABEL && crate::names::bad_char(s).is_none()
}

fn batch_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= limits::BATCH_ID
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// What can be checked without the template.
fn check_body(b: &Body) -> Result<(), ExchangeError> {
    let sorted = b.batches.windows(2).all(|w| w[0] < w[1]);
    let batches_ok = !b.batches.is_empty()
        && b.batches.len() <= limits::BATCHES
        && sorted
        && b.batches.iter().all(|x| batch_ok(x))
        && batch_ok(&b.batch);
    let shape_ok = match b.kind {
        Kind::Tablet | Kind::Paper => {
            b.batches.len() == 1
                && b.batches[0] == b.batch
                && b.sources.is_empty()
                && b.leaves.is_empty()
        }
        Kind::Merged => {
            b.ballots.is_empty()
                && b.batch == merged_batch(&b.batches)
                && !b.leaves.is_empty()
                && b.leaves.len() <= limits::BATCHES
                && b.leaves.iter().all(|l| leaf_ok(l, &b.fingerprint))
        }
    };
    let ballots_ok = b.kind == Kind::Paper || b.ballots.is_empty();
    let labels_ok = label_ok(&b.unit)
        && b.category.as_deref().is_none_or(label_ok)
        && b.sources.len() <= limits::BATCHES
        && b.sources
            .iter()
            .all(|s| label_ok(&s.unit) && s.figures.in_range());
    if batches_ok && shape_ok && ballots_ok && labels_ok && b.figures.in_range() {
        Ok(())
    } else {
        Err(ExchangeError::Damaged)
    }
}

/// A counted result inside a merged one: of the same template, a counted kind, with
/// readable labels and a well-formed signature if any.
fn leaf_ok(l: &Sealed, fingerprint: &str) -> bool {
    let s = &l.statement;
    s.kind != Kind::Merged
        && s.fingerprint == fingerprint
        && batch_ok(&s.batch)
        && label_ok(&s.unit)
        && s.category.as_deref().is_none_or(label_ok)
        && s.figures.in_range()
        && s.ballots.as_ref().is_none_or(|d| d.len() == 64)
        && l.seal.as_ref().is_none_or(Seal::well_formed)
}

/// Checks the counts against the template: the tally has its shape, a count's ballots fit
/// it and add up to exactly that tally, and a merged result is exactly the sum of the
/// counted results it carries.
fn fit(mut body: Body, template: &Template) -> Result<Body, ExchangeError> {
    let fitted = |t: &Tally| {
        let mut tally = Tally::empty(template);
        tally
            .merge(t)
            .map(|_| tally)
            .map_err(|_| ExchangeError::Shape)
    };
    let tally = fitted(&body.tally)?;
    if body.kind == Kind::Paper {
        let recount = body
            .ballots
            .tally(template)
            .map_err(|_| ExchangeError::Shape)?;
        if recount != tally {
            return Err(ExchangeError::Damaged);
        }
    }
    body.tally = tally;
    if body.kind == Kind::Merged {
        for l in &mut body.leaves {
            l.statement.tally = fitted(&l.statement.tally)?;
        }
        // No unit or batch twice, and exactly the sums of the counted results.
        let leaves = &body.leaves;
        let distinct = leaves.iter().enumerate().all(|(i, a)| {
            leaves[..i].iter().all(|b| {
                a.statement.identity() != b.statement.identity()
                    && a.statement.batch != b.statement.batch
            })
        });
        let expected =
            crate::merge::merged_body(template, &body.unit, &body.fingerprint, leaves.clone());
        let same = distinct && expected == body;
        if !same {
            return Err(ExchangeError::Damaged);
        }
    }
    Ok(body)
}

/// What every results QR code starts with; `1` names this encoding.
pub const QR_PREFIX: &str = "BKR1.";

/// Collects the QR codes of one result as they are scanned, in any order, each once or
/// more. A code of another result starts the collection over with that result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Codes {
    set: String,
    parts: Vec<Option<String>>,
}

/// Where a collection stands after a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanned {
    /// `have` of `of` codes read; `restarted`: the code belonged to another result, so the
    /// codes read before were dropped.
    Progress {
        have: usize,
        of: usize,
        restarted: bool,
    },
    /// All codes read: the text to [`read`].
    Complete(String),
}

impl Codes {
    pub fn new() -> Codes {
        Codes::default()
    }

    /// `(have, of)`, or `None` before the first code.
    pub fn progress(&self) -> Option<(usize, usize)> {
        (!self.parts.is_empty()).then(|| (self.parts.iter().flatten().count(), self.parts.len()))
    }

    pub fn add(&mut self, code: &str) -> Result<Scanned, ExchangeError> {
        let code = code.trim();
        let Some(rest) = code.strip_prefix(QR_PREFIX) else {
            return Err(ExchangeError::NotResults {
                template: code.contains(&format!("#{}", crate::share::PREFIX)),
            });
        };
        let mut fields = rest.splitn(4, '.');
        let (Some(k), Some(n), Some(set), Some(data)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(ExchangeError::Damaged);
        };
        let (Ok(k), Ok(n)) = (k.parse::<usize>(), n.parse::<usize>()) else {
            return Err(ExchangeError::Damaged);
        };
        if n == 0 || n > limits::QR_CODES || k == 0 || k > n || set.len() != 6 {
            return Err(ExchangeError::Damaged);
        }
        let restarted = !self.parts.is_empty() && (self.set != set || self.parts.len() != n);
        if self.parts.is_empty() || restarted {
            self.set = set.to_string();
            self.parts = vec![None; n];
        }
        self.parts[k - 1] = Some(data.to_string());
        let have = self.parts.iter().flatten().count();
        if have < n {
            return Ok(Scanned::Progress {
                have,
                of: n,
                restarted,
            });
        }
        let data: String = self.parts.iter().flatten().map(String::as_str).collect();
        let text = unpack(&data);
        // A complete set that does not unpack was damaged: the next scan starts afresh.
        *self = Codes::new();
        text.map(Scanned::Complete)
    }
}

fn unpack(data: &str) -> Result<String, ExchangeError> {
    crate::share::unpack(data, limits::MAX_FILE_BYTES).map_err(|e| match e {
        crate::share::Unpack::Damaged => ExchangeError::Damaged,
        crate::share::Unpack::TooLarge => ExchangeError::TooLarge,
    })
}

#[cfg(test)]
mod tests;
