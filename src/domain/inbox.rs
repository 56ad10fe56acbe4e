//! Which cases the inbox shows, in which order, and how times read on screen.

use super::case::{Case, Status, Surface, Tier, Timestamp};
use chrono::{Duration, FixedOffset};

/// Which statuses the inbox lists: open work by default, finished work one click away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Open,
    Done,
    All,
    Only(Status),
}

impl StatusFilter {
    pub fn matches(self, status: Status) -> bool {
        match self {
            StatusFilter::Open => status.is_open(),
            StatusFilter::Done => !status.is_open(),
            StatusFilter::All => true,
            StatusFilter::Only(wanted) => status == wanted,
        }
    }

    /// Value for a select element, and back.
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Open => "open",
            StatusFilter::Done => "done",
            StatusFilter::All => "all",
            StatusFilter::Only(status) => status.key(),
        }
    }

    pub fn parse(key: &str) -> StatusFilter {
        match key {
            "done" => StatusFilter::Done,
            "all" => StatusFilter::All,
            other => Status::parse(other).map_or(StatusFilter::Open, StatusFilter::Only),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Most pressing first by triage score; the caller ranks, since scores need the rules.
    #[default]
    Score,
    Newest,
    Oldest,
    Tier,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct InboxQuery {
    pub text: String,
    pub status: StatusFilter,
    pub tier: Option<Tier>,
    pub surface: Option<Surface>,
    pub sort: SortOrder,
}

impl InboxQuery {
    /// Indices into `cases` of the cases to show, in display order.
    pub fn select(&self, cases: &[Case]) -> Vec<usize> {
        let needles: Vec<String> = self.text.split_whitespace().map(str::to_lowercase).collect();
        let mut shown: Vec<usize> = cases
            .iter()
            .enumerate()
            .filter(|(_, case)| {
                self.status.matches(case.status)
                    && self.tier.is_none_or(|tier| case.tier == tier)
                    && self.surface.is_none_or(|surface| case.surface == surface)
                    && (needles.is_empty() || matches_all(case, &needles))
            })
            .map(|(i, _)| i)
            .collect();
        match self.sort {
            SortOrder::Score => {}
            SortOrder::Newest => shown.sort_by(|&a, &b| cases[b].created_at.cmp(&cases[a].created_at)),
            SortOrder::Oldest => shown.sort_by_key(|&i| cases[i].created_at),
            SortOrder::Tier => shown.sort_by(|&a, &b| {
                cases[a].tier.cmp(&cases[b].tier).then(cases[a].created_at.cmp(&cases[b].created_at))
            }),
        }
        shown
    }
}

/// Every search word must appear in one of the fields a lead would search by.
fn matches_all(case: &Case, needles: &[String]) -> bool {
    let haystacks = [&case.title, &case.description, &case.customer, &case.category, &case.external_id];
    let lowered: Vec<String> = haystacks.iter().map(|text| text.to_lowercase()).collect();
    needles.iter().all(|needle| lowered.iter().any(|text| text.contains(needle.as_str())))
}

/// "4 m", "3 h", "2 d": how long ago, short enough for a table cell.
pub fn age_label(since: Timestamp, now: Timestamp) -> String {
    let age = now.signed_duration_since(since).max(Duration::zero());
    if age < Duration::minutes(1) {
        "just now".into()
    } else if age < Duration::hours(1) {
        format!("{} m", age.num_minutes())
    } else if age < Duration::days(1) {
        format!("{} h", age.num_hours())
    } else {
        format!("{} d", age.num_days())
    }
}

/// "5 m ago", or "just now", for sentences.
pub fn ago_label(since: Timestamp, now: Timestamp) -> String {
    match age_label(since, now) {
        fresh if fresh == "just now" => fresh,
        age => format!("{age} ago"),
    }
}

/// A timestamp in the viewer's local time, given the browser's UTC offset in minutes.
pub fn local_time_label(at: Timestamp, utc_offset_minutes: i32) -> String {
    let offset = FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or(FixedOffset::east_opt(0).unwrap());
    at.with_timezone(&offset).format("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, CaseId};
    use chrono::{TimeZone, Utc};

    fn at(hour: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, hour, 0, 0).unwrap()
    }

    fn cases() -> Vec<Case> {
        let make = |id: &str, title: &str, tier: Tier, hour: u32| {
            let draft =
                CaseDraft { title: title.into(), tier, customer: "Acme".into(), ..CaseDraft::default() };
            Case::create(CaseId(id.into()), draft, "Me", at(hour))
        };
        let mut done = make("d", "Refund stuck", Tier::Free, 1);
        done.set_status(Status::Resolved, "Me", at(2));
        vec![
            make("a", "Checkout fails", Tier::Standard, 3),
            make("b", "결제 오류 발생", Tier::Enterprise, 5),
            make("c", "Login outage", Tier::Premium, 4),
            done,
        ]
    }

    #[test]
    fn open_cases_newest_first() {
        let query = InboxQuery { sort: SortOrder::Newest, ..InboxQuery::default() };
        assert_eq!(query.select(&cases()), vec![1, 2, 0]);
        let by_score = InboxQuery::default();
        assert_eq!(by_score.select(&cases()), vec![0, 1, 2], "score order is left to the caller");
    }

    #[test]
    fn finished_cases_are_one_filter_away() {
        let query = InboxQuery { status: StatusFilter::Done, ..InboxQuery::default() };
        assert_eq!(query.select(&cases()), vec![3]);
        let all = InboxQuery { status: StatusFilter::All, sort: SortOrder::Oldest, ..InboxQuery::default() };
        assert_eq!(all.select(&cases()), vec![3, 0, 2, 1]);
    }

    #[test]
    fn search_matches_every_word_case_insensitively_in_any_language() {
        let query =
            InboxQuery { text: "LOGIN acme".into(), sort: SortOrder::Newest, ..InboxQuery::default() };
        assert_eq!(query.select(&cases()), vec![2]);
        let korean = InboxQuery { text: "결제".into(), sort: SortOrder::Newest, ..InboxQuery::default() };
        assert_eq!(korean.select(&cases()), vec![1]);
    }

    #[test]
    fn tier_and_surface_filters_and_tier_sort() {
        let query = InboxQuery { tier: Some(Tier::Premium), ..InboxQuery::default() };
        assert_eq!(query.select(&cases()), vec![2]);
        let sorted = InboxQuery { sort: SortOrder::Tier, ..InboxQuery::default() };
        assert_eq!(sorted.select(&cases()), vec![1, 2, 0]);
        let api = InboxQuery { surface: Some(Surface::Api), ..InboxQuery::default() };
        assert!(api.select(&cases()).is_empty());
    }

    #[test]
    fn status_filter_keys_round_trip() {
        for filter in
            [StatusFilter::Open, StatusFilter::Done, StatusFilter::All, StatusFilter::Only(Status::Triaged)]
        {
            assert_eq!(StatusFilter::parse(filter.key()), filter);
        }
    }

    #[test]
    fn labels() {
        assert_eq!(age_label(at(1), at(1)), "just now");
        assert_eq!(ago_label(at(1), at(1)), "just now");
        assert_eq!(ago_label(at(1), at(3)), "2 h ago");
        assert_eq!(age_label(at(1), at(4)), "3 h");
        assert_eq!(age_label(at(0), at(0) + Duration::days(2)), "2 d");
        assert_eq!(local_time_label(at(1), 540), "2026-11-02 10:00");
    }
}
