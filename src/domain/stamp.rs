//! Reading stored times fast. Every case carries several (created, updated, one per timeline
//! entry), so a load of 50,000 cases reads hundreds of thousands; chrono's general RFC 3339
//! parser was a tenth of decoding them. Times this app wrote (`2026-11-02T09:00:00Z`, with or
//! without a fraction) are read here directly; anything else goes to chrono as before.

// Times are plain `DateTime<Utc>` (the case model's `Timestamp`), so this reader needs nothing of
// the model and the model can use it.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::fmt;

/// The time in `text`, read the way chrono's parser reads it.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match parse_utc(text.as_bytes()) {
        Some(time) => Ok(time),
        None => text.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, or None for anything else (other offsets, leap seconds,
/// out-of-range fields), which the general parser then decides on.
fn parse_utc(text: &[u8]) -> Option<DateTime<Utc>> {
    let digits = |range: std::ops::Range<usize>| {
        text.get(range)?
            .iter()
            .try_fold(0u32, |value, &byte| byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if text.len() < 20 || separators.iter().any(|&(at, byte)| text[at] != byte) {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let mut nanos = 0;
    let mut at = 19;
    if text[at] == b'.' {
        let fraction = text[at + 1..].iter().take_while(|byte| byte.is_ascii_digit()).count();
        if !(1..=9).contains(&fraction) {
            return None;
        }
        nanos = digits(at + 1..at + 1 + fraction)? * 10u32.pow(9 - fraction as u32);
        at += 1 + fraction;
    }
    if &text[at..] != b"Z" {
        return None;
    }
    // Second 60 (a leap second) is left to chrono, like every other field out of range.
    if second > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(Utc.from_utc_datetime(&date.and_hms_nano_opt(hour, minute, second, nanos)?))
}

/// A stored time, for serde: `#[serde(deserialize_with = "stamp::read")]`.
pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    Stamp::deserialize(deserializer).map(|stamp| stamp.0)
}

/// An optional stored time (null or missing is None), for serde.
pub fn read_optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<Stamp>::deserialize(deserializer).map(|stamp| stamp.map(|stamp| stamp.0))
}

struct Stamp(DateTime<Utc>);

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        deserializer.deserialize_str(StampVisitor)
    }
}

struct StampVisitor;

impl Visitor<'_> for StampVisitor {
    type Value = Stamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Stamp, E> {
        parse(text).map(Stamp).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_app_writes_and_leaves_the_rest_to_chrono() {
        for text in [
            "2026-11-02T09:00:00Z",
            "2026-11-02T09:00:00.5Z",
            "2026-11-02T09:00:00.123Z",
            "2026-11-02T09:00:00.123456789Z",
            "2024-02-29T23:59:59Z",
        ] {
            assert_eq!(parse_utc(text.as_bytes()), text.parse().ok(), "{text}");
        }
        for text in [
            "2026-11-02T09:00:00+09:00",
            "2026-11-02 09:00:00Z",
            "2026-11-02T09:00:00.Z",
            "2026-11-02T09:00:00.1234567890Z",
            "2026-11-02T09:00:00z",
            "2026-02-30T09:00:00Z",
            "2026-11-02T24:00:00Z",
            "2016-12-31T23:59:60Z",
            "+2026-11-02T09:00:00Z",
            "2026-1１-02T09:00:00Z",
        ] {
            assert_eq!(parse_utc(text.as_bytes()), None, "{text}");
            assert_eq!(parse(text).ok(), text.parse().ok(), "{text}");
        }
    }
}
