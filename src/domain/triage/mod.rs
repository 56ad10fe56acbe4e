//! The explainable triage score: 0-100 points and a priority P1-P4 for a case, with the points
//! of each factor shown separately and adding up exactly to the score.
//!
//! Scoring is split for speed. `TextSignals::analyze` reads the text (slow; redo it only when
//! the case text or the rules change) and `score` combines it with the case's fields, the time
//! pressure and the group size (cheap; redo it whenever time passes). Nothing is stored: the
//! same inputs always give the same score.
//!
//! The priority comes from the ITIL impact x urgency matrix. A manual override is kept on the
//! case by the caller; `Score::with_pin` shows it next to the computed priority.

mod cache;
mod rules;
mod text;

pub use cache::SignalCache;

pub use rules::{
    Factor, KeywordKind, KeywordLists, Language, Level, ListId, PriorityMatrix, RuleError, RuleField,
    TriageRules, Weights, MAX_KEYWORD_CHARS,
};
pub use text::{CompiledRules, Cue, TextField, TextMatch, TextSignals};

use crate::domain::case::{Case, Priority, Tier, Timestamp, Urgency};
use crate::domain::fast_hash::hash_of;
use crate::domain::sort;
use chrono::Duration;

/// Customers affected from which impact is at least Medium, and from which it is High.
pub const MEDIUM_IMPACT_CUSTOMERS: u32 = 10;
pub const HIGH_IMPACT_CUSTOMERS: u32 = 100;
/// Customers affected that earn the Customers factor its full points (log scale from 1).
pub const FULL_POINTS_CUSTOMERS: u32 = 1000;
/// Similar reports in a group that earn the Cluster factor its full points (log scale from 1).
pub const FULL_POINTS_GROUP_SIZE: u32 = 16;
/// Without an SLA, a case this old gets the full time-pressure points, rising evenly from 0.
pub const FULL_PRESSURE_AGE_HOURS: i64 = 72;

/// How much the clock is pushing on a case: the seam to the SLA engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimePressure {
    /// No SLA applies: the case's age.
    Age(Duration),
    /// Time left to the SLA target (negative once breached) and the target's full length.
    Sla { remaining: Duration, target: Duration },
}

impl TimePressure {
    pub fn since_created(case: &Case, now: Timestamp) -> TimePressure {
        TimePressure::Age(now - case.created_at)
    }

    /// 0 for no pressure up to 1 for old or breached; never lower for less time left.
    pub fn fraction(self) -> f64 {
        let seconds = |duration: Duration| duration.num_milliseconds() as f64 / 1000.0;
        match self {
            TimePressure::Age(age) => seconds(age) / (FULL_PRESSURE_AGE_HOURS * 3600) as f64,
            TimePressure::Sla { remaining, .. } if remaining <= Duration::zero() => 1.0,
            // A target of no time cannot be approached, only breached.
            TimePressure::Sla { target, .. } if target.num_milliseconds() <= 0 => 0.0,
            TimePressure::Sla { remaining, target } => 1.0 - seconds(remaining) / seconds(target),
        }
        .clamp(0.0, 1.0)
    }
}

/// ITIL impact: how much of the business is hurt. A big account or many customers is High.
pub fn impact(tier: Tier, customers_affected: u32) -> Level {
    let by_tier = match tier {
        Tier::Enterprise => Level::High,
        Tier::Premium => Level::Medium,
        Tier::Standard | Tier::Free => Level::Low,
    };
    let by_count = if customers_affected >= HIGH_IMPACT_CUSTOMERS {
        Level::High
    } else if customers_affected >= MEDIUM_IMPACT_CUSTOMERS {
        Level::Medium
    } else {
        Level::Low
    };
    by_tier.max(by_count)
}

/// ITIL urgency: the reporter's urgency, raised by risk keywords in the text.
pub fn urgency(reported: Urgency, keyword_boost: u8) -> Level {
    let level = match reported {
        Urgency::High => Level::High,
        Urgency::Medium => Level::Medium,
        Urgency::Low => Level::Low,
    };
    level.raised(keyword_boost)
}

/// Whole points per factor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Points([u8; Factor::COUNT]);

impl Points {
    pub fn get(&self, factor: Factor) -> u8 {
        self.0[factor as usize]
    }

    /// Every factor with its points, in display order.
    pub fn iter(&self) -> impl Iterator<Item = (Factor, u8)> + '_ {
        Factor::ALL.into_iter().map(|factor| (factor, self.get(factor)))
    }

    pub fn total(&self) -> u8 {
        self.0.iter().sum()
    }

    /// Rounds each factor so the parts add up to the rounded whole (largest remainder: the
    /// factors that lost most to rounding down get the leftover points, earlier factor first).
    /// Works in thousandths of a point so the rounding is integer arithmetic.
    fn apportion(milli: [u32; Factor::COUNT]) -> Points {
        let total = ((milli.iter().sum::<u32>() + MILLI / 2) / MILLI).min(100) as u8;
        let mut points = milli.map(|part| (part / MILLI) as u8);
        let mut remainders = milli.map(|part| Some(part % MILLI));
        for _ in 0..total.saturating_sub(points.iter().sum()) {
            let largest =
                (0..Factor::COUNT).fold(0, |best, i| if remainders[i] > remainders[best] { i } else { best });
            points[largest] += 1;
            remainders[largest] = None;
        }
        Points(points)
    }
}

const MILLI: u32 = 1000;

impl Weights {
    /// Each factor's share of 100 points, in thousandths: weights are relative, so any
    /// weights give 0-100.
    fn shares(&self) -> [f64; Factor::COUNT] {
        let total = self.total();
        Factor::ALL.map(|factor| match total {
            0 => 0.0,
            _ => f64::from(self.get(factor)) * f64::from(100 * MILLI) / f64::from(total),
        })
    }

    /// The most each factor can give, adding up to 100 (to 0 if every weight is 0).
    pub fn max_points(&self) -> Points {
        Points::apportion(self.shares().map(to_milli))
    }
}

/// Rounds to whole thousandths; shares and fractions are never negative.
fn to_milli(value: f64) -> u32 {
    (value + 0.5) as u32
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    /// 0-100, always equal to `points.total()`.
    pub total: u8,
    /// From the matrix; see `with_pin` for a manual override.
    pub priority: Priority,
    pub impact: Level,
    pub urgency: Level,
    pub points: Points,
}

/// The priority to act on, keeping the computed one visible next to a manual pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EffectivePriority {
    pub computed: Priority,
    pub pinned: Option<Priority>,
}

impl EffectivePriority {
    pub fn effective(self) -> Priority {
        self.pinned.unwrap_or(self.computed)
    }

    /// True when a pin changes the priority (a pin equal to the computed one changes nothing).
    pub fn is_overridden(self) -> bool {
        self.pinned.is_some_and(|pinned| pinned != self.computed)
    }
}

impl Score {
    pub fn with_pin(&self, pinned: Option<Priority>) -> EffectivePriority {
        EffectivePriority { computed: self.priority, pinned }
    }
}

/// Share of a factor's points earned by a count on a log scale: 1 earns nothing, `full` or
/// more earns everything.
fn log_fraction(count: u32, full: u32) -> f64 {
    match count {
        // Most cases: skips a logarithm, which is a slow software routine in WebAssembly.
        0 | 1 => 0.0,
        _ => (f64::from(count).ln() / f64::from(full).ln()).min(1.0),
    }
}

/// Share earned by distinct keywords or cues: the first says most, the third saturates.
fn count_fraction(distinct: u8) -> f64 {
    [0.0, 0.5, 0.8, 1.0][usize::from(distinct.min(3))]
}

/// Scores one case. `group_size` is how many reports share its duplicate group (1 if none).
/// Works for any case; which cases to show (usually the open ones) is the caller's choice.
pub fn score(
    case: &Case,
    signals: &TextSignals,
    pressure: TimePressure,
    group_size: u32,
    rules: &TriageRules,
) -> Score {
    let input = ScoreInput { case, signals, pressure, group_size };
    score_with(input, &rules.matrix, &rules.weights.shares())
}

/// `score` with the weights' shares worked out once for many cases.
fn score_with(input: ScoreInput, matrix: &PriorityMatrix, shares: &[f64; Factor::COUNT]) -> Score {
    let ScoreInput { case, signals, pressure, group_size } = input;
    let impact = impact(case.tier, case.customers_affected);
    let urgency = urgency(case.urgency, signals.urgency_boost);
    let priority = matrix.get(impact, urgency);
    let fraction = |factor: Factor| match factor {
        Factor::Matrix => match priority {
            Priority::P1 => 1.0,
            Priority::P2 => 2.0 / 3.0,
            Priority::P3 => 1.0 / 3.0,
            Priority::P4 => 0.0,
        },
        Factor::Tier => match case.tier {
            Tier::Enterprise => 1.0,
            Tier::Premium => 2.0 / 3.0,
            Tier::Standard => 1.0 / 3.0,
            Tier::Free => 0.0,
        },
        Factor::Customers => log_fraction(case.customers_affected, FULL_POINTS_CUSTOMERS),
        Factor::TimePressure => pressure.fraction(),
        Factor::Keywords => count_fraction(signals.risk_keywords),
        Factor::Distress => count_fraction(signals.distress_cues),
        Factor::Cluster => log_fraction(group_size, FULL_POINTS_GROUP_SIZE),
    };
    let points =
        Points::apportion(Factor::ALL.map(|factor| to_milli(shares[factor as usize] * fraction(factor))));
    Score { total: points.total(), priority, impact, urgency, points }
}

/// What `rank` needs about one case.
#[derive(Clone, Copy, Debug)]
pub struct ScoreInput<'a> {
    pub case: &'a Case,
    pub signals: &'a TextSignals,
    pub pressure: TimePressure,
    pub group_size: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// Position of the case in the input.
    pub index: usize,
    pub score: Score,
}

/// Scores every input and orders them most pressing first: higher score, then higher priority,
/// then older, then by the hash of the id, so equal scores come out in the same order in
/// every tab.
pub fn rank<'a>(inputs: impl IntoIterator<Item = ScoreInput<'a>>, rules: &TriageRules) -> Vec<Ranked> {
    let shares = rules.weights.shares();
    let scored: Vec<(&Case, Score)> =
        inputs.into_iter().map(|input| (input.case, score_with(input, &rules.matrix, &shares))).collect();
    let mut order: Vec<u128> =
        scored.iter().enumerate().map(|(index, (case, score))| sort_key(score, case, index)).collect();
    order.sort_unstable();
    // Ids decide only between cases created in the same microsecond with the same score, in
    // the order of their hashes: the same in every tab, and an import of many cases with one
    // creation time sorts integers instead of comparing long, alike ids.
    let index = |key: u128| (key & u128::from(u32::MAX)) as usize;
    for tied in order.chunk_by_mut(|a, b| a >> 32 == b >> 32).filter(|run| run.len() > 1) {
        sort::sort_by_cached_key(tied, |&key| {
            let id = &scored[index(key)].0.id;
            (hash_of(id), id)
        });
    }
    order.into_iter().map(|key| Ranked { index: index(key), score: scored[index(key)].1 }).collect()
}

/// Score (descending), priority, creation time and input position packed into one integer
/// that sorts most pressing first. Sorting plain integers is what keeps ranking 50,000 cases
/// fast: most scores tie, and comparing fields through each case's reference was the slowest
/// part. Positions must fit 32 bits, far beyond what a browser holds.
fn sort_key(score: &Score, case: &Case, index: usize) -> u128 {
    let created = (case.created_at.timestamp_micros() as u64) ^ (1 << 63); // signed order as unsigned
    (u128::from(100 - score.total) << 98)
        | ((score.priority as u128) << 96)
        | (u128::from(created) << 32)
        | (index as u128 & u128::from(u32::MAX))
}

#[cfg(test)]
mod tests;
