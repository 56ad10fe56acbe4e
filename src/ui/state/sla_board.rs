//! The SLA board every timer reads: clocks per case, recomputed only when that case or the
//! SLA settings change, and readings per tick for the cases on screen.

use super::clock::{Clock, ViewClock};
use super::store::{DeskStore, Shared};
use crate::domain::case::{Case, CaseId, Timestamp, Version};
use crate::domain::per_case::PerCase;
use crate::domain::sla::board::CaseSla;
use crate::domain::sla::{CaseClocks, SlaEngine};
use crate::ui::browser;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Every case's clocks, in the desk's order.
pub type Clocks = Vec<Arc<CaseClocks>>;

/// Every case read at one 30-second clock, in the desk's order.
pub struct Settled {
    pub readings: Vec<CaseSla>,
    /// What the readings were taken from, so the next reading re-reads only changed cases.
    clocks: Shared<Clocks>,
    engine: Shared<SlaEngine>,
    basis: (Timestamp, chrono::TimeDelta),
}

/// The clocks by case, and the engine they were computed with.
type ClockCache = (Option<Shared<SlaEngine>>, PerCase<Version, Arc<CaseClocks>>);

#[derive(Clone, Copy)]
pub struct SlaBoard {
    pub engine: Memo<Shared<SlaEngine>>,
    pub clocks: Memo<Shared<Clocks>>,
    /// The cases on screen read at the view's now: the only thing the 1 Hz tick recomputes.
    pub live: Memo<Shared<HashMap<CaseId, CaseSla>>>,
    /// Which cases the page shows countdowns for; the inbox and the case page set it.
    pub on_screen: RwSignal<Vec<CaseId>>,
    /// Every case read at the 30-second clock (plus any what-if shift), for the triage score,
    /// SLA sorting and filtering, and breach alerts: reading thousands of cases every second
    /// would cost far more than the countdowns on screen do.
    pub settled: Memo<Shared<Settled>>,
    /// The engine the cached clocks were computed with, and the clocks by case.
    cache: StoredValue<ClockCache>,
    store: DeskStore,
}

impl SlaBoard {
    /// Computes the clocks of cases about to join the desk, a few at a time while they are
    /// imported, so that their arrival does not compute them all in one go.
    pub fn warm(&self, cases: &[Case]) {
        let engine = self.engine.get_untracked();
        self.cache.update_value(|cache| {
            follow_engine(cache, &engine)
                .warm(cases, Case::version, |case| Arc::new(engine.0.compute_clocks(case)))
        });
    }

    /// Forgets clocks computed ahead for cases that never arrived (a cancelled import).
    pub fn forget_warmed(&self) {
        self.cache.update_value(|(_, cache)| cache.forget_ahead(|_, _| {}));
    }

    /// The clocks of case `id`; tracks the clocks.
    pub fn clocks_of(&self, id: &CaseId) -> Option<Arc<CaseClocks>> {
        let place = self.store.place(id)?;
        self.clocks.with(|clocks| clocks.0.get(place).cloned())
    }

    /// Case `id` read at the 30-second clock; tracks the reading.
    pub fn settled_of(&self, id: &CaseId) -> Option<CaseSla> {
        let place = self.store.place(id)?;
        self.settled.with(|settled| settled.0.readings.get(place).copied())
    }
}

/// The cache, emptied first if it was filled under other settings (another engine).
fn follow_engine<'a>(
    (cached_engine, cache): &'a mut ClockCache,
    engine: &Shared<SlaEngine>,
) -> &'a mut PerCase<Version, Arc<CaseClocks>> {
    if cached_engine.as_ref() != Some(engine) {
        *cache = PerCase::default();
        *cached_engine = Some(engine.clone());
    }
    cache
}

pub fn provide_sla_board(store: DeskStore, every_30_s: Clock, clock: ViewClock) -> SlaBoard {
    let settings = Memo::new(move |_| store.desk.with(|desk| desk.settings.sla.clone()));
    let engine = Memo::new(move |_| settings.with(|settings| Shared(Arc::new(SlaEngine::new(settings)))));
    let cache = StoredValue::new(ClockCache::default());
    let clocks = Memo::new(move |_| {
        let engine = engine.get();
        store.desk.with(|desk| {
            let clocks = cache.try_update_value(|cache| {
                follow_engine(cache, &engine).refresh(&desk.cases, store.order(), Case::version, |case| {
                    Arc::new(engine.0.compute_clocks(case))
                })
            });
            Shared(Arc::new(clocks.unwrap_or_default()))
        })
    });
    let on_screen = RwSignal::new(Vec::<CaseId>::new());
    let live = Memo::new(move |_| {
        let engine = engine.get();
        let tick = engine.0.tick(clock.now());
        on_screen.with(|ids| {
            clocks.with(|clocks| {
                let read = ids.iter().filter_map(|id| {
                    let place = store.place(id)?;
                    clocks.0.get(place).map(|c| (id.clone(), CaseSla::read(c, &tick)))
                });
                Shared(Arc::new(read.collect()))
            })
        })
    });
    let every_30_s = every_30_s.0;
    let settled = Memo::new(move |before: Option<&Shared<Settled>>| {
        let engine = engine.get();
        let basis = (every_30_s.get(), clock.ahead());
        // Read at the time it is recomputed; a change re-reads only the cases it changed.
        let tick = engine.0.tick(browser::now() + basis.1);
        let clocks = clocks.get();
        let before = before.filter(|b| b.0.basis == basis && b.0.engine == engine);
        let readings = clocks
            .0
            .iter()
            .enumerate()
            .map(|(at, case_clocks)| {
                let kept = before.and_then(|b| {
                    let was = b.0.clocks.0.get(at)?;
                    Arc::ptr_eq(was, case_clocks).then(|| b.0.readings[at])
                });
                kept.unwrap_or_else(|| CaseSla::read(case_clocks, &tick))
            })
            .collect();
        Shared(Arc::new(Settled { readings, clocks, engine, basis }))
    });
    let board = SlaBoard { engine, clocks, live, on_screen, settled, cache, store };
    provide_context(board);
    board
}

pub fn use_sla_board() -> SlaBoard {
    expect_context::<SlaBoard>()
}
