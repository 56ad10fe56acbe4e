//! The desk's KPIs for a period, computed from the cases' timelines: volumes, response and
//! resolution times (medians and 90th percentiles, never averages: support data is skewed),
//! SLA achievement, backlog, waiting time, reopens, one-touch resolution, satisfaction and
//! incidents. Each figure's definition is in `docs/kpi.md`; times are calendar time.

mod life;
mod period;
mod prompts;
pub mod series;

pub use life::Life;
pub use period::{local_date, start_of_day, Period, Preset};
pub use prompts::{prompts, Prompt};

use crate::domain::case::{Case, Rating, Surface, Tier, Timestamp};
use crate::domain::incident::{radius_of, Incident, IncidentEvent, IncidentStatus};
use crate::domain::sla::{compliance, CaseClocks, Compliance, Tally};
use crate::domain::sort;
use chrono::TimeDelta;
use std::borrow::Borrow;
use std::collections::HashMap;

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
    /// values do not exceed.
    pub fn of(mut minutes: Vec<f64>) -> Spread {
        sort::sort_by(&mut minutes, |a, b| a.total_cmp(b));
        let n = minutes.len();
        if n == 0 {
            return Spread::default();
        }
        let median = if n % 2 == 1 { minutes[n / 2] } else { (minutes[n / 2 - 1] + minutes[n / 2]) / 2.0 };
        let rank = (n * 9).div_ceil(10).max(1);
        Spread { median: Some(median), p90: Some(minutes[rank - 1]), count: n }
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

/// Everything the KPIs read: the cases with their lives and SLA clocks (both aligned with
/// the cases, as the page keeps its clocks) and the incidents.
pub struct Inputs<'a, C, L> {
    pub cases: &'a [Case],
    pub lives: &'a [L],
    pub clocks: &'a [C],
    pub incidents: &'a [Incident],
}

/// Every case's life, aligned with `cases`.
pub fn lives(cases: &[Case]) -> Vec<Life> {
    cases.iter().map(Life::of).collect()
}

/// The KPIs of `period` for the cases `filters` lets through, as known at `now`.
pub fn metrics<C: Borrow<CaseClocks>, L: Borrow<Life>>(
    inputs: &Inputs<'_, C, L>,
    period: Period,
    filters: &Filters,
    now: Timestamp,
) -> Metrics {
    // The backlog is what was open at the last instant of the period (or now).
    let end = period.to.min(now) - TimeDelta::milliseconds(1);
    let mut m = Metrics { period, ..Metrics::default() };
    let (mut first_response, mut resolution) = (Vec::new(), Vec::new());
    let (mut on_customer, mut on_engineering) = (Vec::new(), Vec::new());
    let (mut total, mut customer_total, mut engineering_total) = (0.0, 0.0, 0.0);
    let (mut reopened, mut one_touch, mut good) = (0, 0, 0);
    let mut counted_clocks = Vec::new();
    for (place, (case, life)) in inputs.cases.iter().zip(inputs.lives).enumerate() {
        if !filters.matches(case) {
            continue;
        }
        let life: &Life = life.borrow();
        if let Some(clocks) = inputs.clocks.get(place) {
            counted_clocks.push(clocks.borrow());
        }
        if period.contains(case.created_at) {
            m.cases_created += 1;
            if let Some(at) = case.first_response_at.filter(|&at| at >= case.created_at) {
                first_response.push(minutes(at - case.created_at));
            }
        }
        if let Some(since) = life.open_since(end) {
            m.backlog_open += 1;
            m.backlog_older_than_72h += usize::from(end - since > OLD_BACKLOG);
        }
        let Some(resolved) = life.resolved_at().filter(|&at| period.contains(at)) else { continue };
        m.cases_resolved += 1;
        let took = resolved - case.created_at;
        resolution.push(minutes(took));
        on_customer.push(minutes(life.waiting_on_customer));
        on_engineering.push(minutes(life.waiting_on_engineering));
        total += minutes(took);
        customer_total += minutes(life.waiting_on_customer);
        engineering_total += minutes(life.waiting_on_engineering);
        reopened += usize::from(life.reopened);
        one_touch += usize::from(!life.reopened && life.contacts <= 1);
        if let Some(satisfaction) = &case.satisfaction {
            m.csat_rated += 1;
            good += usize::from(satisfaction.rating == Rating::Good);
        }
    }
    m.first_response = Spread::of(first_response);
    m.resolution = Spread::of(resolution);
    m.waiting_on_customer = Spread::of(on_customer);
    m.waiting_on_engineering = Spread::of(on_engineering);
    m.time_shares = (total > 0.0).then(|| TimeShares {
        working: (total - customer_total - engineering_total).max(0.0) / total,
        waiting_on_customer: customer_total / total,
        waiting_on_engineering: engineering_total / total,
    });
    m.reopen_percent = percent(reopened, m.cases_resolved);
    m.one_touch_percent = percent(one_touch, m.cases_resolved);
    m.csat_percent = percent(good, m.csat_rated);
    m.sla = compliance(counted_clocks, period.from, period.to, now);
    incident_metrics(&mut m, inputs, filters, now);
    m
}

/// Incidents started in the period (those reaching a case the filters let through), their
/// durations, and the customers and people their cases reach.
fn incident_metrics<C, L>(m: &mut Metrics, inputs: &Inputs<'_, C, L>, filters: &Filters, now: Timestamp) {
    let places: HashMap<_, _> = inputs.cases.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut customers = std::collections::BTreeSet::new();
    let mut durations = Vec::new();
    for incident in inputs.incidents {
        let cases: Vec<&Case> = incident
            .cases
            .iter()
            .filter_map(|id| places.get(id).map(|&i| &inputs.cases[i]))
            .filter(|case| filters.matches(case))
            .collect();
        let filtered = *filters != Filters::default();
        if filtered && cases.is_empty() {
            continue;
        }
        if let Some(resolved) = resolved_at(incident).filter(|&at| m.period.contains(at) && at <= now) {
            durations.push(minutes(resolved - incident.created_at));
        }
        if !m.period.contains(incident.created_at) {
            continue;
        }
        m.incidents += 1;
        let radius = radius_of(cases);
        m.incident_people += radius.customers_affected;
        customers.extend(radius.customers);
    }
    m.incident_customers = customers.len();
    m.incident_duration = Spread::of(durations);
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
