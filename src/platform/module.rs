//! The inputs of the modules loaded on demand (`ballot_ui::modules`): the results module
//! (`report/`) gets one JSON input (template, tally, figures), the template studio
//! (`studio/`) the fingerprints this device has recorded ballots with. Each draws into the
//! element it is handed and answers its buttons.

use ballot_core::figures::{Correction, Figures};
use ballot_core::handover::Kind;
pub use ballot_core::handover::{CorrectionRow, ResultInput, StudioInput, StudioPage};
use ballot_core::{Tally, Template};

pub use ballot_ui::modules::{shared_link, show, RESULTS, STUDIO};

/// The studio's input: the templates this device has recorded ballots with (the studio
/// keeps them frozen) and the page to show.
pub fn studio_input(used: &[&str], page: StudioPage) -> String {
    studio(used, page, Vec::new()).to_json()
}

fn studio(used: &[&str], page: StudioPage, local: Vec<ResultInput>) -> StudioInput {
    StudioInput {
        used: used.iter().map(|f| f.to_string()).collect(),
        page,
        local,
    }
}

/// The results desk's input: the desk reads this device's paper counts from the store
/// itself; `session` is at most the tablet session it was opened from (see
/// `session_result`).
pub fn exchange_input(used: &[&str], session: Option<ResultInput>) -> String {
    studio(used, StudioPage::Exchange, session.into_iter().collect()).to_json()
}

/// A result's input for the results module, with what every result has; the caller adds
/// what its kind has (corrections, batch, digest, audit).
pub fn result_input(
    template: &Template,
    fingerprint: &str,
    unit: String,
    category: Option<&str>,
    figures: Figures,
    tally: &Tally,
) -> ResultInput {
    let mut r = ResultInput::new(
        template.spec().clone(),
        fingerprint.to_string(),
        unit,
        tally.clone(),
    );
    r.category = category.map(str::to_string);
    r.figures = figures;
    r
}

/// 修改记录 as the module takes it: each correction with its time as people read it.
pub fn timed(corrections: &[Correction], lang: &str) -> Vec<CorrectionRow> {
    (corrections.iter())
        .map(|c| CorrectionRow::new(c, crate::platform::page::format_time(c.at_ms, lang)))
        .collect()
}

/// A tablet session's result for the desk: the results module's input (its batch id the
/// session's id) and its kind. Never its ballots: their order would reveal the order of
/// voting.
pub fn session_result(mut r: ResultInput) -> ResultInput {
    r.kind = Some(Kind::Tablet);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use ballot_core::samples;

    /// The desk's input is one JSON document, the session's result whole and without
    /// ballots.
    #[test]
    fn the_desk_input_is_json_with_the_session_whole() {
        let t = &samples::all()[1];
        let tally = Tally::empty(t);
        let mut one = result_input(
            t,
            "ABCD-EFGH",
            "长乐居民区".into(),
            Some("党员"),
            Figures::default(),
            &tally,
        );
        one.batch = Some("c1".into());
        let one = session_result(one);
        let input = exchange_input(&["ABCD-EFGH"], Some(one.clone()));
        let read = StudioInput::read(&input).expect("the studio reads it");
        assert_eq!(read.page, StudioPage::Exchange);
        assert_eq!(read.used, ["ABCD-EFGH"]);
        assert_eq!(read.local, [one]);
        let r = &read.local[0];
        assert_eq!(r.kind, Some(Kind::Tablet));
        assert_eq!(r.category.as_deref(), Some("党员"));
        assert_eq!(r.tally, tally, "the tally whole");
        // Never the ballots: a result input has no place for them.
        let v: serde_json::Value = serde_json::from_str(&input).expect("JSON");
        assert_eq!(v["local"][0]["ballots"], serde_json::Value::Null);
        let none = StudioInput::read(&exchange_input(&[], None)).expect("reads");
        assert!(none.local.is_empty());
    }
}
