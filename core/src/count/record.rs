//! A paper count on a device, as stored: one record written once when the count starts
//! ([`CountRecord`]), then the count's log, one [`super::CountEntry`] per step.
//!
//! A count is apart from a tablet voting session (its ballots are read from paper, in an
//! order that reveals nothing, and its board is public), but it yields the same [`Tally`]
//! type, so results and merging treat both alike.
//!
//! [`Tally`]: crate::Tally

use serde::{Deserialize, Serialize};

use crate::figures::Figures;
use crate::form::{SessionError, SessionField};
use crate::template::Template;

/// What the counter sets when starting a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountSpec {
    /// 居民区.
    pub area: String,
    /// 支部; empty when the count is for the whole area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub branch: String,
    /// The voter category of every ballot in this count (e.g. the 党员 ballots), as an index
    /// into the template's categories; `None` exactly when the template has none. Paper
    /// ballots of different categories are counted apart, as they are boxed apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<u16>,
}

impl CountSpec {
    /// The spec as typed, with names normalised and every problem listed by field (codes
    /// S01–S04, shared with voting sessions).
    pub fn checked(
        mut self,
        template: &Template,
    ) -> Result<CountSpec, Vec<(SessionField, SessionError)>> {
        let mut errors = Vec::new();
        crate::unit::check(&mut self.area, &mut self.branch, &mut errors);
        let categories = template.categories().len();
        match self.category {
            None if categories > 0 => {
                errors.push((SessionField::Category, SessionError::CategoryRuleMismatch))
            }
            Some(i) if usize::from(i) >= categories => {
                errors.push((SessionField::Category, SessionError::CategoryUnknown))
            }
            _ => {}
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// 居民区 · 支部.
    pub fn unit_label(&self) -> String {
        crate::unit::label(&self.area, &self.branch)
    }
}

/// The stored form of a count, written once when it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountRecord {
    /// Format version of this record; 1.
    pub v: u32,
    /// 128 random bits as hex; also the prefix of the keys of the count's log.
    pub id: String,
    /// The template's canonical JSON: the count keeps the exact template it started with.
    pub template: String,
    pub spec: CountSpec,
    /// The figures as entered at the start; later changes are `set_figures` entries.
    #[serde(default)]
    pub figures: Figures,
    /// When it started, milliseconds since 1970.
    pub opened_ms: u64,
    /// The PIN that deleting the count needs (counts started before PINs have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<crate::pin::Pin>,
    /// 测试模式: a rehearsal with a test deck ([`crate::deck`]). Its result is marked 测试
    /// wherever it is shown and is never sent, merged or cross-checked. Left out of the
    /// record when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    fn spec(category: Option<u16>) -> CountSpec {
        CountSpec {
            area: " 长乐 居民区".into(),
            branch: "第一党支部 ".into(),
            category,
        }
    }

    #[test]
    fn a_spec_is_normalised_and_its_category_follows_the_template() {
        let t = &samples::all()[1]; // categories 党员, 群众代表
        let ok = spec(Some(1)).checked(t).expect("valid");
        assert_eq!(ok.unit_label(), "长乐居民区 · 第一党支部");
        assert_eq!(
            spec(None).checked(t),
            Err(vec![(
                SessionField::Category,
                SessionError::CategoryRuleMismatch
            )])
        );
        assert_eq!(
            spec(Some(2)).checked(t),
            Err(vec![(
                SessionField::Category,
                SessionError::CategoryUnknown
            )])
        );
        let mut plain = t.clone().into_spec();
        plain.categories.clear();
        let plain = plain.check().expect("still valid");
        assert!(spec(None).checked(&plain).is_ok());
        assert_eq!(
            spec(Some(0)).checked(&plain),
            Err(vec![(
                SessionField::Category,
                SessionError::CategoryUnknown
            )])
        );
        let bad = CountSpec {
            area: "".into(),
            branch: "\u{7}".into(),
            category: Some(0),
        };
        assert_eq!(
            bad.checked(t),
            Err(vec![
                (SessionField::Area, SessionError::AreaMissing),
                (SessionField::Branch, SessionError::UnitNameInvalid),
            ])
        );
    }

    #[test]
    fn a_record_round_trips_and_rejects_unknown_fields() {
        let t = &samples::all()[1];
        let record = CountRecord {
            v: 1,
            id: "ab".repeat(16),
            template: t.canonical_json(),
            spec: spec(Some(0)).checked(t).expect("valid"),
            figures: Figures {
                issued: Some(40),
                returned: Some(41),
                ..Figures::default()
            },
            opened_ms: 1_795_312_800_000,
            pin: None,
            test: false,
        };
        let json = serde_json::to_string(&record).expect("json");
        assert!(json.contains(r#""spec":{"area":"长乐居民区","branch":"第一党支部","category":0}"#));
        assert!(json.contains(r#""figures":{"issued":40,"returned":41}"#));
        let back: CountRecord = serde_json::from_str(&json).expect("back");
        assert_eq!(back, record);
        let tampered = json.replacen("\"v\":1", "\"v\":1,\"x\":0", 1);
        assert!(serde_json::from_str::<CountRecord>(&tampered).is_err());
    }
}
