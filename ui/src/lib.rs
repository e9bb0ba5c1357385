//! ballot-ui: what the app and the studio module (templates) both draw and call.
//!
//! - [`forms`]: the voter's form as the tablet shows it, so the editor's live preview is
//!   the voter screen itself, not a look-alike;
//! - [`idb`]: the IndexedDB store (one JS half, `idb.js`), so both modules open the same
//!   database at the same version;
//! - [`modules`]: loading the modules fetched on demand (results, XLSX, studio);
//! - [`files`]: files handed to the browser's download;
//! - [`device`]: this device's signing key, checking signatures, deriving PINs (WebCrypto);
//! - [`text`]: text as typed, normalized (NFC);
//! - [`camera`]: camera frames and photos as pixels, for the readers loaded on demand;
//! - [`prefs`]: the device's ways of showing (长辈版);
//! - [`voice`]: the device's Chinese voice (语音朗读 on the voter screen).

pub mod camera;
pub mod device;
pub mod files;
pub mod forms;
pub mod idb;
pub mod modules;
pub mod prefs;
pub mod text;
pub mod voice;
