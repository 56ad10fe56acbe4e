//! Text for people written without the standard library's heavier formatters: each of these
//! would otherwise bring a table or a formatter into the download for a line or two.

use chrono::{Datelike, NaiveDateTime, Timelike};
use std::fmt::Write;

/// `text` with its first letter in capitals ("line 3" opens a sentence as "Line 3"). ASCII
/// only: the app's English starts with ASCII letters and Hangul and Han have no case, and
/// `char::to_uppercase` would add core's Unicode upper-case table (3.7 KB brotli).
pub fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// `at` written as chrono's `at.format(pattern)` writes it, for the few specifiers the app's
/// patterns use: `%Y`, `%m`, `%d`, `%-m`, `%-d`, `%H`, `%M`, `%a` and `%b` (English names).
/// Text between them is kept. chrono's strftime formatter stays out of the download.
pub fn written(at: NaiveDateTime, pattern: &str) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut rest = pattern;
    while let Some(at_percent) = rest.find('%') {
        out.push_str(&rest[..at_percent]);
        rest = &rest[at_percent + 1..];
        let (padded, spec) = match rest.strip_prefix('-') {
            Some(after) => (false, after),
            None => (true, rest),
        };
        let Some(letter) = spec.chars().next() else { break };
        rest = &spec[letter.len_utf8()..];
        let number = |out: &mut String, n: u32| {
            let _ = if padded { write!(out, "{n:02}") } else { write!(out, "{n}") };
        };
        match letter {
            // As chrono: four digits within 0..=9999, else a sign and at least four.
            'Y' if (0..=9999).contains(&at.year()) => {
                let _ = write!(out, "{:04}", at.year());
            }
            'Y' => {
                let _ = write!(out, "{:+05}", at.year());
            }
            'm' => number(&mut out, at.month()),
            'd' => number(&mut out, at.day()),
            'H' => number(&mut out, at.hour()),
            'M' => number(&mut out, at.minute()),
            'a' => out.push_str(DAYS[at.weekday().num_days_from_monday() as usize]),
            'b' => out.push_str(MONTHS[at.month0() as usize]),
            other => debug_assert!(false, "unsupported specifier %{other}"),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeDelta};

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let patterns = [
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d-%H%M",
            "%Y-%m-%d",
            "%a %H:%M",
            "%a %-d %b %H:%M",
            "%b %-d",
            "%-m/%-d",
            "%-d %b %Y",
            "%Y년 %-m월 %-d일",
            "%Y年%-m月%-d日",
        ];
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let steps = (0..3000).map(|n| start + TimeDelta::minutes(n * 1337));
        let far = [
            NaiveDateTime::MIN,
            NaiveDateTime::MAX,
            start.with_year(-44).unwrap(),
            start.with_year(12024).unwrap(),
        ];
        for at in steps.chain(far) {
            for pattern in patterns {
                assert_eq!(written(at, pattern), at.format(pattern).to_string(), "{pattern} {at:?}");
            }
        }
    }

    #[test]
    fn capitals_open_ascii_sentences_and_leave_other_scripts_alone() {
        for text in ["line 3", "as of 09:00", "", "3 cases", "결제 오류", "付款失敗", "Already"] {
            let mut chars = text.chars();
            let unicode: String =
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            assert_eq!(capitalised(text), unicode, "{text}");
        }
    }
}
