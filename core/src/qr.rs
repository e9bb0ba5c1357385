//! QR codes of template links: drawn as SVG for the screen, and read back from the pixels
//! of a camera frame or a photo. Both sides are pure, so a round trip is tested natively.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code of `text`: error correction M where the text fits (it survives a
/// scratched screen or glare), L for longer texts; `None` when it does not fit a QR code.
/// The markup is the qrcode crate's, never the text's: it is safe to insert as HTML.
pub fn svg(text: &str) -> Option<String> {
    let code = code(text)?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(320, 320)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

fn code(text: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()
}

/// The texts of the QR codes found in an RGBA image (a canvas's `ImageData`), in the order
/// found. A buffer of the wrong size reads as no code.
pub fn read_rgba(rgba: &[u8], width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 || rgba.len() != width.saturating_mul(height).saturating_mul(4) {
        return Vec::new();
    }
    read_luma(width, height, |x, y| {
        let i = 4 * (y * width + x);
        // ITU-R BT.601 luma, in integers.
        let (r, g, b) = (
            u32::from(rgba[i]),
            u32::from(rgba[i + 1]),
            u32::from(rgba[i + 2]),
        );
        ((299 * r + 587 * g + 114 * b) / 1000) as u8
    })
}

fn read_luma(width: usize, height: usize, luma: impl FnMut(usize, usize) -> u8) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    img.detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code drawn as a greyscale image, `scale` pixels a module, with a quiet zone.
    fn raster(text: &str, scale: usize) -> (Vec<u8>, usize) {
        use qrcode::Color;
        let code = code(text).expect("fits");
        let n = code.width();
        let side = (n + 8) * scale;
        let colors = code.to_colors();
        let mut rgba = vec![255u8; side * side * 4];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
                if mx < n && my < n && colors[my * n + mx] == Color::Dark {
                    let i = 4 * (y * side + x);
                    rgba[i..i + 3].fill(0);
                }
            }
        }
        (rgba, side)
    }

    #[test]
    fn a_template_link_reads_back_from_its_code() {
        for t in crate::samples::all() {
            let link = crate::share::link("http://127.0.0.1:8080/", &t);
            let (rgba, side) = raster(&link, 3);
            assert_eq!(read_rgba(&rgba, side, side), vec![link.clone()]);
            let svg = svg(&link).expect("fits");
            assert!(svg.contains("<path") || svg.contains("<rect"));
        }
    }

    #[test]
    fn no_code_and_bad_buffers_read_as_nothing() {
        assert!(read_rgba(&vec![255; 64 * 64 * 4], 64, 64).is_empty());
        assert!(read_rgba(&[0; 10], 64, 64).is_empty());
        assert!(read_rgba(&[], 0, 0).is_empty());
        assert!(svg(&"x".repeat(4000)).is_none());
    }
}
