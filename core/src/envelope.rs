//! The checksummed envelope that results files and backups share:
//! `{"format": …, "version": n, "checksum": "<32 hex>", "body": {…}, "seal": {…}?,
//! "template": {…}?}`.
//! `checksum` is the first 128 bits of SHA-256 of `body`'s text as written, so the body is
//! read back as raw JSON and checked before it is parsed.

use serde::Deserialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::fingerprint::hex;

pub(crate) fn checksum(body: &str) -> String {
    hex(&Sha256::digest(body.as_bytes())[..16])
}

/// The file's text: `body` (JSON) under its checksum, with `seal` and `template` (JSON) if
/// given.
pub(crate) fn write(
    format: &str,
    version: u32,
    body: &str,
    seal: Option<&str>,
    template: Option<&str>,
) -> String {
    let mut out = format!(
        r#"{{"format":"{format}","version":{version},"checksum":"{}","body":{body}"#,
        checksum(body)
    );
    if let Some(s) = seal {
        out.push_str(r#","seal":"#);
        out.push_str(s);
    }
    if let Some(t) = template {
        out.push_str(r#","template":"#);
        out.push_str(t);
    }
    out.push('}');
    out
}

#[derive(Deserialize)]
pub(crate) struct Envelope<'a> {
    pub format: String,
    pub version: u32,
    pub checksum: String,
    #[serde(borrow)]
    pub body: &'a RawValue,
    #[serde(borrow, default)]
    pub seal: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub template: Option<&'a RawValue>,
}

impl Envelope<'_> {
    /// The sender's seal, if the file carries one; `Err` when it is not a well-formed one.
    pub fn seal(&self) -> Result<Option<crate::exchange::seal::Seal>, ()> {
        let Some(raw) = self.seal else {
            return Ok(None);
        };
        let s: crate::exchange::seal::Seal = serde_json::from_str(raw.get()).map_err(|_| ())?;
        if s.well_formed() {
            Ok(Some(s))
        } else {
            Err(())
        }
    }

    /// Whether the body is intact and of one of these versions.
    pub fn intact_in(&self, versions: std::ops::RangeInclusive<u32>) -> bool {
        versions.contains(&self.version) && checksum(self.body.get()) == self.checksum
    }
}
