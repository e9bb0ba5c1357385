//! The studio's views, one per `state::View`.

pub mod editor;
pub mod import;
pub mod library;
pub mod print;
pub mod scan;
pub mod share;
