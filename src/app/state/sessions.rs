//! Voting sessions: opening one (its PIN derived first), starting voting, storing a close a
//! full disk refused.

use super::*;

impl AppState {
    pub(super) fn create_session(
        &mut self,
        form: SessionForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    ) {
        let Some(entry) = self.templates.get(form.template) else {
            return;
        };
        // Problems are listed in the form's field order.
        let mut errors = Vec::new();
        let issued = ballot_core::figures::parse_number(&form.issued);
        let due = ballot_core::figures::parse_number(&form.due);
        let present = ballot_core::figures::parse_number(&form.present);
        let rule = form
            .category
            .unwrap_or(if entry.template.categories().is_empty() {
                CategoryRule::None
            } else {
                CategoryRule::VoterChooses
            });
        let idle = ballot_core::figures::parse_number(&form.idle);
        let spec = SessionSpec {
            area: form.area,
            branch: form.branch,
            category: rule,
            issued: *issued.as_ref().unwrap_or(&None),
            due: *due.as_ref().unwrap_or(&None),
            present: *present.as_ref().unwrap_or(&None),
            idle_minutes: *idle.as_ref().unwrap_or(&None),
        }
        .checked(&entry.template);
        let spec = match spec {
            Ok(spec) => Some(spec),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        for (field, n) in [
            (SessionField::Due, due),
            (SessionField::Present, present),
            (SessionField::Issued, issued),
        ] {
            if let Err(e) = n {
                errors.push((field, e));
            }
        }
        if let Err(e) = idle {
            errors.push((SessionField::Idle, e));
        }
        let pin = match Pin::typed(&form.pin, &form.pin_repeat) {
            Ok(pin) => Some(pin),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        self.form_errors = Rc::new(errors);
        let (Some(spec), Some(pin)) = (spec, pin) else {
            return;
        };
        // Stored once the browser has derived the PIN.
        self.derive(
            pin,
            Kdf::new(salt),
            AfterDerive::OpenSession {
                id,
                template: entry.template.canonical_json(),
                spec: Box::new(spec),
                opened_ms: now_ms,
                test: form.test,
            },
        );
    }

    pub(super) fn on_session(&mut self, a: SessionAction) -> bool {
        match a {
            SessionAction::Create {
                form,
                id,
                salt,
                now_ms,
            } => {
                if self.page == Page::NewSession && self.pending.is_none() {
                    self.create_session(form, id, salt, now_ms);
                }
            }
            SessionAction::StartVoting(id) => {
                let open = self.session(&id).is_some_and(|x| x.log.takes_ballots())
                    && self.unsaved_close.as_ref() != Some(&id);
                if open && !matches!(self.page, Page::Vote(_)) && self.pending.is_none() {
                    self.prompt = None;
                    self.request(Write::Voting(Some(id)));
                }
            }
            SessionAction::RetryClose { now_ms } => {
                let unsaved = self.unsaved_close.as_deref();
                let Some(session) = unsaved.and_then(|id| self.session(id)) else {
                    return false;
                };
                if self.pending.is_some() || !session.log.allows(session.spec(), EventKind::Closed)
                {
                    return false;
                }
                let write = Write::Event {
                    session: session.id().to_string(),
                    seq: session.next_event,
                    event: SessionEvent {
                        at_ms: now_ms,
                        kind: EventKind::Closed,
                    },
                };
                self.request(write);
            }
        }
        true
    }
}
