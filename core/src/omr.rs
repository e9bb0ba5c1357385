//! Ballots a phone can read (光学读票): a printed layout fixed in millimetres, and a reader
//! that finds it in a photo and reads every mark cell.
//!
//! - [`layout`]: where everything is on the A4 sheet, a pure function of the template: the
//!   four corner markers, the code track naming the template's fingerprint and the layout
//!   version ([`code`]), the title and instruction blocks, and every mark box. Identical on
//!   every ballot of a template: no serial number, no mark that tells one ballot from
//!   another (「不得编号或作任何记号」).
//! - [`image`], [`geometry`]: a grey image and the projective map from the sheet to it.
//! - [`read`]: finds the markers, corrects perspective and orientation, checks the code, and
//!   reads each box as blank, ○, ×, √ or filled, by the shape of the ink, with a confidence;
//!   a box it is not sure of is left to the counter ([`read::CellReading::sure`]).
//! - [`propose`]: the paper ballot a sheet read proposes, what the counter must decide
//!   before it is entered, and what the count's log keeps of it.
//! - [`seen`]: the read module's answer for one picture, as the app reads it.
//! - [`synth`] (tests and bench only): photos of printed ballots with known marks.

pub mod code;
pub mod geometry;
pub mod image;
pub mod layout;
pub mod propose;
pub mod read;
pub mod seen;
#[cfg(any(test, feature = "synth"))]
pub mod synth;

#[cfg(test)]
mod tests;
