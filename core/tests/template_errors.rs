//! Every template error case, from the file text a user might load.

use ballot_core::error::TemplateErrorKind as K;
use ballot_core::{Template, TemplateError};

const BASE: &str = include_str!("../../templates/推荐票.json");

/// The codes and paths of the errors a file gives, in order.
fn problems(json: &str) -> Vec<(String, String)> {
    match Template::parse(json) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e: &TemplateError| (e.code().to_string(), e.path.to_string()))
            .collect(),
    }
}

/// The sample recommendation template with a JSON edit applied.
fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(BASE).expect("sample is JSON");
    f(&mut v);
    v.to_string()
}

fn p(code: &str, path: &str) -> (String, String) {
    (code.to_string(), path.to_string())
}

#[test]
fn broken_json_reports_line_and_column() {
    let errors = Template::parse("{\n  \"format\": ").expect_err("broken");
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(errors[0].kind, K::Json { line: 2, .. }),
        "{errors:?}"
    );
    let msg = (ballot_core::i18n::studio::ZH_CN.template_error)(&errors[0]);
    assert!(msg.starts_with("文件内容有误（第 2 行"), "{msg}");
    assert!(
        msg.ends_with("（T01）"),
        "the code after the sentence: {msg}"
    );
}

#[test]
fn not_json_at_all_and_binary_garbage_are_t01() {
    assert_eq!(problems("推荐票"), vec![p("T01", "")]);
    assert_eq!(problems("\u{0}\u{1}\u{2}"), vec![p("T01", "")]);
    assert_eq!(problems(""), vec![p("T01", "")]);
    assert_eq!(problems("[1,2,3]"), vec![p("T01", "")]);
}

#[test]
fn wrong_format_and_versions() {
    assert_eq!(problems(r#"{"title":"x"}"#), vec![p("T02", "")]);
    assert_eq!(
        problems(&edited(|v| v["format"] = "other/app".into())),
        vec![p("T02", "")]
    );
    assert_eq!(
        problems(&edited(|v| v["version"] = 2.into())),
        vec![p("T03", "")]
    );
    let no_version = edited(|v| {
        v.as_object_mut().map(|o| o.remove("version"));
    });
    let errors = Template::parse(&no_version).expect_err("no version");
    assert_eq!(errors[0].kind, K::UnsupportedVersion { found: None });
    // A newer file with fields this build does not know says "version", not "unknown field".
    let newer = edited(|v| {
        v["version"] = 2.into();
        v["rules"] = serde_json::json!({"quorum": "4/5"});
    });
    assert_eq!(problems(&newer), vec![p("T03", "")]);
}

#[test]
fn unknown_fields_are_refused() {
    let e = edited(|v| v["colour"] = "red".into());
    assert_eq!(problems(&e), vec![p("T01", "")]);
    let e = edited(|v| v["sections"][0]["max_mark"] = 3.into());
    assert_eq!(problems(&e), vec![p("T01", "")]);
    let e = edited(|v| v["sections"][0]["kind"] = "referendum".into());
    assert_eq!(problems(&e), vec![p("T01", "")]);
    // An election's seats are its max_marks: `seats` is not one of its rules.
    let e = edited(|v| v["sections"][0]["kind"] = "election".into());
    assert_eq!(problems(&e), vec![p("T19", "sections[0].rules[0]")]);
    // `contest` is an election's only: a recommendation does not take it.
    let e = edited(|v| v["sections"][0]["contest"] = "equal".into());
    assert_eq!(problems(&e), vec![p("T01", "")]);
    // A field of the other kind of section is unknown here too.
    let e = edited(|v| v["sections"][0]["levels"] = serde_json::json!(["满意", "不满意"]));
    assert_eq!(problems(&e), vec![p("T01", "")]);
}

#[test]
fn each_kind_of_section_needs_its_own_fields() {
    for field in ["max_marks", "title", "kind"] {
        let e = edited(|v| {
            v["sections"][0]
                .as_object_mut()
                .expect("object")
                .remove(field);
        });
        assert_eq!(problems(&e), vec![p("T01", "")], "{field}");
    }
    // The optional ones take their defaults.
    let e = edited(|v| {
        let s = v["sections"][0].as_object_mut().expect("object");
        for field in [
            "write_in_slots",
            "write_in_may_repeat_listed",
            "over_marked",
        ] {
            s.remove(field);
        }
        s.insert("max_marks".into(), 2.into());
    });
    assert_eq!(problems(&e), vec![]);

    let evaluation = |f: &dyn Fn(&mut serde_json::Map<String, serde_json::Value>)| {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../templates/民主测评表.json")).expect("JSON");
        f(v["sections"][0].as_object_mut().expect("object"));
        problems(&v.to_string())
    };
    assert_eq!(evaluation(&|_| {}), vec![]);
    // A missing list is an empty one, and the checks say so at its place.
    for field in ["subjects", "levels"] {
        assert_eq!(
            evaluation(&|s| {
                s.remove(field);
            }),
            vec![p("T08", &format!("sections[0].{field}"))],
            "{field}"
        );
    }
    let e = edited(|v| {
        let s = v["sections"][0].as_object_mut().expect("object");
        s.remove("candidates");
        s.insert("max_marks".into(), 2.into());
    });
    assert_eq!(problems(&e), vec![], "a write-in-only slip");
    for (field, value) in [("max_marks", 3), ("write_in_slots", 1)] {
        assert_eq!(
            evaluation(&|s| {
                s.insert(field.into(), value.into());
            }),
            vec![p("T01", "")],
            "{field}"
        );
    }
}

#[test]
fn oversize_file_is_refused_before_parsing() {
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(300 * 1024));
    assert_eq!(problems(&big), vec![p("T04", "")]);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(problems(&deep), vec![p("T01", "")]);
}

#[test]
fn empty_texts() {
    let e = edited(|v| {
        v["title"] = " ".into();
        v["issuer"] = "".into();
        v["sections"][0]["title"] = "".into();
        v["sections"][0]["candidates"][2]["name"] = "　".into();
    });
    assert_eq!(
        problems(&e),
        vec![
            p("T05", "title"),
            p("T05", "issuer"),
            p("T05", "sections[0].title"),
            p("T05", "sections[0].candidates[2].name"),
        ]
    );
}

#[test]
fn too_long_and_control_characters() {
    let e = edited(|v| {
        v["title"] = "长".repeat(61).into();
        v["sections"][0]["candidates"][0]["note"] = "女\u{1b}[31m".into();
    });
    assert_eq!(
        problems(&e),
        vec![
            p("T06", "title"),
            p("T07", "sections[0].candidates[0].note")
        ]
    );
}

#[test]
fn duplicate_names_need_a_note() {
    let e = edited(|v| v["sections"][0]["candidates"][4]["name"] = "王 秀英".into());
    assert_eq!(
        problems(&e),
        vec![p("T11", "sections[0].candidates[4].name")]
    );
    let errors = Template::parse(&e).expect_err("duplicate");
    assert_eq!(
        errors[0].kind,
        K::Duplicate {
            name: "王 秀英".into(),
            first: 1
        }
    );
    // A note tells them apart.
    let ok = edited(|v| {
        v["sections"][0]["candidates"][4]["name"] = "王秀英".into();
        v["sections"][0]["candidates"][4]["note"] = "女，1972年生".into();
    });
    assert_eq!(problems(&ok), vec![]);
}

#[test]
fn duplicate_categories_levels_and_subjects() {
    let e = edited(|v| v["categories"] = serde_json::json!(["党员", "党员"]));
    assert_eq!(problems(&e), vec![p("T11", "categories[1]")]);

    let eval: &str = include_str!("../../templates/民主测评表.json");
    let mut v: serde_json::Value = serde_json::from_str(eval).expect("json");
    v["sections"][0]["levels"] = serde_json::json!(["满意", "满意"]);
    v["sections"][0]["subjects"][2]["name"] = "王秀英".into();
    v["sections"][0]["subjects"][2]["role"] = "书记".into();
    v["sections"][0]["subjects"][0]["dimensions"] = serde_json::json!(["政治素质", "政治素质"]);
    assert_eq!(
        problems(&v.to_string()),
        vec![
            p("T11", "sections[0].subjects[0].dimensions[1]"),
            p("T11", "sections[0].subjects[2].name"),
            p("T11", "sections[0].levels[1]"),
        ]
    );
}

#[test]
fn counts_out_of_bounds() {
    let e = edited(|v| v["sections"] = serde_json::json!([]));
    assert_eq!(problems(&e), vec![p("T08", "sections")]);

    let eval: &str = include_str!("../../templates/民主测评表.json");
    let mut v: serde_json::Value = serde_json::from_str(eval).expect("json");
    v["sections"][0]["levels"] = serde_json::json!(["满意"]);
    v["sections"][0]["subjects"] = serde_json::json!([]);
    assert_eq!(
        problems(&v.to_string()),
        vec![
            p("T08", "sections[0].subjects"),
            p("T08", "sections[0].levels")
        ]
    );
    v["sections"][0]["levels"] = serde_json::json!(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    v["sections"][0]["subjects"] = serde_json::json!([{"name": "班子"}]);
    assert_eq!(
        problems(&v.to_string()),
        vec![p("T09", "sections[0].levels")]
    );

    let e = edited(|v| {
        v["categories"] =
            serde_json::json!(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"])
    });
    assert_eq!(problems(&e), vec![p("T09", "categories")]);
    let e = edited(|v| v["sections"][0]["write_in_slots"] = 21.into());
    assert_eq!(problems(&e), vec![p("T10", "sections[0].write_in_slots")]);
}

#[test]
fn max_marks_rules() {
    let e = edited(|v| v["sections"][0]["max_marks"] = 0.into());
    assert_eq!(problems(&e), vec![p("T13", "sections[0].max_marks")]);
    // 7 names + 2 write-in cells = 9 available.
    let e = edited(|v| v["sections"][0]["max_marks"] = 9.into());
    assert_eq!(problems(&e), vec![]);
    let e = edited(|v| v["sections"][0]["max_marks"] = 10.into());
    assert_eq!(problems(&e), vec![p("T14", "sections[0].max_marks")]);
    let e = edited(|v| v["sections"][0]["max_marks"] = (-1).into());
    assert_eq!(problems(&e), vec![p("T01", "")]);
    let e = edited(|v| {
        v["sections"][0]["candidates"] = serde_json::json!([]);
        v["sections"][0]["write_in_slots"] = 0.into();
    });
    assert_eq!(
        problems(&e),
        vec![
            p("T12", "sections[0].candidates"),
            p("T14", "sections[0].max_marks")
        ]
    );
}

#[test]
fn write_in_only_slips_are_valid() {
    // "写上你赞成的人，最多3人": no listed names, three blank cells.
    let e = edited(|v| {
        v["sections"][0]["candidates"] = serde_json::json!([]);
        v["sections"][0]["write_in_slots"] = 3.into();
        v["sections"][0]["max_marks"] = 3.into();
    });
    assert_eq!(problems(&e), vec![]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = edited(|v| {
        v["title"] = "".into();
        v["sections"][0]["max_marks"] = 0.into();
        v["sections"][0]["candidates"][1]["name"] = "".into();
    });
    assert_eq!(problems(&e).len(), 3);
}

/// Five boxes that all read 「王秀英」 must not be five people: a name with a zero-width
/// character, a soft hyphen, a direction override or a compatibility ideograph is refused,
/// and the message names the character.
#[test]
fn look_alike_names_are_refused_naming_the_character() {
    for (hidden, code) in [
        ('\u{200B}', "U+200B"),
        ('\u{200D}', "U+200D"),
        ('\u{00AD}', "U+00AD"),
        ('\u{202E}', "U+202E"),
        ('\u{FEFF}', "U+FEFF"),
    ] {
        let json = edited(|v| {
            v["sections"][0]["candidates"][1]["name"] = format!("王{hidden}秀英").into();
        });
        let errors = Template::parse(&json).expect_err("refused");
        assert_eq!(errors[0].code(), "T20", "{hidden:?}");
        assert_eq!(errors[0].path.to_string(), "sections[0].candidates[1].name");
        let msg = (ballot_core::i18n::studio::ZH_CN.template_error)(&errors[0]);
        assert!(msg.contains(code), "{msg}");
    }
    // 林 (U+F9F4, a compatibility form) in a unit-like text: the title.
    let json = edited(|v| v["title"] = "\u{F9F4}家居民区推荐票".into());
    let errors = Template::parse(&json).expect_err("refused");
    assert_eq!(errors[0].code(), "T21");
    let msg = (ballot_core::i18n::studio::ZH_CN.template_error)(&errors[0]);
    assert!(msg.contains("U+F9F4"), "{msg}");
}
