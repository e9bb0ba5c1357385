//! The template studio's words in English (see `i18n::studio`). A new template made on an
//! English device starts with English titles; its printed forms stay in its own language
//! (the printed instructions here are for a template written in English).

use super::coded;
use crate::i18n::studio::StudioTexts;
use crate::share::ShareError;
use crate::template::{
    BadWriteIn, EvaluationSection, Marking, OverMarkedRule, RecommendationSection, Scheme, Section,
    TemplateSpec, Unmarked,
};

pub static STUDIO: StudioTexts = StudioTexts {
    loading: "Reading the template library…",
    dismiss: "Got it",
    cancel: "Cancel",
    kind_evaluation: "Evaluation",
    kind_recommendation: "Recommendation",
    kind_election: "Election",
    fingerprint_label: "Check code",
    fingerprint_pending: "made once every problem is fixed",
    fingerprint_hint: "The same check code in every residential area means the same form. It can be compared by phone.",
    back_to_library: "Back to the library",

    library_title: "Template library",
    library_lead: "The street office makes the templates and sends them to the residential areas, which import them and fill in their own names.",
    new_template_button: "New template",
    import_file: "Import a template file",
    paste_link_label: "A template link you received (paste it here)",
    open_link: "Open the link",
    library_damaged: |n| format!("{n} template records are damaged and cannot be read; the other templates are unaffected."),
    printed_title: |title| format!("Printed title: {title}"),
    badge_builtin: "Built-in sample",
    badge_frozen: "Has votes (locked)",
    draft_problems: |n| format!("Draft: {n} problems; it cannot be voted with until they are fixed"),
    edit: "Edit",
    copy: "Copy",
    share: "Share",
    print_blank: "Print blank forms",
    rename: "Rename",
    delete: "Delete",
    copy_suffix: |n| if n == 1 { " (copy)".into() } else { format!(" (copy {n})") },
    new_version_suffix: |n| {
        if n == 1 {
            " (new version)".into()
        } else {
            format!(" (new version {n})")
        }
    },
    imported_suffix: |n| if n == 1 { " (imported)".into() } else { format!(" (imported {n})") },

    delete_title: "Delete the template?",
    delete_body: |name| {
        format!("“{name}” will be deleted from this device's library. Votes and counts made with it are unaffected.")
    },
    discard_title: "Discard the changes?",
    discard_body: "Changes not saved will be lost.",
    discard: "Discard the changes",
    rename_title: "Rename the template",
    field_name: "Template name (shown only in this device's library)",
    saved: |name| format!("Saved: {name}"),
    saved_draft: |name| format!("Saved as a draft: {name}. It can be voted and counted with once every problem is fixed."),
    deleted: |name| format!("Deleted: {name}"),
    imported: |name| format!("Imported: {name}"),

    new_title: "New template",
    edit_title: "Edit the template",
    frozen_note: "This template is a built-in sample or has votes, so it cannot be changed. Saving keeps it as it is and saves a new version.",
    name_hint: "If empty, the printed title.",
    basics_legend: "The form",
    title_label: "Printed title",
    issuer_label: "Issued by",
    notes_label: "Notes (printed under the title)",
    marking_legend: "Marking",
    symbol_label: |s| format!("Mark “{s}” to agree or choose"),
    unmarked_legend: "A listed name left unmarked is:",
    unmarked_not_recommended: "not recommended (not agreed)",
    unmarked_abstain: "an abstention",
    scheme_legend: "Opinions on each name:",
    scheme_label: |s| match s {
        Scheme::AgreeOnly => "Mark only those agreed (as on most recommendation ballots)",
        Scheme::AgreeOppose => "Agree, oppose or abstain: ○ (or √) to agree, × to oppose, no mark to abstain",
        Scheme::Inverted => "Inverted: no mark to agree, × to oppose, ○ (or √) to abstain",
    },
    categories_legend: "Voter categories",
    categories_hint: "Categories counted apart, such as party members and residents' representatives. May be left empty.",
    category_n: |i| format!("Category {i}"),
    add_category: "Add a category",
    section_heading: |i, kind| format!("Part {i}: {kind}"),
    section_title_label: "Part title",
    names_heading: "Names",
    name_n: |i| format!("Name {i}"),
    note_label: "Note (to tell people of the same name apart)",
    add_name: "Add a name",
    sort_strokes: "Sort by surname strokes",
    sort_strokes_hint: "Fewest strokes of the surname first; equal strokes are decided by the next character.",
    bulk_label: "Add many (one name a line, or separated by 、)",
    bulk_add: "Add at the end of the list",
    max_marks_label: "Most that can be recommended",
    seats_label: "Seats (the most agreed on one ballot)",
    contest_legend: "Kind of election",
    contest_equal: "Uncontested: as many candidates as seats (as for a secretary)",
    contest_competitive: "Contested: more candidates than seats (at least a fifth more, and at least one; the rules can change it)",
    write_in_slots_label: "Write-in cells",
    repeat_listed_label: "A write-in may name a listed person (counted for them)",
    over_marked_legend: "When more are recommended than allowed",
    needs_mark_label: "A written name counts only with the agree mark under it",
    after_oppose_label: "Write-ins only after a × (oppose) against a listed person, and no more write-ins than ×",
    bad_write_in_legend: "When a write-in breaks the rules above",
    bad_write_in_entry: "only that cell does not count",
    bad_write_in_ballot: "the whole ballot is void",
    over_void_ballot: "the whole ballot is void (the usual rule)",
    over_void_section: "only this part is void",
    subjects_heading: "People evaluated",
    subject_n: |i| format!("Person evaluated {i}"),
    role_label: "Post",
    dimensions_summary: |n| {
        if n == 0 {
            "Aspects (if none, one overall rating)".into()
        } else {
            format!("Aspects ({n})")
        }
    },
    dimension_n: |i| format!("Aspect {i}"),
    add_dimension: "Add an aspect",
    add_subject: "Add a person evaluated",
    levels_heading: "Levels",
    levels_hint: "From best to worst, such as satisfied, fairly satisfied, dissatisfied; “don't know” may be added.",
    level_n: |i| format!("Level {i}"),
    add_level: "Add a level",
    section_rules_heading: "Counting rules (optional)",
    rules_example_election: "For example: elected with more than half the voters present (the default); a residents' committee may use more than half of those who voted; a fifth more candidates, at least one (the default).",
    rules_example_recommendation: "For example: 5 seats; a fifth more (6 shortlisted for 5 seats); more than 1/2 of the voters present. Left empty: a fifth more, at least one, shares of the valid ballots.",
    rules_example_evaluation: "For example: alert: dissatisfied above 1/3; levels in the satisfaction rate: satisfied, fairly satisfied; levels outside the base: don't know.",
    rules_example_template: "For example: a valid meeting needs more than 4/5 of the voters expected present (the default); each category's weight: 7/10 3/10.",
    template_rules_legend: "Counting rules of the whole form (optional)",
    rule_n: |i| format!("Rule {i}"),
    add_rule: "Add a rule",
    rule_kind_label: "Rule",
    rule_kind: |key| match key {
        "quorum" => "Voters present for a valid meeting",
        "weights" => "Each category's weight",
        "seats" => "Seats",
        "extra" => "Extra candidates (share)",
        "extra_min" => "Fewest extra candidates",
        "majority" => "Votes needed (majority)",
        "further" => "Votes needed in a further election",
        "rate_base" => "Base of the shares",
        "positive" => "Levels in the satisfaction rate",
        "exclude" => "Levels outside the base",
        "alert" => "Alert",
        "alert_scope" => "What an alert is judged on",
        _ => "Other (write the rule's text)",
    },
    rule_choose: "Choose a rule",
    rule_text_label: "Rule text",
    rule_number_label: |key| match key {
        "seats" => "Seats (such as 5)",
        _ => "Fewest extra candidates (such as 1)",
    },
    rule_share_label: "Share (such as 1/2, 4/5, 0.8)",
    rule_compare_label: "Compare",
    rule_compare: |c| match c {
        crate::rules::Compare::Above => "more than",
        crate::rules::Compare::AtLeast => "at least",
        crate::rules::Compare::Below => "less than",
        crate::rules::Compare::AtMost => "at most",
    },
    rule_base_label: "Base",
    rule_base: |b| match b {
        crate::rules::Base::Due => "voters expected",
        crate::rules::Base::Present => "voters present",
        crate::rules::Base::Issued => "ballots issued",
        crate::rules::Base::Returned => "ballots returned",
        crate::rules::Base::Valid => "valid ballots",
    },
    rule_levels_label: "Levels",
    rule_scope_label: "Judged on",
    rule_scope: |s| match s {
        crate::rules::Scope::Combined => "all categories together",
        crate::rules::Scope::EachCategory => "each category apart",
    },
    rule_quorum_none: "No condition for a valid meeting",
    rule_majority_none: "No votes needed (the most votes are elected, as in a second vote)",
    summary_round: |n, first| format!("Round {n}, after “{first}”"),
    summary_taken: |entry| {
        let kind = match entry.kind {
            crate::template::RoundKind::Revote => "a second vote",
            crate::template::RoundKind::Further => "a further election",
        };
        let names: Vec<&str> = entry.taken.iter().map(|x| x.name.as_str()).collect();
        if names.is_empty() {
            format!("This round: {kind}")
        } else {
            format!("This round: {kind}; elected in earlier rounds: {}", names.join(", "))
        }
    },
    rule_weights_label: "Weights (in the categories' order, separated by spaces, such as 7/10 3/10)",
    add_recommendation: "Add a recommendation part",
    add_election: "Add an election part",
    new_election,
    add_evaluation: "Add an evaluation part",
    move_up: |what| format!("Move up: {what}"),
    move_down: |what| format!("Move down: {what}"),
    remove_item: |what| format!("Delete: {what}"),
    save: "Save",
    save_new_version: "Save as a new version",
    preview_title: "What voters see",
    preview_inactive: "Once every problem is fixed, the form can be tried here.",
    template_problem: super::template_problem,
    template_error: super::template_error,
    new_template: || {
        let mut spec = TemplateSpec::new("Recommendation ballot", "Street office");
        spec.sections.push(new_recommendation());
        spec
    },
    new_recommendation,
    new_evaluation: || {
        Section::Evaluation(EvaluationSection {
            title: "Evaluation".into(),
            subjects: vec![crate::template::Subject {
                name: "The committee as a whole".into(),
                ..Default::default()
            }],
            levels: vec![
                "Satisfied".into(),
                "Fairly satisfied".into(),
                "Dissatisfied".into(),
            ],
            rules: Vec::new(),
        })
    },

    share_title: |name| format!("Share the template: {name}"),
    share_file_heading: "Template file",
    share_file_hint: "Send it by WeChat, e-mail or USB stick; the residential area chooses “Import a template file” in its library.",
    download_file: "Download the template file",
    file_name: |name| format!("{name}.json"),
    file_saved: |name| format!("File saved: {name}"),
    file_not_saved: "The file was not saved: please try again.",
    share_link_heading: "Template link",
    link_label: "Link (open it on another device to import)",
    copy_link: "Copy the link",
    link_copied: "Link copied.",
    link_not_copied: "This browser does not allow copying: press and hold the link to copy it.",
    share_qr_heading: "QR code",
    qr_label: |name| format!("QR code of the template “{name}”"),
    qr_hint: "Scan it with another phone's or tablet's camera and open the link to import.",
    qr_too_large: |len, max| {
        format!("The template is large (a link of {len} characters, more than {max}): its QR code would not scan reliably; send the template file.")
    },

    import_title: "Import a template",
    import_refused_title: "Cannot import",
    import_refused_hint: "Nothing in this device's library has changed.",
    import_refused_file_hint: "Ask the sender to send the template file again.",
    from_file: "From a template file",
    from_link: "From a template link",
    file_unreadable: "The file cannot be read: not a valid template file (T01)",
    file_not_text: "This file is not text (not UTF-8): not a valid template file (T01)",
    import_preview: "The template to import",
    summary_election: |title, names, seats, contest| {
        let how = match contest {
            crate::template::Contest::Equal => "uncontested",
            crate::template::Contest::Competitive => "contested",
        };
        format!("{title}: {how} election, {names} candidates, {seats} seats")
    },
    summary_recommendation: |title, names, max, slots| {
        let slots = if slots > 0 {
            format!(", {slots} write-in cells")
        } else {
            String::new()
        };
        format!("{title}: {names} names, at most {max} recommended{slots}")
    },
    summary_evaluation: |title, subjects, levels| {
        format!("{title}: {subjects} people evaluated, levels {}", levels.join("/"))
    },
    summary_categories: |c| format!("Voter categories: {}", c.join(", ")),
    summary_names: |n| format!("Names: {}", n.join(", ")),
    import_compare_hint: "Compare the check code with the sender's.",
    import_already_there: |name| format!("This device has this template already (the same check code): {name}. Nothing to import."),
    import_same_title: |name| {
        format!("This device has a template of the same name with different contents, “{name}”. Their check codes:")
    },
    import_local: "This device's",
    import_incoming: "To import",
    import_keep_both: "Keep both (save as a new template)",
    import_replace: "Replace this device's with the imported one",
    import_no_replace: "This device's is a built-in sample or has votes: it cannot be replaced, only both kept.",
    import_confirm: "Import",
    share_error,

    scan_button: "Scan a QR code",
    scan_title: "Scan a template's QR code",
    scan_hint: "Open “Share” on the other device and hold its QR code to this device's camera; or choose a photo of the QR code.",
    camera_label: "Camera view",
    camera_start: "Scan with the camera",
    camera_stop: "Turn off the camera",
    camera_starting: "Opening the camera…",
    camera_scanning: "Scanning: put the QR code in the middle of the view.",
    camera_failed: |why| format!("The camera cannot be opened ({why}). Allow the app to use the camera, or use a photo."),
    scan_photo: "Read a QR code from a photo",
    scan_reading: "Reading the photo…",
    photo_unreadable: "This file is not a picture that can be read: choose another photo.",
    no_code_in_photo: "No QR code was found in the photo. Take the whole code clearly and try again, or use the template file.",
    scan_failed: |why| format!("The QR code reader did not load ({why}): use the file."),

    print_title: |name| format!("Print blank forms: {name}"),
    per_page_legend: "On each A4 sheet",
    per_page: |n| format!("{n} forms"),
    per_page_too_long: " (the list is too long to fit)",
    print_hint: "The number of copies is set in the print dialog. No number or mark is printed on the forms.",
    print: "Print",
    print_preview: "Print preview",
    readable_sheet: "Machine-readable sheet (for counting with a phone's camera, one a page)",
    readable_too_long: "More than one page: no machine-readable sheet can be printed",
    readable_hint: "The black squares in the corners and the row of small squares at the top only name this template: every sheet is the same and carries no number. Print on A4 at 100%, without scaling.",
    deck_sheets: "Test ballots (machine-readable, marked as the test deck says, one a page, for a rehearsal)",
    deck_hint: "Test ballots are for rehearsing a count: choose “Test mode” for a new count, read out or photograph the test ballots, then compare one by one. Each says “Test ballot” and is not a ballot: collect and destroy them after the rehearsal. The last of the list (a void ballot) is not printed: scribble on a blank form instead.",
    deck_stamp: "Test ballot · for rehearsal · not a ballot",
    readable_footer: |fp, version| format!("Check code {fp} · machine-readable sheet {version}"),
    paper_recommendation,
    paper_evaluation: |symbol| {
        let s = symbol.glyph();
        format!("For each item, mark “{s}” in the box under one level; one mark per item, or the item is void.")
    },
    paper_subject: "Evaluated",
    paper_write_in: "Write-in",
};

use crate::i18n::studio::names_section;

fn new_election() -> Section {
    names_section(
        "Committee members",
        Some(crate::template::Contest::Competitive),
    )
}

fn new_recommendation() -> Section {
    names_section("Candidates (first list)", None)
}

fn share_error(e: &ShareError) -> String {
    let text = match e {
        ShareError::NotALink => "This is not a template link of this app.".to_string(),
        ShareError::Damaged => "The link is damaged or incomplete: ask the sender to send it again, or use the template file.".to_string(),
        ShareError::TooLarge => "The link holds more than a template file may: refused.".to_string(),
        ShareError::Invalid(errors) => {
            let list: Vec<String> = errors.iter().map(super::template_error).collect();
            format!("The link's template has problems: {}", list.join("; "))
        }
    };
    coded(&text, e.code())
}

/// The printed instructions of a recommendation section, from its rules and the marking.
fn paper_recommendation(r: &RecommendationSection, marking: Marking) -> String {
    let s = marking.symbol.glyph();
    let mut out = match marking.scheme {
        Scheme::Inverted => {
            format!("Leave those you agree to unmarked, mark “×” in the box under the name to oppose and “{s}” to abstain.")
        }
        _ => format!("Mark “{s}” in the box under the names you agree to"),
    };
    out.push_str(match (marking.scheme, marking.unmarked) {
        (Scheme::Inverted, _) => "",
        (Scheme::AgreeOppose, _) => ", “×” to oppose, and no mark to abstain.",
        (_, Unmarked::NotRecommended) => "; leave the others unmarked.",
        (_, Unmarked::Abstain) => "; an unmarked name is an abstention.",
    });
    if r.write_in_slots > 0 {
        if r.write_in_after_oppose {
            out.push_str(" Write someone in only after marking “×” against a listed person, and no more write-ins than “×”.");
        }
        out.push_str(&match marking.scheme {
            Scheme::Inverted => {
                " To vote for someone else, write the name in a “write-in” cell and leave the box under it unmarked.".to_string()
            }
            _ => format!(" To vote for someone else, write the name in a “write-in” cell and mark “{s}” in the box under it."),
        });
        let needs_mark = r.write_in_needs_mark && marking.scheme != Scheme::Inverted;
        if needs_mark || r.write_in_after_oppose {
            out.push_str(match r.bad_write_in {
                BadWriteIn::VoidEntry => " A write-in that does not is not counted.",
                BadWriteIn::VoidBallot => " If not, the whole ballot is void.",
            });
        }
    }
    if r.election.is_some() {
        out.push_str(&format!(" Agree to at most {} (the seats)", r.max_marks));
    } else {
        out.push_str(&format!(" Recommend at most {}", r.max_marks));
    }
    out.push_str(match r.over_marked {
        OverMarkedRule::VoidBallot => "; a ballot with more is void.",
        OverMarkedRule::VoidSection => "; with more, this part is void.",
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_templates_and_sections_start_valid() {
        (STUDIO.new_template)()
            .check()
            .expect("a write-in-only slip");
        let mut spec = (STUDIO.new_template)();
        spec.sections.push((STUDIO.new_evaluation)());
        if let Section::Recommendation(r) = &mut spec.sections[0] {
            r.candidates.push(crate::template::Candidate {
                name: "Jane Li".into(),
                note: String::new(),
            });
        }
        spec.check().expect("valid once a name is added");
    }

    #[test]
    fn link_errors_read_in_english_with_their_codes() {
        assert_eq!(
            (STUDIO.share_error)(&ShareError::NotALink),
            "This is not a template link of this app. (L01)"
        );
    }
}
