//! The results desk: sending this device's results (file, QR codes), merging results from
//! other devices, and the two-counter cross-check. Drawn by the studio module when the app
//! opens it with `"page": "exchange"`.

pub mod state;
pub mod view;
