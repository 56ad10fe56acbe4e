//! Importing cases from other helpdesks' exports (Zendesk, Jira, Freshdesk CSV; GitHub issues
//! JSON), from any CSV with recognisable column names, from this app's own CSV and JSON
//! exports, and from lines pasted by hand.
//!
//! The flow never blocks the page for long and writes nothing until the user confirms:
//! 1. [`ImportJob::start`] checks the encoding and reads the header;
//! 2. [`ImportJob::step`] reads a bounded number of rows per call, for a progress bar;
//! 3. [`ImportJob::preview`] maps the rows read so far with the current [`Mapping`] and says
//!    what would be added, updated, left alone, and which rows are in error, and why;
//!    [`ImportJob::set_role`] edits the mapping and a new preview needs no re-reading;
//! 4. [`apply`] writes the previewed rows into the desk.
//!
//! Rows are matched to existing cases on their external id (this app's exports: on the case
//! id), so importing the same file twice updates and never doubles.

mod encoding;
mod github;
mod mapping;
mod own_file;
mod plan;
mod quick_add;
mod values;

pub use crate::domain::csv_format::Target;
pub use mapping::{ColumnRole, Mapping};
pub use own_file::{read_import, ImportFile, ImportKind};
pub use plan::{
    apply, Action, Applying, FieldChange, ImportSummary, Incoming, PlannedRow, Planning, Preview, Steps,
    Warning,
};
pub use quick_add::quick_add;

use crate::domain::case::Case;
use crate::domain::csv_format;
use crate::domain::desk::Desk;
use crate::domain::persist::LoadError;
use crate::i18n::{tr, Lang, Message, Text};
use serde_json::Value;
use std::fmt;
use std::io::Cursor;

/// What kind of file was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Zendesk,
    Jira,
    Freshdesk,
    GitHubJson,
    /// This app's JSON export (or a copy of its local storage).
    TriageDeskJson,
    /// This app's CSV export.
    TriageDeskCsv,
    /// The "Download unreadable data" file the page offers when stored records cannot be read.
    TriageDeskBackup,
    /// A CSV from anywhere else, mapped by column names.
    GenericCsv,
    /// Lines or spreadsheet rows pasted into quick add.
    Pasted,
}

impl Format {
    /// The English name.
    pub fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    pub fn text(self) -> Text {
        match self {
            Format::Zendesk => Text::FormatZendesk,
            Format::Jira => Text::FormatJira,
            Format::Freshdesk => Text::FormatFreshdesk,
            Format::GitHubJson => Text::FormatGitHub,
            Format::TriageDeskJson => Text::FormatOwnJson,
            Format::TriageDeskCsv => Text::FormatOwnCsv,
            Format::TriageDeskBackup => Text::FormatOwnBackup,
            Format::GenericCsv => Text::FormatCsv,
            Format::Pasted => Text::FormatPasted,
        }
    }
}

/// The largest CSV, GitHub list or paste an import reads, as documented: its rows, their
/// cells and the preview each hold a copy, so a bigger file would fill the page's memory.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The largest file of this app's own (JSON export or unreadable-data backup): a desk of
/// 50,000 cases exports to 35-55 MB, and refusing its backup would lose it.
pub const MAX_OWN_FILE_BYTES: usize = 200 * 1024 * 1024;

/// The double-byte legacy encodings that Excel uses for Korean, Chinese and Japanese text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// CP949 / EUC-KR.
    Korean,
    /// Big5 (Traditional Chinese).
    Big5,
    /// Shift-JIS / CP932 (Japanese).
    ShiftJis,
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    /// More than `limit` bytes: [`MAX_IMPORT_BYTES`] or [`MAX_OWN_FILE_BYTES`].
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Utf16 {
        big_endian: bool,
    },
    Binary {
        what: String,
    },
    /// `offset` is the first byte that is not UTF-8, counted from the start of the file.
    NotUtf8 {
        offset: usize,
        line: usize,
        likely: Option<LegacyEncoding>,
    },
    Json {
        line: usize,
        column: usize,
        reason: String,
    },
    /// Readable, but not a kind of file this importer knows.
    Unrecognised(Message),
    /// This app's own JSON export that could not be read.
    TriageDesk(LoadError),
}

impl ImportError {
    /// What went wrong, for the page to show in the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Empty => Text::ImportEmpty.into(),
            ImportError::TooLarge { bytes, limit } => {
                let megabytes = |bytes: usize| bytes as f64 / 1_048_576.0;
                let kind = if *limit == MAX_IMPORT_BYTES { Text::ImportKindCsv } else { Text::ImportKindAny };
                Message::new(Text::ImportTooLarge)
                    .arg("size", format!("{:.1}", megabytes(*bytes)))
                    .arg_text("kind", kind)
                    .arg("limit", format!("{:.0}", megabytes(*limit)))
            }
            ImportError::Utf16 { big_endian } => {
                let order = if *big_endian { "big-endian" } else { "little-endian" };
                Message::new(Text::ImportUtf16).arg("order", order)
            }
            ImportError::Binary { what } => Message::new(Text::ImportBinary).arg("what", what),
            ImportError::NotUtf8 { offset, line, likely } => {
                let guess = match likely {
                    Some(LegacyEncoding::Korean) => Text::ImportLooksKorean,
                    Some(LegacyEncoding::Big5) => Text::ImportLooksBig5,
                    Some(LegacyEncoding::ShiftJis) => Text::ImportLooksShiftJis,
                    None => Text::Nothing,
                };
                Message::new(Text::ImportNotUtf8)
                    .arg("line", line)
                    .arg("offset", offset)
                    .arg_text("guess", guess)
            }
            ImportError::Json { line, column, reason } => Message::new(Text::ImportBrokenJson)
                .arg("line", line)
                .arg("column", column)
                .arg("reason", reason),
            ImportError::Unrecognised(message) => message.clone(),
            ImportError::TriageDesk(error) => {
                Message::new(Text::ImportOwnExportUnreadable).arg("reason", error)
            }
        }
    }
}

/// English, as tests and logs read it.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ImportError {}

/// Where a row came from: a line of a CSV file (where the row starts, counting the lines of
/// multi-line cells), the position of an item in a JSON list, or a record of an
/// unreadable-data backup (and a case in it), all from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowRef {
    Line(u64),
    Item(usize),
    Record(usize),
    RecordCase(usize, usize),
}

impl RowRef {
    /// Where the row is, for the page to show in the reader's language.
    pub fn message(&self) -> Message {
        match *self {
            RowRef::Line(line) => Message::new(Text::RowLine).arg("n", line),
            RowRef::Item(item) => Message::new(Text::RowItem).arg("n", item),
            RowRef::Record(record) => Message::new(Text::RowRecord).arg("n", record),
            RowRef::RecordCase(record, case) => {
                Message::new(Text::RowRecordCase).arg("n", record).arg("case", case)
            }
        }
    }
}

/// English ("line 3"), as tests and logs read it.
impl fmt::Display for RowRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// A row that will not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub at: RowRef,
    pub reason: Message,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub rows_done: usize,
    pub bytes_done: usize,
    pub total_bytes: usize,
    pub finished: bool,
}

/// One row of the file as text cells, before mapping.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    at: RowRef,
    cells: Vec<String>,
}

enum Reader {
    Csv(Box<csv::Reader<Cursor<Vec<u8>>>>),
    /// GitHub issues still to be turned into rows, and the count already turned.
    Json(std::vec::IntoIter<Value>, usize),
    Done,
}

/// An import in progress: the file being read, the rows read so far and the mapping.
pub struct ImportJob {
    format: Format,
    mapping: Mapping,
    rows: Vec<Row>,
    /// Whole cases from this app's JSON files, which need no mapping, with where each is.
    cases: Vec<(RowRef, Case)>,
    /// The rest of this app's JSON file (its `cases` empty): settings, incidents, merges,
    /// undone merges and not-duplicate pairs, merged into the desk with the cases.
    records: Option<Desk>,
    errors: Vec<RowError>,
    warnings: plan::Notes,
    reader: Reader,
    /// Bytes before what the reader sees (the byte order mark).
    skipped: usize,
    total_bytes: usize,
    bytes_done: usize,
}

impl ImportJob {
    /// A job with nothing read yet and nothing left to read.
    fn new(format: Format, mapping: Mapping, total_bytes: usize, bytes_done: usize) -> ImportJob {
        ImportJob {
            format,
            mapping,
            rows: Vec::new(),
            cases: Vec::new(),
            records: None,
            errors: Vec::new(),
            warnings: plan::Notes::new(),
            reader: Reader::Done,
            skipped: 0,
            total_bytes,
            bytes_done,
        }
    }

    /// Checks the size and encoding, recognises the format and reads the header. A JSON
    /// file is parsed here in one go; CSV rows are read by [`ImportJob::step`].
    pub fn start(bytes: Vec<u8>) -> Result<ImportJob, ImportError> {
        check_size(bytes.len(), MAX_OWN_FILE_BYTES)?;
        let (text, bom) = encoding::text(&bytes)?;
        let total_bytes = bytes.len();
        match text.trim_start().as_bytes().first() {
            Some(b'[') => Self::start_json_list(text, total_bytes),
            Some(b'{') => Self::start_own_json(text, total_bytes),
            Some(b'n' | b't' | b'f' | b'"' | b'-' | b'0'..=b'9')
                if serde_json::from_str::<Value>(text).is_ok() =>
            {
                let what = own_file::json_kind(text);
                Err(ImportError::Unrecognised(Message::new(Text::ImportNotCases).arg("what", what)))
            }
            _ => {
                let delimiter = guess_delimiter(text);
                Self::start_csv(bytes, bom, delimiter, true, None)
            }
        }
    }

    fn start_json_list(text: &str, total_bytes: usize) -> Result<ImportJob, ImportError> {
        check_size(total_bytes, MAX_IMPORT_BYTES)?;
        match serde_json::from_str(text).map_err(json_error)? {
            Value::Array(items) if github::is_issue_list(&items) => {
                let mapping = Mapping::guess(github::columns(), Format::GitHubJson);
                let mut job = ImportJob::new(Format::GitHubJson, mapping, total_bytes, 0);
                job.reader = Reader::Json(items.into_iter(), 0);
                Ok(job)
            }
            _ => Err(ImportError::Unrecognised(Text::ImportUnknownJson.into())),
        }
    }

    /// This app's export, storage envelope or unreadable-data backup: every case that can be
    /// read, the others listed as errors, and the desk's other records.
    fn start_own_json(text: &str, total_bytes: usize) -> Result<ImportJob, ImportError> {
        let file = read_import(text).map_err(|error| {
            // Broken JSON is reported by line and column; only a failed read looks again.
            match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Err(broken) => json_error(broken),
                Ok(_) => ImportError::TriageDesk(error),
            }
        })?;
        let format = match file.kind {
            ImportKind::UnreadableBackup => Format::TriageDeskBackup,
            ImportKind::Export | ImportKind::Envelope => Format::TriageDeskJson,
        };
        let mut job = ImportJob::new(format, Mapping::guess(Vec::new(), format), total_bytes, total_bytes);
        job.cases = file.cases;
        job.records = file.records;
        job.errors = file.skipped;
        for message in file.notes {
            plan::set_note(&mut job.warnings, message, 0);
        }
        Ok(job)
    }

    /// Reads the first record as the header. Pasted text (`widest_pasted`: the most cells in
    /// any of its rows) may have no header; then the first record is a row and quick add
    /// names as many columns as the widest row has.
    fn start_csv(
        bytes: Vec<u8>,
        skipped: usize,
        delimiter: u8,
        quoting: bool,
        widest_pasted: Option<usize>,
    ) -> Result<ImportJob, ImportError> {
        let total_bytes = bytes.len();
        check_size(total_bytes, MAX_IMPORT_BYTES)?;
        let mut cursor = Cursor::new(bytes);
        cursor.set_position(skipped as u64);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .quoting(quoting)
            .from_reader(cursor);
        let mut first = csv::StringRecord::new();
        if !reader.read_record(&mut first).unwrap_or(false) {
            return Err(ImportError::Empty);
        }
        let header: Vec<String> = first.iter().map(|cell| cell.trim().to_string()).collect();
        let (format, columns, header_is_data) = if let Some(widest) = widest_pasted {
            match quick_add::columns_without_header(&header, widest) {
                Some(columns) => (Format::Pasted, columns, true),
                None => (Format::Pasted, header, false),
            }
        } else {
            (mapping::detect_format(&header), header, false)
        };
        if columns.iter().all(String::is_empty) {
            return Err(ImportError::Unrecognised(Text::ImportNoColumnNames.into()));
        }
        let columns = columns
            .into_iter()
            .enumerate()
            .map(|(i, name)| match name.as_str() {
                "" => format!("Column {}", i + 1),
                // The export neutralises its header like any cell; extra columns keep their names.
                _ if format == Format::TriageDeskCsv => csv_format::unneutralise(&name).to_string(),
                _ => name,
            })
            .collect();
        let read = skipped + reader.position().byte() as usize;
        let mut job = ImportJob::new(format, Mapping::guess(columns, format), total_bytes, read);
        job.skipped = skipped;
        if header_is_data {
            job.push_record(&first, record_start(&first, reader.get_ref().get_ref(), skipped));
        }
        job.reader = Reader::Csv(Box::new(reader));
        Ok(job)
    }

    /// Reads up to `max_rows` more rows.
    pub fn step(&mut self, max_rows: usize) -> Progress {
        self.reader = match std::mem::replace(&mut self.reader, Reader::Done) {
            Reader::Csv(reader) => self.step_csv(reader, max_rows),
            Reader::Json(items, done) => self.step_json(items, done, max_rows),
            Reader::Done => Reader::Done,
        };
        if matches!(self.reader, Reader::Done) {
            self.bytes_done = self.total_bytes;
        }
        self.progress()
    }

    fn step_csv(&mut self, mut reader: Box<csv::Reader<Cursor<Vec<u8>>>>, max_rows: usize) -> Reader {
        let mut record = csv::StringRecord::new();
        for _ in 0..max_rows {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    let bytes = reader.get_ref().get_ref();
                    let at = record_start(&record, bytes, self.skipped);
                    let at_end = self.skipped + reader.position().byte() as usize >= bytes.len();
                    match unclosed_quote(&record, bytes, self.skipped, at_end, at) {
                        Some(error) => self.errors.push(error),
                        None => self.push_record(&record, at),
                    }
                }
                Ok(false) => return Reader::Done,
                Err(error) => {
                    let at = RowRef::Line(error.position().map_or(0, |p| p.line()));
                    self.errors.push(RowError {
                        at,
                        reason: Message::new(Text::ImportRowUnreadable).arg("error", error),
                    });
                    return Reader::Done;
                }
            }
        }
        self.bytes_done = self.skipped + reader.position().byte() as usize;
        Reader::Csv(reader)
    }

    fn step_json(
        &mut self,
        mut items: std::vec::IntoIter<Value>,
        mut done: usize,
        max_rows: usize,
    ) -> Reader {
        for item in items.by_ref().take(max_rows) {
            done += 1;
            match github::row(&item) {
                Ok(Some(cells)) => self.rows.push(Row { at: RowRef::Item(done), cells }),
                Ok(None) => plan::note(&mut self.warnings, Text::ImportPullRequestsSkipped),
                Err(reason) => self.errors.push(RowError { at: RowRef::Item(done), reason }),
            }
        }
        if items.len() == 0 {
            return Reader::Done;
        }
        self.bytes_done = self.total_bytes * done / (done + items.len());
        Reader::Json(items, done)
    }

    fn push_record(&mut self, record: &csv::StringRecord, at: RowRef) {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            return;
        }
        let width = self.mapping.columns().len();
        // A pasted plain line among spreadsheet rows is a title with the other cells blank.
        let short_paste = self.format == Format::Pasted && record.len() < width;
        if record.len() != width && !short_paste {
            let reason = Message::new(Text::ImportCellCount).arg("n", record.len()).arg("width", width);
            self.errors.push(RowError { at, reason });
            return;
        }
        // Only this app's export neutralises formulas, so only there is the prefix undone.
        let own = self.format == Format::TriageDeskCsv;
        let cells = record
            .iter()
            .map(|cell| if own { csv_format::unneutralise(cell).to_string() } else { cell.to_string() })
            .collect();
        self.rows.push(Row { at, cells });
    }

    pub fn progress(&self) -> Progress {
        Progress {
            rows_done: self.rows.len() + self.cases.len() + self.errors.len(),
            bytes_done: self.bytes_done,
            total_bytes: self.total_bytes,
            finished: matches!(self.reader, Reader::Done),
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// Changes which field a column feeds; see [`Mapping::set_role`].
    pub fn set_role(&mut self, column: usize, role: ColumnRole) {
        self.mapping.set_role(column, role);
    }

    /// Replaces the whole mapping, e.g. one kept from an earlier import of the same kind of
    /// file; a mapping made for other columns is ignored.
    pub fn set_mapping(&mut self, mapping: Mapping) {
        if mapping.columns() == self.mapping.columns() {
            self.mapping = mapping;
        }
    }

    /// The first `n` non-empty values of a column, to show beside it in the mapping editor.
    pub fn examples(&self, column: usize, n: usize) -> Vec<&str> {
        let cells = self.rows.iter().filter_map(|row| row.cells.get(column));
        cells.map(|cell| cell.trim()).filter(|cell| !cell.is_empty()).take(n).collect()
    }
}

/// Refuses a file over the documented size for its kind before anything reads it; the
/// page checks [`MAX_OWN_FILE_BYTES`] before it even reads the file.
pub fn check_size(bytes: usize, limit: usize) -> Result<(), ImportError> {
    if bytes > limit {
        Err(ImportError::TooLarge { bytes, limit })
    } else {
        Ok(())
    }
}

fn json_error(error: serde_json::Error) -> ImportError {
    ImportError::Json {
        line: error.line(),
        column: error.column(),
        reason: own_file::without_position(&error),
    }
}

/// The delimiter that splits the header line into the most columns: exports from European
/// spreadsheets use semicolons and some tools use tabs.
fn guess_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |delimiter: char| header.chars().filter(|&c| c == delimiter).count();
    [b',', b';', b'\t'].into_iter().max_by_key(|&d| (count(char::from(d)), d == b',')).unwrap_or(b',')
}

/// The line a record starts on. The reader's position may point at blank lines it skipped
/// before the record, so those are stepped over here.
fn record_start(record: &csv::StringRecord, bytes: &[u8], skipped: usize) -> RowRef {
    let Some(position) = record.position() else { return RowRef::Line(0) };
    let start = skipped + position.byte() as usize;
    let blank = bytes[start.min(bytes.len())..].iter().take_while(|&&b| b == b'\n' || b == b'\r');
    RowRef::Line(position.line() + blank.filter(|&&b| b == b'\n').count() as u64)
}

/// A quote that opens a cell and is never closed makes the reader take the rest of the file
/// as that one cell; said plainly, that is easier to fix than a "wrong number of cells".
fn unclosed_quote(
    record: &csv::StringRecord,
    bytes: &[u8],
    skipped: usize,
    at_end: bool,
    at: RowRef,
) -> Option<RowError> {
    let RowRef::Line(first) = at else { return None };
    // Only a record that runs to the end of the file can hold an unclosed quote; looking
    // no further keeps reading linear.
    if !at_end {
        return None;
    }
    let start = skipped + record.position()?.byte() as usize;
    let raw = &bytes[start.min(bytes.len())..];
    let quotes = raw.iter().filter(|&&b| b == b'"').count();
    let opens_cell = raw.first() == Some(&b'"')
        || raw.windows(2).any(|pair| pair[1] == b'"' && matches!(pair[0], b',' | b';' | b'\t' | b'\n'));
    if quotes % 2 == 0 || !opens_cell {
        return None;
    }
    let text = raw.trim_ascii_end();
    let last = first
        + text.iter().skip_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count() as u64;
    Some(RowError {
        at,
        reason: Message::new(Text::ImportUnclosedQuote).arg("first", first).arg("last", last),
    })
}
