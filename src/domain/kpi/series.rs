//! The KPIs over time, for the dashboard's charts: per local day, cases created and resolved
//! and the backlog at the day's end by age; per week, response and resolution times; and the
//! categories and duplicate groups that hurt most.

use super::{minutes, Filters, Life, Period, Spread, OLD_BACKLOG};
use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::desk::MergeRecord;
use crate::domain::fast_hash::FastMap;
use crate::domain::grouping::Group;
use crate::domain::sort;
use crate::zone::Zone;
use chrono::TimeDelta;
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

/// The period day by day, counted a case at a time; the backlog is reconstructed from each
/// case's open stretches.
pub(super) struct DailyPass {
    days: Vec<Day>,
    /// The instant each day's backlog is read at, for the days begun by now (in order).
    ends: Vec<Timestamp>,
    /// Per age band, how the count of open cases changes from one day to the next: a stretch
    /// adds one where it enters a band and takes one away where it leaves it, so a case costs
    /// a few searches however many days it stayed open.
    steps: [Vec<isize>; 3],
}

impl DailyPass {
    pub(super) fn new(period: Period, zone: &Zone, now: Timestamp) -> DailyPass {
        let days: Vec<Day> = period
            .each_day(zone)
            .into_iter()
            .map(|period| Day { period, created: 0, resolved: 0, backlog: AgeBands::default() })
            .collect();
        // The last instant of each day begun by now that the backlog is read at (now, for today).
        let ends: Vec<Timestamp> = days
            .iter()
            .take_while(|day| day.period.from <= now)
            .map(|day| day.period.to.min(now) - TimeDelta::milliseconds(1))
            .collect();
        let steps = std::array::from_fn(|_| vec![0; ends.len() + 1]);
        DailyPass { days, ends, steps }
    }

    fn day_of(&self, at: Timestamp) -> Option<usize> {
        let i = self.days.partition_point(|day| day.period.to <= at);
        self.days.get(i).filter(|day| day.period.contains(at)).map(|_| i)
    }

    pub(super) fn add(&mut self, case: &Case, life: &Life) {
        if let Some(i) = self.day_of(case.created_at) {
            self.days[i].created += 1;
        }
        if let Some(i) = life.resolved_at().and_then(|at| self.day_of(at)) {
            self.days[i].resolved += 1;
        }
        let ends = &self.ends;
        // The first day whose end comes after `at` (days ending at `at` or before come first).
        let after =
            |at: Option<Timestamp>| at.map_or(ends.len(), |at| ends.partition_point(|&end| end <= at));
        for &(from, until) in &life.open {
            // The days it was open at the end of: ending at or after `from`, before `until`.
            let first = ends.partition_point(|&end| end < from);
            let last = until.map_or(ends.len(), |until| ends.partition_point(|&end| end < until));
            // Open up to 24 hours, then up to 72, then longer.
            let day = after(from.checked_add_signed(TimeDelta::hours(24)));
            let three = after(from.checked_add_signed(OLD_BACKLOG));
            for (steps, (a, b)) in self.steps.iter_mut().zip([(first, day), (day, three), (three, last)]) {
                let (a, b) = (a.max(first), b.min(last));
                if a < b {
                    steps[a] += 1;
                    steps[b] -= 1;
                }
            }
        }
    }

    pub(super) fn finish(mut self) -> Vec<Day> {
        let mut open = [0isize; 3];
        for (i, day) in self.days.iter_mut().take(self.ends.len()).enumerate() {
            for (count, steps) in open.iter_mut().zip(&self.steps) {
                *count += steps[i];
            }
            let [under_24h, from_24h_to_72h, over_72h] = open.map(|n| n.max(0) as usize);
            day.backlog = AgeBands { under_24h, from_24h_to_72h, over_72h };
        }
        self.days
    }
}

const WEEK: TimeDelta = TimeDelta::days(7);

/// First-response times of the cases created each week and resolution times of those
/// resolved each week, counted a case at a time.
pub(super) struct WeeklyPass {
    period: Period,
    first: Vec<Vec<f64>>,
    resolution: Vec<Vec<f64>>,
}

impl WeeklyPass {
    pub(super) fn new(period: Period) -> WeeklyPass {
        let weeks = (period.length().num_milliseconds().max(0) as u64)
            .div_ceil(WEEK.num_milliseconds() as u64)
            .min(600) as usize;
        WeeklyPass { period, first: vec![Vec::new(); weeks], resolution: vec![Vec::new(); weeks] }
    }

    fn week_of(&self, at: Timestamp) -> Option<usize> {
        let period = self.period;
        period
            .contains(at)
            .then(|| ((at - period.from).num_milliseconds() / WEEK.num_milliseconds()) as usize)
            .filter(|&i| i < self.first.len())
    }

    pub(super) fn add(&mut self, case: &Case, life: &Life) {
        if let (Some(i), Some(at)) = (self.week_of(case.created_at), case.first_response_at) {
            if at >= case.created_at {
                self.first[i].push(minutes(at - case.created_at));
            }
        }
        if let Some(resolved) = life.resolved_at() {
            if let Some(i) = self.week_of(resolved) {
                self.resolution[i].push(minutes(resolved - case.created_at));
            }
        }
    }

    pub(super) fn finish(self) -> Vec<Week> {
        let period = self.period;
        self.first
            .into_iter()
            .zip(self.resolution)
            .enumerate()
            .map(|(i, (first, resolved))| {
                let from = period.from + WEEK * i as i32;
                Week {
                    period: Period { from, to: (from + WEEK).min(period.to) },
                    first_response: Spread::of(first),
                    resolution: Spread::of(resolved),
                }
            })
            .collect()
    }
}

/// The top of a chart's axis: `max` rounded up to 1, 2, 2.5 or 5 times a power of ten.
pub fn axis_top(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|step| step * power).find(|&top| top >= max).unwrap_or(max)
}

/// What weighs on customers in a period: a category or a duplicate group, with the cases
/// created in the period and the customers they reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Load {
    pub name: String,
    pub cases: usize,
    pub customers_affected: u64,
    /// Up to two titles of its cases, for the report.
    pub examples: Vec<String>,
}

impl Load {
    fn new(name: &str) -> Load {
        Load { name: name.into(), cases: 0, customers_affected: 0, examples: Vec::new() }
    }

    fn add(&mut self, case: &Case) {
        self.cases += 1;
        self.customers_affected += u64::from(case.customers_affected);
        if self.examples.len() < 2 {
            self.examples.push(case.title.clone());
        }
    }
}

/// Most customers affected first, then most cases, then by name; at most `limit`.
fn heaviest(mut loads: Vec<Load>, limit: usize) -> Vec<Load> {
    sort::sort_by(&mut loads, |a, b| {
        b.customers_affected.cmp(&a.customers_affected).then(b.cases.cmp(&a.cases)).then(a.name.cmp(&b.name))
    });
    loads.truncate(limit);
    loads
}

/// One category over the period and the one before, for the chart and the prompts.
#[derive(Debug)]
pub(super) struct CategoryTally {
    /// Cases created in the period.
    pub load: Load,
    /// Cases created in the period before.
    pub before: usize,
    /// Of its cases resolved in the period: their resolution time and the part of it spent
    /// waiting on engineering, in milliseconds.
    pub resolution_ms: i64,
    pub engineering_ms: i64,
}

/// The categories of the cases, counted a case at a time; cases with no category are left
/// out, and categories are told apart without regard to case.
pub(super) struct CategoryPass {
    period: Period,
    earlier: Period,
    tallies: FastMap<String, CategoryTally>,
    /// The key of the case at hand, in lower case, kept so a case costs no allocation.
    key: String,
}

impl CategoryPass {
    pub(super) fn new(period: Period) -> CategoryPass {
        CategoryPass { period, earlier: period.previous(), tallies: FastMap::default(), key: String::new() }
    }

    pub(super) fn add(&mut self, case: &Case, life: &Life) {
        let name = case.category.trim();
        let (now, before) = (self.period.contains(case.created_at), self.earlier.contains(case.created_at));
        let resolved = life.resolved_at().filter(|&at| self.period.contains(at));
        if name.is_empty() || !(now || before || resolved.is_some()) {
            return;
        }
        let key = &mut self.key;
        key.clear();
        if name.is_ascii() {
            key.push_str(name);
            key.make_ascii_lowercase();
        } else {
            key.push_str(&name.to_lowercase());
        }
        if !self.tallies.contains_key(key.as_str()) {
            let tally =
                CategoryTally { load: Load::new(name), before: 0, resolution_ms: 0, engineering_ms: 0 };
            self.tallies.insert(key.clone(), tally);
        }
        let Some(tally) = self.tallies.get_mut(key.as_str()) else { return };
        if now {
            tally.load.add(case);
        }
        tally.before += usize::from(before);
        if let Some(resolved) = resolved {
            tally.resolution_ms += (resolved - case.created_at).num_milliseconds();
            tally.engineering_ms += life.waiting_on_engineering.num_milliseconds();
        }
    }

    /// The categories of cases created in the period, heaviest first, and every tally.
    pub(super) fn finish(self, limit: usize) -> (Vec<Load>, Vec<CategoryTally>) {
        let tallies: Vec<CategoryTally> = self.tallies.into_values().collect();
        let loads = tallies.iter().filter(|t| t.load.cases > 0).map(|t| t.load.clone()).collect();
        (heaviest(loads, limit), tallies)
    }
}

/// The duplicate groups with the most customers affected among cases created in the period
/// that the filters let through: the groups the grouping finds now (open cases), each with
/// the cases merged into its members, and the merges of cases no longer grouped, each named
/// by its most typical case or primary. A group counts with at least two such cases.
pub fn largest_groups<'a>(
    groups: &[Group],
    merges: &[MergeRecord],
    period: Period,
    filters: &Filters,
    find: impl Fn(&CaseId) -> Option<&'a Case>,
    limit: usize,
) -> Vec<Load> {
    let mut sets: Vec<(&CaseId, Vec<&CaseId>)> =
        groups.iter().map(|g| (&g.medoid, g.members.iter().collect())).collect();
    let mut set_of: HashMap<&CaseId, usize> =
        groups.iter().enumerate().flat_map(|(i, g)| g.members.iter().map(move |id| (id, i))).collect();
    for merge in merges {
        let i = *set_of.entry(&merge.primary).or_insert_with(|| {
            sets.push((&merge.primary, vec![&merge.primary]));
            sets.len() - 1
        });
        sets[i].1.extend(merge.duplicates());
    }
    let loads = sets
        .into_iter()
        .filter_map(|(name, members)| {
            let mut load = Load::new(&find(name)?.title);
            members
                .into_iter()
                .filter_map(&find)
                .filter(|case| period.contains(case.created_at) && filters.matches(case))
                .for_each(|case| load.add(case));
            (load.cases >= 2).then_some(load)
        })
        .collect();
    heaviest(loads, limit)
}
