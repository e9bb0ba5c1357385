//! Browser glue: everything that touches web APIs other than rendering.

pub mod db;
pub mod page;
pub mod report;
