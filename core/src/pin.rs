//! The organiser's PIN, which guards every organiser action of a voting session and the
//! deleting of a paper count, and the pause that wrong PINs earn on a device.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::fingerprint::hex;
use crate::form::{SessionError, SessionField};

/// A new PIN: 6–12 digits (a million PINs at least, each a slow derivation). Sessions opened
/// with 4–8 digit PINs keep theirs.
pub const PIN_MIN: usize = 6;
pub const PIN_MAX: usize = 12;

/// The organiser's PIN, stored as PBKDF2-HMAC-SHA256 of the PIN with a random salt, at a
/// cost of about 100–300 ms a try on a phone ([`PIN_ITERATIONS`]). The browser derives it
/// (WebCrypto): the reducer asks for a derivation ([`Kdf`]) and compares what comes back
/// ([`Pin::matches_derived`]).
///
/// This keeps the PIN out of plain sight and stops a voter who taps "工作人员"; someone with
/// the browser profile's files can still try every 6-digit PIN, a million slow derivations
/// (days on a phone, hours on a PC). The paper trail and the people at the meeting are the
/// real safeguard. Records of version 1 (no `iterations`) hold a salted SHA-256 of a 4–8
/// digit PIN, still checked as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    salt: String,
    hash: String,
    /// PBKDF2 iterations; absent: a version 1 PIN (salted SHA-256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iterations: Option<u32>,
}

/// PBKDF2-HMAC-SHA256 iterations of a new PIN: about 100–300 ms in a phone's WebCrypto.
pub const PIN_ITERATIONS: u32 = 150_000;

/// What turns a PIN into what is stored: PBKDF2-HMAC-SHA256 with this salt (hex of 16
/// random bytes; the UTF-8 of the hex is the salt) and iteration count, 256 bits out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kdf {
    pub salt: String,
    pub iterations: u32,
}

impl Kdf {
    /// The derivation of a new PIN. `salt` comes from the platform's CSPRNG.
    pub fn new(salt: [u8; 16]) -> Kdf {
        Kdf {
            salt: hex(&salt),
            iterations: PIN_ITERATIONS,
        }
    }
}

/// What checking a typed PIN needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinCheck {
    /// Checked already (a version 1 PIN): whether it matches.
    Done(bool),
    /// Derive the typed PIN with this, then [`Pin::matches_derived`].
    Derive(Kdf),
}

impl Pin {
    /// The PIN as typed twice, checked: 6–12 digits, both the same. `Ok`: the PIN to derive.
    pub fn typed(pin: &str, repeat: &str) -> Result<String, (SessionField, SessionError)> {
        let pin = pin.trim();
        if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err((SessionField::Pin, SessionError::PinFormat));
        }
        if pin != repeat.trim() {
            return Err((SessionField::PinRepeat, SessionError::PinMismatch));
        }
        Ok(pin.to_string())
    }

    /// The stored PIN, from its derivation (`derived`: the 32 bytes out, hex).
    pub fn from_derived(kdf: &Kdf, derived: &str) -> Pin {
        Pin {
            salt: kdf.salt.clone(),
            hash: derived.to_string(),
            iterations: Some(kdf.iterations),
        }
    }

    /// A version 1 PIN (salted SHA-256), as sessions opened before version 2 hold: read
    /// from old records and backups, and made by tests.
    pub fn v1(pin: &str, salt: [u8; 16]) -> Pin {
        let salt = hex(&salt);
        Pin {
            hash: Pin::digest_v1(&salt, pin.trim()),
            salt,
            iterations: None,
        }
    }

    /// How to check a typed PIN against this one.
    pub fn check(&self, pin: &str) -> PinCheck {
        match self.iterations {
            None => PinCheck::Done(Pin::digest_v1(&self.salt, pin.trim()) == self.hash),
            Some(iterations) => PinCheck::Derive(Kdf {
                salt: self.salt.clone(),
                iterations,
            }),
        }
    }

    /// Whether the typed PIN, derived as [`Pin::check`] asked, is this one.
    pub fn matches_derived(&self, derived: &str) -> bool {
        self.iterations.is_some() && !derived.is_empty() && derived == self.hash
    }

    fn digest_v1(salt: &str, pin: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"ballot-kit pin v1\0");
        h.update(salt.as_bytes());
        h.update([0]);
        h.update(pin.as_bytes());
        hex(&h.finalize())
    }
}

/// Wrong PINs on this device and the pause they earned. Stored on the device (not per
/// session: trying another session's PIN does not start afresh) after every wrong PIN and
/// before the answer is shown, so a reload or a restart neither clears the pause nor the
/// count. Every [`PIN_TRIES`] wrong PINs in a row pause PIN entry, longer each time
/// ([`PIN_PAUSES_MS`]); a right PIN ends it all and the organiser is told how many wrong
/// ones came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinGuard {
    /// Wrong PINs since the last right one.
    pub wrong: u32,
    /// When the last wrong PIN was entered.
    pub at_ms: u64,
    /// No PIN is checked before this.
    pub until_ms: u64,
}

/// Wrong PINs in a row before each pause.
pub const PIN_TRIES: u32 = 5;
/// The pauses, one after another: 1, 5, then 15 minutes for every further round.
pub const PIN_PAUSES_MS: [u64; 3] = [60_000, 300_000, 900_000];

impl PinGuard {
    /// Whether PIN entry is paused at `now_ms`. A clock set back before the last wrong PIN
    /// does not end a pause.
    pub fn paused(&self, now_ms: u64) -> bool {
        now_ms < self.until_ms || (self.until_ms > 0 && now_ms < self.at_ms)
    }

    /// After one more wrong PIN at `now_ms`.
    pub fn wrong_try(self, now_ms: u64) -> PinGuard {
        let wrong = self.wrong.saturating_add(1);
        let round = wrong / PIN_TRIES;
        let until_ms = if wrong % PIN_TRIES == 0 {
            let i = usize::try_from(round.saturating_sub(1)).unwrap_or(usize::MAX);
            now_ms.saturating_add(PIN_PAUSES_MS[i.min(PIN_PAUSES_MS.len() - 1)])
        } else {
            self.until_ms
        };
        PinGuard {
            wrong,
            at_ms: now_ms,
            until_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_pin_is_6_to_12_digits_typed_twice_and_derived_slowly() {
        assert_eq!(Pin::typed("246813", "246813 "), Ok("246813".to_string()));
        for bad in ["2468", "12345", "1234567890123", "12a456", "１２３４５６"] {
            assert_eq!(
                Pin::typed(bad, bad),
                Err((SessionField::Pin, SessionError::PinFormat)),
                "{bad}"
            );
        }
        assert_eq!(
            Pin::typed("123456", "123465"),
            Err((SessionField::PinRepeat, SessionError::PinMismatch))
        );
        let kdf = Kdf::new([7u8; 16]);
        assert_eq!(kdf.iterations, PIN_ITERATIONS);
        assert_eq!(kdf.salt.len(), 32);
        let pin = Pin::from_derived(&kdf, "ab12");
        // Checking it needs the same derivation; only the same output matches.
        assert_eq!(pin.check("246813"), PinCheck::Derive(kdf.clone()));
        assert!(pin.matches_derived("ab12"));
        assert!(!pin.matches_derived("ab13"));
        assert!(!pin.matches_derived(""));
        let stored = serde_json::to_string(&pin).expect("json");
        assert_eq!(
            stored,
            format!(
                r#"{{"salt":"{}","hash":"ab12","iterations":150000}}"#,
                kdf.salt
            )
        );
    }

    #[test]
    fn a_version_1_pin_is_still_checked_as_it_was() {
        let pin = Pin::v1("2468", [7u8; 16]);
        assert_eq!(pin.check("2468"), PinCheck::Done(true));
        assert_eq!(pin.check(" 2468 "), PinCheck::Done(true));
        assert_eq!(pin.check("2469"), PinCheck::Done(false));
        assert!(!pin.matches_derived(&pin.hash));
        let stored = serde_json::to_string(&pin).expect("json");
        assert!(
            !stored.contains("2468") && !stored.contains("iterations"),
            "{stored}"
        );
        let back: Pin = serde_json::from_str(&stored).expect("reads back");
        assert_eq!(back, pin);
        assert_ne!(Pin::v1("2468", [8u8; 16]), pin);
    }

    #[test]
    fn every_fifth_wrong_pin_pauses_longer_and_a_clock_set_back_does_not_end_it() {
        let mut g = PinGuard::default();
        for n in 1..=4 {
            g = g.wrong_try(1_000 * n);
            assert!(!g.paused(1_000 * n), "{n}");
        }
        g = g.wrong_try(10_000);
        assert_eq!(g.wrong, 5);
        assert!(g.paused(10_000 + 59_999));
        assert!(!g.paused(10_000 + 60_000));
        // Back before the last wrong PIN: still paused.
        assert!(g.paused(9_999));
        let mut t = 100_000;
        for _ in 0..5 {
            g = g.wrong_try(t);
            t += 1;
        }
        assert_eq!(g.until_ms, t - 1 + 300_000);
        for _ in 0..10 {
            g = g.wrong_try(t);
            t += 1;
        }
        // The third round and every later one: 15 minutes.
        assert_eq!(g.until_ms, t - 1 + 900_000);
        let json = serde_json::to_string(&g).expect("json");
        assert_eq!(serde_json::from_str::<PinGuard>(&json).ok(), Some(g));
    }
}
