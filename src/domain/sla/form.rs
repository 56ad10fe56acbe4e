//! Calendar settings as text fields: "09:00-12:00, 13:00-18:00" for a day's hours and
//! "2026-04-03, 2026-12-25" for holidays.

use super::{ClockTime, WorkInterval};
use crate::domain::sort;
use crate::i18n::{Message, Text};
use chrono::NaiveDate;

pub fn format_day_hours(hours: &[WorkInterval]) -> String {
    hours.iter().map(|i| format!("{}-{}", i.start, i.end)).collect::<Vec<_>>().join(", ")
}

/// Empty text means closed all day.
pub fn parse_day_hours(text: &str) -> Result<Vec<WorkInterval>, Message> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let bad = || Message::new(Text::NotAHoursRange).arg("part", part);
            let (start, end) = part.split_once('-').ok_or_else(bad)?;
            let (start, end) =
                (ClockTime::parse(start).ok_or_else(bad)?, ClockTime::parse(end).ok_or_else(bad)?);
            if start >= end {
                return Err(Message::new(Text::RangeEndsBeforeStart).arg("part", part));
            }
            Ok(WorkInterval::new(start, end))
        })
        .collect()
}

pub fn format_holidays(days: &[NaiveDate]) -> String {
    days.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect::<Vec<_>>().join(", ")
}

pub fn parse_holidays(text: &str) -> Result<Vec<NaiveDate>, Message> {
    let mut days = text
        .split([',', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            NaiveDate::parse_from_str(part, "%Y-%m-%d")
                .map_err(|_| Message::new(Text::NotADate).arg("part", part))
        })
        .collect::<Result<Vec<_>, _>>()?;
    sort::sort(&mut days);
    days.dedup();
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_hours_round_trip_and_explain_mistakes() {
        let hours = parse_day_hours(" 09:00-12:00, 13:00-18:00 ").unwrap();
        assert_eq!(format_day_hours(&hours), "09:00-12:00, 13:00-18:00");
        assert_eq!(parse_day_hours("").unwrap(), vec![]);
        assert_eq!(format_day_hours(&parse_day_hours("0:00-24:00").unwrap()), "00:00-24:00");
        assert!(parse_day_hours("9-12").unwrap_err().to_string().contains("not a range"));
        assert!(parse_day_hours("12:00-09:00").unwrap_err().to_string().contains("ends before"));
    }

    #[test]
    fn holidays_are_sorted_and_checked() {
        let days = parse_holidays("2026-12-25, 2026-04-03,2026-04-03").unwrap();
        assert_eq!(format_holidays(&days), "2026-04-03, 2026-12-25");
        assert!(parse_holidays("April 3").unwrap_err().to_string().contains("not a date"));
    }
}
