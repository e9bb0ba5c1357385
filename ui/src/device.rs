//! This device's signing key, checking other devices' signatures, and deriving PINs:
//! WebCrypto through `idb.js` (the key pair lives in its store "keys"). What is signed or
//! derived, and why, is the core's (`ballot_core::exchange::seal`, `pin::Kdf`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = deviceKey)]
    async fn js_device_key() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = sign)]
    async fn js_sign(message: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = verify)]
    async fn js_verify(key: &str, sig: &str, message: &[u8]) -> JsValue;
    #[wasm_bindgen(catch, js_name = derive)]
    async fn js_derive(pin: &str, salt: &str, iterations: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = lockText)]
    async fn js_lock(passphrase: &str, text: &str, iterations: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = unlockText)]
    async fn js_unlock(
        passphrase: &str,
        salt: &str,
        iv: &str,
        iterations: u32,
        data: &str,
    ) -> Result<JsValue, JsValue>;
}

/// This device cannot sign: no WebCrypto (a page not served over https or localhost), or
/// its store cannot be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CannotSign;

/// This device's public key (base64url).
pub async fn key() -> Result<String, CannotSign> {
    js_device_key()
        .await
        .ok()
        .and_then(|k| k.as_string())
        .ok_or(CannotSign)
}

/// `(public key, signature)` over `message`, both base64url.
pub async fn sign(message: &[u8]) -> Result<(String, String), CannotSign> {
    let pair = js_sign(message).await.map_err(|_| CannotSign)?;
    let pair: js_sys::Array = pair.dyn_into().map_err(|_| CannotSign)?;
    match (pair.get(0).as_string(), pair.get(1).as_string()) {
        (Some(key), Some(sig)) => Ok((key, sig)),
        _ => Err(CannotSign),
    }
}

/// Whether `sig` is `key`'s signature over `message`.
pub async fn verify(key: &str, sig: &str, message: &[u8]) -> bool {
    js_verify(key, sig, message).await.as_bool() == Some(true)
}

/// PBKDF2-HMAC-SHA256 of `pin` with `salt` (its UTF-8) and `iterations`, 32 bytes as hex;
/// `None` when the browser cannot (no WebCrypto).
pub async fn derive(pin: &str, salt: &str, iterations: u32) -> Option<String> {
    js_derive(pin, salt, iterations).await.ok()?.as_string()
}

/// `(salt, iv, data)`, base64url, of `text` encrypted with `passphrase` (AES-256-GCM, the key
/// by PBKDF2 with `iterations`); `None` when the browser cannot.
pub async fn lock(
    passphrase: &str,
    text: &str,
    iterations: u32,
) -> Option<(String, String, String)> {
    let parts: js_sys::Array = js_lock(passphrase, text, iterations)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    Some((
        parts.get(0).as_string()?,
        parts.get(1).as_string()?,
        parts.get(2).as_string()?,
    ))
}

/// What [`lock`] locked, or `None`: a wrong passphrase, changed data, or no WebCrypto.
pub async fn unlock(
    passphrase: &str,
    salt: &str,
    iv: &str,
    iterations: u32,
    data: &str,
) -> Option<String> {
    js_unlock(passphrase, salt, iv, iterations, data)
        .await
        .ok()?
        .as_string()
}
