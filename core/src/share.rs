//! Sharing a template between devices and residential areas as a link (and so as a QR code
//! of that link): the template's canonical JSON, zlib-compressed (its Adler-32 checksum
//! catches a damaged link) and base64url-encoded into the URL fragment, which never leaves
//! the device (a fragment is not sent to any server).
//!
//! A link's fragment is `t1.` followed by the data; the `t1` names this encoding, so a later
//! one can be told apart. Reading a link checks everything: the prefix, the encoding, the
//! checksum, the size (a small link cannot unpack to more than a template file may hold),
//! and then every rule of the template, result rules included. Nothing panics.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::TemplateError;
use crate::template::{limits, Template};

/// What a shared template's fragment starts with.
pub const PREFIX: &str = "t1.";

/// The longest link offered as a QR code. A QR code of up to about 1 200 characters
/// (version 25, error correction L) still scans from a phone screen held at arm's length;
/// above it, the app offers the file instead.
pub const QR_MAX_CHARS: usize = 1_200;

/// Why a shared link was refused. Codes L01–L04, one message each in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// L01: not a template link of this app (no `t1.` fragment).
    NotALink,
    /// L02: damaged or cut short (bad characters, or the checksum does not match).
    Damaged,
    /// L03: it would unpack to more than a template file may hold.
    TooLarge,
    /// L04: it unpacks to a template that does not pass its checks.
    Invalid(Vec<TemplateError>),
}

impl ShareError {
    pub fn code(&self) -> &'static str {
        match self {
            ShareError::NotALink => "L01",
            ShareError::Damaged => "L02",
            ShareError::TooLarge => "L03",
            ShareError::Invalid(_) => "L04",
        }
    }
}

/// The fragment that carries `template` (without the `#`).
pub fn fragment(template: &Template) -> String {
    let packed =
        miniz_oxide::deflate::compress_to_vec_zlib(template.canonical_json().as_bytes(), 10);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The link to open on another device: the app's address with the template in its fragment.
pub fn link(app_url: &str, template: &Template) -> String {
    let base = app_url.split('#').next().unwrap_or(app_url);
    format!("{base}#{}", fragment(template))
}

/// Reads a link, or just its fragment (with or without `#`).
pub fn read(link: &str) -> Result<Template, ShareError> {
    let fragment = match link.split_once('#') {
        Some((_, f)) => f,
        None => link,
    };
    let data = fragment
        .trim()
        .strip_prefix(PREFIX)
        .ok_or(ShareError::NotALink)?;
    // base64 of the largest template a file may hold, compressed or not, is well below this.
    if data.len() > limits::MAX_FILE_BYTES * 2 {
        return Err(ShareError::TooLarge);
    }
    let json = unpack(data, limits::MAX_FILE_BYTES).map_err(|e| match e {
        Unpack::Damaged => ShareError::Damaged,
        Unpack::TooLarge => ShareError::TooLarge,
    })?;
    Template::parse(&json).map_err(ShareError::Invalid)
}

/// Why packed text did not unpack.
pub(crate) enum Unpack {
    /// Bad characters, a broken stream, a checksum that does not match, or not UTF-8.
    Damaged,
    /// It would unpack to more than `limit` bytes.
    TooLarge,
}

/// base64url, then zlib (whose Adler-32 checksum catches damage), then UTF-8: the packing
/// of template links and of results QR codes. Never more than `limit` bytes are unpacked.
pub(crate) fn unpack(data: &str, limit: usize) -> Result<String, Unpack> {
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|_| Unpack::Damaged)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, limit).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Unpack::TooLarge,
            _ => Unpack::Damaged,
        },
    )?;
    String::from_utf8(bytes).map_err(|_| Unpack::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fingerprint, samples};

    #[test]
    fn a_link_carries_the_template_and_its_fingerprint() {
        for t in samples::all() {
            let link = link("http://127.0.0.1:8080/#old", &t);
            assert!(link.starts_with("http://127.0.0.1:8080/#t1."), "{link}");
            let back = read(&link).expect("reads back");
            assert_eq!(back, t);
            assert_eq!(fingerprint(&back), fingerprint(&t));
            // Small enough for a QR code a phone scans from a screen.
            assert!(link.len() <= QR_MAX_CHARS, "{} characters", link.len());
        }
    }

    #[test]
    fn a_tampered_or_cut_link_is_refused_never_a_panic() {
        let t = &samples::all()[0];
        let f = fragment(t);
        assert_eq!(read("http://x/"), Err(ShareError::NotALink));
        assert_eq!(read("#t2.abc"), Err(ShareError::NotALink));
        assert_eq!(read("t1.***"), Err(ShareError::Damaged));
        // Cut short, at every length.
        for n in PREFIX.len()..f.len() {
            assert!(read(&f[..n]).is_err(), "cut at {n}");
        }
        // One character changed, anywhere: the checksum or the decoder refuses it.
        let bytes: Vec<char> = f.chars().collect();
        for i in PREFIX.len()..bytes.len() {
            let mut c = bytes.clone();
            c[i] = if c[i] == 'A' { 'B' } else { 'A' };
            let s: String = c.into_iter().collect();
            assert!(read(&s).is_err(), "changed at {i}");
        }
    }

    #[test]
    fn a_link_to_a_broken_template_says_what_is_wrong() {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(
            br#"{"format":"ballot-kit/template","version":1}"#,
            6,
        );
        let f = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        let Err(ShareError::Invalid(errors)) = read(&f) else {
            panic!("refused as invalid");
        };
        assert_eq!(errors[0].code(), "T01");
    }

    #[test]
    fn a_small_link_cannot_unpack_to_a_huge_one() {
        let bomb = vec![b' '; limits::MAX_FILE_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 10);
        assert!(packed.len() < 2_000);
        let f = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        assert_eq!(read(&f), Err(ShareError::TooLarge));
    }
}
