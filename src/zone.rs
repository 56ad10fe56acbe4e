//! IANA time zones for business calendars: which zones exist, and a zone's offset from UTC at
//! an instant.
//!
//! In the browser this is the engine's own time-zone data, through `Intl.DateTimeFormat`:
//! chrono-tz's compiled tables were 240 KB of the wasm (22 KB brotli) for only 60 zones, and
//! the browser knows every zone and keeps its rules up to date. Native builds (tests,
//! benchmarks) use chrono-tz, built from the same IANA database.

use std::fmt;

/// Offsets are looked up only from 1970 until 2100; before, a zone keeps the offset it had at
/// the start of 1970, and from 2100 on the one it has then. No case is that old or that far
/// ahead, and it bounds the work a wrong date can cause: calendar arithmetic counts the steady
/// years outside this stretch by multiplication instead of walking them (and in the browser,
/// each week walked asks `Intl` for its offsets).
pub const TRACKED_FROM_MS: i64 = 0;
/// 2100-01-01T00:00:00Z.
pub const TRACKED_UNTIL_MS: i64 = 4_102_444_800_000;

/// A time zone by its IANA name, e.g. "Asia/Taipei".
#[derive(Clone, PartialEq)]
pub struct Zone {
    name: String,
    resolved: platform::Resolved,
}

impl Zone {
    /// The zone of that name, if this build (or browser) knows it.
    pub fn parse(name: &str) -> Option<Zone> {
        platform::resolve(name).map(|resolved| Zone { name: name.to_string(), resolved })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Milliseconds to add to the UTC instant `at` (milliseconds since 1970) to read the wall
    /// clock in this zone; outside the tracked years, the offset at their nearer edge.
    pub fn offset_ms(&self, at: i64) -> i64 {
        platform::offset_ms(&self.resolved, at.clamp(TRACKED_FROM_MS, TRACKED_UNTIL_MS))
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// The zones to suggest in the settings form: region/city names and UTC.
pub fn suggested_names() -> Vec<String> {
    const REGIONS: [&str; 6] = ["Africa/", "America/", "Asia/", "Australia/", "Europe/", "Pacific/"];
    let mut names: Vec<String> = platform::names()
        .into_iter()
        .filter(|name| REGIONS.iter().any(|region| name.starts_with(region)))
        .collect();
    names.sort_unstable();
    names.dedup();
    names.insert(0, "UTC".to_string());
    names
}

/// An offset as people write it next to a time: "UTC", "UTC+8", "UTC-3:30".
pub fn offset_label(offset_ms: i64) -> String {
    let minutes = offset_ms.div_euclid(60_000);
    let sign = if minutes < 0 { '-' } else { '+' };
    match (minutes.abs() / 60, minutes.abs() % 60) {
        (0, 0) => "UTC".to_string(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, minutes) => format!("UTC{sign}{hours}:{minutes:02}"),
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use chrono::{DateTime, Offset, TimeZone};
    use chrono_tz::Tz;

    pub type Resolved = Tz;

    pub fn resolve(name: &str) -> Option<Tz> {
        name.parse().ok()
    }

    pub fn offset_ms(tz: &Tz, at: i64) -> i64 {
        let utc =
            DateTime::from_timestamp_millis(at).expect("instants stay inside chrono's range").naive_utc();
        i64::from(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()) * 1000
    }

    pub fn names() -> Vec<String> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name().to_string()).collect()
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use crate::domain::fast_hash::FastMap;
    use chrono::NaiveDate;
    use js_sys::{Array, Date, Function, Intl, Object, Reflect};
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::{JsCast, JsValue};

    /// Offsets are measured a week at a time: no zone changes its offset twice in a week, and
    /// SLA clocks of cases years old walk thousands of days.
    const BLOCK_MS: i64 = 7 * 86_400_000;

    /// The zone's place in `FORMATS`.
    pub type Resolved = usize;

    /// A zone's offsets over one block of time: `before` until `change_at`, `after` from then on.
    #[derive(Clone, Copy)]
    struct Block {
        before: i64,
        after: i64,
        change_at: i64,
    }

    thread_local! {
        /// One formatter per zone in use, with the zone's name.
        static FORMATS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
        /// Offsets by zone and block: each crossing into JavaScript costs far more than a
        /// lookup.
        static BLOCKS: RefCell<FastMap<(usize, i64), Block>> = RefCell::new(FastMap::default());
        /// The block looked up last.
        static LAST: Cell<Option<((usize, i64), Block)>> = const { Cell::new(None) };
        /// The offset measured last at a block's end, by zone and instant: the next block
        /// starts there, and walking week by week measures each edge once instead of twice.
        static LAST_EDGE: Cell<Option<(usize, i64, i64)>> = const { Cell::new(None) };
    }

    pub fn resolve(name: &str) -> Option<usize> {
        if let Some(known) =
            FORMATS.with_borrow(|formats| formats.iter().position(|(known, _)| known == name))
        {
            return Some(known);
        }
        let format = formatter(name)?;
        Some(FORMATS.with_borrow_mut(|formats| {
            formats.push((name.to_string(), format));
            formats.len() - 1
        }))
    }

    /// A formatter giving the numeric wall time in `zone`; None when the browser refuses the
    /// zone (it throws a RangeError for names it does not know).
    fn formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
        if zone.is_empty() {
            return None;
        }
        let options = Object::new();
        let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).is_ok();
        let numeric =
            ["year", "month", "day", "hour", "minute", "second"].iter().all(|key| set(key, "numeric"));
        if !(numeric && set("hourCycle", "h23") && set("timeZone", zone)) {
            return None;
        }
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
        let arguments = Array::of2(&"en-US".into(), &options);
        Reflect::construct(&constructor, &arguments).ok().map(JsCast::unchecked_into)
    }

    pub fn offset_ms(zone: &usize, at: i64) -> i64 {
        let block = at.div_euclid(BLOCK_MS);
        // Clock arithmetic asks about the same block many times in a row.
        let known = match LAST.get() {
            Some((key, offsets)) if key == (*zone, block) => Some(offsets),
            _ => BLOCKS.with_borrow(|blocks| blocks.get(&(*zone, block)).copied()),
        };
        let offsets = known.unwrap_or_else(|| {
            let measured = measure_block(*zone, block * BLOCK_MS);
            BLOCKS.with_borrow_mut(|blocks| blocks.insert((*zone, block), measured));
            measured
        });
        LAST.set(Some(((*zone, block), offsets)));
        if at < offsets.change_at {
            offsets.before
        } else {
            offsets.after
        }
    }

    fn measure_block(zone: usize, start: i64) -> Block {
        let end = start + BLOCK_MS;
        let before = match LAST_EDGE.get() {
            Some((known, at, offset)) if (known, at) == (zone, start) => offset,
            _ => measure(zone, start),
        };
        let after = measure(zone, end);
        LAST_EDGE.set(Some((zone, end, after)));
        if before == after {
            return Block { before, after, change_at: i64::MAX };
        }
        // Offsets change on a whole second: find the first second with the new offset.
        let (mut low, mut high) = (start / 1000, end / 1000);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if measure(zone, middle * 1000) == before {
                low = middle;
            } else {
                high = middle;
            }
        }
        Block { before, after, change_at: high * 1000 }
    }

    /// The offset at a whole second, read from the zone's wall time at that instant.
    fn measure(zone: usize, at: i64) -> i64 {
        let parts = FORMATS.with_borrow(|formats| {
            formats[zone].1.format_to_parts(&Date::new(&JsValue::from_f64(at as f64)))
        });
        let mut fields = [0u32; 6];
        for part in parts.iter() {
            let text = |key: &str| Reflect::get(&part, &key.into()).ok().and_then(|value| value.as_string());
            let slot = match text("type").as_deref() {
                Some("year") => 0,
                Some("month") => 1,
                Some("day") => 2,
                Some("hour") => 3,
                Some("minute") => 4,
                Some("second") => 5,
                _ => continue,
            };
            fields[slot] = text("value").and_then(|value| value.parse().ok()).unwrap_or(0);
        }
        let [year, month, day, hour, minute, second] = fields;
        let wall = NaiveDate::from_ymd_opt(year as i32, month, day)
            .and_then(|date| date.and_hms_opt(hour, minute, second))
            .map_or(at, |wall| wall.and_utc().timestamp_millis());
        wall - at
    }

    pub fn names() -> Vec<String> {
        Intl::supported_values_of(Intl::SupportedValuesKey::TimeZone)
            .iter()
            .filter_map(|name| name.as_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_labelled_as_people_write_them() {
        let hours = |h: f64| (h * 3_600_000.0) as i64;
        assert_eq!(offset_label(0), "UTC");
        assert_eq!(offset_label(hours(8.0)), "UTC+8");
        assert_eq!(offset_label(hours(-3.5)), "UTC-3:30");
        assert_eq!(offset_label(hours(5.75)), "UTC+5:45");
    }
}
