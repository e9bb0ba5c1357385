//! Browser glue: everything that touches web APIs other than rendering.

pub mod page;
pub mod storage;
