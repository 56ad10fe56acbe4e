//! Everything the dashboard and the report show for one period, worked out in one pass over
//! the cases that may be fed a slice at a time, so the page can yield between slices; the
//! result is the same however the cases are sliced.

use super::prompts::prompts;
use super::series::{largest_groups, CategoryPass, DailyPass, Day, Load, Week, WeeklyPass};
use super::{Filters, IncidentRow, Life, Metrics, MetricsPass, Period, Prompt};
use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::desk::MergeRecord;
use crate::domain::grouping::Group;
use crate::domain::incident::Incident;
use crate::domain::sla::CaseClocks;
use crate::zone::Zone;
use chrono::TimeDelta;
use std::borrow::Borrow;

/// How many categories, groups and oldest cases the figures keep.
const TOP: usize = 8;
const OLDEST: usize = 5;

/// An open case among the oldest at the end of the period.
#[derive(Clone, Debug, PartialEq)]
pub struct OldCase {
    pub title: String,
    pub open_for: TimeDelta,
}

/// Everything the dashboard and the report draw for one period and filters at one time.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub now: Metrics,
    pub before: Metrics,
    pub days: Vec<Day>,
    pub weeks: Vec<Week>,
    pub categories: Vec<Load>,
    pub groups: Vec<Load>,
    /// Incidents started in the period, most severe first.
    pub incidents: Vec<IncidentRow>,
    pub oldest: Vec<OldCase>,
    pub prompts: Vec<Prompt>,
    pub zone: Zone,
    /// When they were worked out.
    pub as_of: Timestamp,
}

/// The figures of a period in the making: feed it every case in the desk's order with
/// [`Pass::add`], then [`Pass::finish`].
pub struct Pass {
    filters: Filters,
    zone: Zone,
    /// The place of the next case fed.
    place: usize,
    now: MetricsPass,
    before: MetricsPass,
    days: DailyPass,
    weeks: WeeklyPass,
    categories: CategoryPass,
    /// The longest open at the period's end: since when, and where; earliest first.
    oldest: Vec<(Timestamp, usize)>,
    as_of: Timestamp,
}

impl Pass {
    pub fn new(period: Period, filters: Filters, zone: Zone, now: Timestamp) -> Pass {
        Pass {
            now: MetricsPass::new(period, now),
            before: MetricsPass::new(period.previous(), now),
            days: DailyPass::new(period, &zone, now),
            weeks: WeeklyPass::new(period),
            categories: CategoryPass::new(period),
            oldest: Vec::new(),
            as_of: now,
            filters,
            zone,
            place: 0,
        }
    }

    /// How many cases were fed so far.
    pub fn done(&self) -> usize {
        self.place
    }

    /// Feeds the next cases with their lives and SLA clocks (aligned with them; clocks may be
    /// empty when not known).
    pub fn add<L: Borrow<Life>, C: Borrow<CaseClocks>>(&mut self, cases: &[Case], lives: &[L], clocks: &[C]) {
        for (i, (case, life)) in cases.iter().zip(lives).enumerate() {
            let place = self.place + i;
            if !self.filters.matches(case) {
                continue;
            }
            let (life, clocks) = (life.borrow(), clocks.get(i).map(Borrow::borrow));
            if let Some(since) = self.now.add(case, life, clocks) {
                self.keep_oldest(since, place);
            }
            self.before.add(case, life, clocks);
            self.days.add(case, life);
            self.weeks.add(case, life);
            self.categories.add(case, life);
        }
        self.place += cases.len().min(lives.len());
    }

    fn keep_oldest(&mut self, since: Timestamp, place: usize) {
        if self.oldest.len() == OLDEST && self.oldest.last().is_some_and(|&last| last <= (since, place)) {
            return;
        }
        let at = self.oldest.partition_point(|&kept| kept < (since, place));
        self.oldest.insert(at, (since, place));
        self.oldest.truncate(OLDEST);
    }

    /// The figures, given the whole desk: its cases (as fed), incidents, duplicate groups and
    /// merges, and `find` to reach a case by id through an index.
    pub fn finish<'a>(
        self,
        cases: &'a [Case],
        incidents: &[Incident],
        groups: &[Group],
        merges: &[MergeRecord],
        find: impl Fn(&CaseId) -> Option<&'a Case> + Copy,
    ) -> Figures {
        let filters = self.filters;
        let (before, _) = self.before.finish(incidents, &filters, find);
        let (now, incidents) = self.now.finish(incidents, &filters, find);
        let (categories, tallies) = self.categories.finish(TOP);
        let end = now.period.to.min(self.as_of) - TimeDelta::milliseconds(1);
        let oldest = self
            .oldest
            .iter()
            .filter_map(|&(since, place)| {
                Some(OldCase { title: cases.get(place)?.title.clone(), open_for: end - since })
            })
            .collect();
        Figures {
            prompts: prompts(&tallies, &now, &before),
            groups: largest_groups(groups, merges, now.period, &filters, find, TOP),
            days: self.days.finish(),
            weeks: self.weeks.finish(),
            categories,
            incidents,
            oldest,
            now,
            before,
            zone: self.zone,
            as_of: self.as_of,
        }
    }
}
