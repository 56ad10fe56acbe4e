//! The desk's KPIs for a period, computed from the cases' timelines: volumes, response and
//! resolution times (medians and 90th percentiles, never averages: support data is skewed),
//! SLA achievement, backlog, waiting time, reopens, one-touch resolution, satisfaction and
//! incidents. Each figure's definition is in `docs/kpi.md`; times are calendar time.

mod life;
mod pass;
mod period;
mod prompts;
pub mod series;

pub use life::Life;
pub use pass::{Figures, Pass};
pub use period::{local_date, start_of_day, Period, Preset};
pub use prompts::Prompt;

use crate::domain::case::{Case, CaseId, Rating, Surface, Tier, Timestamp};
use crate::domain::incident::cadence::Impact;
use crate::domain::incident::{radius_of, Incident, IncidentEvent, IncidentStatus};
use crate::domain::sla::{CaseClocks, Compliance, Tally};
use crate::domain::sort;
use chrono::TimeDelta;

/// Cases a backlog counts as old after this long open.
pub const OLD_BACKLOG: TimeDelta = TimeDelta::hours(72);

/// Which cases count: all, or one tier, category or surface.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub tier: Option<Tier>,
    /// Compared without regard to case or surrounding spaces.
    pub category: Option<String>,
    pub surface: Option<Surface>,
}

impl Filters {
    pub fn matches(&self, case: &Case) -> bool {
        self.tier.is_none_or(|tier| case.tier == tier)
            && self.surface.is_none_or(|surface| case.surface == surface)
            && self.category.as_deref().is_none_or(|c| case.category.trim().eq_ignore_ascii_case(c.trim()))
    }
}

/// The middle and the 90th percentile of some durations, in minutes; `None` without data.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Spread {
    pub median: Option<f64>,
    pub p90: Option<f64>,
    pub count: usize,
}

impl Spread {
    /// The median is the middle value (the mean of the two middle ones for an even count);
    /// the 90th percentile is the nearest rank: the smallest value at least 90 % of the
    /// values do not exceed. Found by selection rather than sorting: it is worked out for
    /// up to 50,000 values at once.
    pub fn of(mut minutes: Vec<f64>) -> Spread {
        let n = minutes.len();
        if n == 0 {
            return Spread::default();
        }
        let order = |a: &f64, b: &f64| a.total_cmp(b);
        let rank = (n * 9).div_ceil(10).max(1);
        let p90 = *minutes.select_nth_unstable_by(rank - 1, order).1;
        let (below, upper, _) = minutes.select_nth_unstable_by(n / 2, order);
        let upper = *upper;
        // Everything below the middle place is no larger: its largest is the other middle value.
        let median = match below.iter().copied().max_by(order) {
            Some(lower) if n.is_multiple_of(2) => (lower + upper) / 2.0,
            _ => upper,
        };
        Spread { median: Some(median), p90: Some(p90), count: n }
    }
}

fn minutes(delta: TimeDelta) -> f64 {
    delta.num_milliseconds() as f64 / 60_000.0
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Where the resolution time of the cases resolved in a period went, as shares of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TimeShares {
    pub working: f64,
    pub waiting_on_customer: f64,
    pub waiting_on_engineering: f64,
}

/// Every KPI of one period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    pub period: Period,
    pub cases_created: usize,
    /// Resolved (or closed) in the period and not open again since, whenever created.
    pub cases_resolved: usize,
    /// Created to first customer contact, over cases created in the period that have one.
    pub first_response: Spread,
    /// Created to the last resolution, over the cases resolved in the period.
    pub resolution: Spread,
    /// SLA targets settled in the period, per tier and target.
    pub sla: Compliance,
    pub backlog_open: usize,
    pub backlog_older_than_72h: usize,
    pub waiting_on_customer: Spread,
    pub waiting_on_engineering: Spread,
    pub time_shares: Option<TimeShares>,
    pub reopen_percent: Option<f64>,
    pub one_touch_percent: Option<f64>,
    pub csat_percent: Option<f64>,
    pub csat_rated: usize,
    /// Incidents started in the period.
    pub incidents: usize,
    /// Started to resolved, over incidents resolved in the period.
    pub incident_duration: Spread,
    pub incident_customers: usize,
    pub incident_people: u64,
}

impl Metrics {
    /// Targets met out of those settled, all tiers and targets.
    pub fn sla_overall(&self) -> Tally {
        Tier::ALL.iter().fold(Tally::default(), |sum, &tier| {
            let t = self.sla.tier(tier);
            Tally { met: sum.met + t.met, breached: sum.breached + t.breached }
        })
    }

    /// The figures by their metric key, in the order of the metrics export.
    pub fn rows(&self) -> Vec<(&'static str, Option<f64>)> {
        let count = |n: usize| Some(n as f64);
        let sla = self.sla_overall();
        vec![
            ("cases_created", count(self.cases_created)),
            ("cases_resolved", count(self.cases_resolved)),
            ("first_response_median_minutes", self.first_response.median),
            ("first_response_p90_minutes", self.first_response.p90),
            ("resolution_median_minutes", self.resolution.median),
            ("resolution_p90_minutes", self.resolution.p90),
            ("sla_achievement_percent", percent(sla.met, sla.total())),
            ("backlog_open", count(self.backlog_open)),
            ("backlog_older_than_72h", count(self.backlog_older_than_72h)),
            ("waiting_on_customer_median_minutes", self.waiting_on_customer.median),
            ("waiting_on_engineering_median_minutes", self.waiting_on_engineering.median),
            ("reopen_percent", self.reopen_percent),
            ("one_touch_percent", self.one_touch_percent),
            ("csat_percent", self.csat_percent),
            ("incidents", count(self.incidents)),
            ("incident_median_minutes", self.incident_duration.median),
            ("incident_customers_affected", count(self.incident_customers)),
            ("incident_people_affected", Some(self.incident_people as f64)),
        ]
    }

    /// The metrics export: `metric,value,period_from,period_to`, one row per metric key,
    /// times in UTC (RFC 3339), values rounded to two decimals and blank where there is no data.
    pub fn to_csv(&self) -> String {
        let stamp = |at: Timestamp| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let (from, to) = (stamp(self.period.from), stamp(self.period.to));
        let mut out = String::from("metric,value,period_from,period_to\r\n");
        for (key, value) in self.rows() {
            let value = value.map(format_value).unwrap_or_default();
            out.push_str(&format!("{key},{value},{from},{to}\r\n"));
        }
        out
    }
}

/// A number as a spreadsheet reads it: whole numbers bare, others to two decimals.
fn format_value(value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
    }
}

/// The KPIs of one period, counted a case at a time so the page can count in slices.
pub(super) struct MetricsPass {
    m: Metrics,
    now: Timestamp,
    /// The instant the backlog is read at: the last of the period (or now).
    end: Timestamp,
    /// Cases open since before this are old at `end`.
    old_before: Timestamp,
    first_response: Vec<f64>,
    resolution: Vec<f64>,
    on_customer: Vec<f64>,
    on_engineering: Vec<f64>,
    total: f64,
    customer_total: f64,
    engineering_total: f64,
    reopened: usize,
    one_touch: usize,
    good: usize,
}

impl MetricsPass {
    pub(super) fn new(period: Period, now: Timestamp) -> MetricsPass {
        let end = period.to.min(now) - TimeDelta::milliseconds(1);
        MetricsPass {
            m: Metrics { period, ..Metrics::default() },
            now,
            end,
            old_before: end - OLD_BACKLOG,
            first_response: Vec::new(),
            resolution: Vec::new(),
            on_customer: Vec::new(),
            on_engineering: Vec::new(),
            total: 0.0,
            customer_total: 0.0,
            engineering_total: 0.0,
            reopened: 0,
            one_touch: 0,
            good: 0,
        }
    }

    /// Counts one case the filters let through; returns since when it was open at the
    /// period's end, if it was.
    pub(super) fn add(&mut self, case: &Case, life: &Life, clocks: Option<&CaseClocks>) -> Option<Timestamp> {
        let period = self.m.period;
        let m = &mut self.m;
        if let Some(clocks) = clocks {
            m.sla.count(clocks, period.from, period.to, self.now);
        }
        if period.contains(case.created_at) {
            m.cases_created += 1;
            if let Some(at) = case.first_response_at.filter(|&at| at >= case.created_at) {
                self.first_response.push(minutes(at - case.created_at));
            }
        }
        let open_since = life.open_since(self.end);
        if let Some(since) = open_since {
            m.backlog_open += 1;
            m.backlog_older_than_72h += usize::from(since < self.old_before);
        }
        let Some(resolved) = life.resolved_at().filter(|&at| period.contains(at)) else { return open_since };
        m.cases_resolved += 1;
        let took = minutes(resolved - case.created_at);
        let (customer, engineering) =
            (minutes(life.waiting_on_customer), minutes(life.waiting_on_engineering));
        self.resolution.push(took);
        self.on_customer.push(customer);
        self.on_engineering.push(engineering);
        self.total += took;
        self.customer_total += customer;
        self.engineering_total += engineering;
        self.reopened += usize::from(life.reopened);
        self.one_touch += usize::from(!life.reopened && life.contacts <= 1);
        if let Some(satisfaction) = &case.satisfaction {
            m.csat_rated += 1;
            self.good += usize::from(satisfaction.rating == Rating::Good);
        }
        open_since
    }

    /// The figures, with the incidents started in the period (those reaching a case the
    /// filters let through, found by `find`) listed.
    pub(super) fn finish<'a>(
        self,
        incidents: &[Incident],
        filters: &Filters,
        find: impl Fn(&CaseId) -> Option<&'a Case>,
    ) -> (Metrics, Vec<IncidentRow>) {
        let mut m = self.m;
        m.first_response = Spread::of(self.first_response);
        m.resolution = Spread::of(self.resolution);
        m.waiting_on_customer = Spread::of(self.on_customer);
        m.waiting_on_engineering = Spread::of(self.on_engineering);
        let total = self.total;
        m.time_shares = (total > 0.0).then(|| TimeShares {
            working: (total - self.customer_total - self.engineering_total).max(0.0) / total,
            waiting_on_customer: self.customer_total / total,
            waiting_on_engineering: self.engineering_total / total,
        });
        m.reopen_percent = percent(self.reopened, m.cases_resolved);
        m.one_touch_percent = percent(self.one_touch, m.cases_resolved);
        m.csat_percent = percent(self.good, m.csat_rated);
        let rows = incident_metrics(&mut m, incidents, filters, self.now, find);
        (m, rows)
    }
}

/// An incident of the period as the report lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    pub id: String,
    pub title: String,
    pub impact: Impact,
    /// Started to resolved, or to now while it is open.
    pub duration: TimeDelta,
    pub open: bool,
    /// Distinct customers of its cases, and the sum of their "customers affected".
    pub customers: usize,
    pub people: u64,
}

/// Incidents started in the period (those reaching a case the filters let through), their
/// durations, and the customers and people their cases reach; the rows most severe first.
fn incident_metrics<'a>(
    m: &mut Metrics,
    incidents: &[Incident],
    filters: &Filters,
    now: Timestamp,
    find: impl Fn(&CaseId) -> Option<&'a Case>,
) -> Vec<IncidentRow> {
    let mut customers = std::collections::BTreeSet::new();
    let mut durations = Vec::new();
    let mut rows = Vec::new();
    let filtered = *filters != Filters::default();
    for incident in incidents {
        let cases: Vec<&Case> =
            incident.cases.iter().filter_map(&find).filter(|case| filters.matches(case)).collect();
        if filtered && cases.is_empty() {
            continue;
        }
        let resolved = resolved_at(incident).filter(|&at| at <= now);
        if let Some(resolved) = resolved.filter(|&at| m.period.contains(at)) {
            durations.push(minutes(resolved - incident.created_at));
        }
        if !m.period.contains(incident.created_at) {
            continue;
        }
        m.incidents += 1;
        let radius = radius_of(cases);
        m.incident_people += radius.customers_affected;
        rows.push(IncidentRow {
            id: incident.id.clone(),
            title: incident.title.clone(),
            impact: incident.impact,
            duration: resolved.unwrap_or(now) - incident.created_at,
            open: resolved.is_none(),
            customers: radius.customers.len(),
            people: radius.customers_affected,
        });
        customers.extend(radius.customers);
    }
    m.incident_customers = customers.len();
    m.incident_duration = Spread::of(durations);
    sort::sort_by(&mut rows, |a, b| b.impact.cmp(&a.impact).then(b.people.cmp(&a.people)));
    rows
}

/// When a resolved incident was last moved to Resolved.
fn resolved_at(incident: &Incident) -> Option<Timestamp> {
    if incident.status.is_open() {
        return None;
    }
    incident.timeline.iter().rev().find_map(|entry| match entry.event {
        IncidentEvent::StatusChanged { to: IncidentStatus::Resolved, .. } => Some(entry.at),
        _ => None,
    })
}

/// Whether a rise of a KPI is good news, bad news, or neither (a volume).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    Neither,
}

impl Better {
    fn of(key: &str) -> Better {
        match key {
            "cases_resolved" | "sla_achievement_percent" | "one_touch_percent" | "csat_percent" => {
                Better::Higher
            }
            "cases_created" | "incidents" | "incident_customers_affected" | "incident_people_affected" => {
                Better::Neither
            }
            _ => Better::Lower,
        }
    }
}

/// One KPI now beside the period before, for "up 12 % from 30 days before".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub key: &'static str,
    pub now: Option<f64>,
    pub before: Option<f64>,
    pub better: Better,
}

impl Change {
    /// The difference, when both periods have the figure.
    pub fn delta(&self) -> Option<f64> {
        Some(self.now? - self.before?)
    }

    /// Better or worse; `None` when unchanged, unknown, or neither (a volume).
    pub fn improved(&self) -> Option<bool> {
        let delta = self.delta()?;
        match self.better {
            _ if delta.abs() < 1e-9 => None,
            Better::Higher => Some(delta > 0.0),
            Better::Lower => Some(delta < 0.0),
            Better::Neither => None,
        }
    }
}

/// Each KPI of `now` beside `before` (the same length of time just before).
pub fn changes(now: &Metrics, before: &Metrics) -> Vec<Change> {
    now.rows()
        .into_iter()
        .zip(before.rows())
        .map(|((key, value), (_, was))| Change { key, now: value, before: was, better: Better::of(key) })
        .collect()
}

#[cfg(test)]
mod tests;
