//! Adding up results from several tablets, 支部 or 居民区 ([`Merge`]), and the combined
//! result as one more results body, which a street office can merge again.
//!
//! A merge is over **counted results** (a tablet session, a 唱票 count), each with its
//! device's signature ([`Sealed`]): a file of one counted result brings one, a merged file
//! brings every counted result inside it. Merged files are never trusted for their sums:
//! their sums are recomputed from the counted results they carry.
//!
//! Invariants (property-tested in `tests/exchange_props.rs`):
//! - The combined tally is the sum of the counted results' tallies: equal to tallying all
//!   their ballots together, whatever the order in which files were added (commutative),
//!   and merging merged results gives the same as merging their sources at once
//!   (associative).
//! - **One unit counted once.** A counted result is known by what it is a result of
//!   ([`Identity`](crate::exchange::seal::Identity): template, unit, category) and by its batch. The same statement brought
//!   by several files counts once. Two different statements for one unit, or for one batch,
//!   are a [`Conflict`]: neither counts until the user picks the one that stands, and no
//!   combined result exists until every conflict is settled. So no file, whatever its batch
//!   ids, adds a unit twice, and none can shut a genuine result out: both stay on the desk
//!   with their codes and devices.
//! - A counted result whose signature does not verify is refused ([`MergeRefused`] X12).
//! - Every counted result is made with the same template (same fingerprint).

use crate::exchange::seal::{Sealed, Signer, Statement};
use crate::exchange::{merged_batch, Body, Kind, Received, SourceLine};
use crate::figures::Figures;
use crate::tally::Tally;
use crate::template::Template;

/// Why a file was not added. Codes X10–X12, one message each in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRefused {
    /// X10: made with another template: both fingerprints are shown.
    DifferentTemplate { ours: String, theirs: String },
    /// X11: everything in this file is already added (`unit`: the file's unit).
    AlreadyAdded { unit: String },
    /// X13: another round of the same election (再次投票, 另行选举): each round's results
    /// are merged apart. `ours`, `theirs`: the rounds' numbers (1 for the first).
    OtherRound { ours: u16, theirs: u16 },
    /// X12: a signature does not match: the file was changed after it was signed (`unit`:
    /// the result whose signature fails).
    SignatureBroken { unit: String },
}

impl MergeRefused {
    pub fn code(&self) -> &'static str {
        match self {
            MergeRefused::DifferentTemplate { .. } => "X10",
            MergeRefused::AlreadyAdded { .. } => "X11",
            MergeRefused::SignatureBroken { .. } => "X12",
            MergeRefused::OtherRound { .. } => "X13",
        }
    }
}

/// A file as added: the result it holds, and who signed each of its counted results (in
/// the order of [`Received::leaves`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub received: Received,
    /// [`Received::leaves`], made once.
    pub leaves: Vec<Sealed>,
    /// Each leaf's [`Statement::digest`], made once (every view of the merge compares them).
    digests: Vec<String>,
    pub signers: Vec<Signer>,
}

/// One counted result in the merge, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted<'a> {
    pub sealed: &'a Sealed,
    pub signer: &'a Signer,
    /// [`Statement::digest`]: what picks it in a conflict.
    pub digest: String,
    /// The files (indices into [`Merge::files`]) that brought it.
    pub files: Vec<usize>,
}

/// Results that cannot all count: two or more statements for one unit or one batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict<'a> {
    pub candidates: Vec<Counted<'a>>,
    /// The digest of the one picked to stand, if the user picked.
    pub picked: Option<String>,
}

/// Files being added up, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    files: Vec<Added>,
    /// Digests of the statements picked to stand in conflicts.
    picks: Vec<String>,
}

impl Merge {
    pub fn new() -> Merge {
        Merge::default()
    }

    pub fn files(&self) -> &[Added] {
        &self.files
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The template every file was made with (that of the first one).
    pub fn template(&self) -> Option<&Template> {
        self.files.first().map(|f| &f.received.template)
    }

    pub fn fingerprint(&self) -> Option<&str> {
        self.files
            .first()
            .map(|f| f.received.body.fingerprint.as_str())
    }

    /// What adding `r`, with its counted results signed by `signers`, would be refused for.
    pub fn refusal(&self, r: &Received, signers: &[Signer]) -> Option<MergeRefused> {
        if let Some(ours) = self.fingerprint() {
            if ours != r.body.fingerprint {
                // Rounds of one election share their first round's fingerprint.
                let round = |t: &Template, fp: &str| match &t.spec().round {
                    Some(link) => (link.first.clone(), link.number),
                    None => (fp.to_string(), 1),
                };
                let (first, number) = self
                    .template()
                    .map_or_else(|| (ours.to_string(), 1), |t| round(t, ours));
                let (their_first, their_number) = round(&r.template, &r.body.fingerprint);
                if first == their_first {
                    return Some(MergeRefused::OtherRound {
                        ours: number,
                        theirs: their_number,
                    });
                }
                return Some(MergeRefused::DifferentTemplate {
                    ours: ours.to_string(),
                    theirs: r.body.fingerprint.clone(),
                });
            }
        }
        let leaves = r.leaves();
        if let Some(i) = signers.iter().position(|s| *s == Signer::Broken) {
            let unit = leaves
                .get(i)
                .map_or_else(|| r.body.unit.clone(), |l| l.statement.unit.clone());
            return Some(MergeRefused::SignatureBroken { unit });
        }
        let present: Vec<&str> = self.all().map(|(_, _, d, _)| d).collect();
        leaves
            .iter()
            .all(|l| present.contains(&l.statement.digest().as_str()))
            .then(|| MergeRefused::AlreadyAdded {
                unit: r.body.unit.clone(),
            })
    }

    /// Adds a file whose signatures the platform checked (`signers`, one per counted
    /// result; a missing entry counts as a broken signature).
    pub fn add(&mut self, r: Received, mut signers: Vec<Signer>) -> Result<(), MergeRefused> {
        signers.resize(r.leaves().len(), Signer::Broken);
        match self.refusal(&r, &signers) {
            Some(why) => Err(why),
            None => {
                let leaves = r.leaves();
                self.files.push(Added {
                    digests: leaves.iter().map(|l| l.statement.digest()).collect(),
                    leaves,
                    received: r,
                    signers,
                });
                Ok(())
            }
        }
    }

    /// Takes a file out again.
    pub fn remove(&mut self, file: usize) {
        if file < self.files.len() {
            self.files.remove(file);
        }
        let present: Vec<String> = self.all().map(|(_, _, d, _)| d.to_string()).collect();
        self.picks.retain(|p| present.contains(p));
    }

    /// Picks the statement with this digest to stand in its conflict (the others in it no
    /// longer count). Returns whether there was such a statement in a conflict.
    pub fn pick(&mut self, digest: &str) -> bool {
        let others: Option<Vec<String>> = self
            .conflicts()
            .into_iter()
            .find(|c| c.candidates.iter().any(|x| x.digest == digest))
            .map(|c| c.candidates.into_iter().map(|x| x.digest).collect());
        let Some(others) = others else {
            return false;
        };
        self.picks.retain(|p| !others.contains(p));
        self.picks.push(digest.to_string());
        true
    }

    /// Every counted result of every file, with its signer, digest and file, duplicates
    /// included.
    fn all(&self) -> impl Iterator<Item = (&Sealed, &Signer, &str, usize)> {
        self.files.iter().enumerate().flat_map(|(i, f)| {
            f.leaves
                .iter()
                .zip(&f.signers)
                .zip(&f.digests)
                .map(move |((s, signer), d)| (s, signer, d.as_str(), i))
        })
    }

    /// The distinct counted results, in the order they were first added.
    pub fn counted_results(&self) -> Vec<Counted<'_>> {
        let mut out: Vec<Counted<'_>> = Vec::new();
        for (sealed, signer, digest, file) in self.all() {
            match out.iter_mut().find(|c| c.digest == digest) {
                Some(c) => {
                    if !c.files.contains(&file) {
                        c.files.push(file);
                    }
                    // A signed copy of a statement speaks for it better than an unsigned
                    // one.
                    if matches!(c.signer, Signer::Unsigned) {
                        c.signer = signer;
                        c.sealed = sealed;
                    }
                }
                None => out.push(Counted {
                    sealed,
                    signer,
                    digest: digest.to_string(),
                    files: vec![file],
                }),
            }
        }
        out
    }

    /// The counted results grouped: those sharing a unit or a batch are one group.
    fn groups(&self) -> Vec<Vec<Counted<'_>>> {
        let mut groups: Vec<Vec<Counted<'_>>> = Vec::new();
        for c in self.counted_results() {
            let related = |g: &Vec<Counted<'_>>| {
                g.iter().any(|x| {
                    x.sealed.statement.identity() == c.sealed.statement.identity()
                        || x.sealed.statement.batch == c.sealed.statement.batch
                })
            };
            // A result can join two groups together (one by unit, one by batch).
            let (mut joined, rest): (Vec<_>, Vec<_>) = groups.into_iter().partition(related);
            groups = rest;
            let mut group: Vec<Counted<'_>> = joined.drain(..).flatten().collect();
            group.push(c);
            groups.push(group);
        }
        groups
    }

    /// Every conflict, settled or not.
    pub fn conflicts(&self) -> Vec<Conflict<'_>> {
        self.groups()
            .into_iter()
            .filter(|g| g.len() > 1)
            .map(|candidates| {
                let picked = candidates
                    .iter()
                    .map(|c| c.digest.clone())
                    .find(|d| self.picks.contains(d));
                Conflict { candidates, picked }
            })
            .collect()
    }

    /// Whether some conflict is not settled yet (then there is no combined result).
    pub fn unsettled(&self) -> bool {
        self.conflicts().iter().any(|c| c.picked.is_none())
    }

    /// The counted results that stand: each group's only one, or the one picked.
    pub fn standing(&self) -> Vec<Counted<'_>> {
        self.groups()
            .into_iter()
            .filter_map(|g| {
                if g.len() == 1 {
                    g.into_iter().next()
                } else {
                    g.into_iter().find(|c| self.picks.contains(&c.digest))
                }
            })
            .collect()
    }

    /// The sum of the standing results' tallies.
    pub fn tally(&self) -> Option<Tally> {
        let template = self.template()?;
        let standing = self.standing();
        Some(sum_tally(
            template,
            standing.iter().map(|c| &c.sealed.statement),
        ))
    }

    /// Each figure summed over the standing results (see [`sum_figures`]).
    pub fn figures(&self) -> Figures {
        let standing = self.standing();
        sum_figures(standing.iter().map(|c| &c.sealed.statement))
    }

    /// Every standing unit with its own figures.
    pub fn lines(&self) -> Vec<SourceLine> {
        self.standing()
            .iter()
            .map(|c| line(&c.sealed.statement))
            .collect()
    }

    /// The combined result as a results body for `unit`, to file or to merge again; `None`
    /// while nothing is added or a conflict is unsettled.
    pub fn result(&self, unit: &str) -> Option<Received> {
        if self.unsettled() {
            return None;
        }
        let first = self.files.first()?;
        let leaves: Vec<Sealed> = self
            .standing()
            .into_iter()
            .map(|c| c.sealed.clone())
            .collect();
        let body = merged_body(
            &first.received.template,
            unit,
            &first.received.body.fingerprint,
            leaves,
        );
        Some(Received::local(body, first.received.template.clone()))
    }
}

/// A merged result's body over these counted results.
pub fn merged_body(
    template: &Template,
    unit: &str,
    fingerprint: &str,
    leaves: Vec<Sealed>,
) -> Body {
    let statements = || leaves.iter().map(|l| &l.statement);
    let mut batches: Vec<String> = statements().map(|s| s.batch.clone()).collect();
    batches.sort();
    batches.dedup();
    Body {
        batch: merged_batch(&batches),
        batches,
        kind: Kind::Merged,
        fingerprint: fingerprint.to_string(),
        unit: unit.to_string(),
        category: None,
        figures: sum_figures(statements()),
        tally: sum_tally(template, statements()),
        ballots: Default::default(),
        sources: statements().map(line).collect(),
        leaves,
    }
}

fn line(s: &Statement) -> SourceLine {
    SourceLine {
        unit: s.unit.clone(),
        figures: s.figures,
    }
}

fn sum_tally<'a>(template: &Template, statements: impl Iterator<Item = &'a Statement>) -> Tally {
    let mut sum = Tally::empty(template);
    for s in statements {
        // Every statement was checked against the template when read.
        let _ = sum.merge(&s.tally);
    }
    sum
}

/// Each figure summed where every result knows it; unknown otherwise (a tablet knows 发出
/// but not 应到: the meeting's 应到 is then entered once for all).
fn sum_figures<'a>(statements: impl Iterator<Item = &'a Statement> + Clone) -> Figures {
    let sum = |get: fn(&Figures) -> Option<u32>| {
        statements.clone().try_fold(0u32, |acc, s| {
            get(&s.figures).map(|n| acc.saturating_add(n))
        })
    };
    if statements.clone().next().is_none() {
        return Figures::default();
    }
    Figures {
        due: sum(|f| f.due),
        present: sum(|f| f.present),
        issued: sum(|f| f.issued),
        returned: sum(|f| f.returned),
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
