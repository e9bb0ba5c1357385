//! The sample templates in `templates/`, compiled into the app as its built-in defaults.

use crate::template::Template;

pub const EVALUATION_JSON: &str = include_str!("../../templates/民主测评表.json");
pub const RECOMMENDATION_JSON: &str = include_str!("../../templates/推荐票.json");
/// The elections (一选 and the 居委会's), under the common scheme (○ 赞成, × 反对).
pub const COMMITTEE_ELECTION_JSON: &str = include_str!("../../templates/党组织委员选举票.json");
pub const SECRETARY_ELECTION_JSON: &str = include_str!("../../templates/书记选举票.json");
pub const RESIDENTS_ELECTION_JSON: &str = include_str!("../../templates/居委会成员选举票.json");

/// File name and text of every built-in template, in the order the app lists them.
pub const ALL: [(&str, &str); 2] = [
    ("民主测评表.json", EVALUATION_JSON),
    ("推荐票.json", RECOMMENDATION_JSON),
];

/// The election samples in `templates/`, imported like any template from a street office
/// (not built in: a device offers them once the template library has them).
pub const ELECTIONS: [(&str, &str); 3] = [
    ("党组织委员选举票.json", COMMITTEE_ELECTION_JSON),
    ("书记选举票.json", SECRETARY_ELECTION_JSON),
    ("居委会成员选举票.json", RESIDENTS_ELECTION_JSON),
];

/// The election samples, checked.
pub fn elections() -> Vec<Template> {
    ELECTIONS
        .iter()
        .filter_map(|(_, json)| Template::parse(json).ok())
        .collect()
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{Contest, Section};

    #[test]
    fn the_election_samples_are_valid_and_list_their_names_by_strokes() {
        let all = elections();
        assert_eq!(all.len(), ELECTIONS.len(), "every election sample reads");
        let contests: Vec<Option<Contest>> = all
            .iter()
            .map(|t| match &t.sections()[0] {
                Section::Recommendation(r) => {
                    let mut sorted = r.clone();
                    sorted.sort_by_strokes();
                    assert_eq!(sorted.candidates, r.candidates, "{}", r.title);
                    r.election
                }
                Section::Evaluation(_) => None,
            })
            .collect();
        assert_eq!(
            contests,
            [
                Some(Contest::Competitive),
                Some(Contest::Equal),
                Some(Contest::Competitive)
            ]
        );
        // The printed instructions of the common election scheme.
        let spec = all[0].spec();
        let Section::Recommendation(r) = &spec.sections[0] else {
            unreachable!("an election")
        };
        assert_eq!(
            (crate::i18n::studio::ZH_CN.paper_recommendation)(r, spec.marking),
            "请在赞成的人选姓名下方的空格内划“○”，反对的划“×”，弃权的不划任何符号。另选他人的，在“另选他人”格内写上其姓名，并在下方空格内划“○”。赞成的人数不得超过应选人数 5 人，超过的为无效票。"
        );
    }
}
