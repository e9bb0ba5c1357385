//! The studio's one state and its pure reducer. Nothing here touches the browser: storage
//! is a command (`pending`), performed by an effect in `app.rs`, which reports back with
//! [`Action::Written`]; only then does the library show the change.

use std::rc::Rc;

use ballot_core::edit::{self, Edit};
use ballot_core::error::{TemplateError, TemplateErrorKind};
use ballot_core::i18n::studio::StudioTexts;
use ballot_core::library::{self, check_all, EntryState, ImportPlan, Library, LibraryRecord};
use ballot_core::template::TemplateSpec;
use ballot_core::{share, Template};
use ballot_ui::idb::StoreError;
use yew::Reducible;

/// What the app hands over when it opens the studio.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// Fingerprints of the templates this device has recorded ballots with.
    pub used: Vec<String>,
    /// The app's address (a shared link points there).
    pub app_url: String,
    /// A shared template link the device was opened with.
    pub link: Option<String>,
    /// Open the results desk (send, merge, cross-check) instead of the library.
    pub exchange: bool,
    /// Open the data page (damaged records, backup, restore) instead of the library.
    pub data: bool,
    /// The tablet session the desk was opened from (behind its PIN), if any; the desk reads
    /// the paper counts from the store itself.
    pub local: Vec<ballot_core::exchange::Received>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    Loading,
    Ready,
    Failed(StoreError),
}

/// The template being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The library entry it came from; `None` for a new template.
    pub from: Option<String>,
    /// Saving makes a new entry (the template it came from is built in, or frozen).
    pub new_version: bool,
    pub name: String,
    pub spec: TemplateSpec,
    /// The checks' answer for `spec`, after every edit.
    pub state: EntryState,
    /// Changed since it was opened or last saved.
    pub dirty: bool,
}

impl Editor {
    fn new(from: Option<String>, new_version: bool, name: String, spec: TemplateSpec) -> Editor {
        Editor {
            from,
            new_version,
            name,
            state: check_all(&spec),
            spec,
            dirty: false,
        }
    }

    pub fn errors(&self) -> &[TemplateError] {
        match &self.state {
            EntryState::Ready { .. } => &[],
            EntryState::Draft(errors) => errors,
        }
    }
}

/// Why a chosen file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    /// The browser could not read it.
    Unreadable,
    /// Not text: not valid UTF-8 (a picture, a spreadsheet, a damaged file).
    NotText,
    /// Far above a template file's limit (bytes): not read into memory at all.
    TooLarge(usize),
}

/// Where a template offered for import came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Link,
}

/// A template offered for import, as read and checked, and what importing it would do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // one offer at a time, behind an Rc
pub enum Offer {
    Ready {
        source: Source,
        template: Template,
        fingerprint: String,
        plan: ImportPlan,
    },
    /// Refused: why, in words (with codes).
    Refused {
        source: Source,
        problems: Vec<String>,
    },
}

/// What the print page prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// Blank forms, `per_page` a sheet.
    Forms,
    /// The machine-readable sheet (读票版, `ballot_core::omr::layout`), blank.
    Readable,
    /// The test deck (测试票, `ballot_core::deck`) on machine-readable sheets, its marks
    /// drawn in: for a counting rehearsal by 唱票 or by the camera.
    Deck,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Library,
    Edit(Rc<Editor>),
    Share(String),
    /// `per_page` forms a sheet, or one machine-readable sheet a page (`sheet`).
    Print {
        id: String,
        per_page: u8,
        sheet: Sheet,
    },
    Import(Rc<Offer>),
    Scan,
}

/// A question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Delete(String),
    Rename {
        id: String,
        name: String,
    },
    /// Leave the editor without saving.
    Discard,
}

/// A message at the top of the studio, until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Saved(String),
    SavedDraft(String),
    Deleted(String),
    Imported(String),
    Store(StoreError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Put(LibraryRecord),
    Delete(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub seq: u32,
    pub write: Write,
    /// Where to go once it is stored.
    pub then: View,
    pub notice: Notice,
}

#[derive(Clone)]
pub struct Studio {
    pub t: &'static StudioTexts,
    pub context: Rc<Context>,
    pub load: Load,
    stored: Rc<Vec<(String, String)>>,
    pub library: Rc<Library>,
    pub view: View,
    pub ask: Option<Ask>,
    pub notice: Option<Notice>,
    pub pending: Option<Pending>,
    seq: u32,
}

/// A fresh id and the time, from the browser; the reducer never asks for either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub id: String,
    pub now_ms: u64,
}

pub enum Action {
    Loaded(Result<Vec<(String, String)>, StoreError>),
    ToLibrary,
    Scan,
    NewTemplate,
    Edit(String),
    Copy {
        id: String,
        stamp: Stamp,
    },
    Share(String),
    Print(String),
    PerPage(u8),
    /// The machine-readable sheet (读票版, blank or the test deck) instead of forms a sheet.
    Sheet(Sheet),
    /// A change in the editor.
    Change(Edit),
    SetName(String),
    Save(Stamp),
    /// Back to the library from the editor; asks first when there are unsaved changes.
    LeaveEditor,
    AskDelete(String),
    AskRename(String),
    RenameText(String),
    Answer {
        yes: bool,
        stamp: Stamp,
    },
    /// A file's text or a link, to check and offer for import, or why a file was not read.
    Offer {
        source: Source,
        text: Result<String, FileError>,
    },
    /// Import the offered template: as a new entry, or as a new revision of the entry with
    /// the same title (`replace`).
    Import {
        replace: bool,
        stamp: Stamp,
    },
    Written {
        seq: u32,
        result: Result<(), StoreError>,
    },
    /// No id or time could be had (no random numbers): nothing was done.
    Failed(StoreError),
    DismissNotice,
}

impl Studio {
    pub fn new(t: &'static StudioTexts, context: Context) -> Studio {
        Studio {
            t,
            context: Rc::new(context),
            load: Load::Loading,
            stored: Rc::new(Vec::new()),
            library: Rc::new(Library::read(&[])),
            view: View::Library,
            ask: None,
            notice: None,
            pending: None,
            seq: 0,
        }
    }

    fn request(&mut self, write: Write, then: View, notice: Notice) {
        self.seq = self.seq.wrapping_add(1);
        self.pending = Some(Pending {
            seq: self.seq,
            write,
            then,
            notice,
        });
    }

    fn editing(&mut self) -> Option<&mut Editor> {
        match &mut self.view {
            View::Edit(e) => Some(Rc::make_mut(e)),
            _ => None,
        }
    }

    fn offer(&self, source: Source, text: &str) -> Offer {
        let t = self.t;
        let read = match source {
            Source::File => Template::parse(text.trim_start_matches('\u{feff}'))
                .map_err(|errors| errors.iter().map(|e| (t.template_error)(e)).collect()),
            Source::Link => share::read(text).map_err(|e| vec![(t.share_error)(&e)]),
        };
        match read {
            Ok(template) => Offer::Ready {
                source,
                fingerprint: ballot_core::fingerprint(&template),
                plan: self.library.plan_import(&template),
                template,
            },
            Err(problems) => Offer::Refused { source, problems },
        }
    }

    /// Saves what the editor holds: a new revision of its entry, or a new entry.
    fn save(&mut self, stamp: Stamp) {
        let library = Rc::clone(&self.library);
        let used = Rc::clone(&self.context);
        let t = self.t;
        let Some(editor) = self.editing() else {
            return;
        };
        let from = editor.from.as_deref().and_then(|id| library.get(id));
        let (id, rev, name) = match from {
            Some(entry) if !entry.edits_make_new_version(&used.used) && !editor.new_version => {
                (entry.id.clone(), entry.next_rev(), editor.name.clone())
            }
            Some(_) => (
                stamp.id,
                0,
                library.copy_name(&editor.name, t.new_version_suffix),
            ),
            None => (stamp.id, 0, editor.name.clone()),
        };
        let name = if name.trim().is_empty() {
            editor.spec.title.clone()
        } else {
            name
        };
        let ready = matches!(editor.state, EntryState::Ready { .. });
        let record = library::record(&id, rev, &name, &editor.spec, stamp.now_ms, ready);
        let mut after = Editor::new(Some(id), false, name.clone(), editor.spec.clone());
        after.state = editor.state.clone();
        let notice = if ready {
            Notice::Saved(name)
        } else {
            Notice::SavedDraft(name)
        };
        self.request(Write::Put(record), View::Edit(Rc::new(after)), notice);
    }

    fn import(&mut self, replace: bool, stamp: Stamp) {
        let View::Import(offer) = &self.view else {
            return;
        };
        let Offer::Ready { template, plan, .. } = &**offer else {
            return;
        };
        let spec = template.spec().clone();
        let (id, rev, name) = match (plan, replace) {
            (ImportPlan::AlreadyThere { .. }, _) => return,
            (ImportPlan::SameTitle { id, .. }, true) => {
                let Some(entry) = self.library.get(id) else {
                    return;
                };
                if entry.edits_make_new_version(&self.context.used) {
                    return;
                }
                (entry.id.clone(), entry.next_rev(), entry.name.clone())
            }
            (ImportPlan::SameTitle { .. }, false) => (
                stamp.id,
                0,
                self.library.copy_name(&spec.title, self.t.imported_suffix),
            ),
            (ImportPlan::New { .. }, _) => (stamp.id, 0, spec.title.clone()),
        };
        let record = library::record(&id, rev, &name, &spec, stamp.now_ms, true);
        self.request(Write::Put(record), View::Library, Notice::Imported(name));
    }

    fn answer(&mut self, yes: bool, stamp: Stamp) {
        let Some(ask) = self.ask.take() else {
            return;
        };
        if !yes {
            return;
        }
        match ask {
            Ask::Delete(id) => {
                if let Some(e) = self.library.get(&id).filter(|e| !e.is_built_in()) {
                    let name = e.name.clone();
                    self.request(Write::Delete(id), View::Library, Notice::Deleted(name));
                }
            }
            Ask::Rename { id, name } => {
                let name = name.trim().to_string();
                if let Some(e) = self.library.get(&id).filter(|e| !e.is_built_in()) {
                    if name.is_empty() || name == e.name {
                        return;
                    }
                    let ready = e.template().is_some();
                    let record =
                        library::record(&id, e.next_rev(), &name, &e.spec, stamp.now_ms, ready);
                    self.request(Write::Put(record), View::Library, Notice::Saved(name));
                }
            }
            Ask::Discard => self.view = View::Library,
        }
    }

    fn written(&mut self, seq: u32, result: Result<(), StoreError>) {
        let Some(p) = self.pending.take_if(|p| p.seq == seq) else {
            return;
        };
        if let Err(e) = result {
            // Nothing changed: the editor keeps its text, the library its entries.
            self.notice = Some(Notice::Store(e));
            return;
        }
        let stored = Rc::make_mut(&mut self.stored);
        match p.write {
            Write::Put(record) => {
                let key = library::record_key(&record.id, record.rev);
                // Serializing plain structs of strings and integers cannot fail.
                let value = serde_json::to_string(&record).unwrap_or_default();
                let at = stored.partition_point(|(k, _)| *k < key);
                stored.insert(at, (key, value));
            }
            Write::Delete(id) => {
                let prefix = format!("{id}/");
                stored.retain(|(k, _)| !k.starts_with(&prefix));
            }
        }
        self.library = Rc::new(Library::read(&self.stored));
        self.view = p.then;
        self.notice = Some(p.notice);
    }
}

impl PartialEq for Studio {
    /// Identity, as in the app: the reducer returns a new `Rc` exactly when it changed.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for Studio {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Nothing else happens while a write is in flight, or while a question is open.
        let busy = self.pending.is_some() && !matches!(action, Action::Written { .. });
        let asked = self.ask.is_some()
            && !matches!(
                action,
                Action::Answer { .. }
                    | Action::RenameText(_)
                    | Action::Written { .. }
                    | Action::Loaded(_)
                    | Action::Failed(_)
            );
        if busy || asked {
            return self;
        }
        let mut s = (*self).clone();
        let t = s.t;
        match action {
            Action::Loaded(Ok(stored)) => {
                s.library = Rc::new(Library::read(&stored));
                s.stored = Rc::new(stored);
                s.load = Load::Ready;
                if let Some(link) = s.context.link.clone() {
                    s.view = View::Import(Rc::new(s.offer(Source::Link, &link)));
                }
            }
            Action::Loaded(Err(e)) => s.load = Load::Failed(e),
            Action::ToLibrary => s.view = View::Library,
            Action::Scan => s.view = View::Scan,
            Action::NewTemplate => {
                s.view = View::Edit(Rc::new(Editor::new(
                    None,
                    false,
                    String::new(),
                    (t.new_template)(),
                )))
            }
            Action::Edit(id) => {
                let Some(e) = s.library.get(&id) else {
                    return self;
                };
                let new_version = e.edits_make_new_version(&s.context.used);
                s.view = View::Edit(Rc::new(Editor::new(
                    Some(id),
                    new_version,
                    e.name.clone(),
                    e.spec.clone(),
                )));
            }
            Action::Copy { id, stamp } => {
                let Some(e) = s.library.get(&id) else {
                    return self;
                };
                let name = s.library.copy_name(&e.name, t.copy_suffix);
                let record = library::record(
                    &stamp.id,
                    0,
                    &name,
                    &e.spec,
                    stamp.now_ms,
                    e.template().is_some(),
                );
                s.request(Write::Put(record), View::Library, Notice::Saved(name));
            }
            Action::Share(id) => s.view = View::Share(id),
            Action::Print(id) => {
                s.view = View::Print {
                    id,
                    per_page: 1,
                    sheet: Sheet::Forms,
                };
            }
            Action::PerPage(n) => {
                if let View::Print {
                    per_page, sheet, ..
                } = &mut s.view
                {
                    (*per_page, *sheet) = (n, Sheet::Forms);
                }
            }
            Action::Sheet(new) => {
                if let View::Print { sheet, .. } = &mut s.view {
                    *sheet = new;
                }
            }
            Action::Change(e) => {
                let Some(editor) = s.editing() else {
                    return self;
                };
                if edit::apply(&mut editor.spec, e) {
                    editor.state = check_all(&editor.spec);
                    editor.dirty = true;
                }
            }
            Action::SetName(name) => {
                let Some(editor) = s.editing() else {
                    return self;
                };
                editor.name = name;
                editor.dirty = true;
            }
            Action::Save(stamp) => s.save(stamp),
            Action::LeaveEditor => match &s.view {
                View::Edit(e) if e.dirty => s.ask = Some(Ask::Discard),
                _ => s.view = View::Library,
            },
            Action::AskDelete(id) => s.ask = Some(Ask::Delete(id)),
            Action::AskRename(id) => {
                let Some(e) = s.library.get(&id) else {
                    return self;
                };
                s.ask = Some(Ask::Rename {
                    name: e.name.clone(),
                    id,
                });
            }
            Action::RenameText(text) => match &mut s.ask {
                Some(Ask::Rename { name, .. }) => *name = text,
                _ => return self,
            },
            Action::Answer { yes, stamp } => s.answer(yes, stamp),
            Action::Offer { source, text } => {
                let refused = |problem: String| Offer::Refused {
                    source,
                    problems: vec![problem],
                };
                let offer = match text {
                    Ok(text) => s.offer(source, &text),
                    Err(FileError::Unreadable) => refused(t.file_unreadable.to_string()),
                    Err(FileError::NotText) => refused(t.file_not_text.to_string()),
                    Err(FileError::TooLarge(bytes)) => refused((t.template_error)(
                        &TemplateError::root(TemplateErrorKind::FileTooLarge {
                            bytes,
                            limit: ballot_core::template::limits::MAX_FILE_BYTES,
                        }),
                    )),
                };
                s.view = View::Import(Rc::new(offer));
            }
            Action::Import { replace, stamp } => s.import(replace, stamp),
            Action::Written { seq, result } => s.written(seq, result),
            Action::Failed(e) => s.notice = Some(Notice::Store(e)),
            Action::DismissNotice => s.notice = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
