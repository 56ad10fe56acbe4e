//! The stretch of time KPIs cover, with days read on the wall clock of the desk's time zone.

use crate::domain::case::Timestamp;
use crate::zone::Zone;
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta};

/// From `from` up to, not including, `to`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Timestamp,
    pub to: Timestamp,
}

/// The periods offered in one click; each ends now and starts at a local midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Today,
    Last7Days,
    Last30Days,
    Last90Days,
    ThisQuarter,
}

impl Preset {
    pub const ALL: [Preset; 5] =
        [Preset::Today, Preset::Last7Days, Preset::Last30Days, Preset::Last90Days, Preset::ThisQuarter];

    pub fn key(self) -> &'static str {
        match self {
            Preset::Today => "today",
            Preset::Last7Days => "7d",
            Preset::Last30Days => "30d",
            Preset::Last90Days => "90d",
            Preset::ThisQuarter => "quarter",
        }
    }

    pub fn parse(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }
}

impl Period {
    pub fn contains(&self, at: Timestamp) -> bool {
        self.from <= at && at < self.to
    }

    pub fn length(&self) -> TimeDelta {
        self.to - self.from
    }

    /// The same length of time just before this period.
    pub fn previous(&self) -> Period {
        Period { from: self.from - self.length(), to: self.from }
    }

    /// `preset` as of `now`: from local midnight of its first day until `now`.
    pub fn preset(preset: Preset, now: Timestamp, zone: &Zone) -> Period {
        let today = local_date(now, zone);
        let first = match preset {
            Preset::Today => today,
            Preset::Last7Days => today - TimeDelta::days(6),
            Preset::Last30Days => today - TimeDelta::days(29),
            Preset::Last90Days => today - TimeDelta::days(89),
            Preset::ThisQuarter => {
                let month = (today.month0() / 3) * 3 + 1;
                NaiveDate::from_ymd_opt(today.year(), month, 1).unwrap_or(today)
            }
        };
        Period { from: start_of_day(first, zone), to: now }
    }

    /// From the start of local day `from` to the end of local day `to` (both included);
    /// `None` when `to` comes before `from`.
    pub fn days(from: NaiveDate, to: NaiveDate, zone: &Zone) -> Option<Period> {
        let after = to.succ_opt()?;
        (from <= to).then(|| Period { from: start_of_day(from, zone), to: start_of_day(after, zone) })
    }

    /// The local days this period touches, each as its own period, in order.
    pub fn each_day(&self, zone: &Zone) -> Vec<Period> {
        let mut days = Vec::new();
        let mut day = local_date(self.from, zone);
        let last = local_date(self.to - TimeDelta::milliseconds(1), zone);
        while day <= last && days.len() < 3_700 {
            let Some(next) = day.succ_opt() else { break };
            days.push(Period {
                from: start_of_day(day, zone).max(self.from),
                to: start_of_day(next, zone).min(self.to),
            });
            day = next;
        }
        days
    }
}

/// The date on the zone's wall clock at `at`.
pub fn local_date(at: Timestamp, zone: &Zone) -> NaiveDate {
    let ms = at.timestamp_millis();
    (at + TimeDelta::milliseconds(zone.offset_ms(ms))).date_naive()
}

/// The instant local day `date` starts in `zone` (the offset read twice, so a day that
/// starts on the far side of a daylight-saving change still starts at its midnight).
pub fn start_of_day(date: NaiveDate, zone: &Zone) -> Timestamp {
    let naive = date.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
    let guess = naive - zone.offset_ms(naive);
    let at = naive - zone.offset_ms(guess);
    DateTime::from_timestamp_millis(at).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taipei() -> Zone {
        Zone::parse("Asia/Taipei").unwrap()
    }

    fn utc(text: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn presets_start_at_local_midnight_and_end_now() {
        // 01:30 on 2 Mar in Taipei is still 1 Mar in UTC.
        let now = utc("2026-03-01T17:30:00Z");
        let today = Period::preset(Preset::Today, now, &taipei());
        assert_eq!(today, Period { from: utc("2026-03-01T16:00:00Z"), to: now });
        assert_eq!(Period::preset(Preset::Last7Days, now, &taipei()).from, utc("2026-02-23T16:00:00Z"));
        assert_eq!(Period::preset(Preset::ThisQuarter, now, &taipei()).from, utc("2025-12-31T16:00:00Z"));
        assert_eq!(
            today.previous(),
            Period { from: utc("2026-03-01T14:30:00Z"), to: utc("2026-03-01T16:00:00Z") }
        );
    }

    #[test]
    fn chosen_days_include_both_ends_and_follow_daylight_saving() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let week = Period::days(d(2026, 3, 2), d(2026, 3, 8), &taipei()).unwrap();
        assert_eq!(week.length(), TimeDelta::days(7));
        assert_eq!(week.each_day(&taipei()).len(), 7);
        assert!(Period::days(d(2026, 3, 8), d(2026, 3, 2), &taipei()).is_none());
        // New York springs forward on 8 Mar 2026: that day has 23 hours.
        let ny = Zone::parse("America/New_York").unwrap();
        let day = Period::days(d(2026, 3, 8), d(2026, 3, 8), &ny).unwrap();
        assert_eq!(day.from, utc("2026-03-08T05:00:00Z"));
        assert_eq!(day.length(), TimeDelta::hours(23));
    }
}
