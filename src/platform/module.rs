//! The inputs of the modules loaded on demand (`ballot_ui::modules`): the results module
//! (`report/`) gets one JSON input (template, tally, figures), the template studio
//! (`studio/`) the fingerprints this device has recorded ballots with. Each draws into the
//! element it is handed and answers its buttons.

use ballot_core::count::Figures;
use ballot_core::{Ballot, Tally, Template};

pub use ballot_ui::modules::{shared_link, show, RESULTS, STUDIO};

/// The studio's input: `{"used": [fingerprint, …]}`, the templates this device has recorded
/// ballots with (the studio keeps them frozen). It reads a shared link from the address.
pub fn studio_input(used: &[&str]) -> String {
    // Fingerprints are Crockford base32 and a hyphen: nothing in them needs escaping, and
    // writing them by hand keeps serde's list writer out of the first load.
    let list: Vec<String> = used.iter().map(|f| format!("\"{f}\"")).collect();
    format!(r#"{{"used":[{}]}}"#, list.join(","))
}

/// The results desk's input: `{"used": […], "page": "exchange", "focus": …, "local": […]}`,
/// `local` being this device's results it may show (see `local`).
pub fn exchange_input(used: &[&str], focus: Option<&str>, local: &[String]) -> String {
    format!(
        r#"{},"page":"exchange","focus":{},"local":[{}]}}"#,
        studio_input(used).strip_suffix('}').unwrap_or_default(),
        nullable(focus),
        local.join(",")
    )
}

/// One of this device's results for the desk: the results module's input plus its batch id
/// (the session's or count's id), its kind ("tablet" or "paper"), the category of a
/// one-category count and a count's ballots in reading order. A tablet session's ballots are
/// never included: their order would reveal the order of voting.
#[allow(clippy::too_many_arguments)]
pub fn local(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    figures: &Figures,
    tally: &Tally,
    batch: &str,
    category: Option<&str>,
    ballots: Option<Vec<&Ballot>>,
) -> String {
    let base = input(template, fingerprint, unit, figures, tally);
    // Each ballot by the store's own writer: no second serializer in the first load.
    let list: Vec<String> = ballots
        .iter()
        .flatten()
        .filter_map(|b| crate::platform::db::json(*b).ok())
        .collect();
    format!(
        r#"{},"batch":{},"kind":"{}","category":{},"ballots":[{}]}}"#,
        base.strip_suffix('}').unwrap_or(&base),
        json(batch),
        if ballots.is_some() { "paper" } else { "tablet" },
        nullable(category),
        list.join(","),
    )
}

fn nullable(s: Option<&str>) -> String {
    s.map_or_else(|| "null".into(), json)
}

/// The module's input (documented in `report/src/lib.rs`). The canonical template JSON is a
/// JSON object already, so it is inserted as it is.
pub fn input(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    figures: &Figures,
    tally: &Tally,
) -> String {
    format!(
        r#"{{"template":{},"fingerprint":{},"unit":{},"figures":{},"tally":{}}}"#,
        template.canonical_json(),
        json(fingerprint),
        json(unit),
        json(figures),
        json(tally),
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

    /// The desk's input is one JSON document, each local result whole.
    #[test]
    fn the_desk_input_is_json_with_each_result_whole() {
        let t = &samples::all()[1];
        let tally = Tally::empty(t);
        let ballot = Ballot::empty(t, Some(0));
        let one = local(
            t,
            "ABCD-EFGH",
            "长乐居民区",
            &Figures::default(),
            &tally,
            "c1",
            Some("党员"),
            Some(vec![&ballot]),
        );
        let input = exchange_input(&["ABCD-EFGH"], Some("c1"), &[one]);
        let v: serde_json::Value = serde_json::from_str(&input).expect("JSON");
        assert_eq!(v["page"], "exchange");
        assert_eq!(v["focus"], "c1");
        let r = &v["local"][0];
        assert_eq!(r["kind"], "paper");
        assert_eq!(r["category"], "党员");
        assert_eq!(r["ballots"].as_array().map(Vec::len), Some(1));
        let back: Tally = serde_json::from_value(r["tally"].clone()).expect("the tally whole");
        assert_eq!(back, tally);
    }
}
