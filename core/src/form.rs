//! What an organiser types into the forms that open a voting session or a paper count: the
//! fields and their problems (codes S01–S08, one message each in the catalogue,
//! `Texts::session_error`). Shared by [`crate::session`], [`crate::count`], [`crate::unit`](mod@crate::unit),
//! [`crate::figures`] and [`crate::pin`], so that none of them needs another for it.

/// A problem with what the organiser typed. Codes S01–S07; one message each in the
/// catalogue (`Texts::session_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    /// S01: 居民区 is empty.
    AreaMissing,
    /// S02: a unit name is too long or has control characters.
    UnitNameInvalid,
    /// S03: the category does not exist in the template.
    CategoryUnknown,
    /// S04: the template has categories but none was chosen (or voters were asked to
    /// choose from a template that has none).
    CategoryRuleMismatch,
    /// S05: a number field (发出, 应到, 实到, 收回) is not a whole number in range.
    NumberInvalid,
    /// S06: the PIN is not 6–12 digits.
    PinFormat,
    /// S07: the PIN and its repetition differ.
    PinMismatch,
    /// S08: a unit name has a character that shows nothing, reorders the text, or that
    /// normalization would change (named in the message).
    BadCharacter(char),
}

impl SessionError {
    pub fn code(self) -> &'static str {
        match self {
            SessionError::AreaMissing => "S01",
            SessionError::UnitNameInvalid => "S02",
            SessionError::BadCharacter(_) => "S08",
            SessionError::CategoryUnknown => "S03",
            SessionError::CategoryRuleMismatch => "S04",
            SessionError::NumberInvalid => "S05",
            SessionError::PinFormat => "S06",
            SessionError::PinMismatch => "S07",
        }
    }
}

/// Which field of the new-session or new-count form a problem belongs to, so the UI shows
/// it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionField {
    Area,
    Branch,
    Category,
    /// 应到.
    Due,
    /// 实到.
    Present,
    /// 发出.
    Issued,
    /// 收回.
    Returned,
    /// Minutes before an unattended ballot is cleared.
    Idle,
    Pin,
    PinRepeat,
}
