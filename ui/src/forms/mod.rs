//! The voter's form: view functions, borrowed data in, callbacks out.

pub mod evaluation;
pub mod mark;
pub mod recommendation;
