//! The template library on a device: the built-in samples plus templates imported or made
//! here. Pure: the store's raw records in, the library out; what an import or a save does,
//! decided here and tested natively.
//!
//! Stored append-only, like everything else (see docs/storage.md): each save of a library
//! template is a new revision `<id>/<rev, 8 digits>` → [`LibraryRecord`], and the newest
//! revision of an id is the template. Deleting removes the id with all its revisions.
//!
//! A record holds the template's JSON as the editor left it, which may not pass the checks
//! yet (a 草稿, draft): it is kept, listed with its problems, and offered for sessions and
//! counts only once it is valid.
//!
//! **Frozen**: a template that has ballots recorded against it (a session or a count made
//! with a template of the same fingerprint) is never changed in place; saving an edit of
//! it makes a new library entry (a new version), so what was voted on stays in the library
//! as it was. Sessions and counts carry their own copy of the template besides, so nothing
//! in the library can change what was counted.

use serde::{Deserialize, Serialize};

use crate::damage::{Damage, Problem, Store};
use crate::error::TemplateError;
use crate::fingerprint::fingerprint;
use crate::names::normalize_name;
use crate::samples;
use crate::template::{limits, Template, TemplateSpec};

/// One stored revision of a library template (store `templates`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryRecord {
    /// Always 1.
    pub v: u32,
    pub id: String,
    pub rev: u32,
    /// The name shown in the library (defaults to the title; 重命名 changes only this).
    pub name: String,
    /// The template's JSON (a [`TemplateSpec`]) when it passed every check, result rules
    /// included, as saved; empty for a draft. The app offers only these for sessions and
    /// counts ([`offered`]), and checks the template itself again before it uses it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub template: String,
    /// A draft's JSON, which may fail its checks; empty when `template` is set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft: String,
    pub saved_ms: u64,
}

impl LibraryRecord {
    /// The spec's JSON, ready or draft.
    pub fn json(&self) -> &str {
        if self.template.is_empty() {
            &self.draft
        } else {
            &self.template
        }
    }
}

/// One stored record (key, JSON) as a record of `key`, or `None`: unreadable.
fn read_record(key: &str, value: &str) -> Option<LibraryRecord> {
    serde_json::from_str::<LibraryRecord>(value)
        .ok()
        .filter(|r| r.v == 1 && key == record_key(&r.id, r.rev) && !r.id.contains('/'))
}

/// The library's templates the app offers for new sessions and counts, read once from the
/// store's records (key, JSON, in key order): the newest revision of each template, when it
/// was saved ready and passes every check, with its library name. The second value counts
/// the records that cannot be read (left in the store; the studio's data page names them).
pub fn offered(stored: &[(String, String)]) -> (Vec<(String, Template)>, usize) {
    let mut newest: Vec<LibraryRecord> = Vec::new();
    let mut unreadable = 0;
    for (key, value) in stored {
        let Some(r) = read_record(key, value) else {
            unreadable += 1;
            continue;
        };
        // Key order is revision order: a later record of an id replaces the earlier.
        match newest.iter_mut().find(|n| n.id == r.id) {
            Some(n) => *n = r,
            None => newest.push(r),
        }
    }
    let offered = (newest.into_iter())
        .filter(|r| !r.template.is_empty())
        .filter_map(|r| Some((r.name, Template::parse(&r.template).ok()?)))
        .collect();
    (offered, unreadable)
}

/// The store key of a record: `<id>/<rev, 8 digits>`, so key order is revision order.
pub fn record_key(id: &str, rev: u32) -> String {
    format!("{id}/{rev:08}")
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the app: never changed or deleted, only copied.
    BuiltIn,
    /// Stored on this device, at this revision.
    Stored { rev: u32 },
}

/// One template of the library, as the library screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    /// `builtin-<n>` for a sample; the stored id otherwise.
    pub id: String,
    pub name: String,
    pub origin: Origin,
    pub spec: TemplateSpec,
    /// The checked template and its fingerprint, or the problems of a draft.
    pub state: EntryState,
    pub saved_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryState {
    Ready {
        template: Template,
        fingerprint: String,
    },
    Draft(Vec<TemplateError>),
}

impl LibraryEntry {
    /// Reads a spec's JSON into an entry; `None` when it is not even a template spec.
    fn from_json(
        id: String,
        name: String,
        origin: Origin,
        json: &str,
        saved_ms: u64,
    ) -> Option<Self> {
        if json.len() > limits::MAX_FILE_BYTES {
            return None;
        }
        let spec: TemplateSpec = serde_json::from_str(json).ok()?;
        Some(LibraryEntry::new(id, name, origin, spec, saved_ms))
    }

    pub fn new(
        id: String,
        name: String,
        origin: Origin,
        spec: TemplateSpec,
        saved_ms: u64,
    ) -> Self {
        LibraryEntry {
            id,
            name,
            origin,
            state: check_all(&spec),
            spec,
            saved_ms,
        }
    }

    pub fn template(&self) -> Option<&Template> {
        match &self.state {
            EntryState::Ready { template, .. } => Some(template),
            EntryState::Draft(_) => None,
        }
    }

    pub fn fingerprint(&self) -> Option<&str> {
        match &self.state {
            EntryState::Ready { fingerprint, .. } => Some(fingerprint),
            EntryState::Draft(_) => None,
        }
    }

    pub fn is_built_in(&self) -> bool {
        self.origin == Origin::BuiltIn
    }

    /// Whether ballots were recorded with this template (`used`: the fingerprints of the
    /// device's sessions and counts that hold ballots).
    pub fn is_frozen(&self, used: &[String]) -> bool {
        self.fingerprint()
            .is_some_and(|f| used.iter().any(|u| u == f))
    }

    /// Whether an edit is saved as a new entry rather than a new revision of this one.
    pub fn edits_make_new_version(&self, used: &[String]) -> bool {
        self.is_built_in() || self.is_frozen(used)
    }

    /// The next revision's number.
    pub fn next_rev(&self) -> u32 {
        match self.origin {
            Origin::BuiltIn => 0,
            Origin::Stored { rev } => rev.saturating_add(1),
        }
    }
}

/// Every check, result rules included: what a library entry must pass to be used.
pub fn check_all(spec: &TemplateSpec) -> EntryState {
    match spec.clone().check() {
        Ok(t) => EntryState::Ready {
            fingerprint: fingerprint(&t),
            template: t,
        },
        Err(errors) => EntryState::Draft(errors),
    }
}

/// The library: samples first, then stored templates by the time they were first saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    pub entries: Vec<LibraryEntry>,
    /// Stored records that could not be read (left in the store untouched).
    pub damaged: Vec<Damage>,
}

impl Library {
    /// The library from the store's `(key, value)` pairs in key order.
    pub fn read(stored: &[(String, String)]) -> Library {
        let mut entries: Vec<LibraryEntry> = samples::ALL
            .iter()
            .enumerate()
            .filter_map(|(i, (_, json))| {
                let spec: TemplateSpec = serde_json::from_str(json).ok()?;
                let name = spec.title.clone();
                Some(LibraryEntry::new(
                    format!("builtin-{i}"),
                    name,
                    Origin::BuiltIn,
                    spec,
                    0,
                ))
            })
            .collect();
        let builtins = entries.len();
        let mut first_saved: Vec<(String, u64)> = Vec::new();
        let mut damaged = Vec::new();
        for (key, value) in stored {
            let Some(r) = read_record(key, value) else {
                damaged.push(Damage::new(Store::Template, key, Problem::Unreadable));
                continue;
            };
            let Some(entry) = LibraryEntry::from_json(
                r.id.clone(),
                r.name.clone(),
                Origin::Stored { rev: r.rev },
                r.json(),
                r.saved_ms,
            ) else {
                damaged.push(Damage::new(Store::Template, key, Problem::Unreadable));
                continue;
            };
            if !first_saved.iter().any(|(id, _)| *id == r.id) {
                first_saved.push((r.id.clone(), r.saved_ms));
            }
            // Key order is revision order: a later record of an id replaces the earlier.
            match entries.iter_mut().skip(builtins).find(|e| e.id == r.id) {
                Some(e) => *e = entry,
                None => entries.push(entry),
            }
        }
        let first = |id: &str| {
            first_saved
                .iter()
                .find(|(i, _)| i == id)
                .map_or(0, |(_, ms)| *ms)
        };
        entries[builtins..].sort_by(|a, b| first(&a.id).cmp(&first(&b.id)).then(a.id.cmp(&b.id)));
        Library { entries, damaged }
    }

    pub fn get(&self, id: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// What bringing `incoming` into the library means (see [`ImportPlan`]).
    pub fn plan_import(&self, incoming: &Template) -> ImportPlan {
        let f = fingerprint(incoming);
        if let Some(e) = self
            .entries
            .iter()
            .find(|e| e.fingerprint() == Some(f.as_str()))
        {
            return ImportPlan::AlreadyThere { id: e.id.clone() };
        }
        let title = normalize_name(&incoming.spec().title);
        match self
            .entries
            .iter()
            .find(|e| normalize_name(&e.spec.title) == title)
        {
            Some(e) => ImportPlan::SameTitle {
                id: e.id.clone(),
                local_fingerprint: e.fingerprint().map(str::to_string),
                fingerprint: f,
            },
            None => ImportPlan::New { fingerprint: f },
        }
    }

    /// A name for a copy that no entry has yet: 「名称（副本）」, 「名称（副本 2）」, …
    pub fn copy_name(&self, name: &str, suffix: fn(u32) -> String) -> String {
        (1..)
            .map(|n| format!("{name}{}", suffix(n)))
            .find(|candidate| !self.entries.iter().any(|e| e.name == *candidate))
            .unwrap_or_else(|| name.to_string())
    }
}

/// What an import would do; nothing is overwritten without the user's word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportPlan {
    /// A template with this fingerprint is in the library already: nothing to add.
    AlreadyThere {
        id: String,
    },
    /// A different template with the same title is there: both fingerprints are shown and
    /// the user chooses to keep both or (where allowed) replace it.
    SameTitle {
        id: String,
        /// `None` when the local one is a draft.
        local_fingerprint: Option<String>,
        fingerprint: String,
    },
    New {
        fingerprint: String,
    },
}

/// The record of a new revision (or a new entry at revision 0).
pub fn record(
    id: &str,
    rev: u32,
    name: &str,
    spec: &TemplateSpec,
    saved_ms: u64,
    ready: bool,
) -> LibraryRecord {
    // Serializing plain structs of strings and integers cannot fail.
    let json = serde_json::to_string(spec).unwrap_or_default();
    let (template, draft) = if ready {
        (json, String::new())
    } else {
        (String::new(), json)
    };
    LibraryRecord {
        v: 1,
        id: id.to_string(),
        rev,
        name: name.to_string(),
        template,
        draft,
        saved_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(records: &[LibraryRecord]) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = records
            .iter()
            .map(|r| (record_key(&r.id, r.rev), serde_json::to_string(r).unwrap()))
            .collect();
        v.sort();
        v
    }

    fn sample_spec() -> TemplateSpec {
        samples::all()[1].clone().into_spec()
    }

    #[test]
    fn samples_come_first_and_the_newest_revision_wins() {
        let mut spec = sample_spec();
        spec.title = "长乐居民区推荐票".into();
        let mut spec2 = spec.clone();
        spec2.issuer = "长乐街道".into();
        let lib = Library::read(&stored(&[
            record("b", 0, "乙", &spec, 20, true),
            record("a", 0, "甲", &spec, 10, true),
            record("a", 1, "甲二", &spec2, 30, true),
        ]));
        let names: Vec<&str> = lib.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names[2..], ["甲二", "乙"]);
        assert!(lib.entries[0].is_built_in());
        assert_eq!(
            lib.get("a").map(|e| e.origin),
            Some(Origin::Stored { rev: 1 })
        );
        assert_eq!(
            lib.get("a").map(|e| e.spec.issuer.as_str()),
            Some("长乐街道")
        );
        assert!(lib.damaged.is_empty());
    }

    #[test]
    fn drafts_are_kept_with_their_problems_and_damaged_records_are_counted() {
        let mut draft = sample_spec();
        draft.title = String::new();
        let mut pairs = stored(&[record("d", 0, "草稿", &draft, 1, true)]);
        pairs.push(("x/00000000".into(), "{not json".into()));
        // A record stored under another key than its own is not trusted.
        pairs.push((
            "y/00000001".into(),
            serde_json::to_string(&record("y", 0, "y", &draft, 1, true)).unwrap(),
        ));
        let lib = Library::read(&pairs);
        let d = lib.get("d").expect("draft listed");
        assert!(matches!(&d.state, EntryState::Draft(e) if e[0].code() == "T05"));
        assert_eq!(d.fingerprint(), None);
        assert_eq!(lib.damaged.len(), 2);
    }

    #[test]
    fn a_template_with_ballots_is_frozen() {
        let lib = Library::read(&stored(&[record("a", 3, "甲", &sample_spec(), 1, true)]));
        let a = lib.get("a").unwrap();
        let f = a.fingerprint().unwrap().to_string();
        assert!(!a.is_frozen(&[]));
        assert!(a.is_frozen(std::slice::from_ref(&f)));
        assert!(a.edits_make_new_version(&[f]));
        assert!(!a.edits_make_new_version(&[]));
        assert_eq!(a.next_rev(), 4);
        assert!(lib.entries[0].edits_make_new_version(&[]));
    }

    #[test]
    fn import_plans() {
        let lib = Library::read(&[]);
        let sample = samples::all()[1].clone();
        assert_eq!(
            lib.plan_import(&sample),
            ImportPlan::AlreadyThere {
                id: "builtin-1".into()
            }
        );
        let mut spec = sample.clone().into_spec();
        spec.issuer = "长乐街道".into();
        let changed = spec.check().unwrap();
        let ImportPlan::SameTitle {
            id,
            local_fingerprint,
            fingerprint: f,
        } = lib.plan_import(&changed)
        else {
            panic!("same title");
        };
        assert_eq!(id, "builtin-1");
        assert_eq!(local_fingerprint, Some(crate::fingerprint(&sample)));
        assert_eq!(f, crate::fingerprint(&changed));
        let mut spec = changed.into_spec();
        spec.title = "另一张推荐票".into();
        assert!(matches!(
            lib.plan_import(&spec.check().unwrap()),
            ImportPlan::New { .. }
        ));
    }

    #[test]
    fn copy_names_are_new() {
        let lib = Library::read(&[]);
        let name = lib.entries[1].name.clone();
        let suffix = |n: u32| {
            if n == 1 {
                "（副本）".to_string()
            } else {
                format!("（副本 {n}）")
            }
        };
        assert_eq!(lib.copy_name(&name, suffix), format!("{name}（副本）"));
        let lib2 = Library::read(&stored(&[record(
            "c",
            0,
            &format!("{name}（副本）"),
            &sample_spec(),
            1,
            true,
        )]));
        assert_eq!(lib2.copy_name(&name, suffix), format!("{name}（副本 2）"));
    }
}
