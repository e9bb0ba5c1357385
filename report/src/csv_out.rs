//! CSV export: the same numbers as the screen and the report, one table after another.
//!
//! UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly; a
//! cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
//! so a spreadsheet never runs a name written on a ballot as a formula.

use ballot_core::i18n::report::ZH_CN;
use ballot_core::results::{percent, score_text, SectionResult};

use crate::render::{flag_text, item_text, status_label};
use crate::Input;

/// A cell a spreadsheet will show as text, never evaluate.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

struct Sheet {
    w: csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn row<I: IntoIterator<Item = String>>(&mut self, cells: I) {
        let cells: Vec<String> = cells.into_iter().map(|c| neutralise(&c)).collect();
        // Writing to a Vec cannot fail for I/O; a failure would only drop a row.
        let _ = self.w.write_record(&cells);
    }
}

fn s(x: impl ToString) -> String {
    x.to_string()
}

pub fn csv(input: &Input) -> String {
    let t = &ZH_CN;
    let mut sheet = Sheet {
        w: csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new()),
    };
    let spec = input.template.spec();
    sheet.row([s(t.report_title)]);
    sheet.row([s("表格"), spec.title.clone()]);
    sheet.row([s(t.unit), input.unit.clone()]);
    sheet.row([s(t.date), input.date.clone()]);
    sheet.row([s(t.template_code), input.fingerprint.clone()]);
    for view in input.views() {
        let r = input.results(view);
        sheet.row([]);
        sheet.row([input.view_name(view)]);
        sheet.row(
            [
                t.due, t.present, t.issued, t.returned, t.valid, t.blank, t.void,
            ]
            .map(s),
        );
        let f = |v: Option<u32>| v.map(s).unwrap_or_default();
        sheet.row([
            f(r.figures.due),
            f(r.figures.present),
            f(r.figures.issued),
            f(r.figures.returned),
            s(r.valid),
            s(r.blank),
            s(r.void),
        ]);
        for (spec, result) in input.template.sections().iter().zip(&r.sections) {
            sheet.row([]);
            sheet.row([s(spec.title())]);
            match result {
                SectionResult::Recommendation(x) => {
                    let weighted = x.score_den > 1;
                    let mut head = vec![s(t.col_rank), s(t.col_name)];
                    head.extend(x.categories.iter().cloned());
                    head.push(s(t.col_votes));
                    if weighted {
                        head.push(s(t.col_score));
                    }
                    head.push(s(t.col_rate));
                    head.push(s(t.col_status));
                    sheet.row(head);
                    for row in &x.rows {
                        let mut cells = vec![s(row.rank), row.name.clone()];
                        cells.extend(row.per_category.iter().map(s));
                        cells.push(s(row.votes));
                        if weighted {
                            cells.push(score_text(row.score, x.score_den));
                        }
                        cells.push(
                            x.base
                                .and_then(|b| percent(u64::from(row.votes), u64::from(b)))
                                .unwrap_or_default(),
                        );
                        cells.push(row.status.map(status_label).map(s).unwrap_or_default());
                        sheet.row(cells);
                    }
                }
                SectionResult::Evaluation(e) => {
                    let mut head = vec![s(t.col_subject)];
                    head.extend(e.levels.iter().cloned());
                    head.extend(
                        [
                            t.col_unrated,
                            t.col_spoiled,
                            t.col_void,
                            t.col_positive_rate,
                        ]
                        .map(s),
                    );
                    sheet.row(head);
                    for item in &e.items {
                        let mut cells =
                            vec![item_text(&item.name, &item.role, item.dimension.as_deref())];
                        cells.extend(item.levels.iter().map(s));
                        cells.extend([item.unrated, item.spoiled, item.void].map(s));
                        cells.push(
                            item.base
                                .and_then(|b| percent(u64::from(item.positive), u64::from(b)))
                                .unwrap_or_default(),
                        );
                        sheet.row(cells);
                    }
                }
            }
        }
        if !r.flags.is_empty() {
            sheet.row([]);
            sheet.row([s(t.flags_heading)]);
            for fl in &r.flags {
                sheet.row([flag_text(fl, input)]);
            }
        }
    }
    let bytes = sheet.w.into_inner().unwrap_or_default();
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
