//! The results, report and export module's words in English (see `i18n::report`).

use super::coded;
use crate::i18n::report::ReportTexts;
use crate::results::Flag;
use crate::rules::{Base, Compare};

pub static REPORT: ReportTexts = ReportTexts {
    punct: &crate::i18n::EN_PUNCT,
    next_round: |n| format!("Make the round {n} ballot"),
    next_round_hint: "Makes the next round's ballot from these results: only the people to vote on again, for the places not yet decided. It is imported into the template library as a new template, to print, vote on tablets or count as read aloud. First make sure these are the results of all the ballots.",
    derive_refused: |e, sections| {
        use crate::round::DeriveRefused as D;
        let name = |i: &usize| sections.get(*i).map_or(String::new(), |s| format!("“{s}”: "));
        let text = match e {
            D::NothingToDecide => "These results decide every place: no further round is needed.".to_string(),
            D::NotStanding => {
                "This vote has problems to deal with first (see the notes): no further round can follow from it.".to_string()
            }
            D::TooFewNames {
                section,
                needed,
                have,
            } => format!(
                "{}a further election needs {needed} candidates and only {have} were not elected: nominate more, and make the next ballot in the template editor.",
                name(section)
            ),
            D::TieForNames { section } => format!(
                "{}the candidates of an uncontested further election are chosen among those with equal votes, which the meeting decides: make the next ballot in the template editor.",
                name(section)
            ),
            D::Invalid { code } => {
                format!("The next round's ballot cannot be made ({code}): make it in the template editor.")
            }
            D::Unfinished { entered, returned } => format!(
                "{entered} entered of {returned} returned: the next round's ballot can be made once all are entered."
            ),
        };
        coded(&text, e.code())
    },
    round_title: |first, n| format!("{first} (round {n})"),
    round_line: |n, kind, first, after| {
        let kind = match kind {
            crate::template::RoundKind::Revote => "a second vote",
            crate::template::RoundKind::Further => "a further election",
        };
        format!(
            "Round {n} ({kind}). Round 1's check code {first}, the last round's {after}; who was elected in earlier rounds is as each round's signed report says."
        )
    },
    combined_heading: |election| {
        if election {
            "Elected over all rounds"
        } else {
            "Shortlisted over all rounds"
        }
    },
    col_round: "Round",
    round_of: |n| format!("Round {n}"),
    still_open: |places, tied, election| {
        if !tied.is_empty() {
            format!("{places} places are still open: {} have equal votes and are voted on again.", tied.join(", "))
        } else if election {
            format!("{places} places are not filled yet: a further election is needed.")
        } else {
            format!("{places} places are not decided yet: a further recommendation is needed.")
        }
    },
    report_title: "Report of the results",
    test_result: "Test: the result of a rehearsal; it does not count",
    test_word: "Test",
    form_title: "Form",
    votes_of: |n| format!("{n} votes"),
    against_of: |opposed, abstained| format!("opposed {opposed}, abstained {abstained}"),
    signature: |who| format!("{who} (signature):"),
    date_of: |y, m, d| format!("{y}-{m:02}-{d:02}"),
    input_unreadable: |detail| format!("The results cannot be read: {detail} (E01)"),
    input_template: |problems| format!("The results' template has problems: {} (E02)", problems.join("; ")),
    template_error: super::template_error,
    input_shape: "The counts do not fit the template (E03)",
    announce: "Announce the results",
    close_announce: "Close the announcement",
    print_report: "Print the report",
    export_csv: "Export CSV",
    export_xlsx: "Export Excel",
    xlsx_preparing: "Making the Excel file…",
    file_saved: |name| format!("Exported: {name}"),
    failed: |why| format!("Not done: {why}"),
    results_heading: "Results",
    announce_heading: "Results",
    unit: "Unit",
    category: "Voters' category",
    date: "Date",
    template_code: "Template",
    result_code: "Result check code",
    result_code_hint:
        "This result's check code is the same in its results file, its QR code and any merge; a different one means it was changed.",
    issuer: "Issued by",
    combined: "All",
    uncategorised: "No category",
    view: "Show",
    due: "Expected",
    present: "Present",
    issued: "Issued",
    returned: "Returned",
    valid: "Valid",
    blank: "Blank",
    void: "Void",
    persons: "",
    not_entered: "not entered",
    sheets: "",
    col_rank: "Rank",
    col_name: "Name",
    col_votes: "Votes",
    col_opposed: "Opposed",
    col_abstained: "Abstained",
    col_unreadable: "Unreadable",
    col_score: "Weighted votes",
    col_rate: "Share",
    col_majority: "Majority",
    col_status: "Result",
    col_tally: "Tally",
    col_subject: "Evaluated",
    col_unrated: "Not rated",
    col_spoiled: "Several levels (void)",
    col_outside: "Blank, void or not cast",
    col_base: "Base",
    alert_mark: "⚠ alert",
    col_positive_rate: "Satisfaction",
    col_alert: "Alert",
    write_in_mark: " (write-in)",
    yes: "yes",
    no: "no",
    status_taken: "Shortlisted",
    status_tied: "Tied: vote again",
    status_not_taken: "Not shortlisted",
    status_elected: "Elected",
    status_not_elected: "Not elected",
    election_line: |contest, seats| match contest {
        crate::template::Contest::Equal => format!("Uncontested election, {seats} seats; elected with more votes than the rules ask"),
        crate::template::Contest::Competitive => {
            format!("Contested election, {seats} seats; of those with more votes than the rules ask, the most votes are elected")
        }
    },
    flags_heading: "Notes",
    corrections_heading: "Changes",
    paper_code: "This result as a QR code (signed by this device): to merge, scan or photograph it under “Merge and cross-check results → Merge”; its check code must be the one above.",
    paper_code_label: "This result as a QR code",
    correction: |figure, from, to, at| {
        let v = |n: Option<u32>| n.map_or_else(|| "not entered".to_string(), |n| n.to_string());
        let at = if at.is_empty() {
            String::new()
        } else {
            format!(" (changed {at})")
        };
        format!("{figure}: {} → {}{at}", v(from), v(to))
    },
    corrected_flag: |text| format!("Before the change: {text} (changed)"),
    no_flags: "None",
    blocking: "Does not stand",
    warning: "Note",
    signatures: ["Scrutineer", "Counter", "Reader"],
    signature_date: "Date:",
    no_ballots: "No ballots yet.",
    sources_heading: "Sources",
    source_unit: "Unit",
    sources_total: "All",
    chart_label: |title| format!("{title}: votes as bars"),
    levels_chart_label: |title| format!("{title}: each level's share"),
    section_counts: |counted, blank, void| {
        format!("{counted} counted, {blank} left this part blank, {void} void")
    },
    rate_base_is: |base| format!("Shares of the {}", base_name(base)),
    item,
    rate_of: |base, value| match value {
        Some(v) => format!("Shares of the {} {v}", base_name(base)),
        None => format!("Shares of the {} (not entered)", base_name(base)),
    },
    shortlist: |seats, take| format!("{seats} seats; the {take} with the most votes are shortlisted (more than the seats)"),
    positive_levels: |levels| format!("Satisfaction = ({}) ÷ base", levels.join(" + ")),
    base_name,
    flag,
    results_file: |parts, ext| {
        let mut all = parts.to_vec();
        all.push("results");
        crate::names::file_name(&all, ext)
    },
    kind_tablet: "tablet",
    kind_paper: "paper",
    kind_merged: "merged",
};

/// An evaluation item as the English catalogue names it, with the subject's post.
fn item(name: &str, role: &str, dimension: Option<&str>) -> String {
    let label = super::BALLOT.item_label(&crate::template::Item {
        subject: 0,
        subject_name: name,
        role,
        dimension,
    });
    if role.is_empty() {
        label
    } else {
        format!("{label} ({role})")
    }
}

fn base_name(b: Base) -> &'static str {
    match b {
        Base::Due => "voters expected",
        Base::Present => "voters present",
        Base::Issued => "ballots issued",
        Base::Returned => "ballots returned",
        Base::Valid => "valid ballots",
    }
}

fn compare_words(c: Compare) -> &'static str {
    match c {
        Compare::Above => "more than",
        Compare::AtLeast => "at least",
        Compare::Below => "less than",
        Compare::AtMost => "at most",
    }
}

fn flag(f: &Flag, sections: &[String]) -> String {
    coded(&flag_text(f, sections), f.code())
}

fn flag_text(f: &Flag, sections: &[String]) -> String {
    let title = |i: &usize| sections.get(*i).cloned().unwrap_or_default();
    match f {
        Flag::Figures(f) => super::figure_flag_text(*f),
        Flag::Source { unit, flag: f } => {
            format!("{unit}: {}", super::figure_flag_text(*f))
        }
        Flag::QuorumNotMet { present, due, rule } => format!(
            "{present} present is not {} {} of the {due} expected: the meeting is not valid.",
            compare_words(rule.compare),
            rule.share
        ),
        Flag::FigureMissing { base } => {
            format!("The {} is not entered: the rules that need it are not judged.", base_name(*base))
        }
        Flag::ZeroBase { base } => format!("The {} is 0: no share can be worked out.", base_name(*base)),
        Flag::TieAtCut {
            section,
            names,
            places,
        } => format!(
            "{}: {} have equal votes for {places} places and are voted on again.",
            title(section),
            names.join(", ")
        ),
        Flag::TooFewQualify {
            section,
            needed,
            qualified,
            election: true,
        } => format!(
            "{}: {needed} seats and only {qualified} elected; the places left need a further election.",
            title(section)
        ),
        Flag::TooFewQualify {
            section,
            needed,
            qualified,
            election: false,
        } => format!(
            "{}: {needed} to shortlist and only {qualified} qualify; a further vote is needed.",
            title(section)
        ),
        Flag::Alert {
            section,
            name,
            dimension,
            category,
            alert,
            count,
            base,
        } => {
            let item = item(name, "", dimension.as_deref());
            let who = match category {
                Some(c) => format!("{item} ({c})"),
                None => item,
            };
            format!(
                "{}: {who} has {count} votes {}, {} of {base}: {} the {} the rules set.",
                title(section),
                alert.levels.join("+"),
                crate::results::percent(u64::from(*count), u64::from(*base)).unwrap_or_default(),
                compare_words(alert.compare),
                alert.share
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Quorum, Ratio};

    #[test]
    fn flags_and_refusals_read_in_english_with_their_codes() {
        let r = |t: &str| Ratio::parse(t).expect("ratio");
        let f = Flag::QuorumNotMet {
            present: 40,
            due: 50,
            rule: Quorum {
                compare: Compare::Above,
                share: r("4/5"),
            },
        };
        assert_eq!(
            (REPORT.flag)(&f, &[]),
            "40 present is not more than 4/5 of the 50 expected: the meeting is not valid. (R01)"
        );
        assert_eq!(
            (REPORT.derive_refused)(&crate::round::DeriveRefused::NothingToDecide, &[]),
            "These results decide every place: no further round is needed. (N01)"
        );
    }
}
