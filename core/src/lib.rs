//! ballot-core: the pure domain of ballot-kit.
//!
//! Template format, ballots, validity rules, tally and the message catalogue, in plain Rust
//! with no browser API, so all of it is tested natively (`cargo test`). The web app only
//! renders this state and sends intents to it.
//!
//! - [`template`]: format v1, and the checked [`Template`] type.
//! - [`ballot`]: what a voter or a paper ballot marked; the tablet's marking operations.
//! - [`check`]: validity (valid / blank / void) per the template's rules.
//! - [`tally`]: counting per category, merging.
//! - [`count`]: entering paper ballots as read aloud: the log, its corrections and strikes.
//! - [`session`]: a voting session on a device: category rule, log, turnout.
//! - [`figures`]: 应到, 实到, 发出, 收回, their rules (C01–C03) and corrections; [`unit`](mod@unit):
//!   the 居民区 · 支部 counted; [`form`]: what an organiser types and its problems (S codes);
//!   [`pin`]: the organiser's PIN. Shared by sessions and counts.
//! - [`exchange`], [`merge`], [`crosscheck`]: results files and QR codes between devices,
//!   adding results up, comparing two counters' counts.
//! - [`packed`]: a 唱票 count's ballots as a results file carries them, each distinct ballot
//!   once, and the digest its device signs.
//! - [`backup`]: every record of a device in one file, and restoring it without overwriting.
//! - [`checkpoint`]: what a session's or count's records add up to, for the home screen.
//! - [`damage`]: stored records a device cannot use, named precisely.
//! - [`fingerprint`]: the short code that identifies a template's content; [`result_code`]:
//!   the 结果校验码 that identifies a result's.
//! - [`i18n`]: every user-visible string.
//!
//! # Driving the core
//!
//! Template → ballots → tally → judged results → results file → merge, with nothing but
//! this crate (the whole path, with a tablet session and a paper count merged, is
//! `examples/meeting.rs`):
//!
//! ```
//! use ballot_core::count::{CountLog, CountOp, CountSpec};
//! use ballot_core::exchange::{self, Received};
//! use ballot_core::figures::Figures;
//! use ballot_core::results::{SectionResult, View};
//! use ballot_core::template::Section;
//! use ballot_core::{samples, Ballot};
//!
//! // One parse path: every check, the result rules read once (`Template::judged`).
//! let t = ballot_core::Template::parse(samples::RECOMMENDATION_JSON).expect("valid");
//! let Some(Section::Recommendation(names)) = t.sections().first() else { panic!() };
//! let party = t.category("党员").expect("a category");
//!
//! // A paper ballot read aloud, entered by name.
//! let mut ballot = Ballot::empty(&t, Some(party));
//! ballot.toggle_paper_mark(&t, 0, names.candidate("王秀英").expect("listed"));
//! let mut log = CountLog::new(&t, Figures { issued: Some(1), returned: Some(1), ..Figures::default() });
//! log.enter(&t, CountOp::Add { ballot }, 0).expect("entered");
//!
//! // The count as a results file, read back as a receiving desk reads it.
//! let spec = CountSpec { area: "长乐居民区".into(), branch: String::new(), category: Some(party) };
//! let file = Received::of_paper(&t, "count-1", &spec, &log).file();
//! let received = exchange::read(&file, |_| None).expect("reads");
//!
//! // Judged under the template's rules; a merged result's units' findings included.
//! let results = received.results(View::Combined);
//! let Some(SectionResult::Recommendation(r)) = results.sections.first() else { panic!() };
//! assert_eq!(r.listed(names.candidate("王秀英").unwrap()).map(|row| row.votes), Some(1));
//! assert!(results.flags.iter().all(|f| !f.is_blocking()));
//! ```

pub mod align;
#[cfg(feature = "exchange")]
pub mod backup;
pub mod ballot;
pub mod check;
pub mod checkpoint;
pub mod chunked;
pub mod count;
#[cfg(feature = "exchange")]
pub mod crosscheck;
pub mod damage;
pub mod deck;
pub mod edit;
#[cfg(feature = "exchange")]
mod envelope;
pub mod error;
#[cfg(feature = "exchange")]
pub mod exchange;
pub mod figures;
pub mod fingerprint;
pub mod form;
pub mod handover;
pub mod header;
pub mod i18n;
pub mod library;
#[cfg(feature = "exchange")]
pub mod merge;
pub mod names;
pub mod omr;
pub mod packed;
pub mod paper;
pub mod pin;
pub mod qr;
pub mod result_code;
pub mod results;
pub mod round;
pub mod rule_form;
pub mod rules;
pub mod samples;
pub mod session;
pub mod share;
pub mod sorted;
pub mod strokes;
pub mod tally;
pub mod template;
pub mod unit;
mod unit_enum;

pub use ballot::{Ballot, MarkRefused};
pub use check::{check, Checked, Verdict};
pub use error::{TemplateError, TemplateErrorKind};
pub use fingerprint::fingerprint;
pub use i18n::{Lang, Texts};
pub use tally::Tally;
pub use template::{Section, Template, TemplateSpec};
