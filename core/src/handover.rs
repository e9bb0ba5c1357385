//! What the app hands the modules it loads on demand (`ballot_ui::modules`): the results
//! module (`report/`) gets one result ([`ResultInput`]), the studio (`studio/`) its context
//! ([`StudioInput`]). One set of types, written by the app and by the studio's results desk
//! and read by the results module and the studio, so the sides cannot drift apart: a field
//! added here is added for all of them, and a document one side writes is one the other
//! reads (tested by a round trip below).
//!
//! The modules are separate programs, so what crosses is JSON. Each reader still checks
//! what it reads as it would check a file: the template passes every check
//! ([`crate::template::TemplateSpec::check`]), the tally must fit it.

use serde::{Deserialize, Serialize};

use crate::figures::{Correction, Figure, Figures};
use crate::results::Flag;
use crate::tally::Tally;
use crate::template::TemplateSpec;

/// What made the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A voting session on a tablet: the tally only.
    Tablet,
    /// A 唱票 count: the tally and the ballots in reading order.
    Paper,
    /// Several results added up (支部 → 居民区, 居民区 → 街道).
    Merged,
}

/// One counted unit inside a merged result, with its figures: each unit's own 发出/收回
/// check is carried up to every combined report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLine {
    pub unit: String,
    #[serde(default)]
    pub figures: Figures,
}

impl SourceLine {
    /// This unit's own figure checks (C01–C03), each named with the unit.
    pub fn flags(&self) -> Vec<crate::results::Flag> {
        self.figures
            .flags()
            .into_iter()
            .map(|flag| crate::results::Flag::Source {
                unit: self.unit.clone(),
                flag,
            })
            .collect()
    }
}

/// One result for the results module: a tablet session's, a 唱票 count's or a combined one.
/// The template is written as its canonical JSON (a [`TemplateSpec`] serializes so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultInput {
    pub template: TemplateSpec,
    pub fingerprint: String,
    /// 居民区 · 支部, or a combined result's unit.
    pub unit: String,
    /// The voter category of a count of one category's ballot box (part of its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default)]
    pub figures: Figures,
    pub tally: Tally,
    /// The date printed on the report (「2026年12月3日」); empty: the module's today.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// A combined result's sources (支部, tablets, 居民区), for the breakdown and their own
    /// checks; empty for one session or count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRow>,
    /// Figures corrected after they were known (修改记录), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<CorrectionRow>,
    /// The session's or count's id, for one counted result: the printed report then carries
    /// the result as a signed QR code (`None` for a combined result).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// A 唱票 count's ballots' digest (`crate::ballot::ballots_digest`); `None` for a
    /// tablet session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballots_digest: Option<String>,
    /// A combined result's QR codes, signed by the desk that made it, for the printed report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// A count's ballots struck, restored or corrected, each with its time, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<String>,
    /// What made it, when the desk is handed a result of this device (a tablet session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// 测试模式: a rehearsal's result, marked 测试 wherever it is shown or exported.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
}

impl ResultInput {
    /// The result as its module input: a result file's fields, nothing else set.
    pub fn new(template: TemplateSpec, fingerprint: String, unit: String, tally: Tally) -> Self {
        ResultInput {
            template,
            fingerprint,
            unit,
            category: None,
            figures: Figures::default(),
            tally,
            date: String::new(),
            sources: Vec::new(),
            corrections: Vec::new(),
            batch: None,
            ballots_digest: None,
            codes: Vec::new(),
            audit: Vec::new(),
            kind: None,
            test: false,
        }
    }

    /// As JSON. Plain data always serializes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// One correction with its time as people read it (「12月3日 10:02」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionRow {
    pub figure: Figure,
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub at_ms: u64,
    #[serde(default)]
    pub at: String,
}

impl CorrectionRow {
    pub fn new(c: &Correction, at: String) -> CorrectionRow {
        CorrectionRow {
            figure: c.figure,
            from: c.from,
            to: c.to,
            at_ms: c.at_ms,
            at,
        }
    }

    pub fn correction(&self) -> Correction {
        Correction {
            figure: self.figure,
            from: self.from,
            to: self.to,
            at_ms: self.at_ms,
        }
    }
}

/// One source of a combined result: its unit, figures and ballot totals, and, for a source
/// that is itself combined, the units inside it with their figures (whose checks are shown
/// too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRow {
    pub unit: String,
    #[serde(default)]
    pub figures: Figures,
    pub valid: u32,
    pub blank: u32,
    pub void: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<SourceLine>,
    /// Its 结果校验码, as the desk computed it.
    #[serde(default)]
    pub code: String,
}

impl SourceRow {
    /// The figure checks of this source, or of each unit inside it.
    pub fn flags(&self) -> Vec<Flag> {
        if self.lines.is_empty() {
            let own = SourceLine {
                unit: self.unit.clone(),
                figures: self.figures,
            };
            return own.flags();
        }
        self.lines.iter().flat_map(SourceLine::flags).collect()
    }
}

/// Which page the studio opens on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudioPage {
    /// The template library (it reads a shared link from the address).
    Library,
    /// 本机数据与备份 (it reads the store itself).
    Data,
    /// The results desk.
    Exchange,
}

/// The studio's context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudioInput {
    /// The fingerprints of the templates this device has recorded ballots with: the studio
    /// keeps them frozen.
    pub used: Vec<String>,
    pub page: StudioPage,
    /// For the desk: at most the tablet session it was opened from, never its ballots
    /// (their order would reveal the order of voting). The desk reads this device's paper
    /// counts from the store itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local: Vec<ResultInput>,
}

impl StudioInput {
    /// As JSON. Plain data always serializes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The context as written, or `None`: the studio then opens on its library with
    /// nothing frozen it does not find itself.
    pub fn read(json: &str) -> Option<StudioInput> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    fn result() -> ResultInput {
        let t = &samples::all()[1];
        let mut r = ResultInput::new(
            t.spec().clone(),
            crate::fingerprint(t),
            "长乐居民区".into(),
            Tally::empty(t),
        );
        r.category = Some("党员".into());
        r.figures.issued = Some(30);
        r.corrections = vec![CorrectionRow {
            figure: Figure::Issued,
            from: Some(29),
            to: Some(30),
            at_ms: 5,
            at: "12月3日 10:02".into(),
        }];
        r.batch = Some("c1".into());
        r.kind = Some(Kind::Tablet);
        r.sources = vec![SourceRow {
            unit: "第一支部".into(),
            figures: Figures::default(),
            valid: 1,
            blank: 0,
            void: 0,
            lines: Vec::new(),
            code: "ABCD-EFGH-JKMN".into(),
        }];
        r
    }

    /// What one side writes, the other reads back equal; the template as canonical JSON.
    #[test]
    fn a_result_and_the_studio_context_read_back_as_written() {
        let r = result();
        let json = r.to_json();
        assert!(json.starts_with(&format!(
            r#"{{"template":{}"#,
            samples::all()[1].canonical_json()
        )));
        let back: ResultInput = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, r);
        let studio = StudioInput {
            used: vec!["ABCD-EFGH".into()],
            page: StudioPage::Exchange,
            local: vec![r],
        };
        assert_eq!(StudioInput::read(&studio.to_json()), Some(studio));
        assert_eq!(
            StudioInput::read(r#"{"used":[],"page":"library"}"#),
            Some(StudioInput {
                used: Vec::new(),
                page: StudioPage::Library,
                local: Vec::new()
            })
        );
        // A field neither side knows is refused, not ignored.
        assert_eq!(
            StudioInput::read(r#"{"used":[],"page":"library","x":1}"#),
            None
        );
    }
}
