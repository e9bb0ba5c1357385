//! Result rules: the part of a template that turns a tally into what a meeting announces.
//!
//! Every rule is template data with a documented default (docs/template-format.md, "Result
//! rules"), because local rules differ: the base of a rate, > or ≥, the quorum, how the voter
//! categories are combined, how many 初步人选 are taken, which rating levels count as
//! positive and when a member is flagged.
//!
//! Decisions use exact integer arithmetic only: "votes is more than half of the base" is
//! `2 × votes > base`, never a float comparison, so exactly half is never enough by accident.

use std::fmt;

/// A fraction from a rule text, in lowest terms: written `"4/5"`, `"1"` or `"0.8"`; shown
/// as `"n/d"` (or `"n"` when `d` is 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    num: u32,
    den: u32,
}

/// The largest numerator or denominator a template may use: far beyond any real rule, small
/// enough that every comparison fits in `u64`.
pub const RATIO_MAX: u32 = 1_000_000;

impl Ratio {
    /// `num/den` in lowest terms; `None` when `den` is 0 or a term is above [`RATIO_MAX`].
    pub fn new(num: u32, den: u32) -> Option<Ratio> {
        if den == 0 || num > RATIO_MAX || den > RATIO_MAX {
            return None;
        }
        let g = gcd(num, den);
        Some(Ratio {
            num: num / g,
            den: den / g,
        })
    }

    pub fn num(self) -> u32 {
        self.num
    }

    pub fn den(self) -> u32 {
        self.den
    }

    /// Reads `"4/5"`, `"2"` or `"0.75"` (at most 6 decimals). Spaces around the parts are
    /// allowed; anything else is `None`.
    pub fn parse(text: &str) -> Option<Ratio> {
        let digits = |s: &str| -> Option<u32> {
            let s = s.trim();
            if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        if let Some((n, d)) = text.split_once('/') {
            return Ratio::new(digits(n)?, digits(d)?);
        }
        if let Some((whole, frac)) = text.trim().split_once('.') {
            if frac.is_empty() || frac.len() > 6 {
                return None;
            }
            let den = 10u32.pow(frac.len() as u32);
            let num = digits(whole)?
                .checked_mul(den)?
                .checked_add(digits(frac)?)?;
            return Ratio::new(num, den);
        }
        Ratio::new(digits(text)?, 1)
    }

    /// At most 1 (a share of a base).
    pub fn is_share(self) -> bool {
        self.num <= self.den
    }

    /// `⌈self × n⌉`: e.g. ⌈1/5 × 3⌉ = 1 for the 差额 of 3 seats.
    pub fn ceil_of(self, n: u32) -> u64 {
        (u64::from(self.num) * u64::from(n)).div_ceil(u64::from(self.den))
    }
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// How a count is compared with a share of its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// `>`: more than (过半数: more than half).
    Above,
    /// `>=`: at least (不少于).
    AtLeast,
    /// `<`: less than (低于).
    Below,
    /// `<=`: at most (不超过).
    AtMost,
}

impl Compare {
    pub const ALL: [Compare; 4] = [
        Compare::Above,
        Compare::AtLeast,
        Compare::Below,
        Compare::AtMost,
    ];

    /// `count / base  ⋚  share`, exactly: `count × den ⋚ num × base`. A base of 0 compares
    /// `0 ⋚ 0`, so "more than" never holds and "at least" always does; callers that need a
    /// rate report a zero base separately (rule R03).
    pub fn holds(self, count: u32, base: u32, share: Ratio) -> bool {
        let left = u64::from(count) * u64::from(share.den);
        let right = u64::from(share.num) * u64::from(base);
        match self {
            Compare::Above => left > right,
            Compare::AtLeast => left >= right,
            Compare::Below => left < right,
            Compare::AtMost => left <= right,
        }
    }

    /// Splits a rule text at its operator: `"不满意 > 1/3"` → `("不满意", Above, "1/3")`.
    /// The full-width `＞ ≥ ＜ ≤` are read too (typed on a Chinese keyboard).
    pub fn split(text: &str) -> Option<(&str, Compare, &str)> {
        let at = text.find(['>', '<', '＞', '＜', '≥', '≤'])?;
        let (left, rest) = text.split_at(at);
        let mut chars = rest.chars();
        let op = chars.next()?;
        let after = chars.as_str();
        let (eq, right) = match after.strip_prefix('=') {
            Some(r) => (true, r),
            None => (false, after),
        };
        let compare = match (op, eq) {
            ('>' | '＞', false) => Compare::Above,
            ('>' | '＞', true) | ('≥', false) => Compare::AtLeast,
            ('<' | '＜', false) => Compare::Below,
            ('<' | '＜', true) | ('≤', false) => Compare::AtMost,
            _ => return None,
        };
        Some((left.trim(), compare, right.trim()))
    }

    /// The operator as a statement writes it: `>`, `>=`, `<`, `<=`.
    pub fn ascii(self) -> &'static str {
        match self {
            Compare::Above => ">",
            Compare::AtLeast => ">=",
            Compare::Below => "<",
            Compare::AtMost => "<=",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Compare::Above => ">",
            Compare::AtLeast => "≥",
            Compare::Below => "<",
            Compare::AtMost => "≤",
        }
    }
}

/// What a rate or a majority is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Base {
    /// 应到: voters due.
    Due,
    /// 实到: voters present.
    Present,
    /// 发出: ballots issued.
    Issued,
    /// 收回: ballots returned.
    Returned,
    /// 有效票: ballots neither blank nor void (the default).
    #[default]
    Valid,
}

impl Base {
    pub const ALL: [Base; 5] = [
        Base::Due,
        Base::Present,
        Base::Issued,
        Base::Returned,
        Base::Valid,
    ];

    /// The name used in a template: `due`, `present`, `issued`, `returned`, `valid`.
    pub fn key(self) -> &'static str {
        match self {
            Base::Due => "due",
            Base::Present => "present",
            Base::Issued => "issued",
            Base::Returned => "returned",
            Base::Valid => "valid",
        }
    }

    /// Reads a base by its key.
    pub fn parse(text: &str) -> Option<Base> {
        let text = text.trim();
        Base::ALL.into_iter().find(|b| b.key() == text)
    }
}

/// A share of a base: e.g. `> 1/2` of 实到, written `"> 1/2 present"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub compare: Compare,
    pub share: Ratio,
    pub base: Base,
}

impl Threshold {
    /// Reads `"> 1/2 present"` (operator, share, base). `None` if any part is wrong.
    pub fn parse(text: &str) -> Option<Threshold> {
        let (before, compare, rest) = Compare::split(text)?;
        if !before.is_empty() {
            return None;
        }
        let (share, base) = rest.split_once(' ')?;
        Some(Threshold {
            compare,
            share: Ratio::parse(share)?,
            base: Base::parse(base)?,
        })
    }

    /// `count` against this share of `base`.
    pub fn holds(&self, count: u32, base: u32) -> bool {
        self.compare.holds(count, base, self.share)
    }
}

/// The quorum: 实到 compared with a share of 应到, written `"> 4/5"`, or `"none"` for no
/// quorum rule. A template that says nothing has [`DEFAULT_QUORUM`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    pub compare: Compare,
    pub share: Ratio,
}

pub const DEFAULT_QUORUM: Quorum = Quorum {
    compare: Compare::Above,
    share: Ratio { num: 4, den: 5 },
};

impl Quorum {
    /// `Some(None)` for `"none"`; `None` when the text is wrong.
    pub fn parse(text: &str) -> Option<Option<Quorum>> {
        let text = text.trim();
        if text == "none" {
            return Some(None);
        }
        let (before, compare, share) = Compare::split(text)?;
        if !before.is_empty() {
            return None;
        }
        Some(Some(Quorum {
            compare,
            share: Ratio::parse(share)?,
        }))
    }

    /// Whether the meeting is valid: `present` against this share of `due`.
    pub fn met(&self, present: u32, due: u32) -> bool {
        self.compare.holds(present, due, self.share)
    }
}

/// How many names a recommendation takes as 初步人选: `seats` (应选人数) plus a 差额 of
/// `⌈extra × seats⌉`, at least `extra_min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortlist {
    pub seats: u16,
    pub extra: Ratio,
    pub extra_min: u16,
}

pub const DEFAULT_EXTRA: Ratio = Ratio { num: 1, den: 5 };
pub const DEFAULT_EXTRA_MIN: u16 = 1;

impl Shortlist {
    /// The number of names to take: seats + 差额. 3 seats → 4, 5 → 6, 10 → 12.
    pub fn size(&self) -> u64 {
        let extra = self
            .extra
            .ceil_of(u32::from(self.seats))
            .max(u64::from(self.extra_min));
        u64::from(self.seats) + extra
    }
}

/// An evaluation rule that flags an item: the share of forms rating it at one of `levels`,
/// compared with `share`. Written `"不称职 > 1/3"` or `"满意+基本满意 < 2/3"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub levels: Vec<String>,
    pub compare: Compare,
    pub share: Ratio,
}

impl Alert {
    pub fn parse(text: &str) -> Option<Alert> {
        let (before, compare, share) = Compare::split(text)?;
        Some(Alert {
            levels: level_list(before)?,
            compare,
            share: Ratio::parse(share)?,
        })
    }
}

/// Whether evaluation alerts are judged on all categories added up (`combined`, the
/// default) or on each category (`each_category`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Combined,
    EachCategory,
}

impl Scope {
    pub fn parse(text: &str) -> Option<Scope> {
        match text.trim() {
            "combined" => Some(Scope::Combined),
            "each_category" => Some(Scope::EachCategory),
            _ => None,
        }
    }
}

/// A list of level names, written `满意+基本满意`.
fn level_list(text: &str) -> Option<Vec<String>> {
    let levels: Vec<String> = text
        .split(['+', '＋'])
        .map(|l| l.trim().to_string())
        .collect();
    (!levels.iter().any(String::is_empty)).then_some(levels)
}

/// Which list a rule stands in: the template's `rules` or a section's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleList {
    Template,
    Recommendation,
    Evaluation,
    /// A names section of an election: `majority` (default `> 1/2 present`; `none` for
    /// most votes, as in a 再次投票), `further` (the rule of a 另行选举, default the
    /// `majority`), `extra` and `extra_min` (the 差额 a competitive election needs, checked
    /// against its names), `rate_base`. Its seats are its `max_marks` (应选人数).
    Election,
}

impl RuleList {
    /// The rule kinds this list takes, in the order the editor offers them, each with one
    /// statement of that kind: what a new rule starts as in the editor, and the example a
    /// value that does not read is shown with (T18). One table for both.
    pub fn kinds(self) -> &'static [(&'static str, &'static str)] {
        match self {
            RuleList::Template => &[("quorum", "quorum > 4/5"), ("weights", "weights 7/10 3/10")],
            RuleList::Recommendation => &[
                ("seats", "seats 5"),
                ("extra", "extra 1/5"),
                ("extra_min", "extra_min 1"),
                ("majority", "majority > 1/2 present"),
                ("rate_base", "rate_base valid"),
            ],
            RuleList::Election => &[
                ("majority", "majority > 1/2 present"),
                ("further", "further >= 1/3 returned"),
                ("extra", "extra 1/5"),
                ("extra_min", "extra_min 1"),
                ("rate_base", "rate_base valid"),
            ],
            RuleList::Evaluation => &[
                ("positive", "positive 满意+基本满意"),
                ("exclude", "exclude 不了解"),
                ("alert", "alert 不满意 > 1/3"),
                ("alert_scope", "alert_scope each_category"),
                ("rate_base", "rate_base valid"),
            ],
        }
    }

    /// The statement of kind `key` in [`RuleList::kinds`].
    fn example(self, key: &str) -> &'static str {
        (self.kinds().iter())
            .find(|(k, _)| *k == key)
            .map_or("", |(_, example)| example)
    }
}

/// One rule statement of a `rules` list: a key, a space, a value (`"seats 5"`,
/// `"alert 不满意 > 1/3"`). One list of short texts keeps the file readable and the format
/// open to new rules without new fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// `quorum > 4/5` or `quorum none` (template).
    Quorum(Option<Quorum>),
    /// `weights 7/10 3/10`: one per category (template).
    Weights(Vec<Ratio>),
    /// `rate_base valid` (both kinds).
    RateBase(Base),
    /// `seats 5`: 应选人数 (recommendation).
    Seats(u16),
    /// `extra 1/5`: the 差额 as a share of the seats, rounded up (recommendation).
    Extra(Ratio),
    /// `extra_min 1`: the smallest 差额 (recommendation).
    ExtraMin(u16),
    /// `majority > 1/2 present`, or `majority none` (most votes) (names sections).
    Majority(Option<Threshold>),
    /// `further >= 1/3 returned`: who is elected in a 另行选举 (election).
    Further(Threshold),
    /// `positive 满意+基本满意` (evaluation).
    Positive(Vec<String>),
    /// `exclude 不了解` (evaluation).
    Exclude(Vec<String>),
    /// `alert 不称职 > 1/3`; may be given more than once (evaluation).
    Alert(Alert),
    /// `alert_scope each_category` or `combined` (evaluation).
    AlertScope(Scope),
}

/// Why a rule text does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleError {
    /// The key is not a rule of this list.
    UnknownKey,
    /// The value does not read; `example` is a right one.
    BadValue { example: &'static str },
}

impl Rule {
    pub fn parse(list: RuleList, text: &str) -> Result<Rule, RuleError> {
        let text = text.trim();
        let (key, value) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let value = value.trim();
        let bad = |()| RuleError::BadValue {
            example: list.example(key),
        };
        let number = |v: &str| {
            v.parse::<u16>()
                .ok()
                .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
        };
        use RuleList::{Election as L, Evaluation as E, Recommendation as R, Template as T};
        match (list, key) {
            (T, "quorum") => Quorum::parse(value).map(Rule::Quorum).ok_or(bad(())),
            (T, "weights") => value
                .split_whitespace()
                .map(Ratio::parse)
                .collect::<Option<Vec<_>>>()
                .filter(|w| !w.is_empty())
                .map(Rule::Weights)
                .ok_or(bad(())),
            (R | E | L, "rate_base") => Base::parse(value).map(Rule::RateBase).ok_or(bad(())),
            (R, "seats") => number(value).map(Rule::Seats).ok_or(bad(())),
            (R | L, "extra") => Ratio::parse(value).map(Rule::Extra).ok_or(bad(())),
            (R | L, "extra_min") => number(value).map(Rule::ExtraMin).ok_or(bad(())),
            (R | L, "majority") if value == "none" => Ok(Rule::Majority(None)),
            (R | L, "majority") => (Threshold::parse(value))
                .map(|t| Rule::Majority(Some(t)))
                .ok_or(bad(())),
            (L, "further") => Threshold::parse(value).map(Rule::Further).ok_or(bad(())),
            (E, "positive") => level_list(value).map(Rule::Positive).ok_or(bad(())),
            (E, "exclude") => level_list(value).map(Rule::Exclude).ok_or(bad(())),
            (E, "alert") => Alert::parse(value).map(Rule::Alert).ok_or(bad(())),
            (E, "alert_scope") => Scope::parse(value).map(Rule::AlertScope).ok_or(bad(())),
            _ => Err(RuleError::UnknownKey),
        }
    }

    /// The key, for telling a rule given twice.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Quorum(_) => "quorum",
            Rule::Weights(_) => "weights",
            Rule::RateBase(_) => "rate_base",
            Rule::Seats(_) => "seats",
            Rule::Extra(_) => "extra",
            Rule::ExtraMin(_) => "extra_min",
            Rule::Majority(_) => "majority",
            Rule::Further(_) => "further",
            Rule::Positive(_) => "positive",
            Rule::Exclude(_) => "exclude",
            Rule::Alert(_) => "alert",
            Rule::AlertScope(_) => "alert_scope",
        }
    }
}

/// The rules of one `rules` list, read in one pass, each with its default where the list
/// leaves it out. A list holds only its own keys ([`RuleList`]), so the fields of the other
/// lists keep their defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// `quorum`: [`DEFAULT_QUORUM`] unless the template says otherwise; `None` for `none`.
    pub quorum: Option<Quorum>,
    /// `weights`: `None` for a plain sum.
    pub weights: Option<Vec<Ratio>>,
    pub rate_base: Base,
    /// `seats` with `extra` and `extra_min`: `None` without `seats`.
    pub shortlist: Option<Shortlist>,
    pub majority: Option<Threshold>,
    /// `majority` was written (`none` included): an election then keeps it as written.
    majority_written: bool,
    /// `further`: who a 另行选举 elects; `None` for the `majority`.
    pub further: Option<Threshold>,
    /// `positive`: `None` for the default (every level but the last).
    pub positive: Option<Vec<String>>,
    pub exclude: Vec<String>,
    pub alerts: Vec<Alert>,
    pub alert_scope: Scope,
    /// `extra` and `extra_min` as written or their defaults: in a recommendation they size
    /// the shortlist, in a competitive election they are the 差额 its names must reach.
    pub extra: Ratio,
    pub extra_min: u16,
}

/// An election's default: elected with more than half of the voters present (实到).
pub const DEFAULT_ELECTED: Threshold = Threshold {
    compare: Compare::Above,
    share: Ratio { num: 1, den: 2 },
    base: Base::Present,
};

impl RuleSet {
    /// The rules of an election's names section with `seats` (its `max_marks`): as many
    /// names taken as seats, in order of votes, each with more than the `majority` share
    /// of its base ([`DEFAULT_ELECTED`] unless written).
    pub(crate) fn election(mut self, seats: u16) -> RuleSet {
        self.shortlist = (seats > 0).then_some(Shortlist {
            seats,
            extra: Ratio { num: 0, den: 1 },
            extra_min: 0,
        });
        if !self.majority_written {
            self.majority = Some(DEFAULT_ELECTED);
        }
        self
    }

    /// Who a 另行选举 elects: the `further` rule, or the `majority` without one.
    pub fn further_majority(&self) -> Option<Threshold> {
        self.further.or(self.majority)
    }

    /// The fewest names a competitive election of `seats` lists: seats plus the 差额
    /// (3 → 4, 5 → 6 under the defaults).
    pub fn competitive_minimum(&self, seats: u16) -> u64 {
        Shortlist {
            seats,
            extra: self.extra,
            extra_min: self.extra_min,
        }
        .size()
    }

    /// The set of rules read from one list, each default kept where the list has none.
    /// Only the template check builds one (`Template::judged`), from rules that all read:
    /// a text that does not read never falls back to a default, it makes the template fail.
    pub(crate) fn of(rules: impl IntoIterator<Item = Rule>) -> RuleSet {
        let mut set = RuleSet {
            quorum: Some(DEFAULT_QUORUM),
            weights: None,
            rate_base: Base::Valid,
            shortlist: None,
            majority: None,
            majority_written: false,
            further: None,
            positive: None,
            exclude: Vec::new(),
            alerts: Vec::new(),
            alert_scope: Scope::Combined,
            extra: DEFAULT_EXTRA,
            extra_min: DEFAULT_EXTRA_MIN,
        };
        let (mut seats, mut extra, mut extra_min) = (None, DEFAULT_EXTRA, DEFAULT_EXTRA_MIN);
        for rule in rules {
            match rule {
                Rule::Quorum(q) => set.quorum = q,
                Rule::Weights(w) => set.weights = Some(w),
                Rule::RateBase(b) => set.rate_base = b,
                Rule::Seats(n) => seats = Some(n),
                Rule::Extra(x) => extra = x,
                Rule::ExtraMin(n) => extra_min = n,
                Rule::Majority(t) => (set.majority, set.majority_written) = (t, true),
                Rule::Further(t) => set.further = Some(t),
                Rule::Positive(l) => set.positive = Some(l),
                Rule::Exclude(l) => set.exclude = l,
                Rule::Alert(a) => set.alerts.push(a),
                Rule::AlertScope(s) => set.alert_scope = s,
            }
        }
        (set.extra, set.extra_min) = (extra, extra_min);
        set.shortlist = seats.filter(|&n| n > 0).map(|seats| Shortlist {
            seats,
            extra,
            extra_min,
        });
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_read_in_three_forms_and_write_in_lowest_terms() {
        let cases = [
            ("4/5", Some((4, 5))),
            ("8/10", Some((4, 5))),
            (" 1 / 3 ", Some((1, 3))),
            ("0.8", Some((4, 5))),
            ("0.75", Some((3, 4))),
            ("1", Some((1, 1))),
            ("0", Some((0, 1))),
            ("2/0", None),
            ("", None),
            ("-1/2", None),
            ("1/2/3", None),
            ("0.1234567", None),
            (".5", None),
            ("1e3", None),
            ("99999999/1", None),
        ];
        for (text, want) in cases {
            let got = Ratio::parse(text).map(|r| (r.num(), r.den()));
            assert_eq!(got, want, "{text:?}");
        }
        let r = Ratio::parse("0.5").expect("half");
        assert_eq!(r.to_string(), "1/2");
        assert_eq!(
            Ratio::parse("6/3").map(|r| r.to_string()).as_deref(),
            Some("2")
        );
    }

    /// The boundaries the rules depend on: exactly half is not "more than half"; exactly 1/3
    /// is not "more than 1/3" but is "at least 1/3"; exactly 4/5 is not "more than 4/5".
    #[test]
    fn comparisons_are_exact_at_the_boundaries() {
        let half = Ratio::new(1, 2).expect("1/2");
        let third = Ratio::new(1, 3).expect("1/3");
        let four_fifths = Ratio::new(4, 5).expect("4/5");
        let two_thirds = Ratio::new(2, 3).expect("2/3");
        let table = [
            // (compare, count, base, share, holds)
            (Compare::Above, 50, 100, half, false),
            (Compare::Above, 51, 100, half, true),
            (Compare::AtLeast, 50, 100, half, true),
            (Compare::AtLeast, 49, 100, half, false),
            (Compare::Above, 10, 30, third, false),
            (Compare::Above, 11, 30, third, true),
            (Compare::AtLeast, 10, 30, third, true),
            (Compare::Above, 40, 50, four_fifths, false),
            (Compare::Above, 41, 50, four_fifths, true),
            (Compare::AtLeast, 40, 50, four_fifths, true),
            (Compare::Below, 20, 30, two_thirds, false),
            (Compare::Below, 19, 30, two_thirds, true),
            (Compare::AtMost, 20, 30, two_thirds, true),
            (Compare::AtMost, 21, 30, two_thirds, false),
            // 1/3 of 31 is 10.33…: 10 is not above, 11 is.
            (Compare::Above, 10, 31, third, false),
            (Compare::Above, 11, 31, third, true),
            // A zero base: nothing is more than a share of nothing.
            (Compare::Above, 0, 0, half, false),
            (Compare::AtLeast, 0, 0, half, true),
            // No overflow at the extremes.
            (Compare::Above, u32::MAX, u32::MAX, half, true),
        ];
        for (cmp, count, base, share, want) in table {
            assert_eq!(
                cmp.holds(count, base, share),
                want,
                "{count} / {base} {} {share}",
                cmp.symbol()
            );
        }
    }

    #[test]
    fn the_shortlist_adds_at_least_a_fifth_rounded_up_and_at_least_one() {
        let list = |seats, extra: &str, extra_min| Shortlist {
            seats,
            extra: Ratio::parse(extra).expect("ratio"),
            extra_min,
        };
        let table = [
            (list(3, "1/5", 1), 4),
            (list(5, "1/5", 1), 6),
            (list(6, "1/5", 1), 8),
            (list(10, "1/5", 1), 12),
            (list(1, "1/5", 1), 2),
            (list(2, "0", 0), 2),
            (list(7, "1/5", 3), 10),
        ];
        for (s, want) in table {
            assert_eq!(s.size(), want, "{s:?}");
        }
    }

    #[test]
    fn rule_texts_are_read_or_refused() {
        let t = Threshold::parse("> 1/2 present").expect("majority");
        assert_eq!(
            (t.compare, t.share.to_string(), t.base),
            (Compare::Above, "1/2".into(), Base::Present)
        );
        let t = Threshold::parse("≥0.5 valid").expect("full-width operator");
        assert_eq!((t.compare, t.base), (Compare::AtLeast, Base::Valid));
        for bad in [
            "1/2 present",
            "> 1/2",
            "> half present",
            "> 1/2 everyone",
            "x > 1/2 due",
        ] {
            assert_eq!(Threshold::parse(bad), None, "{bad}");
        }
        assert_eq!(Quorum::parse(""), None);
        assert_eq!(Quorum::parse("none"), Some(None));
        let q = Quorum::parse(">= 4/5").expect("quorum").expect("some");
        assert!(q.met(40, 50) && !DEFAULT_QUORUM.met(40, 50));
        assert_eq!(Quorum::parse("4/5"), None);
        let a = Alert::parse("满意 + 基本满意 < 2/3").expect("alert");
        assert_eq!(a.levels, ["满意", "基本满意"]);
        assert_eq!(a.compare, Compare::Below);
        assert_eq!(
            Alert::parse("不称职＞1/3").map(|a| a.levels),
            Some(vec!["不称职".into()])
        );
        for bad in ["> 1/3", "不称职 = 1/3", "不称职 > ", "+不称职 > 1/3"] {
            assert_eq!(Alert::parse(bad), None, "{bad}");
        }
        assert_eq!(Base::parse(""), None);
        assert_eq!(Base::parse("due"), Some(Base::Due));
        assert_eq!(Base::parse("Due"), None);
        assert_eq!(Scope::parse("each_category"), Some(Scope::EachCategory));
        assert_eq!(Scope::parse("all"), None);
        for b in Base::ALL {
            assert_eq!(Base::parse(b.key()), Some(b));
        }
    }

    #[test]
    fn rule_statements_read_by_key_and_list() {
        use RuleList::*;
        assert_eq!(Rule::parse(Recommendation, "seats 5"), Ok(Rule::Seats(5)));
        assert_eq!(
            Rule::parse(Template, " weights  7/10 0.3 "),
            Ok(Rule::Weights(vec![
                Ratio::new(7, 10).expect("7/10"),
                Ratio::new(3, 10).expect("3/10")
            ]))
        );
        assert_eq!(Rule::parse(Template, "quorum none"), Ok(Rule::Quorum(None)));
        assert_eq!(
            Rule::parse(Evaluation, "positive 满意＋基本满意"),
            Ok(Rule::Positive(vec!["满意".into(), "基本满意".into()]))
        );
        assert_eq!(
            Rule::parse(Evaluation, "seats 5"),
            Err(RuleError::UnknownKey),
            "a recommendation rule in an evaluation"
        );
        assert_eq!(
            Rule::parse(Template, "colour red"),
            Err(RuleError::UnknownKey)
        );
        for (list, text, example) in [
            (Recommendation, "seats -1", "seats 5"),
            (Recommendation, "seats", "seats 5"),
            (
                Recommendation,
                "majority > half present",
                "majority > 1/2 present",
            ),
            (Template, "quorum", "quorum > 4/5"),
            (Template, "weights", "weights 7/10 3/10"),
            (Evaluation, "alert 不满意", "alert 不满意 > 1/3"),
            (Evaluation, "rate_base", "rate_base valid"),
            (Evaluation, "alert_scope all", "alert_scope each_category"),
        ] {
            assert_eq!(
                Rule::parse(list, text),
                Err(RuleError::BadValue { example }),
                "{text}"
            );
        }
    }
}
