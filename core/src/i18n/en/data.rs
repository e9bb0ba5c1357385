//! The data page's words in English (see `i18n::data`).

use crate::backup::{BackupError, GroupKind, Outcome, Plan};
use crate::damage::{Damage, Problem, Store};
use crate::i18n::data::DataTexts;

pub static DATA: DataTexts = DataTexts {
    title: "Data and backup",
    lead: "This device's templates, voting sessions and paper counts are kept only in this browser. A backup saves them all in one file; restored on another device, sessions, ballots, counts and templates come back as they were (with the same template codes).",
    held: |sessions, ballots, counts, templates| {
        format!("This device has {sessions} voting sessions ({ballots} ballots in all), {counts} paper counts and {templates} templates in its library.")
    },
    damaged_heading: |n| format!("Damaged or unusable records: {n} (left out, kept on this device, never backed up)"),
    no_damage: "Every record passed its check.",
    damage_line,
    backup_heading: "Backup",
    backup_hint: "Back up after every meeting and keep the file elsewhere (a computer, a USB stick). A backup holds the ballots: keep it safe.",
    backup_button: "Back up to a file",
    backup_saved: |name, n, skipped| {
        let skipped = if skipped > 0 { format!("; {skipped} damaged records not backed up") } else { String::new() };
        format!("Backup file “{name}” saved: {n} records{skipped}.")
    },
    backup_not_saved: "The browser did not save the file: please try again.",
    file_name: |stamp| format!("ballot-kit-backup-{stamp}.json"),
    restore_heading: "Restore from a backup",
    restore_hint: "Restoring only adds records this device does not have; it never changes or deletes one it has.",
    restore_file: "Choose a backup file",
    restore_plan,
    restore_nothing: "This device has every record of this backup already: nothing to restore.",
    restore_button: |n| format!("Restore {n} records"),
    restored: |n| format!("{n} records restored. They are on the home screen."),
    restore_refused: "Nothing was restored, and this device's records are unaffected:",
    backup_error: |e| {
        let text = match e {
            BackupError::TooLarge => "The file is too large to be a backup of this app.".to_string(),
            BackupError::NotBackup => "This is not a backup file of this app.".to_string(),
            BackupError::NewerVersion(v) => format!("This backup was made by a newer version of the app (version {v}): update the app first."),
            BackupError::Damaged => "The backup file is damaged or incomplete (its check does not match).".to_string(),
            BackupError::BadKey => "The backup holds something that is not this app's: it may have been changed.".to_string(),
            BackupError::BadRecord(store) => format!("A record of the backup's {} cannot be used: it may have been changed.", store_name(store)),
            BackupError::WrongPassphrase => "Wrong backup passphrase (or the encrypted contents were changed).".to_string(),
            BackupError::SignatureBroken => "The backup was changed after it was made (its signature does not match).".to_string(),
            BackupError::PassphraseWeak => "The backup passphrase is at least 8 characters, the same both times.".to_string(),
        };
        format!("{text} ({})", e.code())
    },
    file_unreadable: "The file cannot be read.",
    file_not_text: "This file is not text (not UTF-8): not a backup file of this app.",

    passphrase_label: "Backup passphrase (at least 8 characters)",
    passphrase_repeat: "The backup passphrase again",
    passphrase_hint: "The backup is encrypted with this passphrase: without it nobody can read its ballots or staff PINs. It is needed to restore and cannot be recovered.",
    open_sessions_pins: |n| format!("This device has {n} sessions still open for voting: the backup holds their ballots, so enter their staff PINs."),
    pin_for: |unit| format!("Staff PIN of “{unit}”"),
    pin_wrong_for: |unit| format!("Wrong staff PIN for “{unit}”."),
    making: "Encrypting the backup…",
    cannot_encrypt: "This browser cannot encrypt or sign (open the app from an https address): no backup was made.",
    opening: "Decrypting and checking the signature…",
    restore_passphrase: "This backup is encrypted: enter the passphrase set when it was made.",
    open_backup: "Open the backup",
    made_by_own: "✓ This backup was made and signed by this device.",
    made_by: |code| format!("This backup was made and signed by another device (device code {code}): no record is added from it to a session or count this device has."),
    made_unsigned: "⚠ This backup is not signed (made by an older version) and its origin cannot be confirmed: no record is added from it to a session or count this device has.",
    group_line: |kind, label, g| {
        let what = match kind {
            GroupKind::Session => "voting session",
            GroupKind::Count => "paper count",
            GroupKind::Template => "template",
        };
        let records: Vec<String> = g
            .adding_by_store
            .iter()
            .map(|(store, n)| match store.as_str() {
                "ballots" => format!("{n} ballots"),
                "events" => format!("{n} log records"),
                "count_entries" => format!("{n} count records"),
                "sessions" | "counts" => format!("{n} session records"),
                _ => format!("{n} records"),
            })
            .collect();
        match g.outcome {
            Outcome::Added => format!("New {what} “{label}”: {}", records.join(", ")),
            Outcome::Completed => format!("This device's {what} “{label}” will get: {}", records.join(", ")),
            Outcome::Present => format!("{what} “{label}”: all here already"),
            Outcome::Conflict => format!("{what} “{label}”: differs from this device's, which is kept; not restored"),
            Outcome::Foreign => format!("{what} “{label}”: here already, and the backup is not this device's: nothing added"),
        }
    },
    cancel: "Cancel",

    deleted_heading: "Deleted sessions and counts",
    deleted_hint: "A deleted session or count is kept 30 days with its ballots and log, and can be restored; after 30 days it is cleared for good when this page is opened.",
    deleted_line: |label, when, days_left| format!("“{label}”: deleted {when}, kept {days_left} more days"),
    undelete: "Restore",
    undeleted: |label| format!("“{label}” restored: it is on the home screen."),
    purged: |n| format!("{n} sessions or counts deleted more than 30 days ago were cleared for good."),
    tests_heading: "Test sessions and test counts",
    tests_hint: |n| format!("This device has {n} test sessions or test counts (rehearsals; their results do not count). Cleared, they cannot be restored; real sessions and counts are unaffected."),
    tests_clear: |n| format!("Clear all tests ({n})"),
    tests_confirm: |n| format!("Clear these {n} test sessions and test counts for good?"),
    tests_cleared: |n, open| {
        if open == 0 {
            format!("{n} tests cleared.")
        } else {
            format!("{n} tests cleared; {open} more are open in another window and were not cleared.")
        }
    },
};

fn store_name(store: Store) -> &'static str {
    match store {
        Store::Session => "voting sessions",
        Store::Event => "log",
        Store::Ballot => "ballots",
        Store::Count => "paper counts",
        Store::CountEntry => "count records",
        Store::Template => "templates",
    }
}

fn damage_line(d: &Damage, owner: Option<&str>) -> String {
    let what = match d.store {
        Store::Session => "voting session",
        Store::Event => "log record",
        Store::Ballot => "a ballot",
        Store::Count => "paper count",
        Store::CountEntry => "count record",
        Store::Template => "template",
    };
    let problem = match d.problem {
        Problem::Checksum => "its check does not match: changed or damaged after it was saved",
        Problem::Unreadable => "cannot be read",
        Problem::Orphan => "its session or count is gone or damaged",
        Problem::Refused => "does not fit its session's or count's template or rules",
    };
    let place = d.place().map(|n| format!(" no. {n}")).unwrap_or_default();
    match owner {
        Some(owner) => format!("“{owner}”, {what}{place}: {problem}"),
        None => {
            let id: String = d.owner().unwrap_or(&d.key).chars().take(8).collect();
            format!("{what}{place} (id {id}…): {problem}")
        }
    }
}

fn restore_plan(p: &Plan) -> String {
    let kinds = [
        (GroupKind::Session, "Voting sessions"),
        (GroupKind::Count, "Paper counts"),
        (GroupKind::Template, "Templates"),
    ];
    let mut parts = Vec::new();
    for (kind, name) in kinds {
        let n = |o| p.count(kind, o);
        let mut said = Vec::new();
        if n(Outcome::Added) > 0 {
            said.push(format!("{} new", n(Outcome::Added)));
        }
        if n(Outcome::Completed) > 0 {
            said.push(format!("{} completed", n(Outcome::Completed)));
        }
        if n(Outcome::Present) > 0 {
            said.push(format!("{} here already", n(Outcome::Present)));
        }
        if n(Outcome::Conflict) > 0 {
            said.push(format!(
                "{} differ from this device's, which are kept; not restored",
                n(Outcome::Conflict)
            ));
        }
        if n(Outcome::Foreign) > 0 {
            said.push(format!(
                "{} here already, and the backup is not this device's: nothing added",
                n(Outcome::Foreign)
            ));
        }
        if !said.is_empty() {
            parts.push(format!("{name}: {}", said.join(", ")));
        }
    }
    format!("This backup: {}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_and_damage_read_in_english() {
        let d = Damage::new(Store::CountEntry, "c1/00000002", Problem::Refused);
        assert_eq!(
            (DATA.damage_line)(&d, Some("Riverside · ballot")),
            "“Riverside · ballot”, count record no. 3: does not fit its session's or count's template or rules"
        );
        assert_eq!(
            (DATA.backup_error)(BackupError::Damaged),
            "The backup file is damaged or incomplete (its check does not match). (B04)"
        );
    }
}
