//! The counting unit: a 居民区, optionally one of its 支部. The same names, checks and label
//! for a voting session and a paper count, and on every report that names where a result
//! comes from.

use crate::form::{SessionError, SessionField};
use crate::names::{normalize_name, BadChar};

/// Characters in a unit name (居民区 or 支部).
pub const NAME_MAX: usize = 40;

fn check_unit_name(name: &str) -> Result<(), SessionError> {
    match crate::names::bad_char(name) {
        Some(BadChar::Hidden(c) | BadChar::Unnormalized(c)) => Err(SessionError::BadCharacter(c)),
        Some(BadChar::Control(_)) => Err(SessionError::UnitNameInvalid),
        None if name.chars().count() > NAME_MAX => Err(SessionError::UnitNameInvalid),
        None => Ok(()),
    }
}

/// The counting unit as typed (居民区, optional 支部): normalised in place, problems added
/// to `errors`. Shared by voting sessions and paper counts.
pub(crate) fn check(
    area: &mut String,
    branch: &mut String,
    errors: &mut Vec<(SessionField, SessionError)>,
) {
    // Hidden characters are refused as typed, before normalising would drop them: a unit
    // name is printed and compared, and must read as it is.
    let hidden = |s: &str| match crate::names::bad_char(s) {
        Some(BadChar::Hidden(c) | BadChar::Unnormalized(c)) => Some(SessionError::BadCharacter(c)),
        _ => None,
    };
    let (area_hidden, branch_hidden) = (hidden(area), hidden(branch));
    *area = normalize_name(area);
    *branch = normalize_name(branch);
    if let Some(e) = area_hidden {
        errors.push((SessionField::Area, e));
    } else if area.is_empty() {
        errors.push((SessionField::Area, SessionError::AreaMissing));
    } else if let Err(e) = check_unit_name(area) {
        errors.push((SessionField::Area, e));
    }
    if let Some(e) = branch_hidden.or_else(|| check_unit_name(branch).err()) {
        errors.push((SessionField::Branch, e));
    }
}

/// 居民区 · 支部, as shown on screens and reports.
pub fn label(area: &str, branch: &str) -> String {
    if branch.is_empty() {
        area.to_string()
    } else {
        format!("{area} · {branch}")
    }
}
