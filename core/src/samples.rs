//! The sample templates in `templates/`, compiled into the app as its built-in defaults.

use crate::template::Template;

pub const EVALUATION_JSON: &str = include_str!("../../templates/民主测评表.json");
pub const RECOMMENDATION_JSON: &str = include_str!("../../templates/推荐票.json");

/// File name and text of every built-in template, in the order the app lists them.
pub const ALL: [(&str, &str); 2] = [
    ("民主测评表.json", EVALUATION_JSON),
    ("推荐票.json", RECOMMENDATION_JSON),
];

/// Every built-in template, checked. The samples are tested to be valid, so none is
/// skipped in practice; a broken one would be left out rather than crash the app.
pub fn all() -> Vec<Template> {
    ALL.iter()
        .filter_map(|(_, json)| Template::parse(json).ok())
        .collect()
}

#[cfg(test)]
pub(crate) fn evaluation() -> Template {
    Template::parse(EVALUATION_JSON).expect("sample evaluation template is valid")
}

#[cfg(test)]
pub(crate) fn recommendation() -> Template {
    Template::parse(RECOMMENDATION_JSON).expect("sample recommendation template is valid")
}
