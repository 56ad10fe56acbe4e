//! The KPIs over time, for the dashboard's charts: per local day, cases created and resolved
//! and the backlog at the day's end by age; per week, response and resolution times; and the
//! categories that hurt most.

use super::{minutes, Filters, Life, Period, Spread, OLD_BACKLOG};
use crate::domain::case::{Case, Timestamp};
use crate::domain::sort;
use crate::zone::Zone;
use chrono::TimeDelta;
use std::borrow::Borrow;
use std::collections::HashMap;

/// Open cases at one instant by how long they had been open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgeBands {
    pub under_24h: usize,
    pub from_24h_to_72h: usize,
    pub over_72h: usize,
}

impl AgeBands {
    pub fn total(&self) -> usize {
        self.under_24h + self.from_24h_to_72h + self.over_72h
    }

    fn count(&mut self, age: TimeDelta) {
        if age > OLD_BACKLOG {
            self.over_72h += 1;
        } else if age > TimeDelta::hours(24) {
            self.from_24h_to_72h += 1;
        } else {
            self.under_24h += 1;
        }
    }
}

/// One local day of the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub period: Period,
    pub created: usize,
    pub resolved: usize,
    /// Open at the end of the day (or at `now`, for today).
    pub backlog: AgeBands,
}

/// One week (seven local days from the period's start; the last may be shorter).
#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    pub period: Period,
    pub first_response: Spread,
    pub resolution: Spread,
}

/// The period day by day; the backlog is reconstructed from each case's timeline.
pub fn daily<L: Borrow<Life>>(
    cases: &[Case],
    lives: &[L],
    period: Period,
    filters: &Filters,
    zone: &Zone,
    now: Timestamp,
) -> Vec<Day> {
    let periods = period.each_day(zone);
    let day_of = |at: Timestamp| {
        let i = periods.partition_point(|day| day.to <= at);
        periods.get(i).filter(|day| day.contains(at)).map(|_| i)
    };
    let mut days: Vec<Day> = periods
        .iter()
        .map(|&period| Day { period, created: 0, resolved: 0, backlog: AgeBands::default() })
        .collect();
    for (case, life) in cases.iter().zip(lives).filter(|(case, _)| filters.matches(case)) {
        let life: &Life = life.borrow();
        if let Some(i) = day_of(case.created_at) {
            days[i].created += 1;
        }
        if let Some(i) = life.resolved_at().and_then(day_of) {
            days[i].resolved += 1;
        }
        // Only the days each open stretch covers, so a long period costs little more.
        for &(from, until) in &life.open {
            let first = days.partition_point(|day| end_of(day, now) < from);
            for day in &mut days[first..] {
                let end = end_of(day, now);
                if until.is_some_and(|until| end >= until) || day.period.from > now {
                    break;
                }
                day.backlog.count(end - from);
            }
        }
    }
    days
}

/// The last instant of a day that the backlog is read at (now, for today).
fn end_of(day: &Day, now: Timestamp) -> Timestamp {
    day.period.to.min(now) - TimeDelta::milliseconds(1)
}

/// First-response times of the cases created each week and resolution times of those
/// resolved each week.
pub fn weekly<L: Borrow<Life>>(cases: &[Case], lives: &[L], period: Period, filters: &Filters) -> Vec<Week> {
    let week = TimeDelta::days(7);
    let mut starts = Vec::new();
    let mut at = period.from;
    while at < period.to && starts.len() < 600 {
        starts.push(at);
        at += week;
    }
    let index = |at: Timestamp| {
        period
            .contains(at)
            .then(|| ((at - period.from).num_milliseconds() / week.num_milliseconds()) as usize)
    };
    let mut first = vec![Vec::new(); starts.len()];
    let mut resolution = vec![Vec::new(); starts.len()];
    for (case, life) in cases.iter().zip(lives).filter(|(case, _)| filters.matches(case)) {
        let life: &Life = life.borrow();
        if let (Some(i), Some(at)) = (index(case.created_at), case.first_response_at) {
            if at >= case.created_at {
                first[i].push(minutes(at - case.created_at));
            }
        }
        if let Some(resolved) = life.resolved_at() {
            if let Some(i) = index(resolved) {
                resolution[i].push(minutes(resolved - case.created_at));
            }
        }
    }
    starts
        .into_iter()
        .zip(first.into_iter().zip(resolution))
        .map(|(from, (first, resolved))| Week {
            period: Period { from, to: (from + week).min(period.to) },
            first_response: Spread::of(first),
            resolution: Spread::of(resolved),
        })
        .collect()
}

/// The top of a chart's axis: `max` rounded up to 1, 2, 2.5 or 5 times a power of ten.
pub fn axis_top(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|step| step * power).find(|&top| top >= max).unwrap_or(max)
}

/// A category's weight in a period: cases created and the customers they reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryLoad {
    pub category: String,
    pub cases: usize,
    pub customers_affected: u64,
    /// Up to two titles of its cases, for the report.
    pub examples: Vec<String>,
}

/// The categories of cases created in the period, most customers affected first (then most
/// cases, then by name); cases with no category are left out.
pub fn top_categories(cases: &[Case], period: Period, filters: &Filters, limit: usize) -> Vec<CategoryLoad> {
    let mut loads: HashMap<String, CategoryLoad> = HashMap::new();
    for case in cases.iter().filter(|c| filters.matches(c) && period.contains(c.created_at)) {
        let name = case.category.trim();
        if name.is_empty() {
            continue;
        }
        let load = loads.entry(name.to_lowercase()).or_insert_with(|| CategoryLoad {
            category: name.to_string(),
            cases: 0,
            customers_affected: 0,
            examples: Vec::new(),
        });
        load.cases += 1;
        load.customers_affected += u64::from(case.customers_affected);
        if load.examples.len() < 2 {
            load.examples.push(case.title.clone());
        }
    }
    let mut loads: Vec<CategoryLoad> = loads.into_values().collect();
    sort::sort_by(&mut loads, |a, b| {
        b.customers_affected
            .cmp(&a.customers_affected)
            .then(b.cases.cmp(&a.cases))
            .then(a.category.cmp(&b.category))
    });
    loads.truncate(limit);
    loads
}
