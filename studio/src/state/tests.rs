//! The studio's reducer, natively: what each action asks to store, and what the library
//! shows once the store reports back.

use super::*;
use ballot_core::edit::{List, Text};
use ballot_core::i18n::studio::ZH_CN;
use ballot_core::library::Origin;

fn stamp(id: &str, now_ms: u64) -> Stamp {
    Stamp {
        id: id.into(),
        now_ms,
    }
}

fn studio(used: Vec<String>, link: Option<String>) -> Rc<Studio> {
    let s = Rc::new(Studio::new(
        &ZH_CN,
        Context {
            used,
            app_url: "http://127.0.0.1:8080/".into(),
            link,
            ..Context::default()
        },
    ));
    s.reduce(Action::Loaded(Ok(Vec::new())))
}

/// Reports the pending write as done (or failed).
fn store(s: Rc<Studio>, result: Result<(), StoreError>) -> Rc<Studio> {
    let seq = s.pending.as_ref().expect("a write is pending").seq;
    s.reduce(Action::Written { seq, result })
}

fn editor(s: &Studio) -> &Editor {
    match &s.view {
        View::Edit(e) => e,
        v => panic!("editor expected, got {v:?}"),
    }
}

const SAMPLE: &str = "builtin-1";

#[test]
fn editing_a_sample_saves_a_new_version_and_leaves_the_sample() {
    let s = studio(vec![], None).reduce(Action::Edit(SAMPLE.into()));
    assert!(editor(&s).new_version);
    let s = s.reduce(Action::Change(Edit::SetText(
        Text::CandidateName(0, 0),
        "于建国".into(),
    )));
    assert!(editor(&s).dirty);
    let s = s.reduce(Action::Save(stamp("n1", 5)));
    let Some(Pending {
        write: Write::Put(r),
        ..
    }) = &s.pending
    else {
        panic!("a record to store")
    };
    assert_eq!(
        (r.id.as_str(), r.rev, r.template.is_empty()),
        ("n1", 0, false)
    );
    assert!(r.name.ends_with("（新版本）"), "{}", r.name);
    let s = store(s, Ok(()));
    assert_eq!(s.library.entries.len(), 3);
    let new = s.library.get("n1").expect("stored");
    assert!(new.spec.sections[0].title() == s.library.entries[1].spec.sections[0].title());
    assert_ne!(new.fingerprint(), s.library.entries[1].fingerprint());
    assert!(matches!(&s.notice, Some(Notice::Saved(_))));
    // The editor now edits the new entry, in place.
    assert_eq!(editor(&s).from.as_deref(), Some("n1"));
    assert!(!editor(&s).new_version && !editor(&s).dirty);
    let s = s.reduce(Action::Change(Edit::Add(List::Categories)));
    let s = store(s.reduce(Action::Save(stamp("ignored", 6))), Ok(()));
    let e = s.library.get("n1").unwrap();
    assert_eq!(e.origin, Origin::Stored { rev: 1 });
    // A new empty category is a problem: saved as a draft, not offered for voting.
    assert!(e.template().is_none());
    assert!(matches!(&s.notice, Some(Notice::SavedDraft(_))));
}

#[test]
fn a_template_with_ballots_is_frozen() {
    let s = studio(vec![], None).reduce(Action::Copy {
        id: SAMPLE.into(),
        stamp: stamp("c1", 1),
    });
    let s = store(s, Ok(()));
    let f = s
        .library
        .get("c1")
        .unwrap()
        .fingerprint()
        .unwrap()
        .to_string();
    let mut frozen = (*s).clone();
    frozen.context = Rc::new(Context {
        used: vec![f],
        ..(*frozen.context).clone()
    });
    let s = Rc::new(frozen).reduce(Action::Edit("c1".into()));
    assert!(editor(&s).new_version);
    let s = s.reduce(Action::Change(Edit::SetText(
        Text::Issuer,
        "长乐街道".into(),
    )));
    let s = store(s.reduce(Action::Save(stamp("c2", 2))), Ok(()));
    assert_eq!(
        s.library.get("c1").unwrap().origin,
        Origin::Stored { rev: 0 }
    );
    assert_eq!(s.library.get("c2").unwrap().spec.issuer, "长乐街道");
}

#[test]
fn a_refused_write_changes_nothing_and_says_why() {
    let s = studio(vec![], None).reduce(Action::NewTemplate);
    let s = s.reduce(Action::Change(Edit::SetText(
        Text::Title,
        "长乐居民区推荐票".into(),
    )));
    let s = store(s.reduce(Action::Save(stamp("x", 1))), Err(StoreError::Full));
    assert_eq!(s.notice, Some(Notice::Store(StoreError::Full)));
    assert_eq!(editor(&s).spec.title, "长乐居民区推荐票");
    assert!(editor(&s).dirty);
    assert_eq!(s.library.entries.len(), 2);
}

#[test]
fn leaving_unsaved_changes_asks_first() {
    let s = studio(vec![], None).reduce(Action::Edit(SAMPLE.into()));
    let s = s.reduce(Action::LeaveEditor);
    assert_eq!(s.view, View::Library);
    let s = s
        .reduce(Action::Edit(SAMPLE.into()))
        .reduce(Action::Change(Edit::SortByStrokes(0)))
        .reduce(Action::Change(Edit::Move(List::Candidates(0), 0, 1)))
        .reduce(Action::LeaveEditor);
    assert_eq!(s.ask, Some(Ask::Discard));
    // While asked, nothing else happens.
    let same = Rc::clone(&s).reduce(Action::ToLibrary);
    assert!(Rc::ptr_eq(&s, &same));
    let s = s.reduce(Action::Answer {
        yes: false,
        stamp: stamp("-", 0),
    });
    assert!(matches!(s.view, View::Edit(_)));
    let s = s.reduce(Action::LeaveEditor).reduce(Action::Answer {
        yes: true,
        stamp: stamp("-", 0),
    });
    assert_eq!(s.view, View::Library);
}

#[test]
fn delete_and_rename_ask_and_keep_the_samples() {
    let s = store(
        studio(vec![], None).reduce(Action::Copy {
            id: SAMPLE.into(),
            stamp: stamp("c1", 1),
        }),
        Ok(()),
    );
    let s = s.reduce(Action::AskRename("c1".into()));
    let s = s.reduce(Action::RenameText("长乐推荐票".into()));
    let s = store(
        s.reduce(Action::Answer {
            yes: true,
            stamp: stamp("-", 2),
        }),
        Ok(()),
    );
    assert_eq!(s.library.get("c1").unwrap().name, "长乐推荐票");
    assert_eq!(
        s.library.get("c1").unwrap().origin,
        Origin::Stored { rev: 1 }
    );

    let s = s.reduce(Action::AskDelete("c1".into()));
    assert_eq!(s.ask, Some(Ask::Delete("c1".into())));
    let s = s.reduce(Action::Answer {
        yes: true,
        stamp: stamp("-", 3),
    });
    assert_eq!(
        s.pending.as_ref().map(|p| &p.write),
        Some(&Write::Delete("c1".into()))
    );
    let s = store(s, Ok(()));
    assert!(s.library.get("c1").is_none());
    // A sample cannot be deleted.
    let s = s
        .reduce(Action::AskDelete(SAMPLE.into()))
        .reduce(Action::Answer {
            yes: true,
            stamp: stamp("-", 4),
        });
    assert!(s.pending.is_none());
    assert_eq!(s.library.entries.len(), 2);
}

fn changed_sample_link() -> String {
    let mut spec = ballot_core::samples::all()[1].clone().into_spec();
    spec.issuer = "长乐街道".into();
    share::link("http://127.0.0.1:8080/", &spec.check().unwrap())
}

#[test]
fn an_opened_link_is_offered_and_a_same_title_import_asks() {
    let s = studio(vec![], Some(changed_sample_link()));
    let View::Import(offer) = &s.view else {
        panic!("offer expected")
    };
    let Offer::Ready {
        plan: ImportPlan::SameTitle { id, .. },
        ..
    } = &**offer
    else {
        panic!("same title: {offer:?}")
    };
    assert_eq!(id, SAMPLE);
    // The sample cannot be replaced: importing keeps both.
    let refused = Rc::clone(&s).reduce(Action::Import {
        replace: true,
        stamp: stamp("i", 1),
    });
    assert!(refused.pending.is_none());
    let s = store(
        s.reduce(Action::Import {
            replace: false,
            stamp: stamp("i", 1),
        }),
        Ok(()),
    );
    let e = s.library.get("i").unwrap();
    assert!(e.name.ends_with("（导入）"), "{}", e.name);
    assert_eq!(e.spec.issuer, "长乐街道");
    // The same link again: already there.
    let s = s.reduce(Action::Offer {
        source: Source::Link,
        text: Ok(changed_sample_link()),
    });
    let View::Import(offer) = &s.view else {
        panic!()
    };
    assert!(
        matches!(&**offer, Offer::Ready { plan: ImportPlan::AlreadyThere { id, .. }, .. } if id == "i")
    );
}

#[test]
fn a_stored_template_with_the_same_title_can_be_replaced() {
    let s = store(
        studio(vec![], None).reduce(Action::Copy {
            id: SAMPLE.into(),
            stamp: stamp("c1", 1),
        }),
        Ok(()),
    );
    // Make the copy's title unique to it, then offer a changed template of that title.
    let s = s
        .reduce(Action::Edit("c1".into()))
        .reduce(Action::Change(Edit::SetText(
            Text::Title,
            "长乐居民区推荐票".into(),
        )));
    let s = store(s.reduce(Action::Save(stamp("-", 2))), Ok(()));
    let mut spec = s.library.get("c1").unwrap().spec.clone();
    spec.issuer = "长乐街道".into();
    let file = serde_json::to_string_pretty(&spec).unwrap();
    let s = s.reduce(Action::Offer {
        source: Source::File,
        text: Ok(format!("\u{feff}{file}")),
    });
    let s = store(
        s.reduce(Action::Import {
            replace: true,
            stamp: stamp("-", 3),
        }),
        Ok(()),
    );
    let c1 = s.library.get("c1").unwrap();
    assert_eq!(c1.origin, Origin::Stored { rev: 2 });
    assert_eq!(c1.spec.issuer, "长乐街道");
    assert_eq!(s.library.entries.len(), 3);
}

#[test]
fn broken_files_and_links_are_refused_with_their_codes() {
    let s = studio(vec![], None);
    let cases = [
        (
            Source::File,
            Ok(r#"{"format":"ballot-kit/template","version":2}"#.to_string()),
            "（T03）",
        ),
        (Source::File, Ok("这不是 JSON".to_string()), "（T01）"),
        (Source::File, Err(FileError::Unreadable), "文件无法读取"),
        (
            Source::File,
            Err(FileError::TooLarge(5_000_000)),
            "（4883 KB）",
        ),
        (
            Source::Link,
            Ok("http://127.0.0.1:8080/#t1.AAAA".to_string()),
            "（L02）",
        ),
        (
            Source::Link,
            Ok("http://127.0.0.1:8080/".to_string()),
            "（L01）",
        ),
    ];
    for (source, text, code) in cases {
        let s = Rc::clone(&s).reduce(Action::Offer { source, text });
        let View::Import(offer) = &s.view else {
            panic!()
        };
        let Offer::Refused { problems, .. } = &**offer else {
            panic!("refused expected: {offer:?}")
        };
        // The code after the sentence.
        assert!(problems[0].contains(code), "{problems:?}");
        assert!(problems[0].ends_with('）'), "{problems:?}");
        assert!(s.pending.is_none());
    }
}

#[test]
fn the_print_page_offers_the_machine_readable_sheet_or_forms_a_sheet() {
    let s = studio(vec![], None).reduce(Action::Print(SAMPLE.into()));
    let print = |s: &Studio| match &s.view {
        View::Print {
            per_page, sheet, ..
        } => (*per_page, *sheet),
        v => panic!("print expected, got {v:?}"),
    };
    assert_eq!(print(&s), (1, Sheet::Forms));
    let s = s.reduce(Action::Sheet(Sheet::Readable));
    assert_eq!(print(&s), (1, Sheet::Readable));
    let s = s.reduce(Action::Sheet(Sheet::Deck));
    assert_eq!(print(&s), (1, Sheet::Deck));
    // Forms a sheet again: the 读票版 is left.
    let s = s.reduce(Action::PerPage(2));
    assert_eq!(print(&s), (2, Sheet::Forms));
}
