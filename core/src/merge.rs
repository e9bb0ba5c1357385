//! Adding up results from several tablets, 支部 or 居民区 ([`Merge`]), and the combined
//! result as one more results body, which a street office can merge again.
//!
//! Invariants (property-tested in `tests/exchange_props.rs`):
//! - The combined tally is the sum of the sources' tallies: equal to tallying all their
//!   ballots together, whatever the order in which sources were added (commutative), and
//!   merging merged results gives the same as merging their sources at once (associative).
//! - No session or count is ever counted twice: a source sharing any batch with one
//!   already added is refused ([`MergeRefused::AlreadyAdded`]).
//! - Every source is made with the same template (same fingerprint).

use crate::count::Figures;
use crate::exchange::{merged_batch, Body, Kind, Received, SourceLine};
use crate::tally::Tally;
use crate::template::Template;

/// Why a result was not added. Codes X10–X11, one message each in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRefused {
    /// X10: made with another template: both fingerprints are shown.
    DifferentTemplate { ours: String, theirs: String },
    /// X11: this result, or a session or count inside it, is already added (`unit`: the
    /// source that holds it).
    AlreadyAdded { unit: String },
}

impl MergeRefused {
    pub fn code(&self) -> &'static str {
        match self {
            MergeRefused::DifferentTemplate { .. } => "X10",
            MergeRefused::AlreadyAdded { .. } => "X11",
        }
    }
}

/// Results being added up, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    sources: Vec<Received>,
}

impl Merge {
    pub fn new() -> Merge {
        Merge::default()
    }

    pub fn sources(&self) -> &[Received] {
        &self.sources
    }

    /// The template every source was made with (that of the first one).
    pub fn template(&self) -> Option<&Template> {
        self.sources.first().map(|s| &s.template)
    }

    pub fn fingerprint(&self) -> Option<&str> {
        self.sources.first().map(|s| s.body.fingerprint.as_str())
    }

    /// What adding `r` would be refused for, if anything.
    pub fn refusal(&self, r: &Received) -> Option<MergeRefused> {
        if let Some(ours) = self.fingerprint() {
            if ours != r.body.fingerprint {
                return Some(MergeRefused::DifferentTemplate {
                    ours: ours.to_string(),
                    theirs: r.body.fingerprint.clone(),
                });
            }
        }
        self.sources
            .iter()
            .find(|s| s.body.batches.iter().any(|b| r.body.batches.contains(b)))
            .map(|s| MergeRefused::AlreadyAdded {
                unit: s.body.unit.clone(),
            })
    }

    pub fn add(&mut self, r: Received) -> Result<(), MergeRefused> {
        match self.refusal(&r) {
            Some(why) => Err(why),
            None => {
                self.sources.push(r);
                Ok(())
            }
        }
    }

    /// Takes a source out again (by its batch id).
    pub fn remove(&mut self, batch: &str) {
        self.sources.retain(|s| s.body.batch != batch);
    }

    /// The sum of every source's tally.
    pub fn tally(&self) -> Option<Tally> {
        let first = self.sources.first()?;
        let mut sum = Tally::empty(&first.template);
        for s in &self.sources {
            // Every source was checked against the first one's template when read.
            let _ = sum.merge(&s.body.tally);
        }
        Some(sum)
    }

    /// Each figure summed over the sources, where every source knows it; unknown otherwise
    /// (a tablet knows 发出 but not 应到: the meeting's 应到 is then entered once for all).
    pub fn figures(&self) -> Figures {
        let sum = |get: fn(&Figures) -> Option<u32>| {
            self.sources.iter().try_fold(0u32, |acc, s| {
                get(&s.body.figures).map(|n| acc.saturating_add(n))
            })
        };
        if self.sources.is_empty() {
            return Figures::default();
        }
        Figures {
            due: sum(|f| f.due),
            present: sum(|f| f.present),
            issued: sum(|f| f.issued),
            returned: sum(|f| f.returned),
        }
    }

    /// Every session and count inside, sorted.
    pub fn batches(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .sources
            .iter()
            .flat_map(|s| s.body.batches.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// Every counted unit with its own figures, the units inside merged sources included.
    pub fn lines(&self) -> Vec<SourceLine> {
        self.sources.iter().flat_map(|s| s.body.lines()).collect()
    }

    /// The combined result as a results body for `unit`, to file or to merge again.
    pub fn result(&self, unit: &str) -> Option<Received> {
        let first = self.sources.first()?;
        let batches = self.batches();
        let body = Body {
            batch: merged_batch(&batches),
            batches,
            kind: Kind::Merged,
            fingerprint: first.body.fingerprint.clone(),
            unit: unit.to_string(),
            category: None,
            figures: self.figures(),
            tally: self.tally()?,
            ballots: Vec::new(),
            sources: self.lines(),
        };
        Some(Received::local(body, first.template.clone()))
    }
}

/// The unit a combined result is for, as first offered: the 居民区 every source shares
/// (「长乐居民区 · 第一支部」 and 「长乐居民区 · 第二支部」 → 「长乐居民区」), else nothing.
pub fn common_area(units: &[&str]) -> String {
    let area = |u: &str| u.split(" · ").next().unwrap_or(u).to_string();
    match units.split_first() {
        Some((first, rest)) if rest.iter().all(|u| area(u) == area(first)) => area(first),
        _ => String::new(),
    }
}
