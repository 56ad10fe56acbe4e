//! Which cases the inbox shows, in which order, and how times read on screen.

use super::case::{Case, Status, Surface, Tier, Timestamp};
use super::sla::TargetState;
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
    /// Least SLA time left first; cases with nothing counting last, newest first.
    SlaTimeLeft,
}

/// Which SLA state the inbox lists, by each case's worst running target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SlaFilter {
    #[default]
    Any,
    Only(TargetState),
    /// Cases where some target is At risk or Breached.
    NeedsAttention,
}

impl SlaFilter {
    pub const CHOICES: [SlaFilter; 6] = [
        SlaFilter::Any,
        SlaFilter::NeedsAttention,
        SlaFilter::Only(TargetState::Breached),
        SlaFilter::Only(TargetState::AtRisk),
        SlaFilter::Only(TargetState::OnTrack),
        SlaFilter::Only(TargetState::Paused),
    ];

    pub fn matches(self, state: Option<TargetState>) -> bool {
        match self {
            SlaFilter::Any => true,
            SlaFilter::Only(wanted) => state == Some(wanted),
            SlaFilter::NeedsAttention => matches!(state, Some(TargetState::AtRisk | TargetState::Breached)),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SlaFilter::Any => "any",
            SlaFilter::NeedsAttention => "attention",
            SlaFilter::Only(TargetState::Breached) => "breached",
            SlaFilter::Only(TargetState::AtRisk) => "at_risk",
            SlaFilter::Only(TargetState::OnTrack) => "on_track",
            SlaFilter::Only(TargetState::Paused) => "paused",
            SlaFilter::Only(TargetState::Met) => "met",
            SlaFilter::Only(TargetState::NotApplicable) => "none",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SlaFilter::Any => "Any",
            SlaFilter::NeedsAttention => "At risk or breached",
            SlaFilter::Only(state) => state.label(),
        }
    }

    pub fn parse(key: &str) -> SlaFilter {
        SlaFilter::CHOICES.into_iter().find(|choice| choice.key() == key).unwrap_or_default()
    }
}

/// A case's SLA as the inbox sorts and filters by it, computed by the caller for one `now`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SlaKey {
    /// Business time left on the most urgent counting target, in milliseconds; negative once
    /// breached, `None` when nothing is counting.
    pub time_left_ms: Option<i64>,
    /// The worst state among the running targets.
    pub state: Option<TargetState>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct InboxQuery {
    pub text: String,
    pub status: StatusFilter,
    pub tier: Option<Tier>,
    pub surface: Option<Surface>,
    pub sort: SortOrder,
    pub sla: SlaFilter,
}

impl InboxQuery {
    /// Indices into `cases` of the cases to show, in display order, without SLA information.
    pub fn select(&self, cases: &[Case]) -> Vec<usize> {
        self.select_with_sla(cases, &[])
    }

    /// Whether the result depends on the SLA keys (and so changes as time passes).
    pub fn uses_sla(&self) -> bool {
        self.sort == SortOrder::SlaTimeLeft || self.sla != SlaFilter::Any
    }

    /// Like [`InboxQuery::select`]; `sla[i]` is the SLA key of `cases[i]` (missing keys count
    /// as nothing running).
    pub fn select_with_sla(&self, cases: &[Case], sla: &[SlaKey]) -> Vec<usize> {
        let key = |i: usize| sla.get(i).copied().unwrap_or_default();
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
            .filter(|&(i, _)| self.sla.matches(key(i).state))
            .map(|(i, _)| i)
            .collect();
        match self.sort {
            SortOrder::Score => {}
            SortOrder::Newest => shown.sort_by(|&a, &b| cases[b].created_at.cmp(&cases[a].created_at)),
            SortOrder::Oldest => shown.sort_by_key(|&i| cases[i].created_at),
            SortOrder::Tier => shown.sort_by(|&a, &b| {
                cases[a].tier.cmp(&cases[b].tier).then(cases[a].created_at.cmp(&cases[b].created_at))
            }),
            SortOrder::SlaTimeLeft => shown.sort_by(|&a, &b| {
                let left = |i: usize| key(i).time_left_ms.map_or((1, 0), |ms| (0, ms));
                left(a).cmp(&left(b)).then(cases[b].created_at.cmp(&cases[a].created_at))
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
    fn sla_sort_puts_least_time_left_first_and_nothing_running_last() {
        let keys = [
            SlaKey { time_left_ms: Some(90_000), state: Some(TargetState::OnTrack) },
            SlaKey { time_left_ms: None, state: Some(TargetState::Paused) },
            SlaKey { time_left_ms: Some(-5_000), state: Some(TargetState::Breached) },
            SlaKey::default(),
        ];
        let query = InboxQuery { sort: SortOrder::SlaTimeLeft, ..InboxQuery::default() };
        assert!(query.uses_sla());
        assert_eq!(query.select_with_sla(&cases(), &keys), vec![2, 0, 1]);
        // Without keys nothing is running: newest first.
        assert_eq!(query.select(&cases()), vec![1, 2, 0]);
    }

    #[test]
    fn sla_filter_by_worst_state() {
        let keys = [
            SlaKey { time_left_ms: Some(60_000), state: Some(TargetState::AtRisk) },
            SlaKey { time_left_ms: Some(-1), state: Some(TargetState::Breached) },
            SlaKey { time_left_ms: Some(9_000_000), state: Some(TargetState::OnTrack) },
            SlaKey::default(),
        ];
        let only = |filter| {
            InboxQuery { sla: filter, sort: SortOrder::Newest, ..InboxQuery::default() }
                .select_with_sla(&cases(), &keys)
        };
        assert_eq!(only(SlaFilter::Only(TargetState::Breached)), vec![1]);
        assert_eq!(only(SlaFilter::NeedsAttention), vec![1, 0]);
        assert_eq!(only(SlaFilter::Only(TargetState::OnTrack)), vec![2]);
        assert_eq!(only(SlaFilter::Any), vec![1, 2, 0]);
        assert!(!InboxQuery::default().uses_sla());
        for filter in SlaFilter::CHOICES {
            assert_eq!(SlaFilter::parse(filter.key()), filter);
        }
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
