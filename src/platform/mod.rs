//! Browser glue: everything that touches web APIs other than rendering.

pub mod db;
pub mod module;
pub mod page;
