//! Moving between the organiser's pages: never from the voter screen (that needs the PIN),
//! never while a write is in flight.

use super::*;

impl AppState {
    /// Leaves a page for an organiser page: never from the voter screen (that needs the
    /// PIN), never while a write is in flight.
    pub(super) fn go(&mut self, page: Page) {
        if matches!(self.page, Page::Vote(_)) || self.pending.is_some() {
            return;
        }
        self.draft = None;
        self.counting = None;
        self.asking = None;
        self.prompt = None;
        self.notice = None;
        self.wrong_pins_before = 0;
        self.form_errors = Rc::new(Vec::new());
        self.page = page;
    }

    pub(super) fn on_go(&mut self, page: Go) -> bool {
        match page {
            Go::Home => self.go(Page::Home),
            Go::Templates => self.go(Page::Templates),
            Go::Data => self.go(Page::Data),
            Go::Exchange(focus) => {
                if (focus.as_ref()).is_some_and(|f| self.page != Page::Results(f.clone())) {
                    return false;
                }
                self.go(Page::Exchange(focus));
            }
            Go::NewSession => self.go(Page::NewSession),
            Go::Manage(id) => self.go(Page::Manage(id)),
            Go::NewCount => self.go(Page::NewCount),
            Go::OpenCount(id) => {
                // Only where `go` allows it: never from the voter screen or mid-write.
                self.go(Page::Count(id.clone()));
                if self.page == Page::Count(id.clone()) {
                    self.open_count(&id);
                }
            }
        }
        true
    }
}
