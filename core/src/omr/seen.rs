//! What the read module (`ballot-read`, loaded on demand) answers the app for one camera
//! frame or photo: the one format both sides read, as JSON.
//!
//! The app takes the proposal and the images of what the counter decides; the overlay is
//! for the picture (drawn by the module's page script). Nothing of the photo is kept but
//! those images, and only until the ballot is entered.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::image::Gray;
use super::layout::{layout, Layout, Rect, Text};
use super::propose::{box_marks, propose, Open, Proposal};
use super::read::{crop, read, ReadError};
use crate::template::Template;

/// Why a frame gave no ballot, in the terms the counter is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotSeen {
    /// No whole sheet in view (all four corner markers are needed).
    NoSheet,
    /// A sheet, but its code strip cannot be read (blur, glare, a fold).
    NoCode,
    /// A sheet of another form.
    OtherSheet,
    /// A test deck's sheet (测试票), in a count that is not a rehearsal.
    TestSheet,
    /// This form has no machine-readable sheet (it needs more than one page).
    NoLayout,
}

/// A box as drawn over the picture: its corners (as shares of the picture's width and
/// height) and what it was read as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeenBox {
    pub q: [f32; 8],
    /// 0 empty, 1 marked, 2 left to the counter.
    pub s: u8,
}

/// The module's answer for one picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seen {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Proposal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<NotSeen>,
    /// The sheet's corner markers, as shares of the picture's width and height: two
    /// pictures of a ballot held still have them in the same places.
    #[serde(default)]
    pub corners: Vec<(f32, f32)>,
    #[serde(default)]
    pub boxes: Vec<SeenBox>,
    /// One image (a `data:` URL) per thing to decide, in the proposal's order.
    #[serde(default)]
    pub images: Vec<String>,
}

impl Seen {
    /// No ballot, and why.
    pub fn not(why: NotSeen) -> Seen {
        Seen {
            proposal: None,
            not: Some(why),
            corners: Vec::new(),
            boxes: Vec::new(),
            images: Vec::new(),
        }
    }

    /// Whether `self` and `other` show the same ballot held in the same place: the
    /// ballot is steady. `tolerance` is a share of the picture.
    pub fn steady_with(&self, other: &Seen, tolerance: f32) -> bool {
        self.proposal.is_some()
            && self.proposal == other.proposal
            && self.corners.len() == 4
            && other.corners.len() == 4
            && (self.corners.iter().zip(&other.corners))
                .all(|(a, b)| (a.0 - b.0).abs() <= tolerance && (a.1 - b.1).abs() <= tolerance)
    }
}

/// Pixels a millimetre in the images the counter is shown.
const IMAGE_PX: f64 = 8.0;

/// Reads `img` as a sheet of `template` for a count of `category`; a test deck's sheet only
/// for a count in 测试模式 (`test`).
pub fn seen(
    template: &Template,
    fingerprint: &str,
    category: Option<u16>,
    test: bool,
    img: &Gray,
) -> Seen {
    let Ok(layout) = layout(template, fingerprint) else {
        return Seen::not(NotSeen::NoLayout);
    };
    let reading = match read(img, &layout) {
        Ok(r) => r,
        Err(ReadError::NoSheet) => return Seen::not(NotSeen::NoSheet),
        Err(ReadError::NoCode) => return Seen::not(NotSeen::NoCode),
        Err(ReadError::OtherSheet(_)) => return Seen::not(NotSeen::OtherSheet),
    };
    if reading.code.test && !test {
        return Seen::not(NotSeen::TestSheet);
    }
    let Some(h) = reading.map(&layout) else {
        return Seen::not(NotSeen::NoSheet);
    };
    let proposal = propose(template, category, &reading);
    let (w, ht) = (img.width as f64, img.height as f64);
    let share = |p: (f64, f64)| ((p.0 / w) as f32, (p.1 / ht) as f32);
    let boxes = (layout.boxes.iter())
        .map(|b| {
            let r = b.rect;
            let corners = [
                (r.x, r.y),
                (r.x + r.w, r.y),
                (r.x + r.w, r.y + r.h),
                (r.x, r.y + r.h),
            ]
            .map(|p| share(h.map(p)));
            let open = (proposal.open.iter())
                .any(|o| matches!(o, Open::Box { what, .. } if *what == b.what));
            let marks = box_marks(&proposal.ballot, b.what);
            SeenBox {
                q: [
                    corners[0].0,
                    corners[0].1,
                    corners[1].0,
                    corners[1].1,
                    corners[2].0,
                    corners[2].1,
                    corners[3].0,
                    corners[3].1,
                ],
                s: if open {
                    2
                } else {
                    u8::from(marks.0 || marks.1)
                },
            }
        })
        .collect();
    let images = (proposal.open.iter())
        .filter_map(|o| open_rect(&layout, o))
        .map(|r| {
            format!(
                "data:image/bmp;base64,{}",
                STANDARD.encode(crop(img, &h, &r, IMAGE_PX).bmp())
            )
        })
        .collect();
    Seen {
        corners: reading.corners.iter().map(|p| share(*p)).collect(),
        proposal: Some(proposal),
        not: None,
        boxes,
        images,
    }
}

/// The part of the sheet the counter is shown to decide `open`: a box with some paper
/// around it, or a 另选他人 cell.
fn open_rect(layout: &Layout, open: &Open) -> Option<Rect> {
    match *open {
        Open::Box { what, .. } => (layout.boxes.iter())
            .find(|b| b.what == what)
            .map(|b| b.rect.inset(-b.rect.w * 0.3)),
        Open::Name { section, slot } => (layout.texts.iter())
            .find(|t| t.text == Text::WriteIn { section, slot })
            .map(|t| t.rect.inset(-1.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::omr::layout::BoxRef;
    use crate::omr::read::Mark;
    use crate::omr::synth::{photo, written_sheet, CLEAR, PEN};

    #[test]
    fn a_photo_is_answered_with_its_ballot_its_boxes_and_an_image_per_thing_to_decide() {
        let t = crate::samples::elections().remove(0);
        let fp = crate::fingerprint(&t);
        let l = layout(&t, &fp).expect("one sheet");
        let first = BoxRef::Listed {
            section: 0,
            candidate: 0,
        };
        let flat = written_sheet(&l, &[(first, Mark::Check)], &[(0, 0)], 5.0, PEN, 1);
        let s = seen(&t, &fp, None, false, &photo(&flat, 5.0, &CLEAR, 1));
        let p = s.proposal.as_ref().expect("a ballot");
        assert_eq!(p.open.len(), 2);
        assert_eq!(s.images.len(), 2);
        assert!(s.images[0].starts_with("data:image/bmp;base64,Qk"));
        assert_eq!(s.boxes.len(), l.boxes.len());
        assert_eq!(s.boxes[0].s, 2);
        assert!(s
            .boxes
            .iter()
            .all(|b| b.q.iter().all(|v| (0.0..=1.0).contains(v))));
        // The same picture again is steady; the JSON reads back as written.
        let json = serde_json::to_string(&s).expect("json");
        let back: Seen = serde_json::from_str(&json).expect("read");
        assert!(back.steady_with(&s, 0.01));
        // A frame without a sheet, and a form with no machine-readable sheet.
        let blank = Gray::new(64, 48, vec![200; 64 * 48]).expect("an image");
        assert_eq!(
            seen(&t, &fp, None, false, &blank).not,
            Some(NotSeen::NoSheet)
        );
        assert!(!seen(&t, &fp, None, false, &blank).steady_with(&s, 1.0));
        assert_eq!(
            seen(&t, "not a fingerprint", None, false, &blank).not,
            Some(NotSeen::NoLayout)
        );
    }

    /// A test deck's sheet (测试票) is read only by a count in 测试模式; a real ballot is
    /// read by both.
    #[test]
    fn a_test_sheet_is_read_only_in_a_rehearsal() {
        let t = crate::samples::elections().remove(0);
        let fp = crate::fingerprint(&t);
        let (real, test) = (
            layout(&t, &fp).expect("one sheet"),
            crate::omr::layout::test_layout(&t, &fp).expect("one sheet"),
        );
        assert_eq!(real.boxes, test.boxes);
        assert_ne!(real.track, test.track);
        let shoot = |l: &Layout| photo(&written_sheet(l, &[], &[], 5.0, PEN, 3), 5.0, &CLEAR, 3);
        let (real_photo, test_photo) = (shoot(&real), shoot(&test));
        assert_eq!(
            seen(&t, &fp, None, false, &test_photo).not,
            Some(NotSeen::TestSheet)
        );
        assert!(seen(&t, &fp, None, true, &test_photo).proposal.is_some());
        assert!(seen(&t, &fp, None, false, &real_photo).proposal.is_some());
        assert!(seen(&t, &fp, None, true, &real_photo).proposal.is_some());
    }
}
