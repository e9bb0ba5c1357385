//! Results: a tally judged under the template's result rules ([`crate::rules`]), as a meeting
//! announces and files them.
//!
//! [`Results::compute`] is a pure function of the template, the tally, the meeting's figures
//! and the view (all categories combined, or one). Every decision uses exact integer
//! arithmetic; rates are kept as `(count, base)` pairs and only turned into text for display
//! ([`percent`]). Every finding is a [`Flag`] with a code (`C01`–`C03` for the figures,
//! `R01`–`R06` for the rules) and one message per language in the report catalogue.
//!
//! Invariants (tested below):
//! - Recommendation rows are ranked by score, most first; equal scores share a rank and are
//!   never separated by the cut: they are all `Tied` and flagged R04 ("需再次投票").
//! - With a shortlist of `k`, exactly `min(k, qualified)` rows are `Taken`, unless a tie at
//!   the cut leaves fewer; `Taken + Tied ≥ k` whenever at least `k` qualify.

use crate::figures::{FigureFlag, Figures};
use crate::rules::{Alert, Base, Quorum, Ratio, RuleSet, Scope};
use crate::tally::{EvaluationTally, Part, RecommendationTally, SectionTally, Tally};
use crate::template::{EvaluationSection, RecommendationSection, Section, Template};

/// Which ballots the results are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Every category added up (weighted where the template says so).
    Combined,
    /// One category (`None`: ballots without a category).
    Category(Option<u16>),
}

/// A finding about the results. Blocking flags mean the vote cannot stand as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// C01–C03: the figures do not add up.
    Figures(FigureFlag),
    /// C01–C03 of one unit inside a combined result (a 支部, a tablet, a 居民区): its own
    /// check, carried up so a combined report never hides it.
    Source { unit: String, flag: FigureFlag },
    /// R01: 实到 does not reach the quorum: the meeting is not valid (blocking).
    QuorumNotMet {
        present: u32,
        due: u32,
        rule: Quorum,
    },
    /// R02: a rule needs a figure that was not entered; it was not applied.
    FigureMissing { base: Base },
    /// R03: a base is 0, so its rates cannot be computed.
    ZeroBase { base: Base },
    /// R04: names tied at the cut line: they are voted on again (再次投票), never drawn.
    TieAtCut {
        section: usize,
        names: Vec<String>,
        /// Places left for the tied names.
        places: u64,
    },
    /// R05: fewer names qualify than the shortlist takes: a further round is needed.
    TooFewQualify {
        section: usize,
        needed: u64,
        qualified: u64,
        /// In an election: too few elected, 另行选举 for the remaining seats.
        election: bool,
    },
    /// R06: an evaluation item meets an alert rule (e.g. 不称职 > 1/3).
    Alert {
        section: usize,
        /// The item: its subject's name and, if it has one, the dimension rated.
        name: String,
        dimension: Option<String>,
        /// The category judged, when the rule is judged per category.
        category: Option<String>,
        alert: Alert,
        count: u32,
        base: u32,
    },
}

impl Flag {
    pub fn code(&self) -> &'static str {
        match self {
            Flag::Figures(f) | Flag::Source { flag: f, .. } => f.code(),
            Flag::QuorumNotMet { .. } => "R01",
            Flag::FigureMissing { .. } => "R02",
            Flag::ZeroBase { .. } => "R03",
            Flag::TieAtCut { .. } => "R04",
            Flag::TooFewQualify { .. } => "R05",
            Flag::Alert { .. } => "R06",
        }
    }

    /// The vote or meeting cannot stand as it is (C01, R01); the others are warnings.
    pub fn is_blocking(&self) -> bool {
        match self {
            Flag::Figures(f) | Flag::Source { flag: f, .. } => f.is_blocking(),
            Flag::QuorumNotMet { .. } => true,
            _ => false,
        }
    }
}

/// The results of one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub view: View,
    /// The figures that apply to this view (unknown ones are `None`).
    pub figures: Figures,
    pub valid: u32,
    pub blank: u32,
    pub void: u32,
    /// Blocking flags first, then warnings, each group in the order found.
    pub flags: Vec<Flag>,
    pub sections: Vec<SectionResult>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionResult {
    Recommendation(RecommendationResult),
    Evaluation(EvaluationResult),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationResult {
    pub counted: u32,
    pub blank: u32,
    pub void: u32,
    /// The rate base, when known.
    pub base: Option<u32>,
    pub rate_base: Base,
    /// Scores are `score / score_den` votes: 1 for plain votes, the common denominator of
    /// the weights when categories are weighted.
    pub score_den: u64,
    /// The categories' names when the rows carry per-category votes (combined view of a
    /// template with categories).
    pub categories: Vec<String>,
    /// Most votes first.
    pub rows: Vec<NameRow>,
    /// The number of 初步人选 to take, when the template sets 应选人数; in an election, its
    /// seats.
    pub take: Option<u64>,
    pub seats: Option<u16>,
    /// `Some` for an election: `Taken` is 当选, `NotTaken` 未当选.
    pub election: Option<crate::template::Contest>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRow {
    /// As shown: a listed name with its note ([`crate::template::Candidate::label`]), or a
    /// name written in.
    pub name: String,
    /// A listed name (else a write-in, 另选他人).
    pub listed: bool,
    /// A listed name's position in the template's list (what a ballot's marks index);
    /// `None` for a write-in.
    pub candidate: Option<u16>,
    /// 1 + the number of rows with a higher score.
    pub rank: u32,
    /// Votes, all categories added up (unweighted).
    pub votes: u32,
    /// The weighted score (equals `votes` when not weighted), over `score_den`.
    pub score: u128,
    /// Votes per category, when the view combines categories.
    pub per_category: Vec<u32>,
    /// Under a scheme with × (赞成/反对/弃权), for a listed name: 反对, 弃权 and the boxes
    /// that could not be read; with `votes` they add up to the ballots the section counts
    /// or leaves blank. `None` for a write-in and under a scheme without ×.
    pub against: Option<Against>,
    /// Whether the name reaches the majority rule, when there is one and it applies.
    pub majority: Option<bool>,
    pub status: Option<Status>,
}

/// A listed name's ballots that are not 赞成, under a scheme with ×.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Against {
    /// 反对.
    pub opposed: u32,
    /// 弃权.
    pub abstained: u32,
    /// Boxes holding both ○ and ×: counted for nobody (无法辨认).
    pub unreadable: u32,
}

impl RecommendationResult {
    /// The row of listed name `candidate` (its position in the template's list, see
    /// [`crate::template::RecommendationSection::candidate`]).
    pub fn listed(&self, candidate: u16) -> Option<&NameRow> {
        self.rows.iter().find(|r| r.candidate == Some(candidate))
    }

    /// The row of a name written in (另选他人), by the name as counted.
    pub fn written_in(&self, name: &str) -> Option<&NameRow> {
        let name = crate::names::normalize_name(name);
        (self.rows.iter()).find(|r| !r.listed && crate::names::normalize_name(&r.name) == name)
    }
}

impl EvaluationResult {
    /// The row of item `item` (its position, see
    /// [`crate::template::EvaluationSection::item`]).
    pub fn item(&self, item: usize) -> Option<&ItemResult> {
        self.items.get(item)
    }
}

/// Where a name stands against the shortlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 列入初步人选.
    Taken,
    /// Tied at the cut line: 需再次投票.
    Tied,
    /// 未列入.
    NotTaken,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationResult {
    pub levels: Vec<String>,
    /// Per level: counted in the positive rate (满意率).
    pub positive: Vec<bool>,
    /// Per level: left out of the base (e.g. 不了解), so it has no rate.
    pub excluded: Vec<bool>,
    pub rate_base: Base,
    pub items: Vec<ItemResult>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub name: String,
    pub role: String,
    pub dimension: Option<String>,
    pub levels: Vec<u32>,
    /// Valid forms that left this item unrated (blank forms are not among them: they are
    /// in no item's base when the base is the valid forms).
    pub unrated: u32,
    /// Valid forms that marked two or more levels for this item: void for this item (无效),
    /// so not in its base.
    pub spoiled: u32,
    /// Void forms (the whole form).
    pub void: u32,
    /// The part of the base that is none of the counts above (blank and void forms, ballots
    /// not returned), when the base is not the valid forms: with it, the levels in the
    /// base and 未评 add up to `base`.
    pub outside: u32,
    /// Forms at a positive level.
    pub positive: u32,
    /// The base of this item's rates (excluded levels taken off), when known.
    pub base: Option<u32>,
    /// Indices of the section's alerts this item meets (in this view).
    pub alerts: Vec<usize>,
}

/// `count / base` as a percentage with one decimal, rounded half up, exactly:
/// `percent(1, 3)` is "33.3%", `percent(2, 3)` "66.7%"; `None` for a zero base.
pub fn percent(count: u64, base: u64) -> Option<String> {
    if base == 0 {
        return None;
    }
    let tenths = (u128::from(count) * 2000 + u128::from(base)) / (2 * u128::from(base));
    Some(format!("{}.{}%", tenths / 10, tenths % 10))
}

/// A score as text: whole votes, or two decimals for a weighted score (rounded half up).
pub fn score_text(score: u128, den: u64) -> String {
    if den <= 1 {
        return score.to_string();
    }
    let den = u128::from(den);
    let hundredths = (score * 200 + den) / (2 * den);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

fn base_value(base: Base, figures: &Figures, part: &Part) -> Option<u32> {
    match base {
        Base::Due => figures.due,
        Base::Present => figures.present,
        Base::Issued => figures.issued,
        // The ballots entered are the ballots returned until 收回 is entered.
        Base::Returned => figures.returned.or(Some(part.total())),
        Base::Valid => Some(part.valid),
    }
}

/// The meeting's figures as far as they are a category's: all of them when it holds every
/// ballot (a count of one category's box), none otherwise, so a base that needs them is
/// reported unknown (R02) rather than taken from the whole meeting.
fn figures_of(part: &Part, tally: &Tally, meeting: Figures) -> Figures {
    if part.total() == tally.total() {
        meeting
    } else {
        Figures::default()
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

struct Ctx<'a> {
    template: &'a Template,
    figures: Figures,
    flags: Vec<Flag>,
}

impl Ctx<'_> {
    fn flag(&mut self, f: Flag) {
        if !self.flags.contains(&f) {
            self.flags.push(f);
        }
    }

    /// The value of a base, flagging R02 when it is unknown and R03 when it is 0.
    fn base(&mut self, base: Base, part: &Part) -> Option<u32> {
        match base_value(base, &self.figures, part) {
            None => {
                self.flag(Flag::FigureMissing { base });
                None
            }
            Some(0) => {
                if part.total() > 0 {
                    self.flag(Flag::ZeroBase { base });
                }
                Some(0)
            }
            v => v,
        }
    }
}

impl Results {
    /// The results of `view`. `figures` are the meeting's (应到/实到/发出/收回); they apply to
    /// the combined view, and to a category view only when that category holds every ballot
    /// (a count of one category's ballot box).
    pub fn compute(template: &Template, tally: &Tally, figures: Figures, view: View) -> Results {
        let part = match view {
            View::Combined => tally.combined(),
            View::Category(c) => tally
                .part(c)
                .cloned()
                .unwrap_or_else(|| Part::empty(template)),
        };
        let figures = if view == View::Combined {
            figures
        } else {
            figures_of(&part, tally, figures)
        };
        let mut ctx = Ctx {
            template,
            figures,
            flags: figures.flags().into_iter().map(Flag::Figures).collect(),
        };
        let judged = template.judged();
        let rules = &judged.template;
        if let Some(rule) = rules.quorum {
            match (figures.present, figures.due) {
                (Some(present), Some(due)) => {
                    if !rule.met(present, due) {
                        ctx.flag(Flag::QuorumNotMet { present, due, rule });
                    }
                }
                (None, _) => ctx.flag(Flag::FigureMissing {
                    base: Base::Present,
                }),
                (_, None) => ctx.flag(Flag::FigureMissing { base: Base::Due }),
            }
        }
        let categories = template.categories();
        let per_category = view == View::Combined && !categories.is_empty();
        let weights = if per_category {
            rules.weights.as_deref()
        } else {
            None
        };
        let mut sections = Vec::new();
        let specs = judged.sections(template);
        for (i, ((spec, rules), tallied)) in specs.zip(&part.sections).enumerate() {
            let r = match (spec, tallied) {
                (Section::Recommendation(s), SectionTally::Recommendation(r)) => {
                    let parts: Vec<&RecommendationTally> = if per_category {
                        tally
                            .parts
                            .iter()
                            .take(categories.len())
                            .filter_map(|p| match p.sections.get(i) {
                                Some(SectionTally::Recommendation(r)) => Some(r),
                                _ => None,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    SectionResult::Recommendation(recommendation(
                        &mut ctx,
                        Judging {
                            index: i,
                            spec: s,
                            rules,
                        },
                        r,
                        &part,
                        &parts,
                        weights,
                    ))
                }
                (Section::Evaluation(s), SectionTally::Evaluation(e)) => {
                    let scope = rules.alert_scope;
                    let judge = match scope {
                        Scope::Combined => view == View::Combined,
                        Scope::EachCategory => view != View::Combined,
                    };
                    let judging = Judging {
                        index: i,
                        spec: s,
                        rules,
                    };
                    let result = evaluation(&mut ctx, judging, e, &part, judge, None);
                    if scope == Scope::EachCategory && view == View::Combined {
                        // Judged per category: the combined view lists each category's alerts.
                        for (c, name) in categories.iter().enumerate() {
                            let Some(p) = u16::try_from(c).ok().and_then(|c| tally.part(Some(c)))
                            else {
                                continue;
                            };
                            if let Some(SectionTally::Evaluation(e)) = p.sections.get(i) {
                                let meeting = ctx.figures;
                                ctx.figures = figures_of(p, tally, meeting);
                                evaluation(&mut ctx, judging, e, p, true, Some(name));
                                ctx.figures = meeting;
                            }
                        }
                    }
                    SectionResult::Evaluation(result)
                }
                _ => continue,
            };
            sections.push(r);
        }
        let mut flags = ctx.flags;
        // Blocking first; the sort is stable, so each group keeps the order found.
        flags.sort_by_key(|f| !f.is_blocking());
        Results {
            view,
            figures,
            valid: part.valid,
            blank: part.blank,
            void: part.void,
            flags,
            sections,
        }
    }
}

impl Results {
    /// These results with the findings of the units inside a combined result (their own
    /// figure checks, [`crate::handover::SourceRow::flags`]) added: blocking first, each
    /// group in the order found, the units' before the whole's.
    pub fn with_sources(mut self, mut units: Vec<Flag>) -> Results {
        if units.is_empty() {
            return self;
        }
        units.append(&mut self.flags);
        // A stable sort: blocking first, each group in the order found.
        units.sort_by_key(|f| !f.is_blocking());
        self.flags = units;
        self
    }
}

/// One section of the template as it is judged: its place, its spec and its rules.
struct Judging<'a, S> {
    index: usize,
    spec: &'a S,
    rules: &'a RuleSet,
}

// By hand: derived, both would require `S: Copy`, and only references are copied.
impl<S> Clone for Judging<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Judging<'_, S> {}

fn recommendation(
    ctx: &mut Ctx,
    Judging { index, spec, rules }: Judging<RecommendationSection>,
    tally: &RecommendationTally,
    part: &Part,
    per_category: &[&RecommendationTally],
    weights: Option<&[Ratio]>,
) -> RecommendationResult {
    let rate_base = rules.rate_base;
    let base = ctx.base(rate_base, part);

    // Every name with its votes: listed names in template order, then write-ins by name
    // (this tally's; in the combined view it holds every category's).
    let listed = spec.candidates.iter().map(|c| (c.label(), true));
    let written = tally.write_ins.iter().map(|(n, _)| (n.clone(), false));
    let votes_in = |t: &RecommendationTally, i: usize, name: &str, listed: bool| -> u32 {
        if listed {
            t.votes.get(i).copied().unwrap_or(0)
        } else {
            t.write_ins.get(&name.to_string()).copied().unwrap_or(0)
        }
    };

    // Weighted scores share one denominator, so they compare as integers.
    let score_den = weights
        .map(|w| {
            w.iter().fold(1u64, |l, r| {
                l / gcd(l, u64::from(r.den())) * u64::from(r.den())
            })
        })
        .unwrap_or(1);
    let majority = rules.majority;
    let majority_base = match majority {
        // Weighted scores are not votes: a majority of ballots does not apply to them.
        Some(m) if weights.is_none() => ctx.base(m.base, part),
        _ => None,
    };

    let mut rows: Vec<NameRow> = listed
        .chain(written)
        .enumerate()
        .map(|(i, (name, is_listed))| {
            let votes = votes_in(tally, i, &name, is_listed);
            let per: Vec<u32> = per_category
                .iter()
                .map(|t| votes_in(t, i, &name, is_listed))
                .collect();
            let score = match weights {
                Some(w) => per
                    .iter()
                    .zip(w)
                    .map(|(&v, r)| {
                        u128::from(v)
                            * u128::from(r.num())
                            * u128::from(score_den / u64::from(r.den()))
                    })
                    .sum(),
                None => u128::from(votes),
            };
            let against =
                (is_listed && tally.opposed.len() == spec.candidates.len()).then(|| Against {
                    opposed: tally.opposed.get(i).copied().unwrap_or(0),
                    abstained: tally.abstained(i),
                    unreadable: tally.unreadable.get(i).copied().unwrap_or(0),
                });
            NameRow {
                against,
                majority: match (majority, majority_base) {
                    (Some(m), Some(b)) => Some(m.holds(votes, b)),
                    _ => None,
                },
                name,
                listed: is_listed,
                candidate: is_listed.then(|| u16::try_from(i).ok()).flatten(),
                rank: 0,
                votes,
                score,
                per_category: per,
                status: None,
            }
        })
        .collect();
    // Stable: equal scores keep the printed order (listed names first).
    rows.sort_by_key(|r| std::cmp::Reverse(r.score));
    // Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4).
    let mut rank = 1;
    for i in 0..rows.len() {
        if i > 0 && rows[i].score < rows[i - 1].score {
            rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
        rows[i].rank = rank;
    }

    let shortlist = rules.shortlist;
    let take = shortlist.map(|s| s.size());
    if let Some(k) = take {
        let qualifies = |r: &NameRow| r.score > 0 && r.majority != Some(false);
        let qualified: Vec<usize> = (0..rows.len()).filter(|&i| qualifies(&rows[i])).collect();
        let q = qualified.len() as u64;
        for r in rows.iter_mut() {
            r.status = Some(Status::NotTaken);
        }
        if q <= k {
            for &i in &qualified {
                rows[i].status = Some(Status::Taken);
            }
            if q < k {
                ctx.flag(Flag::TooFewQualify {
                    section: index,
                    needed: k,
                    qualified: q,
                    election: spec.election.is_some(),
                });
            }
        } else {
            // k ≥ 1 (seats ≥ 1), and q > k, so both indices exist.
            let cut = rows[qualified[(k - 1) as usize]].score;
            let next = rows[qualified[k as usize]].score;
            let mut above = 0u64;
            let mut tied = Vec::new();
            for &i in &qualified {
                let r = &mut rows[i];
                if r.score > cut || (r.score == cut && cut != next) {
                    r.status = Some(Status::Taken);
                    above += 1;
                } else if r.score == cut {
                    r.status = Some(Status::Tied);
                    tied.push(r.name.clone());
                }
            }
            if !tied.is_empty() {
                ctx.flag(Flag::TieAtCut {
                    section: index,
                    names: tied,
                    places: k - above,
                });
            }
        }
    }

    RecommendationResult {
        counted: tally.counted,
        blank: tally.blank,
        void: tally.void,
        base,
        rate_base,
        score_den,
        categories: if per_category.is_empty() {
            Vec::new()
        } else {
            ctx.template.categories().to_vec()
        },
        rows,
        take,
        seats: shortlist.map(|s| s.seats),
        election: spec.election,
    }
}

fn evaluation(
    ctx: &mut Ctx,
    Judging { index, spec, rules }: Judging<EvaluationSection>,
    tally: &EvaluationTally,
    part: &Part,
    judge: bool,
    category: Option<&String>,
) -> EvaluationResult {
    let rate_base = rules.rate_base;
    let whole = ctx.base(rate_base, part);
    let positive = spec.positive_levels(rules);
    let excluded = spec.level_set(&rules.exclude);
    let alerts = &rules.alerts;
    let items = spec
        .items()
        .zip(&tally.items)
        .map(|(item, t)| {
            let sum_of = |set: &[bool]| -> u32 {
                t.levels
                    .iter()
                    .zip(set)
                    .filter(|(_, &on)| on)
                    .fold(0u32, |s, (&n, _)| s.saturating_add(n))
            };
            // A form that marked two levels for this item rated nothing here: it is void for
            // this item (无效) and left out of its base, like an excluded level, so that it
            // neither lowers the item's shares nor keeps it below an alert's threshold.
            let base = whole.map(|b| {
                b.saturating_sub(sum_of(&excluded))
                    .saturating_sub(t.spoiled)
            });
            // A blank form rates nothing, and the tally counts it unrated in every item;
            // a row counts only valid forms as 未评, so that its parts add up to its base.
            let unrated = t.unrated.saturating_sub(part.blank);
            let included: Vec<bool> = excluded.iter().map(|e| !e).collect();
            let in_base = sum_of(&included).saturating_add(unrated);
            let mut met = Vec::new();
            if let (true, Some(b)) = (judge, base) {
                for (a, alert) in alerts.iter().enumerate() {
                    let count = sum_of(&spec.level_set(&alert.levels));
                    if b > 0 && alert.compare.holds(count, b, alert.share) {
                        met.push(a);
                        ctx.flag(Flag::Alert {
                            section: index,
                            name: item.subject_name.to_string(),
                            dimension: item.dimension.map(str::to_string),
                            category: category.cloned(),
                            alert: alert.clone(),
                            count,
                            base: b,
                        });
                    }
                }
            }
            ItemResult {
                name: item.subject_name.to_string(),
                role: item.role.to_string(),
                dimension: item.dimension.map(str::to_string),
                levels: t.levels.clone(),
                unrated,
                spoiled: t.spoiled,
                void: t.void,
                outside: base.map_or(0, |b| b.saturating_sub(in_base)),
                positive: sum_of(&positive),
                base,
                alerts: if category.is_some() { Vec::new() } else { met },
            }
        })
        .collect();
    EvaluationResult {
        levels: spec.levels.clone(),
        positive,
        excluded,
        rate_base,
        items,
    }
}

#[cfg(test)]
pub(crate) mod tests;
