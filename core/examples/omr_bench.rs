//! The ballot reader on synthetic photos (`ballot_core::omr::synth`), printed as numbers (run
//! by `./scripts/bench`; never a pass/fail test): per set (clear, hard), the confusion
//! matrix per mark class, the share of boxes and of ballots read right, left to the counter
//! and read wrong, and the time per photo (native; a phone running the wasm is several times
//! slower).
//!
//! `cargo run --release -p ballot-core --example omr_bench --features synth [-- N]`
//!
//! With `-- --write-photos DIR`, it writes the photos the browser bench reads instead
//! (`scripts/bench-browser.mjs --only reading`): the sample's template (`template.json`, as
//! a count stores it) and ten photos of each set (`clear-K.gray`, `hard-K.gray`: a
//! `width height` line, then one byte a pixel).

use std::time::Instant;

use ballot_core::omr::layout::layout;
use ballot_core::omr::read::{read, Mark};
use ballot_core::omr::synth::{case, CLASSES};

fn name(m: Mark) -> &'static str {
    match m {
        Mark::Blank => "空白",
        Mark::Circle => "○",
        Mark::Cross => "×",
        Mark::Check => "√",
        Mark::Filled => "涂黑",
    }
}

fn index(m: Mark) -> usize {
    CLASSES.iter().position(|&c| c == m).unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = ballot_core::samples::elections().remove(0);
    let Ok(l) = layout(&t, &ballot_core::fingerprint(&t)) else {
        println!("the sample has no machine-readable layout");
        return;
    };
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--write-photos")
        .and_then(|i| args.get(i + 1))
    {
        if let Err(e) = write_photos(std::path::Path::new(dir), &t, &l) {
            eprintln!("omr_bench: cannot write the photos to {dir}: {e}");
            std::process::exit(1);
        }
        return;
    }
    let n: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    for hard in [false, true] {
        // Rows: the mark drawn; columns: the mark read (sure), then 待定 (left to the counter).
        let mut matrix = [[0u32; 6]; 5];
        let (mut right, mut flagged, mut wrong) = (0u32, 0u32, 0u32);
        let (mut b_right, mut b_flagged, mut b_wrong, mut b_unread) = (0u32, 0u32, 0u32, 0u32);
        let mut times = Vec::new();
        let (mut unread, mut wrong_seeds) = (Vec::new(), Vec::new());
        for seed in 0..n {
            let (marks, img) = case(&l, seed, hard);
            let start = Instant::now();
            let r = read(&img, &l);
            times.push(start.elapsed().as_secs_f64() * 1e3);
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    b_unread += 1;
                    unread.push(format!("{seed} ({e:?})"));
                    continue;
                }
            };
            let (mut any_wrong, mut any_flag) = (false, false);
            for (what, mark) in &marks {
                let Some(c) = r.cells.iter().find(|c| c.what == *what) else {
                    continue;
                };
                if !c.sure() {
                    matrix[index(*mark)][5] += 1;
                    flagged += 1;
                    any_flag = true;
                } else {
                    matrix[index(*mark)][index(c.mark)] += 1;
                    if c.mark == *mark {
                        right += 1;
                    } else {
                        wrong += 1;
                        any_wrong = true;
                    }
                }
            }
            match (any_wrong, any_flag) {
                (true, _) => {
                    b_wrong += 1;
                    wrong_seeds.push(seed);
                }
                (false, true) => b_flagged += 1,
                (false, false) => b_right += 1,
            }
        }
        times.sort_by(f64::total_cmp);
        let cells = f64::from(right + flagged + wrong).max(1.0);
        let ballots = n as f64;
        println!(
            "\n{} set, {n} ballots of “{}” ({} boxes each)",
            if hard { "hard" } else { "clear" },
            t.spec().title,
            l.boxes.len()
        );
        println!("drawn \\ read      空白      ○      ×      √   涂黑   待定");
        for (i, row) in matrix.iter().enumerate() {
            print!("{:<10}", name(CLASSES[i]));
            for v in row {
                print!("{v:>7}");
            }
            println!();
        }
        println!(
            "boxes:   right {:.2}%  left to the counter {:.2}%  wrong {:.3}%",
            100.0 * f64::from(right) / cells,
            100.0 * f64::from(flagged) / cells,
            100.0 * f64::from(wrong) / cells
        );
        println!(
            "ballots: nothing to decide {:.2}%  something to decide {:.2}%  wrong without a flag {:.2}% ({b_wrong})  not read {:.2}%",
            100.0 * f64::from(b_right) / ballots,
            100.0 * f64::from(b_flagged) / ballots,
            100.0 * f64::from(b_wrong) / ballots,
            100.0 * f64::from(b_unread) / ballots
        );
        if !wrong_seeds.is_empty() {
            println!("wrong without a flag: seeds {wrong_seeds:?}");
        }
        if !unread.is_empty() {
            println!("not read: seeds {}", unread.join(", "));
        }
        if let (Some(mid), Some(worst)) = (times.get(times.len() / 2), times.last()) {
            println!(
                "time per photo (960 × 1280, native): median {mid:.1} ms, slowest {worst:.1} ms"
            );
        }
    }
}

fn write_photos(
    dir: &std::path::Path,
    t: &ballot_core::Template,
    l: &ballot_core::omr::layout::Layout,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("template.json"), t.canonical_json())?;
    for hard in [false, true] {
        for seed in 0..10u64 {
            let (_, img) = case(l, seed, hard);
            let mut bytes = format!("{} {}\n", img.width, img.height).into_bytes();
            bytes.extend_from_slice(&img.pixels);
            let set = if hard { "hard" } else { "clear" };
            std::fs::write(dir.join(format!("{set}-{seed}.gray")), bytes)?;
        }
    }
    Ok(())
}
