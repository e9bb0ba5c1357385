//! Photos of printed sheets with known marks, for the reader's tests and bench: the app's
//! own layout drawn flat (markers, code track, text as strokes, box borders), marks drawn
//! as hands draw them (○ × √ and filled, pen or light pencil, shaky, off-centre), then
//! photographed: turned any of the four ways, tilted, in perspective, under uneven light,
//! with noise and blur, saved as a phone saves it (JPEG). The hard set adds what paper
//! goes through: stray dots, marks scribbled out (涂改), a damaged corner marker.

use super::geometry::Homography;
use super::image::Gray;
use super::layout::{BoxRef, Layout, Rect, Text, PAGE_H, PAGE_W};
use super::read::Mark;

/// A small deterministic generator (xorshift64*), so every photo is reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How marks are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Hand {
    /// Stroke width, millimetres.
    pub pen: f64,
    /// The ink's grey (30 a pen, 120 a light pencil).
    pub ink: u8,
    /// How far strokes wander, as a share of the box.
    pub shake: f64,
}

pub const PEN: Hand = Hand {
    pen: 0.6,
    ink: 30,
    shake: 0.05,
};

/// A flat sheet at `px` pixels a millimetre.
struct Canvas {
    img: Gray,
    px: f64,
}

impl Canvas {
    fn fill(&mut self, r: &Rect, v: u8) {
        let (x0, y0) = ((r.x * self.px) as usize, (r.y * self.px) as usize);
        let (x1, y1) = (
            ((r.x + r.w) * self.px) as usize,
            ((r.y + r.h) * self.px) as usize,
        );
        for y in y0..y1.min(self.img.height) {
            for x in x0..x1.min(self.img.width) {
                self.img.pixels[y * self.img.width + x] = v;
            }
        }
    }

    /// A stroke from `a` to `b` (millimetres), `width` wide.
    fn line(&mut self, a: (f64, f64), b: (f64, f64), width: f64, v: u8) {
        let p = self.px;
        let r = width * p / 2.0;
        let (ax, ay, bx, by) = (a.0 * p, a.1 * p, b.0 * p, b.1 * p);
        let (x0, x1) = (
            (ax.min(bx) - r).max(0.0) as usize,
            (ax.max(bx) + r + 1.0) as usize,
        );
        let (y0, y1) = (
            (ay.min(by) - r).max(0.0) as usize,
            (ay.max(by) + r + 1.0) as usize,
        );
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = (dx * dx + dy * dy).max(1e-9);
        for y in y0..y1.min(self.img.height) {
            for x in x0..x1.min(self.img.width) {
                let (px, py) = (x as f64 + 0.5, y as f64 + 0.5);
                let t = (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0);
                let d = (px - ax - t * dx).hypot(py - ay - t * dy);
                if d <= r {
                    let at = &mut self.img.pixels[y * self.img.width + x];
                    *at = (*at).min(v);
                }
            }
        }
    }

    /// A border of dashes (a 另选他人 cell's).
    fn dashed(&mut self, r: &Rect, width: f64, v: u8) {
        let corners = [
            (r.x, r.y),
            (r.x + r.w, r.y),
            (r.x + r.w, r.y + r.h),
            (r.x, r.y + r.h),
        ];
        for k in 0..4 {
            let (a, b) = (corners[k], corners[(k + 1) % 4]);
            let len = (b.0 - a.0).hypot(b.1 - a.1);
            let n = (len / 2.0).ceil().max(1.0) as usize;
            for d in 0..n {
                let (t0, t1) = (d as f64 / n as f64, (d as f64 + 0.5) / n as f64);
                let at = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                self.line(at(t0), at(t1), width, v);
            }
        }
    }

    fn frame(&mut self, r: &Rect, width: f64, v: u8) {
        let (a, b, c, d) = (
            (r.x, r.y),
            (r.x + r.w, r.y),
            (r.x + r.w, r.y + r.h),
            (r.x, r.y + r.h),
        );
        for (p, q) in [(a, b), (b, c), (c, d), (d, a)] {
            self.line(p, q, width, v);
        }
    }
}

/// Draws `mark` in box `r` as a hand does.
fn draw_mark(c: &mut Canvas, r: &Rect, mark: Mark, hand: Hand, rng: &mut Rng) {
    let (cx, cy) = r.center();
    let s = r.w.min(r.h);
    let mut j = || rng.range(-hand.shake, hand.shake) * s;
    let (ox, oy) = (j(), j());
    let at = |u: f64, v: f64, ju: f64, jv: f64| (cx + ox + u * s + ju, cy + oy + v * s + jv);
    match mark {
        Mark::Blank => {}
        Mark::Circle => {
            let radius = rng.range(0.3, 0.4);
            let start = rng.range(0.0, std::f64::consts::TAU);
            let n = 36;
            let mut prev = None;
            for k in 0..=n + 2 {
                let a = start + std::f64::consts::TAU * k as f64 / n as f64;
                let rr = radius * (1.0 + rng.range(-0.06, 0.06));
                let p = at(rr * a.cos(), rr * a.sin(), 0.0, 0.0);
                if let Some(q) = prev {
                    c.line(q, p, hand.pen, hand.ink);
                }
                prev = Some(p);
            }
        }
        Mark::Cross => {
            let e = rng.range(0.28, 0.4);
            let (a, b) = (at(-e, -e, 0.0, 0.0), at(e, e, 0.0, 0.0));
            c.line(a, b, hand.pen, hand.ink);
            let e2 = e * rng.range(0.9, 1.1);
            let (a, b) = (at(e2, -e2, 0.0, 0.0), at(-e2, e2, 0.0, 0.0));
            c.line(a, b, hand.pen, hand.ink);
        }
        Mark::Check => {
            let k = rng.range(0.85, 1.1);
            let (a, b, d) = (
                at(-0.32 * k, 0.0, 0.0, 0.0),
                at(-0.08 * k, 0.3 * k, 0.0, 0.0),
                at(0.38 * k, -0.38 * k, 0.0, 0.0),
            );
            c.line(a, b, hand.pen, hand.ink);
            c.line(b, d, hand.pen, hand.ink);
        }
        Mark::Filled => {
            // Scribbled over most of the box.
            let n = 14;
            for k in 0..n {
                let v = -0.38 + 0.76 * k as f64 / (n - 1) as f64;
                c.line(
                    at(-0.38, v, 0.0, 0.0),
                    at(0.38, v, 0.0, 0.0),
                    hand.pen * 2.0,
                    hand.ink,
                );
            }
        }
    }
}

/// The printed sheet of `layout` with `marks` drawn in, flat, `px` pixels a millimetre.
pub fn sheet(layout: &Layout, marks: &[(BoxRef, Mark)], px: f64, hand: Hand, seed: u64) -> Gray {
    written_sheet(layout, marks, &[], px, hand, seed)
}

/// [`sheet`], with a name written by hand in the 另选他人 cells `written` (section, slot).
pub fn written_sheet(
    layout: &Layout,
    marks: &[(BoxRef, Mark)],
    written: &[(usize, usize)],
    px: f64,
    hand: Hand,
    seed: u64,
) -> Gray {
    let (w, h) = ((PAGE_W * px) as usize, (PAGE_H * px) as usize);
    let mut c = Canvas {
        img: Gray {
            width: w,
            height: h,
            pixels: vec![245; w * h],
        },
        px,
    };
    let mut rng = Rng::new(seed);
    for m in &layout.markers {
        c.fill(m, 20);
    }
    for (cell, on) in &layout.track {
        if *on {
            c.fill(cell, 20);
        }
    }
    // Text as strokes of characters (the reader never reads them, but must not take them
    // for markers or marks).
    for t in &layout.texts {
        if let Text::WriteIn { section, slot } = t.text {
            // As printed: a dashed border, a small label in its corner, the rest for a name.
            c.dashed(&t.rect, 0.3, 40);
            let size = t.size * 0.7;
            for k in 0..4 {
                let x = t.rect.x + 1.0 + k as f64 * size * 1.1;
                let y = t.rect.y + 0.6;
                for _ in 0..3 {
                    let a = (x + rng.range(0.0, size), y + rng.range(0.0, size));
                    let b = (x + rng.range(0.0, size), y + rng.range(0.0, size));
                    c.line(a, b, 0.25, 40);
                }
            }
            if written.contains(&(section, slot)) {
                // Two or three characters by hand, across the writing area.
                let area = super::read::writing_area(&t.rect);
                let chars = 2 + (rng.next_u64() % 2) as usize;
                let step = area.w / chars as f64;
                for k in 0..chars {
                    let x = area.x + step * k as f64 + step * 0.15;
                    for _ in 0..5 {
                        let a = (
                            x + rng.range(0.0, step * 0.7),
                            area.y + rng.range(0.5, area.h - 0.5),
                        );
                        let b = (
                            x + rng.range(0.0, step * 0.7),
                            area.y + rng.range(0.5, area.h - 0.5),
                        );
                        c.line(a, b, hand.pen, hand.ink);
                    }
                }
            }
            continue;
        }
        let n = ((t.rect.w / (t.size * 1.1)) as usize).min(30);
        let lines = ((t.rect.h / (t.size * 1.4)) as usize).max(1);
        for line in 0..lines {
            let count = (n as f64 * rng.range(0.3, 1.0)) as usize;
            for k in 0..count {
                let x = t.rect.x + k as f64 * t.size * 1.1;
                let y = t.rect.y + line as f64 * t.size * 1.4 + 0.2 * t.size;
                for _ in 0..4 {
                    let a = (x + rng.range(0.0, t.size), y + rng.range(0.0, t.size));
                    let b = (x + rng.range(0.0, t.size), y + rng.range(0.0, t.size));
                    c.line(a, b, 0.3, 40);
                }
            }
        }
    }
    for b in &layout.boxes {
        c.frame(&b.rect, 0.3, 60);
    }
    for (what, mark) in marks {
        if let Some(b) = layout.boxes.iter().find(|b| b.what == *what) {
            draw_mark(&mut c, &b.rect, *mark, hand, &mut rng);
        }
    }
    c.img
}

/// How the phone takes the photo.
#[derive(Debug, Clone, Copy)]
pub struct Shot {
    /// Quarter turns, clockwise.
    pub turns: u8,
    /// Degrees, either way.
    pub tilt: f64,
    /// How far each corner moves for perspective, as a share of the sheet.
    pub perspective: f64,
    /// The photo's size.
    pub width: usize,
    pub height: usize,
    /// The sheet's long side, as a share of the photo's long side.
    pub fill: f64,
    /// Darker on one side: the share of light lost across the photo.
    pub light: f64,
    /// Noise, grey levels (standard deviation, about).
    pub noise: f64,
    /// Box blur radius, pixels.
    pub blur: usize,
    /// JPEG quality (1–100) the phone saves the photo at; 0: not compressed.
    pub jpeg: u8,
}

/// The photo's size for a sheet turned `turns` quarter turns: a phone held upright for an
/// upright sheet, on its side for a sheet on its side.
pub fn frame(turns: u8) -> (usize, usize) {
    if turns % 2 == 0 {
        (960, 1280)
    } else {
        (1280, 960)
    }
}

pub const CLEAR: Shot = Shot {
    turns: 0,
    tilt: 0.0,
    perspective: 0.0,
    width: 960,
    height: 1280,
    fill: 0.9,
    light: 0.0,
    noise: 0.0,
    blur: 0,
    jpeg: 0,
};

/// A photo of the flat `sheet` (`px` pixels a millimetre) taken as `shot` says, on a dark
/// table.
pub fn photo(sheet: &Gray, px: f64, shot: &Shot, seed: u64) -> Gray {
    photo_of(&[(sheet, (0.0, 0.0))], px, shot, seed)
}

/// A photo of several sheets lying on each other, the first on top, each moved by its
/// offset (millimetres, in the first sheet's frame): the shot frames the first.
pub fn photo_of(sheets: &[(&Gray, (f64, f64))], px: f64, shot: &Shot, seed: u64) -> Gray {
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let (pw, ph) = (PAGE_W * px, PAGE_H * px);
    // The sheet's corners, turned and tilted about the photo's middle, then moved apart.
    let scale = shot.fill * shot.width.max(shot.height) as f64 / ph;
    let angle = (f64::from(shot.turns) * 90.0 + shot.tilt).to_radians();
    let (cx, cy) = (shot.width as f64 / 2.0, shot.height as f64 / 2.0);
    let corners = [(0.0, 0.0), (pw, 0.0), (pw, ph), (0.0, ph)];
    let placed = corners.map(|(x, y)| {
        let (u, v) = ((x - pw / 2.0) * scale, (y - ph / 2.0) * scale);
        let (r, s) = (
            u * angle.cos() - v * angle.sin(),
            u * angle.sin() + v * angle.cos(),
        );
        let d = shot.perspective * ph * scale;
        (cx + r + rng.range(-d, d), cy + s + rng.range(-d, d))
    });
    // From the photo back to the sheet.
    let back = Homography::from_points(placed, corners).expect("a quadrilateral");
    let (w, h) = (shot.width, shot.height);
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let (sx, sy) = back.map((x as f64 + 0.5, y as f64 + 0.5));
            let on = sheets.iter().find_map(|(sheet, (ox, oy))| {
                let (sx, sy) = (sx - ox * px, sy - oy * px);
                (sx >= 0.0 && sy >= 0.0 && sx < pw - 1.0 && sy < ph - 1.0)
                    .then(|| sheet.sample(sx - 0.5, sy - 0.5))
            });
            let v = on.unwrap_or(70.0 + 20.0 * ((x / 7 + y / 11) % 2) as f64);
            let light = 1.0 - shot.light * x as f64 / w as f64;
            let noise = if shot.noise > 0.0 {
                (rng.range(-1.0, 1.0) + rng.range(-1.0, 1.0) + rng.range(-1.0, 1.0)) * shot.noise
            } else {
                0.0
            };
            out[y * w + x] = (v * light + noise).clamp(0.0, 255.0) as u8;
        }
    }
    let mut img = Gray {
        width: w,
        height: h,
        pixels: out,
    };
    if shot.blur > 0 {
        img = box_blur(&img, shot.blur);
    }
    if shot.jpeg > 0 {
        img = jpeg(&img, shot.jpeg);
    }
    img
}

/// JPEG's loss on a grey image at `quality` (the IJG scale): each 8×8 block's DCT,
/// quantised by the standard luminance table, and back. This is all of what JPEG loses on
/// grey pixels (its entropy coding is lossless), so the reader sees what a phone's JPEG
/// photo holds: ringing around strokes and blocks in flat light.
pub fn jpeg(img: &Gray, quality: u8) -> Gray {
    const LUMA: [u16; 64] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69,
        56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81,
        104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];
    let q = f64::from(quality.clamp(1, 100));
    let scale = if q < 50.0 {
        5000.0 / q
    } else {
        200.0 - 2.0 * q
    };
    let table = LUMA.map(|v| {
        ((f64::from(v) * scale + 50.0) / 100.0)
            .floor()
            .clamp(1.0, 255.0)
    });
    let basis: Vec<f64> = (0..64)
        .map(|k| {
            let (u, x) = (k / 8, k % 8);
            let c = if u == 0 { (0.125f64).sqrt() } else { 0.5 };
            c * ((2 * x + 1) as f64 * u as f64 * std::f64::consts::PI / 16.0).cos()
        })
        .collect();
    let (w, h) = (img.width, img.height);
    let mut out = img.pixels.clone();
    for by in (0..h).step_by(8) {
        for bx in (0..w).step_by(8) {
            let mut block = [0.0f64; 64];
            for (k, v) in block.iter_mut().enumerate() {
                let (x, y) = ((bx + k % 8).min(w - 1), (by + k / 8).min(h - 1));
                *v = f64::from(img.pixels[y * w + x]) - 128.0;
            }
            // Separable: along rows, then along columns (F = B · f · Bᵀ), and back.
            let pass = |src: &[f64; 64], forward: bool, rows: bool| {
                let mut dst = [0.0f64; 64];
                for i in 0..8 {
                    for o in 0..8 {
                        let mut s = 0.0;
                        for n in 0..8 {
                            let (b, at) = if forward {
                                (basis[o * 8 + n], n)
                            } else {
                                (basis[n * 8 + o], n)
                            };
                            s += b * if rows {
                                src[i * 8 + at]
                            } else {
                                src[at * 8 + i]
                            };
                        }
                        if rows {
                            dst[i * 8 + o] = s;
                        } else {
                            dst[o * 8 + i] = s;
                        }
                    }
                }
                dst
            };
            let mut coef = pass(&pass(&block, true, true), true, false);
            for (c, t) in coef.iter_mut().zip(&table) {
                *c = (*c / t).round() * t;
            }
            let back = pass(&pass(&coef, false, false), false, true);
            for (k, v) in back.iter().enumerate() {
                let (px, py) = (bx + k % 8, by + k / 8);
                if px < w && py < h {
                    out[py * w + px] = (v + 128.0).round().clamp(0.0, 255.0) as u8;
                }
            }
        }
    }
    Gray {
        width: w,
        height: h,
        pixels: out,
    }
}

/// How a corner marker is damaged ([`damage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Gone: torn off with the corner, or pasted over.
    Gone,
    /// Half of it torn off.
    Half,
    /// An ink blot run into it: no longer square.
    Blot,
}

/// Damages marker `k` of the flat `sheet` (`px` pixels a millimetre).
pub fn damage(sheet: &mut Gray, layout: &Layout, px: f64, k: usize, how: Damage) {
    let m = layout.markers[k];
    let mut c = Canvas {
        img: std::mem::take(sheet),
        px,
    };
    match how {
        Damage::Gone => c.fill(&m.inset(-1.0), 245),
        Damage::Half => c.fill(
            &Rect {
                x: m.x - 1.0,
                y: m.y + m.h / 2.0,
                w: m.w + 2.0,
                h: m.h / 2.0 + 1.0,
            },
            245,
        ),
        Damage::Blot => {
            // Towards the middle of the sheet, so the blot stays on the paper.
            let right = m.x < PAGE_W / 2.0;
            let x = if right { m.x + m.w - 0.5 } else { m.x - 9.5 };
            c.fill(
                &Rect {
                    x,
                    y: m.y + 2.0,
                    w: 10.0,
                    h: 7.0,
                },
                25,
            );
        }
    }
    *sheet = c.img;
}

fn box_blur(img: &Gray, r: usize) -> Gray {
    let (w, h) = (img.width, img.height);
    let pass = |src: &[u8], horizontal: bool| -> Vec<u8> {
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let (mut s, mut n) = (0u32, 0u32);
                for d in 0..=2 * r {
                    let k = d as isize - r as isize;
                    let (xx, yy) = if horizontal {
                        (x as isize + k, y as isize)
                    } else {
                        (x as isize, y as isize + k)
                    };
                    if xx >= 0 && yy >= 0 && (xx as usize) < w && (yy as usize) < h {
                        s += u32::from(src[yy as usize * w + xx as usize]);
                        n += 1;
                    }
                }
                out[y * w + x] = (s / n.max(1)) as u8;
            }
        }
        out
    };
    let once = pass(&img.pixels, true);
    Gray {
        width: w,
        height: h,
        pixels: pass(&once, false),
    }
}

/// Every class a box may hold, in the bench's order.
pub const CLASSES: [Mark; 5] = [
    Mark::Blank,
    Mark::Circle,
    Mark::Cross,
    Mark::Check,
    Mark::Filled,
];

/// One ballot of a set: random marks in every box, photographed at random and saved as
/// JPEG. The clear set: a pen, steady light, a little tilt and noise, quality 85. The hard
/// set: light pencil and thin pens, shaky hands, shadow across the sheet, stronger
/// perspective, noise and blur, quality 50; stray dots; one mark in twelve scribbled out
/// (涂改: what it holds is then `Filled`, which the counter decides); one sheet in ten with
/// a damaged corner marker.
pub fn case(layout: &Layout, seed: u64, hard: bool) -> (Vec<(BoxRef, Mark)>, Gray) {
    let mut rng = Rng::new(seed.wrapping_add(if hard { 1 << 40 } else { 0 }));
    let marks: Vec<(BoxRef, Mark)> = (layout.boxes.iter())
        .map(|b| (b.what, CLASSES[(rng.next_u64() % 5) as usize]))
        .collect();
    // 涂改: a mark, then scribbled out.
    let scribbled: Vec<BoxRef> = (marks.iter())
        .filter(|(_, m)| {
            hard && *m != Mark::Blank && *m != Mark::Filled && rng.next_u64() % 12 == 0
        })
        .map(|(what, _)| *what)
        .collect();
    let dots = if hard {
        (rng.next_u64() % 4) as usize
    } else {
        0
    };
    let damaged = (hard && rng.next_u64() % 10 == 0).then(|| {
        let how = [Damage::Gone, Damage::Half, Damage::Blot][(rng.next_u64() % 3) as usize];
        ((rng.next_u64() % 4) as usize, how)
    });
    let turns = (rng.next_u64() % 4) as u8;
    let (width, height) = frame(turns);
    let shot = Shot {
        turns,
        tilt: rng.range(-20.0, 20.0),
        perspective: rng.range(0.0, if hard { 0.07 } else { 0.03 }),
        light: rng.range(0.0, if hard { 0.5 } else { 0.2 }),
        noise: if hard { 8.0 } else { 3.0 },
        blur: if hard { 2 } else { 1 },
        jpeg: if hard { 50 } else { 85 },
        fill: 0.62,
        width,
        height,
    };
    let hand = if hard {
        Hand {
            pen: rng.range(0.35, 0.7),
            ink: rng.range(60.0, 130.0) as u8,
            shake: 0.1,
        }
    } else {
        PEN
    };
    let px = 5.0;
    let mut flat = sheet(layout, &marks, px, hand, seed);
    let mut c = Canvas {
        img: std::mem::take(&mut flat),
        px,
    };
    for what in &scribbled {
        if let Some(b) = layout.boxes.iter().find(|b| b.what == *what) {
            draw_mark(&mut c, &b.rect, Mark::Filled, hand, &mut rng);
        }
    }
    // Stray dots: a pen put down anywhere on the sheet.
    for _ in 0..dots {
        let (x, y) = (
            rng.range(10.0, PAGE_W - 10.0),
            rng.range(10.0, PAGE_H - 10.0),
        );
        let d = rng.range(0.4, 0.9);
        c.line((x, y), (x + 0.1, y + 0.1), d, hand.ink);
    }
    let mut flat = c.img;
    if let Some((k, how)) = damaged {
        damage(&mut flat, layout, px, k, how);
    }
    let marks = (marks.into_iter())
        .map(|(what, m)| {
            (
                what,
                if scribbled.contains(&what) {
                    Mark::Filled
                } else {
                    m
                },
            )
        })
        .collect();
    (marks, photo(&flat, px, &shot, seed))
}
