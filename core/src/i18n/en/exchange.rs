//! Moving results between devices, in English (see `i18n::exchange`).

use crate::crosscheck::{CompareRefused, Figure};
use crate::exchange::{ExchangeError, Kind};
use crate::i18n::exchange::ExchangeTexts;
use crate::merge::MergeRefused;

pub static EXCHANGE: ExchangeTexts = ExchangeTexts {
    title: "Merge and cross-check results",
    lead: "Results go from device to device without a network: as a results file (WeChat, USB stick) or as QR codes.",
    tab_send: "Send results",
    tab_merge: "Merge",
    tab_check: "Cross-check",
    kind: |k| match k {
        Kind::Tablet => "Tablet voting",
        Kind::Paper => "Count read aloud",
        Kind::Merged => "Merged results",
    },
    ballots: |n| format!("{n} ballots"),
    fingerprint: |f| format!("Check code {f}"),

    local_heading: "This device's counts",
    local_none: "No count read aloud on this device yet.",
    tablet_hint: "A tablet session's results need the PIN: send them from that session's results page.",
    save_file: "Save the results file",
    show_codes: "Show QR codes",
    file_saved: |name| format!("Saved: {name}. Send it to whoever merges the results (WeChat, USB stick…)."),
    codes_heading: |unit| format!("Results as QR codes: {unit}"),
    code_of: |k, n| format!("Code {k} of {n}"),
    codes_hint: |n| {
        if n == 1 {
            "On the other device, tap “Scan a QR code” under “Merge” or “Cross-check” and point it at this code.".into()
        } else {
            format!("On the other device, tap “Scan a QR code” under “Merge” or “Cross-check” and scan all {n} codes (in any order).")
        }
    },
    previous_code: "Previous",
    next_code: "Next",
    close_codes: "Close the QR codes",

    import_file: "Import a results file",
    scan: "Scan a QR code",
    scan_progress: |have, of| format!("{have} of {of} scanned. Scan the next one."),
    scan_restarted: "This QR code is of other results: starting again with these.",
    stop_scan: "Stop scanning",
    file_unreadable: "This file cannot be read.",
    file_not_text: "This file is not text (not UTF-8): not a results file.",
    refused: |why| format!("Not imported: {why}"),

    merge_lead: "Adds up the results of tablets, branches or residential areas. The same results are never counted twice.",
    add_local: "Add to the merge",
    added: |unit, n| format!("Added to the merge: {unit} ({n} ballots)"),
    sources_heading: "Results added",
    sources_none: "No results added yet.",
    col_unit: "Unit",
    col_kind: "Source",
    col_issued: "Issued",
    col_returned: "Returned",
    col_ballots: "Ballots",
    col_check: "Check",
    check_ok: "✓ OK",
    remove: "Remove",
    removed: |unit| format!("Removed: {unit}"),
    total_row: "All",
    unit_label: "Merged unit (printed on the report)",
    unit_default: "Merged",
    save_merged: "Save the merged results file",
    merged_codes: "Show the merged results as QR codes",
    combined_heading: "Merged results",
    report_failed: "The results cannot be shown: ",

    result_code: |c| format!("Result check code {c}"),
    own_device: |c| format!("This device's code {c} (every result it sends is signed by this device)"),
    cannot_sign: "This device cannot sign (the page must be opened over https): results files and QR codes are unsigned, and the other side will see “unsigned”.",
    verifying: "Checking signatures…",
    col_code: "Result check code",
    col_device: "Sent by",
    signed_by: |c| format!("✓ device {c}"),
    unsigned: "⚠ Unsigned: the origin cannot be confirmed; compare the result check code with the signed report",
    other_device: |now, before| format!(
        "⚠ Device {now}: this unit's results came from device {before} before; please check"
    ),
    conflict_heading: "Two different results for one unit",
    conflict_lead: |unit| format!(
        "Different results came for “{unit}”, and neither is counted yet. Compare the result check codes with the signed report and choose the one that stands."
    ),
    conflict_files: |n| format!("from {n} files"),
    pick_this: "This one stands",
    picked: "Chosen",
    picked_done: |unit, code| format!("Chosen: for “{unit}”, the results with check code {code} stand."),
    unsettled: "A unit has two different results: once it is chosen which stands, the merged results can be worked out.",

    check_lead: "Two counters each enter the ballots on their own phone in the order they are read out. On one phone, choose this device's count, then import the other counter's results file or QR codes to compare ballot by ballot.",
    check_pick: "This device's count",
    check_none: "No count read aloud on this device: cross-check on a phone the ballots were entered on.",
    check_other: "The other counter's results",
    check_identical: |n| format!("The two counts are the same: {n} ballots alike one by one, and every number alike."),
    check_found: |n| format!("{n} differences found. The scrutineers take out these ballots, check them and correct before signing."),
    check_hint: "Ballots are numbered in the order read out, from 1 (entries struck out as mistakes do not count).",
    col_ballot: "Ballot",
    col_ours: "Entered here",
    col_theirs: "Entered there",
    ballot_number: |n| format!("Ballot {n}"),
    no_ballot: "(no such ballot)",
    figure_name: |f| match f {
        Figure::Due => "Expected",
        Figure::Present => "Present",
        Figure::Issued => "Issued",
        Figure::Returned => "Returned",
    },
    figure_value: |v| v.map_or_else(|| "not entered".into(), |n| n.to_string()),
    counts_of: |ours, theirs| format!("{ours} here, {theirs} there"),
    other_unit: |unit| format!("There: {unit}"),
    marked: "marked: ",
    written_in: "write-in: ",
    crossed: "marked ×: ",
    decided_for: |person| format!("→{person}"),
    nothing_marked: "no mark",
    declared_void: "void as a whole",

    ballot: &super::BALLOT,
    joins: [", ", "; ", " | "],
    ballot_line: |category, verdict, marks| {
        if category.is_empty() {
            format!("{verdict} ({marks})")
        } else {
            format!("[{category}] {verdict} ({marks})")
        }
    },
    exchange_error: |e| {
        let text = match e {
            ExchangeError::NotResults { template: true } => {
                "This is a template, not results: import it in the template library.".to_string()
            }
            ExchangeError::NotResults { template: false } => {
                "This is not a results file or QR code of this app.".into()
            }
            ExchangeError::Damaged => {
                "The contents are damaged or incomplete (the check does not match). Ask for the original file again, or show the QR codes again.".into()
            }
            ExchangeError::NewerVersion(v) => {
                format!("These results were made by a newer version of the app (version {v}): update the app first.")
            }
            ExchangeError::TooLarge => "The file is too large to be a results file.".into(),
            ExchangeError::TemplateMissing { fingerprint } => format!(
                "This device has no template with check code {fingerprint}. Import it in the template library first, or use the results file (it carries the template)."
            ),
            ExchangeError::TemplateInvalid => {
                "The file's template does not fit the results, or has problems of its own.".into()
            }
            ExchangeError::Shape => "The results do not fit the template (different items or numbers of people).".into(),
            ExchangeError::TooManyCodes(n) => {
                format!("These results need {n} QR codes, too many: send them with “Save the results file”.")
            }
            ExchangeError::OldMerged => {
                "These merged results were made by an older version of the app and their parts cannot be checked. Ask for a merge made again with the new version, or for each of the original results.".into()
            }
        };
        format!("{text} ({})", e.code())
    },
    merge_refused: |e| {
        let text = match e {
            MergeRefused::DifferentTemplate { ours, theirs } => format!(
                "These results use another template (check code {theirs}) than those added (check code {ours}): they cannot be merged."
            ),
            MergeRefused::AlreadyAdded { unit } => {
                format!("The results of “{unit}” are all in the merge already and cannot be counted again.")
            }
            MergeRefused::OtherRound { ours, theirs } => format!(
                "These are the results of round {theirs} of the same election, and those added are of round {ours}: each round is merged apart."
            ),
            MergeRefused::SignatureBroken { unit } => format!(
                "The results of “{unit}” were changed after they were signed (the signature does not match) and cannot be counted. Ask for the original file and compare the result check code with the signed report."
            ),
        };
        format!("{text} ({})", e.code())
    },
    compare_refused: |e| {
        let text = match e {
            CompareRefused::NotACount => {
                "Only counts read aloud can be cross-checked: tablet voting and merged results have no ballots one by one.".to_string()
            }
            CompareRefused::DifferentTemplate { ours, theirs } => format!(
                "The other side used another template (check code {theirs}; this device {ours}): they cannot be cross-checked."
            ),
            CompareRefused::SameCount => {
                "This is this device's own count, not another counter's.".into()
            }
        };
        format!("{text} ({})", e.code())
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_in_english_with_their_codes() {
        assert_eq!(
            (EXCHANGE.compare_refused)(&CompareRefused::SameCount),
            "This is this device's own count, not another counter's. (X22)"
        );
    }

    /// A ballot as two counters compare it: the verdict and the marks in English, the
    /// template's own words (category, names) as they are.
    #[test]
    fn a_ballot_is_described_in_english() {
        use crate::ballot::Ballot;
        use crate::template::Section;
        let tpl = crate::samples::all()
            .into_iter()
            .find(|t| matches!(t.sections().first(), Some(Section::Recommendation(_))))
            .expect("a recommendation sample");
        let Some(Section::Recommendation(s)) = tpl.sections().first() else {
            unreachable!("checked above");
        };
        let name = s.candidates[1].name.clone();
        let mut b = Ballot::empty(&tpl, Some(0));
        let _ = b.toggle_candidate(&tpl, 0, 1);
        assert_eq!(
            EXCHANGE.ballot_marks(&tpl, &b),
            format!("[{}] Valid (marked: {name})", tpl.categories()[0])
        );
        let empty = Ballot::empty(&tpl, Some(0));
        assert!(EXCHANGE.ballot_marks(&tpl, &empty).ends_with("(no mark)"));
    }
}
