//! The HTML of the results: the results screen (with the 正 column on the counting board),
//! 公布 mode, and the printed 计票结果报告单. Styles come with the markup, so none of this
//! costs the first load.

use ballot_core::count::zheng;
use ballot_core::figures::Figures;
use ballot_core::i18n::report::ReportTexts;
use ballot_core::results::{
    percent, score_text, EvaluationResult, Flag, RecommendationResult, Results, SectionResult,
    Status,
};
use ballot_core::Section;

use crate::html::Html;
use crate::Input;

/// What to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The results screen, with the printed report alongside (shown only when printing).
    Page,
    /// The counting board: the results screen with 正 strokes, and the printed report.
    Board,
    /// 公布: very large type, for projecting or holding up at the meeting.
    Announce,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "page" => Some(Mode::Page),
            "board" => Some(Mode::Board),
            "announce" => Some(Mode::Announce),
            _ => None,
        }
    }
}

const STYLE: &str = include_str!("report.css");

pub fn render(input: &Input, mode: Mode) -> String {
    let t = input.lang.report();
    let mut h = Html::default();
    h.raw("<style>").raw(STYLE).raw("</style>");
    match mode {
        Mode::Page | Mode::Board => {
            // The meeting's actions; `main.rs` handles their clicks (data-action).
            h.raw("<div class=\"actions rk-actions\">");
            for (action, label) in [
                ("announce", t.announce),
                ("print", t.print_report),
                ("csv", t.export_csv),
                ("xlsx", t.export_xlsx),
            ] {
                h.raw("<button type=\"button\" data-action=\"")
                    .raw(action)
                    .raw("\">")
                    .text(label)
                    .raw("</button>");
            }
            h.raw("</div><p class=\"rk-status\" role=\"status\"></p>");
            screen(&mut h, input, mode == Mode::Board, t);
            report(&mut h, input, t);
        }
        Mode::Announce => announce(&mut h, input, t),
    }
    h.finish()
}

fn titles(input: &Input) -> Vec<String> {
    input
        .template
        .sections()
        .iter()
        .map(|s| s.title().to_string())
        .collect()
}

fn figure(v: Option<u32>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// 应到 … 无效, as a table a reader scans in one line.
fn figures_table(h: &mut Html, r: &Results, t: &ReportTexts) {
    let f = &r.figures;
    let cells: [(&str, String, &str); 7] = [
        (t.due, figure(f.due), t.persons),
        (t.present, figure(f.present), t.persons),
        (t.issued, figure(f.issued), t.sheets),
        (t.returned, figure(f.returned), t.sheets),
        (t.valid, r.valid.to_string(), t.sheets),
        (t.blank, r.blank.to_string(), t.sheets),
        (t.void, r.void.to_string(), t.sheets),
    ];
    h.raw("<div class=\"rk-scroll\"><table class=\"rk-figures\"><thead><tr>");
    for (name, _, unit) in &cells {
        h.raw("<th scope=\"col\">")
            .text(&t.punct.noted(name, unit))
            .raw("</th>");
    }
    h.raw("</tr></thead><tbody><tr>");
    for (_, value, _) in &cells {
        h.el("td class=\"num\"", value);
    }
    h.raw("</tr></tbody></table></div>");
}

/// The figures on screen: short pairs that wrap on a phone (the paper has the table).
fn figures_list(h: &mut Html, r: &Results, t: &ReportTexts) {
    let f = &r.figures;
    h.raw("<dl class=\"rk-figs\">");
    for (name, value, unit) in [
        (t.due, f.due, t.persons),
        (t.present, f.present, t.persons),
        (t.issued, f.issued, t.sheets),
        (t.returned, f.returned, t.sheets),
        (t.valid, Some(r.valid), t.sheets),
        (t.blank, Some(r.blank), t.sheets),
        (t.void, Some(r.void), t.sheets),
    ] {
        h.raw("<div><dt>").text(name).raw("</dt><dd>");
        match value {
            Some(v) => h.num(v).text(unit),
            None => h.text(t.not_entered),
        };
        h.raw("</dd></div>");
    }
    h.raw("</dl>");
}

fn flags(h: &mut Html, r: &Results, sections: &[String], t: &ReportTexts, print: bool) {
    if r.flags.is_empty() {
        if print {
            h.raw("<p class=\"rk-flags-none\">")
                .text(t.flags_heading)
                .text(t.punct.colon)
                .text(t.no_flags)
                .raw("</p>");
        }
        return;
    }
    h.raw("<ul class=\"rk-flags\">");
    for f in &r.flags {
        let blocking = f.is_blocking();
        h.raw(if blocking {
            "<li data-blocking=\"true\" role=\"alert\"><strong>"
        } else {
            "<li><strong>"
        })
        .text(if blocking { t.blocking } else { t.warning })
        .raw("</strong> ")
        .coded(&(t.flag)(f, sections))
        .raw("</li>");
    }
    h.raw("</ul>");
}

/// 修改记录: each figure corrected after it was known, each finding that held before a
/// correction, marked as corrected, and a count's ballots struck, restored or corrected.
fn corrections(h: &mut Html, input: &Input, t: &ReportTexts) {
    if input.corrections.is_empty() && input.audit.is_empty() {
        return;
    }
    h.raw("<section class=\"rk-corrections\"><h3>")
        .text(t.corrections_heading)
        .raw("</h3><ul>");
    for c in &input.corrections {
        h.el(
            "li",
            &(t.correction)(figure_name(c.figure, t), c.from, c.to, &c.at),
        );
    }
    for f in input.corrected_flags() {
        let text = (t.flag)(&Flag::Figures(f), &[]);
        h.el("li class=\"rk-corrected\"", &(t.corrected_flag)(&text));
    }
    for line in &input.audit {
        h.el("li", line);
    }
    h.raw("</ul></section>");
}

pub(crate) fn figure_name(f: ballot_core::figures::Figure, t: &ReportTexts) -> &'static str {
    use ballot_core::figures::Figure;
    match f {
        Figure::Due => t.due,
        Figure::Present => t.present,
        Figure::Issued => t.issued,
        Figure::Returned => t.returned,
    }
}

/// A row's status: an election's (当选 …) or a shortlist's (列入 …).
pub(crate) fn status_text(s: Status, election: bool, t: &ReportTexts) -> &'static str {
    match (s, election) {
        (Status::Taken, true) => t.status_elected,
        (Status::NotTaken, true) => t.status_not_elected,
        (Status::Taken, false) => t.status_taken,
        (Status::Tied, _) => t.status_tied,
        (Status::NotTaken, false) => t.status_not_taken,
    }
}

fn recommendation_table(
    h: &mut Html,
    title: &str,
    r: &RecommendationResult,
    zheng_column: bool,
    t: &ReportTexts,
) {
    h.raw("<section class=\"rk-section\"><h3>")
        .text(title)
        .raw("</h3>");
    h.raw("<p class=\"rk-meta\">")
        .text(&(t.section_counts)(r.counted, r.blank, r.void))
        .text(t.punct.semicolon)
        .text(&(t.rate_of)(r.rate_base, r.base))
        .raw("</p>");
    match (r.election, r.seats, r.take) {
        (Some(contest), Some(seats), _) => {
            h.raw("<p class=\"rk-meta\">")
                .text(&(t.election_line)(contest, seats))
                .raw("</p>");
        }
        (None, Some(seats), Some(take)) => {
            h.raw("<p class=\"rk-meta\">")
                .text(&(t.shortlist)(seats, take))
                .raw("</p>");
        }
        _ => {}
    }
    let weighted = r.score_den > 1;
    let majority = r.rows.iter().any(|x| x.majority.is_some());
    let status = r.take.is_some();
    // 赞成/反对/弃权 under a scheme with × (得票 is 赞成); 无法辨认 only when there are any.
    let against = r.rows.iter().any(|x| x.against.is_some());
    let unreadable = r
        .rows
        .iter()
        .any(|x| x.against.is_some_and(|a| a.unreadable > 0));
    h.raw("<div class=\"rk-scroll\"><table class=\"rk-table\"><thead><tr>");
    h.el("th scope=\"col\"", t.col_name);
    if zheng_column {
        h.el("th scope=\"col\" aria-hidden=\"true\"", t.col_tally);
    }
    for c in &r.categories {
        h.el("th scope=\"col\" class=\"num\"", c);
    }
    h.el("th scope=\"col\" class=\"num\"", t.col_votes);
    if against {
        h.el("th scope=\"col\" class=\"num\"", t.col_opposed);
        h.el("th scope=\"col\" class=\"num\"", t.col_abstained);
    }
    if unreadable {
        h.el("th scope=\"col\" class=\"num\"", t.col_unreadable);
    }
    if weighted {
        h.el("th scope=\"col\" class=\"num\"", t.col_score);
    }
    h.el("th scope=\"col\" class=\"num\"", t.col_rate);
    h.el("th scope=\"col\" class=\"num\"", t.col_rank);
    if majority {
        h.el("th scope=\"col\"", t.col_majority);
    }
    if status {
        h.el("th scope=\"col\"", t.col_status);
    }
    h.raw("</tr></thead><tbody>");
    for row in &r.rows {
        h.raw(match row.status {
            Some(Status::Taken) => "<tr data-status=\"taken\">",
            Some(Status::Tied) => "<tr data-status=\"tied\">",
            _ => "<tr>",
        });
        h.raw("<th scope=\"row\">").user(&row.name);
        if !row.listed {
            h.raw("<small>").text(t.write_in_mark).raw("</small>");
        }
        h.raw("</th>\n");
        if zheng_column {
            h.raw("<td data-label=\"")
                .text(t.col_tally)
                .raw("\" class=\"zheng\" aria-hidden=\"true\">")
                .text(&zheng(row.votes))
                .raw("</td>\n");
        }
        for (c, v) in r.categories.iter().zip(&row.per_category) {
            h.td(c, "num").num(v).raw("</td>\n");
        }
        h.td(t.col_votes, "num").num(row.votes).raw("</td>\n");
        // A write-in has no 反对 or 弃权: only those who wrote it counted for it.
        let a = row.against;
        let num = |h: &mut Html, label: &str, v: Option<u32>| match v {
            Some(v) => {
                h.td(label, "num").num(v).raw("</td>\n");
            }
            None => {
                h.cell(label, "num", "");
            }
        };
        if against {
            num(h, t.col_opposed, a.map(|a| a.opposed));
            num(h, t.col_abstained, a.map(|a| a.abstained));
        }
        if unreadable {
            num(h, t.col_unreadable, a.map(|a| a.unreadable));
        }
        if weighted {
            h.cell(t.col_score, "num", &score_text(row.score, r.score_den));
        }
        let rate = r
            .base
            .and_then(|b| percent(u64::from(row.votes), u64::from(b)))
            .unwrap_or_default();
        h.cell(t.col_rate, "num", &rate);
        h.td(t.col_rank, "num").num(row.rank).raw("</td>\n");
        if majority {
            let text = match row.majority {
                Some(true) => t.yes,
                Some(false) => t.no,
                None => "",
            };
            h.cell(t.col_majority, "", text);
        }
        if status {
            let text = row
                .status
                .map(|s| status_text(s, r.election.is_some(), t))
                .unwrap_or("");
            h.cell(t.col_status, "", text);
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table></div>");
    votes_chart(h, title, r, t);
    h.raw("</section>");
}

/// A bar per name, longest for the most votes, with its number beside it. HTML, not a
/// drawing: long names wrap instead of being cut off. The numbers are in the table too; to
/// screen readers the chart is one labelled picture (role img).
fn votes_chart(h: &mut Html, title: &str, r: &RecommendationResult, t: &ReportTexts) {
    let rows: Vec<_> = r.rows.iter().filter(|x| x.votes > 0).collect();
    if rows.is_empty() {
        return;
    }
    let max = rows.iter().map(|x| x.votes).max().unwrap_or(1).max(1);
    h.raw("<div class=\"rk-chart\" role=\"img\" aria-label=\"")
        .text(&(t.chart_label)(title))
        .raw("\">");
    for row in rows {
        // Bars up to 85% of the track: the number after the longest still fits.
        let w = u64::from(row.votes) * 85 / u64::from(max);
        h.raw("<span class=\"rk-bar-name\">")
            .user(&row.name)
            .raw("</span><span class=\"rk-bar\"><span class=\"rk-fill\"")
            .raw(if row.status == Some(Status::Taken) {
                " data-status=\"taken\""
            } else {
                ""
            })
            .raw(" style=\"width:")
            .num(w.max(1))
            .raw("%\"></span>")
            .num(row.votes)
            .raw("</span>");
    }
    h.raw("</div>");
}

fn evaluation_table(h: &mut Html, title: &str, e: &EvaluationResult, t: &ReportTexts) {
    h.raw("<section class=\"rk-section\"><h3>")
        .text(title)
        .raw("</h3>");
    let positive: Vec<&str> = e
        .levels
        .iter()
        .zip(&e.positive)
        .filter(|(_, &p)| p)
        .map(|(l, _)| l.as_str())
        .collect();
    h.raw("<p class=\"rk-meta\">")
        .text(&(t.positive_levels)(&positive))
        .text(t.punct.semicolon)
        .text(&(t.rate_base_is)(e.rate_base))
        .raw("</p>");
    // Each row adds up to its base: the levels in the base, 未评 and, when the base is not
    // the valid forms, the rest of it. 多选无效 stands beside it: those forms rated nothing
    // for this item and are not in its base.
    let outside = e.items.iter().any(|i| i.outside > 0);
    h.raw("<div class=\"rk-scroll\"><table class=\"rk-table rk-eval\"><thead><tr>");
    h.el("th scope=\"col\"", t.col_subject);
    for l in &e.levels {
        h.el("th scope=\"col\" class=\"num\"", l);
    }
    h.el("th scope=\"col\" class=\"num\"", t.col_unrated);
    h.el("th scope=\"col\" class=\"num\"", t.col_spoiled);
    if outside {
        h.el("th scope=\"col\" class=\"num\"", t.col_outside);
    }
    h.el("th scope=\"col\" class=\"num\"", t.col_base);
    h.el("th scope=\"col\" class=\"num\"", t.col_positive_rate);
    h.el("th scope=\"col\"", t.col_alert);
    h.raw("</tr></thead><tbody>");
    for item in &e.items {
        h.raw(if item.alerts.is_empty() {
            "<tr>"
        } else {
            "<tr data-alert=\"true\">"
        });
        h.el(
            "th scope=\"row\"",
            &(t.item)(&item.name, &item.role, item.dimension.as_deref()),
        );
        // Each level's count with its share of the item's base (% of valid forms by default).
        for ((n, excluded), level) in item.levels.iter().zip(&e.excluded).zip(&e.levels) {
            h.td(level, "num").num(n);
            let rate = item.base.filter(|_| !excluded);
            if let Some(r) = rate.and_then(|b| percent(u64::from(*n), u64::from(b))) {
                h.raw(" <small>").text(&r).raw("</small>");
            }
            h.raw("</td>\n");
        }
        h.td(t.col_unrated, "num").num(item.unrated).raw("</td>\n");
        h.td(t.col_spoiled, "num").num(item.spoiled).raw("</td>\n");
        if outside {
            h.td(t.col_outside, "num").num(item.outside).raw("</td>\n");
        }
        h.cell(
            t.col_base,
            "num",
            &item.base.map(|b| b.to_string()).unwrap_or_default(),
        );
        let rate = item
            .base
            .and_then(|b| percent(u64::from(item.positive), u64::from(b)))
            .unwrap_or_default();
        h.cell(t.col_positive_rate, "num", &rate);
        let alert = if item.alerts.is_empty() {
            ""
        } else {
            t.alert_mark
        };
        h.cell(t.col_alert, "", alert);
        h.raw("</tr>");
    }
    h.raw("</tbody></table></div>");
    levels_chart(h, title, e, t);
    h.raw("</section>");
}

/// One bar per item, split into its levels, each part with its number. Levels differ by
/// pattern as well as colour, and the legend names them in order: colour is never the only
/// cue. HTML, so a long item name wraps instead of being cut off.
fn levels_chart(h: &mut Html, title: &str, e: &EvaluationResult, t: &ReportTexts) {
    h.raw("<div class=\"rk-chart rk-levels\" role=\"img\" aria-label=\"")
        .text(&(t.levels_chart_label)(title))
        .raw("\">");
    for item in &e.items {
        h.raw("<span class=\"rk-bar-name\">")
            .text(&(t.item)(&item.name, "", item.dimension.as_deref()))
            .raw("</span><span class=\"rk-bar rk-stack\">");
        for (l, &n) in item.levels.iter().enumerate() {
            if n == 0 {
                continue;
            }
            h.raw("<span data-level=\"")
                .num(l.min(7))
                .raw("\" style=\"flex-grow:")
                .num(n)
                .raw("\"><b>")
                .num(n)
                .raw("</b></span>");
        }
        h.raw("</span>");
    }
    h.raw("<p class=\"rk-legend\">");
    for (l, name) in e.levels.iter().enumerate() {
        h.raw("<span><i data-level=\"")
            .num(l.min(7))
            .raw("\"></i>")
            .text(name)
            .raw("</span>");
    }
    h.raw("</p></div>");
}

fn sections(h: &mut Html, input: &Input, r: &Results, zheng_column: bool, t: &ReportTexts) {
    for (spec, result) in input.template.sections().iter().zip(&r.sections) {
        match result {
            SectionResult::Recommendation(x) => {
                recommendation_table(h, spec.title(), x, zheng_column, t)
            }
            SectionResult::Evaluation(x) => evaluation_table(h, spec.title(), x, t),
        }
    }
}

/// A round after the first: what it is and which rounds it follows, then per names section
/// the 当选名单 over every round, each name with its round, and the places still open.
fn rounds(h: &mut Html, input: &Input, t: &ReportTexts) {
    let Some(link) = &input.template.spec().round else {
        return;
    };
    let list = input.rounds();
    let Some(kind) = list.first().map(|s| s.kind) else {
        return;
    };
    h.raw("<section class=\"rk-rounds\">");
    h.el(
        "p class=\"rk-round-line\"",
        &(t.round_line)(link.number, kind, &link.first, &link.after),
    );
    for s in &list {
        h.raw("<h3>").text((t.combined_heading)(s.election));
        if list.len() > 1 {
            h.text(" · ").user(&s.title);
        }
        // Two columns fit any phone: a table, never the narrow screen's cards.
        h.raw("</h3><table class=\"rk-table rk-combined\"><thead><tr>");
        h.el("th scope=\"col\"", t.col_name);
        h.el("th scope=\"col\"", t.col_round);
        h.raw("</tr></thead><tbody>");
        for taken in &s.taken {
            h.raw("<tr><th scope=\"row\">")
                .user(&taken.name)
                .raw("</th>");
            h.td(t.col_round, "")
                .text(&(t.round_of)(taken.round))
                .raw("</td></tr>\n");
        }
        h.raw("</tbody></table>");
        if s.open > 0 {
            h.el(
                "p class=\"rk-open\"",
                &(t.still_open)(s.open, &s.tied, s.election),
            );
        }
    }
    h.raw("</section>");
}

/// The next round's ballot, made in one action from this result when a tie at the cut or
/// seats left call for one; or why none can be made. Nothing when the result is complete.
fn next_round(h: &mut Html, input: &Input, t: &ReportTexts) {
    match input.next_round() {
        Ok(next) => {
            // The round's number as the round itself carries it.
            let number = next.spec().round.as_ref().map_or(2, |r| r.number);
            h.raw("<div class=\"rk-next\"><button type=\"button\" class=\"primary\" data-action=\"next-round\">")
                .text(&(t.next_round)(number))
                .raw("</button>");
            h.el("p class=\"rk-meta\"", t.next_round_hint);
            h.raw("</div>");
        }
        Err(ballot_core::round::DeriveRefused::NothingToDecide) => {}
        Err(why) => {
            h.el(
                "p class=\"rk-next\"",
                &(t.derive_refused)(&why, &titles(input)),
            );
        }
    }
}

/// A combined result's sources, one row each with its figures and ballots, then the total.
fn sources_table(h: &mut Html, input: &Input, t: &ReportTexts) {
    if input.sources.is_empty() {
        return;
    }
    h.el("h3 class=\"rk-sources-heading\"", t.sources_heading);
    h.raw("<div class=\"rk-scroll\"><table class=\"rk-sources\"><thead><tr><th scope=\"col\">")
        .text(t.source_unit)
        .raw("</th>");
    for name in [
        t.due, t.present, t.issued, t.returned, t.valid, t.blank, t.void,
    ] {
        h.el("th scope=\"col\"", name);
    }
    let codes = input.sources.iter().any(|s| !s.code.is_empty());
    if codes {
        h.el("th scope=\"col\"", t.result_code);
    }
    h.raw("</tr></thead><tbody>");
    let row = |h: &mut Html, unit: &str, f: &Figures, counts: [u32; 3], code: Option<&str>| {
        let total = code.is_none();
        h.raw(if total {
            "<tr class=\"rk-total\"><th scope=\"row\">"
        } else {
            "<tr><th scope=\"row\">"
        })
        .user(unit)
        .raw("</th>");
        for (name, v) in [t.due, t.present, t.issued, t.returned]
            .into_iter()
            .zip([f.due, f.present, f.issued, f.returned])
        {
            h.cell(name, "num", &figure(v));
        }
        for (name, v) in [t.valid, t.blank, t.void].into_iter().zip(counts) {
            h.td(name, "num").num(v).raw("</td>");
        }
        if codes {
            h.cell(t.result_code, "rk-code-cell", code.unwrap_or(""));
        }
        h.raw("</tr>");
    };
    for s in &input.sources {
        row(
            h,
            &s.unit,
            &s.figures,
            [s.valid, s.blank, s.void],
            Some(&s.code),
        );
    }
    let all = input.tally.combined();
    row(
        h,
        t.sources_total,
        &input.figures,
        [all.valid, all.blank, all.void],
        None,
    );
    h.raw("</tbody></table></div>");
}

/// 结果校验码 XXXX-XXXX-XXXX, as a line of its own.
/// 测试: a rehearsal's result says so first, wherever it is shown or printed.
fn test_line(h: &mut Html, input: &Input, t: &ReportTexts) {
    if input.test {
        h.el("p class=\"rk-test\" role=\"note\"", t.test_result);
    }
}

fn code_line(h: &mut Html, input: &Input, t: &ReportTexts) {
    h.raw("<p class=\"rk-code\"><span>")
        .text(t.result_code)
        .raw("</span> <strong>")
        .text(&input.code())
        .raw("</strong></p>");
}

/// The screen: one view per category (chosen with radio buttons, no script needed), each
/// with its figures, flags and tables.
fn screen(h: &mut Html, input: &Input, board: bool, t: &ReportTexts) {
    let views = input.views();
    let titles = titles(input);
    h.raw("<div class=\"rk rk-screen\">");
    test_line(h, input, t);
    code_line(h, input, t);
    sources_table(h, input, t);
    rounds(h, input, t);
    if views.len() > 1 {
        h.raw("<fieldset class=\"rk-views\"><legend>")
            .text(t.view)
            .raw("</legend>");
        for (i, v) in views.iter().enumerate() {
            h.raw("<label><input type=\"radio\" name=\"rk-view\" value=\"")
                .num(i)
                .raw(if i == 0 { "\" checked>" } else { "\">" })
                .text(&input.view_name(*v))
                .raw("</label>");
        }
        h.raw("</fieldset>");
    }
    for (i, v) in views.iter().enumerate() {
        let r = input.results(*v);
        h.raw("<div class=\"rk-view\" data-view=\"")
            .num(i)
            .raw("\">");
        // One view has its heading too, for a screen reader only: its sections' headings
        // come under it, as they do under a view's name where there are several.
        h.el(
            if views.len() > 1 {
                "h2 class=\"rk-view-name\""
            } else {
                "h2 class=\"rk-sr\""
            },
            &input.view_name(*v),
        );
        figures_list(h, &r, t);
        flags(h, &r, &titles, t, false);
        if i == 0 {
            corrections(h, input, t);
        }
        if r.valid + r.blank + r.void == 0 {
            h.el("p", t.no_ballots);
        } else {
            sections(h, input, &r, board, t);
        }
        h.raw("</div>");
    }
    next_round(h, input, t);
    h.raw("</div>");
}

/// 计票结果报告单: the form the meeting signs. Printed only (see report.css).
fn report(h: &mut Html, input: &Input, t: &ReportTexts) {
    let spec = input.template.spec();
    let titles = titles(input);
    let views = input.views();
    let r = input.results(views[0]);
    h.raw("<article class=\"rk rk-print\">");
    test_line(h, input, t);
    h.el("h1", &spec.title);
    h.el("h2", t.report_title);
    h.raw("<p class=\"rk-head\">");
    for (name, value) in [
        (t.unit, input.unit.as_str()),
        (t.category, &input.view_name(views[0])),
        (t.date, input.date.as_str()),
        (t.template_code, input.fingerprint.as_str()),
        (t.result_code, &input.code()),
    ] {
        h.raw("<span>")
            .text(name)
            .text(t.punct.colon)
            .user(value)
            .raw("</span>");
    }
    h.raw("</p>");
    figures_table(h, &r, t);
    sources_table(h, input, t);
    sections(h, input, &r, false, t);
    for v in views.iter().skip(1) {
        let part = input.results(*v);
        h.el("h2 class=\"rk-view-name\"", &input.view_name(*v));
        sections(h, input, &part, false, t);
    }
    rounds(h, input, t);
    h.raw("<div class=\"rk-flags-box\"><h3>")
        .text(t.flags_heading)
        .raw("</h3>");
    flags(h, &r, &titles, t, true);
    corrections(h, input, t);
    h.raw("</div><div class=\"rk-signatures\">");
    // Beside the signatures: what the signers vouch for, comparable with any file later,
    // and the result itself as a QR code (drawn once signed, `main.rs`), so the signed
    // paper can be the input of a merge.
    code_line(h, input, t);
    h.el("p class=\"rk-code-hint\"", t.result_code_hint);
    if !input.test && (input.batch.is_some() || !input.codes.is_empty()) {
        h.raw("<figure class=\"rk-qr\"><div class=\"rk-qr-codes\" role=\"img\" aria-label=\"")
            .text(t.paper_code_label)
            .raw("\"></div><figcaption>")
            .text(t.paper_code)
            .raw("</figcaption></figure>");
    }
    for who in t.signatures {
        h.raw("<p><span>")
            .text(&(t.signature)(who))
            .raw("</span><span class=\"rk-line\"></span></p>");
    }
    h.raw("<p class=\"rk-date\">")
        .text(t.signature_date)
        .raw("</p>");
    h.raw("</div></article>");
}

/// 公布 mode: the combined results in very large type: names with votes (taken ones marked),
/// evaluation items with their 满意率, and every flag.
fn announce(h: &mut Html, input: &Input, t: &ReportTexts) {
    let views = input.views();
    let r = input.results(views[0]);
    let titles = titles(input);
    h.raw("<div class=\"rk rk-announce\">");
    test_line(h, input, t);
    h.el("h2", &input.template.spec().title);
    h.raw("<p class=\"rk-announce-figures\">");
    for (name, v, unit) in [
        (t.due, r.figures.due, t.persons),
        (t.present, r.figures.present, t.persons),
        (t.issued, r.figures.issued, t.sheets),
        (t.returned, r.figures.returned, t.sheets),
        (t.valid, Some(r.valid), t.sheets),
        (t.blank, Some(r.blank), t.sheets),
        (t.void, Some(r.void), t.sheets),
    ] {
        if let Some(v) = v {
            h.raw("<span>")
                .text(name)
                .raw(" ")
                .num(v)
                .text(unit)
                .raw("</span>");
        }
    }
    h.raw("</p>");
    flags(h, &r, &titles, t, false);
    corrections(h, input, t);
    code_line(h, input, t);
    for (spec, result) in input.template.sections().iter().zip(&r.sections) {
        h.el("h3", spec.title());
        h.raw("<ol class=\"rk-announce-list\">");
        match (spec, result) {
            (Section::Recommendation(_), SectionResult::Recommendation(x)) => {
                for row in &x.rows {
                    h.raw(match row.status {
                        Some(Status::Taken) => "<li data-status=\"taken\">",
                        Some(Status::Tied) => "<li data-status=\"tied\">",
                        _ => "<li>",
                    });
                    h.raw("<span>")
                        .user(&row.name)
                        .raw("</span><span class=\"num\">");
                    if x.score_den > 1 {
                        h.text(&score_text(row.score, x.score_den));
                    } else {
                        h.text(&(t.votes_of)(row.votes));
                    }
                    h.raw("</span>");
                    if let Some(a) = row.against {
                        h.raw("<small>")
                            .text(&(t.against_of)(a.opposed, a.abstained))
                            .raw("</small>");
                    }
                    if let Some(s) = row.status.filter(|&s| s != Status::NotTaken) {
                        h.raw("<small>")
                            .text(status_text(s, x.election.is_some(), t))
                            .raw("</small>");
                    }
                    h.raw("</li>");
                }
            }
            (Section::Evaluation(_), SectionResult::Evaluation(e)) => {
                for item in &e.items {
                    h.raw("<li><span>")
                        .text(&(t.item)(&item.name, &item.role, item.dimension.as_deref()))
                        .raw("</span><span class=\"num\">")
                        .text(
                            &item
                                .base
                                .and_then(|b| percent(u64::from(item.positive), u64::from(b)))
                                .unwrap_or_default(),
                        )
                        .raw("</span></li>");
                }
            }
            _ => {}
        }
        h.raw("</ol>");
    }
    rounds(h, input, t);
    h.raw("</div>");
}

/// A flag's message, for the CSV export.
pub(crate) fn flag_text(f: &Flag, input: &Input) -> String {
    (input.lang.report().flag)(f, &titles(input))
}
