use super::*;
use crate::ballot::Ballot;
use crate::exchange::seal::{Seal, Signer};
use crate::fingerprint::hex;
use crate::pin::Pin;
use crate::samples;
use crate::session::{CategoryRule, SessionRecord, SessionSpec};
use crate::template::Template;

fn session(id: &str, t: &Template) -> (String, String) {
    let record = SessionRecord {
        v: 1,
        id: id.into(),
        template: t.canonical_json(),
        spec: SessionSpec {
            area: "长乐居民区".into(),
            branch: String::new(),
            category: CategoryRule::VoterChooses,
            issued: None,
            due: None,
            present: None,
            idle_minutes: None,
        },
        pin: Pin::v1("2468", [1; 16]),
        opened_ms: 10,
        test: false,
    };
    (id.into(), serde_json::to_string(&record).expect("json"))
}

fn ballot(id: &str, n: u8, t: &Template) -> (String, String) {
    let mut b = Ballot::empty(t, Some(0));
    b.toggle_candidate(t, 0, u16::from(n % 3)).expect("room");
    (
        format!("{id}/{}", hex(&[n; 16])),
        serde_json::to_string(&b).expect("json"),
    )
}

/// A device with one session of three ballots.
fn device() -> Stores {
    let t = &samples::all()[1];
    let mut stores = Stores::new();
    stores.insert("sessions".into(), vec![session("aa11", t)]);
    stores.insert(
        "ballots".into(),
        (1..=3).map(|n| ballot("aa11", n, t)).collect(),
    );
    stores
}

/// A backup this very device made and signed.
fn own() -> Provenance {
    Provenance {
        signer: Signer::Device("K".repeat(87)),
        own: Some("K".repeat(87)),
    }
}

fn read_back(stores: &Stores) -> Body {
    read(&make(stores, &[], 5)).expect("a backup reads back")
}

#[test]
fn a_backup_reads_back_with_the_same_records_and_counts() {
    let stores = device();
    let body = read_back(&stores);
    assert_eq!(body.stores["sessions"], stores["sessions"]);
    assert_eq!(body.stores["ballots"], stores["ballots"]);
    assert_eq!(body.made_ms, 5);
    let (sessions, damaged) = crate::session::read_stored(
        &body.stores["sessions"],
        &body.stores["events"],
        &body.stores["ballots"],
    );
    assert!(damaged.is_empty());
    assert_eq!(sessions[0].tally.total(), 3);
}

#[test]
fn restoring_onto_an_empty_device_adds_everything_and_onto_itself_nothing() {
    let body = read_back(&device());
    let p = plan(&Stores::new(), &body, &own());
    assert_eq!(p.add.len(), 4);
    assert_eq!(p.count(GroupKind::Session, Outcome::Added), 1);
    let p = plan(&device(), &body, &own());
    assert!(p.add.is_empty());
    assert_eq!(p.count(GroupKind::Session, Outcome::Present), 1);
}

#[test]
fn restoring_never_overwrites_and_adds_only_what_the_device_lacks() {
    let t = &samples::all()[1];
    let body = read_back(&device());
    // The device went on after the backup: it has a ballot more. Nothing to add.
    let mut newer = device();
    newer
        .get_mut("ballots")
        .expect("ballots")
        .push(ballot("aa11", 9, t));
    let p = plan(&newer, &body, &own());
    assert!(p.add.is_empty());
    assert_eq!(p.count(GroupKind::Session, Outcome::Present), 1);
    // The device is behind the backup: the missing ballot is added.
    let mut older = device();
    older.get_mut("ballots").expect("ballots").pop();
    let p = plan(&older, &body, &own());
    assert_eq!(p.add.len(), 1);
    assert_eq!(p.count(GroupKind::Session, Outcome::Completed), 1);
    // A record both hold differs: the device keeps its own, nothing of it is restored.
    let mut other = device();
    other.get_mut("sessions").expect("sessions")[0].1.push(' ');
    other.get_mut("ballots").expect("ballots").pop();
    let p = plan(&other, &body, &own());
    assert!(p.add.is_empty());
    assert_eq!(p.count(GroupKind::Session, Outcome::Conflict), 1);
}

/// Five ballots added to a closed session in a backup cannot reach it: records are added
/// to a session the device holds only from a backup this device signed.
#[test]
fn records_are_added_to_what_the_device_holds_only_from_its_own_backup() {
    let t = &samples::all()[1];
    let mut forged = device();
    let ballots = forged.get_mut("ballots").expect("ballots");
    ballots.extend((10..15).map(|n| ballot("aa11", n, t)));
    ballots.sort();
    let body = read(&make(&forged, &[], 5)).expect("reads");
    for made_by in [
        Provenance {
            signer: Signer::Unsigned,
            own: Some("K".repeat(87)),
        },
        Provenance {
            signer: Signer::Device("M".repeat(87)),
            own: Some("K".repeat(87)),
        },
    ] {
        let p = plan(&device(), &body, &made_by);
        assert!(p.add.is_empty(), "{made_by:?}");
        assert_eq!(p.count(GroupKind::Session, Outcome::Foreign), 1);
        // Onto a device that lacks the session, it comes whole, as any new session.
        let p = plan(&Stores::new(), &body, &made_by);
        assert_eq!(p.count(GroupKind::Session, Outcome::Added), 1);
    }
    // This device's own backup: the five are added, and the plan says exactly that.
    let p = plan(&device(), &body, &own());
    assert_eq!(p.add.len(), 5);
    let g = &p.groups[0];
    assert_eq!(g.outcome, Outcome::Completed);
    assert_eq!(g.adding_by_store, vec![("ballots".to_string(), 5)]);
    assert_eq!(
        (crate::i18n::data::ZH_CN.group_line)(GroupKind::Session, "长乐居民区", g),
        "本机已有投票场次「长乐居民区」，将补入：5 张选票"
    );
}

#[test]
fn a_backup_is_signed_over_its_body_and_its_passphrase_is_checked() {
    let text = make(&device(), &[], 5);
    let opened = open(&text).expect("opens");
    assert_eq!(opened.seal, None);
    let seal = Seal {
        key: "K".repeat(87),
        sig: "S".repeat(86),
    };
    let body_text = serde_json::to_string(&opened.body).expect("json");
    let signed = open(&content(&body_text, Some(&seal))).expect("opens");
    assert_eq!(signed.seal, Some(seal));
    assert!(signed.to_sign().starts_with(b"ballot-kit/backup/2\n"));
    assert!(signed.to_sign().ends_with(body_text.as_bytes()));
    // A locked file is told from a plain one.
    let file = locked(Lock::new("c2FsdA".into(), "aXY".into()), "ZGF0YQ".into());
    let l = read_locked(&file).expect("reads").expect("locked");
    assert_eq!(l.lock.iterations, PASSPHRASE_ITERATIONS);
    assert_eq!(read_locked(&text), Ok(None));
    assert_eq!(
        passphrase("长乐居民区2026", "长乐居民区2026"),
        Ok("长乐居民区2026".into())
    );
    assert_eq!(
        passphrase("1234567", "1234567"),
        Err(BackupError::PassphraseWeak)
    );
    assert_eq!(
        passphrase("12345678", "12345679"),
        Err(BackupError::PassphraseWeak)
    );
}

#[test]
fn damaged_records_are_left_out_of_a_backup() {
    let mut stores = device();
    stores
        .get_mut("ballots")
        .expect("ballots")
        .push(("aa11/zz".into(), "{".into()));
    stores.insert(
        "events".into(),
        vec![("aa11/00000000".into(), String::new())],
    );
    let damaged = Device::read(&stores).damaged;
    assert_eq!(damaged.len(), 2);
    // The event with empty data is one whose checksum failed.
    assert!(damaged
        .iter()
        .any(|d| d.store == Store::Event && d.problem == crate::damage::Problem::Checksum));
    let body = read(&make(&stores, &damaged, 1)).expect("reads");
    assert_eq!(body.stores["ballots"].len(), 3);
    assert!(body.stores["events"].is_empty());
}

/// Recomputes the checksum, as a tampering tool would.
fn resealed(mut v: serde_json::Value) -> String {
    let body = v["body"].to_string();
    v["checksum"] = serde_json::Value::String(crate::envelope::checksum(&body));
    v.to_string()
}

#[test]
fn a_bad_backup_is_refused_with_its_reason() {
    let text = make(&device(), &[], 1);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(read("not json"), Err(BackupError::NotBackup));
    assert_eq!(
        read(r#"{"format":"ballot-kit/template"}"#),
        Err(BackupError::NotBackup)
    );
    assert_eq!(read(&text[..text.len() / 2]), Err(BackupError::Damaged));
    assert_eq!(
        read(&text.replace("长乐", "常乐")),
        Err(BackupError::Damaged)
    );
    let mut newer = v.clone();
    newer["version"] = 3.into();
    assert_eq!(read(&newer.to_string()), Err(BackupError::NewerVersion(3)));
    let mut bad_key = v.clone();
    bad_key["body"]["stores"]["ballots"][0][0] = "<script>/x".into();
    assert_eq!(read(&resealed(bad_key)), Err(BackupError::BadKey));
    let mut bad_store = v.clone();
    bad_store["body"]["stores"]["device"] = serde_json::json!([["voting", "aa11"]]);
    assert_eq!(read(&resealed(bad_store)), Err(BackupError::BadKey));
    let mut bad_record = v.clone();
    bad_record["body"]["stores"]["ballots"][0][1] = "{\"c\":9}".into();
    assert_eq!(
        read(&resealed(bad_record)),
        Err(BackupError::BadRecord(Store::Ballot))
    );
    let huge = " ".repeat(limits::MAX_FILE_BYTES + 1);
    assert_eq!(read(&huge), Err(BackupError::TooLarge));
    assert_eq!(BackupError::BadRecord(Store::Ballot).code(), "B06");
}

#[test]
fn a_session_whose_record_is_damaged_is_backed_up_and_restored_from_its_copy() {
    let mut stores = device();
    let (id, json) = session("aa11", &samples::all()[1]);
    // The record's checksum failed (the store hands it over empty); its copy is intact.
    stores.insert(
        "sessions".into(),
        vec![
            (id.clone(), String::new()),
            (crate::header::copy_key(&id), json),
        ],
    );
    let on_device = Device::read(&stores);
    assert_eq!(on_device.sessions[0].tally.total(), 3);
    assert_eq!(on_device.damaged.len(), 1);
    assert_eq!(on_device.damaged[0].key, "aa11");
    assert_eq!(on_device.damaged[0].problem, Problem::Checksum);
    let body = read(&make(&stores, &on_device.damaged, 5)).expect("reads back");
    // Restored on a fresh device: the session with all its ballots.
    let p = plan(&Stores::new(), &body, &own());
    assert_eq!(p.count(GroupKind::Session, Outcome::Added), 1);
    let mut fresh = Stores::new();
    for (store, key, value) in p.add {
        fresh.entry(store).or_default().push((key, value));
    }
    let restored = Device::read(&fresh);
    assert!(restored.damaged.is_empty());
    assert_eq!(restored.sessions[0].tally.total(), 3);
}
