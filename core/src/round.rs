//! Rounds after the first: 再次投票 among names tied at the cut line (R04) and 另行选举 for
//! the seats left when too few were taken (R05), each derived from a result in one action
//! ([`derive`]) as a template of its own, and the 当选名单 combined over the rounds
//! ([`combined`]).
//!
//! A derived round is an ordinary template: printed, voted on tablets, counted on the pad,
//! checked, merged and reported like any other, with its own fingerprint, so a round's
//! results are never merged with another round's (X10). What makes it a round is its
//! [`Round`] link: the first round's title and fingerprint, the fingerprint of the round it
//! follows, and per section what it decides and the names earlier rounds took.
//!
//! Invariants (tested below and in `tests/rounds.rs`):
//! - A derived round lists exactly the names still in question: the tied names for
//!   再次投票; for 另行选举, the names not taken, most votes first, as many as the contest
//!   needs (all of those tied at that line), printed in 笔画 order. No name taken before is
//!   on it (the template check refuses one: T27).
//! - Its places are exactly the places left: the tie's places, or the seats not filled.
//! - The combined list holds every name taken in any round once, with its round; with the
//!   places still open, it adds up to the first round's seats.
//! - Every rule of the new round is written in its template (who is elected, the 差额),
//!   never implied by the link: the organiser sees and may edit them like any other.

use crate::results::{Flag, NameRow, Results, SectionResult, Status, View};
use crate::rules::Threshold;
use crate::template::{
    limits, Candidate, Contest, RecommendationSection, Round, RoundKind, RoundSection, Section,
    Taken, Template, TemplateSpec, MAX_ROUNDS,
};

/// Why no next round was derived. Codes N01–N06, one message each in the report catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeriveRefused {
    /// N01: no section has a tie at the cut or seats left: the result is complete.
    NothingToDecide,
    /// N02: the vote cannot stand as it is (a blocking finding: the quorum, the figures):
    /// it is not continued by another round.
    NotStanding,
    /// N03: a 另行选举 needs `needed` names and only `have` were not taken: the organiser
    /// nominates more (in the editor, from a copy of the template).
    TooFewNames {
        section: usize,
        needed: u64,
        have: usize,
    },
    /// N04: an 等额 另行选举's names would be chosen among names with equal votes: it is
    /// for the meeting to decide, not the app.
    TieForNames { section: usize },
    /// N05: already [`MAX_ROUNDS`] rounds, or the round derived does not pass the
    /// template's checks (e.g. a 再次投票 under the inverted scheme, where an unmarked
    /// ballot would agree with every tied name): `code` is the first check's.
    Invalid { code: &'static str },
    /// N06: fewer ballots entered than returned (收回): a count still under way is not a
    /// result a round is made from.
    Unfinished { entered: u32, returned: u32 },
}

impl DeriveRefused {
    pub fn code(&self) -> &'static str {
        match self {
            DeriveRefused::NothingToDecide => "N01",
            DeriveRefused::NotStanding => "N02",
            DeriveRefused::TooFewNames { .. } => "N03",
            DeriveRefused::TieForNames { .. } => "N04",
            DeriveRefused::Invalid { .. } => "N05",
            DeriveRefused::Unfinished { .. } => "N06",
        }
    }
}

/// The round that follows `results` (the combined view of `template`, whose fingerprint is
/// `fingerprint`): every names section with a tie at the cut (再次投票) or seats left
/// (另行选举), and none other. `title` words the new round's title from the first round's
/// title and the new round's number (the catalogue's, so the core holds no words).
pub fn derive(
    template: &Template,
    fingerprint: &str,
    results: &Results,
    title: impl Fn(&str, u16) -> String,
) -> Result<Template, DeriveRefused> {
    let open = |f: &Flag| matches!(f, Flag::TieAtCut { .. } | Flag::TooFewQualify { .. });
    if results.view != View::Combined || !results.flags.iter().any(open) {
        return Err(DeriveRefused::NothingToDecide);
    }
    if results.flags.iter().any(Flag::is_blocking) {
        return Err(DeriveRefused::NotStanding);
    }
    let entered = results.valid + results.blank + results.void;
    if let Some(returned) = results.figures.returned.filter(|&r| entered < r) {
        return Err(DeriveRefused::Unfinished { entered, returned });
    }
    let spec = template.spec();
    let link = spec.round.as_ref();
    let number = link.map_or(1, |r| r.number);
    if number >= MAX_ROUNDS {
        return Err(DeriveRefused::Invalid { code: "T28" });
    }
    let mut sections = Vec::new();
    let mut entries = Vec::new();
    let judged = template.judged().sections(template);
    for (i, ((section, rules), result)) in judged.zip(&results.sections).enumerate() {
        let (Section::Recommendation(s), SectionResult::Recommendation(r)) = (section, result)
        else {
            continue;
        };
        let mut taken = (link.and_then(|l| l.sections.get(i)))
            .map(|e| e.taken.clone())
            .unwrap_or_default();
        let now = (r.rows.iter()).filter(|row| row.status == Some(Status::Taken));
        taken.extend(now.map(|row| Taken {
            name: row.name.clone(),
            round: number,
        }));
        let open = open_places(results, i);
        let (kind, derived) = match open {
            Some(Open::Tie { places }) => {
                let tied = (r.rows.iter()).filter(|row| row.status == Some(Status::Tied));
                (RoundKind::Revote, revote(s, tied.collect(), places))
            }
            Some(Open::Seats { left }) => {
                let pool: Vec<&NameRow> = (r.rows.iter())
                    .filter(|row| row.status != Some(Status::Taken))
                    .collect();
                let needed = match s.election {
                    Some(Contest::Competitive) => rules.competitive_minimum(left),
                    Some(Contest::Equal) => u64::from(left),
                    // A recommendation lists every name not taken: voters choose among them.
                    None => pool.len() as u64,
                };
                let names = further_names(i, &pool, needed, s.election)?;
                let threshold = rules.further_majority();
                (RoundKind::Further, further(s, names, left, threshold))
            }
            None => continue,
        };
        sections.push(Section::Recommendation(derived));
        entries.push(RoundSection { kind, taken });
    }
    if sections.is_empty() {
        return Err(DeriveRefused::NothingToDecide);
    }
    let first_title = link.map_or(spec.title.as_str(), |l| l.title.as_str());
    let next = number + 1;
    let mut title = title(first_title, next);
    if title.chars().count() > limits::MAX_TEXT_CHARS {
        // The round's words kept whole, the first title shortened.
        let words = title.chars().count() - first_title.chars().count();
        let keep: String = (first_title.chars())
            .take(limits::MAX_TEXT_CHARS.saturating_sub(words + 1))
            .collect();
        title = (title.replacen(first_title, &format!("{keep}…"), 1))
            .chars()
            .take(limits::MAX_TEXT_CHARS)
            .collect();
    }
    let new = TemplateSpec {
        title,
        sections,
        round: Some(Box::new(Round {
            number: next,
            title: first_title.to_string(),
            first: link.map_or(fingerprint, |l| l.first.as_str()).to_string(),
            after: fingerprint.to_string(),
            sections: entries,
        })),
        ..spec.clone()
    };
    new.check().map_err(|errors| DeriveRefused::Invalid {
        code: errors.first().map_or("T28", |e| e.kind.code()),
    })
}

/// What is still open in section `section` of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// R04: names tied at the cut for `places` places.
    Tie { places: u16 },
    /// R05: `left` seats not filled.
    Seats { left: u16 },
}

fn open_places(results: &Results, section: usize) -> Option<Open> {
    let clamp = |n: u64| u16::try_from(n).unwrap_or(u16::MAX);
    results.flags.iter().find_map(|f| match f {
        Flag::TieAtCut {
            section: s, places, ..
        } if *s == section => Some(Open::Tie {
            places: clamp(*places),
        }),
        Flag::TooFewQualify {
            section: s,
            needed,
            qualified,
            ..
        } if *s == section => Some(Open::Seats {
            left: clamp(needed.saturating_sub(*qualified)),
        }),
        _ => None,
    })
}

/// A name of a result as a candidate: a listed name with its note, a written name as written.
fn candidate(s: &RecommendationSection, row: &NameRow) -> Candidate {
    match row.candidate.and_then(|c| s.candidates.get(usize::from(c))) {
        Some(c) => c.clone(),
        None => Candidate {
            name: row.name.clone(),
            note: String::new(),
        },
    }
}

/// The rules of `s` without those of `keys`, then `add`: a round writes every rule that
/// decides it, and keeps the others (`rate_base`).
fn rules_with(s: &RecommendationSection, keys: &[&str], add: Vec<String>) -> Vec<String> {
    let kept = s.rules.iter().filter(|r| {
        let key = r.split_whitespace().next().unwrap_or_default();
        !keys.contains(&key)
    });
    kept.cloned().chain(add).collect()
}

/// A 推荐 round's shortlist: exactly `seats` names, no 差额.
fn exactly(seats: u16) -> Vec<String> {
    vec![
        format!("seats {seats}"),
        "extra 0".into(),
        "extra_min 0".into(),
    ]
}

/// The statement of a majority rule: `majority > 1/2 present`, or `majority none`.
fn majority_statement(t: Option<Threshold>) -> String {
    match t {
        Some(t) => format!(
            "majority {} {} {}",
            t.compare.ascii(),
            t.share,
            t.base.key()
        ),
        None => "majority none".into(),
    }
}

/// 再次投票: the tied names, for the places left, most votes taken (no share needed, as
/// 《中国共产党基层组织选举工作条例》 has it: 得票多的当选); no write-ins.
fn revote(s: &RecommendationSection, tied: Vec<&NameRow>, places: u16) -> RecommendationSection {
    let rules = match s.election {
        // Every tied name is one more than the places: a 差额 of at least one.
        Some(_) => rules_with(
            s,
            &["majority", "further", "extra", "extra_min"],
            vec![
                "majority none".into(),
                "extra 0".into(),
                "extra_min 1".into(),
            ],
        ),
        None => rules_with(
            s,
            &["seats", "extra", "extra_min", "majority"],
            exactly(places),
        ),
    };
    let mut section = RecommendationSection {
        candidates: tied.iter().map(|row| candidate(s, row)).collect(),
        max_marks: places,
        election: s.election.map(|_| Contest::Competitive),
        write_in_slots: 0,
        write_in_may_repeat_listed: false,
        write_in_needs_mark: false,
        write_in_after_oppose: false,
        rules,
        ..s.clone()
    };
    section.sort_by_strokes();
    section
}

/// The names of a 另行选举: the first `needed` of `pool` (most votes first), with every name
/// tied with the last of them.
fn further_names<'a>(
    section: usize,
    pool: &[&'a NameRow],
    needed: u64,
    contest: Option<Contest>,
) -> Result<Vec<&'a NameRow>, DeriveRefused> {
    let n = usize::try_from(needed).unwrap_or(usize::MAX);
    if pool.len() < n || n == 0 {
        return Err(DeriveRefused::TooFewNames {
            section,
            needed,
            have: pool.len(),
        });
    }
    let line = pool[n - 1].score;
    let names: Vec<&NameRow> = (pool.iter().enumerate())
        .filter(|(i, row)| *i < n || row.score == line)
        .map(|(_, row)| *row)
        .collect();
    if names.len() > n && contest == Some(Contest::Equal) {
        return Err(DeriveRefused::TieForNames { section });
    }
    Ok(names)
}

/// 另行选举 for `left` seats among `names`, elected under `threshold` (the section's
/// `further` rule); the section's contest, 差额 and write-ins kept.
fn further(
    s: &RecommendationSection,
    names: Vec<&NameRow>,
    left: u16,
    threshold: Option<Threshold>,
) -> RecommendationSection {
    let rules = match s.election {
        Some(_) => rules_with(
            s,
            &["majority", "further"],
            vec![majority_statement(threshold)],
        ),
        None => rules_with(s, &["seats", "extra", "extra_min"], exactly(left)),
    };
    let mut section = RecommendationSection {
        candidates: names.iter().map(|row| candidate(s, row)).collect(),
        max_marks: left,
        rules,
        ..s.clone()
    };
    section.sort_by_strokes();
    section
}

/// One names section's 当选名单 (or 初步人选名单) over every round so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CombinedSection {
    /// The section's place in this round's template.
    pub section: usize,
    pub title: String,
    pub election: bool,
    /// What this round decided.
    pub kind: RoundKind,
    /// Every name taken, with its round: earlier rounds' first, in the order taken, then
    /// this round's, most votes first.
    pub taken: Vec<Taken>,
    /// Names tied at the cut in this round: another 再次投票.
    pub tied: Vec<String>,
    /// Places still open after this round (the tie's, or the seats not filled).
    pub open: u16,
}

/// The combined list of every section of a round after the first; empty for a first round
/// (its own results are its list).
pub fn combined(template: &Template, results: &Results) -> Vec<CombinedSection> {
    let Some(link) = &template.spec().round else {
        return Vec::new();
    };
    let specs = template.sections().iter().zip(&results.sections);
    let mut out = Vec::new();
    for (i, ((section, result), entry)) in specs.zip(&link.sections).enumerate() {
        let (Section::Recommendation(s), SectionResult::Recommendation(r)) = (section, result)
        else {
            continue;
        };
        let with = |status| (r.rows.iter()).filter(move |row| row.status == Some(status));
        let mut taken = entry.taken.clone();
        taken.extend(with(Status::Taken).map(|row| Taken {
            name: row.name.clone(),
            round: link.number,
        }));
        out.push(CombinedSection {
            section: i,
            title: s.title.clone(),
            election: s.election.is_some(),
            kind: entry.kind,
            taken,
            tied: with(Status::Tied).map(|row| row.name.clone()).collect(),
            open: match open_places(results, i) {
                Some(Open::Tie { places }) => places,
                Some(Open::Seats { left }) => left,
                None => 0,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests;
