//! English catalogue (issue 24: for people who read no Chinese, chosen per device).
//!
//! Words of the meeting, kept the same everywhere: 场次 a *voting session*, 计票 a *count*,
//! 发出/收回 *issued*/*returned* ballots, 应到/实到 *expected*/*present* voters, 居民区 a
//! *residential area*, 支部 a *branch*, 模板校验码 a *check code*, 工作人员密码 the *staff
//! PIN*. The ballot itself (its title, names, levels) is the template's and stays in its
//! language.
//!
//! Reached only through `Lang::En(&CATALOGUES)` (see `Lang`).

#[cfg(feature = "exchange")]
pub mod data;
#[cfg(feature = "exchange")]
pub mod exchange;
pub mod report;
pub mod studio;

use super::ballot::BallotTexts;
use super::Texts;
use crate::ballot::{DeclaredVoid, MarkRefused};
use crate::check::{VoidReason, WriteInFault};
use crate::count::{BallotStep, CountOp, CountRefused};
use crate::error::{Field, Segment, TemplateError, TemplateErrorKind};
use crate::figures::FigureFlag;
use crate::form::SessionError;
use crate::omr::propose::Doubt;
use crate::omr::read::Mark;
use crate::omr::seen::NotSeen;
use crate::session::EventKind;
use crate::template::{MarkSymbol, Vote};

/// Every English catalogue: what `Lang::En` holds.
pub static CATALOGUES: super::Catalogues = super::Catalogues {
    texts: &TEXTS,
    ballot: &BALLOT,
    report: &report::REPORT,
    studio: &studio::STUDIO,
    #[cfg(feature = "exchange")]
    data: &data::DATA,
    #[cfg(feature = "exchange")]
    exchange: &exchange::EXCHANGE,
};

pub static TEXTS: Texts = Texts {
    app_title: "Evaluation & Recommendation Helper",
    template_header: |issuer, fp| format!("{issuer} · check code {fp}"),
    app_tagline: "Evaluation forms · recommendation ballots · counting, offline",
    back_home: "Back to home",

    loading: "Reading the data saved on this device…",
    confirm: "OK",
    cancel: "Cancel",

    store_unavailable_title: "This device's storage cannot be used",
    store_unavailable: "This browser cannot save data (perhaps private mode, or storage is turned off). Open the app in a normal window, or ballots cannot be saved.",
    store_full: "The device's storage is full: nothing was saved. Free some space and try again; what was saved before is unaffected.",
    store_failed: "Saving failed. Please try again; what was saved before is unaffected.",
    store_elsewhere: "Not saved: this session or count is open in another window of this device and can be used only there. What was saved before is unaffected.",
    store_changed: "Not saved: this session or count was just changed in another window (closed, deleted or added to). What was saved is unaffected; this window has read it again: check it before you go on.",
    elsewhere_title: "Open in another window",
    elsewhere_body: "This session or count is in use in another window (or tab) of this device. So that two places never record at once, it cannot be used here. Go back to that window; once it is closed or has moved on, this one opens it by itself.",
    opening: "Opening…",
    sessions_heading: "Voting sessions",
    new_session: "New session",
    no_sessions: "No voting session on this device yet. Create one: choose the form, enter the residential area, set a staff PIN.",
    status_open: "Open",
    status_closed: "Closed",
    status_uncertain: "Status to confirm",
    uncertain_body: "A record of this session's log is damaged: it is not known whether voting was closed or how many ballots were issued. Until that is confirmed, nobody can vote or see the results. Check the meeting's paper records, enter the number issued below, then choose:",
    decide_closed: "Confirm: voting is closed",
    decide_open: "Confirm: voting is still open",
    pin_decide_title: "Confirm this session's status",
    pin_decide_body: |closed, issued| format!(
        "Confirm that {}, with {} issued. This decision goes into the log.",
        if closed { "voting is closed" } else { "voting is still open" },
        issued.map_or("no number of ballots".to_string(), |n| format!("{n} ballots"))
    ),
    turnout: |t| match t.issued {
        Some(issued) => format!("{} voted / {issued} issued", t.filled),
        None => format!("{} voted (number issued not entered)", t.filled),
    },
    voters_choose: "Voters choose their category",
    start_voting: "Start voting",
    manage: "Manage",
    failures_alert: |n| format!("Note: {n} ballots of this session were not saved (a storage error). Check, and let those voters vote again."),
    kind_evaluation: "Evaluation",
    kind_recommendation: "Recommendation",
    kind_election: "Election",

    new_session_heading: "New voting session",
    field_template: "Form",
    field_area: "Residential area",
    field_branch: "Branch (optional)",
    field_category: "Voters' category in this session",
    field_issued: "Ballots issued (may be left empty for now)",
    field_idle: "Clear an unsubmitted ballot after this many idle minutes (3 if empty)",
    field_pin: "Staff PIN (6–12 digits)",
    field_pin_repeat: "The PIN again",
    pin_hint: "The PIN is needed to close voting, see the results, change or delete anything and leave the voter screen. Remember it: it cannot be recovered.",
    pin_unavailable: "This browser cannot handle the PIN: open the app from an https address (or this device's own address).",
    count_pin_hint: "The PIN is needed to delete this count. Remember it: it cannot be recovered.",
    create_session: "Create session",
    session_error,

    back_to_session: "Back to the session",
    opened_at: |time| format!("Created {time}"),
    log_heading: "Log",
    event_text: |e| match e {
        EventKind::Closed => "Voting closed".into(),
        EventKind::Reopened => "Voting reopened".into(),
        EventKind::IssuedSet { issued: Some(n) } => format!("Ballots issued set to {n}"),
        EventKind::IssuedSet { issued: None } => "Ballots issued set to not entered".into(),
        EventKind::AttendanceSet { due, present } => {
            format!("Expected and present set to: {}", attendance(*due, *present))
        }
        EventKind::Decided { closed, issued } => format!(
            "Confirmed by staff after a damaged record: {}, ballots issued {}",
            if *closed { "voting is closed" } else { "voting is still open" },
            issued.map_or("not entered".to_string(), |n| n.to_string())
        ),
        EventKind::Deleted => "Session deleted (kept 30 days; it can be restored under “Data and backup”)".into(),
        EventKind::Undeleted => "Deleted session restored".into(),
    },
    close_session: "Close voting",
    reopen_session: "Reopen voting",
    view_results: "See the results",
    results_after_close: "The results can be seen once voting is closed.",
    set_issued: "Change ballots issued",
    set_attendance: "Expected and present",
    attendance_hint: "As on a paper count; the results judge by the template's rules whether the meeting was valid. May be left empty and changed later with the PIN.",
    delete_session: "Delete session",

    pin_label: "Staff PIN",
    pin_wrong: |n| format!("Wrong PIN, please try again. {n} wrong in a row on this device; after every 5 there is a wait."),
    pin_locked: |n, minutes| format!("Too many wrong PINs: try again in {minutes} minutes. {n} wrong in a row on this device."),
    pin_wrong_before: |n| format!("Note: before this right PIN, the staff PIN was entered wrongly {n} times on this device. If that was not the staff, someone may be guessing."),
    pin_checking: "Checking…",
    close_not_stored: |n| format!("The device's storage is full: “Close voting” is not saved yet. The results below count the {n} ballots this device has saved (no new ballot can be saved while it is full). Free some space, then tap “Save the closing”; until then, the session shows as open when the app is opened again."),
    store_close: "Save the closing",
    count_damaged: |n| format!("{n} records of this count are damaged or unusable (left out): the numbers below may differ from the paper. Check them against the paper ballots one by one, and count again if needed."),
    idle_title: "Still voting?",
    idle_body: "Nothing has been done on this ballot for a while. If you are still voting, tap “Continue voting”; with no answer within a minute, this unsubmitted ballot is cleared and not submitted.",
    idle_continue: "Continue voting",
    pin_leave_title: "Staff",
    pin_leave_body: "Enter the PIN to leave the voter screen for the session's page.",
    pin_results_title: "See the results",
    pin_close_body: |n| format!("Once closed, this session takes no more ballots ({n} cast); then the results are shown."),
    pin_reopen_body: "Reopened, voting can go on; this goes into the log.",
    pin_issued_body: |n| match n {
        Some(n) => format!("Ballots issued set to {n}, in the log."),
        None => "Ballots issued set to not entered, in the log.".into(),
    },
    pin_attendance_body: |due, present| {
        format!("Expected and present set to: {}. In the log.", attendance(due, present))
    },
    pin_delete_body: |n| format!("This session and its {n} ballots will be deleted. They are kept 30 days and can be restored under “Data and backup”, with the log."),

    dismiss: "Got it",
    results_heading: "Results",
    totals: |total, valid, blank, void| {
        format!("{total} in all: {valid} valid, {blank} blank, {void} void")
    },
    pages_failed: "This page could not open: this part of the app is not on this device yet (the first use needs the network). What was saved is unaffected.",
    pages_retry: "Load this page again",
    records_need_pages: "The votes and counts saved here can be shown once the rest of the app is on this device (it needs the network once). What was saved is unaffected.",
    reload_app: "Reload",
    report_failed: "The results cannot be shown: ",
    studio_failed: "The template library cannot open: ",
    templates_button: "Templates",
    exchange_button: "Merge and cross-check results",
    send_results: "Send or merge these results",

    storage_damaged: |n| {
        format!("{n} saved records are damaged or unusable and were left out; the others are unaffected.")
    },
    card_unread: "Numbers shown once opened",
    checkpoint_disagreed: "For the session or count just opened, the totals saved on this device disagreed with its records one by one (a record may be damaged or changed). It has been added up again from the records, and every page and result goes by them.",
    data_button: "Data and backup",
    large_mode: "Large text",
    data_details: "See which ones",
    persistent_yes: "The browser has agreed to keep this device's data.",
    persistent_no: "The browser has not agreed to keep this device's data: clearing the browser's data, low space or long disuse may delete it. Back up after every meeting.",
    update_ready: "A new version is downloaded; updating changes none of this device's records.",
    update_now: "Update now",

    counts_heading: "Paper ballot counts",
    new_count: "New count",
    no_counts: "No count on this device yet. As ballots are read aloud, a counter enters each paper ballot on a phone, and each is checked.",
    continue_count: "Continue counting",
    test_badge: "Test",
    new_count_heading: "New count (paper ballots)",
    new_count_hint: "Numbers of voters and ballots may be left empty and entered or corrected during the count.",
    field_count_category: "These ballots' voters' category",
    field_due: "Voters expected",
    field_present: "Voters present",
    field_issued_paper: "Ballots issued",
    field_returned: "Ballots returned",
    create_count: "Start counting",
    count_progress: |n, returned| match returned {
        Some(r) => format!("{n} entered / {r} returned"),
        None => format!("{n} entered (number returned not entered)"),
    },
    all_entered: |n| format!("All {n} returned ballots are entered."),

    ask_delete_body: |n| format!("This count and its {n} entered ballots will be deleted. They are kept 30 days and can be restored under “Data and backup”, with the count's log."),
    delete_count: "Delete this count",
    figure_flag,
};

pub static BALLOT: BallotTexts = BallotTexts {
    choose_category: "First choose your category",
    change_category: "Change category",
    your_category: |c| format!("Category: {c}"),
    evaluation_instructions: |symbol| {
        format!(
            "Tap one level for each person or subject evaluated (on paper, mark {symbol} in its column); one level per item."
        )
    },
    election_instructions: |max, symbol| {
        format!("Tap the people you vote for (on paper, mark {symbol} in the box under the name), at most {max}. To vote for someone not listed, write the name in a “write-in” cell.")
    },
    recommendation_instructions: |max, symbol| {
        format!("Tap the people you recommend (on paper, mark {symbol} in the box under the name), at most {max}. To recommend someone not listed, write the name in a “write-in” cell.")
    },
    selected_count: |k, n| format!("{k} of {n} chosen"),
    choice_instructions: |max, inverted, symbol| {
        let paper = if inverted {
            format!("on paper: no mark to agree, × to oppose, {symbol} to abstain")
        } else {
            format!("on paper: {symbol} to agree, × to oppose, no mark to abstain")
        };
        format!("For each person, tap “Agree”, “Oppose” or “Abstain” ({paper}); at most {max} agreed. To agree to someone not listed, write the name in a “write-in” cell.")
    },
    vote_name: |v| match v {
        Vote::Agree => "Agree",
        Vote::Oppose => "Oppose",
        Vote::Abstain => "Abstain",
    },
    agreed_count: |k, n| format!("{k} of {n} agreed"),
    write_in_label: |i| format!("Write-in {i}"),
    write_in_placeholder: "Write a name",
    dimension_of: |subject, dimension| format!("{subject} · {dimension}"),
    submit: "Submit",
    saving: "Saving…",
    staff: "Staff",
    voice_reading: "Read aloud",
    voice_none: "Read aloud: this device has no Chinese voice",
    voice_chosen: "chosen",
    voice_unchosen: "not chosen",
    voice_on: "on",
    voice_off: "off",
    review_title: "Please check your choices",
    review_recommended: |k, n| format!("{k} recommended (at most {n})"),
    review_agreed: |k, n| format!("{k} agreed (at most {n})"),
    review_opposed: |k| format!("{k} opposed"),
    review_abstained: |k| format!("{k} abstained"),
    review_nobody: "Nobody recommended",
    review_write_ins: "write-in",
    review_unrated: "Not rated (abstain)",
    blank_warning: "This is a blank ballot: you have not given any opinion. A blank ballot is counted too, as an abstention.",
    unrated_warning: |items| {
        format!(
            "{} items have no level and will count as abstentions: {}.",
            items.len(),
            items.join(", ")
        )
    },
    confirm_submit: "Confirm and submit",
    confirm_blank: "Submit a blank ballot",
    back_to_edit: "Back to change",
    recorded_title: "Voted. Please hand the tablet to the next voter",
    recorded_next: "Next voter",
    not_recorded_title: "Not saved!",
    not_recorded_body:
        "This ballot was not recorded (a storage error on the device). Please tell the staff. Your choices are still here and you can submit again; ballots already recorded are unaffected.",
    mark_refused,

    tab_entry: "Entry",
    tab_board: "Board",
    tab_list: |n| format!("Entered {n}"),
    tab_figures: "Voters & ballots",
    entering: |n| format!("Ballot {n}"),
    correcting: |n| format!("Correcting ballot {n}"),
    saved_step: |s| match s {
        BallotStep::Added(n) => format!("Ballot {n} saved"),
        BallotStep::Corrected(n) => format!("Ballot {n} corrected"),
        BallotStep::Struck(n) => format!("Ballot {n} struck out"),
        BallotStep::Restored(n) => format!("Ballot {n} restored"),
    },
    cancel_correction: "Cancel the correction",
    paper_marked: |k, max| format!("{k} chosen on this ballot ({max} to recommend)"),
    paper_marked_seats: |k, max| format!("{k} chosen on this ballot ({max} seats)"),
    paper_marked_three: |k, against, max| {
        format!("{k} agreed and {against} opposed on this ballot (at most {max} agreed)")
    },
    pad_box_label: |name, mark| format!("{name} marked {mark}"),
    write_in_suggestions: "Names written before (tap to fill in):",
    write_in_not_counted: |why| format!("This cell does not count: {why}"),
    review_not_counted: |names| {
        let names: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
        format!("{} written in the write-in cells will not count on this ballot (the reason is under the cell). To change it, tap “Back to change”.", names.join(", "))
    },
    fill_in: |name| format!("Fill in {name}"),
    next_ballot: "Next ballot",
    save_correction: "Save the correction",
    blank_ballot: "Blank",
    unmarked_ballot: "No mark",
    void_ballot: "Void",
    void_reason_prompt: "Why is this ballot void?",
    void_reason: |r| match r {
        DeclaredVoid::Unreadable => "Unreadable",
        DeclaredVoid::NonStandardMark => "Marks not as prescribed",
        DeclaredVoid::Other => "Other",
    },
    clear_ballot: "Clear this ballot",
    undo_last: "Strike out the last ballot",
    not_saved: |why| format!("This ballot was not saved: {why}"),
    camera_start: "Count by camera",
    camera_stop: "Turn off the camera",
    camera_photo: "Choose a photo of a ballot",
    camera_view: "Camera view",
    camera_picture: "The ballot as read (green box: marked; blue box: blank; dashed orange box: to decide)",
    camera_starting: "Opening the camera…",
    camera_failed: |why| format!("The camera cannot be opened: {why}. Choose a photo of the ballot instead, or tap the marks below."),
    camera_unavailable: |why| format!("The ballot reader did not load: {why}. Tap the marks below."),
    camera_not_photo: "This file is not a photo and cannot be read.",
    camera_not_seen: |n| match n {
        NotSeen::NoSheet => "Lay the whole ballot flat under the camera, with all four black corner squares in view.",
        NotSeen::NoCode => "The code strip at the top of the ballot is not clear: hold still and avoid glare.",
        NotSeen::OtherSheet => "This is not a ballot of this count (it is of another form).",
        NotSeen::TestSheet => "This is a test ballot (for rehearsal) and cannot be entered in a real count. Take it away.",
        NotSeen::NoLayout => "This form has no machine-readable sheet and cannot be counted by camera: tap the marks.",
    },
    camera_hold: "Ballot found, hold still…",
    camera_next: "This one is entered. Take it away and show the next ballot.",
    camera_busy: "This ballot already has marks tapped: tap “Next ballot” to enter it, or “Clear this ballot” and take the photo again.",
    camera_done: "Read: check the marks below against the ballot, then tap “Next ballot”.",
    decide_heading: |n| format!("For the counter to decide ({n})"),
    decide_box: |what, mark, doubt, symbol| {
        let seen = match mark {
            Mark::Blank => "blank",
            Mark::Circle => "○",
            Mark::Cross => "×",
            Mark::Check => "√",
            Mark::Filled => "filled in",
        };
        match doubt {
            Doubt::Unsure => format!("{what}: unclear, looks like “{seen}”; check the picture."),
            Doubt::NotOfForm => format!(
                "{what}: read “{seen}”, which is not this form's mark ({}); check the picture. A mark not as prescribed is entered as the rules say, or the ballot is void.",
                if symbol == MarkSymbol::Tick { "√" } else { "○" }
            ),
        }
    },
    decide_choice: |marks, symbol| match marks {
        (true, false) => format!("“{}”", symbol.glyph()),
        (false, true) => "“×”".into(),
        (false, false) => "No mark".into(),
        (true, true) => format!("Both “{}” and “×”", symbol.glyph()),
    },
    decide_name: |slot| format!("Something is written in write-in cell {}: type the name as the picture shows (leave it empty if it cannot be read), then confirm.", slot + 1),
    decide_name_ok: "Name typed as in the picture",
    write_in_box: |slot| format!("The box of write-in cell {}", slot + 1),
    write_in_cell: |slot| format!("Write-in cell {}", slot + 1),
    decide_fill: |slot, name| format!("Fill “{name}” into write-in cell {}", slot + 1),
    decide_image: |what| format!("{what}: part of the ballot's photo (enlarged)"),
    test_mode_option: "Test mode: rehearse counting with test ballots; the result does not count",
    test_mode_hint: "A test count's result says “Test” everywhere and cannot be sent, merged or cross-checked. The entry page lists the test ballots, to compare one by one at the end.",
    test_banner: "Test count (rehearsal): the result does not count and cannot be sent, merged or cross-checked.",
    session_test_option: "Test mode: rehearse voting on the tablet; the result does not count",
    session_test_hint: "A test session's result says “Test” everywhere and cannot be sent, merged or cross-checked; “Data and backup” clears all tests at once.",
    session_test_banner: "Test voting (rehearsal): the result does not count and cannot be sent, merged or cross-checked.",
    tab_deck: "Test ballots",
    deck_heading: "Test ballots",
    deck_intro: "Read out and enter them in this order (or print them and count them by camera). Each line says what is marked on the ballot.",
    deck_line: |n, what| format!("Ballot {n}: {what}"),
    deck_blank: "blank, nothing written",
    deck_void: |why| format!("void ({why})"),
    deck_written: |name| format!("write-in “{name}”"),
    deck_compare_heading: "Comparison",
    deck_progress: |entered, total| format!("{entered} entered of {total} test ballots. Once all are entered they are compared here one by one."),
    deck_same: |n| format!("The entries match the test ballots one by one: {n} in all."),
    deck_differs: |n| format!("{n} differences from the test ballots."),
    deck_difference: |expected, entered| match (expected, entered) {
        (Some((a, x)), Some((b, y))) => format!("Test ballot {a} ({x}) was entered as ballot {b} ({y})"),
        (Some((a, x)), None) => format!("Test ballot {a} ({x}) was not entered"),
        (None, Some((b, y))) => format!("Entered ballot {b} ({y}) is not among the test ballots"),
        (None, None) => String::new(),
    },
    verdict_valid: "Valid",
    verdict_blank: "Blank (no opinion given)",
    verdict_void: |r| match r {
        VoidReason::OverMarked {
            marked,
            allowed,
            election: false,
            ..
        } => format!("Void: more than {allowed} recommended ({marked} chosen)"),
        VoidReason::OverMarked {
            marked,
            allowed,
            election: true,
            ..
        } => format!("Void: more agreed than the {allowed} seats ({marked} chosen)"),
        VoidReason::Declared(d) => format!("Void: {}", (BALLOT.void_reason)(d)),
        VoidReason::BadWriteIn { fault, .. } => match fault {
            WriteInFault::Unmarked => "Void: a name is written in, but not marked as agreed".into(),
            WriteInFault::BeyondOpposed => {
                "Void: more names written in than listed people opposed (marked ×)".into()
            }
        },
    },
    note_section_void: |title, marked, allowed| {
        format!("“{title}”: more than {allowed} recommended ({marked} chosen); this part does not count")
    },
    note_seats_void: |title, marked, allowed| {
        format!("“{title}”: more agreed than the {allowed} seats ({marked} chosen); this part does not count")
    },
    note_write_in_rejected: |name| format!("Write-in “{name}” is on the list; this cell does not count"),
    note_write_in_repeated: |name| format!("“{name}” repeated; counted once"),
    note_write_in_ambiguous: |name| {
        format!("Write-in “{name}”: several listed people have this name and it cannot be told which; this cell does not count")
    },
    note_write_in_declined: |name| format!("Write-in “{name}” is not marked as agreed; this cell does not count"),
    note_write_in_decided: |name, person| format!("Write-in “{name}”: counted for {person}, as the scrutineers decided"),
    decide_same_name: |name| {
        format!("Several listed people are called “{name}”: the scrutineers decide which one this ballot means")
    },
    decide_none: "Cannot be decided; this cell does not count",
    note_write_in_unmarked: |name, glyph| {
        format!("Write-in “{name}” has no {glyph} under it; this cell does not count")
    },
    note_write_in_excess: |name| {
        format!("Write-in “{name}”: more names written in than opposed (marked ×); this cell does not count")
    },
    note_box_unreadable: |name, glyph| format!("“{name}” has both {glyph} and ×, unreadable; this cell does not count"),
    summary_opposed: |names| format!("Opposed {names}"),
    note_item_spoiled: |item| format!("“{item}”: several levels chosen; this item does not count"),
    ballot_number: |n| format!("Ballot {n}"),
    struck_label: "Struck out",
    corrected_times: |n| format!("corrected {n} times"),
    correct: "Correct",
    strike: "Strike out",
    restore: "Restore",
    audit_heading: "Changes",
    audit_none: "No corrections, strikes or changes.",
    audit_entry,
    figures_heading: "Voters and ballots",
    save: "Save",
    ask_undo_title: |n| format!("Strike out the last ballot (ballot {n})?"),
    ask_strike_title: |n| format!("Strike out ballot {n}?"),
    ask_strike_body: "A struck-out ballot no longer counts and can be restored under “Entered”; this goes into the list of changes.",
    ask_delete_title: "Delete this count?",
    count_refused,
};

fn figure(n: Option<u32>) -> String {
    n.map_or_else(|| "not entered".into(), |n| n.to_string())
}

fn audit_entry(op: &CountOp) -> String {
    match op {
        CountOp::Add { .. } => "One ballot entered".into(),
        CountOp::Read { ballot, camera } => format!(
            "One ballot entered by camera: {} decided by the counter, {}",
            camera.open,
            if *ballot == camera.read {
                "the same as read"
            } else {
                "different from what was read once decided"
            }
        ),
        CountOp::Replace { seq, .. } => format!("Ballot {seq} corrected"),
        CountOp::Strike { seq } => format!("Ballot {seq} struck out"),
        CountOp::Restore { seq } => format!("Ballot {seq} restored"),
        CountOp::SetFigures { figures: f } => format!(
            "Voters and ballots set to: expected {}, present {}, issued {}, returned {}",
            figure(f.due),
            figure(f.present),
            figure(f.issued),
            figure(f.returned)
        ),
        CountOp::Deleted(true) => {
            "Count deleted (kept 30 days; it can be restored under “Data and backup”)".into()
        }
        CountOp::Deleted(false) => "Deleted count restored".into(),
    }
}

fn count_refused(r: CountRefused) -> String {
    let what = match r {
        CountRefused::AllReturnedEntered { returned } => {
            format!("{returned} entered, as many as were returned: no more can be entered. If the number returned is wrong, correct it first.")
        }
        CountRefused::WrongShape => "This ballot does not fit the form and cannot be entered.".into(),
        CountRefused::Deleted => "This count is deleted: restore it under “Data and backup” first.".into(),
        CountRefused::NoSuchBallot { seq } => format!("There is no ballot {seq}."),
        CountRefused::Struck { seq } => format!("Ballot {seq} is struck out: restore it first."),
        CountRefused::NotStruck { seq } => format!("Ballot {seq} is not struck out: nothing to restore."),
        CountRefused::FiguresInvalid => {
            "Numbers of voters and ballots are whole numbers from 0 to 100000, and the number returned is not less than the ballots entered.".into()
        }
        CountRefused::Undecided { open } => {
            format!("{open} readings of the camera are not decided yet: decide each from its picture, then enter the ballot.")
        }
    };
    coded(&what, r.code())
}

fn mark_refused(r: &MarkRefused) -> String {
    match r {
        MarkRefused::LimitReached { max } => format!("At most {max} can be recommended. To choose another, first unmark one."),
        MarkRefused::WriteInNeedsOppose => {
            "A write-in needs one listed person marked “Oppose” first: there may not be more write-ins than opposed.".into()
        }
        MarkRefused::OpposeHoldsWriteIn => {
            "You wrote someone in, so as many “Oppose” must stay: to change it, first delete a write-in.".into()
        }
        MarkRefused::SeatsReached { max } => {
            format!("At most {max} can be chosen. To choose another, first unmark one.")
        }
        MarkRefused::AgreeLimitReached { max } => {
            format!("At most {max} can be agreed. To choose another, first change one to “Oppose” or “Abstain”.")
        }
        MarkRefused::WriteInIsListed { name } => {
            format!("“{name}” is on the list: choose them there.")
        }
        MarkRefused::WriteInTwice { name } => format!("“{name}” is written already."),
        MarkRefused::WriteInAmbiguous { name } => {
            format!("More than one listed person is called “{name}”: choose the one you mean on the list.")
        }
        MarkRefused::WriteInInvalid => "This name cannot be used (too long, or special characters).".into(),
    }
}

fn session_error(e: SessionError) -> String {
    let what = match e {
        SessionError::BadCharacter(c) => {
            let what = format!(
                "has an invisible or non-standard character {}: names that look alike would count as different units; delete it and type it again",
                crate::names::code_point(c)
            );
            return coded(&what, e.code());
        }
        SessionError::AreaMissing => "Enter the residential area's name",
        SessionError::UnitNameInvalid => {
            "Too long (at most 40 characters) or has special characters"
        }
        SessionError::CategoryUnknown => "The form has no such category",
        SessionError::CategoryRuleMismatch => "Choose this session's voters' category",
        SessionError::NumberInvalid => "Enter a whole number from 0 to 100000, or leave it empty",
        SessionError::PinFormat => "The PIN is 6–12 digits",
        SessionError::PinMismatch => "The two PINs differ",
    };
    coded(what, e.code())
}

fn figure_flag(f: FigureFlag) -> String {
    coded(&figure_flag_text(f), f.code())
}

pub(super) fn figure_flag_text(f: FigureFlag) -> String {
    match f {
        FigureFlag::ReturnedExceedsIssued { returned, issued } => format!(
            "{returned} returned is more than the {issued} issued: this vote is void and must be held again."
        ),
        FigureFlag::PresentExceedsDue { present, due } => {
            format!("{present} present is more than the {due} expected: please check.")
        }
        FigureFlag::IssuedExceedsPresent { issued, present } => {
            format!("{issued} issued is more than the {present} present: please check.")
        }
    }
}

fn field_name(f: Field, at_root: bool) -> &'static str {
    match f {
        Field::Format => "format",
        Field::Version => "version",
        Field::Title if at_root => "form title",
        Field::Title => "part title",
        Field::Issuer => "issued by",
        Field::Notes => "notes",
        Field::Categories => "voter categories",
        Field::Sections => "the form's parts",
        Field::Subjects => "people evaluated",
        Field::Name => "name",
        Field::Role => "post",
        Field::Dimensions => "aspects evaluated",
        Field::Levels => "levels",
        Field::Candidates => "list of names",
        Field::Note => "note",
        Field::MaxMarks => "number to recommend",
        Field::WriteInSlots => "write-in cells",
        Field::Rules => "counting rules",
        Field::Round => "round",
        Field::Taken => "elected in earlier rounds",
    }
}

fn item_name(list: Field, i: usize) -> String {
    let n = i + 1;
    match list {
        Field::Sections => format!("part {n}"),
        Field::Candidates => format!("name {n}"),
        Field::Subjects => format!("person evaluated {n}"),
        Field::Levels => format!("level {n}"),
        Field::Dimensions => format!("aspect {n}"),
        Field::Categories => format!("category {n}"),
        Field::Rules => format!("rule {n}"),
        other => format!("{} item {n}", field_name(other, false)),
    }
}

/// `sections[0].candidates[2].name` → part 1 › name 3 › name
fn location(segments: &[Segment]) -> String {
    super::location(segments, field_name, item_name, |n| {
        format!("item {}", n + 1)
    })
}

pub(crate) fn template_error(e: &TemplateError) -> String {
    let what = problem(&e.kind);
    let code = e.kind.code();
    if e.path.0.is_empty() {
        coded(&what, code)
    } else {
        coded(&format!("{}: {what}", location(&e.path.0)), code)
    }
}

/// A problem without where it is: shown next to its field in the editor.
pub(crate) fn template_problem(kind: &TemplateErrorKind) -> String {
    coded(&problem(kind), kind.code())
}

fn problem(kind: &TemplateErrorKind) -> String {
    use TemplateErrorKind as K;
    match kind {
        K::Json { line, column, .. } => {
            format!("The file is broken (line {line}, column {column}): not a valid template file")
        }
        K::NotATemplate => "This is not a template file of this app".into(),
        K::UnsupportedVersion { found: Some(v) } => {
            format!("Template version {v} cannot be read (this app reads version 1): update the app")
        }
        K::UnsupportedVersion { found: None } => "The template has no version".into(),
        K::FileTooLarge { bytes, limit } => format!(
            "The file is too large ({} KB); a template file is at most {} KB",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        K::Empty => "Must not be empty".into(),
        K::TooLong { max } => format!("Too long: at most {max} characters"),
        K::ControlCharacter => "Has an invisible control character".into(),
        K::HiddenCharacter { ch } => format!(
            "Has an invisible character {} (zero-width, soft hyphen, text direction…): names that look alike would count as different people; delete it and type it again",
            crate::names::code_point(*ch)
        ),
        K::UnnormalizedCharacter { ch } => format!(
            "Has a character written in a non-standard way (“{ch}”, {}): characters that look alike would count as different; type it again with the input method",
            crate::names::code_point(*ch)
        ),
        K::TooFew { min } => format!("At least {min} needed"),
        K::TooMany { max } => format!("At most {max}"),
        K::NumberTooHigh { max } => format!("At most {max}"),
        K::Duplicate { name, first } => {
            format!("“{name}” repeats item {}; tell people of the same name apart by a note", first + 1)
        }
        K::NothingToMark => "Neither a list of names nor write-in cells: nothing to recommend".into(),
        K::MaxMarksZero => "Must not be 0".into(),
        K::MaxMarksAboveAvailable {
            max_marks,
            available,
        } => {
            format!("{max_marks} is more than the {available} the ballot offers (the list and its write-in cells)")
        }
        K::InvertedOverMarked {
            max_marks,
            candidates,
        } => format!(
            "With this template's marking, no mark means agree: {candidates} names are more than {max_marks}, so a ballot handed back untouched would be over the limit and void. Choose another marking, or change the numbers"
        ),
        K::EqualContest { seats, names } => {
            format!("An uncontested election lists as many people as seats: {seats} seats, {names} listed")
        }
        K::CompetitiveContest {
            seats,
            names,
            needed,
        } => format!(
            "A contested election lists more people than seats: {seats} seats need at least {needed} listed, {names} are"
        ),
        K::RoundMismatch => {
            "The round does not match the ballot's parts: make this round's ballot again from the last round's results".into()
        }
        K::TakenAgain { name } => format!(
            "“{name}” was elected (or shortlisted) in an earlier round: they cannot be listed in this round, nor recorded twice"
        ),
        K::BadRoundLink => {
            "The round's link is wrong and not made by this app: make this round's ballot again from the last round's results".into()
        }
        K::AfterOpposeWithoutCross => {
            "“Write-ins only after a × against a listed person” needs an “Oppose (×)” mark: first change the marking to agree, oppose and abstain".into()
        }
        K::WeightsPerCategory { categories } => {
            format!("Give one weight for each voter category ({categories} categories)")
        }
        K::UnknownLevel { name } => format!("“{name}” is not a level of this part"),
        K::ShareAboveOne => "A share cannot be more than 1".into(),
        K::BadRule { example } => format!("Not written right: write it as “{example}”"),
        K::UnknownRule { key } => format!("“{key}” is not a rule that can be used here"),
    }
}

fn attendance(due: Option<u32>, present: Option<u32>) -> String {
    let v = |n: Option<u32>| n.map_or_else(|| "not entered".to_string(), |n| n.to_string());
    format!("expected {}, present {}", v(due), v(present))
}

/// A message with its rule's code: 「… (T05)」.
pub(crate) fn coded(what: &str, code: &str) -> String {
    format!("{what} ({code})")
}

#[cfg(test)]
mod tests {
    /// No Chinese is left in the English catalogue but the examples of what it names.
    #[test]
    fn the_english_catalogue_has_no_chinese_in_its_strings() {
        for (file, source) in [
            ("mod.rs", include_str!("mod.rs")),
            ("report.rs", include_str!("report.rs")),
            ("studio.rs", include_str!("studio.rs")),
            ("data.rs", include_str!("data.rs")),
            ("exchange.rs", include_str!("exchange.rs")),
        ] {
            let code = source.split("#[cfg(test)]").next().unwrap_or(source);
            let chinese: Vec<&str> = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .filter(|l| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
                .collect();
            assert!(chinese.is_empty(), "{file}: {chinese:#?}");
        }
    }

    /// What views put together is punctuated in the screens' language: no 「（」 or 「：」
    /// around English words, no note brackets around an empty note.
    #[test]
    fn views_join_their_parts_in_the_language_s_punctuation() {
        let en = crate::Lang::En(&super::CATALOGUES).punct();
        assert_eq!(en.noted("Votes", ""), "Votes");
        assert_eq!(en.noted("Li Min", "write-in"), "Li Min (write-in)");
        assert_eq!(format!("Remove{}Changle", en.colon), "Remove: Changle");
        let zh = crate::Lang::ZhCn.punct();
        assert_eq!(zh.noted("应到", "人"), "应到（人）");
    }

    #[test]
    fn messages_with_values_read_in_english() {
        let t = &super::TEXTS;
        assert_eq!((t.count_progress)(3, Some(5)), "3 entered / 5 returned");
        assert_eq!(
            (t.session_error)(crate::form::SessionError::PinMismatch),
            "The two PINs differ (S07)"
        );
    }
}
