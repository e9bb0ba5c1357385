//! The inputs of the modules loaded on demand (`ballot_ui::modules`): the results module
//! (`report/`) gets one JSON input (template, tally, figures), the template studio
//! (`studio/`) the fingerprints this device has recorded ballots with. Each draws into the
//! element it is handed and answers its buttons.

use ballot_core::figures::{Correction, Figures};
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

/// One result as the results module takes it (documented in `report/src/lib.rs`).
pub struct ResultInput<'a> {
    pub template: &'a Template,
    pub fingerprint: &'a str,
    pub unit: &'a str,
    pub category: Option<&'a str>,
    pub figures: &'a Figures,
    pub tally: &'a Tally,
    /// 修改记录, each with its time as people read it.
    pub corrections: &'a [(Correction, String)],
    /// The session's or count's id: the printed report then carries the result as a signed
    /// QR code.
    pub batch: Option<&'a str>,
    /// A 唱票 count's ballots' digest (`ballot_core::ballot::ballots_digest`).
    pub ballots_digest: Option<String>,
    /// A count's ballots struck, restored or corrected, each with its time (修改记录).
    pub audit: &'a [String],
}

impl ResultInput<'_> {
    /// The module's input. The canonical template JSON is a JSON object already, so it is
    /// inserted as it is.
    pub fn json(&self) -> String {
        // Typed, not `serde_json::json!`: a `Value` would bring its code into the first load.
        #[derive(serde::Serialize)]
        struct Row<'a> {
            figure: ballot_core::figures::Figure,
            from: Option<u32>,
            to: Option<u32>,
            at_ms: u64,
            at: &'a str,
        }
        let corrections: Vec<Row> = self
            .corrections
            .iter()
            .map(|(c, at)| Row {
                figure: c.figure,
                from: c.from,
                to: c.to,
                at_ms: c.at_ms,
                at,
            })
            .collect();
        format!(
            r#"{{"template":{},"fingerprint":{},"unit":{},"category":{},"figures":{},"tally":{},"corrections":{},"batch":{},"ballots_digest":{},"audit":{}}}"#,
            self.template.canonical_json(),
            json(self.fingerprint),
            json(self.unit),
            json(&self.category),
            json(self.figures),
            json(self.tally),
            json(&corrections),
            json(&self.batch),
            json(&self.ballots_digest),
            json(self.audit),
        )
    }
}

/// A tablet session's result for the desk: the results module's input (its batch id the
/// session's id) and its kind. Never its ballots: their order would reveal the order of
/// voting.
pub fn session_result(r: &ResultInput) -> String {
    let base = r.json();
    format!(
        r#"{},"kind":"tablet"}}"#,
        base.strip_suffix('}').unwrap_or(&base),
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
        let one = session_result(&ResultInput {
            template: t,
            fingerprint: "ABCD-EFGH",
            unit: "长乐居民区",
            category: Some("党员"),
            figures: &Figures::default(),
            tally: &tally,
            corrections: &[],
            batch: Some("c1"),
            ballots_digest: None,
            audit: &[],
        });
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
