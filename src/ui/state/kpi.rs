//! The dashboard's state kept beside the desk: the period and filters chosen (so the report
//! reads the same ones), every case's life, read again only for cases that changed, and the
//! figures of the chosen period beside the period before.

use super::clock::Clock;
use super::sla_board::SlaBoard;
use super::store::{DeskStore, Shared};
use crate::domain::case::{Case, Tier, Version};
use crate::domain::kpi::series::{daily, top_categories, weekly, CategoryLoad, Day, Week};
use crate::domain::kpi::{metrics, Filters, Inputs, Life, Metrics, Period, Preset};
use crate::domain::per_case::PerCase;
use crate::zone::Zone;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// What the dashboard shows: a preset period, or days chosen by hand, and the filters.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiQuery {
    /// `None` when the user chose the From and To days.
    pub preset: Option<Preset>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub filters: Filters,
}

impl Default for KpiQuery {
    fn default() -> Self {
        KpiQuery { preset: Some(Preset::Last30Days), from: None, to: None, filters: Filters::default() }
    }
}

/// Everything the dashboard and the report draw, for one query at one time.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub now: Metrics,
    pub before: Metrics,
    pub days: Vec<Day>,
    pub weeks: Vec<Week>,
    pub categories: Vec<CategoryLoad>,
    pub zone: Zone,
}

#[derive(Clone, Copy)]
pub struct KpiBoard {
    pub query: RwSignal<KpiQuery>,
    /// Every case's life, aligned with `desk.cases`.
    pub lives: Memo<Shared<Vec<Arc<Life>>>>,
    /// `None` while the chosen days do not make a period (To before From).
    pub figures: Memo<Option<Shared<Figures>>>,
}

pub fn provide_kpi(store: DeskStore, sla: SlaBoard, clock: Clock) -> KpiBoard {
    let query = RwSignal::new(KpiQuery::default());
    let cache = StoredValue::new(PerCase::<Version, Arc<Life>>::default());
    // Memos are lazy: nothing here is worked out until the dashboard or the report reads it.
    let lives = Memo::new(move |_| {
        store.desk.with(|desk| {
            let lives = cache.try_update_value(|cache| {
                cache.refresh(&desk.cases, store.order(), Case::version, |case| Arc::new(Life::of(case)))
            });
            Shared(Arc::new(lives.unwrap_or_default()))
        })
    });
    let zone =
        Memo::new(move |_| sla.engine.with(|engine| engine.0.calendar_for(Tier::Standard).zone().clone()));
    let figures = Memo::new(move |_| {
        // Not tracked: the figures are recomputed when the desk or the query changes, not
        // every 30 seconds (a long task at 50,000 cases); the page says "as of" when.
        let now = clock.0.get_untracked();
        let zone = zone.get();
        let query = query.get();
        let period = match (query.preset, query.from, query.to) {
            (Some(preset), _, _) => Period::preset(preset, now, &zone),
            (None, Some(from), Some(to)) => Period::days(from, to, &zone)?,
            (None, _, _) => return None,
        };
        let lives = lives.get();
        let clocks = sla.clocks.get();
        store.desk.with(|desk| {
            let (lives, clocks) = (lives.0.as_slice(), clocks.0.as_slice());
            let inputs = Inputs { cases: &desk.cases, lives, clocks, incidents: &desk.incidents };
            let filters = &query.filters;
            Some(Shared(Arc::new(Figures {
                now: metrics(&inputs, period, filters, now),
                before: metrics(&inputs, period.previous(), filters, now),
                days: daily(&desk.cases, lives, period, filters, &zone, now),
                weeks: weekly(&desk.cases, lives, period, filters),
                categories: top_categories(&desk.cases, period, filters, 8),
                zone,
            })))
        })
    });
    let board = KpiBoard { query, lives, figures };
    provide_context(board);
    board
}

pub fn use_kpi() -> KpiBoard {
    expect_context::<KpiBoard>()
}
