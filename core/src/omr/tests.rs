//! The reader on synthetic photos of the app's own sheets.

use super::image::Gray;
use super::layout::{layout, BoxRef, Layout};
use super::read::{read, Mark, ReadError, Reading};
use super::synth::{damage, frame, photo, sheet, Damage, Shot, CLEAR, PEN};

/// The 差额 election sample: six names and one 另选他人 cell.
fn election() -> (crate::Template, Layout) {
    let t = crate::samples::elections().remove(0);
    let l = layout(&t, &crate::fingerprint(&t)).expect("one sheet");
    (t, l)
}

const PX: f64 = 5.0;

/// Every class of mark once, and blanks.
fn marks(l: &Layout) -> Vec<(BoxRef, Mark)> {
    let classes = [
        Mark::Circle,
        Mark::Cross,
        Mark::Check,
        Mark::Filled,
        Mark::Blank,
        Mark::Circle,
        Mark::Cross,
    ];
    (l.boxes.iter().zip(classes.iter().cycle()))
        .map(|(b, m)| (b.what, *m))
        .collect()
}

/// A phone's photo of the sheet turned `turns` quarter turns and tilted: the phone upright
/// or on its side to match, the sheet filling most of it, a little blur.
fn held(turns: u8, tilt: f64) -> Shot {
    Shot {
        turns,
        tilt,
        blur: 1,
        fill: 0.62,
        width: frame(turns).0,
        height: frame(turns).1,
        ..CLEAR
    }
}

fn shoot(l: &Layout, m: &[(BoxRef, Mark)], shot: &Shot, seed: u64) -> Gray {
    photo(&sheet(l, m, PX, PEN, seed), PX, shot, seed)
}

/// Each box: read right, or left to the counter; never read wrong and taken as sure.
fn check(r: &Reading, want: &[(BoxRef, Mark)]) -> (usize, usize) {
    let (mut sure, mut flagged) = (0, 0);
    for (what, mark) in want {
        let cell = r
            .cells
            .iter()
            .find(|c| c.what == *what)
            .expect("every box read");
        if cell.sure() {
            assert_eq!(cell.mark, *mark, "{what:?}: {cell:?}");
            sure += 1;
        } else {
            flagged += 1;
        }
    }
    (sure, flagged)
}

#[test]
fn a_clear_photo_reads_every_mark_by_its_shape() {
    let (_, l) = election();
    let m = marks(&l);
    let r = read(&shoot(&l, &m, &CLEAR, 1), &l).expect("a sheet");
    assert_eq!(r.code, l.code);
    assert_eq!(check(&r, &m), (m.len(), 0));
}

#[test]
fn any_of_the_four_ways_round_tilted_and_in_perspective() {
    let (_, l) = election();
    let m = marks(&l);
    let mut sure = 0;
    let mut all = 0;
    for turns in 0..4u8 {
        for (k, tilt) in [-25.0, 12.0].into_iter().enumerate() {
            let shot = Shot {
                perspective: 0.05,
                light: 0.3,
                noise: 4.0,
                jpeg: 70,
                ..held(turns, tilt)
            };
            let seed = u64::from(turns) * 10 + k as u64;
            let r = read(&shoot(&l, &m, &shot, seed), &l)
                .unwrap_or_else(|e| panic!("turns {turns}, tilt {tilt}: {e:?}"));
            let (s, f) = check(&r, &m);
            sure += s;
            all += s + f;
        }
    }
    // Most boxes read with nothing to decide.
    assert!(sure * 10 >= all * 9, "{sure} of {all} sure");
}

#[test]
fn a_photo_without_a_whole_sheet_or_of_another_template_is_refused() {
    let (_, l) = election();
    let blank = Gray::new(640, 480, vec![200; 640 * 480]).expect("an image");
    assert_eq!(read(&blank, &l), Err(ReadError::NoSheet));
    // Two markers gone: three are needed.
    let mut flat = sheet(&l, &[], PX, PEN, 3);
    damage(&mut flat, &l, PX, 1, Damage::Gone);
    damage(&mut flat, &l, PX, 2, Damage::Gone);
    let r = read(&photo(&flat, PX, &CLEAR, 3), &l);
    assert!(
        matches!(r, Err(ReadError::NoSheet | ReadError::NoCode)),
        "{r:?}"
    );
    // A sheet of the 书记 election read as the committee's: its own code.
    let other = crate::samples::elections().remove(1);
    let lo = layout(&other, &crate::fingerprint(&other)).expect("one sheet");
    let r = read(&shoot(&lo, &[], &CLEAR, 4), &l);
    assert_eq!(
        r.map(|r| r.code),
        Err(ReadError::OtherSheet(lo.code.clone()))
    );
}

/// A damaged corner marker (gone, half torn off, an ink blot run into it), each of the
/// four, the photo turned each way, tilted and in perspective: the sheet is read from the
/// other three markers and its own printed boxes, every box right or left to the counter,
/// most right. Of another template, it is still refused by its code.
#[test]
fn a_sheet_with_a_damaged_marker_is_read_from_the_other_three() {
    let (_, l) = election();
    let m = marks(&l);
    let (mut sure, mut all) = (0, 0);
    for k in 0..4 {
        for (n, how) in [Damage::Gone, Damage::Half, Damage::Blot]
            .into_iter()
            .enumerate()
        {
            let seed = (k * 3 + n) as u64;
            let turns = (seed % 4) as u8;
            let shot = Shot {
                perspective: 0.03,
                light: 0.2,
                noise: 3.0,
                jpeg: 75,
                ..held(turns, [-18.0, 9.0, 22.0][n])
            };
            let mut flat = sheet(&l, &m, PX, PEN, seed);
            damage(&mut flat, &l, PX, k, how);
            let r = read(&photo(&flat, PX, &shot, seed), &l)
                .unwrap_or_else(|e| panic!("marker {k} {how:?}: {e:?}"));
            assert_eq!(r.code, l.code);
            let (s, f) = check(&r, &m);
            sure += s;
            all += s + f;
        }
    }
    assert!(sure * 10 >= all * 9, "{sure} of {all} sure");
    let other = crate::samples::elections().remove(1);
    let lo = layout(&other, &crate::fingerprint(&other)).expect("one sheet");
    let mut flat = sheet(&lo, &[], PX, PEN, 5);
    damage(&mut flat, &lo, PX, 0, Damage::Gone);
    let r = read(&photo(&flat, PX, &CLEAR, 5), &l);
    assert_eq!(
        r.map(|r| r.code),
        Err(ReadError::OtherSheet(lo.code.clone()))
    );
}

/// Random marks on random shots ([`super::synth::case`]): a clear set and a hard one. No
/// box is ever read wrong and taken as sure; on the clear set nearly every box is read with
/// nothing to decide. (The bench runs larger sets: `cargo run --release -p ballot-core
/// --example omr_bench --features synth`.)
#[test]
fn random_ballots_are_never_read_wrong_without_a_flag() {
    let (_, l) = election();
    for hard in [false, true] {
        let (mut sure, mut all) = (0, 0);
        for seed in 0..10u64 {
            let (m, img) = super::synth::case(&l, seed, hard);
            let r = read(&img, &l).unwrap_or_else(|e| panic!("seed {seed}, hard {hard}: {e:?}"));
            let (s, f) = check(&r, &m);
            sure += s;
            all += s + f;
        }
        if !hard {
            assert!(sure * 100 >= all * 98, "clear set: {sure} of {all} sure");
        }
    }
}

/// The browser's own rendering of the 推荐票's 读票版, marks drawn in its first four boxes
/// (○, ×, √, filled; written by tests/e2e/fixtures.spec.ts): read flat, and photographed
/// any way round, tilted and in perspective. So the printed sheet and the reader agree on
/// every box, not only the reader and sheets drawn from the same layout.
#[test]
fn the_browser_s_printed_sheet_reads() {
    let packed = include_bytes!("../../tests/fixtures/readable-sheet.gray.z");
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(packed).expect("zlib");
    let at = bytes.iter().position(|&b| b == b'\n').expect("a header");
    let header = std::str::from_utf8(&bytes[..at]).expect("text");
    let (w, h) = header.split_once(' ').expect("width height");
    let (w, h): (usize, usize) = (w.parse().expect("width"), h.parse().expect("height"));
    let flat = Gray::new(w, h, bytes[at + 1..].to_vec()).expect("the pixels");
    let t = crate::samples::all().remove(1);
    let l = layout(&t, &crate::fingerprint(&t)).expect("one sheet");
    let want: Vec<(BoxRef, Mark)> = (l.boxes.iter().enumerate())
        .map(|(i, b)| {
            let mark = [Mark::Circle, Mark::Cross, Mark::Check, Mark::Filled]
                .get(i)
                .copied()
                .unwrap_or(Mark::Blank);
            (b.what, mark)
        })
        .collect();
    let r = read(&flat, &l).expect(
        "the printed sheet (if the sample or the layout changed, write the fixture again: tests/e2e/fixtures.spec.ts)",
    );
    assert_eq!(check(&r, &want), (want.len(), 0));
    let px = w as f64 / super::layout::PAGE_W;
    for turns in 0..4u8 {
        let shot = Shot {
            perspective: 0.03,
            light: 0.25,
            noise: 3.0,
            jpeg: 80,
            ..held(turns, 15.0 - 10.0 * f64::from(turns))
        };
        let r = read(&photo(&flat, px, &shot, u64::from(turns)), &l)
            .unwrap_or_else(|e| panic!("turns {turns}: {e:?}"));
        assert_eq!(check(&r, &want), (want.len(), 0), "turns {turns}");
    }
}

/// Two ballots in one photo: one lying on the other, shifted down or sideways, or side by
/// side. The markers of both are in view, and a quadrilateral of two sheets' markers whose
/// top edge is one sheet's code track reads as that sheet under a wrong map (it did: a box
/// read wrong and sure). Only a map under which the boxes' printed borders are where it puts
/// them is taken ([`super::read::fit`]): one whole sheet is read, every box right.
#[test]
fn a_photo_of_two_ballots_is_refused_or_reads_one_of_them_never_a_mix() {
    use super::synth::{photo_of, Shot};
    let (_, l) = election();
    let top: Vec<(BoxRef, Mark)> = (l.boxes.iter()).map(|b| (b.what, Mark::Circle)).collect();
    let under: Vec<(BoxRef, Mark)> = (l.boxes.iter())
        .enumerate()
        .map(|(k, b)| (b.what, if k % 2 == 0 { Mark::Cross } else { Mark::Blank }))
        .collect();
    let (a, b) = (sheet(&l, &top, PX, PEN, 1), sheet(&l, &under, PX, PEN, 2));
    let shot = Shot {
        fill: 0.45,
        ..CLEAR
    };
    for (k, offset) in [
        (0.0, 30.0),
        (0.0, 60.0),
        (15.0, 45.0),
        (-20.0, -40.0),
        (215.0, 0.0),
        (0.0, 300.0),
    ]
    .into_iter()
    .enumerate()
    {
        let img = photo_of(&[(&a, (0.0, 0.0)), (&b, offset)], PX, &shot, k as u64);
        let r = read(&img, &l).unwrap_or_else(|e| panic!("offset {offset:?}: {e:?}"));
        let is = |want: &[(BoxRef, Mark)]| {
            (r.cells.iter().zip(want)).all(|(c, (_, m))| c.sure() && c.mark == *m)
        };
        assert!(
            is(&top) || is(&under),
            "offset {offset:?}: not one sheet: {r:?}"
        );
    }
}

/// The generator's JPEG: a flat grey stays flat (its level within one: JPEG quantises the
/// block's mean too); at quality 100 every pixel stays
/// within a few levels; at quality 50 a drawn sheet loses more (ringing at strokes) but its
/// mean grey stays.
#[test]
fn the_generator_s_jpeg_loses_what_jpeg_loses() {
    use super::synth::jpeg;
    let flat = Gray::new(20, 13, vec![173; 260]).expect("an image");
    let j = jpeg(&flat, 50);
    assert!(
        j.pixels
            .iter()
            .all(|&v| v.abs_diff(173) <= 1 && v == j.pixels[0]),
        "{j:?}"
    );
    let (_, l) = election();
    let s = sheet(&l, &marks(&l), 2.0, PEN, 1);
    let diff = |q: u8| {
        let j = jpeg(&s, q);
        let worst = (s.pixels.iter().zip(&j.pixels))
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        let mean = |p: &[u8]| p.iter().map(|&v| f64::from(v)).sum::<f64>() / p.len() as f64;
        (worst, (mean(&s.pixels) - mean(&j.pixels)).abs())
    };
    let (best, shift) = diff(100);
    assert!(best <= 4 && shift < 0.5, "{best} {shift}");
    let (worse, shift) = diff(50);
    assert!(worse > 20 && shift < 1.0, "{worse} {shift}");
}
