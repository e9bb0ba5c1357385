//! The inputs of the modules loaded on demand (`ballot_ui::modules`): the results module
//! (`report/`) gets one JSON input (template, tally, figures), the template studio
//! (`studio/`) the fingerprints this device has recorded ballots with. Each draws into the
//! element it is handed and answers its buttons.

use ballot_core::count::{Correction, Figures};
use ballot_core::{Tally, Template};

pub use ballot_ui::modules::{shared_link, show, RESULTS, STUDIO};

/// The studio's input: `{"used": [fingerprint, …], "page": page}`, the templates this device
/// has recorded ballots with (the studio keeps them frozen), and the page to show: `library`
/// (it reads a shared link from the address), or `data` (it reads the store itself).
pub fn studio_input(used: &[&str], page: &str) -> String {
    // Fingerprints are Crockford base32 and a hyphen: nothing in them needs escaping, and
    // writing them by hand keeps serde's list writer out of the first load.
    let list: Vec<String> = used.iter().map(|f| format!("\"{f}\"")).collect();
    format!(r#"{{"used":[{}],"page":"{page}"}}"#, list.join(","))
}

/// The results desk's input: `{"used": […], "page": "exchange", "local": […]}`. The desk
/// reads this device's paper counts from the store itself; `local` holds at most the tablet
/// session it was opened from (see `session_result`).
pub fn exchange_input(used: &[&str], session: Option<String>) -> String {
    format!(
        r#"{},"local":[{}]}}"#,
        studio_input(used, "exchange")
            .strip_suffix('}')
            .unwrap_or_default(),
        session.unwrap_or_default()
    )
}

/// A tablet session's result for the desk: the results module's input plus its batch id
/// (the session's id), its kind and its category, if fixed. Never its ballots: their order
/// would reveal the order of voting.
pub fn session_result(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    figures: &Figures,
    tally: &Tally,
    batch: &str,
    category: Option<&str>,
) -> String {
    let base = input(template, fingerprint, unit, category, figures, tally, &[]);
    format!(
        r#"{},"batch":{},"kind":"tablet"}}"#,
        base.strip_suffix('}').unwrap_or(&base),
        json(batch),
    )
}

/// The module's input (documented in `report/src/lib.rs`). The canonical template JSON is a
/// JSON object already, so it is inserted as it is.
pub fn input(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    category: Option<&str>,
    figures: &Figures,
    tally: &Tally,
    corrections: &[(Correction, String)],
) -> String {
    let corrections: Vec<serde_json::Value> = corrections
        .iter()
        .map(|(c, at)| {
            serde_json::json!({
                "figure": c.figure, "from": c.from, "to": c.to, "at_ms": c.at_ms, "at": at,
            })
        })
        .collect();
    format!(
        r#"{{"template":{},"fingerprint":{},"unit":{},"category":{},"figures":{},"tally":{},"corrections":{}}}"#,
        template.canonical_json(),
        json(fingerprint),
        json(unit),
        json(&category),
        json(figures),
        json(tally),
        json(&corrections),
    )
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    // Plain data (strings, numbers, maps with string keys) always serializes.
    serde_json::to_string(v).unwrap_or_default()
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
        let one = session_result(
            t,
            "ABCD-EFGH",
            "长乐居民区",
            &Figures::default(),
            &tally,
            "c1",
            Some("党员"),
        );
        let input = exchange_input(&["ABCD-EFGH"], Some(one));
        let v: serde_json::Value = serde_json::from_str(&input).expect("JSON");
        assert_eq!(v["page"], "exchange");
        let r = &v["local"][0];
        assert_eq!(r["kind"], "tablet");
        assert_eq!(r["category"], "党员");
        assert_eq!(r["ballots"], serde_json::Value::Null);
        let back: Tally = serde_json::from_value(r["tally"].clone()).expect("the tally whole");
        assert_eq!(back, tally);
        let none: serde_json::Value =
            serde_json::from_str(&exchange_input(&[], None)).expect("JSON");
        assert_eq!(none["local"], serde_json::json!([]));
    }
}
