//! Facts the data supports, offered as starting points for the report's recommendations:
//! categories that grew and where their time went, SLA targets most often missed, an ageing
//! backlog, and reopened cases. The director writes the recommendations; these only prompt.

use super::{Filters, Life, Metrics, Period};
use crate::domain::case::{Case, Tier};
use crate::domain::sla::Target;
use std::borrow::Borrow;
use std::collections::HashMap;

/// One fact worth a recommendation.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// A category's cases rose; `engineering_share` is the part of its resolved cases'
    /// resolution time spent waiting on engineering.
    CategoryRose { category: String, before: usize, now: usize, engineering_share: Option<f64> },
    /// A tier's target met less often than 90 % of the time.
    SlaMissed { tier: Tier, target: Target, met_percent: f64, breached: usize },
    /// More cases open for over 72 hours than the period before.
    BacklogAgeing { now: usize, before: usize },
    /// More than one resolved case in ten was reopened.
    Reopened { percent: f64 },
}

/// A category counts as risen from this many cases up, and by at least a fifth.
const RISE_FLOOR: usize = 5;

/// The prompts for `period` (figures `now` beside `before`), most telling first.
pub fn prompts<L: Borrow<Life>>(
    cases: &[Case],
    lives: &[L],
    period: Period,
    filters: &Filters,
    now: &Metrics,
    before: &Metrics,
) -> Vec<Prompt> {
    #[derive(Default)]
    struct Tally {
        name: String,
        now: usize,
        before: usize,
        resolution_ms: i64,
        engineering_ms: i64,
    }
    let earlier = period.previous();
    let mut categories: HashMap<String, Tally> = HashMap::new();
    for (case, life) in cases.iter().zip(lives).filter(|(case, _)| filters.matches(case)) {
        let name = case.category.trim();
        if name.is_empty() {
            continue;
        }
        let life: &Life = life.borrow();
        let tally = categories
            .entry(name.to_lowercase())
            .or_insert_with(|| Tally { name: name.into(), ..Tally::default() });
        tally.now += usize::from(period.contains(case.created_at));
        tally.before += usize::from(earlier.contains(case.created_at));
        if let Some(resolved) = life.resolved_at().filter(|&at| period.contains(at)) {
            tally.resolution_ms += (resolved - case.created_at).num_milliseconds();
            tally.engineering_ms += life.waiting_on_engineering.num_milliseconds();
        }
    }
    let mut risen: Vec<Tally> = categories
        .into_values()
        .filter(|t| t.now >= RISE_FLOOR && t.now * 5 >= t.before * 6 && t.now > t.before)
        .collect();
    crate::domain::sort::sort_by(&mut risen, |a, b| {
        (b.now - b.before).cmp(&(a.now - a.before)).then(a.name.cmp(&b.name))
    });
    let mut out: Vec<Prompt> = risen
        .into_iter()
        .take(3)
        .map(|t| Prompt::CategoryRose {
            category: t.name,
            before: t.before,
            now: t.now,
            engineering_share: (t.resolution_ms > 0)
                .then(|| t.engineering_ms as f64 / t.resolution_ms as f64),
        })
        .collect();
    let mut missed: Vec<Prompt> = Tier::ALL
        .iter()
        .flat_map(|&tier| Target::ALL.into_iter().map(move |target| (tier, target)))
        .filter_map(|(tier, target)| {
            let tally = now.sla.get(tier, target);
            let share = tally.share_met()?;
            (share < 0.9 && tally.breached > 0).then_some(Prompt::SlaMissed {
                tier,
                target,
                met_percent: share * 100.0,
                breached: tally.breached,
            })
        })
        .collect();
    crate::domain::sort::sort_by(&mut missed, |a, b| match (a, b) {
        (Prompt::SlaMissed { breached: x, .. }, Prompt::SlaMissed { breached: y, .. }) => y.cmp(x),
        _ => std::cmp::Ordering::Equal,
    });
    out.extend(missed.into_iter().take(3));
    if now.backlog_older_than_72h > before.backlog_older_than_72h {
        out.push(Prompt::BacklogAgeing {
            now: now.backlog_older_than_72h,
            before: before.backlog_older_than_72h,
        });
    }
    if let Some(percent) = now.reopen_percent.filter(|&p| p > 10.0) {
        out.push(Prompt::Reopened { percent });
    }
    out
}
