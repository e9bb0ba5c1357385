//! CSV and XLSX export: the same numbers as the screen and the report, one table after another.
//!
//! UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly; a
//! cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
//! so a spreadsheet never runs a name written on a ballot as a formula.

use ballot_core::results::{percent, score_text, SectionResult};

use serde::{Deserialize, Serialize};

use crate::render::{flag_text, status_text};
use crate::Input;

/// A cell a spreadsheet will show as text, never evaluate.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// One cell of the results table: text, or a count (a number in a spreadsheet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Num(u32),
}

fn s(x: impl ToString) -> Cell {
    Cell::Text(x.to_string())
}

fn n(x: u32) -> Cell {
    Cell::Num(x)
}

/// The results as rows of cells, one table after another: the heading, then per view the
/// figures, each section's table and the flags. CSV and XLSX are written from these rows,
/// so both carry exactly the numbers of the screen.
pub fn rows(input: &Input) -> Vec<Vec<Cell>> {
    let t = input.lang.report();
    let mut out: Vec<Vec<Cell>> = Vec::new();
    let spec = input.template.spec();
    if input.test {
        out.push(vec![s(t.test_result)]);
    }
    out.push(vec![s(t.report_title)]);
    out.push(vec![s(t.form_title), s(&spec.title)]);
    out.push(vec![s(t.unit), s(&input.unit)]);
    out.push(vec![s(t.date), s(&input.date)]);
    out.push(vec![s(t.template_code), s(&input.fingerprint)]);
    out.push(vec![s(t.result_code), s(input.code())]);
    if !input.corrections.is_empty() {
        out.push(vec![s(t.corrections_heading)]);
        for c in &input.corrections {
            out.push(vec![s((t.correction)(
                crate::render::figure_name(c.figure, t),
                c.from,
                c.to,
                &c.at,
            ))]);
        }
        for f in input.corrected_flags() {
            let text = (t.flag)(&ballot_core::results::Flag::Figures(f), &[]);
            out.push(vec![s((t.corrected_flag)(&text))]);
        }
    }
    if !input.sources.is_empty() {
        let f = |v: Option<u32>| v.map(n).unwrap_or(Cell::Text(String::new()));
        out.push(vec![]);
        out.push(vec![s(t.sources_heading)]);
        out.push(
            [
                t.source_unit,
                t.due,
                t.present,
                t.issued,
                t.returned,
                t.valid,
                t.blank,
                t.void,
            ]
            .map(s)
            .to_vec(),
        );
        for r in &input.sources {
            let g = &r.figures;
            out.push(vec![
                s(&r.unit),
                f(g.due),
                f(g.present),
                f(g.issued),
                f(g.returned),
                n(r.valid),
                n(r.blank),
                n(r.void),
            ]);
        }
    }
    for view in input.views() {
        let r = input.results(view);
        out.push(vec![]);
        out.push(vec![s(input.view_name(view))]);
        out.push(
            [
                t.due, t.present, t.issued, t.returned, t.valid, t.blank, t.void,
            ]
            .map(s)
            .to_vec(),
        );
        let f = |v: Option<u32>| v.map(n).unwrap_or(Cell::Text(String::new()));
        out.push(vec![
            f(r.figures.due),
            f(r.figures.present),
            f(r.figures.issued),
            f(r.figures.returned),
            n(r.valid),
            n(r.blank),
            n(r.void),
        ]);
        for (spec, result) in input.template.sections().iter().zip(&r.sections) {
            out.push(vec![]);
            out.push(vec![s(spec.title())]);
            match result {
                SectionResult::Recommendation(x) => {
                    let weighted = x.score_den > 1;
                    let mut head = vec![s(t.col_rank), s(t.col_name)];
                    head.extend(x.categories.iter().map(s));
                    head.push(s(t.col_votes));
                    let against = x.rows.iter().any(|r| r.against.is_some());
                    if against {
                        head.extend([t.col_opposed, t.col_abstained, t.col_unreadable].map(s));
                    }
                    if weighted {
                        head.push(s(t.col_score));
                    }
                    head.push(s(t.col_rate));
                    head.push(s(t.col_status));
                    out.push(head);
                    for row in &x.rows {
                        // A write-in keeps its （另选） mark, as on the screen and the paper.
                        let name = if row.listed {
                            row.name.clone()
                        } else {
                            format!("{}{}", row.name, t.write_in_mark)
                        };
                        let mut cells = vec![n(row.rank), s(name)];
                        cells.extend(row.per_category.iter().map(|&v| n(v)));
                        cells.push(n(row.votes));
                        if against {
                            let a = row.against;
                            let or_empty =
                                |v: Option<u32>| v.map(n).unwrap_or(Cell::Text(String::new()));
                            cells.push(or_empty(a.map(|a| a.opposed)));
                            cells.push(or_empty(a.map(|a| a.abstained)));
                            cells.push(or_empty(a.map(|a| a.unreadable)));
                        }
                        if weighted {
                            cells.push(s(score_text(row.score, x.score_den)));
                        }
                        cells.push(s(x
                            .base
                            .and_then(|b| percent(u64::from(row.votes), u64::from(b)))
                            .unwrap_or_default()));
                        cells.push(s(row
                            .status
                            .map(|st| status_text(st, x.election.is_some(), t))
                            .unwrap_or_default()));
                        out.push(cells);
                    }
                }
                SectionResult::Evaluation(e) => {
                    let mut head = vec![s(t.col_subject)];
                    head.extend(e.levels.iter().map(s));
                    head.extend(
                        [
                            t.col_unrated,
                            t.col_spoiled,
                            t.col_outside,
                            t.col_base,
                            t.col_positive_rate,
                        ]
                        .map(s),
                    );
                    out.push(head);
                    for item in &e.items {
                        let mut cells = vec![s((t.item)(
                            &item.name,
                            &item.role,
                            item.dimension.as_deref(),
                        ))];
                        cells.extend(item.levels.iter().map(|&v| n(v)));
                        cells.extend([item.unrated, item.spoiled, item.outside].map(n));
                        cells.push(s(item.base.map(|b| b.to_string()).unwrap_or_default()));
                        cells.push(s(item
                            .base
                            .and_then(|b| percent(u64::from(item.positive), u64::from(b)))
                            .unwrap_or_default()));
                        out.push(cells);
                    }
                }
            }
        }
        if !r.flags.is_empty() {
            out.push(vec![]);
            out.push(vec![s(t.flags_heading)]);
            for fl in &r.flags {
                out.push(vec![s(flag_text(fl, input))]);
            }
        }
    }
    // A round after the first: the line that links it, then the combined list.
    if let Some(link) = &spec.round {
        for list in input.rounds() {
            out.push(vec![]);
            out.push(vec![s((t.round_line)(
                link.number,
                list.kind,
                &link.first,
                &link.after,
            ))]);
            out.push(vec![s((t.combined_heading)(list.election)), s(&list.title)]);
            out.push(vec![s(t.col_name), s(t.col_round)]);
            for taken in &list.taken {
                out.push(vec![s(&taken.name), s((t.round_of)(taken.round))]);
            }
            if list.open > 0 {
                out.push(vec![s((t.still_open)(
                    list.open,
                    &list.tied,
                    list.election,
                ))]);
            }
        }
    }
    out
}

/// The rows as CSV text, with the byte-order mark.
pub fn csv(input: &Input) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows(input) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => neutralise(t),
                Cell::Num(v) => v.to_string(),
            })
            .collect();
        // Writing to a Vec cannot fail for I/O; a failure would only drop a row.
        let _ = w.write_record(&cells);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_others_kept() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("+86"), "'+86");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("张三"), "张三");
        assert_eq!(neutralise("12"), "12");
        assert_eq!(neutralise(""), "");
    }
}
