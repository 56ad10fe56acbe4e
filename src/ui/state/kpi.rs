//! The dashboard's state kept beside the desk: the period and filters chosen (so the report
//! reads the same ones), every case's life (read again only for cases that changed, and kept
//! while the dashboard is closed), and the figures of the chosen period, worked out in slices
//! between which the page answers input, and only while the dashboard or the report is open.

use super::clock::Clock;
use super::grouping::Grouping;
use super::sla_board::SlaBoard;
use super::store::{DeskStore, Shared};
use crate::domain::case::{Case, CaseId, Tier, Timestamp, Version};
use crate::domain::kpi::{Filters, Life, Pass, Period, Preset};
use crate::ui::browser;
use crate::zone::Zone;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

pub use crate::domain::kpi::Figures;

/// How long one slice of the work may hold the page, in milliseconds.
const SLICE_MS: f64 = 10.0;
/// Cases handled between two looks at the time.
const STEP: usize = 64;

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

impl KpiQuery {
    /// The period chosen, as of `now`; `None` while the chosen days make none.
    fn period(&self, now: Timestamp, zone: &Zone) -> Option<Period> {
        match (self.preset, self.from, self.to) {
            (Some(preset), _, _) => Some(Period::preset(preset, now, zone)),
            (None, Some(from), Some(to)) => Period::days(from, to, zone),
            (None, _, _) => None,
        }
    }
}

/// Every case's life, by place in the desk, with the case and version it was read from.
#[derive(Default)]
struct Lives {
    stamps: Vec<(CaseId, Version)>,
    lives: Vec<Life>,
}

impl Lives {
    /// Reads again the lives of `cases` (at `from` in the desk) that changed or are new.
    fn follow(&mut self, cases: &[Case], from: usize) {
        for (at, case) in (from..).zip(cases) {
            let stamp = (&case.id, case.version());
            match self.stamps.get(at) {
                Some((id, version)) if (id, *version) == stamp => {}
                Some(_) => {
                    self.stamps[at] = (case.id.clone(), stamp.1);
                    self.lives[at] = Life::of(case);
                }
                None => {
                    self.stamps.push((case.id.clone(), stamp.1));
                    self.lives.push(Life::of(case));
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
pub struct KpiBoard {
    pub query: RwSignal<KpiQuery>,
    /// The figures last worked out, kept on screen while newer ones are worked out.
    pub figures: RwSignal<Option<Shared<Figures>>>,
    /// True while the figures shown are not yet those of the query and the desk.
    pub updating: RwSignal<bool>,
    /// True while the chosen days make no period (To before From).
    pub no_period: Memo<bool>,
    /// Pages showing the figures; they are worked out only while there is one.
    viewers: RwSignal<usize>,
    /// Counts changes of what the figures read; `shown` is the count the figures are for.
    inputs: RwSignal<u64>,
    shown: StoredValue<u64>,
    /// Counts runs started, so a run stops when a newer one starts.
    runs: StoredValue<u64>,
    lives: StoredValue<Lives>,
    zone: Memo<Zone>,
    store: DeskStore,
    sla: SlaBoard,
    grouping: Grouping,
    clock: Clock,
}

pub fn provide_kpi(store: DeskStore, sla: SlaBoard, grouping: Grouping, clock: Clock) -> KpiBoard {
    let query = RwSignal::new(KpiQuery::default());
    let zone =
        Memo::new(move |_| sla.engine.with(|engine| engine.0.calendar_for(Tier::Standard).zone().clone()));
    let board = KpiBoard {
        query,
        figures: RwSignal::new(None),
        updating: RwSignal::new(false),
        no_period: Memo::new(move |_| {
            query.with(|q| {
                q.preset.is_none() && !matches!((q.from, q.to), (Some(from), Some(to)) if from <= to)
            })
        }),
        viewers: RwSignal::new(0),
        inputs: RwSignal::new(0),
        shown: StoredValue::new(0),
        runs: StoredValue::new(0),
        lives: StoredValue::new(Lives::default()),
        zone,
        store,
        sla,
        grouping,
        clock,
    };
    // Everything the figures read follows from the desk (the SLA clocks and the zone too),
    // the duplicate groups and the query. Not the clock: the figures are worked out again
    // when those change, not every 30 seconds; the page says "as of" when.
    Effect::new(move |_| {
        store.desk.track();
        grouping.groups.track();
        query.track();
        board.inputs.update(|n| *n += 1);
    });
    Effect::new(move |_| {
        let inputs = board.inputs.get();
        if board.viewers.get() > 0 && board.shown.get_value() != inputs {
            board.start(inputs);
        }
    });
    provide_context(board);
    board
}

impl KpiBoard {
    /// Keeps the figures worked out while the calling page is on screen.
    pub fn watch(self) {
        self.viewers.update(|n| *n += 1);
        on_cleanup(move || {
            let _ = self.viewers.try_update(|n| *n = n.saturating_sub(1));
        });
    }

    fn start(self, inputs: u64) {
        let Some(run) = self.runs.try_update_value(|runs| {
            *runs += 1;
            *runs
        }) else {
            return;
        };
        self.updating.set(true);
        spawn_local(async move {
            if let Some(figures) = self.work_out(run).await {
                self.figures.set(figures);
                self.shown.set_value(inputs);
                self.updating.set(false);
            }
        });
    }

    /// The figures of the query, a slice at a time; `None` once a newer run started.
    async fn work_out(self, run: u64) -> Option<Option<Shared<Figures>>> {
        let store = self.store;
        let current = move || self.runs.try_get_value() == Some(run);
        // First a paint, so "Updating" shows and input waiting is handled.
        browser::yield_to_browser().await;
        if !current() {
            return None;
        }
        let now = self.clock.0.get_untracked();
        let zone = self.zone.get_untracked();
        let query = self.query.get_untracked();
        let Some(period) = query.period(now, &zone) else {
            return Some(self.figures.get_untracked());
        };
        let clocks = self.sla.clocks.get_untracked();
        let mut pass = Pass::new(period, query.filters, zone, now);
        loop {
            // Each slice reads the lives of the cases it counts that changed since the last run.
            let more = store.desk.with_untracked(|desk| {
                self.lives.try_update_value(|lives| {
                    let count = desk.cases.len();
                    let started = browser::elapsed_ms();
                    while pass.done() < count && browser::elapsed_ms() - started < SLICE_MS {
                        let (from, to) = (pass.done(), (pass.done() + STEP).min(count));
                        lives.follow(&desk.cases[from..to], from);
                        let clocks = clocks.0.get(from..to).unwrap_or(&[]);
                        pass.add(&desk.cases[from..to], &lives.lives[from..to], clocks);
                    }
                    pass.done() < count
                })
            })?;
            browser::yield_to_browser().await;
            if !current() {
                return None;
            }
            if !more {
                break;
            }
        }
        // Cases are found through the store's index, read once rather than once per case.
        let places = store.places.get_untracked();
        let figures = store.desk.with_untracked(|desk| {
            let find = |id: &CaseId| {
                places.0.get(id).and_then(|&at| desk.cases.get(at)).filter(|case| &case.id == id)
            };
            self.grouping.groups.with_untracked(|groups| {
                let groups = groups.as_deref().unwrap_or_default();
                pass.finish(&desk.cases, &desk.incidents, groups, &desk.merges, find)
            })
        });
        // The figures are drawn in a task of their own.
        browser::yield_to_browser().await;
        current().then(|| Some(Shared(Arc::new(figures))))
    }
}

pub fn use_kpi() -> KpiBoard {
    expect_context::<KpiBoard>()
}
