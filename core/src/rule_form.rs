//! A result rule as the editor's form controls show it: its kind, and each part of its
//! value apart (a number, a share, a comparison, a base, levels). Read leniently from the
//! statement text, so a half-typed share ("1/") still shows in its field; written back as
//! the statement the file holds (`seats 2`, `majority > 1/2 present`): the file format does
//! not change, the 街道 staff member never types it.

use crate::rules::{Base, Compare, RuleList, Scope};

/// The rule kinds each list takes, each with the statement a new rule of that kind starts
/// as ([`RuleList::kinds`]).
pub fn kinds(list: RuleList) -> &'static [(&'static str, &'static str)] {
    list.kinds()
}

/// The parts of one rule statement. Which parts a kind uses: `seats`, `extra_min`:
/// `number`; `extra`: `share`; `majority`: `compare`, `share`, `base`; `rate_base`: `base`;
/// `quorum`: `none`, or `compare` and `share`; `weights`: `weights`; `positive`,
/// `exclude`: `levels`; `alert`: `levels`, `compare`, `share`; `alert_scope`: `scope`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleForm {
    pub key: String,
    pub number: String,
    pub share: String,
    pub compare: Compare,
    pub base: Base,
    pub levels: Vec<String>,
    pub scope: Scope,
    /// `quorum none`: no quorum rule; `majority none`: most votes, no share needed.
    pub none: bool,
    pub weights: String,
}

impl RuleForm {
    /// Reads a statement part by part; a part that does not read keeps its text (a share)
    /// or its default (a choice), and the template's checks name the problem.
    pub fn read(text: &str) -> RuleForm {
        let text = text.trim();
        let (key, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let rest = rest.trim();
        let mut f = RuleForm {
            key: key.to_string(),
            number: String::new(),
            share: String::new(),
            compare: Compare::Above,
            base: Base::Valid,
            levels: Vec::new(),
            scope: Scope::Combined,
            none: false,
            weights: String::new(),
        };
        let levels = |s: &str| -> Vec<String> {
            s.split(['+', '＋'])
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        };
        match key {
            "seats" | "extra_min" => f.number = rest.to_string(),
            "extra" => f.share = rest.to_string(),
            "rate_base" => f.base = Base::parse(rest).unwrap_or_default(),
            "alert_scope" => f.scope = Scope::parse(rest).unwrap_or_default(),
            "weights" => f.weights = rest.to_string(),
            "positive" | "exclude" => f.levels = levels(rest),
            "quorum" if rest == "none" => f.none = true,
            "quorum" => match Compare::split(rest) {
                Some((_, compare, share)) => {
                    f.compare = compare;
                    f.share = share.to_string();
                }
                None => f.share = rest.to_string(),
            },
            "majority" if rest == "none" => f.none = true,
            "majority" | "further" => {
                if let Some((_, compare, after)) = Compare::split(rest) {
                    f.compare = compare;
                    let (share, base) = after.split_once(' ').unwrap_or((after, ""));
                    f.share = share.trim().to_string();
                    f.base = Base::parse(base).unwrap_or_default();
                }
            }
            "alert" => {
                if let Some((before, compare, share)) = Compare::split(rest) {
                    f.levels = levels(before);
                    f.compare = compare;
                    f.share = share.to_string();
                }
            }
            _ => {}
        }
        f
    }

    /// A new rule of `key`: its starting statement, read.
    pub fn new(list: RuleList, key: &str) -> Option<RuleForm> {
        kinds(list)
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, statement)| RuleForm::read(statement))
    }

    /// Whether the editor has controls for this rule's kind in `list` (otherwise it shows
    /// the statement as text, to be fixed or removed).
    pub fn known(&self, list: RuleList) -> bool {
        kinds(list).iter().any(|(k, _)| *k == self.key)
    }

    /// The statement the file holds.
    pub fn statement(&self) -> String {
        let op = self.compare.ascii();
        let share = self.share.trim();
        match self.key.as_str() {
            "seats" | "extra_min" => format!("{} {}", self.key, self.number.trim()),
            "extra" => format!("extra {share}"),
            "rate_base" => format!("rate_base {}", self.base.key()),
            "alert_scope" => format!(
                "alert_scope {}",
                match self.scope {
                    Scope::Combined => "combined",
                    Scope::EachCategory => "each_category",
                }
            ),
            "weights" => format!("weights {}", self.weights.trim()),
            "positive" | "exclude" => format!("{} {}", self.key, self.levels.join("+")),
            "quorum" if self.none => "quorum none".to_string(),
            "quorum" => format!("quorum {op} {share}"),
            "majority" if self.none => "majority none".to_string(),
            "majority" | "further" => format!("{} {op} {share} {}", self.key, self.base.key()),
            "alert" => format!("alert {} {op} {share}", self.levels.join("+")),
            _ => self.key.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    /// Every kind's starting statement is a rule that reads, and reading then writing a
    /// statement gives it back.
    #[test]
    fn statements_round_trip_through_the_form() {
        for list in [
            RuleList::Template,
            RuleList::Recommendation,
            RuleList::Evaluation,
            RuleList::Election,
        ] {
            for (key, statement) in kinds(list) {
                assert!(Rule::parse(list, statement).is_ok(), "{statement}");
                let f = RuleForm::new(list, key).expect("a kind");
                assert_eq!(f.statement(), *statement);
                assert!(f.known(list));
            }
        }
        for s in [
            "seats 2",
            "majority >= 2/3 present",
            "quorum none",
            "quorum >= 2/3",
            "alert 不称职+基本称职 < 1/2",
            "alert_scope each_category",
            "weights 7/10 3/10",
            "exclude 不了解",
        ] {
            assert_eq!(RuleForm::read(s).statement(), s);
        }
    }

    #[test]
    fn a_part_being_typed_stays_as_typed() {
        let mut f = RuleForm::read("majority > 1/2 present");
        f.share = "2/".into();
        assert_eq!(f.statement(), "majority > 2/ present");
        assert_eq!(RuleForm::read("majority > 2/ present").share, "2/");
        // Full-width operators typed on a Chinese keyboard are read, and written as ASCII.
        assert_eq!(
            RuleForm::read("majority ≥ 1/2 valid").statement(),
            "majority >= 1/2 valid"
        );
    }
}
