//! A device's key pair as the browser makes it (ECDSA P-256, SHA-256, r‖s signatures,
//! SEC1 public keys), to sign and verify results natively.

use ballot_core::exchange::seal::{Seal, Signer, ToVerify};
use ballot_core::exchange::Received;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

pub struct Device(SigningKey);

impl Device {
    /// A device whose key is derived from `n` (tests need them repeatable).
    pub fn new(n: u8) -> Device {
        let mut bytes = [7u8; 32];
        bytes[31] = n.max(1);
        Device(SigningKey::from_slice(&bytes).expect("a valid scalar"))
    }

    pub fn key(&self) -> String {
        let point = VerifyingKey::from(&self.0).to_encoded_point(false);
        URL_SAFE_NO_PAD.encode(point.as_bytes())
    }

    pub fn seal(&self, message: &[u8]) -> Seal {
        let sig: Signature = self.0.sign(message);
        Seal {
            key: self.key(),
            sig: URL_SAFE_NO_PAD.encode(sig.to_bytes()),
        }
    }

    /// `r`, signed as its device sends it.
    pub fn sign(&self, r: Received) -> Received {
        let seal = self.seal(&r.to_sign());
        r.signed(seal)
    }
}

/// What WebCrypto's verify answers for one check.
pub fn verify_one(v: &ToVerify) -> bool {
    let (Ok(key), Ok(sig)) = (
        URL_SAFE_NO_PAD.decode(&v.key),
        URL_SAFE_NO_PAD.decode(&v.sig),
    ) else {
        return false;
    };
    let (Ok(key), Ok(sig)) = (
        VerifyingKey::from_sec1_bytes(&key),
        Signature::from_slice(&sig),
    ) else {
        return false;
    };
    key.verify(&v.message, &sig).is_ok()
}

/// Who signed each counted result of `r`, as the desk finds out.
pub fn signers(r: &Received) -> Vec<Signer> {
    let verified: Vec<bool> = r.to_verify().iter().map(verify_one).collect();
    r.signers(&verified)
}
