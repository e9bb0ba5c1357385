//! ballot-report: what a meeting announces, signs and files, from one count.
//!
//! The app loads this module on demand (it is not part of the first load): it hands over
//! the template, the tally and the meeting's figures as one JSON [`Input`], and gets back
//! HTML (results screen, 公布 mode, the printed 计票结果报告单) or a CSV file. Everything is
//! judged by [`ballot_core::results`]; this crate only lays the numbers out, so the screen,
//! the paper and the export always show the same numbers.

pub mod export;
mod html;
mod render;
pub mod xlsx;

use ballot_core::figures::{Correction, FigureFlag, Figures};
pub use ballot_core::handover::{CorrectionRow, ResultInput, SourceRow};
use ballot_core::results::{Results, View};
use ballot_core::{Tally, Template};

pub use render::{render, Mode};

/// What the app hands over ([`ResultInput`], as JSON), checked: the template passed every
/// check and the tally fits it.
pub struct Input {
    pub template: Template,
    pub fingerprint: String,
    pub unit: String,
    /// The voter category of a count of one category's ballot box (part of its code).
    pub category: Option<String>,
    pub figures: Figures,
    pub tally: Tally,
    pub date: String,
    /// A combined result's sources (支部, tablets, 居民区), for the breakdown and their
    /// own checks; empty for one session or count.
    pub sources: Vec<SourceRow>,
    /// Figures corrected after they were known (修改记录), oldest first.
    pub corrections: Vec<CorrectionRow>,
    /// The session's or count's id, for one counted result: then the printed report carries
    /// the result as a signed QR code (`None` for a combined result).
    pub batch: Option<String>,
    /// A 唱票 count's ballots' digest (`ballot_core::ballot::ballots_digest`); `None` for a
    /// tablet session.
    pub ballots_digest: Option<String>,
    /// A combined result's QR codes, signed by the desk that made it, for the printed
    /// report (one counted result's are made here from [`Input::statement`]).
    pub codes: Vec<String>,
    /// A count's ballots struck, restored or corrected, each with its time, oldest first:
    /// on the printed report's 修改记录 with the figures corrected.
    pub audit: Vec<String>,
    /// A rehearsal's result (测试模式): marked 测试 on every view and export, and its printed
    /// report carries no QR code of it (so it can never be scanned into a merge).
    pub test: bool,
    /// The language of the screens, the printed report and the exports (not of the
    /// template's own words). Not part of the input: the app says it beside (`show`).
    pub lang: ballot_core::Lang,
}

/// Why an input was refused (a bug in the app or a damaged record; shown with its code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// E01: not the JSON described above.
    Json(String),
    /// E02: the template does not pass its checks (its result rules included).
    Template(Vec<ballot_core::TemplateError>),
    /// E03: the tally was not made with this template.
    Shape,
}

impl InputError {
    /// The message (catalogue: `ballot_core::i18n::report`).
    pub fn message(&self, lang: ballot_core::Lang) -> String {
        let t = lang.report();
        match self {
            InputError::Json(d) => (t.input_unreadable)(d),
            InputError::Template(errors) => {
                let list: Vec<String> = errors.iter().map(|e| (t.template_error)(e)).collect();
                (t.input_template)(&list)
            }
            InputError::Shape => t.input_shape.to_string(),
        }
    }
}

impl Input {
    pub fn read(json: &str) -> Result<Input, InputError> {
        let f: ResultInput =
            serde_json::from_str(json).map_err(|e| InputError::Json(e.to_string()))?;
        let template = f.template.check().map_err(InputError::Template)?;
        // Merging into an empty tally of the template checks the shape, part by part.
        let mut tally = Tally::empty(&template);
        tally.merge(&f.tally).map_err(|_| InputError::Shape)?;
        Ok(Input {
            template,
            fingerprint: f.fingerprint,
            unit: f.unit,
            category: f.category,
            figures: f.figures,
            tally,
            date: f.date,
            sources: f.sources,
            corrections: f.corrections,
            batch: f.batch,
            ballots_digest: f.ballots_digest,
            codes: f.codes,
            audit: f.audit,
            test: f.test,
            lang: ballot_core::Lang::ZhCn,
        })
    }

    /// The name of an export of these results made on `date` (2026-12-03): template,
    /// unit, category, what they are and the date, so two exports never share a name.
    pub fn file_name(&self, date: &str, ext: &str) -> String {
        let t = self.lang.report();
        let kind = t.kind(self.kind());
        let category = self.category.as_deref().unwrap_or("");
        let test = if self.test { t.test_word } else { "" };
        (t.results_file)(
            &[
                test,
                &self.template.spec().title,
                &self.unit,
                category,
                kind,
                date,
            ],
            ext,
        )
    }

    /// What a result this is: a combined one (it has sources), a 唱票 count (it has its
    /// ballots' digest) or a tablet session.
    pub fn kind(&self) -> ballot_core::exchange::Kind {
        use ballot_core::exchange::Kind;
        if !self.sources.is_empty() {
            Kind::Merged
        } else if self.ballots_digest.is_some() {
            Kind::Paper
        } else {
            Kind::Tablet
        }
    }

    /// What the device signs for this result, when it is one counted result: the same
    /// statement its results file carries (`ballot_core::exchange::seal`).
    pub fn statement(&self) -> Option<ballot_core::exchange::seal::Statement> {
        Some(ballot_core::exchange::seal::Statement {
            batch: self.batch.clone()?,
            kind: self.kind(),
            fingerprint: self.fingerprint.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
            figures: self.figures,
            tally: self.tally.clone(),
            ballots: self.ballots_digest.clone(),
        })
    }

    /// The findings that held before a correction and do not now: shown as corrected, so
    /// a new 发出 never makes a 收回 > 发出 disappear from the paper.
    pub fn corrected_flags(&self) -> Vec<FigureFlag> {
        let corrections: Vec<Correction> = self
            .corrections
            .iter()
            .map(CorrectionRow::correction)
            .collect();
        self.figures.corrected_flags(&corrections)
    }

    /// The 结果校验码 of this result: the one the results desk shows for it, printed beside
    /// the signatures.
    pub fn code(&self) -> String {
        ballot_core::result_code::result_code(
            &self.fingerprint,
            &self.unit,
            self.category.as_deref(),
            &self.figures,
            &self.tally,
        )
    }

    /// The views worth showing: all categories combined, then each category that has
    /// ballots (and the ballots without one, if any). One view when there are no categories.
    pub fn views(&self) -> Vec<View> {
        let mut views = vec![View::Combined];
        let n = self.template.categories().len();
        if n == 0 {
            return views;
        }
        for c in 0..n {
            if let Ok(c) = u16::try_from(c) {
                if self.tally.part(Some(c)).is_some_and(|p| p.total() > 0) {
                    views.push(View::Category(Some(c)));
                }
            }
        }
        if self.tally.part(None).is_some_and(|p| p.total() > 0) {
            views.push(View::Category(None));
        }
        // A count of one category's ballot box: that category is the only view.
        if views.len() == 2 {
            views.remove(0);
        }
        views
    }

    /// The results of a view; a combined result's figure checks of each source are added
    /// to the combined view (blocking ones with the blocking flags, first).
    pub fn results(&self, view: View) -> Results {
        let r = Results::compute(&self.template, &self.tally, self.figures, view);
        if view == self.views()[0] {
            r.with_sources(self.sources.iter().flat_map(SourceRow::flags).collect())
        } else {
            r
        }
    }

    /// The results of every ballot (all categories combined), with the sources' checks:
    /// what a next round is derived from and the combined list is read from.
    pub fn whole(&self) -> Results {
        let r = Results::compute(&self.template, &self.tally, self.figures, View::Combined);
        r.with_sources(self.sources.iter().flat_map(SourceRow::flags).collect())
    }

    /// The round that follows this result (再次投票, 另行选举), or why there is none.
    pub fn next_round(&self) -> Result<Template, ballot_core::round::DeriveRefused> {
        // The new round's title is the ballot's, in the template's language.
        let t = &ballot_core::i18n::report::ZH_CN;
        let whole = self.whole();
        ballot_core::round::derive(&self.template, &self.fingerprint, &whole, t.round_title)
    }

    /// The 当选名单 over every round so far (empty for a first round).
    pub fn rounds(&self) -> Vec<ballot_core::round::CombinedSection> {
        ballot_core::round::combined(&self.template, &self.whole())
    }

    /// The name of a view: 合计, a category, 未分类.
    pub fn view_name(&self, view: View) -> String {
        let t = self.lang.report();
        match view {
            View::Combined => t.combined.to_string(),
            View::Category(Some(c)) => self
                .template
                .categories()
                .get(usize::from(c))
                .cloned()
                .unwrap_or_default(),
            View::Category(None) => t.uncategorised.to_string(),
        }
    }
}
