//! XLSX writing (rust_xlsxwriter). Only the `ballot-xlsx` module links this: about 280 KB,
//! fetched the first time someone asks for an .xlsx file.

use rust_xlsxwriter::{Format, Workbook};

use crate::export::Cell;

/// One worksheet holding `rows`: text cells as text (never formulas), counts as numbers.
pub fn workbook(rows: &[Vec<Cell>], sheet: &str) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(|e| e.to_string())?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| e.to_string())?;
            match cell {
                Cell::Text(t) if r == 0 => ws.write_string_with_format(r, c, t, &bold),
                Cell::Text(t) => ws.write_string(r, c, t),
                Cell::Num(n) => ws.write_number(r, c, f64::from(*n)),
            }
            .map_err(|e| e.to_string())?;
        }
    }
    ws.set_column_width(0, 24).map_err(|e| e.to_string())?;
    ws.set_column_width(1, 16).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}
