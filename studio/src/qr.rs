//! QR codes of template links, as SVG markup made here (never from user text: the link is
//! base64url and ASCII, the markup is the qrcode crate's).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code of `text`: error correction M where the text fits (it survives a
/// scratched screen or glare), L for longer texts; `None` when it does not fit a QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(320, 320)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_link_makes_a_code_and_a_huge_text_does_not() {
        let t = &ballot_core::samples::all()[1];
        let link = ballot_core::share::link("http://127.0.0.1:8080/", t);
        let s = svg(&link).expect("fits");
        assert!(
            s.starts_with("<?xml") || s.starts_with("<svg"),
            "{}",
            &s[..40]
        );
        assert!(s.contains("<path"));
        assert!(svg(&"x".repeat(4000)).is_none());
    }
}
