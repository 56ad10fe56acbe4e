//! Which cases the inbox shows, in which order, and how times read on screen.

use super::case::{Case, Status, Surface, Tier, Timestamp, Version};
use super::per_case::PerCase;
use super::sla::TargetState;
use crate::domain::sort;
use crate::i18n::{Message, Text};
use chrono::{Duration, FixedOffset};
use memchr::memmem::Finder;
use std::sync::Arc;

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

    pub fn text(self) -> crate::i18n::Text {
        match self {
            SlaFilter::Any => crate::i18n::Text::AnyChoice,
            SlaFilter::NeedsAttention => crate::i18n::Text::SlaNeedsAttention,
            SlaFilter::Only(state) => state.text(),
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
    /// as nothing running). The inbox calls [`InboxQuery::order`] and [`InboxQuery::filter`]
    /// itself, with cached search text, so that typing does not re-sort.
    pub fn select_with_sla(&self, cases: &[Case], sla: &[SlaKey]) -> Vec<usize> {
        let texts: Vec<String> =
            if self.needles().is_empty() { Vec::new() } else { cases.iter().map(search_text).collect() };
        self.filter(cases, &texts, sla, self.order(cases, sla))
    }

    /// Every case in display order, before any filter. For [`SortOrder::Score`] that is the
    /// order of `cases`: the caller ranks, since scores need the rules.
    pub fn order(&self, cases: &[Case], sla: &[SlaKey]) -> Vec<usize> {
        let key = |i: usize| sla.get(i).copied().unwrap_or_default();
        let mut order: Vec<usize> = (0..cases.len()).collect();
        match self.sort {
            SortOrder::Score => {}
            SortOrder::Newest => {
                sort::sort_by(&mut order, |&a, &b| cases[b].created_at.cmp(&cases[a].created_at))
            }
            SortOrder::Oldest => sort::sort_by_key(&mut order, |&i| cases[i].created_at),
            SortOrder::Tier => sort::sort_by(&mut order, |&a, &b| {
                cases[a].tier.cmp(&cases[b].tier).then(cases[a].created_at.cmp(&cases[b].created_at))
            }),
            SortOrder::SlaTimeLeft => sort::sort_by(&mut order, |&a, &b| {
                let left = |i: usize| key(i).time_left_ms.map_or((1, 0), |ms| (0, ms));
                left(a).cmp(&left(b)).then(cases[b].created_at.cmp(&cases[a].created_at))
            }),
        }
        order
    }

    /// The cases of `order` that the filters and the search let through, in that order.
    /// `texts[i]` is [`search_text`] of `cases[i]` (read only when there is a search).
    pub fn filter<T: AsRef<str>>(
        &self,
        cases: &[Case],
        texts: &[T],
        sla: &[SlaKey],
        order: impl IntoIterator<Item = usize>,
    ) -> Vec<usize> {
        let mut needles = self.needles();
        // The longest word is usually the rarest, so most cases fail on the first test.
        sort::sort_by_key(&mut needles, |needle| std::cmp::Reverse(needle.len()));
        // Built once per search, not per case; each scans for the needle's rarest byte first.
        let finders: Vec<Finder> = needles.iter().map(Finder::new).collect();
        order
            .into_iter()
            .filter(|&i| {
                let case = &cases[i];
                self.status.matches(case.status)
                    && self.tier.is_none_or(|tier| case.tier == tier)
                    && self.surface.is_none_or(|surface| case.surface == surface)
                    && self.sla.matches(sla.get(i).copied().unwrap_or_default().state)
                    && (finders.is_empty() || {
                        let text = texts[i].as_ref().as_bytes();
                        finders.iter().all(|finder| finder.find(text).is_some())
                    })
            })
            .collect()
    }

    /// Whether this query lets through only cases that `before` let through, in the same
    /// order: the same filters and sort, and every earlier search word inside one of the new
    /// ones (typing on). Then filtering `before`'s result gives the same answer as filtering
    /// every case, and each keystroke reads fewer cases than the last.
    pub fn narrows(&self, before: &InboxQuery) -> bool {
        let rest = |q: &InboxQuery| (q.status, q.tier, q.surface, q.sort, q.sla);
        let words = self.needles();
        rest(self) == rest(before)
            && before.needles().iter().all(|old| words.iter().any(|new| new.contains(old.as_str())))
    }

    /// The search words, lower-cased; every one must appear in the case's [`search_text`].
    fn needles(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .map(|word| word.chars().map(narrow).collect::<String>().to_lowercase())
            .collect()
    }
}

/// The fields a lead would search by, lower-cased, one per line (search words never hold a
/// line break, so no word matches across two fields).
pub fn search_text(case: &Case) -> String {
    let fields = [&case.title, &case.description, &case.customer, &case.category, &case.external_id];
    let mut text = String::with_capacity(fields.iter().map(|field| field.len() + 1).sum());
    for (n, field) in fields.into_iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        push_lowercase(&mut text, field);
    }
    text
}

/// Appends `text` lower-cased as [`str::to_lowercase`] would, but at copying speed for the
/// usual text of a desk: ASCII, Hangul and Han have no case beyond ASCII's. Other scripts take
/// the full Unicode path (where, for one, a final capital sigma lower-cases to ς).
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() || text.chars().all(|c| c.is_ascii() || is_caseless(c)) {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.chars().map(narrow).collect::<String>().to_lowercase());
    }
}

/// Full-width Latin letters, digits and punctuation as their ASCII forms, so a search for
/// PAY-502 finds ＰＡＹ－５０２ typed on a CJK keyboard, and the other way round.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Punctuation, CJK symbols, kana, Han, Hangul, and half-width forms: characters that
/// lower-case to themselves and that [`narrow`] leaves alone.
fn is_caseless(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{FF00}'
            | '\u{FF5F}'..='\u{FFEF}'
    )
}

/// [`search_text`] of every case, made again only for cases changed since the last refresh
/// (by [`Case::version`]), so a keystroke never lower-cases 50,000 descriptions.
#[derive(Default)]
pub struct SearchCache(PerCase<Version, Arc<str>>);

impl SearchCache {
    /// The search text of every case, in the order of `cases`; `order` changes whenever cases
    /// were added or moved.
    pub fn refresh(&mut self, cases: &[Case], order: u64) -> Vec<Arc<str>> {
        self.0.refresh(cases, order, Case::version, |case| Arc::from(search_text(case)))
    }
}

/// "4 m", "3 h", "2 d" (or "just now"): how long ago, short enough for a table cell.
pub fn age(since: Timestamp, now: Timestamp) -> Message {
    let age = now.signed_duration_since(since).max(Duration::zero());
    if age < Duration::minutes(1) {
        Text::AgeJustNow.into()
    } else if age < Duration::hours(1) {
        Message::new(Text::AgeMinutes).arg("n", age.num_minutes())
    } else if age < Duration::days(1) {
        Message::new(Text::AgeHours).arg("n", age.num_hours())
    } else {
        Message::new(Text::AgeDays).arg("n", age.num_days())
    }
}

/// [`age`] in English.
pub fn age_label(since: Timestamp, now: Timestamp) -> String {
    age(since, now).to_string()
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
    use crate::domain::case::{CaseDraft, CaseId, Field, FieldValue};
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
    fn search_reads_every_field_but_no_word_spans_two() {
        let mut list = cases();
        list[0].description = "Card declined".into();
        list[0].category = "Payments".into();
        list[0].external_id = "ZD-4411".into();
        let find = |text: &str| {
            InboxQuery { text: text.into(), status: StatusFilter::All, ..InboxQuery::default() }.select(&list)
        };
        assert_eq!(find("declined payMENTS zd-44"), vec![0]);
        // "fails" ends the title and "card" starts the description.
        assert!(find("failscard").is_empty());
    }

    #[test]
    fn cached_search_text_follows_edits_and_gives_the_same_answer() {
        let mut list = cases();
        let mut cache = SearchCache::default();
        let first = cache.refresh(&list, 0);
        let query = InboxQuery { text: "outage".into(), ..InboxQuery::default() };
        assert_eq!(query.filter(&list, &first, &[], query.order(&list, &[])), query.select(&list));
        list[0].set_field(Field::Title, FieldValue::Text("Checkout outage".into()), "Me", at(6)).unwrap();
        let second = cache.refresh(&list, 0);
        assert!(Arc::ptr_eq(&first[1], &second[1]), "an unchanged case keeps its text");
        assert_eq!(&*second[0], search_text(&list[0]));
        assert_eq!(query.filter(&list, &second, &[], query.order(&list, &[])), vec![0, 2]);
    }

    #[test]
    fn the_fast_lower_casing_agrees_with_unicode() {
        for c in ('\u{2000}'..='\u{FFEF}').filter(|&c| is_caseless(c)) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        assert!(!is_caseless('Ａ') && !is_caseless('，') && is_caseless('｡'));
        for text in ["Checkout FAILS — 결제 오류 發生", "ΟΔΟΣ Straße İstanbul", "ASCII only 42"]
        {
            let mut out = String::new();
            push_lowercase(&mut out, text);
            assert_eq!(out, text.to_lowercase());
        }
    }

    #[test]
    fn full_width_and_ascii_forms_find_each_other() {
        let mut list = cases();
        list[0].title = "결제 오류 ＰＡＹ－５０２".into();
        list[1].title = "Checkout fails with PAY-502".into();
        let find = |text: &str| {
            InboxQuery { text: text.into(), status: StatusFilter::All, ..InboxQuery::default() }.select(&list)
        };
        let mut both = find("pay-502");
        both.sort();
        assert_eq!(both, vec![0, 1]);
        let mut again = find("ＰＡＹ－５０２");
        again.sort();
        assert_eq!(again, vec![0, 1]);
    }

    #[test]
    fn typing_on_narrows_and_filtering_the_last_result_is_the_same() {
        let q = |text: &str| InboxQuery { text: text.into(), ..InboxQuery::default() };
        assert!(q("log").narrows(&q("lo")));
        assert!(q("login acme").narrows(&q("login")));
        assert!(q("acme login").narrows(&q("login ac")));
        assert!(q("login").narrows(&q("")));
        assert!(!q("lo").narrows(&q("log")), "deleting widens");
        assert!(!q("login").narrows(&q("login acme")));
        let other_tier = InboxQuery { tier: Some(Tier::Free), ..q("login") };
        assert!(!other_tier.narrows(&q("log")));
        let list = cases();
        let texts: Vec<String> = list.iter().map(search_text).collect();
        let before = q("c").select(&list);
        assert_eq!(q("checkout").filter(&list, &texts, &[], before), q("checkout").select(&list));
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
