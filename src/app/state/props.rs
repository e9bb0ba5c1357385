//! The invariant behind "acknowledged means kept", as a property over random sequences of
//! what people do with two windows of the app on one device (votes, category changes,
//! close, reopen, paper ballots, corrections and strikes, writes that succeed or fail,
//! reloads): at every step
//! - what a window shows of the session or count it holds equals what a reload reads;
//! - no two windows hold the same session or count;
//! - every ballot acknowledged to a voter is stored, once, and read back as counted;
//! - nothing the app stored is refused on reading: the only damaged record is the one seeded
//!   (a session whose first event's checksum failed, left uncertain until a decision).

use ballot_core::samples;
use ballot_core::session::CategoryRule;
use proptest::prelude::*;

use super::harness::{device, Tab};
use super::*;
use crate::app::state::{CountAction, Go, PinAction, SessionAction, VoteAction};

const PIN: &str = "246813";

#[derive(Debug, Clone)]
enum Step {
    /// An action in window 0 or 1.
    Act(usize, Act),
    /// Window `0` or `1` performs its pending write; `true`: the disk refuses it.
    Write(usize, bool),
    /// Window `0` or `1` is reloaded (a crash before a pending write loses only that write,
    /// which was never acknowledged).
    Reload(usize),
}

#[derive(Debug, Clone)]
enum Act {
    Manage,
    StartVoting,
    GoHome,
    OpenCount,
    Choose(Option<u16>),
    Toggle(u16),
    Submit,
    Confirm,
    Next,
    Back,
    Pin(Intent),
    PadToggle(u16),
    /// Under a scheme with ×: a voter's choice for a name (0 赞成, 1 反对, 2 弃权), and a
    /// counter's tap on a name's symbol or × (`true`).
    Vote3(u16, u8),
    PadBox(u16, bool),
    Commit,
    Blank,
    Correct(u32),
    Strike(u32),
    Yes,
    RetryClose,
    /// A whole ballot: a category picked (or not), a name marked, submitted, confirmed.
    Ballot(Option<u16>, u16),
    /// 拍照计票: a ballot the camera read (the names marked), with the first of them left
    /// to the counter (`true`); and the counter's decision on the `k`-th thing left open.
    CameraRead(Vec<u16>, bool),
    CameraDecide(usize),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        (prop::option::of(0u16..3), 0u16..7).prop_map(|(c, n)| Act::Ballot(c, n)),
        (prop::option::of(0u16..3), 0u16..7).prop_map(|(c, n)| Act::Ballot(c, n)),
        (prop::option::of(0u16..3), 0u16..7).prop_map(|(c, n)| Act::Ballot(c, n)),
        Just(Act::Manage),
        Just(Act::StartVoting),
        Just(Act::GoHome),
        Just(Act::OpenCount),
        prop::option::of(0u16..3).prop_map(Act::Choose),
        (0u16..7).prop_map(Act::Toggle),
        Just(Act::Submit),
        Just(Act::Confirm),
        Just(Act::Confirm),
        Just(Act::Next),
        Just(Act::Back),
        prop_oneof![
            Just(Intent::Close),
            Just(Intent::Reopen),
            Just(Intent::LeaveVoting),
            Just(Intent::Results),
            Just(Intent::SetIssued(Some(3))),
            Just(Intent::SetAttendance {
                due: Some(10),
                present: Some(8)
            }),
            any::<bool>().prop_map(|closed| Intent::Decide {
                closed,
                issued: Some(2)
            }),
        ]
        .prop_map(Act::Pin),
        (0u16..7).prop_map(Act::PadToggle),
        (0u16..7, 0u8..3).prop_map(|(n, v)| Act::Vote3(n, v)),
        (0u16..7, any::<bool>()).prop_map(|(n, x)| Act::PadBox(n, x)),
        Just(Act::Commit),
        Just(Act::Blank),
        (0u32..4).prop_map(Act::Correct),
        (0u32..4).prop_map(Act::Strike),
        Just(Act::Yes),
        Just(Act::RetryClose),
        (prop::collection::btree_set(0u16..7, 0..4), any::<bool>())
            .prop_map(|(m, unsure)| Act::CameraRead(m.into_iter().collect(), unsure)),
        (0usize..2).prop_map(Act::CameraDecide),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..2, act()).prop_map(|(t, a)| Step::Act(t, a)),
        6 => (0usize..2, prop::bool::weighted(0.15)).prop_map(|(t, f)| Step::Write(t, f)),
        1 => (0usize..2).prop_map(Step::Reload),
    ]
}

fn action(a: Act) -> Vec<Action> {
    let now_ms = 7_000;
    match a {
        Act::Manage => vec![Action::Go(Go::Manage("s1".into()))],
        Act::StartVoting => vec![Action::Session(SessionAction::StartVoting("s1".into()))],
        Act::GoHome => vec![Action::Go(Go::Home)],
        Act::OpenCount => vec![Action::Go(Go::OpenCount("c1".into()))],
        Act::Choose(c) => vec![Action::Vote(VoteAction::ChooseCategory(c))],
        Act::Toggle(candidate) => vec![Action::Vote(VoteAction::ToggleCandidate {
            section: 0,
            candidate,
        })],
        Act::Submit => vec![Action::Vote(VoteAction::Submit)],
        Act::Confirm => vec![Action::Vote(VoteAction::ConfirmSubmit)],
        Act::Next => vec![Action::Vote(VoteAction::NextVoter)],
        Act::Back => vec![Action::Vote(VoteAction::BackToForm)],
        Act::Pin(intent) => vec![
            Action::Pin(PinAction::Ask {
                session: "s1".into(),
                intent,
            }),
            Action::Pin(PinAction::Enter {
                pin: PIN.into(),
                now_ms,
            }),
        ],
        Act::PadToggle(candidate) => vec![Action::Count(CountAction::Pad(PadAction::Toggle {
            section: 0,
            candidate,
        }))],
        Act::Vote3(candidate, v) => {
            use ballot_core::template::Vote;
            let vote = [Vote::Agree, Vote::Oppose, Vote::Abstain][usize::from(v % 3)];
            vec![Action::Vote(VoteAction::Choose {
                section: 0,
                candidate,
                vote,
            })]
        }
        Act::PadBox(candidate, cross) => vec![Action::Count(CountAction::Pad(PadAction::Box {
            section: 0,
            at: ballot_core::count::PaperBox::Listed(candidate),
            cross,
        }))],
        Act::Commit => vec![Action::Count(CountAction::Commit { now_ms })],
        Act::Blank => vec![Action::Count(CountAction::CommitBlank { now_ms })],
        Act::Correct(seq) => vec![Action::Count(CountAction::Correct(seq))],
        Act::Strike(seq) => vec![Action::Count(CountAction::Ask(CountAsk::Strike {
            seq,
            undo: false,
        }))],
        Act::Yes => vec![Action::Count(CountAction::Answer { yes: true, now_ms })],
        Act::RetryClose => vec![Action::Session(SessionAction::RetryClose { now_ms })],
        Act::CameraRead(marked, unsure) => {
            use ballot_core::omr::layout::BoxRef;
            use ballot_core::omr::propose::{Doubt, Open, Proposal};
            // Count c1's ballots: category 0, one names section.
            let json = format!(r#"{{"c":0,"b":{{"m":[{{"r":{{"m":{marked:?}}}}}]}}}}"#);
            let ballot = serde_json::from_str(&json).expect("a paper ballot");
            let open = (marked.first().filter(|_| unsure))
                .map(|&c| Open::Box {
                    what: BoxRef::Listed {
                        section: 0,
                        candidate: usize::from(c),
                    },
                    read: ballot_core::omr::read::Mark::Circle,
                    doubt: Doubt::Unsure,
                })
                .into_iter()
                .collect();
            vec![Action::Count(CountAction::CameraRead {
                proposal: Proposal { ballot, open },
                images: Vec::new(),
            })]
        }
        Act::CameraDecide(k) => vec![Action::Count(CountAction::CameraDecide {
            k,
            marks: Some((true, false)),
        })],
        Act::Ballot(category, candidate) => {
            let mut actions: Vec<Action> = category
                .map(|c| Action::Vote(VoteAction::ChooseCategory(Some(c))))
                .into_iter()
                .collect();
            actions.extend([
                Action::Vote(VoteAction::ToggleCandidate {
                    section: 0,
                    candidate,
                }),
                Action::Vote(VoteAction::Submit),
                Action::Vote(VoteAction::ConfirmSubmit),
            ]);
            actions
        }
    }
}

/// A device holding session "s1" (the recommendation sample, with `rule`, 发出 2) and paper count
/// "c1" of the same template, both empty.
fn seeded(rule: CategoryRule) -> harness::Device {
    seeded_with(rule, false, false)
}

/// The same, `damaged`: its first event's checksum failed (the store hands it over empty);
/// `three`: the template's scheme has × (赞成/反对/弃权).
fn seeded_with(rule: CategoryRule, damaged: bool, three: bool) -> harness::Device {
    let mut spec = samples::all()[1].clone().into_spec();
    if three {
        spec.marking.scheme = ballot_core::template::Scheme::AgreeOppose;
    }
    let t = &spec.check().expect("the sample under another scheme");
    let count = CountRecord {
        v: 1,
        id: "c1".into(),
        template: t.canonical_json(),
        spec: ballot_core::count::CountSpec {
            area: "长乐居民区".into(),
            branch: String::new(),
            category: Some(0),
        },
        figures: ballot_core::figures::Figures {
            returned: Some(4),
            ..Default::default()
        },
        opened_ms: 1,
        pin: None,
        test: false,
    };
    device(Dump {
        sessions: vec![super::tests::stored_session("s1", t, rule)],
        counts: vec![("c1".into(), serde_json::to_string(&count).expect("json"))],
        events: if damaged {
            vec![("s1/00000000".into(), String::new())]
        } else {
            Vec::new()
        },
        ..Dump::default()
    })
}

fn recorded(tab: &Tab) -> bool {
    tab.state
        .draft
        .as_ref()
        .is_some_and(|d| d.stage == Stage::Recorded)
}

/// The device's records read in full (as the data page reads them), every log counted.
fn recounted(d: &harness::Device) -> Rc<AppState> {
    let all = d.borrow().all();
    Rc::new(AppState::new(ballot_core::samples::all()))
        .reduce(Action::Store(StoreEvent::Loaded(Ok(all))))
}

/// What the window shows of what it holds equals what a reload reads; what a reload's home
/// screen shows (checkpoints) equals what the records add up to.
fn check(
    tabs: &[Tab; 2],
    d: &harness::Device,
    acknowledged: u32,
    damaged: usize,
) -> Result<(), TestCaseError> {
    let reread = Tab::open(d, 99);
    d.borrow_mut().locks.retain(|_, t| *t != 99);
    let fresh = &reread.state;
    let all = recounted(d);
    prop_assert_eq!(fresh.damaged_records, damaged);
    let stored = all
        .session("s1")
        .and_then(|x| x.tally())
        .map_or(0, |t| t.total());
    prop_assert_eq!(stored, acknowledged, "acknowledged ballots are kept, once");
    for s in all.sessions.iter() {
        let card = fresh.session(s.id()).and_then(|x| x.sum());
        prop_assert_eq!(
            card,
            s.sum(),
            "a session's card is what its ballots add up to"
        );
    }
    for c in all.counts.iter() {
        let card = fresh.count(c.id()).and_then(|x| x.sum());
        prop_assert_eq!(card, c.sum(), "a count's card is what its log adds up to");
    }
    for tab in tabs {
        let Claim::Held(id) = &tab.state.claim else {
            continue;
        };
        let others = tabs
            .iter()
            .filter(|o| o.id != tab.id && o.state.claim == Claim::Held(id.clone()));
        prop_assert_eq!(others.count(), 0, "one writer");
        if let (Some(shown), Some(read)) = (tab.state.session(id), all.session(id)) {
            prop_assert!(shown.tally().is_some(), "a held session is counted");
            prop_assert_eq!(shown.tally(), read.tally());
            prop_assert_eq!(shown.sum(), read.sum());
            prop_assert_eq!(&shown.log, &read.log);
            prop_assert_eq!(shown.next_event, read.next_event);
        }
        if let (Some(shown), Some(read)) = (tab.state.count(id), all.count(id)) {
            prop_assert!(shown.replayed().is_some(), "a held count is replayed");
            prop_assert_eq!(shown, read);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn what_a_window_shows_is_what_a_reload_reads(
        fixed in any::<bool>(),
        damaged in any::<bool>(),
        three in any::<bool>(),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let rule = if fixed { CategoryRule::Fixed { index: 1 } } else { CategoryRule::VoterChooses };
        let d = seeded_with(rule, damaged, three);
        let mut tabs = [Tab::open(&d, 0), Tab::open(&d, 1)];
        let mut acknowledged = 0;
        for step in steps {
            match step {
                Step::Act(t, a) => {
                    for action in action(a) {
                        tabs[t].act(action);
                    }
                }
                Step::Write(t, fail) => {
                    let before = recorded(&tabs[t]);
                    tabs[t].write(fail.then_some(StoreError::Full));
                    if !before && recorded(&tabs[t]) {
                        acknowledged += 1;
                    }
                }
                Step::Reload(t) => {
                    let old = std::mem::replace(&mut tabs[t], Tab::open(&d, 50));
                    old.close();
                    tabs[t] = Tab::open(&d, t as u32);
                    d.borrow_mut().locks.retain(|_, x| *x != 50);
                }
            }
            // A window waiting for another to let go gets it once that one has.
            for tab in tabs.iter_mut() {
                tab.settle();
            }
            check(&tabs, &d, acknowledged, usize::from(damaged))?;
        }
    }
}

#[test]
fn a_ballot_for_a_fixed_category_session_keeps_that_category() {
    let d = seeded(CategoryRule::Fixed { index: 1 });
    let mut tab = Tab::open(&d, 0);
    for action in action(Act::Manage) {
        tab.act(action);
    }
    // The seeded store has no checkpoint: its first was stored at start (a seed), so
    // opening it writes nothing.
    assert!(tab.state.pending.is_none());
    assert!(d
        .borrow()
        .dump(None)
        .checkpoints
        .iter()
        .any(|(k, _)| k == "s1"));
    for action in action(Act::StartVoting) {
        tab.act(action);
    }
    tab.write(None);
    assert_eq!(tab.state.page, Page::Vote("s1".into()));
    // 更改身份 is not offered, and the reducer refuses it all the same.
    for a in [
        Act::Choose(Some(0)),
        Act::Choose(None),
        Act::Toggle(2),
        Act::Submit,
        Act::Confirm,
    ] {
        for action in action(a) {
            tab.act(action);
        }
    }
    let ballot = match tab.state.pending.as_ref().map(|p| &p.write) {
        Some(Write::Ballot { ballot, .. }) => ballot.clone(),
        other => panic!("a ballot to store, not {other:?}"),
    };
    assert_eq!(ballot.category, Some(1));
    tab.write(None);
    let shown = s1_sum(&tab.state);
    let reloaded = Tab::open(&d, 9);
    assert_eq!(s1_sum(&reloaded.state), shown);
    assert_eq!(
        recounted(&d).session("s1").and_then(|s| s.tally().cloned()),
        tab.state.session("s1").and_then(|s| s.tally().cloned())
    );
    assert_eq!(reloaded.state.damaged_records, 0);
}

#[test]
fn a_second_window_waits_and_then_shows_what_the_first_stored() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut a = Tab::open(&d, 0);
    let mut b = Tab::open(&d, 1);
    a.act(Action::Go(Go::Manage("s1".into())));
    assert_eq!(a.state.claim, Claim::Held("s1".into()));
    // Its checkpoint, written when it is first opened.
    a.write(None);
    b.act(Action::Go(Go::Manage("s1".into())));
    assert_eq!(b.state.claim, Claim::Busy("s1".into()));
    // Nothing that writes goes through in the waiting window.
    b.act(Action::Pin(PinAction::Ask {
        session: "s1".into(),
        intent: Intent::Delete,
    }));
    assert!(b.state.prompt.is_none() && b.state.pending.is_none());
    // A votes; B still waits.
    a.act(Action::Session(SessionAction::StartVoting("s1".into())));
    a.write(None);
    for action in [
        Action::Vote(VoteAction::ChooseCategory(Some(0))),
        Action::Vote(VoteAction::ToggleCandidate {
            section: 0,
            candidate: 1,
        }),
        Action::Vote(VoteAction::Submit),
        Action::Vote(VoteAction::ConfirmSubmit),
    ] {
        a.act(action);
    }
    a.write(None);
    assert_eq!(s1_sum(&a.state).map(|s| s.filled), Some(1));
    b.settle();
    assert_eq!(b.state.claim, Claim::Busy("s1".into()));
    // A's window is closed: B takes over and shows the ballot A stored.
    a.close();
    b.settle();
    assert_eq!(b.state.claim, Claim::Held("s1".into()));
    assert_eq!(s1_counted(&b.state), Some(1));
}

#[test]
fn a_write_into_a_session_deleted_or_closed_elsewhere_is_refused_and_not_acknowledged() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut a = Tab::open(&d, 0);
    a.act(Action::Session(SessionAction::StartVoting("s1".into())));
    a.write(None);
    for action in [
        Action::Vote(VoteAction::ChooseCategory(Some(0))),
        Action::Vote(VoteAction::Submit),
        Action::Vote(VoteAction::ConfirmSubmit),
    ] {
        a.act(action);
    }
    // Behind the locks' back (another browser profile's tool, a hand edit): closed.
    let closed = serde_json::to_string(&SessionEvent {
        at_ms: 1,
        kind: EventKind::Closed,
    })
    .expect("json");
    d.borrow_mut()
        .stores
        .entry("events")
        .or_default()
        .insert("s1/00000000".into(), closed);
    a.write(None);
    assert_eq!(
        a.state.draft.as_ref().map(|d| &d.stage),
        None,
        "the voter screen of a closed session is gone"
    );
    assert_eq!(a.state.page, Page::Home);
    let stored = d.borrow().stores.get("ballots").map_or(0, |b| b.len());
    assert_eq!(stored, 0);
}

/// What session "s1"'s card says (its checkpoint, or its ballots counted).
fn s1_sum(state: &AppState) -> Option<SessionSum> {
    state.session("s1").and_then(Session::sum)
}

/// The ballots "s1" counts, from its records as this window read them.
fn s1_counted(state: &AppState) -> Option<u32> {
    state
        .session("s1")
        .and_then(|s| s.tally())
        .map(|t| t.total())
}

/// Opens "s1", hands it to the voters, stores one ballot and takes the device back with the
/// PIN, then opens count "c1" and goes home, in window `tab`; every write (first
/// checkpoints, the voting marker, the ballot) performed as the store takes it.
fn one_ballot(tab: &mut Tab) {
    let acts = [
        Act::Manage,
        Act::StartVoting,
        Act::Ballot(Some(0), 1),
        Act::Pin(Intent::LeaveVoting),
        Act::OpenCount,
        Act::GoHome,
    ];
    for a in acts {
        let ballot = matches!(a, Act::Ballot(..));
        for action in action(a) {
            tab.act(action);
        }
        while tab.state.pending.is_some() {
            tab.write(None);
        }
        if ballot {
            assert!(recorded(tab), "the ballot is recorded");
        }
    }
    assert_eq!(tab.state.page, Page::Home);
    assert_eq!(d_voting(tab), None);
}

fn d_voting(tab: &Tab) -> Option<String> {
    tab.device.borrow().voting.clone()
}

fn put_checkpoint(d: &harness::Device, id: &str, json: &str) {
    d.borrow_mut()
        .stores
        .entry("checkpoints")
        .or_default()
        .insert(id.into(), json.into());
}

#[test]
fn the_home_screen_reads_checkpoints_not_ballots() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut tab = Tab::open(&d, 0);
    one_ballot(&mut tab);
    tab.close();
    // What a start reads: no ballot and no count step at all.
    let dump = d.borrow().dump(None);
    assert!(dump.ballots.is_empty() && dump.count_entries.is_empty() && dump.full.is_empty());
    let home = Tab::open(&d, 1);
    let s1 = home.state.session("s1").expect("s1");
    assert_eq!(s1.tally(), None, "not counted at start");
    assert_eq!(s1.sum(), Some(SessionSum::new(1, 1)));
    assert_eq!(s1.turnout().filled, 1);
    let c1 = home.state.count("c1").expect("c1");
    assert!(c1.replayed().is_none());
    assert_eq!(c1.sum().map(|s| s.live), Some(0));
    assert!(!home.state.resummed);
}

#[test]
fn a_checkpoint_that_disagrees_is_reported_and_the_records_win() {
    for stored in [
        // Changed by hand.
        "s1 5 5", // Damaged: the store hands it over empty (its checksum failed).
        "",       // Another version.
        "s9 1 1",
    ] {
        let d = seeded(CategoryRule::VoterChooses);
        let mut tab = Tab::open(&d, 0);
        one_ballot(&mut tab);
        tab.close();
        put_checkpoint(&d, "s1", stored);
        let mut home = Tab::open(&d, 1);
        // A checkpoint that cannot be used: the ballots are read at start.
        let usable = stored.starts_with("s1 ");
        let card = s1_sum(&home.state).map(|s| s.filled);
        assert_eq!(card, Some(if usable { 5 } else { 1 }), "{stored}");
        // Opened: its ballots are counted, and they win.
        home.act(Action::Go(Go::Manage("s1".into())));
        let s1 = home.state.session("s1").expect("s1");
        assert_eq!(s1.tally().map(|t| t.total()), Some(1));
        assert_eq!(s1.turnout().filled, 1);
        assert!(home.state.resummed, "said on the home screen: {stored}");
        assert_eq!(
            home.state.pending.as_ref().map(|p| &p.write),
            Some(&Write::Checkpoint {
                id: "s1".into(),
                sum: Sum::Session(SessionSum::new(1, 1)),
                after: 0,
            })
        );
        home.write(None);
        home.act(Action::Go(Go::Home));
        home.act(Action::Store(StoreEvent::DismissResummed));
        assert!(!home.state.resummed);
        // From now on a reload's home screen says what the ballots add up to.
        let again = Tab::open(&d, 2);
        assert_eq!(s1_sum(&again.state), Some(SessionSum::new(1, 1)));
        assert!(!again.state.resummed);
    }
}

#[test]
fn a_missing_checkpoint_is_written_without_a_word() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut tab = Tab::open(&d, 0);
    one_ballot(&mut tab);
    tab.close();
    // As after a restore, or on a device that stored ballots before checkpoints.
    d.borrow_mut().stores.remove("checkpoints");
    let mut home = Tab::open(&d, 1);
    assert_eq!(s1_counted(&home.state), Some(1));
    // Its first checkpoint is stored at start, from the ballots just read (a seed).
    assert!(home.state.seeds.iter().any(|s| s.id == "s1"));
    let dump = d.borrow().dump(None);
    assert!(dump.ballots.is_empty(), "read from its checkpoint again");
    assert_eq!(s1_sum(&Tab::open(&d, 2).state), Some(SessionSum::new(1, 1)));
    // Opening it finds it agreeing: nothing written, nothing said.
    home.act(Action::Go(Go::Manage("s1".into())));
    assert!(!home.state.resummed);
    assert!(home.state.pending.is_none());
}

/// A first checkpoint counted at start is stored only while the log still holds what it was
/// counted from and none has been stored since: a ballot added meanwhile (which stores its
/// own) or records restored without one (which leave none) make it skip.
#[test]
fn a_seed_that_no_longer_fits_the_log_is_skipped() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut voter = Tab::open(&d, 0);
    one_ballot(&mut voter);
    d.borrow_mut().stores.remove("checkpoints");
    let seeds = |d: &harness::Device| Tab::open_unsettled(d).state.seeds.clone();
    // Counted from one ballot; a second is added (with its own checkpoint) before it lands.
    let stale = seeds(&d);
    one_ballot(&mut voter);
    let written = d.borrow().dump(None).checkpoints;
    for s in stale.iter() {
        d.borrow_mut().seed(s);
    }
    assert_eq!(d.borrow().dump(None).checkpoints, written);
    assert_eq!(s1_sum(&Tab::open(&d, 2).state), Some(SessionSum::new(2, 2)));
    // Counted from two; a third record arrives without a checkpoint (as a restore writes).
    d.borrow_mut().stores.remove("checkpoints");
    let stale = seeds(&d);
    d.borrow_mut().stores.entry("ballots").or_default().insert(
        "s1/ffffffffffffffffffffffffffffffff".into(),
        "{\"b\":{\"m\":[]}}".into(),
    );
    for s in stale.iter() {
        d.borrow_mut().seed(s);
    }
    let s1 = |d: &harness::Device| {
        d.borrow()
            .dump(None)
            .checkpoints
            .iter()
            .any(|(k, _)| k == "s1")
    };
    assert!(!s1(&d));
    // The next start counts all three and stores that.
    let again = Tab::open(&d, 3);
    let seed = again
        .state
        .seeds
        .iter()
        .find(|s| s.id == "s1")
        .map(|s| s.records);
    assert_eq!(seed, Some(3));
    assert!(s1(&d));
    // Counted, then its header removed (its ballots left): no checkpoint without a header.
    d.borrow_mut().stores.remove("checkpoints");
    let stale = seeds(&d);
    d.borrow_mut()
        .stores
        .entry("sessions")
        .or_default()
        .retain(|k, _| k != "s1" && k != "s1/copy");
    for s in stale.iter() {
        d.borrow_mut().seed(s);
    }
    assert!(!s1(&d));
}

#[test]
fn a_count_is_shown_from_its_checkpoint_and_opened_from_its_log() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut tab = Tab::open(&d, 0);
    for a in [Act::OpenCount, Act::PadToggle(1), Act::Commit] {
        for action in action(a) {
            tab.act(action);
        }
        while tab.state.pending.is_some() {
            tab.write(None);
        }
    }
    tab.act(Action::Go(Go::Home));
    let held = tab.state.count("c1").and_then(Count::sum);
    tab.close();
    let home = Tab::open(&d, 1);
    let c1 = home.state.count("c1").expect("c1");
    assert!(c1.replayed().is_none());
    assert_eq!(c1.sum(), held);
    assert_eq!(c1.sum().map(|s| s.live), Some(1));
    assert_eq!(c1.sum().map(|s| s.next_key), Some(1));
    // Changed by hand: three ballots. Opened, the log wins and the home screen is told.
    put_checkpoint(&d, "c1", "c1 1 3 0 - - - 4 -");
    let mut home = Tab::open(&d, 2);
    assert_eq!(
        home.state.count("c1").and_then(Count::sum).map(|s| s.live),
        Some(3)
    );
    home.act(Action::Go(Go::OpenCount("c1".into())));
    assert_eq!(
        home.state.replayed("c1").map(|(_, r)| r.log.live_count()),
        Some(1)
    );
    assert!(home.state.resummed);
    home.write(None);
    let again = Tab::open(&d, 3);
    assert_eq!(again.state.count("c1").and_then(Count::sum), held);
}

#[test]
fn damage_found_when_a_session_is_opened_is_counted_at_every_start_after() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut tab = Tab::open(&d, 0);
    one_ballot(&mut tab);
    tab.close();
    // The ballot's bytes are damaged on disk (the store hands it over empty).
    for v in d
        .borrow_mut()
        .stores
        .entry("ballots")
        .or_default()
        .values_mut()
    {
        v.clear();
    }
    // Not read at start: its checkpoint still says one ballot, and nothing is damaged.
    let mut home = Tab::open(&d, 1);
    assert_eq!(s1_sum(&home.state).map(|s| s.filled), Some(1));
    assert_eq!(home.state.damaged_records, 0);
    home.act(Action::Go(Go::Manage("s1".into())));
    assert_eq!(s1_sum(&home.state), Some(SessionSum::new(1, 0)));
    assert_eq!(home.state.damaged_records, 1);
    home.write(None);
    home.close();
    // Every start after: counted from its checkpoint, as the data page counts it.
    let again = Tab::open(&d, 2);
    assert!(again
        .state
        .session("s1")
        .is_some_and(|s| s.tally().is_none()));
    assert_eq!(again.state.damaged_records, 1);
    assert_eq!(
        recounted(&d).damaged_records,
        1,
        "the same as when every record is read"
    );
}

#[test]
fn a_session_read_from_its_header_copy_alone_is_counted_without_a_checkpoint() {
    let d = seeded(CategoryRule::VoterChooses);
    let mut tab = Tab::open(&d, 0);
    one_ballot(&mut tab);
    tab.close();
    // Its header's first record is gone (only its copy is left), and so is its checkpoint.
    let mut r = d.borrow_mut();
    let sessions = r.stores.entry("sessions").or_default();
    let header = sessions.remove("s1").expect("s1's header");
    sessions.insert(ballot_core::header::copy_key("s1"), header);
    r.stores.entry("checkpoints").or_default().remove("s1");
    drop(r);
    let home = Tab::open(&d, 1);
    let s1 = home.state.session("s1").expect("read from its copy");
    assert_eq!(s1.tally().map(|t| t.total()), Some(1));
    assert_eq!(s1.turnout().filled, 1);
}
