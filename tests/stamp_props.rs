#![cfg(not(target_arch = "wasm32"))]
//! The fast reader of stored times agrees with chrono's parser on every input.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use triage_desk::domain::stamp;

proptest! {
    #[test]
    fn reads_every_time_the_app_writes_as_chrono_does(seconds in -62_000_000_000i64..250_000_000_000, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|ms| ms * 1_000_000)]) {
        let time = DateTime::<Utc>::from_timestamp(seconds, nanos).unwrap();
        let written = serde_json::to_string(&time).unwrap();
        let text = written.trim_matches('"');
        prop_assert_eq!(stamp::parse(text).ok(), Some(time));
    }

    #[test]
    fn agrees_with_chrono_on_anything_time_like(text in "[0-9+-]{0,2}[0-9]{2}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,11})?(Z|z|[+-][0-9]{2}:?[0-9]{2}|UTC)?") {
        prop_assert_eq!(stamp::parse(&text).ok(), text.parse::<DateTime<Utc>>().ok());
    }
}
