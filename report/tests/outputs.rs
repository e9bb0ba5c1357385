//! The results module's outputs from one known count: the screen, the printed report and
//! the CSV carry the same numbers; text from a ballot can never become markup or a formula;
//! a damaged input is refused with its code.

use ballot_core::ballot::Ballot;
use ballot_core::exchange::SourceLine;
use ballot_core::figures::Figures;
use ballot_core::handover::{ResultInput, SourceRow};
use ballot_core::{samples, Tally, Template};
use ballot_report::export::{csv, rows, Cell};
use ballot_report::{render, Input, InputError, Mode};

fn recommendation() -> Template {
    Template::parse(samples::RECOMMENDATION_JSON).expect("sample")
}

/// 党员 ballots: 于建华 + 王秀英; 于建华 + a write-in that tries to be markup and a formula.
fn input() -> String {
    result().to_json()
}

/// The same, as the app writes it.
fn result() -> ResultInput {
    let t = recommendation();
    let mut a = Ballot::empty(&t, Some(0));
    a.toggle_candidate(&t, 0, 0).expect("room");
    a.toggle_candidate(&t, 0, 1).expect("room");
    let mut b = Ballot::empty(&t, Some(0));
    b.toggle_candidate(&t, 0, 0).expect("room");
    b.set_write_in(&t, 0, 0, "<b>=1+1</b>").expect("write-in");
    let tally = Tally::of(&t, [&a, &b]).expect("tally");
    let figures = Figures {
        due: Some(3),
        present: Some(3),
        issued: Some(3),
        returned: Some(2),
    };
    let mut r = ResultInput::new(
        t.spec().clone(),
        "ABCD-EFGH".into(),
        "长乐居民区".into(),
        tally,
    );
    r.figures = figures;
    r.date = "2026年11月22日".into();
    r
}

#[test]
fn the_screen_and_the_report_show_the_count_and_escape_ballot_text() {
    let input = Input::read(&input()).expect("input");
    let html = render(&input, Mode::Page);
    assert!(
        html.contains("&lt;b&gt;=1+1&lt;/b&gt;"),
        "the write-in is escaped"
    );
    assert!(!html.contains("<b>=1+1"), "and never markup");
    assert!(html.contains(
        "<th scope=\"row\"><bdi>于建华</bdi></th>\n<td data-label=\"得票\" class=\"num\">2</td>\n<td data-label=\"得票率\" class=\"num\">100.0%</td>"
    ));
    for who in ["监票人", "计票人", "唱票人"] {
        assert!(html.contains(&format!("{who}（签名）：")), "{who}");
    }
    assert!(html.contains("模板编号：<bdi>ABCD-EFGH</bdi>"));
    // The 结果校验码 beside the signatures: the one the core computes for this result.
    let code = input.code();
    assert!(html.contains(&format!("结果校验码：<bdi>{code}</bdi>")));
    let signatures = html.find("监票人（签名）").expect("signature lines");
    let beside = html[..signatures]
        .rfind(&code)
        .expect("the code before the signatures");
    assert!(html[beside..signatures].contains("rk-code"));
    let board = render(&input, Mode::Board);
    assert!(board.contains("<td data-label=\"正字\" class=\"zheng\" aria-hidden=\"true\">丅</td>"));
    let announce = render(&input, Mode::Announce);
    assert!(announce.contains("于建华"));
}

#[test]
fn the_csv_has_a_bom_the_numbers_and_no_formula() {
    let input = Input::read(&input()).expect("input");
    let text = csv(&input);
    assert!(text.starts_with('\u{feff}'));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let lines: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    let row = |name: &str| {
        lines
            .iter()
            .find(|l| l.get(1).map(String::as_str) == Some(name))
            .cloned()
    };
    assert_eq!(
        row("于建华"),
        Some(vec![
            "1".into(),
            "于建华".into(),
            "2".into(),
            "100.0%".into(),
            "列入".into()
        ])
    );
    // The write-in is kept as text, with its （另选） mark: a spreadsheet shows it, never
    // runs it.
    assert!(lines
        .iter()
        .any(|l| l.get(1).map(String::as_str) == Some("<b>=1+1</b>（另选）")));
    let formulas = lines
        .iter()
        .flatten()
        .filter(|c| c.starts_with(['=', '+', '-', '@']))
        .count();
    assert_eq!(formulas, 0);
    // The same rows feed the XLSX writer: counts are numbers there.
    let all = rows(&input);
    assert!(
        all.iter()
            .any(|r| r.get(1) == Some(&Cell::Text("于建华".into()))
                && r.get(2) == Some(&Cell::Num(2)))
    );
}

#[test]
fn the_workbook_is_a_zip_with_one_sheet() {
    let input = Input::read(&input()).expect("input");
    let bytes = ballot_report::xlsx::workbook(&rows(&input), "计票结果").expect("xlsx");
    assert_eq!(&bytes[..2], b"PK");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("xl/worksheets/sheet1.xml"));
}

#[test]
fn a_damaged_input_is_refused_with_its_code() {
    let good = input();
    assert!(matches!(Input::read("{"), Err(InputError::Json(_))));
    let bad_rules = good.replace(r#""rules":["seats 4"]"#, r#""rules":["seats many"]"#);
    assert_ne!(bad_rules, good);
    let e = Input::read(&bad_rules).err().expect("refused");
    assert_eq!(
        e.message(ballot_core::Lang::ZhCn),
        "结果所用的模板有误：第1部分 › 第1条规则：写法有误，应写成如“seats 5”（T18）（E02）"
    );
    let other = Template::parse(samples::EVALUATION_JSON).expect("sample");
    let wrong = ResultInput::new(
        recommendation().spec().clone(),
        "x".into(),
        "x".into(),
        Tally::empty(&other),
    )
    .to_json();
    assert_eq!(Input::read(&wrong).err(), Some(InputError::Shape));
}

#[test]
fn a_combined_result_shows_each_source_and_carries_its_checks() {
    let figures = |issued, returned| Figures {
        issued: Some(issued),
        returned: Some(returned),
        ..Figures::default()
    };
    let source = |unit: &str, f: Figures, lines: Vec<SourceLine>| SourceRow {
        unit: unit.into(),
        figures: f,
        valid: 1,
        blank: 0,
        void: 0,
        lines,
        code: String::new(),
    };
    let mut combined = result();
    combined.sources = vec![
        source("长乐居民区 · 第一支部", figures(1, 1), Vec::new()),
        source(
            "长乐居民区 · 第二支部",
            figures(1, 2),
            vec![SourceLine {
                unit: "第二支部 · 平板1".into(),
                figures: figures(0, 1),
            }],
        ),
    ];
    let input = Input::read(&combined.to_json()).expect("input");
    let html = render(&input, Mode::Page);
    assert!(html.contains("<th scope=\"row\"><bdi>长乐居民区 · 第一支部</bdi></th>"));
    // The second source's own check comes from the unit inside it, first, as blocking.
    let r = input.results(input.views()[0]);
    assert_eq!(r.flags[0].code(), "C01");
    assert!(r.flags[0].is_blocking());
    assert!(
        html.contains("第二支部 · 平板1：收回 1 张多于发出 0 张"),
        "{html}"
    );
    // The export lists the sources too.
    let text = csv(&input);
    assert!(text.contains("长乐居民区 · 第二支部,,,1,2,1,0,0"), "{text}");
}
