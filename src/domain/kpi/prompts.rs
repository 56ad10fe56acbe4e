//! Facts the data supports, offered as starting points for the report's recommendations:
//! categories that grew and where their time went, SLA targets most often missed, an ageing
//! backlog, and reopened cases. The director writes the recommendations; these only prompt.

use super::series::CategoryTally;
use super::Metrics;
use crate::domain::case::Tier;
use crate::domain::sla::Target;

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

/// The prompts for a period (figures `now` beside `before`, categories as tallied), most
/// telling first.
pub(super) fn prompts(categories: &[CategoryTally], now: &Metrics, before: &Metrics) -> Vec<Prompt> {
    let mut risen: Vec<&CategoryTally> = categories
        .iter()
        .filter(|t| {
            let n = t.load.cases;
            n >= RISE_FLOOR && n * 5 >= t.before * 6 && n > t.before
        })
        .collect();
    crate::domain::sort::sort_by(&mut risen, |a, b| {
        (b.load.cases - b.before).cmp(&(a.load.cases - a.before)).then(a.load.name.cmp(&b.load.name))
    });
    let mut out: Vec<Prompt> = risen
        .into_iter()
        .take(3)
        .map(|t| Prompt::CategoryRose {
            category: t.load.name.clone(),
            before: t.before,
            now: t.load.cases,
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
