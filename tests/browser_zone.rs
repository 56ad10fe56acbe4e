//! Time zones as the browser build reads them, from the engine's Intl data, in headless
//! Chromium: `scripts/test.sh` runs it. The expected instants are the IANA rules' own, so the
//! same examples hold natively with chrono-tz (tests/sla_examples.rs).
#![cfg(target_arch = "wasm32")]

use chrono::{TimeDelta, TimeZone, Utc, Weekday};
use triage_desk::domain::case::Timestamp;
use triage_desk::domain::sla::{time_zone_names, Calendar, ClockTime, WeekSchedule, WorkInterval};
use triage_desk::zone::Zone;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn utc(mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, mo, d, h, mi, s).unwrap()
}

fn offset_hours(zone: &Zone, at: Timestamp) -> f64 {
    zone.offset_ms(at.timestamp_millis()) as f64 / 3_600_000.0
}

#[wasm_bindgen_test]
fn offsets_follow_each_zones_rules_to_the_second() {
    let la = Zone::parse("America/Los_Angeles").unwrap();
    assert_eq!(offset_hours(&la, utc(3, 8, 9, 59, 59)), -8.0, "PST until 02:00 local");
    assert_eq!(offset_hours(&la, utc(3, 8, 10, 0, 0)), -7.0, "PDT from then");
    assert_eq!(offset_hours(&la, utc(11, 1, 8, 59, 59)), -7.0);
    assert_eq!(offset_hours(&la, utc(11, 1, 9, 0, 0)), -8.0);
    let london = Zone::parse("Europe/London").unwrap();
    assert_eq!(offset_hours(&london, utc(3, 29, 0, 59, 59)), 0.0);
    assert_eq!(offset_hours(&london, utc(3, 29, 1, 0, 0)), 1.0);
    assert_eq!(offset_hours(&Zone::parse("Asia/Taipei").unwrap(), utc(7, 1, 0, 0, 0)), 8.0);
    assert_eq!(offset_hours(&Zone::parse("Asia/Kathmandu").unwrap(), utc(7, 1, 0, 0, 0)), 5.75);
    assert_eq!(offset_hours(&Zone::parse("UTC").unwrap(), utc(7, 1, 0, 0, 0)), 0.0);
    // Legacy aliases still name their zone.
    assert_eq!(offset_hours(&Zone::parse("US/Pacific").unwrap(), utc(1, 1, 0, 0, 0)), -8.0);
}

#[wasm_bindgen_test]
fn unknown_names_are_refused_without_a_panic() {
    for name in ["Mars/Olympus", "", "Asia/", "<b>Asia/Taipei</b>"] {
        assert!(Zone::parse(name).is_none(), "{name:?}");
    }
}

#[wasm_bindgen_test]
fn the_settings_form_suggests_the_zones_the_browser_knows() {
    let names = time_zone_names();
    for zone in ["UTC", "America/New_York", "Asia/Taipei", "Asia/Seoul", "Europe/London"] {
        assert!(names.iter().any(|name| name == zone), "{zone} is offered");
    }
    assert!(!names.iter().any(|name| name == "US/Eastern"), "legacy aliases are not suggested");
    assert!(names.len() > 300, "{} zones", names.len());
    // Chromium lists some zones by their older names (Asia/Katmandu); both names work.
    assert!(names.iter().all(|name| Zone::parse(name).is_some()));
}

#[wasm_bindgen_test]
fn business_time_counts_real_hours_across_dst_changes() {
    let hours =
        |open, close| WorkInterval::new(ClockTime::new(open, 0).unwrap(), ClockTime::new(close, 0).unwrap());
    let every_day =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
    let calendar = |days: &[Weekday], interval| Calendar {
        name: "LA".into(),
        time_zone: "America/Los_Angeles".into(),
        week: WeekSchedule::on(days, &[interval]),
        holidays: Vec::new(),
    };
    let around_the_clock = calendar(&every_day, hours(0, 24)).compile().unwrap();
    // Local midnights: 8 March 00:00 PST is 08:00 UTC, 9 March 00:00 PDT is 07:00 UTC.
    assert_eq!(around_the_clock.between(utc(3, 8, 8, 0, 0), utc(3, 9, 7, 0, 0)), TimeDelta::hours(23));
    assert_eq!(around_the_clock.between(utc(11, 1, 7, 0, 0), utc(11, 2, 8, 0, 0)), TimeDelta::hours(25));
    // 01:00-04:00 on the autumn Sunday holds 01:00-02:00 twice.
    let sunday_night = calendar(&[Weekday::Sun], hours(1, 4)).compile().unwrap();
    assert_eq!(sunday_night.between(utc(11, 1, 7, 0, 0), utc(11, 2, 6, 0, 0)), TimeDelta::hours(4));
    assert_eq!(sunday_night.between(utc(3, 8, 8, 0, 0), utc(3, 9, 6, 0, 0)), TimeDelta::hours(2));
    // An opening inside the spring gap opens when 03:00 PDT begins.
    let gap_opening = calendar(&[Weekday::Sun], hours(2, 5)).compile().unwrap();
    assert_eq!(gap_opening.add(utc(3, 8, 8, 0, 0), TimeDelta::minutes(1)), utc(3, 8, 10, 1, 0));
}
