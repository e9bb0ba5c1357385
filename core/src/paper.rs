//! Printed blank forms (空白票): how a form is laid out on A4, and how many fit on a sheet.
//! The studio draws what this decides; the wording of the instructions is the catalogue's
//! (`i18n::studio`), made from the template's marking scheme.

use crate::template::{RecommendationSection, Section, Template};

/// Forms per A4 sheet the studio offers: one, two (one above the other) or four (two by two).
pub const LAYOUTS: [u8; 3] = [1, 2, 4];

/// Lines a form may take when it shares a sheet (half its height, at the 10.5 pt (五号)
/// of a shared sheet: no smaller type a voter reads). One form per sheet has no limit: it
/// runs on to further pages, breaking between rows.
pub const SHARED_FORM_LINES: usize = 20;

/// Names per row of the name grid: a four-up form is half as wide.
pub fn columns(per_page: u8) -> usize {
    if per_page >= 4 {
        4
    } else {
        6
    }
}

/// One cell of the name grid: a listed name (its index) or a blank write-in cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Listed(usize),
    WriteIn(usize),
}

/// The name grid of a recommendation: listed names in their order, then the write-in
/// cells, `columns` to a row.
pub fn name_rows(section: &RecommendationSection, columns: usize) -> Vec<Vec<Cell>> {
    let cells: Vec<Cell> = (0..section.candidates.len())
        .map(Cell::Listed)
        .chain((0..usize::from(section.write_in_slots)).map(Cell::WriteIn))
        .collect();
    cells.chunks(columns.max(1)).map(<[Cell]>::to_vec).collect()
}

/// About how many lines a form takes: heading, instructions, each row of names (a name
/// line and a mark line) or each rated item, and the fingerprint line.
pub fn lines(template: &Template, per_page: u8) -> usize {
    let spec = template.spec();
    let chars_per_line = 12 * columns(per_page);
    let wrap = |text: &str| text.chars().count().div_ceil(chars_per_line);
    let mut n = 3 + wrap(&spec.notes);
    for s in template.sections() {
        n += 3;
        n += match s {
            Section::Recommendation(r) => 2 * name_rows(r, columns(per_page)).len(),
            Section::Evaluation(e) => {
                // The subject column is one of (levels + 1) equal columns; a label longer
                // than it holds takes more lines (the role or aspect prints after the name).
                let width_mm = if per_page >= 4 { 88 } else { 186 };
                let holds = (width_mm / (e.levels.len() + 1) * 10 / 39).max(1);
                1 + e
                    .items()
                    .map(|it| {
                        let chars = it.subject_name.chars().count()
                            + it.role.chars().count()
                            + it.dimension.map_or(0, |d| d.chars().count() + 3);
                        chars.div_ceil(holds).max(1)
                    })
                    .sum::<usize>()
            }
        };
    }
    n
}

/// Whether `per_page` forms of the template fit on one sheet without being cut.
pub fn fits(template: &Template, per_page: u8) -> bool {
    per_page <= 1 || lines(template, per_page) <= SHARED_FORM_LINES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn the_grid_lists_names_then_write_in_cells() {
        let t = samples::all()[1].clone();
        let Section::Recommendation(r) = &t.sections()[0] else {
            panic!()
        };
        let rows = name_rows(r, 4);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            [
                Cell::Listed(0),
                Cell::Listed(1),
                Cell::Listed(2),
                Cell::Listed(3)
            ]
        );
        assert_eq!(
            rows[1],
            [
                Cell::Listed(4),
                Cell::Listed(5),
                Cell::Listed(6),
                Cell::WriteIn(0)
            ]
        );
        assert_eq!(rows[2], [Cell::WriteIn(1)]);
    }

    #[test]
    fn an_evaluation_form_shares_a_sheet_only_where_its_labels_fit() {
        // The sample: 8 items, labels like 「班子整体 · 政治素质」. Two to a sheet (full
        // width) they take a line each; four to a sheet the narrow column wraps every one.
        let t = samples::all()[0].clone();
        assert!(fits(&t, 2));
        assert!(!fits(&t, 4));
    }

    #[test]
    fn small_ballots_share_a_sheet_and_long_lists_do_not() {
        let t = samples::all()[1].clone();
        assert!(fits(&t, 1) && fits(&t, 2) && fits(&t, 4));
        let mut spec = t.into_spec();
        let Section::Recommendation(r) = &mut spec.sections[0] else {
            panic!()
        };
        for i in 0..60 {
            r.candidates.push(crate::template::Candidate {
                name: format!("候选人{i}"),
                note: String::new(),
            });
        }
        let long = spec.check().expect("valid");
        assert!(fits(&long, 1));
        assert!(!fits(&long, 2));
        assert!(!fits(&long, 4));
    }
}
