//! Template format v1: what a street office prepares once and every residential area uses.
//!
//! Two layers, so that an unchecked template can never reach a ballot or a tally:
//! - [`TemplateSpec`] mirrors the JSON file exactly (serde, `deny_unknown_fields`). The editor
//!   works on it, and it may be wrong in any way.
//! - [`Template`] is a spec that passed [`TemplateSpec::check`]. Only a `Template` can be used
//!   to make or check a ballot; its fields are reachable read-only through [`Template::spec`].
//!
//! Every number and choice a local rule may change (marks allowed, write-in slots, marking
//! symbol, over-marking rule, …) is a field here with a documented default, never a constant
//! in the counting code. The format is specified in `docs/template-format.md`.

use serde::{Deserialize, Serialize};

use crate::error::{Field, Path, TemplateError, TemplateErrorKind};
use crate::names::{bad_char, normalize_name, BadChar};
use crate::rules::{Rule, RuleError, RuleList, RuleSet};
use crate::unit_enum::{read_by_name, strings};

/// The value of the `format` field every template file carries.
pub const FORMAT_ID: &str = "ballot-kit/template";
/// The only template version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Bounds that keep a hostile or mistaken file from making the app unusable. Generous for
/// any real meeting (a residential area has at most a few dozen candidates).
pub mod limits {
    pub const MAX_FILE_BYTES: usize = 256 * 1024;
    pub const MAX_TEXT_CHARS: usize = 60;
    pub const MAX_LONG_TEXT_CHARS: usize = 1000;
    pub const MAX_SECTIONS: usize = 10;
    pub const MAX_CANDIDATES: usize = 200;
    pub const MAX_SUBJECTS: usize = 100;
    pub const MAX_DIMENSIONS: usize = 10;
    pub const MIN_LEVELS: usize = 2;
    /// Rating levels are stored as a 16-bit set per item (see `ballot::LevelSet`).
    pub const MAX_LEVELS: usize = 8;
    pub const MAX_WRITE_IN_SLOTS: u16 = 20;
    pub const MAX_CATEGORIES: usize = 10;
    pub const MAX_RULES: usize = 20;
}

/// A template exactly as written in a file (format v1). May be invalid; see [`Template`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSpec {
    /// Always [`FORMAT_ID`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for this build.
    pub version: u32,
    /// Printed as the heading of the form, e.g. 居民区党总支班子及成员民主测评表.
    pub title: String,
    /// Who issued the template, e.g. 曹家渡街道党工委.
    pub issuer: String,
    /// Extra instructions printed under the title (the marking instructions are generated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default)]
    pub marking: Marking,
    /// Voter categories a meeting may count apart (e.g. 党员, 群众代表). May be empty.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strings"
    )]
    pub categories: Vec<String>,
    pub sections: Vec<Section>,
    /// Result rules of the whole template ([`Rule`] texts: `quorum`, `weights`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strings"
    )]
    pub rules: Vec<String>,
    /// A round after the first (再次投票, 另行选举): what it follows and what earlier rounds
    /// decided. Left out of the first round's file, so a template made before rounds existed
    /// keeps its fingerprint. Made by [`crate::round::derive`], never typed by hand.
    /// Boxed: most templates have none, and a template is moved around whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Box<Round>>,
}

/// The link of a round after the first to the rounds before it. Each round is a template of
/// its own (its own fingerprint, printed and counted like any other); the link says which
/// election it continues and carries the names earlier rounds took, so the combined 当选名单
/// is a function of this round's template and results alone, and can be checked against the
/// earlier rounds' signed reports (their fingerprints are printed with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// 2 for the first round derived from a result, 3 for the next, …
    pub number: u16,
    /// The first round's title (this round's title adds the round to it).
    pub title: String,
    /// The first round's fingerprint: every round of one election carries the same.
    pub first: String,
    /// The fingerprint of the round this one was derived from.
    pub after: String,
    /// One entry per section of this template, in order (every section of a round is a
    /// names section).
    pub sections: Vec<RoundSection>,
}

/// What one section of a round decides, and the names its earlier rounds took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundSection {
    pub kind: RoundKind,
    /// Names taken (当选, 列入初步人选) in earlier rounds, each with its round, in the
    /// order they were taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken: Vec<Taken>,
}

/// A name an earlier round took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taken {
    /// As the results showed it (with its note, [`Candidate::label`]).
    pub name: String,
    pub round: u16,
}

/// Why a round is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// 再次投票: names tied at the cut line are voted on again for the places left (R04).
    Revote,
    /// 另行选举: too few were taken; the remaining seats are voted on again, among the names
    /// not taken, under the section's `further` rule (R05).
    Further,
}

read_by_name!(RoundKind {
    Revote = "revote",
    Further = "further"
});

/// The most rounds one election may have: far beyond any real meeting.
pub const MAX_ROUNDS: u16 = 20;

/// How a paper form is marked. Template data, because local rules differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marking {
    /// The symbol a voter draws for "agree" / the chosen level.
    #[serde(default)]
    pub symbol: MarkSymbol,
    /// What a listed name left without a mark means, under [`Scheme::AgreeOnly`].
    #[serde(default)]
    pub unmarked: Unmarked,
    /// Which marks a name's box may hold and what each means. Left out of the file when it
    /// is the default, so a template written before three-state marks keeps its fingerprint.
    #[serde(default, skip_serializing_if = "Scheme::is_agree_only")]
    pub scheme: Scheme,
}

/// What the marks in a name's box mean: the template's marking scheme (DOMAIN: "Paper
/// ballots and marks"). The same paper means opposite things under two schemes, so a
/// ballot stores the marks the paper has ([`crate::ballot::RecommendationMarks`]) and this
/// is the one place they are read as votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// ○ (or √) = 赞成/推荐; no mark = not recommended or 弃权 ([`Unmarked`]); no × on the
    /// form. The usual 推荐票 and today's default.
    #[default]
    AgreeOnly,
    /// ○ (or √) = 赞成, × = 反对, no mark = 弃权: the common election scheme.
    AgreeOppose,
    /// No mark = 赞成, × = 反对, ○ (or √) = 弃权: the inverted scheme one published rule uses.
    Inverted,
}

read_by_name!(Scheme {
    AgreeOnly = "agree_only",
    AgreeOppose = "agree_oppose",
    Inverted = "inverted"
});

/// What one name's box says, read under a [`Scheme`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vote {
    /// 赞成 (推荐).
    Agree,
    /// 反对.
    Oppose,
    /// 弃权, or 不推荐 under [`Scheme::AgreeOnly`].
    Abstain,
}

impl Scheme {
    pub fn is_agree_only(&self) -> bool {
        *self == Scheme::AgreeOnly
    }

    /// Whether × is a mark of this scheme (三种意见: 赞成, 反对, 弃权).
    pub fn has_cross(self) -> bool {
        self != Scheme::AgreeOnly
    }

    /// What a box means from the marks in it: the symbol (○ or √) and the ×. `None` when
    /// the box holds both, or a × the scheme does not have: what it says cannot be read, and
    /// that entry counts for nothing.
    pub fn read(self, symbol: bool, cross: bool) -> Option<Vote> {
        match (self, symbol, cross) {
            (_, true, true) | (Scheme::AgreeOnly, _, true) => None,
            (Scheme::Inverted, false, false) => Some(Vote::Agree),
            (Scheme::Inverted, true, false) => Some(Vote::Abstain),
            (_, true, false) => Some(Vote::Agree),
            (_, false, true) => Some(Vote::Oppose),
            (_, false, false) => Some(Vote::Abstain),
        }
    }

    /// The marks (symbol, ×) a box holds for `vote`: what the tablet stores for a voter's
    /// choice, so that its ballot is the paper ballot that says the same.
    pub fn marks_for(self, vote: Vote) -> (bool, bool) {
        match (self, vote) {
            (Scheme::Inverted, Vote::Agree) => (false, false),
            (Scheme::Inverted, Vote::Abstain) => (true, false),
            (_, Vote::Agree) => (true, false),
            (_, Vote::Oppose) => (false, true),
            (_, Vote::Abstain) => (false, false),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum MarkSymbol {
    #[default]
    #[serde(rename = "○")]
    Circle,
    #[serde(rename = "√")]
    Tick,
}

read_by_name!(MarkSymbol { Circle = "○", Tick = "√" });

impl MarkSymbol {
    pub fn glyph(self) -> &'static str {
        match self {
            MarkSymbol::Circle => "○",
            MarkSymbol::Tick => "√",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmarked {
    /// No mark = not recommended (the usual 推荐票 reading).
    #[default]
    NotRecommended,
    /// No mark = abstain (弃权).
    Abstain,
}

read_by_name!(Unmarked {
    NotRecommended = "not_recommended",
    Abstain = "abstain"
});

/// One part of a form: an evaluation (民主测评) or a recommendation (推荐).
///
/// In the file a section is one object whose `kind` says which. It is written with serde's
/// internal tag; it is read through [`SectionFile`] rather than serde's internally tagged
/// reader, which buffers every section and compiles the whole template reader twice
/// (4.4 KB brotli on the first load, measured: docs/size.md). The format is the same
/// either way.
///
/// `Recommendation` holds every section of names: a 推荐 (`kind: recommendation`) or a
/// 选举 (`kind: election`, [`RecommendationSection::election`]). Both are marked, checked
/// and counted the same way; only their results (当选 against 列入初步人选) and words
/// differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    Evaluation(EvaluationSection),
    Recommendation(RecommendationSection),
}

impl Serialize for Section {
    /// As serde's internal tag writes it, the kind first: a names section of an election
    /// is written `"kind": "election"`. The same text as the derive for the other kinds,
    /// so fingerprints do not change.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Tagged<'a> {
            Evaluation(&'a EvaluationSection),
            Recommendation(&'a RecommendationSection),
            Election(&'a RecommendationSection),
        }
        match self {
            Section::Evaluation(e) => Tagged::Evaluation(e),
            Section::Recommendation(r) if r.election.is_some() => Tagged::Election(r),
            Section::Recommendation(r) => Tagged::Recommendation(r),
        }
        .serialize(s)
    }
}

enum SectionKind {
    Evaluation,
    Recommendation,
    Election,
}

read_by_name!(SectionKind {
    Evaluation = "evaluation",
    Recommendation = "recommendation",
    Election = "election"
});

/// Every field a section of either kind may have, as read from the file. A missing list is
/// read as empty: the checks then say what is missing (e.g. "至少要有 1 项"), and a
/// recommendation may have no listed names at all (a write-in-only slip).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    kind: SectionKind,
    title: String,
    #[serde(default)]
    subjects: Vec<Subject>,
    #[serde(default, deserialize_with = "strings")]
    levels: Vec<String>,
    #[serde(default)]
    candidates: Vec<Candidate>,
    max_marks: Option<u16>,
    write_in_slots: Option<u16>,
    contest: Option<Contest>,
    write_in_may_repeat_listed: Option<bool>,
    write_in_needs_mark: Option<bool>,
    write_in_after_oppose: Option<bool>,
    bad_write_in: Option<BadWriteIn>,
    over_marked: Option<OverMarkedRule>,
    #[serde(default, deserialize_with = "strings")]
    rules: Vec<String>,
}

impl<'de> Deserialize<'de> for Section {
    /// The fields of the section's kind; `title`, `kind` and `max_marks` are required, and a
    /// field of the other kind is refused as unknown.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Section, D::Error> {
        use serde::de::Error;
        let f = SectionFile::deserialize(d)?;
        let unknown = |name: &'static str, present: bool| {
            if present {
                Err(D::Error::unknown_field(name, &[]))
            } else {
                Ok(())
            }
        };
        match f.kind {
            SectionKind::Evaluation => {
                unknown("candidates", !f.candidates.is_empty())?;
                unknown("max_marks", f.max_marks.is_some())?;
                unknown("write_in_slots", f.write_in_slots.is_some())?;
                unknown(
                    "write_in_may_repeat_listed",
                    f.write_in_may_repeat_listed.is_some(),
                )?;
                unknown("over_marked", f.over_marked.is_some())?;
                unknown("write_in_needs_mark", f.write_in_needs_mark.is_some())?;
                unknown("write_in_after_oppose", f.write_in_after_oppose.is_some())?;
                unknown("bad_write_in", f.bad_write_in.is_some())?;
                unknown("contest", f.contest.is_some())?;
                Ok(Section::Evaluation(EvaluationSection {
                    title: f.title,
                    subjects: f.subjects,
                    levels: f.levels,
                    rules: f.rules,
                }))
            }
            SectionKind::Recommendation | SectionKind::Election => {
                unknown("subjects", !f.subjects.is_empty())?;
                unknown("levels", !f.levels.is_empty())?;
                let election = match f.kind {
                    SectionKind::Election => Some(f.contest.unwrap_or_default()),
                    _ => {
                        unknown("contest", f.contest.is_some())?;
                        None
                    }
                };
                Ok(Section::Recommendation(RecommendationSection {
                    election,
                    title: f.title,
                    candidates: f.candidates,
                    max_marks: f
                        .max_marks
                        .ok_or_else(|| D::Error::missing_field("max_marks"))?,
                    write_in_slots: f.write_in_slots.unwrap_or_default(),
                    write_in_may_repeat_listed: f.write_in_may_repeat_listed.unwrap_or_default(),
                    write_in_needs_mark: f.write_in_needs_mark.unwrap_or_default(),
                    write_in_after_oppose: f.write_in_after_oppose.unwrap_or_default(),
                    bad_write_in: f.bad_write_in.unwrap_or_default(),
                    over_marked: f.over_marked.unwrap_or_default(),
                    rules: f.rules,
                }))
            }
        }
    }
}

impl Section {
    pub fn title(&self) -> &str {
        match self {
            Section::Evaluation(s) => &s.title,
            Section::Recommendation(s) => &s.title,
        }
    }
}

/// 民主测评: every subject is rated on one of the ordered levels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvaluationSection {
    pub title: String,
    /// Who or what is rated, in the order printed (e.g. 班子整体, then each member).
    pub subjects: Vec<Subject>,
    /// Rating levels, best first (e.g. 满意, 基本满意, 不满意).
    pub levels: Vec<String>,
    /// Result rules ([`Rule`] texts: `rate_base`, `positive`, `exclude`, `alert`,
    /// `alert_scope`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    /// E.g. 书记, 委员. Printed next to the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Aspects rated separately (e.g. 政治素质, 服务群众). Empty: one overall rating.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strings"
    )]
    pub dimensions: Vec<String>,
}

/// 推荐票 or 选举票: voters mark up to `max_marks` names and may write in others (另选他人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecommendationSection {
    pub title: String,
    /// Listed names, in the printed order (usually 姓氏笔画).
    pub candidates: Vec<Candidate>,
    /// 应推荐人数, or in an election 应选人数: the most names one ballot may mark 赞成,
    /// write-ins included.
    pub max_marks: u16,
    /// `Some` for an election (`kind: election`): 等额 or 差额, written `contest`.
    #[serde(rename = "contest", skip_serializing_if = "Option::is_none")]
    pub election: Option<Contest>,
    /// Blank cells for 另选他人.
    #[serde(default)]
    pub write_in_slots: u16,
    /// Whether a write-in may name a listed candidate. If `true` it counts as a mark for that
    /// candidate; if `false` (default) that write-in entry is not counted.
    #[serde(default)]
    pub write_in_may_repeat_listed: bool,
    /// Whether a written name counts only when its box reads 赞成 (写上姓名并划○). If
    /// `false` (default) a written name with an empty box counts as 赞成. Under the inverted
    /// scheme an empty box is 赞成 anyway. The optional fields below are left out of the
    /// file when they are the default, so older templates keep their fingerprint.
    #[serde(default, skip_serializing_if = "is_false")]
    pub write_in_needs_mark: bool,
    /// Whether a ballot may write in only as many names as it marks listed names 反对 (另选
    /// 他人 in place of a candidate voted against); a scheme with × only (T23).
    #[serde(default, skip_serializing_if = "is_false")]
    pub write_in_after_oppose: bool,
    /// What a written name that breaks the two rules above voids: that entry (default) or
    /// the whole ballot.
    #[serde(default, skip_serializing_if = "BadWriteIn::is_entry")]
    pub bad_write_in: BadWriteIn,
    /// What more marks than `max_marks` does.
    #[serde(default)]
    pub over_marked: OverMarkedRule,
    /// Result rules ([`Rule`] texts: `rate_base`, `seats`, `extra`, `extra_min`,
    /// `majority`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

impl RecommendationSection {
    /// The listed persons a written name could be, where several share it (told apart by
    /// their notes) and listed names may be written in: what the counters choose among on
    /// paper. Empty otherwise.
    pub fn same_name_choices(&self, name: &str) -> Vec<u16> {
        let name = normalize_name(name);
        let same: Vec<u16> = (self.candidates.iter().enumerate())
            .filter(|(_, c)| !name.is_empty() && normalize_name(&c.name) == name)
            .filter_map(|(i, _)| u16::try_from(i).ok())
            .collect();
        if self.write_in_may_repeat_listed && same.len() > 1 {
            same
        } else {
            Vec::new()
        }
    }

    /// The editor's 「按姓氏笔画排序」: listed names in 姓氏笔画 order (see
    /// [`crate::strokes`]); names that compare equal keep their order.
    pub fn sort_by_strokes(&mut self) {
        crate::strokes::sort_by_strokes(&mut self.candidates, |c| &c.name);
    }
}

impl EvaluationSection {
    /// Per level: whether it counts as positive (default: every level but the last).
    pub fn positive_levels(&self, rules: &RuleSet) -> Vec<bool> {
        match &rules.positive {
            Some(names) => self.level_set(names),
            None => {
                let last = self.levels.len().saturating_sub(1);
                (0..self.levels.len()).map(|i| i < last).collect()
            }
        }
    }

    /// Per level: whether `names` names it.
    pub fn level_set(&self, names: &[String]) -> Vec<bool> {
        self.levels
            .iter()
            .map(|l| {
                let l = normalize_name(l);
                names.iter().any(|n| normalize_name(n) == l)
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub name: String,
    /// Tells apart identical names (e.g. 女，1968年生). Printed under the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverMarkedRule {
    /// The whole ballot is void (the usual rule).
    #[default]
    VoidBallot,
    /// Only this section is void; the rest of the ballot counts.
    VoidSection,
}

/// An election's contest: as many candidates as seats (等额), or more (差额, at least the
/// section's `extra` share of the seats more, rounded up, and `extra_min`: T25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Contest {
    /// 等额: candidates = seats (e.g. 书记, 副书记).
    Equal,
    /// 差额 (default): the committee election.
    #[default]
    Competitive,
}

read_by_name!(Contest {
    Equal = "equal",
    Competitive = "competitive"
});

/// What a written name that breaks the template's write-in rules voids (DOMAIN: "a name
/// written without the agree mark is invalid, either that entry or the whole ballot").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BadWriteIn {
    /// Only that write-in is not counted (default).
    #[default]
    VoidEntry,
    /// The whole ballot is void.
    VoidBallot,
}

read_by_name!(BadWriteIn {
    VoidEntry = "void_entry",
    VoidBallot = "void_ballot"
});

impl BadWriteIn {
    pub fn is_entry(&self) -> bool {
        *self == BadWriteIn::VoidEntry
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

read_by_name!(OverMarkedRule {
    VoidBallot = "void_ballot",
    VoidSection = "void_section"
});

/// One thing a voter rates: a subject, or one dimension of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    pub subject: usize,
    pub subject_name: &'a str,
    /// The subject's role (may be empty).
    pub role: &'a str,
    pub dimension: Option<&'a str>,
}

impl EvaluationSection {
    /// Every rated item in printed order: subjects, each expanded to its dimensions.
    /// Ballots and tallies index evaluation ratings by position in this sequence.
    pub fn items(&self) -> impl Iterator<Item = Item<'_>> {
        self.subjects.iter().enumerate().flat_map(|(i, s)| {
            let dims: Vec<Option<&str>> = if s.dimensions.is_empty() {
                vec![None]
            } else {
                s.dimensions.iter().map(|d| Some(d.as_str())).collect()
            };
            dims.into_iter().map(move |dimension| Item {
                subject: i,
                subject_name: &s.name,
                role: &s.role,
                dimension,
            })
        })
    }

    pub fn item_count(&self) -> usize {
        self.subjects
            .iter()
            .map(|s| s.dimensions.len().max(1))
            .sum()
    }

    /// The position of the item of subject `subject` (and dimension `dimension`, for a
    /// subject rated by dimension), by name as printed: what a ballot's ratings are indexed
    /// by. Names compare normalized.
    pub fn item(&self, subject: &str, dimension: Option<&str>) -> Option<usize> {
        let (subject, dimension) = (normalize_name(subject), dimension.map(normalize_name));
        self.items().position(|i| {
            normalize_name(i.subject_name) == subject
                && i.dimension.map(normalize_name) == dimension
        })
    }

    /// The position of level `name` (满意, 基本满意, …).
    pub fn level(&self, name: &str) -> Option<usize> {
        let name = normalize_name(name);
        self.levels.iter().position(|l| normalize_name(l) == name)
    }
}

impl RecommendationSection {
    /// The position of the listed name `name` (without its note), as a ballot's marks index
    /// it; `None` for a name the list does not have (a write-in). With two people of one
    /// name, the first: tell them apart by [`Candidate::label`] instead.
    pub fn candidate(&self, name: &str) -> Option<u16> {
        let name = normalize_name(name);
        let i = (self.candidates.iter())
            .position(|c| normalize_name(&c.name) == name || normalize_name(&c.label()) == name)?;
        u16::try_from(i).ok()
    }
}

impl Candidate {
    /// The name as shown to voters, with the note when there is one.
    pub fn label(&self) -> String {
        if self.note.is_empty() {
            self.name.clone()
        } else {
            format!("{}（{}）", self.name, self.note)
        }
    }
}

/// A template that passed every check, its result rules included, with those rules read.
/// Construct with [`Template::parse`] or [`TemplateSpec::check`]: there is no other way, so a
/// template whose rules do not read can be neither voted nor counted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    spec: TemplateSpec,
    /// Boxed: a template is moved around whole, its rules are read only by results.
    judged: Box<Judged>,
}

/// The result rules of a checked template, read once when it was checked: the template's own
/// list, then one list per section in section order. Every rule a list leaves out has its
/// documented default ([`RuleSet`]); a rule that is written is never replaced by a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// `quorum` and `weights`.
    pub template: RuleSet,
    sections: Vec<RuleSet>,
}

impl Judged {
    /// Each section with its rules, in section order.
    pub fn sections<'a>(
        &'a self,
        template: &'a Template,
    ) -> impl Iterator<Item = (&'a Section, &'a RuleSet)> {
        template.spec.sections.iter().zip(&self.sections)
    }

    /// The rules of section `index`, if there is such a section.
    pub fn section(&self, index: usize) -> Option<&RuleSet> {
        self.sections.get(index)
    }
}

impl Template {
    /// Reads a template file: size, JSON syntax, format and version, then every rule, the
    /// result rules included. Returns all problems found, never panics.
    pub fn parse(json: &str) -> Result<Template, Vec<TemplateError>> {
        if json.len() > limits::MAX_FILE_BYTES {
            return Err(vec![TemplateError::root(TemplateErrorKind::FileTooLarge {
                bytes: json.len(),
                limit: limits::MAX_FILE_BYTES,
            })]);
        }
        // Format and version first, so a file from a newer app says so instead of
        // failing on a field this build does not know.
        let header: Header = serde_json::from_str(json).map_err(|e| vec![json_error(&e)])?;
        if header.format.as_deref() != Some(FORMAT_ID) {
            return Err(vec![TemplateError::root(TemplateErrorKind::NotATemplate)]);
        }
        match header.version {
            Some(FORMAT_VERSION) => {}
            found => {
                return Err(vec![TemplateError::root(
                    TemplateErrorKind::UnsupportedVersion { found },
                )])
            }
        }
        let spec: TemplateSpec = serde_json::from_str(json).map_err(|e| vec![json_error(&e)])?;
        spec.check()
    }

    /// The result rules, as read when the template was checked.
    pub fn judged(&self) -> &Judged {
        &self.judged
    }

    pub fn spec(&self) -> &TemplateSpec {
        &self.spec
    }

    pub fn into_spec(self) -> TemplateSpec {
        self.spec
    }

    pub fn sections(&self) -> &[Section] {
        &self.spec.sections
    }

    pub fn categories(&self) -> &[String] {
        &self.spec.categories
    }

    /// The position of voter category `name`, as a ballot's category gives it.
    pub fn category(&self, name: &str) -> Option<u16> {
        let name = normalize_name(name);
        let i = (self.spec.categories.iter()).position(|c| normalize_name(c) == name)?;
        u16::try_from(i).ok()
    }

    /// The number of levels of section `section`; 0 for a recommendation section.
    pub fn level_count(&self, section: usize) -> usize {
        match self.spec.sections.get(section) {
            Some(Section::Evaluation(s)) => s.levels.len(),
            _ => 0,
        }
    }

    /// The canonical JSON of the template: what its fingerprint is computed from and what is
    /// written when it is shared. Field order is fixed by the struct definitions.
    pub fn canonical_json(&self) -> String {
        // Serializing plain structs of strings and integers cannot fail.
        serde_json::to_string(&self.spec).unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

fn json_error(e: &serde_json::Error) -> TemplateError {
    TemplateError::root(TemplateErrorKind::Json {
        line: e.line(),
        column: e.column(),
    })
}

impl TemplateSpec {
    /// Checks every rule and returns either the checked template or all problems, each with
    /// the path of the field it concerns (so an editor can show it next to that field).
    pub fn check(self) -> Result<Template, Vec<TemplateError>> {
        let mut v = Checker::default();
        v.check_spec(&self);
        // The result rules name levels and categories: read them once those are sound, so a
        // broken list of levels is not reported a second time through every rule naming one.
        if !v.errors.is_empty() {
            return Err(v.errors);
        }
        let judged = v.judge(&self);
        if v.errors.is_empty() {
            Ok(Template {
                spec: self,
                judged: Box::new(judged),
            })
        } else {
            Err(v.errors)
        }
    }

    /// An empty spec of the current version, the start of a new template.
    pub fn new(title: &str, issuer: &str) -> Self {
        TemplateSpec {
            format: FORMAT_ID.into(),
            version: FORMAT_VERSION,
            title: title.into(),
            issuer: issuer.into(),
            notes: String::new(),
            marking: Marking::default(),
            categories: Vec::new(),
            sections: Vec::new(),
            rules: Vec::new(),
            round: None,
        }
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<TemplateError>,
}

impl Checker {
    fn push(&mut self, path: Path, kind: TemplateErrorKind) {
        self.errors.push(TemplateError { path, kind });
    }

    /// A required short text: not blank, no control characters, not too long.
    fn text(&mut self, path: Path, value: &str, required: bool, max: usize) {
        if required && value.trim().is_empty() {
            self.push(path, TemplateErrorKind::Empty);
        } else if let Some(bad) = bad_char(value) {
            let kind = match bad {
                BadChar::Control(_) => TemplateErrorKind::ControlCharacter,
                BadChar::Hidden(ch) => TemplateErrorKind::HiddenCharacter { ch },
                BadChar::Unnormalized(ch) => TemplateErrorKind::UnnormalizedCharacter { ch },
            };
            self.push(path, kind);
        } else if value.chars().count() > max {
            self.push(path, TemplateErrorKind::TooLong { max });
        }
    }

    /// A list length within bounds.
    fn count(&mut self, path: Path, len: usize, min: usize, max: usize) -> bool {
        if len < min {
            self.push(path, TemplateErrorKind::TooFew { min });
            false
        } else if len > max {
            self.push(path, TemplateErrorKind::TooMany { max });
            false
        } else {
            true
        }
    }

    /// Names must be told apart: the normalized name (plus its distinguishing note, where the
    /// list has notes) appears once.
    fn unique<'a>(&mut self, items: impl Iterator<Item = (Path, String, &'a str)>) {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (index, (path, key, shown)) in items.enumerate() {
            if key.is_empty() {
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                self.push(
                    path,
                    TemplateErrorKind::Duplicate {
                        name: shown.to_string(),
                        first: *first,
                    },
                );
            } else {
                seen.push((key, index));
            }
        }
    }

    fn check_spec(&mut self, spec: &TemplateSpec) {
        let root = Path::root();
        if spec.format != FORMAT_ID {
            self.push(root.field(Field::Format), TemplateErrorKind::NotATemplate);
        }
        if spec.version != FORMAT_VERSION {
            self.push(
                root.field(Field::Version),
                TemplateErrorKind::UnsupportedVersion {
                    found: Some(spec.version),
                },
            );
        }
        self.text(
            root.field(Field::Title),
            &spec.title,
            true,
            limits::MAX_TEXT_CHARS,
        );
        self.text(
            root.field(Field::Issuer),
            &spec.issuer,
            true,
            limits::MAX_TEXT_CHARS,
        );
        self.text(
            root.field(Field::Notes),
            &spec.notes,
            false,
            limits::MAX_LONG_TEXT_CHARS,
        );

        let cats = root.field(Field::Categories);
        if self.count(
            cats.clone(),
            spec.categories.len(),
            0,
            limits::MAX_CATEGORIES,
        ) {
            for (i, c) in spec.categories.iter().enumerate() {
                self.text(cats.index(i), c, true, limits::MAX_TEXT_CHARS);
            }
            self.unique(
                spec.categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (cats.index(i), normalize_name(c), c.as_str())),
            );
        }

        let secs = root.field(Field::Sections);
        if self.count(secs.clone(), spec.sections.len(), 1, limits::MAX_SECTIONS) {
            for (i, section) in spec.sections.iter().enumerate() {
                let path = secs.index(i);
                match section {
                    Section::Evaluation(s) => self.evaluation(path, s),
                    Section::Recommendation(s) => self.recommendation(path, s, spec.marking.scheme),
                }
            }
        }
        if let Some(round) = &spec.round {
            self.round(round, &spec.sections);
        }
    }

    /// A round's link: its number and fingerprints as the app writes them (T28), one entry
    /// per names section (T26), and no name taken earlier on this round's list or taken
    /// twice (T27).
    fn round(&mut self, round: &Round, sections: &[Section]) {
        let path = Path::root().field(Field::Round);
        let fingerprints = [&round.first, &round.after];
        let number = (2..=MAX_ROUNDS).contains(&round.number);
        if !number
            || !fingerprints
                .iter()
                .all(|f| crate::fingerprint::is_fingerprint(f))
        {
            self.push(path.clone(), TemplateErrorKind::BadRoundLink);
        }
        self.text(
            path.field(Field::Title),
            &round.title,
            true,
            limits::MAX_TEXT_CHARS,
        );
        let all_names = sections
            .iter()
            .all(|s| matches!(s, Section::Recommendation(_)));
        if round.sections.len() != sections.len() || !all_names {
            self.push(
                path.field(Field::Sections),
                TemplateErrorKind::RoundMismatch,
            );
            return;
        }
        for (i, (entry, section)) in round.sections.iter().zip(sections).enumerate() {
            let Section::Recommendation(s) = section else {
                continue;
            };
            let at = path.field(Field::Sections).index(i).field(Field::Taken);
            if !self.count(at.clone(), entry.taken.len(), 0, limits::MAX_CANDIDATES) {
                continue;
            }
            let listed: Vec<String> = (s.candidates.iter())
                .map(|c| normalize_name(&c.label()))
                .collect();
            let mut seen: Vec<String> = Vec::new();
            for (j, taken) in entry.taken.iter().enumerate() {
                let here = at.index(j);
                self.text(
                    here.field(Field::Name),
                    &taken.name,
                    true,
                    limits::MAX_TEXT_CHARS,
                );
                // Reported once when the round's own number is wrong.
                if number && (taken.round == 0 || taken.round >= round.number) {
                    self.push(here.clone(), TemplateErrorKind::BadRoundLink);
                }
                let key = normalize_name(&taken.name);
                if listed.contains(&key) || seen.contains(&key) {
                    let name = taken.name.clone();
                    self.push(here, TemplateErrorKind::TakenAgain { name });
                }
                seen.push(key);
            }
        }
    }

    /// Reads a `rules` list: each text must read as a rule of this list, a key other than
    /// `alert` appears once, shares are at most 1, and named levels exist (`levels`, when
    /// the section's levels are themselves right). Returns the rules read, with their index.
    /// Reads the result rules of every list, pushing the problems of those that do not read.
    /// What it returns is kept only when no problem was found.
    fn judge(&mut self, spec: &TemplateSpec) -> Judged {
        let root = Path::root();
        let own = self.rules(
            root.field(Field::Rules),
            RuleList::Template,
            &spec.rules,
            None,
        );
        for (r, i) in &own {
            if let Rule::Weights(w) = r {
                if w.len() != spec.categories.len() {
                    self.push(
                        root.field(Field::Rules).index(*i),
                        TemplateErrorKind::WeightsPerCategory {
                            categories: spec.categories.len(),
                        },
                    );
                }
            }
        }
        let mut sections = Vec::with_capacity(spec.sections.len());
        for (i, section) in spec.sections.iter().enumerate() {
            let path = root.field(Field::Sections).index(i).field(Field::Rules);
            let read = match section {
                Section::Evaluation(s) => {
                    self.rules(path, RuleList::Evaluation, &s.rules, Some(&s.levels))
                }
                Section::Recommendation(s) if s.election.is_some() => {
                    self.rules(path, RuleList::Election, &s.rules, None)
                }
                Section::Recommendation(s) => {
                    self.rules(path, RuleList::Recommendation, &s.rules, None)
                }
            };
            let set = RuleSet::of(read.into_iter().map(|(r, _)| r));
            let set = match section {
                Section::Recommendation(s) if s.election.is_some() => {
                    self.contest(i, s, &set);
                    set.election(s.max_marks)
                }
                _ => set,
            };
            sections.push(set);
        }
        Judged {
            template: RuleSet::of(own.into_iter().map(|(r, _)| r)),
            sections,
        }
    }

    /// An election's names against its contest: 等额, as many as seats; 差额, at least seats
    /// plus the 差额 (T24, T25). A list still empty (names to be added by each area, or
    /// an election by write-in alone) is not judged.
    fn contest(&mut self, section: usize, s: &RecommendationSection, rules: &RuleSet) {
        let names = s.candidates.len();
        if names == 0 || s.max_marks == 0 {
            return;
        }
        let path = Path::root()
            .field(Field::Sections)
            .index(section)
            .field(Field::Candidates);
        let seats = s.max_marks;
        match s.election {
            Some(Contest::Equal) if names != usize::from(seats) => {
                self.push(path, TemplateErrorKind::EqualContest { seats, names })
            }
            Some(Contest::Competitive) => {
                let needed = rules.competitive_minimum(seats);
                if (names as u64) < needed {
                    self.push(
                        path,
                        TemplateErrorKind::CompetitiveContest {
                            seats,
                            names,
                            needed,
                        },
                    );
                }
            }
            _ => {}
        }
    }

    fn rules(
        &mut self,
        path: Path,
        list: RuleList,
        texts: &[String],
        levels: Option<&[String]>,
    ) -> Vec<(Rule, usize)> {
        let mut out: Vec<(Rule, usize)> = Vec::new();
        if !self.count(path.clone(), texts.len(), 0, limits::MAX_RULES) {
            return out;
        }
        for (i, text) in texts.iter().enumerate() {
            let at = path.index(i);
            let rule = match Rule::parse(list, text) {
                Ok(r) => r,
                Err(RuleError::UnknownKey) => {
                    let key = text.split_whitespace().next().unwrap_or_default();
                    self.push(at, TemplateErrorKind::UnknownRule { key: key.into() });
                    continue;
                }
                Err(RuleError::BadValue { example }) => {
                    self.push(at, TemplateErrorKind::BadRule { example });
                    continue;
                }
            };
            if let Some((_, first)) = out
                .iter()
                .find(|(r, _)| r.key() == rule.key() && !matches!(r, Rule::Alert(_)))
            {
                self.push(
                    at,
                    TemplateErrorKind::Duplicate {
                        name: rule.key().into(),
                        first: *first,
                    },
                );
                continue;
            }
            let share = match &rule {
                Rule::Quorum(Some(q)) => Some(q.share),
                Rule::Extra(x) => Some(*x),
                Rule::Majority(Some(t)) | Rule::Further(t) => Some(t.share),
                Rule::Alert(a) => Some(a.share),
                _ => None,
            };
            if share.is_some_and(|s| !s.is_share()) {
                self.push(at.clone(), TemplateErrorKind::ShareAboveOne);
            }
            let named: &[String] = match &rule {
                Rule::Positive(l) | Rule::Exclude(l) => l,
                Rule::Alert(a) => &a.levels,
                _ => &[],
            };
            if let Some(levels) = levels {
                for name in named {
                    let key = normalize_name(name);
                    if !levels.iter().any(|l| normalize_name(l) == key) {
                        self.push(
                            at.clone(),
                            TemplateErrorKind::UnknownLevel { name: name.clone() },
                        );
                    }
                }
            }
            match rule {
                Rule::Seats(0) => self.push(at, TemplateErrorKind::MaxMarksZero),
                Rule::Seats(n) | Rule::ExtraMin(n) if usize::from(n) > limits::MAX_CANDIDATES => {
                    self.push(
                        at,
                        TemplateErrorKind::NumberTooHigh {
                            max: limits::MAX_CANDIDATES,
                        },
                    )
                }
                _ => out.push((rule, i)),
            }
        }
        out
    }

    fn evaluation(&mut self, path: Path, s: &EvaluationSection) {
        self.text(
            path.field(Field::Title),
            &s.title,
            true,
            limits::MAX_TEXT_CHARS,
        );

        let subjects = path.field(Field::Subjects);
        if self.count(subjects.clone(), s.subjects.len(), 1, limits::MAX_SUBJECTS) {
            for (i, subject) in s.subjects.iter().enumerate() {
                let p = subjects.index(i);
                self.text(
                    p.field(Field::Name),
                    &subject.name,
                    true,
                    limits::MAX_TEXT_CHARS,
                );
                self.text(
                    p.field(Field::Role),
                    &subject.role,
                    false,
                    limits::MAX_TEXT_CHARS,
                );
                let dims = p.field(Field::Dimensions);
                if self.count(
                    dims.clone(),
                    subject.dimensions.len(),
                    0,
                    limits::MAX_DIMENSIONS,
                ) {
                    for (j, d) in subject.dimensions.iter().enumerate() {
                        self.text(dims.index(j), d, true, limits::MAX_TEXT_CHARS);
                    }
                    self.unique(
                        subject
                            .dimensions
                            .iter()
                            .enumerate()
                            .map(|(j, d)| (dims.index(j), normalize_name(d), d.as_str())),
                    );
                }
            }
            // A subject is told apart by name and role (two 张伟 may be 书记 and 委员).
            self.unique(s.subjects.iter().enumerate().map(|(i, x)| {
                let key = format!(
                    "{}\u{1f}{}",
                    normalize_name(&x.name),
                    normalize_name(&x.role)
                );
                let key = if x.name.trim().is_empty() {
                    String::new()
                } else {
                    key
                };
                (subjects.index(i).field(Field::Name), key, x.name.as_str())
            }));
        }

        let levels = path.field(Field::Levels);
        if self.count(
            levels.clone(),
            s.levels.len(),
            limits::MIN_LEVELS,
            limits::MAX_LEVELS,
        ) {
            for (i, l) in s.levels.iter().enumerate() {
                self.text(levels.index(i), l, true, limits::MAX_TEXT_CHARS);
            }
            self.unique(
                s.levels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (levels.index(i), normalize_name(l), l.as_str())),
            );
        }
    }

    fn recommendation(&mut self, path: Path, s: &RecommendationSection, scheme: Scheme) {
        self.text(
            path.field(Field::Title),
            &s.title,
            true,
            limits::MAX_TEXT_CHARS,
        );

        let cands = path.field(Field::Candidates);
        let listed_ok = self.count(cands.clone(), s.candidates.len(), 0, limits::MAX_CANDIDATES);
        if listed_ok {
            for (i, c) in s.candidates.iter().enumerate() {
                let p = cands.index(i);
                self.text(p.field(Field::Name), &c.name, true, limits::MAX_TEXT_CHARS);
                self.text(p.field(Field::Note), &c.note, false, limits::MAX_TEXT_CHARS);
            }
            self.unique(s.candidates.iter().enumerate().map(|(i, c)| {
                let key = format!(
                    "{}\u{1f}{}",
                    normalize_name(&c.name),
                    normalize_name(&c.note)
                );
                let key = if c.name.trim().is_empty() {
                    String::new()
                } else {
                    key
                };
                (cands.index(i).field(Field::Name), key, c.name.as_str())
            }));
        }

        if s.write_in_slots > limits::MAX_WRITE_IN_SLOTS {
            self.push(
                path.field(Field::WriteInSlots),
                TemplateErrorKind::NumberTooHigh {
                    max: usize::from(limits::MAX_WRITE_IN_SLOTS),
                },
            );
        }
        if s.candidates.is_empty() && s.write_in_slots == 0 {
            self.push(cands, TemplateErrorKind::NothingToMark);
        }

        let available = s.candidates.len() + usize::from(s.write_in_slots);
        if s.max_marks == 0 {
            self.push(path.field(Field::MaxMarks), TemplateErrorKind::MaxMarksZero);
        } else if listed_ok && usize::from(s.max_marks) > available {
            self.push(
                path.field(Field::MaxMarks),
                TemplateErrorKind::MaxMarksAboveAvailable {
                    max_marks: s.max_marks,
                    available,
                },
            );
        }
        if s.write_in_after_oppose && !scheme.has_cross() {
            // 另选他人 after 反对 needs a × to vote against with.
            self.push(
                path.field(Field::WriteInSlots),
                TemplateErrorKind::AfterOpposeWithoutCross,
            );
        }
        let over = s.max_marks > 0 && s.candidates.len() > usize::from(s.max_marks);
        if scheme == Scheme::Inverted && listed_ok && over {
            // An empty box is 赞成: a ballot left as handed out would be over-marked, and a
            // voter's tablet would start void.
            self.push(
                path.field(Field::MaxMarks),
                TemplateErrorKind::InvertedOverMarked {
                    max_marks: s.max_marks,
                    candidates: s.candidates.len(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn samples_parse_and_round_trip() {
        for (name, json) in samples::ALL {
            let t = Template::parse(json).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let again = Template::parse(&t.canonical_json()).expect("canonical form parses");
            assert_eq!(t, again, "{name}");
        }
    }

    #[test]
    fn the_sample_ballot_lists_its_names_in_stroke_order() {
        let t = samples::recommendation();
        let Section::Recommendation(r) = &t.sections()[0] else {
            panic!("recommendation expected")
        };
        let mut sorted = r.clone();
        sorted.candidates.reverse();
        sorted.sort_by_strokes();
        assert_eq!(sorted.candidates, r.candidates);
    }

    #[test]
    fn items_expand_dimensions_in_order() {
        let s = EvaluationSection {
            title: "测评".into(),
            subjects: vec![
                Subject {
                    name: "班子整体".into(),
                    role: String::new(),
                    dimensions: vec!["政治素质".into(), "服务群众".into()],
                },
                Subject {
                    name: "张三".into(),
                    role: "书记".into(),
                    dimensions: vec![],
                },
            ],
            levels: vec!["满意".into(), "不满意".into()],
            rules: vec![],
        };
        let items: Vec<_> = s
            .items()
            .map(|i| (i.subject, i.subject_name, i.dimension))
            .collect();
        assert_eq!(
            items,
            vec![
                (0, "班子整体", Some("政治素质")),
                (0, "班子整体", Some("服务群众")),
                (1, "张三", None),
            ]
        );
        assert_eq!(s.item_count(), 3);
    }

    #[test]
    fn named_values_read_back_as_written_and_unknown_names_are_refused() {
        fn round_trip<T>(values: &[T])
        where
            T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
        {
            for v in values {
                let json = serde_json::to_string(v).expect("json");
                assert_eq!(
                    &serde_json::from_str::<T>(&json).expect("back"),
                    v,
                    "{json}"
                );
            }
        }
        round_trip(&[MarkSymbol::Circle, MarkSymbol::Tick]);
        round_trip(&[Unmarked::NotRecommended, Unmarked::Abstain]);
        round_trip(&[OverMarkedRule::VoidBallot, OverMarkedRule::VoidSection]);
        round_trip(&[Scheme::AgreeOnly, Scheme::AgreeOppose, Scheme::Inverted]);
        round_trip(&[BadWriteIn::VoidEntry, BadWriteIn::VoidBallot]);
        assert_eq!(
            serde_json::to_string(&MarkSymbol::Tick).ok().as_deref(),
            Some("\"√\"")
        );
        let err = serde_json::from_str::<OverMarkedRule>("\"void\"").expect_err("unknown");
        assert!(
            err.to_string().starts_with("unknown variant `void`"),
            "{err}"
        );
        assert!(serde_json::from_str::<Unmarked>("1").is_err());
    }

    #[test]
    fn defaults_apply_when_fields_are_omitted() {
        let json = r#"{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
            "sections":[{"kind":"recommendation","title":"推荐","candidates":[{"name":"甲"}],"max_marks":1}]}"#;
        let t = Template::parse(json).expect("valid");
        assert_eq!(t.spec().marking.symbol, MarkSymbol::Circle);
        assert_eq!(t.spec().marking.unmarked, Unmarked::NotRecommended);
        let Section::Recommendation(r) = &t.sections()[0] else {
            panic!("recommendation expected")
        };
        assert_eq!(r.write_in_slots, 0);
        assert!(!r.write_in_may_repeat_listed);
        assert_eq!(r.over_marked, OverMarkedRule::VoidBallot);
    }

    #[test]
    fn the_result_rules_are_read_once_and_a_rule_that_does_not_read_refuses_the_template() {
        let with = |root: &str, section: &str| {
            format!(
                r#"{{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
                "sections":[{{"kind":"recommendation","title":"推荐","candidates":[{{"name":"甲"}}],
                "max_marks":1,"rules":[{section}]}}],"rules":[{root}]}}"#
            )
        };
        let t = Template::parse(&with(
            r#""quorum none""#,
            r#""seats 3","majority > 1/2 present""#,
        ))
        .expect("valid");
        let judged = t.judged();
        assert_eq!(judged.template.quorum, None);
        let rules: Vec<_> = judged.sections(&t).map(|(_, r)| r.clone()).collect();
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].shortlist.map(|s| s.seats), Some(3));
        assert!(rules[0].majority.is_some());
        assert_eq!(judged.section(1), None);
        // Left out, a rule has its default; written, it is never replaced by one.
        let plain = Template::parse(&with("", "")).expect("valid");
        assert_eq!(
            plain.judged().template.quorum,
            Some(crate::rules::DEFAULT_QUORUM)
        );
        for (root, section) in [(r#""quorum 过半""#, ""), ("", r#""seats three""#)] {
            let errors = Template::parse(&with(root, section)).expect_err("refused");
            assert!(
                errors
                    .iter()
                    .any(|e| e.path.to_string().contains("rules[0]")),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn the_scheme_is_written_only_when_it_is_not_the_default() {
        let json = r#"{"format":"ballot-kit/template","version":1,"title":"选举票","issuer":"某街道",
            "marking":{"symbol":"○","unmarked":"abstain","scheme":"agree_oppose"},
            "sections":[{"kind":"recommendation","title":"委员","candidates":[{"name":"甲"},{"name":"乙"}],"max_marks":1}]}"#;
        let t = Template::parse(json).expect("valid");
        assert_eq!(t.spec().marking.scheme, Scheme::AgreeOppose);
        assert!(t.canonical_json().contains(r#""scheme":"agree_oppose""#));
        // A template of the default scheme is written as before three-state marks, so its
        // fingerprint has not changed.
        let plain = crate::samples::recommendation();
        assert!(!plain.canonical_json().contains("scheme"));
        assert!(Template::parse(&json.replace("agree_oppose", "reverse")).is_err());
    }

    #[test]
    fn the_inverted_scheme_needs_room_to_agree_with_every_listed_name() {
        let mut spec = crate::samples::recommendation().into_spec();
        spec.marking.scheme = Scheme::Inverted;
        let errors = spec.clone().check().expect_err("7 names, at most 5");
        assert_eq!(
            errors,
            [TemplateError {
                path: Path::root()
                    .field(Field::Sections)
                    .index(0)
                    .field(Field::MaxMarks),
                kind: TemplateErrorKind::InvertedOverMarked {
                    max_marks: 5,
                    candidates: 7
                }
            }]
        );
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.max_marks = 7;
        }
        assert!(spec.check().is_ok());
    }

    #[test]
    fn an_election_is_written_as_read_and_its_contest_is_checked() {
        let t = crate::samples::elections().remove(0);
        let json = t.canonical_json();
        assert!(
            json.contains(r#"{"kind":"election","title":"委员""#),
            "{json}"
        );
        assert!(
            json.contains(r#""max_marks":5,"contest":"competitive""#),
            "{json}"
        );
        assert_eq!(Template::parse(&json).as_ref(), Ok(&t));
        // 差额: at least 5 + ⌈5/5⌉ = 6 names; five is one short.
        let mut spec = t.clone().into_spec();
        let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) else {
            unreachable!("an election")
        };
        r.candidates.pop();
        let errors = spec.clone().check().expect_err("too few for 差额");
        let path = Path::root()
            .field(Field::Sections)
            .index(0)
            .field(Field::Candidates);
        assert_eq!(
            errors,
            [TemplateError {
                path: path.clone(),
                kind: TemplateErrorKind::CompetitiveContest {
                    seats: 5,
                    names: 5,
                    needed: 6
                }
            }]
        );
        // 等额: as many names as seats.
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.election = Some(Contest::Equal);
        }
        assert!(spec.clone().check().is_ok());
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.max_marks = 4;
        }
        let errors = spec.clone().check().expect_err("5 names for 4 seats");
        assert_eq!(
            errors[0].kind,
            TemplateErrorKind::EqualContest { seats: 4, names: 5 }
        );
        // Names still to be added by each area: not judged yet.
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.candidates.clear();
            r.write_in_slots = 4;
        }
        assert!(spec.check().is_ok());
    }
}
