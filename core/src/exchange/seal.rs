//! Signed results: what a device signs, and what a reader has to verify.
//!
//! Every device has its own key pair (ECDSA P-256, made by the browser on first use, the
//! private key never leaving it). It signs the results it sends:
//!
//! - a counted result (a tablet session or a 唱票 count) by its [`Statement`]: everything
//!   the result says, its batch id and a digest of its ballots. The statement and its
//!   signature travel together as a [`Sealed`] result, alone or inside merged results, so a
//!   street office verifies every 居民区's own signature, however many merges lie between;
//! - a merged result by the exact text of its body.
//!
//! The signature is checked by the platform (WebCrypto in the browser; the tests use the
//! `p256` crate): this module says what to check ([`ToVerify`]). Signing proves which device
//! sent a result and that nobody changed it on the way; it does not prove that device was
//! the right one. That is what the [device code](device_code) on the desk and the
//! 结果校验码 on the signed paper report are for.
//!
//! Invariant (property-tested in `tests/exchange_props.rs`): any change to a signed file,
//! its body, its statement, its key or its signature, fails verification.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Kind;
use crate::figures::Figures;
use crate::fingerprint::hex;
use crate::fingerprint::short_code;
use crate::tally::Tally;

/// What a device's signature is over: this line, a newline, then the statement's JSON (or,
/// for a merged result, its body's text).
const STATEMENT: &str = "ballot-kit/result-statement/1\n";
const MERGED: &str = "ballot-kit/merged-result/1\n";

/// Lengths of the encoded public key (65 bytes, SEC1 uncompressed) and signature (r‖s, 64
/// bytes) in base64url without padding.
const KEY_CHARS: usize = 87;
const SIG_CHARS: usize = 86;

/// A device's signature and public key, both base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    pub key: String,
    pub sig: String,
}

impl Seal {
    /// Whether both fields have the shape a P-256 key and signature have (checked on
    /// reading, before anything is verified).
    pub fn well_formed(&self) -> bool {
        let b64 = |s: &str, n: usize| {
            s.len() == n
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        b64(&self.key, KEY_CHARS) && b64(&self.sig, SIG_CHARS)
    }

    /// The device code of the key that made this seal.
    pub fn device(&self) -> String {
        device_code(&self.key)
    }
}

/// A device's short code (`K3PQ-7XA2`), shown on the desk beside each result it signed and
/// in 本机数据与备份 for the device itself, so two people can compare it by reading.
pub fn device_code(key: &str) -> String {
    short_code(&Sha256::digest(key.as_bytes()), 2)
}

/// What one counted result says, as its device signs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub batch: String,
    /// `tablet` or `paper`.
    pub kind: Kind,
    pub fingerprint: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default)]
    pub figures: Figures,
    pub tally: Tally,
    /// A 唱票 count's ballots in reading order: SHA-256 (hex) of their JSON as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballots: Option<String>,
}

impl Statement {
    /// The bytes a device signs.
    pub fn message(&self) -> Vec<u8> {
        let mut m = STATEMENT.as_bytes().to_vec();
        m.extend_from_slice(json(self).as_bytes());
        m
    }

    /// Its 结果校验码.
    pub fn code(&self) -> String {
        crate::result_code::result_code(
            &self.fingerprint,
            &self.unit,
            self.category.as_deref(),
            &self.figures,
            &self.tally,
        )
    }

    /// What it is a result of: one unit (and category) of one template.
    pub fn identity(&self) -> Identity {
        Identity {
            fingerprint: self.fingerprint.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
        }
    }

    /// Identifies this exact statement: equal statements are one result, whichever files
    /// carried them.
    pub fn digest(&self) -> String {
        hex(&Sha256::digest(self.message()))
    }
}

/// The bytes a device signs for a merged result with this body text.
pub fn merged_message(body_text: &str) -> Vec<u8> {
    let mut m = MERGED.as_bytes().to_vec();
    m.extend_from_slice(body_text.as_bytes());
    m
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Plain data (strings, numbers, maps with string keys) always serializes.
    serde_json::to_string(value).unwrap_or_default()
}

/// A counted result with its device's signature (`None`: made by an app that did not sign,
/// or not signed yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    pub statement: Statement,
    #[serde(default)]
    pub seal: Option<Seal>,
}

/// One unit of one template (and category): counted once in any merge, however many files
/// carry a result for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity {
    pub fingerprint: String,
    pub unit: String,
    pub category: Option<String>,
}

impl Identity {
    /// A text key for remembering which device sent this unit.
    pub fn key(&self) -> String {
        let text = format!(
            "{}\n{}\n{}",
            self.fingerprint,
            self.unit,
            self.category.as_deref().unwrap_or("")
        );
        hex(&Sha256::digest(text.as_bytes())[..16])
    }
}

/// One signature for the platform to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToVerify {
    pub key: String,
    pub sig: String,
    pub message: Vec<u8>,
}

/// Who signed a result, once its signature was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// No signature (a file from an app that did not sign).
    Unsigned,
    /// The signature is good: this device's public key.
    Device(String),
    /// The signature does not match: changed after signing (or not signed by that key).
    Broken,
}

impl Signer {
    /// The signer of `seal`, given whether its signature verified.
    pub fn of(seal: Option<&Seal>, verified: bool) -> Signer {
        match seal {
            None => Signer::Unsigned,
            Some(s) if verified => Signer::Device(s.key.clone()),
            Some(_) => Signer::Broken,
        }
    }

    pub fn device(&self) -> Option<String> {
        match self {
            Signer::Device(key) => Some(device_code(key)),
            _ => None,
        }
    }
}
