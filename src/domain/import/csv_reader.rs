//! CSV records read as the csv crate's reader reads them with `has_headers(false)` and
//! `flexible(true)`: RFC 4180 quoting (fields in double quotes may hold delimiters and line
//! breaks, `""` is a quote), a quote inside an unquoted field kept as text, text after a
//! closing quote joined to the field, CR, LF or CRLF ending a record, blank lines skipped and
//! a UTF-8 byte order mark at the start left out. Positions (the byte and line where each
//! read began) are counted as the csv crate counts them, so row numbers stay the same.
//! Written by hand: the csv crate's reader and its state tables were about 5 KB brotli of the
//! download for this loop. Tests compare it with the csv crate on generated input.

pub(super) struct CsvReader {
    bytes: Vec<u8>,
    /// The next byte to read.
    at: usize,
    /// 1 plus the line feeds read so far.
    line: u64,
    delimiter: u8,
    quoting: bool,
    /// The last record ended on a CR, so a LF right after it is part of that line break.
    after_cr: bool,
    started: bool,
}

/// One record: its cells and where the reader stood when it began reading it (before any
/// blank lines it skipped).
pub(super) struct Record {
    pub cells: Vec<String>,
    pub byte: usize,
    pub line: u64,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    StartField,
    InField,
    InQuotes,
    /// A quote inside a quoted field: the end of the quotes, or the first of `""`.
    QuoteInQuotes,
}

impl CsvReader {
    /// Reads `bytes` from `start` on (a text: UTF-8 throughout).
    pub(super) fn new(bytes: Vec<u8>, start: usize, delimiter: u8, quoting: bool) -> CsvReader {
        let at = start.min(bytes.len());
        CsvReader { bytes, at, line: 1, delimiter, quoting, after_cr: false, started: false }
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The next byte to read: everything before it has been read.
    pub(super) fn position(&self) -> usize {
        self.at
    }

    fn take(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        self.line += u64::from(byte == b'\n');
        Some(byte)
    }

    /// The next record, or None at the end.
    pub(super) fn read(&mut self) -> Option<Record> {
        let (byte, line) = (self.at, self.line);
        if !self.started {
            self.started = true;
            if self.bytes[self.at..].starts_with(b"\xEF\xBB\xBF") {
                self.at += 3;
            }
        }
        if std::mem::take(&mut self.after_cr) && self.bytes.get(self.at) == Some(&b'\n') {
            self.take();
        }
        // Blank lines before a record are skipped.
        while matches!(self.bytes.get(self.at), Some(b'\r' | b'\n')) {
            self.take();
        }
        if self.at == self.bytes.len() {
            return None;
        }
        let mut cells = Vec::new();
        let mut cell = Vec::new();
        let mut state = State::StartField;
        while let Some(c) = self.take() {
            let ends_field = state != State::InQuotes && c == self.delimiter;
            let ends_record = state != State::InQuotes && matches!(c, b'\r' | b'\n');
            if ends_field || ends_record {
                cells.push(text(&mut cell));
                if ends_record {
                    self.after_cr = c == b'\r';
                    return Some(Record { cells, byte, line });
                }
                state = State::StartField;
                continue;
            }
            state = match (state, c == b'"' && self.quoting) {
                (State::StartField, true) => State::InQuotes,
                (State::InQuotes, true) => State::QuoteInQuotes,
                (State::QuoteInQuotes, true) => {
                    cell.push(b'"');
                    State::InQuotes
                }
                (State::InQuotes, false) => {
                    cell.push(c);
                    State::InQuotes
                }
                _ => {
                    cell.push(c);
                    State::InField
                }
            };
        }
        // The end of the text ends the record, also inside quotes never closed.
        cells.push(text(&mut cell));
        Some(Record { cells, byte, line })
    }
}

/// The cell's text; cells split a UTF-8 text at ASCII bytes, so they are UTF-8 themselves.
fn text(cell: &mut Vec<u8>) -> String {
    String::from_utf8_lossy(&std::mem::take(cell)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record with its position, as the csv crate reads `text` from `start` on.
    fn theirs(text: &str, start: usize, delimiter: u8, quoting: bool) -> Vec<(Vec<String>, usize, u64)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .quoting(quoting)
            .from_reader(&text.as_bytes()[start..]);
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let position = record.position().unwrap();
            let cells = record.iter().map(str::to_string).collect();
            out.push((cells, start + position.byte() as usize, position.line()));
        }
        out
    }

    fn ours(text: &str, start: usize, delimiter: u8, quoting: bool) -> Vec<(Vec<String>, usize, u64)> {
        let mut reader = CsvReader::new(text.as_bytes().to_vec(), start, delimiter, quoting);
        std::iter::from_fn(|| reader.read()).map(|r| (r.cells, r.byte, r.line)).collect()
    }

    fn same(text: &str) {
        for delimiter in [b',', b';', b'\t'] {
            for quoting in [true, false] {
                assert_eq!(
                    ours(text, 0, delimiter, quoting),
                    theirs(text, 0, delimiter, quoting),
                    "{text:?} {delimiter} {quoting}"
                );
            }
        }
    }

    #[test]
    fn reads_as_the_csv_crate_reads() {
        for text in [
            "",
            "a",
            "a,b\r\nc,d\r\n",
            "a,b\nc,d",
            "a,b\rc,d\r",
            "\n\n\r\na,b\n\n",
            "\u{feff}id,title\n1,\"two\nlines\"\n",
            "\"say \"\"hi\"\"\",x\n",
            "ab\"c,d\n",
            "\"ab\"cd,e\n",
            "\"never closed,\nstill\n",
            "a,,\n,,\n",
            "a;b\tc,d\n",
            "결제,付款\r\n\"오류\r\n\",x",
            " , \n",
            "\"\"\n\"\",\"\"",
        ] {
            same(text);
        }
    }

    #[test]
    fn reads_generated_text_as_the_csv_crate_reads() {
        // Every text of up to five of the symbols that matter.
        let symbols = ["a", ",", "\t", "\"", "\r", "\n", "é"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            texts = texts.iter().flat_map(|t| symbols.iter().map(move |s| format!("{t}{s}"))).collect();
            texts.iter().for_each(|text| same(text));
        }
    }

    #[test]
    fn reading_from_an_offset_counts_from_there() {
        let text = "\u{feff}a,b\n\"c\nd\",e\n";
        assert_eq!(ours(text, 3, b',', true), theirs(text, 3, b',', true));
    }
}
