//! Making sure the bytes are UTF-8 text before anything tries to read them, and naming the
//! problem when they are not: a CSV saved by Excel in the system's code page otherwise turns
//! into silent mojibake.

use super::{ImportError, LegacyEncoding};
use crate::domain::csv_format;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of the file without its byte order mark, and the length of that mark.
pub(super) fn text(bytes: &[u8]) -> Result<(&str, usize), ImportError> {
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &bytes[bom..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if let Some(kind) = container(body) {
        return Err(ImportError::Binary { what: kind.into() });
    }
    if let Some(big_endian) = utf16(body) {
        return Err(ImportError::Utf16 { big_endian });
    }
    // This app's own CSV may hold control characters typed into a case (exports before they
    // were left out did), so its header vouches for it being text.
    let binary = body.contains(&0) || control_bytes(body) * 100 > body.len().min(8192);
    if binary && !csv_format::is_own_csv(body) {
        return Err(ImportError::Binary { what: "a binary file, not text".into() });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text, bom)),
        Err(error) => {
            let offset = bom + error.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let sample = &bytes[offset..bytes.len().min(offset + 64 * 1024)];
            Err(ImportError::NotUtf8 { offset, line, likely: legacy(sample) })
        }
    }
}

/// Files that people pick by mistake instead of the CSV they meant.
fn container(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a zip archive, such as an Excel workbook (.xlsx); export it as CSV")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("an old Excel workbook (.xls); export it as CSV")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document")
    } else {
        None
    }
}

/// UTF-16 with a byte order mark, or without one when every other byte of ASCII-heavy
/// text is zero.
fn utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(false);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(true);
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(false)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(true)
    } else {
        None
    }
}

/// Control characters that text files do not contain (tab, line breaks and form feed aside).
fn control_bytes(bytes: &[u8]) -> usize {
    let head = &bytes[..bytes.len().min(8192)];
    head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count()
}

/// Guesses which double-byte legacy encoding the invalid bytes are in, from which lead and
/// trail byte pairs each encoding allows. Korean (CP949/EUC-KR) never uses trail bytes
/// 0x5B–0x60 or 0x7B–0x80 and Big5 never uses lead bytes below 0xA1; where both fit, the
/// lead bytes decide: Hangul syllables start at 0xB0, the commonest Big5 characters at 0xA4.
/// Japanese Shift-JIS text fits CP949's extended pairs too, but its kana and commonest
/// kanji all lead with 0x81–0x9F, where Hangul text seldom does and Big5 never.
fn legacy(bytes: &[u8]) -> Option<LegacyEncoding> {
    let (mut pairs, mut not_korean, mut not_big5, mut big5_leads) = (0usize, 0usize, 0usize, 0usize);
    let (mut not_sjis, mut sjis_leads) = (0usize, 0usize);
    let mut rest = bytes;
    while let Some((&lead, tail)) = rest.split_first() {
        rest = tail;
        if lead < 0x80 {
            continue;
        }
        let Some((&trail, tail)) = rest.split_first() else { break };
        rest = tail;
        pairs += 1;
        let korean = match lead {
            0x81..=0xC6 => matches!(trail, 0x41..=0x5A | 0x61..=0x7A | 0x81..=0xFE),
            0xC7..=0xFE => matches!(trail, 0xA1..=0xFE),
            _ => false,
        };
        let big5 = matches!(lead, 0xA1..=0xF9) && matches!(trail, 0x40..=0x7E | 0xA1..=0xFE);
        let sjis = matches!(lead, 0x81..=0x9F | 0xE0..=0xFC) && matches!(trail, 0x40..=0x7E | 0x80..=0xFC);
        not_korean += usize::from(!korean);
        not_big5 += usize::from(!big5);
        not_sjis += usize::from(!sjis);
        big5_leads += usize::from(matches!(lead, 0xA4..=0xAF));
        sjis_leads += usize::from(matches!(lead, 0x81..=0x9F));
    }
    // A few stray pairs are allowed: the bytes may be cut mid-character or mixed with Latin-1.
    let fits = |misfits: usize| pairs > 0 && misfits * 20 <= pairs;
    if fits(not_sjis) && sjis_leads * 2 > pairs {
        return Some(LegacyEncoding::ShiftJis);
    }
    match (fits(not_korean), fits(not_big5)) {
        (true, false) => Some(LegacyEncoding::Korean),
        (false, true) => Some(LegacyEncoding::Big5),
        (true, true) if big5_leads * 5 > pairs => Some(LegacyEncoding::Big5),
        (true, true) => Some(LegacyEncoding::Korean),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_utf8_with_and_without_bom() {
        assert_eq!(text("Id,Subject\n1,결제 오류\n".as_bytes()).unwrap(), ("Id,Subject\n1,결제 오류\n", 0));
        assert_eq!(text(b"\xEF\xBB\xBFId\n1\n").unwrap(), ("Id\n1\n", 3));
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(text(b"").unwrap_err(), ImportError::Empty);
        assert_eq!(text(b"\xEF\xBB\xBF \n").unwrap_err(), ImportError::Empty);
        assert_eq!(text(b"\xFF\xFEI\0d\0").unwrap_err(), ImportError::Utf16 { big_endian: false });
        assert_eq!(text(b"\0I\0d\0,\0x\0\n").unwrap_err(), ImportError::Utf16 { big_endian: true });
        assert!(matches!(text(b"PK\x03\x04rest"), Err(ImportError::Binary { .. })));
        assert!(matches!(text(b"\x01\x02\x03\x04\x05abc"), Err(ImportError::Binary { .. })));
    }

    #[test]
    fn invalid_utf8_reports_where_it_starts() {
        // "결제 오류" in CP949 after an ASCII header line.
        let bytes = b"Id,Subject\n1,\xB0\xE1\xC1\xA6 \xBF\xC0\xB7\xF9\n";
        let error = text(bytes).unwrap_err();
        assert_eq!(error, ImportError::NotUtf8 { offset: 13, line: 2, likely: Some(LegacyEncoding::Korean) });
        // "付款失敗" in Big5.
        let bytes = b"Id,Subject\n1,\xA5\x49\xB4\xDA\xA5\xA2\xB1\xD1\n";
        assert!(matches!(text(bytes), Err(ImportError::NotUtf8 { likely: Some(LegacyEncoding::Big5), .. })));
        // "決済エラー お支払い" in Shift-JIS is Japanese, not Korean.
        let bytes = b"Id,Subject\n1,\x8c\x88\x8d\xcf\x83G\x83\x89\x81[ \x82\xa8\x8ex\x95\xa5\x82\xa2\n";
        assert!(matches!(
            text(bytes),
            Err(ImportError::NotUtf8 { likely: Some(LegacyEncoding::ShiftJis), .. })
        ));
        // Latin-1 "café" is neither.
        assert!(matches!(text(b"caf\xE9 au lait"), Err(ImportError::NotUtf8 { likely: None, .. })));
    }
}
