//! The browser test's camera and photo (tests/e2e/camera.spec.ts, written by its global
//! setup): printed 推荐票 读票版 ballots with known marks, photographed as a phone would.
//!
//! `cargo run -p ballot-core --features synth --example omr_video -- <dir>` writes
//! - `<dir>/ballots.y4m`: what Chromium's fake camera shows (`--use-file-for-fake-video-capture`):
//!   the table alone, then three ballots held under the camera in turn, each for 4 s with
//!   the table alone 1.5 s between, 4 frames a second (then Chromium starts it again);
//! - `<dir>/ballot-to-decide.bmp`: a photo of one ballot with a ○, a √ where the form asks
//!   for ○, and a name written in the first 另选他人 cell.
//!
//! The marks are the test's: ballot 1 于建华 朱丽萍, ballot 2 王秀英, ballot 3 于建华 王秀英
//! 李卫东 (all ○).

use std::io::Write;

use ballot_core::omr::image::Gray;
use ballot_core::omr::layout::{layout, BoxRef};
use ballot_core::omr::read::Mark;
use ballot_core::omr::synth::{photo, written_sheet, Shot, CLEAR, PEN};

const DECK: [&[usize]; 3] = [&[0, 2], &[1], &[0, 1, 3]];
const FPS: usize = 4;
const W: usize = 720;
const H: usize = 960;

/// `n` frames of the grey `img` (4:2:0, no colour).
fn frames(out: &mut impl Write, img: &Gray, n: usize) -> std::io::Result<()> {
    let chroma = vec![128u8; (img.width / 2) * (img.height / 2) * 2];
    for _ in 0..n {
        out.write_all(b"FRAME\n")?;
        out.write_all(&img.pixels)?;
        out.write_all(&chroma)?;
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| ".tmp/camera".into());
    std::fs::create_dir_all(&dir)?;
    let t = ballot_core::samples::all()
        .into_iter()
        .find(|t| t.spec().title.contains("推荐票"))
        .expect("the 推荐票 sample");
    let l = layout(&t, &ballot_core::fingerprint(&t)).expect("one sheet");
    let listed = |candidate| BoxRef::Listed {
        section: 0,
        candidate,
    };
    let shot = Shot {
        width: W,
        height: H,
        fill: 0.8,
        tilt: 3.0,
        noise: 2.0,
        ..CLEAR
    };
    let px = 4.0;
    let ballot = |marks: &[(BoxRef, Mark)], written: &[(usize, usize)], seed| {
        photo(
            &written_sheet(&l, marks, written, px, PEN, seed),
            px,
            &shot,
            seed,
        )
    };
    let table = Gray::new(W, H, vec![70; W * H]).expect("an image");

    let mut out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/ballots.y4m"))?);
    writeln!(out, "YUV4MPEG2 W{W} H{H} F{FPS}:1 Ip A1:1 C420jpeg")?;
    frames(&mut out, &table, FPS * 3 / 2)?;
    for (k, names) in DECK.iter().enumerate() {
        let marks: Vec<_> = names.iter().map(|&c| (listed(c), Mark::Circle)).collect();
        frames(&mut out, &ballot(&marks, &[], k as u64 + 1), FPS * 4)?;
        frames(&mut out, &table, FPS * 3 / 2)?;
    }
    out.flush()?;

    let decide = ballot(
        &[(listed(0), Mark::Circle), (listed(1), Mark::Check)],
        &[(0, 0)],
        9,
    );
    std::fs::write(format!("{dir}/ballot-to-decide.bmp"), decide.bmp())?;
    Ok(())
}
