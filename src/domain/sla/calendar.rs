//! Business calendars: when the desk is open, on the wall clock of one IANA time zone.
//!
//! Business time between two instants is the real time (not wall-clock time) during which the
//! calendar is open, so a DST change inside an open interval adds or removes that hour.

use crate::domain::sort;
use crate::i18n::{Message, Text};
use crate::zone::{Zone, TRACKED_FROM_MS, TRACKED_UNTIL_MS};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::OnceLock;

use crate::domain::case::Timestamp;

pub(crate) const MINUTE_MS: i64 = 60_000;
pub(crate) const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;
const WEEK_MS: i64 = 7 * DAY_MS;

/// A wall-clock time of day, 00:00 to 24:00 inclusive, so that an interval can run to midnight.
/// Written as "HH:MM" in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);
    pub const END_OF_DAY: ClockTime = ClockTime(24 * 60);

    pub fn new(hour: u16, minute: u16) -> Option<ClockTime> {
        let minutes = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && minutes <= 24 * 60).then_some(ClockTime(minutes))
    }

    /// Reads "H:MM" or "HH:MM".
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (hour, minute) = text.trim().split_once(':')?;
        if minute.len() != 2 {
            return None;
        }
        ClockTime::new(hour.parse().ok()?, minute.parse().ok()?)
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ClockTime::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a time of day (HH:MM)")))
    }
}

/// Open from `start` until `end` on the same day; an empty or reversed interval is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkInterval {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl WorkInterval {
    pub fn new(start: ClockTime, end: ClockTime) -> WorkInterval {
        WorkInterval { start, end }
    }
}

/// Opening hours for each day of the week; a missing day is closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeekSchedule {
    pub mon: Vec<WorkInterval>,
    pub tue: Vec<WorkInterval>,
    pub wed: Vec<WorkInterval>,
    pub thu: Vec<WorkInterval>,
    pub fri: Vec<WorkInterval>,
    pub sat: Vec<WorkInterval>,
    pub sun: Vec<WorkInterval>,
}

impl WeekSchedule {
    /// The same hours on the given days, closed on the others.
    pub fn on(days: &[Weekday], hours: &[WorkInterval]) -> WeekSchedule {
        let mut week = WeekSchedule::default();
        for &day in days {
            *week.day_mut(day) = hours.to_vec();
        }
        week
    }

    pub fn day(&self, day: Weekday) -> &[WorkInterval] {
        match day {
            Weekday::Mon => &self.mon,
            Weekday::Tue => &self.tue,
            Weekday::Wed => &self.wed,
            Weekday::Thu => &self.thu,
            Weekday::Fri => &self.fri,
            Weekday::Sat => &self.sat,
            Weekday::Sun => &self.sun,
        }
    }

    pub fn day_mut(&mut self, day: Weekday) -> &mut Vec<WorkInterval> {
        match day {
            Weekday::Mon => &mut self.mon,
            Weekday::Tue => &mut self.tue,
            Weekday::Wed => &mut self.wed,
            Weekday::Thu => &mut self.thu,
            Weekday::Fri => &mut self.fri,
            Weekday::Sat => &mut self.sat,
            Weekday::Sun => &mut self.sun,
        }
    }
}

const ALL_DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
const WORK_DAYS: [Weekday; 5] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];

/// A business calendar as the user edits it and as it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Calendar {
    /// Policies refer to calendars by this name.
    pub name: String,
    /// IANA zone name, e.g. "Asia/Taipei"; the schedule and holidays are on its wall clock.
    pub time_zone: String,
    pub week: WeekSchedule,
    /// Whole local days on which the calendar is closed.
    pub holidays: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::business_hours()
    }
}

impl Calendar {
    pub const ALWAYS_OPEN: &'static str = "24x7";
    pub const BUSINESS_HOURS: &'static str = "Business hours";

    /// Open around the clock; UTC because a zone changes nothing for a calendar that never closes.
    pub fn always_open() -> Calendar {
        let whole_day = WorkInterval::new(ClockTime::MIDNIGHT, ClockTime::END_OF_DAY);
        Calendar {
            name: Calendar::ALWAYS_OPEN.into(),
            time_zone: "UTC".into(),
            week: WeekSchedule::on(&ALL_DAYS, &[whole_day]),
            holidays: Vec::new(),
        }
    }

    /// Monday to Friday 09:00-12:00 and 13:00-18:00 in Taipei, no holidays until the user adds them.
    pub fn business_hours() -> Calendar {
        let time = |hour| ClockTime::new(hour, 0).expect("whole hours are times of day");
        let hours = [WorkInterval::new(time(9), time(12)), WorkInterval::new(time(13), time(18))];
        Calendar {
            name: Calendar::BUSINESS_HOURS.into(),
            time_zone: "Asia/Taipei".into(),
            week: WeekSchedule::on(&WORK_DAYS, &hours),
            holidays: Vec::new(),
        }
    }

    /// Checks what the settings form must refuse: an unknown zone or a week with no open time.
    pub fn compile(&self) -> Result<BusinessCalendar, Message> {
        let tz = Zone::parse(self.time_zone.trim())
            .ok_or_else(|| Message::new(Text::UnknownTimeZone).arg("zone", &self.time_zone))?;
        let days = ALL_DAYS.map(|day| merged_spans(self.week.day(day)));
        let day_lengths =
            days.each_ref().map(|spans| spans.iter().map(|(start, end)| end - start).sum::<i64>());
        let week_ms: i64 = day_lengths.iter().sum();
        if week_ms == 0 {
            return Err(Message::new(Text::CalendarNeverOpen).arg("name", &self.name));
        }
        let mut holidays = self.holidays.clone();
        sort::sort(&mut holidays);
        holidays.dedup();
        Ok(BusinessCalendar {
            name: self.name.clone(),
            tz,
            days,
            holidays,
            week_ms,
            business_day_ms: day_lengths.into_iter().max().unwrap_or(0),
            week_index: OnceLock::new(),
        })
    }
}

/// The time zones a calendar can use, for the settings form to suggest: region/city names
/// (legacy aliases such as "US/Eastern" still parse but are not suggested).
pub fn time_zone_names() -> Vec<String> {
    crate::zone::suggested_names()
}

/// Sorted, overlap-free spans in milliseconds after local midnight.
fn merged_spans(intervals: &[WorkInterval]) -> Vec<(i64, i64)> {
    let mut spans: Vec<(i64, i64)> = intervals
        .iter()
        .filter(|interval| interval.start < interval.end)
        .map(|interval| (i64::from(interval.start.0) * MINUTE_MS, i64::from(interval.end.0) * MINUTE_MS))
        .collect();
    sort::sort(&mut spans);
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Calendar arithmetic treats instants within a year of chrono's limits as at that distance, so
/// walking a day or a week past any instant it is given stays inside chrono's range.
const EARLIEST_MS: i64 = DateTime::<chrono::Utc>::MIN_UTC.timestamp_millis() + 366 * DAY_MS;
const LATEST_MS: i64 = DateTime::<chrono::Utc>::MAX_UTC.timestamp_millis() - 366 * DAY_MS;

fn clamp_ms(at: i64) -> i64 {
    at.clamp(EARLIEST_MS, LATEST_MS)
}

/// Beyond the zone's tracked years its offset never changes (see [`crate::zone`]), so every
/// local day there is 24 hours long; this far from their edges even the look-ups a day either
/// side of a midnight stay outside.
const STEADY_BEFORE_MS: i64 = TRACKED_FROM_MS - 3 * DAY_MS;
const STEADY_FROM_MS: i64 = TRACKED_UNTIL_MS + 3 * DAY_MS;

pub(crate) fn to_ms(at: Timestamp) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_ms(ms: i64) -> Timestamp {
    DateTime::from_timestamp_millis(ms).expect("instants stay inside chrono's range")
}

/// A calendar ready for arithmetic: zone resolved, hours merged, holidays sorted.
#[derive(Clone, Debug)]
pub struct BusinessCalendar {
    name: String,
    tz: Zone,
    /// Monday first.
    days: [Vec<(i64, i64)>; 7],
    holidays: Vec<NaiveDate>,
    /// Open wall-clock time in a week without holidays.
    week_ms: i64,
    business_day_ms: i64,
    /// Built on first need, which only a span of a year or more has.
    week_index: OnceLock<WeekIndex>,
}

/// Spans at least this many weeks long inside the tracked years are looked up, not walked.
const INDEXED_WEEKS: i64 = 52;

/// Business time at every Monday midnight of the tracked years, so that a long span inside them
/// is a subtraction instead of a walk of thousands of weeks.
#[derive(Clone, Debug)]
struct WeekIndex {
    first: NaiveDate,
    /// From `first` on, each Monday's midnight and the business time from `first`'s to it.
    mondays: Vec<(i64, i64)>,
}

impl WeekIndex {
    /// The weeks from the cursor's Monday to the last indexed Monday by `limit` with at most
    /// `most` business time between, and that time.
    fn skip(&self, cursor: &Cursor, limit: i64, most: i64) -> Option<(i64, i64)> {
        let here = usize::try_from((cursor.date - self.first).num_days() / 7).ok()?;
        let &(_, before) = self.mondays.get(here)?;
        let there = self.mondays.partition_point(|&(start, at)| start <= limit && at - before <= most) - 1;
        (there > here).then(|| ((there - here) as i64, self.mondays[there].1 - before))
    }
}

impl BusinessCalendar {
    /// The zone whose wall clock the calendar reads.
    pub fn zone(&self) -> &Zone {
        &self.tz
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn time_zone(&self) -> &Zone {
        &self.tz
    }

    /// One business day: the open time of the calendar's longest day (8 h for the default
    /// business hours, 24 h for 24x7).
    pub fn business_day(&self) -> TimeDelta {
        TimeDelta::milliseconds(self.business_day_ms)
    }

    pub(crate) fn business_day_ms(&self) -> i64 {
        self.business_day_ms
    }

    pub fn is_open(&self, at: Timestamp) -> bool {
        let at = clamp_ms(to_ms(at));
        Cursor::at(self, at).open().any(|(start, end)| start <= at && at < end)
    }

    /// Business time from `from` to `to`; zero when `to` is not after `from`.
    pub fn between(&self, from: Timestamp, to: Timestamp) -> TimeDelta {
        TimeDelta::milliseconds(self.between_ms(to_ms(from), to_ms(to)))
    }

    /// The earliest instant at which `budget` of business time has passed since `start`.
    pub fn add(&self, start: Timestamp, budget: TimeDelta) -> Timestamp {
        from_ms(self.add_ms(to_ms(start), budget.num_milliseconds()))
    }

    /// The close of the working day `now` is in, or of the next working day when the desk has
    /// already closed for today (or is closed all day).
    pub fn end_of_business_day(&self, now: Timestamp) -> Timestamp {
        let now = clamp_ms(to_ms(now));
        let mut cursor = Cursor::at(self, now);
        loop {
            if let Some((_, end)) = cursor.open().filter(|&(_, end)| end > now).last() {
                return from_ms(end);
            }
            if cursor.start >= LATEST_MS {
                return from_ms(LATEST_MS);
            }
            cursor.advance();
        }
    }

    /// When the calendar opens next, while it is closed at `now` (a weekend, a lunch break,
    /// a holiday); `None` while it is open.
    pub fn closed_until(&self, now: Timestamp) -> Option<Timestamp> {
        let now = clamp_ms(to_ms(now));
        let mut cursor = Cursor::at(self, now);
        loop {
            if let Some((start, _)) = cursor.open().find(|&(_, end)| end > now) {
                return (start > now).then(|| from_ms(start));
            }
            if cursor.start >= LATEST_MS {
                return None;
            }
            cursor.advance();
        }
    }

    /// Closed stretches between `from` and `to`, at most `limit` of them; the flag says whether
    /// more were left out.
    pub fn closed_periods(
        &self,
        from: Timestamp,
        to: Timestamp,
        limit: usize,
    ) -> (Vec<(Timestamp, Timestamp)>, bool) {
        let (from, to) = (clamp_ms(to_ms(from)), clamp_ms(to_ms(to)));
        let mut gaps = Vec::new();
        let mut closed_since = from;
        let mut cursor = Cursor::at(self, from);
        // A calendar open around the clock has no closed time in weeks without a holiday: skip those.
        let always_open = self.week_ms == WEEK_MS;
        loop {
            let holiday_free = || to.min(cursor.next_holiday().map_or(i64::MAX, |day| self.midnight(day)));
            let weeks = (always_open && cursor.start >= from)
                .then(|| cursor.whole_weeks(holiday_free(), i64::MAX))
                .flatten();
            if let Some((weeks, _)) = weeks {
                if cursor.start > closed_since {
                    gaps.push((closed_since, cursor.start));
                }
                cursor.skip_weeks(weeks);
                closed_since = cursor.start;
                continue;
            }
            for (start, end) in cursor.open().take_while(|&(start, _)| start < to) {
                if end > closed_since {
                    if start > closed_since {
                        gaps.push((closed_since, start));
                    }
                    closed_since = end;
                }
            }
            if cursor.end >= to || gaps.len() > limit {
                break;
            }
            cursor.advance();
        }
        if closed_since < to {
            gaps.push((closed_since, to));
        }
        let truncated = gaps.len() > limit;
        gaps.truncate(limit);
        (gaps.into_iter().map(|(start, end)| (from_ms(start), from_ms(end))).collect(), truncated)
    }

    pub(crate) fn between_ms(&self, from: i64, to: i64) -> i64 {
        let (from, to) = (clamp_ms(from), clamp_ms(to));
        if to <= from {
            return 0;
        }
        let mut total = 0;
        let mut cursor = Cursor::at(self, from);
        loop {
            if let Some((weeks, open)) =
                (cursor.start >= from).then(|| cursor.whole_weeks(to, i64::MAX)).flatten()
            {
                total += open;
                cursor.skip_weeks(weeks);
                continue;
            }
            for (start, end) in cursor.open() {
                total += (end.min(to) - start.max(from)).max(0);
            }
            if cursor.end >= to {
                return total;
            }
            cursor.advance();
        }
    }

    /// Business time from `from` to `to`, negative when `to` comes first.
    pub(crate) fn span_ms(&self, from: i64, to: i64) -> i64 {
        if from <= to {
            self.between_ms(from, to)
        } else {
            -self.between_ms(to, from)
        }
    }

    pub(crate) fn add_ms(&self, start: i64, budget: i64) -> i64 {
        if budget <= 0 {
            return start;
        }
        let given = start;
        let start = clamp_ms(start);
        let mut left = budget;
        let mut cursor = Cursor::at(self, start);
        loop {
            // Strictly less than the budget left, so the deadline cannot fall inside the skipped weeks.
            let weeks = (cursor.start >= start).then(|| cursor.whole_weeks(LATEST_MS, left - 1)).flatten();
            if let Some((weeks, open)) = weeks {
                left -= open;
                cursor.skip_weeks(weeks);
                continue;
            }
            if cursor.start >= LATEST_MS {
                // No later instant to name: the deadline is as late as can be, never before the start.
                return LATEST_MS.max(given);
            }
            for (open, close) in cursor.open() {
                let open = open.max(start);
                if close > open {
                    if close - open >= left {
                        return open + left;
                    }
                    left -= close - open;
                }
            }
            cursor.advance();
        }
    }

    /// Walks the tracked years once, a week at a time where it can.
    fn week_index(&self) -> &WeekIndex {
        self.week_index.get_or_init(|| {
            let mut cursor = Cursor::at(self, TRACKED_FROM_MS);
            while cursor.date.weekday() != Weekday::Mon {
                cursor.advance();
            }
            let first = cursor.date;
            let mut mondays = vec![(cursor.start, 0)];
            let mut total = 0;
            while cursor.start < TRACKED_UNTIL_MS {
                // A limit of one week keeps this from asking for the index it builds.
                match cursor.whole_weeks(cursor.start + WEEK_MS, i64::MAX) {
                    Some((weeks, open)) => {
                        total += open;
                        cursor.skip_weeks(weeks);
                    }
                    None => {
                        for _ in 0..7 {
                            total += cursor.open().map(|(start, end)| end - start).sum::<i64>();
                            cursor.advance();
                        }
                    }
                }
                mondays.push((cursor.start, total));
            }
            WeekIndex { first, mondays }
        })
    }

    fn is_holiday(&self, date: NaiveDate) -> bool {
        !self.holidays.is_empty() && self.holidays.binary_search(&date).is_ok()
    }

    fn local_date(&self, at: i64) -> NaiveDate {
        from_ms(at + self.tz.offset_ms(at)).date_naive()
    }

    /// The instant a wall-clock time names. In a DST gap that is the moment the clock jumps
    /// past it; when it occurs twice, the first for an opening and the second for a closing,
    /// so an open interval covers every instant whose wall time lies in it.
    fn wall_to_utc(&self, wall: NaiveDateTime, closing: bool) -> i64 {
        let wall_ms = to_ms(wall.and_utc());
        // The instants this wall time can name, from the offsets a day either side (no zone
        // changes its offset twice within two days); each must read back as this wall time.
        let [a, b] = [wall_ms - DAY_MS, wall_ms + DAY_MS].map(|near| wall_ms - self.tz.offset_ms(near));
        if a == b {
            // The same offset on both sides: no change near, one instant.
            return a;
        }
        let names = |at: i64| at + self.tz.offset_ms(at) == wall_ms;
        match (names(a.min(b)), names(a.max(b))) {
            (true, true) if closing => a.max(b),
            (true, _) => a.min(b),
            (false, true) => a.max(b),
            (false, false) => self.gap_end(wall_ms),
        }
    }

    /// First instant whose wall time reaches `wall_ms`; wall time only moves forward near a gap.
    fn gap_end(&self, wall_ms: i64) -> i64 {
        let reaches = |at: i64| at + self.tz.offset_ms(at) >= wall_ms;
        let (mut low, mut high) = (wall_ms - 27 * HOUR_MS, wall_ms + 27 * HOUR_MS);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if reaches(middle) {
                high = middle;
            } else {
                low = middle;
            }
        }
        high
    }

    fn midnight(&self, date: NaiveDate) -> i64 {
        self.wall_to_utc(date.and_hms_opt(0, 0, 0).expect("midnight exists"), false)
    }
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().expect("dates stay inside chrono's range")
}

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts the cursor's moves, so tests can prove the walks are bounded without timing them.
fn count_step() {
    #[cfg(test)]
    STEPS.with(|steps| steps.set(steps.get() + 1));
}

/// Cursor moves made on this thread so far.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn steps() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

/// Walks a calendar one local day at a time, with the day's bounds in UTC.
struct Cursor<'a> {
    calendar: &'a BusinessCalendar,
    date: NaiveDate,
    start: i64,
    end: i64,
}

impl<'a> Cursor<'a> {
    fn at(calendar: &'a BusinessCalendar, at: i64) -> Cursor<'a> {
        let date = calendar.local_date(at);
        Cursor { calendar, date, start: calendar.midnight(date), end: calendar.midnight(next_day(date)) }
    }

    fn advance(&mut self) {
        count_step();
        self.date = next_day(self.date);
        self.start = self.end;
        self.end = self.calendar.midnight(next_day(self.date));
    }

    /// The first holiday from this day on.
    fn next_holiday(&self) -> Option<NaiveDate> {
        let holidays = &self.calendar.holidays;
        holidays.get(holidays.partition_point(|&day| day < self.date)).copied()
    }

    /// Whole Monday-to-Monday weeks from here that can be counted without walking their days,
    /// ending by `limit` with at most `most` business time in them: how many, and that time.
    fn whole_weeks(&self, limit: i64, most: i64) -> Option<(i64, i64)> {
        if self.date.weekday() != Weekday::Mon {
            return None;
        }
        let calendar = self.calendar;
        let by_limit = (limit - self.start) / WEEK_MS;
        let by_most = most / calendar.week_ms;
        let before_holiday = self.next_holiday().map_or(i64::MAX, |day| (day - self.date).num_days() / 7);
        // Outside the tracked years every day is 24 hours: multiply, up to the next holiday.
        let steady_until = if self.start >= STEADY_FROM_MS { limit } else { STEADY_BEFORE_MS };
        let steady = by_limit.min(by_most).min(before_holiday).min((steady_until - self.start) / WEEK_MS);
        if steady > 0 {
            return Some((steady, steady * calendar.week_ms));
        }
        // A year or more inside them: look the weeks up.
        if by_limit.min(by_most) >= INDEXED_WEEKS {
            if let Some(found) = calendar.week_index().skip(self, limit, most) {
                return Some(found);
            }
        }
        // One week without a holiday or a change of offset (no zone changes it twice a week).
        let next_monday = self.date + chrono::Days::new(7);
        let plain = by_limit.min(by_most).min(before_holiday) >= 1
            && calendar.midnight(next_monday) - self.start == WEEK_MS;
        plain.then_some((1, calendar.week_ms))
    }

    /// Moves on by whole weeks.
    fn skip_weeks(&mut self, weeks: i64) {
        count_step();
        self.date = self.date + chrono::Days::new(7 * weeks as u64);
        self.start = self.calendar.midnight(self.date);
        self.end = self.calendar.midnight(next_day(self.date));
    }

    /// This day's open intervals in UTC, in order.
    fn open(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        let calendar = self.calendar;
        let spans: &[(i64, i64)] = if calendar.is_holiday(self.date) {
            &[]
        } else {
            &calendar.days[self.date.weekday().num_days_from_monday() as usize]
        };
        let midnight_wall = to_ms(self.date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
        // On a day without an offset change every wall time is one fixed shift from UTC.
        let shift = (self.end - self.start == DAY_MS).then_some(midnight_wall - self.start);
        spans.iter().map(move |&(open, close)| match shift {
            Some(shift) => (midnight_wall + open - shift, midnight_wall + close - shift),
            None => {
                let wall = |offset: i64| from_ms(midnight_wall + offset).naive_utc();
                (calendar.wall_to_utc(wall(open), false), calendar.wall_to_utc(wall(close), true))
            }
        })
    }
}

/// Business time positions over a fixed stretch, for many look-ups against one `now`.
#[derive(Clone, Debug)]
pub(crate) struct Window {
    from: i64,
    to: i64,
    /// Open intervals clipped to the window, each with the business time before it.
    open: Vec<(i64, i64, i64)>,
}

impl Window {
    pub(crate) fn new(calendar: &BusinessCalendar, from: i64, to: i64) -> Window {
        let (from, to) = (clamp_ms(from), clamp_ms(to));
        let mut open = Vec::new();
        let mut before = 0;
        let mut cursor = Cursor::at(calendar, from);
        loop {
            for (start, end) in cursor.open() {
                let (start, end) = (start.max(from), end.min(to));
                if end > start {
                    open.push((start, end, before));
                    before += end - start;
                }
            }
            if cursor.end >= to {
                return Window { from, to, open };
            }
            cursor.advance();
        }
    }

    pub(crate) fn start(&self) -> i64 {
        self.from
    }

    pub(crate) fn end(&self) -> i64 {
        self.to
    }

    pub(crate) fn contains(&self, at: i64) -> bool {
        self.from <= at && at <= self.to
    }

    /// Business time from the window's start to `at`, which must lie inside the window.
    pub(crate) fn position(&self, at: i64) -> i64 {
        let started = self.open.partition_point(|&(start, _, _)| start < at);
        match started.checked_sub(1).map(|index| self.open[index]) {
            Some((start, end, before)) => before + at.min(end) - start,
            None => 0,
        }
    }
}
