//! Reading a photo of a sheet: find the four corner markers, map the sheet onto the photo
//! (any of the four orientations, tilted, in perspective), check the code track names the
//! template, then read every mark box by the shape of its ink.
//!
//! Nothing here guesses silently: a box whose reading is not clear has a low confidence
//! ([`CellReading::sure`] is false) and goes to the counter, who decides.

use super::code::{self, SheetCode};
use super::geometry::Homography;
use super::image::Gray;
use super::layout::{BoxRef, Layout, Rect, Text};

/// What a box holds, by the shape of its ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Blank,
    /// ○.
    Circle,
    /// ×.
    Cross,
    /// √.
    Check,
    /// Filled in (涂黑), or scribbled over.
    Filled,
}

/// One box as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellReading {
    pub what: BoxRef,
    pub mark: Mark,
    /// 0 (a guess) to 1 (clear). Below [`SURE`] the counter decides.
    pub confidence: f64,
    /// The share of the box's inside that is ink.
    pub ink: f64,
}

/// The confidence from which a box is taken as read.
pub const SURE: f64 = 0.5;

impl CellReading {
    pub fn sure(&self) -> bool {
        self.confidence >= SURE
    }
}

/// A sheet read from a photo.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The code read: the layout's, and whether the sheet is a test deck's.
    pub code: SheetCode,
    /// Where the sheet's top-left, top-right, bottom-right and bottom-left markers are in
    /// the photo (pixels): to draw the reading on it.
    pub corners: [(f64, f64); 4],
    /// Every box of the layout, in its order.
    pub cells: Vec<CellReading>,
    /// Every 另选他人 cell of the layout, in its order: whether a name seems written in it.
    pub write_ins: Vec<WriteInReading>,
}

/// A 另选他人 cell as read. The reader never reads the name: a cell with handwriting goes
/// to the counter, who sees its image and types the name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WriteInReading {
    pub section: usize,
    pub slot: usize,
    /// The share of the cell's writing area (below its printed label) that is ink.
    pub ink: f64,
}

/// The share of ink from which a 另选他人 cell is taken to hold writing. Low on purpose: a
/// cell taken as written when it is not costs the counter one look; the other way round, a
/// written name would be lost.
pub const WRITTEN: f64 = 0.004;

impl WriteInReading {
    pub fn written(&self) -> bool {
        self.ink >= WRITTEN
    }
}

impl Reading {
    /// The map from the sheet (millimetres) to the photo (pixels) this reading was made with.
    pub fn map(&self, layout: &Layout) -> Option<Homography> {
        Homography::from_points(layout.markers.map(|m| m.center()), self.corners)
    }
}

/// The writing area of a 另选他人 cell: inside its dashed border, below its label.
pub fn writing_area(cell: &Rect) -> Rect {
    let label = (cell.h * 0.3).min(4.0);
    Rect {
        x: cell.x + 1.0,
        y: cell.y + label,
        w: (cell.w - 2.0).max(0.0),
        h: (cell.h - label - 1.0).max(0.0),
    }
}

/// `rect` of the sheet as seen in `img` under `h`, made straight: `px` pixels a millimetre.
/// What the counter is shown of a box or a cell to decide (enlarged on the screen).
pub fn crop(img: &Gray, h: &Homography, rect: &Rect, px: f64) -> Gray {
    let w = ((rect.w * px).round() as usize).clamp(1, 2000);
    let ht = ((rect.h * px).round() as usize).clamp(1, 2000);
    let mut pixels = Vec::with_capacity(w * ht);
    for j in 0..ht {
        for i in 0..w {
            let x = rect.x + rect.w * (i as f64 + 0.5) / w as f64;
            let y = rect.y + rect.h * (j as f64 + 0.5) / ht as f64;
            let (px, py) = h.map((x, y));
            pixels.push(img.sample(px, py).round().clamp(0.0, 255.0) as u8);
        }
    }
    Gray {
        width: w,
        height: ht,
        pixels,
    }
}

/// How much of a 另选他人 cell's writing area is ink, against the paper around the cell.
fn writing_ink(img: &Gray, h: &Homography, cell: &Rect, black: f64) -> f64 {
    let area = writing_area(cell);
    let white = paper_around(img, h, cell, 1.5);
    let t = white - 0.35 * (white - black).max(30.0);
    let (nx, ny) = (48usize, 16usize);
    let mut ink = 0usize;
    for j in 0..ny {
        for i in 0..nx {
            let x = area.x + area.w * (i as f64 + 0.5) / nx as f64;
            let y = area.y + area.h * (j as f64 + 0.5) / ny as f64;
            let (px, py) = h.map((x, y));
            if img.sample(px, py) < t {
                ink += 1;
            }
        }
    }
    ink as f64 / (nx * ny) as f64
}

/// Why a photo gave no reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No four corner markers: no sheet in view, or not all of it.
    NoSheet,
    /// The markers were found, but no code track reads between them.
    NoCode,
    /// A sheet of another template (its fingerprint) or another layout version.
    OtherSheet(SheetCode),
}

/// Where a map puts the sheet's four markers in the photo (pixels), and which one, if any,
/// was not found but only estimated.
type Candidate = ([(f64, f64); 4], Option<usize>);

/// A dark blob that may be a corner marker, in the photo's pixels.
#[derive(Debug, Clone, Copy)]
struct Blob {
    x: f64,
    y: f64,
    area: f64,
}

/// Connected dark regions shaped like a filled square (any rotation): their second moments
/// are those of a square of their area.
fn square_blobs(mask: &[bool], w: usize, h: usize, min_area: usize, max_area: usize) -> Vec<Blob> {
    let mut seen = vec![false; mask.len()];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..mask.len() {
        if !mask[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut n, mut sx, mut sy, mut sxx, mut syy, mut sxy) = (0usize, 0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut x0, mut x1, mut y0, mut y1) = (w, 0, h, 0);
        while let Some(p) = stack.pop() {
            let (x, y) = (p % w, p / w);
            n += 1;
            let (fx, fy) = (x as f64, y as f64);
            sx += fx;
            sy += fy;
            sxx += fx * fx;
            syy += fy * fy;
            sxy += fx * fy;
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            let mut visit = |q: usize| {
                if mask[q] && !seen[q] {
                    seen[q] = true;
                    stack.push(q);
                }
            };
            if x > 0 {
                visit(p - 1);
            }
            if x + 1 < w {
                visit(p + 1);
            }
            if y > 0 {
                visit(p - w);
            }
            if y + 1 < h {
                visit(p + w);
            }
        }
        if n < min_area || n > max_area {
            continue;
        }
        let a = n as f64;
        let (mx, my) = (sx / a, sy / a);
        let (cxx, cyy, cxy) = (sxx / a - mx * mx, syy / a - my * my, sxy / a - mx * my);
        let tr = cxx + cyy;
        let det = cxx * cyy - cxy * cxy;
        let disc = (tr * tr / 4.0 - det).max(0.0).sqrt();
        let (l1, l2) = (tr / 2.0 + disc, tr / 2.0 - disc);
        if l1 <= 0.0 || l2 / l1 < 0.5 {
            continue;
        }
        // A filled square of side s: area s², each moment s²/12.
        let solidity = a / (12.0 * (l1 * l2).sqrt());
        let bbox = ((x1 - x0 + 1) * (y1 - y0 + 1)) as f64;
        if !(0.8..=1.25).contains(&solidity) || a / bbox < 0.45 {
            continue;
        }
        out.push(Blob {
            x: mx + 0.5,
            y: my + 0.5,
            area: a,
        });
    }
    out
}

/// Four points in clockwise order on the photo (y grows downwards), or `None` if they do
/// not make a convex quadrilateral; with its area.
fn quad(points: [(f64, f64); 4]) -> Option<([(f64, f64); 4], f64)> {
    let cx = points.iter().map(|p| p.0).sum::<f64>() / 4.0;
    let cy = points.iter().map(|p| p.1).sum::<f64>() / 4.0;
    let mut p = points;
    p.sort_by(|a, b| {
        (a.1 - cy)
            .atan2(a.0 - cx)
            .total_cmp(&(b.1 - cy).atan2(b.0 - cx))
    });
    let mut area = 0.0;
    for i in 0..4 {
        let (a, b, c) = (p[i], p[(i + 1) % 4], p[(i + 2) % 4]);
        let cross = (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0);
        if cross <= 0.0 {
            return None;
        }
        area += a.0 * b.1 - b.0 * a.1;
    }
    Some((p, area.abs() / 2.0))
}

/// The mean grey of `rect` (sheet millimetres) in the photo, over a grid of samples inside
/// its middle `share`.
fn mean_in(img: &Gray, h: &Homography, rect: &Rect, share: f64) -> f64 {
    let r = rect.inset(rect.w.min(rect.h) * (1.0 - share) / 2.0);
    let n = 5;
    let mut sum = 0.0;
    for j in 0..n {
        for i in 0..n {
            let x = r.x + r.w * (i as f64 + 0.5) / n as f64;
            let y = r.y + r.h * (j as f64 + 0.5) / n as f64;
            let (px, py) = h.map((x, y));
            sum += img.sample(px, py);
        }
    }
    sum / (n * n) as f64
}

/// The photo along the edges of `r` (sheet millimetres, mapped by `h`): 12 samples an
/// edge, `phase` of a step in from each corner.
fn ring(img: &Gray, h: &Homography, r: &Rect, phase: f64) -> Vec<f64> {
    let mut v = Vec::with_capacity(48);
    for k in 0..12 {
        let t = (k as f64 + phase) / 12.0;
        for (x, y) in [
            (r.x + r.w * t, r.y),
            (r.x + r.w, r.y + r.h * t),
            (r.x + r.w * (1.0 - t), r.y + r.h),
            (r.x, r.y + r.h * (1.0 - t)),
        ] {
            let (px, py) = h.map((x, y));
            v.push(img.sample(px, py));
        }
    }
    v
}

/// The grey of paper around `rect`: a bright percentile of a ring `d` millimetres out.
fn paper_around(img: &Gray, h: &Homography, rect: &Rect, d: f64) -> f64 {
    let mut v = ring(img, h, &rect.inset(-d), 0.0);
    v.sort_by(f64::total_cmp);
    v[v.len() * 3 / 4]
}

/// The black of the markers (their middles), the sheet's darkest print; without the
/// `lost` one, if any (damaged, covered or torn off).
fn marker_black(img: &Gray, h: &Homography, layout: &Layout, lost: Option<usize>) -> f64 {
    let seen = (layout.markers.iter().enumerate())
        .filter(|(i, _)| Some(*i) != lost)
        .map(|(_, m)| mean_in(img, h, m, 0.5));
    let n = 4 - usize::from(lost.is_some());
    seen.sum::<f64>() / n as f64
}

/// The code track read under `h`, if it names a sheet.
fn read_code(
    img: &Gray,
    h: &Homography,
    layout: &Layout,
    lost: Option<usize>,
) -> Option<SheetCode> {
    let black = marker_black(img, h, layout, lost);
    let bits: Vec<bool> = (layout.track.iter())
        .map(|(cell, _)| {
            let white = paper_around(img, h, cell, 1.2);
            mean_in(img, h, cell, 0.6) < (black + white) / 2.0
        })
        .collect();
    code::decode(&bits)
}

/// The centre of the dark blob near `at` (pixels), within `radius`: the marker's middle,
/// more exactly than the small image found it.
fn refine(img: &Gray, at: (f64, f64), radius: f64, black: f64, white: f64) -> (f64, f64) {
    let t = (black + white) / 2.0;
    let (x0, x1) = (
        (at.0 - radius).max(0.0) as usize,
        (at.0 + radius).max(0.0) as usize,
    );
    let (y0, y1) = (
        (at.1 - radius).max(0.0) as usize,
        (at.1 + radius).max(0.0) as usize,
    );
    let (mut n, mut sx, mut sy) = (0.0, 0.0, 0.0);
    for y in y0..y1.min(img.height) {
        for x in x0..x1.min(img.width) {
            if f64::from(img.get(x, y)) < t {
                n += 1.0;
                sx += x as f64 + 0.5;
                sy += y as f64 + 0.5;
            }
        }
    }
    if n > 0.0 {
        (sx / n, sy / n)
    } else {
        at
    }
}

/// Reads `img` as a sheet of `layout`.
pub fn read(img: &Gray, layout: &Layout) -> Result<Reading, ReadError> {
    let long = img.width.max(img.height);
    let factor = long.div_ceil(800).max(1);
    let small = img.shrink(factor);
    let small_long = small.width.max(small.height);
    let mask = small.dark_mask((small_long / 8) | 1, 0.25);
    let max_area = (small_long / 10).pow(2);
    let min_area = (small_long / 120).max(3).pow(2);
    let mut blobs = square_blobs(&mask, small.width, small.height, min_area, max_area);
    blobs.sort_by(|a, b| b.area.total_cmp(&a.area));
    blobs.truncate(12);
    let f = factor as f64;

    // Every four of the largest square blobs with similar sizes, largest quadrilateral first.
    let mut quads = Vec::new();
    let n = blobs.len();
    for a in 0..n {
        for b in a + 1..n {
            for c in b + 1..n {
                for d in c + 1..n {
                    let four = [blobs[a], blobs[b], blobs[c], blobs[d]];
                    let (lo, hi) = four.iter().fold((f64::MAX, 0.0f64), |(lo, hi), x| {
                        (lo.min(x.area), hi.max(x.area))
                    });
                    if hi > 3.0 * lo {
                        continue;
                    }
                    let points = four.map(|x| (x.x * f, x.y * f));
                    if let Some((p, area)) = quad(points) {
                        quads.push((p, area));
                    }
                }
            }
        }
    }
    quads.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut other = None;
    let fours = (quads.iter().take(6)).flat_map(|(p, _)| {
        (0..4).map(move |rot| {
            (
                [p[rot], p[(rot + 1) % 4], p[(rot + 2) % 4], p[(rot + 3) % 4]],
                None,
            )
        })
    });
    // Without a map from four, a sheet with one marker damaged, covered or torn off: three
    // markers, and the fourth corner where the sheet's own printed boxes put it.
    let threes = three_markers(&blobs, f, layout).into_iter().take(6);
    for (to, lost) in fours.chain(threes) {
        match sheet_under(img, layout, to, lost) {
            Ok(reading) => return Ok(reading),
            Err(Some(code)) => other = Some(code),
            Err(None) => {}
        }
    }
    Err(match other {
        Some(code) => ReadError::OtherSheet(code),
        None if blobs.len() < 3 => ReadError::NoSheet,
        None => ReadError::NoCode,
    })
}

/// The sheet read under the map taking the layout's markers to `to` (photo pixels), the
/// `lost` one's place only estimated; or, if it is not this template's sheet, the code
/// that was read there, if any.
fn sheet_under(
    img: &Gray,
    layout: &Layout,
    mut to: [(f64, f64); 4],
    lost: Option<usize>,
) -> Result<Reading, Option<SheetCode>> {
    let centers = layout.markers.map(|m| m.center());
    let mut h = Homography::from_points(centers, to).ok_or(None)?;
    if let Some(k) = lost {
        h = settle(img, layout, to, k).ok_or(None)?;
        to[k] = h.map(centers[k]);
    }
    let found = read_code(img, &h, layout, lost).ok_or(None)?;
    // The same template and layout; a test deck's sheet too (its code says so, and the
    // caller decides: only a count in 测试模式 takes it).
    if (&found.fingerprint, found.version) != (&layout.code.fingerprint, layout.code.version) {
        return Err(Some(found));
    }
    // Each marker's middle found again at full size, then the map made from them.
    let black = marker_black(img, &h, layout, lost);
    let mut corners = to;
    for (k, (m, at)) in layout.markers.iter().zip(to).enumerate() {
        if Some(k) != lost {
            let (a, b) = (h.map((m.x, m.y)), h.map((m.x + m.w, m.y + m.h)));
            let side = ((a.0 - b.0).hypot(a.1 - b.1)) / std::f64::consts::SQRT_2;
            let white = paper_around(img, &h, m, 2.0);
            corners[k] = refine(img, at, side * 0.85, black, white);
        }
    }
    let h = Homography::from_points(centers, corners).unwrap_or(h);
    let black = marker_black(img, &h, layout, lost);
    // The code names this template, but the four markers may not be one sheet's: two
    // ballots in view, one partly on the other, give quadrilaterals of both sheets' markers
    // under which the top one's code reads. Only a map under which the sheet's printed
    // boxes are where it puts them is the sheet's. A corner only estimated must do better.
    let needed = if lost.is_some() { FIT_THREE } else { FIT };
    if fit(img, &h, layout, black) < needed {
        return Err(None);
    }
    let cells = (layout.boxes.iter())
        .map(|b| read_box(img, &h, &b.rect, black).with(b.what))
        .collect();
    let write_ins = (layout.texts.iter())
        .filter_map(|t| match t.text {
            Text::WriteIn { section, slot } => Some(WriteInReading {
                section,
                slot,
                ink: writing_ink(img, &h, &t.rect, black),
            }),
            _ => None,
        })
        .collect();
    Ok(Reading {
        code: found,
        corners,
        cells,
        write_ins,
    })
}

/// Maps from three of the markers, each with the fourth corner of the parallelogram they
/// span and which marker that is: three square blobs of similar size, about at a right
/// angle, their sides in the sheet's proportions. Largest first.
fn three_markers(blobs: &[Blob], f: f64, layout: &Layout) -> Vec<Candidate> {
    let c = layout.markers.map(|m| m.center());
    let d = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut out = Vec::new();
    let n = blobs.len();
    for i in 0..n {
        for j in i + 1..n {
            for l in j + 1..n {
                let three = [blobs[i], blobs[j], blobs[l]];
                let (lo, hi) = three.iter().fold((f64::MAX, 0.0f64), |(lo, hi), x| {
                    (lo.min(x.area), hi.max(x.area))
                });
                if hi > 3.0 * lo {
                    continue;
                }
                let p = three.map(|x| (x.x * f, x.y * f));
                // Each as the corner opposite the lost marker.
                for v in 0..3 {
                    let (corner, a, b) = (p[v], p[(v + 1) % 3], p[(v + 2) % 3]);
                    let (da, db) = (d(corner, a), d(corner, b));
                    let cos = ((a.0 - corner.0) * (b.0 - corner.0)
                        + (a.1 - corner.1) * (b.1 - corner.1))
                        / (da * db).max(1e-9);
                    if cos.abs() > 0.5 {
                        continue;
                    }
                    for k in 0..4 {
                        let (before, opposite, after) = ((k + 1) % 4, (k + 2) % 4, (k + 3) % 4);
                        // A photo turns the sheet but never mirrors it.
                        let sheet_turn = cross(c[opposite], c[after], c[before]) > 0.0;
                        let (to_after, to_before) = if (cross(corner, a, b) > 0.0) == sheet_turn {
                            (a, b)
                        } else {
                            (b, a)
                        };
                        let want = d(c[opposite], c[after]) / d(c[opposite], c[before]);
                        let got = d(corner, to_after) / d(corner, to_before).max(1e-9);
                        if !(0.7..=1.43).contains(&(got / want)) {
                            continue;
                        }
                        let mut to = [(0.0, 0.0); 4];
                        to[opposite] = corner;
                        to[after] = to_after;
                        to[before] = to_before;
                        to[k] = (
                            to_after.0 + to_before.0 - corner.0,
                            to_after.1 + to_before.1 - corner.1,
                        );
                        out.push((to, Some(k), da * db));
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| b.2.total_cmp(&a.2));
    out.into_iter().map(|(to, k, _)| (to, k)).collect()
}

/// The map with the `k`th corner moved to where the sheet's own print fits best, from
/// where `to` puts it: a grid of places by the boxes' borders, then a pattern search by the
/// borders and the code track. Boxes near the three found markers fit wherever the fourth
/// corner is; the nearer it comes to its place, the more of the rest fit too. `None` when
/// the best place is too far from the parallelogram's corner to be this sheet's.
fn settle(img: &Gray, layout: &Layout, to: [(f64, f64); 4], k: usize) -> Option<Homography> {
    let centers = layout.markers.map(|m| m.center());
    let h = Homography::from_points(centers, to)?;
    let black = marker_black(img, &h, layout, Some(k));
    let (a, b) = ((k + 1) % 4, (k + 2) % 4);
    let mm = (to[a].0 - to[b].0).hypot(to[a].1 - to[b].1)
        / (centers[a].0 - centers[b].0).hypot(centers[a].1 - centers[b].1);
    let at = |p: (f64, f64)| {
        let mut t = to;
        t[k] = p;
        Homography::from_points(centers, t)
    };
    // The paper's grey, from around the three markers found.
    let white = (0..4)
        .filter(|&i| i != k)
        .map(|i| paper_around(img, &h, &layout.markers[i], 2.0))
        .sum::<f64>()
        / 3.0;
    let score = |p| {
        at(p).map_or(-1.0, |h| {
            contrast(img, &h, layout, black) + track(img, &h, layout, black, white)
        })
    };
    // First every place 8 mm apart up to 48 mm from where the three put it (a sheet in
    // perspective), by the boxes alone (the cheaper half); then the best of them refined.
    let boxes = |p| at(p).map_or(-1.0, |h| contrast(img, &h, layout, black));
    let (mut best, mut s) = (to[k], boxes(to[k]));
    for j in -6..=6 {
        for i in -6..=6 {
            let p = (
                to[k].0 + f64::from(i) * 8.0 * mm,
                to[k].1 + f64::from(j) * 8.0 * mm,
            );
            let v = boxes(p);
            if v > s {
                (best, s) = (p, v);
            }
        }
    }
    let mut s = score(best);
    let mut step = 4.0 * mm;
    for _ in 0..200 {
        if step < 0.2 * mm {
            break;
        }
        let around = [
            (1.0, 0.0),
            (-1.0, 0.0),
            (0.0, 1.0),
            (0.0, -1.0),
            (1.0, 1.0),
            (1.0, -1.0),
            (-1.0, 1.0),
            (-1.0, -1.0),
        ];
        let next = around
            .map(|(dx, dy)| (best.0 + dx * step, best.1 + dy * step))
            .map(|p| (p, score(p)))
            .into_iter()
            .max_by(|x, y| x.1.total_cmp(&y.1))?;
        if next.1 > s {
            (best, s) = next;
        } else {
            step /= 2.0;
        }
    }
    // A corner far from where three markers put it is not this sheet's.
    let moved = (best.0 - to[k].0).hypot(best.1 - to[k].1);
    (moved < 50.0 * mm).then(|| at(best)).flatten()
}

/// The share of boxes whose printed border must show under a map for it to be taken as
/// the sheet's ([`fit`]).
const FIT: f64 = 0.6;

/// The share needed when one corner was only estimated ([`settle`]).
const FIT_THREE: f64 = 0.8;

/// The share of the layout's boxes whose printed border shows where `h` puts it: darker
/// along its edges than the paper just outside. Near 1 under the sheet's own map (a mark
/// over a border keeps it dark); near 0 under a map that is off by a few millimetres.
pub fn fit(img: &Gray, h: &Homography, layout: &Layout, black: f64) -> f64 {
    if layout.boxes.is_empty() {
        return 1.0;
    }
    let shown = (layout.boxes.iter())
        .filter(|b| {
            let (line, paper) = border(img, h, &b.rect);
            line < paper - (0.1 * (paper - black)).max(6.0)
        })
        .count();
    shown as f64 / layout.boxes.len() as f64
}

/// How well the boxes' printed borders show where `h` puts them: the mean over the boxes of
/// how much darker than the paper outside each border is, 1 for marker black.
fn contrast(img: &Gray, h: &Homography, layout: &Layout, black: f64) -> f64 {
    let each = (layout.boxes.iter()).map(|b| {
        let (line, paper) = border(img, h, &b.rect);
        ((paper - line) / (paper - black).max(1.0)).clamp(0.0, 1.0)
    });
    each.sum::<f64>() / layout.boxes.len().max(1) as f64
}

/// How well the sheet's own code track shows where `h` puts it (its cells are printed the
/// same on every sheet of the template): the mean over its cells of how black a black cell
/// is and how white a white one, 0 to 1. A sheet of another template fits in part; its code
/// is read afterwards and refused.
fn track(img: &Gray, h: &Homography, layout: &Layout, black: f64, white: f64) -> f64 {
    let span = (white - black).max(1.0);
    let each = (layout.track.iter()).map(|(cell, on)| {
        let dark = ((white - mean_in(img, h, cell, 0.6)) / span).clamp(0.0, 1.0);
        if *on {
            dark
        } else {
            1.0 - dark
        }
    });
    each.sum::<f64>() / layout.track.len().max(1) as f64
}

/// The mean grey along a box's printed border under `h`, and the paper's just outside it.
fn border(img: &Gray, h: &Homography, rect: &Rect) -> (f64, f64) {
    let line = ring(img, h, rect, 0.5);
    let mut outside = ring(img, h, &rect.inset(-1.2), 0.5);
    outside.sort_by(f64::total_cmp);
    (
        line.iter().sum::<f64>() / line.len() as f64,
        outside[outside.len() / 2],
    )
}

/// A box's mark and confidence, before it is told which box it is.
struct Read {
    mark: Mark,
    confidence: f64,
    ink: f64,
}

impl Read {
    fn with(self, what: BoxRef) -> CellReading {
        CellReading {
            what,
            mark: self.mark,
            confidence: self.confidence.clamp(0.0, 1.0),
            ink: self.ink,
        }
    }
}

/// Samples across a box's inside.
const GRID: usize = 24;

fn read_box(img: &Gray, h: &Homography, rect: &Rect, black: f64) -> Read {
    // The printed border is left out; a mark crossing it still has its inside.
    let inner = rect.inset(rect.w * 0.1);
    let white = paper_around(img, h, rect, 1.5);
    let t = white - 0.35 * (white - black).max(30.0);
    let mut dark = [[false; GRID]; GRID];
    // Blocks of 4 × 4 samples: their means show faint ink (light pencil, blur) that no
    // single sample crosses the threshold for, with the noise of one sample averaged out.
    let mut blocks = [[0.0f64; GRID / 4]; GRID / 4];
    for (j, row) in dark.iter_mut().enumerate() {
        for (i, cell) in row.iter_mut().enumerate() {
            let x = inner.x + inner.w * (i as f64 + 0.5) / GRID as f64;
            let y = inner.y + inner.h * (j as f64 + 0.5) / GRID as f64;
            let (px, py) = h.map((x, y));
            let v = img.sample(px, py);
            *cell = v < t;
            blocks[j / 4][i / 4] += v / 16.0;
        }
    }
    let span = (white - black).max(30.0);
    let faint = (blocks.iter().flatten()).fold(0.0f64, |m, &v| m.max((white - v) / span));
    let read = classify(&dark);
    if read.mark == Mark::Blank && faint > 0.06 {
        // Looks empty at the threshold, but something is there: the counter looks.
        return Read {
            confidence: 0.2,
            ..read
        };
    }
    read
}

/// Where the ink's lowest point is across its width: 0 at its left end, 1 at its right (the
/// mean of the ink in its three lowest rows).
fn vertex(dark: &[[bool; GRID]; GRID]) -> f64 {
    fn cols(row: &[bool; GRID]) -> impl Iterator<Item = usize> + '_ {
        (0..GRID).filter(move |&i| row[i])
    }
    let (lo, hi) =
        (dark.iter().flat_map(cols)).fold((GRID, 0), |(lo, hi), i| (lo.min(i), hi.max(i)));
    let Some(bottom) = (0..GRID).rev().find(|&j| cols(&dark[j]).next().is_some()) else {
        return 0.0;
    };
    let low: Vec<usize> = (bottom.saturating_sub(2)..=bottom)
        .flat_map(|j| cols(&dark[j]))
        .collect();
    let mean = low.iter().sum::<usize>() as f64 / low.len().max(1) as f64;
    (mean - lo as f64) / hi.saturating_sub(lo).max(1) as f64
}

/// The mark a grid of ink shows (rows top to bottom as on the sheet).
fn classify(dark: &[[bool; GRID]; GRID]) -> Read {
    // Coordinates from −1 to 1 across the box, y downwards.
    let at = |i: usize| (i as f64 + 0.5) / GRID as f64 * 2.0 - 1.0;
    let region = |f: &dyn Fn(f64, f64) -> bool| -> f64 {
        let (mut n, mut ink) = (0.0, 0.0);
        for (j, row) in dark.iter().enumerate() {
            for (i, &d) in row.iter().enumerate() {
                if f(at(i), at(j)) {
                    n += 1.0;
                    if d {
                        ink += 1.0;
                    }
                }
            }
        }
        if n > 0.0 {
            ink / n
        } else {
            0.0
        }
    };
    let ink = region(&|_, _| true);
    let center = region(&|u, v| u.hypot(v) < 0.3);
    let corner = |su: f64, sv: f64| region(&|u, v| u * su > 0.3 && v * sv > 0.3);
    let (tl, tr, br, bl) = (
        corner(-1.0, -1.0),
        corner(1.0, -1.0),
        corner(1.0, 1.0),
        corner(-1.0, 1.0),
    );
    let sectors = (0..8)
        .filter(|&k| {
            let lo = -std::f64::consts::PI + k as f64 * std::f64::consts::FRAC_PI_4;
            let hi = lo + std::f64::consts::FRAC_PI_4;
            region(&|u, v| {
                let r = u.hypot(v);
                let a = v.atan2(u);
                r > 0.4 && a >= lo && a < hi
            }) > 0.05
        })
        .count();
    let read = |mark, confidence: f64| Read {
        mark,
        confidence,
        ink,
    };
    if ink < 0.02 {
        return read(Mark::Blank, 1.0 - ink / 0.04);
    }
    if ink > 0.5 {
        return read(Mark::Filled, (ink - 0.4) / 0.2);
    }
    // A whole mark of each shape has ink in proportion: a faint or broken one (one stroke
    // of a × lost, a light pencil ○ in pieces) can look like another shape, so below
    // that the reading is not sure. Measured on the clear set (docs/omr.md): a √ has
    // at least 0.10 of the box in ink, a × 0.13, a ○ 0.20.
    let enough = |from: f64, span: f64| (ink - from) / span;
    let corners = [tl, tr, br, bl];
    let with_ink = corners.iter().filter(|&&c| c > 0.04).count();
    if center < 0.08 && sectors >= 6 {
        // ○: ink all round, none in the middle.
        let c = ((0.08 - center) / 0.08)
            .min((sectors as f64 - 5.0) / 2.0)
            .min(enough(0.1, 0.08));
        return read(Mark::Circle, 0.4 + c);
    }
    if center > 0.12 && with_ink == 4 && tl > 0.06 && br > 0.06 {
        // ×: both strokes through the middle to every corner.
        let weakest = corners.iter().copied().fold(f64::MAX, f64::min);
        return read(
            Mark::Cross,
            0.4 + ((center - 0.12) / 0.1)
                .min(weakest / 0.08)
                .min(enough(0.08, 0.05)),
        );
    }
    if tr > 0.06 && tl < 0.03 && sectors < 6 {
        // √: a long stroke up to the top right, nothing in the top left; nor in the bottom
        // right (a × with its top-left arm lost has ink there); and its lowest point is
        // its vertex, in from the left of its ink (a × left with only its / has its
        // lowest ink at its left end).
        return read(
            Mark::Check,
            0.4 + ((tr - 0.09) / 0.06)
                .min((0.03 - tl) / 0.03)
                .min((0.03 - br) / 0.03)
                .min((vertex(dark) - 0.12) / 0.1)
                .min(enough(0.06, 0.04)),
        );
    }
    // Ink that is none of the shapes: the counter looks.
    read(
        if center > 0.12 {
            Mark::Cross
        } else {
            Mark::Circle
        },
        0.2,
    )
}
