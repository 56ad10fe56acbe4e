//! Quick add: lines typed or pasted by hand, or a block copied from a spreadsheet, become
//! one case draft each, through the same preview and apply as a file import.

use super::csv_reader::CsvReader;
use super::mapping::is_known_name;
use super::{ImportError, ImportJob};

/// Reads pasted text: one case per line, or, when the text has tabs, one per spreadsheet row
/// (cells that spreadsheets quote because they span lines stay one cell). A first row made
/// mostly of column names is the header; without one the columns are title, description,
/// then extra columns, and the mapping can be changed as for a file.
pub fn quick_add(text: &str) -> Result<ImportJob, ImportError> {
    let tabbed = text.contains('\t');
    let mut rows = CsvReader::new(text.as_bytes().to_vec(), 0, b'\t', tabbed);
    let widest = std::iter::from_fn(|| rows.read()).map(|record| record.cells.len()).max().unwrap_or(1);
    let mut job = ImportJob::start_csv(text.as_bytes().to_vec(), 0, b'\t', tabbed, Some(widest))?;
    // Pasted text is small enough to read in one go.
    job.step(usize::MAX);
    Ok(job)
}

/// Names for the columns, as many as the `widest` row has cells, when the first row is data
/// rather than a header.
pub(super) fn columns_without_header(first: &[String], widest: usize) -> Option<Vec<String>> {
    let filled: Vec<&String> = first.iter().filter(|cell| !cell.is_empty()).collect();
    let known = filled.iter().filter(|cell| is_known_name(cell)).count();
    if !filled.is_empty() && known * 2 >= filled.len() {
        return None;
    }
    let name = |i: usize| match i {
        0 => "title".to_string(),
        1 => "description".to_string(),
        _ => format!("Column {}", i + 1),
    };
    Some((0..first.len().max(widest)).map(name).collect())
}
