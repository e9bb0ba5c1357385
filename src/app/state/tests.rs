use super::*;
use ballot_core::fingerprint::hex;
use ballot_core::samples;

const PIN: &str = "246813";

fn form(template: usize, category: Option<CategoryRule>) -> SessionForm {
    SessionForm {
        template,
        area: "长乐居民区".into(),
        branch: String::new(),
        category,
        due: String::new(),
        present: String::new(),
        issued: "3".into(),
        idle: String::new(),
        pin: PIN.into(),
        pin_repeat: PIN.into(),
        test: false,
    }
}

thread_local! {
    /// The device the state of a test runs on (see `harness`): one window, tab 1.
    static DEVICE: std::cell::RefCell<harness::Device> = Default::default();
}

fn device() -> harness::Device {
    DEVICE.with(|d| Rc::clone(&d.borrow()))
}

/// What the App's effects do between actions: the page's session or count claimed, and a
/// PIN's try stored before it is checked.
fn settle(s: Rc<AppState>) -> Rc<AppState> {
    let mut tab = harness::Tab {
        id: 1,
        state: s,
        device: device(),
    };
    tab.settle();
    // The PIN's try, and a claimed session's or count's checkpoint written anew.
    while matches!(
        tab.state.pending.as_ref().map(|p| &p.write),
        Some(Write::PinGuard(_) | Write::Checkpoint { .. })
    ) {
        tab.write(None);
    }
    tab.state
}

fn run(s: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
    actions.into_iter().fold(s, |s, a| settle(s.reduce(a)))
}

/// The app started on a device whose store holds `dump`.
fn ready(dump: Dump, voting: Option<String>) -> Rc<AppState> {
    let d = harness::device(Dump { voting, ..dump });
    DEVICE.with(|cell| *cell.borrow_mut() = Rc::clone(&d));
    harness::Tab::open(&d, 1).state
}

/// Hands the device to the voters of "s1"; the marker is stored first.
fn start(s: Rc<AppState>) -> Rc<AppState> {
    let s = s.reduce(Action::Session(SessionAction::StartVoting("s1".into())));
    assert_eq!(
        s.page,
        Page::Manage("s1".into()),
        "not before the marker is stored"
    );
    written(s, Ok(()))
}

/// Performs the pending write on the device (`Ok`: as the store takes it) or has the store
/// refuse it, and reports.
fn written(s: Rc<AppState>, result: Result<(), StoreError>) -> Rc<AppState> {
    assert!(s.pending.is_some(), "a pending write");
    let mut tab = harness::Tab {
        id: 1,
        state: s,
        device: device(),
    };
    tab.write(result.err());
    settle(tab.state)
}

fn create(s: Rc<AppState>, form: SessionForm, id: &str) -> Rc<AppState> {
    let s = run(
        s,
        vec![
            Action::Go(Go::NewSession),
            Action::Session(SessionAction::Create {
                form,
                id: id.into(),
                salt: [3; 16],
                now_ms: 1_000,
            }),
        ],
    );
    written(s, Ok(()))
}

/// A loaded state with a session of the recommendation sample whose ballots are all 党员.
fn recommendation_session() -> Rc<AppState> {
    create(
        ready(Dump::default(), None),
        form(1, Some(CategoryRule::Fixed { index: 0 })),
        "s1",
    )
}

fn pin(s: Rc<AppState>, intent: Intent, pin: &str) -> Rc<AppState> {
    run(
        s,
        vec![
            Action::Pin(PinAction::Ask {
                session: "s1".into(),
                intent,
            }),
            Action::Pin(PinAction::Enter {
                pin: pin.into(),
                now_ms: 2_000,
            }),
        ],
    )
}

fn stage(s: &AppState) -> Option<&Stage> {
    s.draft.as_ref().map(|d| &d.stage)
}

fn filled(s: &AppState) -> u32 {
    s.session("s1")
        .map_or(0, |x| x.tally().expect("counted").total())
}

fn vote_for(s: Rc<AppState>, candidates: &[u16]) -> Rc<AppState> {
    let mut actions: Vec<Action> = candidates
        .iter()
        .map(|&candidate| {
            Action::Vote(VoteAction::ToggleCandidate {
                section: 0,
                candidate,
            })
        })
        .collect();
    actions.extend([
        Action::Vote(VoteAction::Submit),
        Action::Vote(VoteAction::ConfirmSubmit),
    ]);
    run(s, actions)
}

#[test]
fn a_session_is_created_only_once_stored_and_its_form_is_checked_field_by_field() {
    let s = run(
        ready(Dump::default(), None),
        vec![
            Action::Go(Go::NewSession),
            Action::Session(SessionAction::Create {
                form: SessionForm {
                    area: " ".into(),
                    issued: "三十".into(),
                    pin_repeat: "1357".into(),
                    ..form(1, None)
                },
                id: "s1".into(),
                salt: [0; 16],
                now_ms: 0,
            }),
        ],
    );
    assert_eq!(
        *s.form_errors,
        vec![
            (SessionField::Area, SessionError::AreaMissing),
            (SessionField::Issued, SessionError::NumberInvalid),
            (SessionField::PinRepeat, SessionError::PinMismatch),
        ]
    );
    assert!(s.pending.is_none());
    let s = s.reduce(Action::Session(SessionAction::Create {
        form: form(1, None),
        id: "s1".into(),
        salt: [0; 16],
        now_ms: 0,
    }));
    assert!(s.form_errors.is_empty());
    // The PIN is derived by the browser first (slowly, on purpose); nothing is stored yet.
    let d = s.deriving.clone().expect("deriving the PIN");
    assert_eq!(d.pin, PIN);
    assert_eq!(d.kdf, ballot_core::pin::Kdf::new([0; 16]));
    assert!(s.pending.is_none());
    // A late answer to another round changes nothing.
    let same = s.clone().reduce(Action::Pin(PinAction::Derived {
        round: d.round + 1,
        derived: Some("00".into()),
    }));
    assert!(same.pending.is_none() && same.deriving.is_some());
    let s = s.reduce(Action::Pin(PinAction::Derived {
        round: d.round,
        derived: Some(harness::derive(PIN, &d.kdf)),
    }));
    assert!(matches!(
        s.pending,
        Some(Pending {
            write: Write::Session(_),
            ..
        })
    ));
    assert!(s.sessions.is_empty(), "not before it is stored");
    let s = written(s, Ok(()));
    let session = s.session("s1").expect("created");
    // The PIN is stored derived, and the same PIN typed later matches it.
    let kdf = match session.record.pin.check(PIN) {
        ballot_core::pin::PinCheck::Derive(kdf) => kdf,
        other => panic!("a derived PIN, not {other:?}"),
    };
    assert!(session
        .record
        .pin
        .matches_derived(&harness::derive(PIN, &kdf)));
    assert!(!session
        .record
        .pin
        .matches_derived(&harness::derive("246814", &kdf)));
    // No category chosen on a template with categories: the voters choose.
    assert_eq!(session.spec().category, CategoryRule::VoterChooses);
    assert_eq!(session.turnout().issued, Some(3));
    assert_eq!(s.page, Page::Manage("s1".into()));
}

#[test]
fn three_voters_in_turn_each_start_from_an_empty_ballot() {
    let mut s = start(recommendation_session());
    for (n, candidate) in [2u16, 0, 4].into_iter().enumerate() {
        let d = s.draft.as_ref().expect("draft");
        assert!(d.ballot.has_no_marks());
        assert_eq!(
            d.ballot.category,
            Some(0),
            "the session's category is preset"
        );
        assert_eq!(d.stage, Stage::Filling);
        s = vote_for(s, &[candidate]);
        assert_eq!(stage(&s), Some(&Stage::Storing));
        assert_eq!(filled(&s), n as u32, "counted only once stored");
        s = written(s, Ok(()));
        assert_eq!(stage(&s), Some(&Stage::Recorded));
        assert!(s.draft.as_ref().is_some_and(|d| d.ballot.has_no_marks()));
        assert_eq!(filled(&s), n as u32 + 1);
        s = s.reduce(Action::Vote(VoteAction::NextVoter));
    }
    assert_eq!(s.page, Page::Vote("s1".into()));
}

/// 语音朗读 is the voter's own: on for their ballot, through its review and 「已投票」, and
/// off for the next voter and for a ballot cleared when left unattended. It stores nothing.
#[test]
fn voice_reading_ends_with_the_ballot_of_the_voter_who_turned_it_on() {
    let voice = |s: &AppState| s.draft.as_ref().is_some_and(|d| d.voice);
    let activity = |s: &AppState| s.draft.as_ref().map_or(0, |d| d.activity);
    let s = start(recommendation_session());
    assert!(!voice(&s), "off until the voter turns it on");
    let s = s.reduce(Action::Vote(VoteAction::Voice(true)));
    assert!(voice(&s) && s.pending.is_none());
    let s = vote_for(s, &[2]);
    let s = written(s, Ok(()));
    assert_eq!(stage(&s), Some(&Stage::Recorded));
    assert!(voice(&s), "「已投票」 is said to the voter who asked");
    let s = s.reduce(Action::Vote(VoteAction::NextVoter));
    assert!(!voice(&s), "the next voter starts with it off");
    // Turned on and left without a mark: cleared as an unattended ballot is.
    let s = s.reduce(Action::Vote(VoteAction::Voice(true)));
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    assert!(!voice(&s));
    // A ballot left unattended and cleared: the voice goes with it.
    let s = run(
        s,
        vec![
            Action::Vote(VoteAction::Voice(true)),
            Action::Vote(VoteAction::ToggleCandidate {
                section: 0,
                candidate: 1,
            }),
        ],
    );
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    assert!(voice(&s), "asked 「还在投票吗？」, still the same voter");
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    assert!(s.draft.as_ref().is_some_and(|d| d.ballot.has_no_marks()));
    assert!(!voice(&s));
    // Turned off by the voter.
    let s = run(
        s,
        vec![
            Action::Vote(VoteAction::Voice(true)),
            Action::Vote(VoteAction::Voice(false)),
        ],
    );
    assert!(!voice(&s));
}

#[test]
fn the_voter_screen_is_left_only_with_the_pin() {
    let s = start(recommendation_session());
    let s = run(
        s,
        vec![
            Action::Go(Go::Home),
            Action::Go(Go::Manage("s1".into())),
            Action::Go(Go::NewSession),
        ],
    );
    assert_eq!(s.page, Page::Vote("s1".into()));
    let s = pin(s, Intent::LeaveVoting, "1111");
    assert_eq!(s.page, Page::Vote("s1".into()));
    assert_eq!(s.prompt.as_ref().map(|p| p.answer), Some(PinAnswer::Wrong));
    let s = run(
        s,
        vec![Action::Pin(PinAction::Enter {
            pin: PIN.into(),
            now_ms: 0,
        })],
    );
    assert_eq!(
        s.pending.as_ref().map(|p| &p.write),
        Some(&Write::Voting(None))
    );
    let s = written(s, Ok(()));
    assert_eq!(s.page, Page::Manage("s1".into()));
    assert!(s.draft.is_none() && s.prompt.is_none());
}

#[test]
fn results_need_the_pin_and_a_closed_session() {
    let s = start(recommendation_session());
    let s = written(vote_for(s, &[1, 2]), Ok(()));
    let s = written(pin(s, Intent::LeaveVoting, PIN), Ok(()));
    // Open: no results, even with the PIN.
    let s = pin(s, Intent::Results, PIN);
    assert_eq!(s.page, Page::Manage("s1".into()));
    // Close: a logged event, stored before it takes effect, then the count.
    let s = pin(s, Intent::Close, "0000");
    assert!(s.pending.is_none());
    let s = run(
        s,
        vec![Action::Pin(PinAction::Enter {
            pin: PIN.into(),
            now_ms: 5,
        })],
    );
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Open));
    let s = written(s, Ok(()));
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Closed));
    assert_eq!(s.page, Page::Results("s1".into()));
    // Closed: no more ballots.
    let s = run(
        s,
        vec![
            Action::Go(Go::Home),
            Action::Session(SessionAction::StartVoting("s1".into())),
        ],
    );
    assert_eq!(s.page, Page::Home);
    assert!(s.draft.is_none());
    // Reopening needs the PIN and is on record.
    let s = run(s, vec![Action::Go(Go::Manage("s1".into()))]);
    let s = written(pin(s, Intent::Reopen, PIN), Ok(()));
    let log = &s.session("s1").expect("session").log;
    let kinds: Vec<EventKind> = log.events().iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![EventKind::Closed, EventKind::Reopened]);
    assert_eq!(log.events()[0].at_ms, 5);
    let s = written(
        s.reduce(Action::Session(SessionAction::StartVoting("s1".into()))),
        Ok(()),
    );
    assert_eq!(s.page, Page::Vote("s1".into()));
}

#[test]
fn a_refused_ballot_is_not_counted_keeps_its_marks_and_alerts_the_organiser() {
    let s = start(recommendation_session());
    let s = written(vote_for(s, &[3]), Err(StoreError::Full));
    assert_eq!(stage(&s), Some(&Stage::NotRecorded));
    assert_eq!(filled(&s), 0);
    assert_eq!(s.session("s1").map(|x| x.failures), Some(1));
    assert!(s.draft.as_ref().is_some_and(|d| !d.ballot.has_no_marks()));
    let s = run(
        s,
        vec![
            Action::Vote(VoteAction::Submit),
            Action::Vote(VoteAction::ConfirmSubmit),
        ],
    );
    let s = written(s, Ok(()));
    assert_eq!(filled(&s), 1);
}

#[test]
fn a_late_report_for_another_write_changes_nothing() {
    let s = vote_for(start(recommendation_session()), &[1]);
    let seq = s.pending.as_ref().expect("pending").seq;
    let s = s.reduce(Action::Store(StoreEvent::Written {
        seq: seq.wrapping_add(7),
        result: Ok(()),
    }));
    assert_eq!(stage(&s), Some(&Stage::Storing));
    assert_eq!(filled(&s), 0);
}

#[test]
fn marks_are_frozen_under_review_and_while_storing() {
    let s = start(recommendation_session());
    let s = run(
        s,
        vec![
            Action::Vote(VoteAction::ToggleCandidate {
                section: 0,
                candidate: 1,
            }),
            Action::Vote(VoteAction::Submit),
            Action::Vote(VoteAction::ToggleCandidate {
                section: 0,
                candidate: 2,
            }),
        ],
    );
    assert_eq!(stage(&s), Some(&Stage::Review));
    let s = s.reduce(Action::Vote(VoteAction::ConfirmSubmit));
    let s = s.reduce(Action::Vote(VoteAction::ToggleCandidate {
        section: 0,
        candidate: 3,
    }));
    let Some(Pending {
        write: Write::Ballot { ballot, .. },
        ..
    }) = &s.pending
    else {
        panic!("a ballot write");
    };
    let mut expected = Ballot::empty(&samples::all()[1], Some(0));
    expected
        .toggle_candidate(&samples::all()[1], 0, 1)
        .expect("room");
    assert_eq!(ballot, &expected);
}

#[test]
fn a_blank_ballot_goes_through_the_review_and_counts_as_blank() {
    let s = start(recommendation_session());
    let s = s.reduce(Action::Vote(VoteAction::Submit));
    assert_eq!(stage(&s), Some(&Stage::Review));
    let s = s.reduce(Action::Vote(VoteAction::BackToForm));
    assert_eq!(stage(&s), Some(&Stage::Filling));
    let s = written(
        run(
            s,
            vec![
                Action::Vote(VoteAction::Submit),
                Action::Vote(VoteAction::ConfirmSubmit),
            ],
        ),
        Ok(()),
    );
    let part = s
        .session("s1")
        .expect("session")
        .tally()
        .expect("counted")
        .combined();
    assert_eq!((part.total(), part.blank), (1, 1));
}

#[test]
fn voters_choose_their_category_when_the_session_says_so() {
    let s = start(create(ready(Dump::default(), None), form(0, None), "s1"));
    assert_eq!(stage(&s), Some(&Stage::ChoosingCategory));
    let s = s.reduce(Action::Vote(VoteAction::Submit));
    assert_eq!(
        stage(&s),
        Some(&Stage::ChoosingCategory),
        "no ballot without a category"
    );
    let s = s.reduce(Action::Vote(VoteAction::ChooseCategory(Some(1))));
    assert_eq!(stage(&s), Some(&Stage::Filling));
    assert_eq!(s.draft.as_ref().and_then(|d| d.ballot.category), Some(1));
}

#[test]
fn a_refused_write_in_keeps_its_text_in_its_cell_and_never_reaches_the_ballot() {
    let s = start(recommendation_session());
    let s = s.reduce(Action::Vote(VoteAction::SetWriteIn {
        section: 0,
        slot: 0,
        text: "王秀英".into(),
    }));
    let d = s.draft.as_ref().expect("draft");
    assert_eq!(
        d.refusal, None,
        "the reason is beside the cell, not at the section"
    );
    let held = d.held_in(0, 0).expect("held");
    assert_eq!(held.text, "王秀英");
    assert!(matches!(held.reason, MarkRefused::WriteInIsListed { .. }));
    assert!(d.ballot.has_no_marks());
    // Typed again: replaced.
    let s = s.reduce(Action::Vote(VoteAction::SetWriteIn {
        section: 0,
        slot: 0,
        text: "赵六".into(),
    }));
    let d = s.draft.as_ref().expect("draft");
    assert!(d.held.is_empty());
    assert!(!d.ballot.has_no_marks());
}

#[test]
fn a_write_in_past_the_limit_is_held_and_taken_once_a_name_is_unmarked() {
    let mut s = start(recommendation_session());
    for candidate in 0..5 {
        s = s.reduce(Action::Vote(VoteAction::ToggleCandidate {
            section: 0,
            candidate,
        }));
    }
    s = s.reduce(Action::Vote(VoteAction::SetWriteIn {
        section: 0,
        slot: 1,
        text: "赵六".into(),
    }));
    let written = |s: &AppState| match &s.draft.as_ref().expect("draft").ballot.content {
        ballot_core::ballot::BallotContent::Marked(m) => match &m[0] {
            ballot_core::ballot::SectionMarks::Recommendation(r) => r.write_ins.join(","),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let d = s.draft.as_ref().expect("draft");
    assert!(matches!(
        d.held_in(0, 1).map(|h| &h.reason),
        Some(MarkRefused::LimitReached { max: 5 })
    ));
    assert_eq!(written(&s).trim_matches(','), "");
    s = s.reduce(Action::Vote(VoteAction::ToggleCandidate {
        section: 0,
        candidate: 4,
    }));
    let d = s.draft.as_ref().expect("draft");
    assert!(
        d.held.is_empty(),
        "room again: what the cell shows is on the ballot"
    );
    assert_eq!(written(&s).trim_matches(','), "赵六");
    // Recorded or not, nothing of it stays for the next voter: the draft is wiped whole.
}

#[test]
fn deleting_needs_the_pin_keeps_the_session_as_deleted_and_happens_once_stored() {
    let s = pin(recommendation_session(), Intent::Delete, PIN);
    assert!(matches!(
        s.pending.as_ref().map(|p| &p.write),
        Some(Write::Event {
            event: SessionEvent {
                kind: EventKind::Deleted,
                ..
            },
            ..
        })
    ));
    assert_eq!(s.session("s1").and_then(|x| x.log.deleted_ms()), None);
    let s = written(s, Ok(()));
    // Kept, with its log and ballots, as deleted: no voting, nothing else but a restore.
    let session = s.session("s1").expect("kept");
    assert_eq!(session.log.deleted_ms(), Some(2_000));
    assert!(!session.log.takes_ballots());
    assert!(!session.log.allows(session.spec(), EventKind::Closed));
    assert!(session.log.allows(session.spec(), EventKind::Undeleted));
    assert_eq!(s.page, Page::Home);
    let s = s.reduce(Action::Session(SessionAction::StartVoting("s1".into())));
    assert!(s.pending.is_none());
}

#[test]
fn a_refused_organiser_write_is_reported_and_changes_nothing() {
    let s = written(
        pin(recommendation_session(), Intent::Close, PIN),
        Err(StoreError::Failed),
    );
    assert_eq!(s.notice, Some(StoreError::Failed));
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Open));
    let s = written(pin(s, Intent::SetIssued(Some(40)), PIN), Ok(()));
    assert_eq!(s.session("s1").and_then(|x| x.turnout().issued), Some(40));
}

#[test]
fn attendance_is_set_with_the_pin_and_reaches_the_results_figures() {
    let s = recommendation_session();
    let intent = Intent::SetAttendance {
        due: Some(50),
        present: Some(45),
    };
    // Refused by the store: nothing changes.
    let failed = written(pin(s.clone(), intent, PIN), Err(StoreError::Failed));
    let figures = |s: &AppState| s.session("s1").map(|x| x.turnout().figures());
    assert_eq!(figures(&failed).and_then(|f| f.present), None);
    let s = written(pin(s, intent, PIN), Ok(()));
    let f = figures(&s).expect("the session");
    assert_eq!((f.due, f.present), (Some(50), Some(45)));
}

pub(super) fn stored_session(
    id: &str,
    template: &Template,
    category: CategoryRule,
) -> (String, String) {
    let record = SessionRecord {
        v: 1,
        id: id.into(),
        template: template.canonical_json(),
        spec: SessionSpec {
            area: "长乐居民区".into(),
            branch: "第一支部".into(),
            category,
            issued: Some(2),
            due: None,
            present: None,
            idle_minutes: None,
        },
        pin: harness::pin(PIN),
        opened_ms: 10,
        test: false,
    };
    (id.into(), serde_json::to_string(&record).expect("json"))
}

#[test]
fn the_store_is_read_into_sessions_and_damage_is_counted_not_fatal() {
    let t = &samples::all()[1];
    let mut ballot = Ballot::empty(t, Some(1));
    ballot.toggle_candidate(t, 0, 0).expect("room");
    let json = |b: &Ballot| serde_json::to_string(b).expect("json");
    let key = |n: u8| format!("s1/{}", hex(&[n; 16]));
    let closed = SessionEvent {
        at_ms: 20,
        kind: EventKind::Closed,
    };
    let dump = Dump {
        voting: None,
        sessions: vec![
            stored_session("s1", t, CategoryRule::VoterChooses),
            ("s2".into(), "{not json".into()),
            // Key and id disagree.
            {
                let (_, v) = stored_session("s3", t, CategoryRule::VoterChooses);
                ("s4".into(), v)
            },
        ],
        events: vec![
            (
                "s1/00000000".into(),
                serde_json::to_string(&closed).expect("json"),
            ),
            (
                "s9/00000000".into(),
                serde_json::to_string(&closed).expect("json"),
            ),
        ],
        ballots: vec![
            (key(1), json(&ballot)),
            (key(2), json(&ballot)),
            (key(3), "garbage".into()),
            // Category outside the session's rule.
            (key(4), json(&Ballot::empty(t, None))),
            // The shape of another template.
            (key(5), json(&Ballot::empty(&samples::all()[0], Some(0)))),
            (format!("s9/{}", hex(&[6; 16])), json(&ballot)),
        ],
        corrupt: 1,
        ..Dump::default()
    };
    let s = ready(dump, None);
    assert_eq!(s.load, Load::Ready);
    assert_eq!(s.sessions.len(), 1);
    let session = s.session("s1").expect("s1");
    assert_eq!(session.status(), Status::Closed);
    assert_eq!(session.tally().expect("counted").total(), 2);
    assert_eq!(session.spec().unit_label(), "长乐居民区 · 第一支部");
    // s2, s4, the orphan event, 3 bad ballots of s1, and one that failed its checksum (each
    // is named by `session::read_stored`, tested in the core). The app reads the ballots of
    // the sessions it has, so s9's orphan ballot is left to the data page, which reads
    // everything and names it.
    assert_eq!(s.damaged_records, 7);
}

#[test]
fn after_a_damaged_event_the_next_one_takes_a_new_key() {
    let t = &samples::all()[1];
    let closed = serde_json::to_string(&SessionEvent {
        at_ms: 20,
        kind: EventKind::Closed,
    })
    .expect("json");
    let dump = Dump {
        sessions: vec![stored_session("s1", t, CategoryRule::VoterChooses)],
        events: vec![
            ("s1/00000000".into(), closed),
            ("s1/00000001".into(), "damaged".into()),
        ],
        ..Dump::default()
    };
    let s = ready(dump, None);
    assert_eq!(s.damaged_records, 1);
    // The damaged record after the close could have been a reopen: neither voting nor a
    // reopen until the organiser decides.
    assert_eq!(
        s.session("s1").map(Session::status),
        Some(Status::Uncertain)
    );
    let s = run(
        s,
        vec![Action::Session(SessionAction::StartVoting("s1".into()))],
    );
    assert!(s.pending.is_none());
    let s = pin(
        run(s, vec![Action::Go(Go::Manage("s1".into()))]),
        Intent::Reopen,
        PIN,
    );
    assert!(s.pending.is_none());
    let decided = EventKind::Decided {
        closed: false,
        issued: Some(2),
    };
    let s = pin(
        s,
        Intent::Decide {
            closed: false,
            issued: Some(2),
        },
        PIN,
    );
    assert!(matches!(
        s.pending.as_ref().map(|p| &p.write),
        Some(Write::Event { seq: 2, event, .. }) if event.kind == decided
    ));
    let s = written(s, Ok(()));
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Open));
    // The decision is on record: a reload reads the same.
    let reloaded = harness::Tab::open(&device(), 2);
    assert_eq!(
        (reloaded.state.session("s1")).map(|x| (x.status(), x.log.uncertain())),
        Some((Status::Open, false))
    );
    let s = pin(s, Intent::Close, PIN);
    assert!(matches!(
        s.pending.as_ref().map(|p| &p.write),
        Some(Write::Event { seq: 3, .. })
    ));
}

#[test]
fn a_reload_while_voting_comes_back_to_a_fresh_ballot_of_an_open_session() {
    let t = &samples::all()[1];
    let dump = || Dump {
        sessions: vec![stored_session("s1", t, CategoryRule::Fixed { index: 1 })],
        ..Dump::default()
    };
    let s = ready(dump(), Some("s1".into()));
    assert_eq!(s.page, Page::Vote("s1".into()));
    let d = s.draft.as_ref().expect("draft");
    assert!(d.ballot.has_no_marks());
    assert_eq!(d.ballot.category, Some(1));
    // A closed session does not take voters back.
    let mut closed = dump();
    closed.events.push((
        "s1/00000000".into(),
        serde_json::to_string(&SessionEvent {
            at_ms: 1,
            kind: EventKind::Closed,
        })
        .expect("json"),
    ));
    assert_eq!(ready(closed, Some("s1".into())).page, Page::Home);
    assert_eq!(ready(dump(), Some("gone".into())).page, Page::Home);
}

#[test]
fn a_device_that_cannot_store_the_voting_marker_is_not_handed_to_voters() {
    let s =
        recommendation_session().reduce(Action::Session(SessionAction::StartVoting("s1".into())));
    let s = written(s, Err(StoreError::Unavailable));
    assert_eq!(s.page, Page::Manage("s1".into()));
    assert!(s.draft.is_none());
    assert_eq!(s.notice, Some(StoreError::Unavailable));
    // Leaving to another page clears the message.
    assert_eq!(s.reduce(Action::Go(Go::Home)).notice, None);
}

#[test]
fn wrong_pins_pause_the_pin_longer_each_round_and_the_pause_survives_a_reload() {
    use ballot_core::pin::PIN_PAUSES_MS;
    let s = start(recommendation_session());
    let ask = Action::Pin(PinAction::Ask {
        session: "s1".into(),
        intent: Intent::LeaveVoting,
    });
    let try_pin = |s: Rc<AppState>, pin: &str, now_ms: u64| {
        run(
            s,
            vec![Action::Pin(PinAction::Enter {
                pin: pin.into(),
                now_ms,
            })],
        )
    };
    let answer = |s: &AppState| s.prompt.as_ref().map(|p| p.answer);
    let mut s = s.reduce(ask);
    // A try is on disk before it is checked: nothing is answered before.
    let typed = s.clone().reduce(Action::Pin(PinAction::Enter {
        pin: PIN.into(),
        now_ms: 0,
    }));
    assert_eq!(answer(&typed), Some(PinAnswer::Checking));
    assert!(matches!(
        typed.pending.as_ref().map(|p| &p.write),
        Some(Write::PinGuard(g)) if g.wrong == 1
    ));
    for i in 0..4 {
        s = try_pin(s, "0000", i);
        assert_eq!(answer(&s), Some(PinAnswer::Wrong));
        assert_eq!(s.pin_guard.wrong, i as u32 + 1);
    }
    s = try_pin(s, "0000", 10);
    assert_eq!(answer(&s), Some(PinAnswer::Locked));
    // Even the right PIN is not checked during the pause, nor after a reload.
    s = try_pin(s, PIN, 10 + PIN_PAUSES_MS[0] - 1);
    assert_eq!(answer(&s), Some(PinAnswer::Locked));
    assert_eq!(s.page, Page::Vote("s1".into()));
    let reloaded = harness::Tab::open(&device(), 2);
    assert_eq!(reloaded.state.pin_guard, s.pin_guard);
    assert!(reloaded.state.pin_guard.paused(10 + PIN_PAUSES_MS[0] - 1));
    // Five more: a longer pause.
    for i in 0..5 {
        s = try_pin(s, "0000", 10 + PIN_PAUSES_MS[0] + i);
    }
    assert_eq!(answer(&s), Some(PinAnswer::Locked));
    assert_eq!(s.pin_guard.wrong, 10);
    let later = 14 + PIN_PAUSES_MS[0] + PIN_PAUSES_MS[1];
    s = try_pin(s, PIN, later - 1);
    assert_eq!(answer(&s), Some(PinAnswer::Locked));
    s = try_pin(s, PIN, later);
    assert_eq!(
        s.pending.as_ref().map(|p| (&p.write, p.reset_pin_guard)),
        Some((&Write::Voting(None), true))
    );
    // The organiser is told how many wrong PINs came before; the device's count is cleared.
    assert_eq!(s.wrong_pins_before, 10);
    assert_eq!(s.pin_guard, PinGuard::default());
    let s = written(s, Ok(()));
    assert_eq!(s.page, Page::Manage("s1".into()));
    assert_eq!(
        harness::Tab::open(&device(), 3).state.pin_guard,
        PinGuard::default()
    );
}

#[test]
fn an_unattended_ballot_is_hidden_then_discarded_and_never_submitted() {
    let s = start(recommendation_session());
    let activity = |s: &AppState| s.draft.as_ref().map_or(0, |d| d.activity);
    // An untouched ballot of a fixed-category session is left alone.
    let a = activity(&s);
    assert!(Rc::ptr_eq(
        &s,
        &s.clone()
            .reduce(Action::Vote(VoteAction::Idle { activity: a }))
    ));
    let s = run(
        s,
        vec![Action::Vote(VoteAction::ToggleCandidate {
            section: 0,
            candidate: 2,
        })],
    );
    // A timer of an earlier tap changes nothing.
    let stale = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s) - 1,
    }));
    assert!(!stale.draft.as_ref().is_some_and(|d| d.asked_idle));
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    assert!(s.draft.as_ref().is_some_and(|d| d.asked_idle));
    // 「继续投票」 keeps the marks.
    let kept = s.clone().reduce(Action::Vote(VoteAction::StillHere));
    assert!(kept
        .draft
        .as_ref()
        .is_some_and(|d| !d.asked_idle && !d.ballot.has_no_marks()));
    // Nobody answers: the ballot is gone, nothing stored.
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    let d = s.draft.as_ref().expect("a fresh ballot");
    assert!(d.ballot.has_no_marks() && !d.asked_idle && d.stage == Stage::Filling);
    assert!(s.pending.is_none());
    assert_eq!(filled(&s), 0);
    // The review screen too.
    let s = run(
        s,
        vec![
            Action::Vote(VoteAction::ToggleCandidate {
                section: 0,
                candidate: 1,
            }),
            Action::Vote(VoteAction::Submit),
        ],
    );
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    let s = s.clone().reduce(Action::Vote(VoteAction::Idle {
        activity: activity(&s),
    }));
    assert_eq!(stage(&s), Some(&Stage::Filling));
    assert!(s.draft.as_ref().is_some_and(|d| d.ballot.has_no_marks()));
}

#[test]
fn a_close_the_full_disk_refuses_still_shows_the_stored_count_and_is_stored_later() {
    let s = start(recommendation_session());
    let s = written(vote_for(s, &[1]), Ok(()));
    let s = written(
        vote_for(s.reduce(Action::Vote(VoteAction::NextVoter)), &[2]),
        Err(StoreError::Full),
    );
    let s = written(pin(s, Intent::LeaveVoting, PIN), Ok(()));
    let s = written(pin(s, Intent::Close, PIN), Err(StoreError::Full));
    assert_eq!(s.page, Page::Results("s1".into()));
    assert_eq!(s.unsaved_close.as_deref(), Some("s1"));
    assert_eq!(filled(&s), 1);
    assert_eq!(s.session("s1").map(|x| x.failures), Some(1));
    // As stored: still open; no voting starts again in this window.
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Open));
    let s = run(
        s,
        vec![
            Action::Go(Go::Manage("s1".into())),
            Action::Session(SessionAction::StartVoting("s1".into())),
        ],
    );
    assert!(s.pending.is_none());
    // Room again: the close is stored, and a reload reads it.
    let s = run(
        s,
        vec![Action::Session(SessionAction::RetryClose { now_ms: 9 })],
    );
    let s = written(s, Ok(()));
    assert_eq!(s.unsaved_close, None);
    assert_eq!(s.session("s1").map(Session::status), Some(Status::Closed));
    let reloaded = harness::Tab::open(&device(), 2);
    assert_eq!(
        reloaded
            .state
            .session("s1")
            .map(|x| (x.status(), x.sum().map(|s| s.filled))),
        Some((Status::Closed, Some(1)))
    );
}

#[test]
fn a_damaged_session_record_hides_none_of_its_ballots() {
    let s = start(recommendation_session());
    let s = written(vote_for(s, &[1]), Ok(()));
    let s = written(
        vote_for(s.reduce(Action::Vote(VoteAction::NextVoter)), &[2]),
        Ok(()),
    );
    assert_eq!(filled(&s), 2);
    // The record's checksum fails: the store hands it over empty, in its place.
    let d = device();
    d.borrow_mut()
        .stores
        .entry("sessions")
        .or_default()
        .insert("s1".into(), String::new());
    let reloaded = harness::Tab::open(&d, 2);
    assert_eq!(reloaded.state.damaged_records, 1);
    let shown = reloaded.state.session("s1").expect("read from its copy");
    assert_eq!(shown.sum(), s.session("s1").expect("s1").sum());
}

// Paper counts.

use super::paper::{mark_at, Replayed};
use crate::app::state::{CountAction, Go, PinAction, SessionAction, StoreEvent, VoteAction};
use ballot_core::ballot::DeclaredVoid;
use ballot_core::count::{CountEntry, CountOp, CountRecord, CountRefused, CountSpec};
use ballot_core::figures::Figures;

fn figures(returned: &str) -> FiguresForm {
    FiguresForm {
        due: "40".into(),
        present: "38".into(),
        issued: "38".into(),
        returned: returned.into(),
    }
}

/// A loaded state showing the count "c1" of the recommendation sample (党员 ballots).
fn counting(returned: &str) -> Rc<AppState> {
    written(create_count(false, returned), Ok(()))
}

/// The new-count form for count "c1" submitted (in 测试模式 when `test`), its record not
/// yet stored.
fn create_count(test: bool, returned: &str) -> Rc<AppState> {
    run(
        ready(Dump::default(), None),
        vec![
            Action::Go(Go::NewCount),
            Action::Count(CountAction::Create {
                form: CountForm {
                    template: 1,
                    area: "长乐居民区".into(),
                    branch: String::new(),
                    category: Some(0),
                    figures: figures(returned),
                    pin: PIN.into(),
                    pin_repeat: PIN.into(),
                    test,
                },
                id: "c1".into(),
                salt: [2; 16],
                now_ms: 1_000,
            }),
        ],
    )
}

fn count(s: &AppState) -> &Count {
    s.count("c1").expect("count c1")
}

/// Count c1's log, as the window holding it has read it.
fn replayed(s: &AppState) -> &Replayed {
    count(s).replayed().expect("c1 read in full")
}

fn pad_ballot(s: &AppState) -> &Ballot {
    &s.counting.as_ref().expect("counting").ballot
}

fn tap(s: Rc<AppState>, candidates: &[u16]) -> Rc<AppState> {
    candidates.iter().fold(s, |s, &candidate| {
        s.reduce(Action::Count(CountAction::Pad(PadAction::Toggle {
            section: 0,
            candidate,
        })))
    })
}

fn commit(s: Rc<AppState>) -> Rc<AppState> {
    s.reduce(Action::Count(CountAction::Commit { now_ms: 5_000 }))
}

fn pending_op(s: &AppState) -> Option<&CountOp> {
    match s.pending.as_ref().map(|p| &p.write) {
        Some(Write::CountEntry { entry, .. }) => Some(&entry.op),
        _ => None,
    }
}

#[test]
fn a_count_starts_only_once_stored_and_its_form_is_checked_field_by_field() {
    let s = run(
        ready(Dump::default(), None),
        vec![
            Action::Go(Go::NewCount),
            Action::Count(CountAction::Create {
                form: CountForm {
                    template: 1,
                    area: " ".into(),
                    figures: FiguresForm {
                        returned: "三十".into(),
                        ..FiguresForm::default()
                    },
                    ..CountForm::default()
                },
                id: "c1".into(),
                salt: [2; 16],
                now_ms: 1,
            }),
        ],
    );
    assert_eq!(
        *s.form_errors,
        vec![
            (SessionField::Area, SessionError::AreaMissing),
            (SessionField::Category, SessionError::CategoryRuleMismatch),
            (SessionField::Returned, SessionError::NumberInvalid),
            (SessionField::Pin, SessionError::PinFormat),
        ]
    );
    assert!(s.pending.is_none());
    let s = counting("30");
    assert_eq!(s.page, Page::Count("c1".into()));
    let c = count(&s);
    assert_eq!(c.spec().unit_label(), "长乐居民区");
    assert_eq!(c.category_name(), Some("党员"));
    assert_eq!(replayed(&s).log.figures().returned, Some(30));
    assert_eq!(pad_ballot(&s).category, Some(0));
}

#[test]
fn the_pad_moves_on_only_once_the_ballot_is_stored() {
    let s = counting("");
    let figures = replayed(&s).log.figures();
    let s = commit(tap(s, &[0, 2]));
    assert_eq!(
        s.pending.as_ref().map(|p| &p.write),
        Some(&Write::CountEntry {
            count: "c1".into(),
            key: 0,
            entry: CountEntry {
                at_ms: 5_000,
                op: CountOp::Add {
                    ballot: pad_ballot(&s).clone()
                }
            },
            // Stored with it: one ballot standing, the next step under key 1.
            sum: CountSum::new(1, 1, 0, figures, None),
        })
    );
    // Frozen while it is written: taps and commits wait.
    let frozen = commit(tap(s.clone(), &[4]));
    assert_eq!(pad_ballot(&frozen), pad_ballot(&s));
    assert_eq!(frozen.pending, s.pending);
    let s = written(s, Ok(()));
    assert_eq!(replayed(&s).log.live_count(), 1);
    assert_eq!(replayed(&s).next_key, 1);
    assert!(pad_ballot(&s).has_no_marks());
    assert!(s.pending.is_none());
    // The next one is stored under the next key.
    let s = commit(tap(s, &[1]));
    assert!(matches!(
        s.pending.as_ref().map(|p| &p.write),
        Some(Write::CountEntry { key: 1, .. })
    ));
}

#[test]
fn a_ballot_beyond_the_returned_is_refused_before_anything_is_stored() {
    let s = written(commit(tap(counting("1"), &[0])), Ok(()));
    let s = commit(tap(s, &[1]));
    assert!(s.pending.is_none());
    assert_eq!(
        s.counting.as_ref().and_then(|c| c.problem.clone()),
        Some(PadProblem::Refused(CountRefused::AllReturnedEntered {
            returned: 1
        }))
    );
    // The marks stay, in case 收回 was wrong.
    assert!(!pad_ballot(&s).has_no_marks());
}

#[test]
fn a_ballot_the_store_refuses_keeps_its_marks_and_counts_nothing() {
    let s = commit(tap(counting(""), &[3]));
    let tapped = pad_ballot(&s).clone();
    let s = written(s, Err(StoreError::Full));
    assert_eq!(
        s.counting.as_ref().and_then(|c| c.problem.clone()),
        Some(PadProblem::NotStored(StoreError::Full))
    );
    assert_eq!(pad_ballot(&s), &tapped);
    assert_eq!(replayed(&s).log.live_count(), 0);
    assert_eq!(replayed(&s).next_key, 0);
    // Again, and it goes through.
    let s = written(commit(s), Ok(()));
    assert_eq!(replayed(&s).log.live_count(), 1);
}

#[test]
fn blank_and_void_buttons_commit_at_once() {
    let s = counting("");
    let s = s.reduce(Action::Count(CountAction::CommitBlank { now_ms: 1 }));
    assert_eq!(
        pending_op(&s),
        Some(&CountOp::Add {
            ballot: count(&s).empty_ballot()
        })
    );
    let s = written(s, Ok(())).reduce(Action::Count(CountAction::CommitVoid {
        reason: DeclaredVoid::Unreadable,
        now_ms: 2,
    }));
    assert_eq!(
        pending_op(&s),
        Some(&CountOp::Add {
            ballot: Ballot::declared_void(Some(0), DeclaredVoid::Unreadable)
        })
    );
    let s = written(s, Ok(()));
    let part = replayed(&s).log.tally().combined();
    assert_eq!((part.valid, part.blank, part.void), (0, 1, 1));
}

#[test]
fn a_correction_puts_the_ballot_back_on_the_pad_and_replaces_it_once_stored() {
    let s = written(commit(tap(counting(""), &[0, 1])), Ok(()));
    let s = written(
        s.reduce(Action::Count(CountAction::CommitVoid {
            reason: DeclaredVoid::Other,
            now_ms: 1,
        })),
        Ok(()),
    );
    let s = s.reduce(Action::Count(CountAction::Correct(1)));
    assert_eq!(s.counting.as_ref().and_then(|c| c.correcting), Some(1));
    assert_eq!(
        pad_ballot(&s),
        &replayed(&s).log.entered().next().expect("entered").ballot
    );
    let s = commit(tap(s, &[1, 6]));
    assert!(matches!(
        pending_op(&s),
        Some(CountOp::Replace { seq: 1, .. })
    ));
    let s = written(s, Ok(()));
    assert_eq!(s.counting.as_ref().and_then(|c| c.correcting), None);
    assert!(pad_ballot(&s).has_no_marks());
    let first = &replayed(&s).log.entered().next().expect("entered");
    assert_eq!(first.corrections, 1);
    assert_eq!(first.ballot.content, {
        let mut b = count(&s).empty_ballot();
        b.toggle_paper_mark(&count(&s).template, 0, 0);
        b.toggle_paper_mark(&count(&s).template, 0, 6);
        b.content
    });
    // A void ballot comes back as an empty pad, to be entered again.
    let s = s.reduce(Action::Count(CountAction::Correct(2)));
    assert!(pad_ballot(&s).has_no_marks());
    assert_eq!(
        s.reduce(Action::Count(CountAction::CancelCorrection))
            .counting
            .as_ref()
            .and_then(|c| c.correcting),
        None
    );
}

#[test]
fn a_strike_is_asked_first_and_the_pad_waits_for_the_answer() {
    let s = written(commit(tap(counting(""), &[0])), Ok(()));
    let s = s.reduce(Action::Count(CountAction::Ask(CountAsk::Strike {
        seq: 1,
        undo: true,
    })));
    assert_eq!(s.asking, Some(CountAsk::Strike { seq: 1, undo: true }));
    let waiting = tap(s.clone(), &[2]);
    assert!(pad_ballot(&waiting).has_no_marks());
    let no = s.clone().reduce(Action::Count(CountAction::Answer {
        yes: false,
        now_ms: 9,
    }));
    assert_eq!((no.asking, no.pending.is_none()), (None, true));
    let yes = s.reduce(Action::Count(CountAction::Answer {
        yes: true,
        now_ms: 9,
    }));
    assert_eq!(pending_op(&yes), Some(&CountOp::Strike { seq: 1 }));
    let yes = written(yes, Ok(()));
    assert_eq!(replayed(&yes).log.live_count(), 0);
    // Restored again, and both steps are in the log with their times.
    let s = written(
        yes.reduce(Action::Count(CountAction::Restore { seq: 1, now_ms: 10 })),
        Ok(()),
    );
    let times: Vec<u64> = replayed(&s).log.entries().map(|e| e.at_ms).collect();
    assert_eq!(times, vec![5_000, 9, 10]);
}

#[test]
fn figures_are_checked_by_field_then_against_the_ballots_entered() {
    let s = written(commit(tap(counting(""), &[0])), Ok(()));
    let s = written(commit(tap(s, &[1])), Ok(()));
    let bad = s.clone().reduce(Action::Count(CountAction::SetFigures {
        form: figures("x"),
        now_ms: 1,
    }));
    assert_eq!(
        bad.counting
            .as_ref()
            .and_then(|c| c.figures_problem.clone()),
        Some(FiguresProblem::Fields(vec![(
            SessionField::Returned,
            SessionError::NumberInvalid
        )]))
    );
    let low = s.clone().reduce(Action::Count(CountAction::SetFigures {
        form: figures("1"),
        now_ms: 1,
    }));
    assert_eq!(
        low.counting
            .as_ref()
            .and_then(|c| c.figures_problem.clone()),
        Some(FiguresProblem::Refused(CountRefused::FiguresInvalid))
    );
    assert!(low.pending.is_none());
    let ok = written(
        s.reduce(Action::Count(CountAction::SetFigures {
            form: figures("2"),
            now_ms: 1,
        })),
        Ok(()),
    );
    assert_eq!(replayed(&ok).log.figures().returned, Some(2));
    assert_eq!(FiguresForm::of(replayed(&ok).log.figures()), figures("2"));
}

#[test]
fn the_voter_screen_cannot_be_left_for_a_count() {
    let s = counting("").reduce(Action::Go(Go::Home));
    let s = create(s, form(1, Some(CategoryRule::Fixed { index: 0 })), "s1");
    let s = start(s);
    let s = s.reduce(Action::Go(Go::OpenCount("c1".into())));
    assert_eq!(s.page, Page::Vote("s1".into()));
    assert!(s.counting.is_none());
}

#[test]
fn deleting_a_count_needs_its_pin_and_keeps_it_as_deleted() {
    let s = counting("");
    assert!(count(&s).record.pin.is_some(), "a new count has a PIN");
    let ask = |s: Rc<AppState>, pin: &str| {
        run(
            s,
            vec![
                Action::Pin(PinAction::Ask {
                    session: "c1".into(),
                    intent: Intent::DeleteCount,
                }),
                Action::Pin(PinAction::Enter {
                    pin: pin.into(),
                    now_ms: 3_000,
                }),
            ],
        )
    };
    let s = ask(s, "135791");
    assert_eq!(
        s.prompt.as_ref().map(|p| &p.answer),
        Some(&PinAnswer::Wrong)
    );
    assert!(s.pending.is_none());
    let s = ask(s.reduce(Action::Pin(PinAction::Cancel)), PIN);
    assert_eq!(pending_op(&s), Some(&CountOp::Deleted(true)));
    let s = written(s, Ok(()));
    // Kept with its whole log, as deleted; nothing more can be entered.
    assert_eq!(replayed(&s).log.deleted_ms(), Some(3_000));
    assert_eq!(s.page, Page::Home);
    assert_eq!(
        replayed(&s)
            .log
            .check(&count(&s).template, &CountOp::Strike { seq: 1 }),
        Err(CountRefused::Deleted)
    );
}

#[test]
fn keys_tap_the_marks_in_screen_order() {
    assert_eq!(
        (
            key_index("1"),
            key_index("9"),
            key_index("a"),
            key_index("Z")
        ),
        (Some(0), Some(8), Some(9), Some(34))
    );
    assert_eq!(
        (key_index("0"), key_index("Enter"), key_index("中")),
        (None, None, None)
    );
    assert_eq!(
        (key_for(0), key_for(9), key_for(35)),
        (Some('1'), Some('a'), None)
    );
    let rec = &samples::all()[1];
    assert_eq!(
        mark_at(rec, 6),
        Some(PadAction::Toggle {
            section: 0,
            candidate: 6
        })
    );
    assert_eq!(mark_at(rec, 7), None);
    // Under a scheme with ×, each name has two keys: its symbol, then its ×.
    let mut spec = rec.clone().into_spec();
    spec.marking.scheme = ballot_core::template::Scheme::AgreeOppose;
    let three = spec.check().expect("valid");
    let listed = |candidate, cross| {
        Some(PadAction::Box {
            section: 0,
            at: ballot_core::count::PaperBox::Listed(candidate),
            cross,
        })
    };
    assert_eq!(
        (mark_at(&three, 0), mark_at(&three, 5), mark_at(&three, 13)),
        (listed(0, false), listed(2, true), listed(6, true))
    );
    assert_eq!(mark_at(&three, 14), None);
    let eval = &samples::all()[0]; // 8 items × 3 levels
    assert_eq!(
        mark_at(eval, 0),
        Some(PadAction::Level {
            section: 0,
            item: 0,
            level: 0
        })
    );
    assert_eq!(
        mark_at(eval, 5),
        Some(PadAction::Level {
            section: 0,
            item: 1,
            level: 2
        })
    );
    assert_eq!(mark_at(eval, 24), None);
    assert_eq!(marks_before(eval, 1), 24);
    let s = counting("").reduce(Action::Count(CountAction::Pad(PadAction::Key(2))));
    let mut want = count(&s).empty_ballot();
    want.toggle_paper_mark(&count(&s).template, 0, 2);
    assert_eq!(pad_ballot(&s), &want);
}

#[test]
fn stored_counts_are_read_back_and_damage_is_counted_not_fatal() {
    let t = &samples::all()[1];
    let record = CountRecord {
        v: 1,
        id: "c1".into(),
        template: t.canonical_json(),
        spec: CountSpec {
            area: "长乐居民区".into(),
            branch: String::new(),
            category: Some(1),
        },
        figures: Figures {
            returned: Some(5),
            ..Figures::default()
        },
        opened_ms: 7,
        pin: None,
        test: false,
    };
    let mut ballot = Ballot::empty(t, Some(1));
    ballot.toggle_paper_mark(t, 0, 3);
    let entry = |op| serde_json::to_string(&CountEntry { at_ms: 1, op }).expect("json");
    let dump = Dump {
        counts: vec![
            ("c1".into(), serde_json::to_string(&record).expect("json")),
            ("c2".into(), "{broken".into()),
        ],
        count_entries: vec![
            (
                "c1/00000000".into(),
                entry(CountOp::Add {
                    ballot: ballot.clone(),
                }),
            ),
            ("c1/00000001".into(), "garbage".into()),
            ("c1/00000002".into(), entry(CountOp::Strike { seq: 7 })), // no such ballot
            ("c1/00000004".into(), entry(CountOp::Add { ballot })),
            ("c9/00000000".into(), entry(CountOp::Strike { seq: 1 })),
        ],
        ..Dump::default()
    };
    let s = ready(dump, None);
    assert_eq!(s.counts.len(), 1);
    let c = replayed(&s);
    assert_eq!(c.log.live_count(), 2);
    assert_eq!(c.log.figures().returned, Some(5));
    // Keys are never reused, even past a damaged or missing one.
    assert_eq!(c.next_key, 5);
    // The counting screen says that two of its steps are missing from what it shows.
    assert_eq!(c.unreadable, 2);
    // c2, the garbage entry, the refused strike (c9's orphan step is the data page's to
    // name: the app reads the logs of the counts it has).
    assert_eq!(s.damaged_records, 3);
}

/// The library's records as the store holds them: (key, record JSON), in key order.
fn library_dump() -> Dump {
    use ballot_core::library::{record_key, LibraryRecord};
    let mut spec = samples::all()[1].clone().into_spec();
    spec.issuer = "长乐街道党工委".into();
    let changed = serde_json::to_string(&spec).unwrap();
    // Sound in every field but one result rule, which does not read: never offered, so
    // nobody votes or counts with a template its results cannot be judged under.
    spec.rules = vec!["quorum 过半".into()];
    let rules_do_not_read = serde_json::to_string(&spec).unwrap();
    let record = |id: &str, rev: u32, name: &str, template: &str, draft: &str| {
        let r = LibraryRecord {
            v: 1,
            id: id.into(),
            rev,
            name: name.into(),
            template: template.into(),
            draft: draft.into(),
            saved_ms: 1,
        };
        (record_key(id, rev), serde_json::to_string(&r).unwrap())
    };
    Dump {
        templates: vec![
            // Ready at revision 0, a draft since: the draft is the newest, nothing offered.
            record("a", 0, "改了一半", &changed, ""),
            record("a", 1, "改了一半", "", "{}"),
            // Offered: its newest revision, ready.
            record("b", 0, "旧名字", "", "{}"),
            record("b", 1, "长乐推荐票", &changed, ""),
            ("c/00000000".into(), "{\"v\":1".into()),
            record("d", 0, "坏的", "{\"format\":\"ballot-kit/template\"", ""),
            record("e", 0, "规则读不懂", &rules_do_not_read, ""),
        ],
        ..Dump::default()
    }
}

#[test]
fn library_templates_are_offered_after_the_samples_and_broken_ones_are_not() {
    let s = ready(library_dump(), None);
    let names: Vec<&str> = s.templates.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert_eq!(names[2], "长乐推荐票");
    assert_eq!(s.templates[2].template.spec().issuer, "长乐街道党工委");
    // The record that does not read is counted as damaged, for the home screen to say.
    assert_eq!(s.damaged_records, 1);
    // A session made with it carries its own copy of the template.
    let s = create(s, form(2, Some(CategoryRule::Fixed { index: 0 })), "s1");
    let session = s.session("s1").expect("created");
    assert_eq!(session.fingerprint, s.templates[2].fingerprint);
    // No ballot yet: not frozen.
    assert!(s.fingerprints_with_ballots().is_empty());
    // Reading the store again (on leaving the studio) does not add the samples twice.
    let again = s.reduce(Action::Store(StoreEvent::Loaded(Ok(library_dump()))));
    assert_eq!(again.templates.len(), 3);
}

#[test]
fn the_samples_are_read_in_a_step_of_their_own_once_and_kept_first() {
    // As the app starts: no samples (their parser is in the later chunk).
    let fresh = Rc::new(AppState::new(Vec::new()));
    assert!(!fresh.has_built_in() && fresh.templates.is_empty());
    // Not a reason to read the store again: the App sends `Samples` for them.
    assert!(!fresh.unread());
    let s = fresh.reduce(Action::Store(StoreEvent::Samples));
    let titles: Vec<String> = s.templates.iter().map(|e| e.name.clone()).collect();
    let samples = samples::all();
    assert_eq!(
        titles,
        [
            samples[0].spec().title.clone(),
            samples[1].spec().title.clone()
        ]
    );
    // Once: a second `Samples` changes nothing (the same state, not re-rendered).
    let again = s.clone().reduce(Action::Store(StoreEvent::Samples));
    assert!(Rc::ptr_eq(&s, &again));
    // The store read after them keeps them first, once, before the library's.
    let s = s.reduce(Action::Store(StoreEvent::Loaded(Ok(library_dump()))));
    let names: Vec<String> = s.templates.iter().map(|e| e.name.clone()).collect();
    assert_eq!(names[..2], titles[..]);
    assert_eq!(names[2], "长乐推荐票");
    assert_eq!(names.len(), 3);
}

#[test]
fn a_shared_link_opens_the_studio_but_never_over_the_voter_screen() {
    let s = ready(
        Dump {
            shared_link: true,
            ..Dump::default()
        },
        None,
    );
    assert_eq!(s.page, Page::Templates);
    let s = s.reduce(Action::Go(Go::Home));
    assert_eq!(s.page, Page::Home);

    // A device showing voters stays on the voter screen: leaving it needs the PIN.
    let s = create(
        ready(Dump::default(), None),
        form(1, Some(CategoryRule::Fixed { index: 0 })),
        "s1",
    );
    let voting = start(s);
    assert_eq!(voting.page, Page::Vote("s1".into()));
    let dump = Dump {
        sessions: vec![(
            "s1".into(),
            serde_json::to_string(&*voting.session("s1").unwrap().record).unwrap(),
        )],
        shared_link: true,
        ..Dump::default()
    };
    let reloaded = ready(dump, Some("s1".into()));
    assert_eq!(reloaded.page, Page::Vote("s1".into()));
    assert_eq!(
        reloaded.reduce(Action::Go(Go::Templates)).page,
        Page::Vote("s1".into())
    );
}

/// A PIN typed while the one before is being derived is not taken: each try is counted on
/// disk from the count before it, one at a time.
#[test]
fn one_pin_is_checked_at_a_time() {
    let s = recommendation_session().reduce(Action::Pin(PinAction::Ask {
        session: "s1".into(),
        intent: Intent::Results,
    }));
    let s = s.reduce(Action::Pin(PinAction::Enter {
        pin: "111111".into(),
        now_ms: 2_000,
    }));
    assert!(matches!(
        s.pending.as_ref().map(|p| &p.write),
        Some(Write::PinGuard(_))
    ));
    let seq = s.pending.as_ref().map_or(0, |p| p.seq);
    let s = s.reduce(Action::Store(StoreEvent::Written {
        seq,
        result: Ok(()),
    }));
    assert!(s.deriving.is_some(), "the wrong PIN is being derived");
    let again = s.clone().reduce(Action::Pin(PinAction::Enter {
        pin: PIN.into(),
        now_ms: 2_100,
    }));
    assert!(
        again.pending.is_none(),
        "no second try while the first is checked"
    );
    let s = settle(s);
    assert_eq!(s.pin_guard.wrong, 1);
    assert_eq!(
        s.prompt.as_ref().map(|p| &p.answer),
        Some(&PinAnswer::Wrong)
    );
}

/// A session opened before PINs were derived keeps its 4-digit PIN, checked as before.
#[test]
fn a_version_1_pin_still_opens_its_session() {
    let mut dump = Dump::default();
    let record = SessionRecord {
        v: 1,
        id: "s1".into(),
        template: samples::all()[1].canonical_json(),
        spec: SessionSpec {
            area: "长乐居民区".into(),
            branch: String::new(),
            category: CategoryRule::Fixed { index: 0 },
            issued: None,
            due: None,
            present: None,
            idle_minutes: None,
        },
        pin: Pin::v1("2468", [1; 16]),
        opened_ms: 0,
        test: false,
    };
    let text = serde_json::to_string(&record).expect("json");
    dump.sessions = vec![("s1".into(), text.clone()), ("s1/copy".into(), text)];
    let s = ready(dump, None);
    let s = s.reduce(Action::Go(Go::Manage("s1".into())));
    let s = settle(s);
    let s = written(pin(s, Intent::Close, "2468"), Ok(()));
    assert_eq!(s.session("s1").map(|x| x.status()), Some(Status::Closed));
}

/// A PIN typed for one question never answers another asked while it was being checked:
/// the right PIN for 查看结果, cancelled, then 删除场次 asked, deletes nothing.
#[test]
fn a_pin_answers_only_the_question_it_was_typed_for() {
    let s = recommendation_session()
        .reduce(Action::Pin(PinAction::Ask {
            session: "s1".into(),
            intent: Intent::Results,
        }))
        .reduce(Action::Pin(PinAction::Enter {
            pin: PIN.into(),
            now_ms: 2_000,
        }));
    // While its try is stored, and again while it is derived, another question comes.
    for stage in 0..2 {
        let mut s = s.clone();
        if stage == 1 {
            let seq = s.pending.as_ref().map_or(0, |p| p.seq);
            s = s.reduce(Action::Store(StoreEvent::Written {
                seq,
                result: Ok(()),
            }));
            assert!(s.deriving.is_some());
        }
        let s = s
            .reduce(Action::Pin(PinAction::Cancel))
            .reduce(Action::Pin(PinAction::Ask {
                session: "s1".into(),
                intent: Intent::Delete,
            }));
        let s = settle(s);
        let s = settle(s);
        assert!(
            s.session("s1")
                .is_some_and(|x| x.log.deleted_ms().is_none()),
            "stage {stage}"
        );
        assert!(
            !matches!(
                s.pending.as_ref().map(|p| &p.write),
                Some(Write::Event { .. })
            ),
            "stage {stage}: nothing written for the delete"
        );
        // The try stays counted, as on disk; the delete question (asked once no write was
        // pending) still waits for its own PIN.
        assert_eq!(s.pin_guard.wrong, 1, "stage {stage}");
        let waiting = s.prompt.as_ref().map(|p| (p.intent, &p.answer));
        assert!(
            waiting.is_none() || waiting == Some((Intent::Delete, &PinAnswer::None)),
            "stage {stage}: {waiting:?}"
        );
    }
}

/// 拍照计票: a reading with one box the reader was unsure of and one written name.
fn camera_reading(s: &AppState) -> ballot_core::omr::propose::Proposal {
    use ballot_core::omr::layout::BoxRef;
    use ballot_core::omr::propose::{Doubt, Open, Proposal};
    use ballot_core::omr::read::Mark;
    let mut ballot = count(s).empty_ballot();
    let t = &count(s).template;
    ballot.toggle_paper_mark(t, 0, 0);
    Proposal {
        ballot,
        open: vec![
            Open::Box {
                what: BoxRef::Listed {
                    section: 0,
                    candidate: 2,
                },
                read: Mark::Circle,
                doubt: Doubt::Unsure,
            },
            Open::Name {
                section: 0,
                slot: 0,
            },
        ],
    }
}

#[test]
fn a_ballot_the_camera_read_is_entered_only_once_the_counter_decided_what_it_left_open() {
    let s = counting("");
    let proposal = camera_reading(&s);
    let s = s.reduce(Action::Count(CountAction::CameraRead {
        proposal: proposal.clone(),
        images: vec!["data:image/bmp;base64,Qk0=".into(); 2],
    }));
    assert_eq!(pad_ballot(&s), &proposal.ballot);
    // 下一张 with two things open: refused, nothing stored.
    let s = commit(s);
    assert!(s.pending.is_none());
    assert_eq!(
        s.counting.as_ref().and_then(|c| c.problem.clone()),
        Some(PadProblem::Refused(CountRefused::Undecided { open: 2 }))
    );
    // The counter sees a ○ in the unsure box, and types the written name.
    let s = s.reduce(Action::Count(CountAction::CameraDecide {
        k: 0,
        marks: Some((true, false)),
    }));
    let s = s.reduce(Action::Count(CountAction::Pad(PadAction::WriteIn {
        section: 0,
        slot: 0,
        text: "赵六".into(),
    })));
    let s = commit(s);
    assert_eq!(
        s.counting.as_ref().and_then(|c| c.problem.clone()),
        Some(PadProblem::Refused(CountRefused::Undecided { open: 1 }))
    );
    let s = commit(s.reduce(Action::Count(CountAction::CameraDecide {
        k: 1,
        marks: None,
    })));
    let entered = pad_ballot(&s).clone();
    match pending_op(&s) {
        Some(CountOp::Read { ballot, camera }) => {
            assert_eq!(ballot, &entered);
            assert_eq!(camera.read, proposal.ballot);
            assert_eq!(camera.open, 2);
        }
        other => panic!("a ballot read by the camera: {other:?}"),
    }
    // Stored: the pad is empty again and the reading is gone with its images.
    let s = written(s, Ok(()));
    assert_eq!(replayed(&s).log.live().collect::<Vec<_>>(), vec![&entered]);
    assert!(pad_ballot(&s).has_no_marks());
    assert_eq!(s.counting.as_ref().and_then(|c| c.camera.clone()), None);
}

#[test]
fn a_reading_never_replaces_the_counters_taps_or_a_correction_and_a_tap_decides_a_box() {
    let s = counting("");
    let proposal = camera_reading(&s);
    let read = |s: Rc<AppState>| {
        s.reduce(Action::Count(CountAction::CameraRead {
            proposal: proposal.clone(),
            images: vec![],
        }))
    };
    // Over the counter's taps: not taken.
    let tapped = tap(s.clone(), &[4]);
    assert_eq!(read(tapped.clone()).counting, tapped.counting);
    // Over a correction: not taken.
    let s1 = written(commit(tap(s.clone(), &[1])), Ok(()));
    let correcting = s1.reduce(Action::Count(CountAction::Correct(1)));
    assert_eq!(read(correcting.clone()).counting, correcting.counting);
    // On an empty pad: taken, and tapping the unsure box decides it.
    let s = tap(read(s), &[2]);
    let d = s
        .counting
        .as_ref()
        .and_then(|c| c.camera.clone())
        .expect("a reading");
    assert_eq!(d.draft.open().count(), 1);
    // 清空 drops the reading.
    let s = s.reduce(Action::Count(CountAction::Pad(PadAction::Clear)));
    assert_eq!(s.counting.as_ref().and_then(|c| c.camera.clone()), None);
    // 空白票 over a reading is the counter's decision on the whole ballot, kept with it.
    let s = read(s).reduce(Action::Count(CountAction::CommitBlank { now_ms: 1 }));
    assert!(matches!(pending_op(&s), Some(CountOp::Read { ballot, .. }) if ballot.has_no_marks()));
}

#[test]
fn a_count_in_test_mode_is_stored_as_a_rehearsal() {
    let s = create_count(true, "");
    match s.pending.as_ref().map(|p| &p.write) {
        Some(Write::Count(record)) => {
            assert!(record.test);
            assert!(serde_json::to_string(&**record)
                .expect("json")
                .contains("\"test\":true"));
        }
        other => panic!("the count's record: {other:?}"),
    }
    let s = written(s, Ok(()));
    assert!(count(&s).record.test);
    // A count not in test mode does not say so in its record at all.
    let json = serde_json::to_string(&*count(&counting("")).record).expect("json");
    assert!(!json.contains("test"), "{json}");
}

#[test]
fn a_session_in_test_mode_is_stored_as_a_rehearsal() {
    let s = create(
        ready(Dump::default(), None),
        SessionForm {
            test: true,
            ..form(1, None)
        },
        "s1",
    );
    let session = s.session("s1").expect("stored");
    assert!(session.record.test);
    assert!(serde_json::to_string(&*session.record)
        .expect("json")
        .contains("\"test\":true"));
    // What the screen shows is what a reload reads.
    let reloaded = harness::Tab::open(&device(), 2).state;
    assert!(reloaded.session("s1").expect("read back").record.test);
    // A real session's record does not say so at all: it reads as it always did.
    let s = recommendation_session();
    let json = serde_json::to_string(&*s.session("s1").expect("stored").record).expect("json");
    assert!(!json.contains("test"), "{json}");
}

/// 长辈版 is a way of showing: the switch changes the state and nothing is stored for it
/// (the App applies and remembers it on the device).
#[test]
fn the_large_text_switch_changes_only_how_the_screens_are_shown() {
    let s = recommendation_session();
    let on = s.clone().reduce(Action::Large(true));
    assert!(on.large && on.pending.is_none());
    assert_eq!(*on.sessions, *s.sessions);
    // The same choice again changes nothing (the same state).
    assert!(Rc::ptr_eq(&on, &on.clone().reduce(Action::Large(true))));
    assert!(!on.reduce(Action::Large(false)).large);
}
