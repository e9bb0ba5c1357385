//! The ballot a photo proposes, what is left to the counter, and what the log keeps.

use super::*;
use crate::count::{CountEntry, CountLog, CountOp};
use crate::figures::Figures;
use crate::omr::layout::{layout, Layout};
use crate::omr::read::read;
use crate::omr::synth::{photo, written_sheet, CLEAR, PEN};
use crate::template::Vote;

const PX: f64 = 5.0;

/// The 差额 election sample (○ 赞成, × 反对, one 另选他人 cell) and its sheet.
fn election() -> (Template, Layout) {
    let t = crate::samples::elections().remove(0);
    let l = layout(&t, &crate::fingerprint(&t)).expect("one sheet");
    (t, l)
}

fn listed(candidate: usize) -> BoxRef {
    BoxRef::Listed {
        section: 0,
        candidate,
    }
}

fn proposal(
    l: &Layout,
    t: &Template,
    marks: &[(BoxRef, Mark)],
    written: &[(usize, usize)],
) -> Proposal {
    let img = photo(&written_sheet(l, marks, written, PX, PEN, 7), PX, &CLEAR, 7);
    let r = read(&img, l).expect("a sheet");
    propose(t, None, &r)
}

#[test]
fn a_clear_sheet_proposes_the_ballot_the_paper_shows() {
    let (t, l) = election();
    assert_eq!(
        t.spec().marking.scheme,
        crate::template::Scheme::AgreeOppose
    );
    let marks = [
        (listed(0), Mark::Circle),
        (listed(1), Mark::Cross),
        (listed(3), Mark::Circle),
    ];
    let p = proposal(&l, &t, &marks, &[]);
    assert_eq!(p.open, vec![]);
    let mut want = Ballot::empty(&t, None);
    set_box(&mut want, &t, listed(0), (true, false));
    set_box(&mut want, &t, listed(1), (false, true));
    set_box(&mut want, &t, listed(3), (true, false));
    assert_eq!(p.ballot, want);
    let scheme = t.spec().marking.scheme;
    assert_eq!(scheme.read(true, false), Some(Vote::Agree));
    assert_eq!(box_marks(&p.ballot, listed(1)), (false, true));
    assert_eq!(box_marks(&p.ballot, listed(2)), (false, false));
}

#[test]
fn a_mark_the_form_does_not_use_goes_to_the_counter_with_nothing_on_the_pad() {
    let (t, l) = election();
    // √ where the form asks for ○, and a box filled in.
    let marks = [(listed(0), Mark::Check), (listed(2), Mark::Filled)];
    let p = proposal(&l, &t, &marks, &[]);
    assert_eq!(
        p.open,
        vec![
            Open::Box {
                what: listed(0),
                read: Mark::Check,
                doubt: Doubt::NotOfForm
            },
            Open::Box {
                what: listed(2),
                read: Mark::Filled,
                doubt: Doubt::NotOfForm
            },
        ]
    );
    assert_eq!(p.ballot, Ballot::empty(&t, None));
}

#[test]
fn a_written_name_is_left_to_the_counter_and_an_empty_cell_is_not() {
    let (t, l) = election();
    let p = proposal(&l, &t, &[], &[]);
    assert_eq!(p.open, vec![]);
    let p = proposal(&l, &t, &[], &[(0, 0)]);
    assert_eq!(
        p.open,
        vec![Open::Name {
            section: 0,
            slot: 0
        }]
    );
}

#[test]
fn under_a_scheme_without_a_cross_a_cross_is_not_of_the_form() {
    let t = crate::samples::all()
        .into_iter()
        .find(|t| t.spec().title.contains("推荐"));
    let t = t.expect("the 推荐票 sample");
    let l = layout(&t, &crate::fingerprint(&t)).expect("one sheet");
    let first = l.boxes[0].what;
    assert_eq!(choices(&t, first), vec![(true, false), (false, false)]);
    let p = proposal(&l, &t, &[(first, Mark::Cross)], &[]);
    assert!(matches!(
        p.open.as_slice(),
        [Open::Box {
            doubt: Doubt::NotOfForm,
            read: Mark::Cross,
            ..
        }]
    ));
}

#[test]
fn a_draft_is_ready_only_once_every_doubt_is_decided() {
    let (t, _) = election();
    let proposal = Proposal {
        ballot: Ballot::empty(&t, None),
        open: vec![
            Open::Box {
                what: listed(1),
                read: Mark::Circle,
                doubt: Doubt::Unsure,
            },
            Open::Name {
                section: 0,
                slot: 0,
            },
        ],
    };
    let mut d = Draft::new(proposal.clone());
    assert!(!d.ready());
    assert_eq!(
        d.entry(proposal.ballot.clone()),
        Err(crate::count::CountRefused::Undecided { open: 2 })
    );
    d.touched(listed(2));
    assert_eq!(d.open().count(), 2);
    d.touched(listed(1));
    assert_eq!(d.open().map(|(k, _)| k).collect::<Vec<_>>(), vec![1]);
    assert!(!d.ready());
    d.named(0, 0);
    assert!(d.ready());
    assert!(matches!(
        d.entry(proposal.ballot.clone()),
        Ok(CountOp::Read { camera, .. }) if camera.open == 2
    ));
    assert_eq!(
        d.record(),
        CameraRead {
            read: proposal.ballot,
            open: 2
        }
    );
    // An index out of range changes nothing.
    let mut d = Draft::new(Proposal {
        ballot: Ballot::empty(&t, None),
        open: vec![],
    });
    d.decide(3);
    assert!(d.ready());
}

#[test]
fn a_ballot_read_by_the_camera_is_kept_in_the_log_with_what_was_read() {
    let (t, _) = election();
    let read = Ballot::empty(&t, None);
    let mut ballot = read.clone();
    set_box(&mut ballot, &t, listed(0), (true, false));
    let entry = CountEntry {
        at_ms: 5,
        op: CountOp::Read {
            ballot: ballot.clone(),
            camera: Box::new(CameraRead { read, open: 1 }),
        },
    };
    let json = serde_json::to_string(&entry).expect("json");
    assert!(json.contains("\"camera\":{\"read\":"), "{json}");
    assert_eq!(
        serde_json::from_str::<CountEntry>(&json).expect("read"),
        entry
    );
    let mut log = CountLog::new(&t, Figures::default());
    log.apply(&t, entry).expect("entered");
    assert_eq!(log.live().collect::<Vec<_>>(), vec![&ballot]);
    assert_eq!(log.last_step(), Some(crate::count::BallotStep::Added(1)));
    // A camera reading beside anything but a ballot read is not one step.
    let bad = json.replace("\"at_ms\":5", "\"at_ms\":5,\"replace\":1");
    assert!(serde_json::from_str::<CountEntry>(&bad).is_err());
    // A reading of another shape is refused like a ballot of another shape.
    let foreign = json.replacen("\"read\":{", "\"read\":{\"c\":9,", 1);
    let e: CountEntry = serde_json::from_str(&foreign).expect("read");
    assert_eq!(
        log.apply(&t, e),
        Err(crate::count::CountRefused::WrongShape)
    );
}
