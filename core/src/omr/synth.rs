//! Photos of printed sheets with known marks, for the reader's tests and bench: the app's
//! own layout drawn flat (markers, code track, text as strokes, box borders), marks drawn
//! as hands draw them (○ × √ and filled, pen or light pencil, shaky, off-centre), then
//! photographed: turned any of the four ways, tilted, in perspective, under uneven light,
//! with noise and blur.

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
    img
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

/// One ballot of a set: random marks in every box, photographed at random. The clear set:
/// a pen, steady light, a little tilt and noise. The hard set: light pencil and thin pens,
/// shaky hands, shadow across the sheet, stronger perspective, noise and blur.
pub fn case(layout: &Layout, seed: u64, hard: bool) -> (Vec<(BoxRef, Mark)>, Gray) {
    let mut rng = Rng::new(seed.wrapping_add(if hard { 1 << 40 } else { 0 }));
    let marks: Vec<(BoxRef, Mark)> = (layout.boxes.iter())
        .map(|b| (b.what, CLASSES[(rng.next_u64() % 5) as usize]))
        .collect();
    let turns = (rng.next_u64() % 4) as u8;
    let (width, height) = frame(turns);
    let shot = Shot {
        turns,
        tilt: rng.range(-20.0, 20.0),
        perspective: rng.range(0.0, if hard { 0.07 } else { 0.03 }),
        light: rng.range(0.0, if hard { 0.5 } else { 0.2 }),
        noise: if hard { 8.0 } else { 3.0 },
        blur: if hard { 2 } else { 1 },
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
    let img = photo(&sheet(layout, &marks, px, hand, seed), px, &shot, seed);
    (marks, img)
}
