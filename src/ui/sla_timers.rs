//! SLA countdowns: the board every timer reads (clocks per case, recomputed only when that
//! case or the SLA settings change; statuses per tick), the inbox cell and the case panel.

use super::browser;
use super::store::{use_desk, DeskStore, Shared};
use super::what_if::use_view_clock;
use super::Clock;
use crate::domain::case::{Case, CaseId, Timestamp, Version};
use crate::domain::per_case::PerCase;
use crate::domain::sla::board::{countdown, CaseSla};
use crate::domain::sla::{CaseClocks, SlaEngine, Target, TargetState, TargetStatus};
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

pub fn provide_sla_board() -> SlaBoard {
    let store = use_desk();
    let clock = use_view_clock();
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
    let every_30_s = expect_context::<Clock>().0;
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

pub fn state_key(state: TargetState) -> &'static str {
    match state {
        TargetState::OnTrack => "on-track",
        TargetState::AtRisk => "at-risk",
        TargetState::Breached => "breached",
        TargetState::Met => "met",
        TargetState::Paused => "paused",
        TargetState::NotApplicable => "none",
    }
}

/// The inbox's SLA column: every running target at once, the most urgent first.
#[component]
pub fn SlaCell(id: CaseId) -> impl IntoView {
    let board = use_sla_board();
    let running = {
        let id = id.clone();
        Memo::new(move |_| {
            board.live.with(|live| {
                let Some(sla) = live.0.get(&id) else { return Vec::new() };
                let urgent = sla.most_urgent().map(|(target, _)| target);
                urgent
                    .into_iter()
                    .chain(sla.running().map(|(target, _)| target).filter(|&t| Some(t) != urgent))
                    .collect()
            })
        })
    };
    view! {
        <div class="sla-cell">
            {move || {
                let targets: Vec<Target> = running.get();
                if targets.is_empty() {
                    view! { <span class="muted small">"No running SLA"</span> }.into_any()
                } else {
                    targets
                        .into_iter()
                        .map(|target| view! { <SlaTimer id=id.clone() target compact=true /> })
                        .collect_view()
                        .into_any()
                }
            }}
        </div>
    }
}

/// The case page's SLA panel: every target of the case.
#[component]
pub fn SlaPanel(id: CaseId) -> impl IntoView {
    let board = use_sla_board();
    let shown = id.clone();
    Effect::new(move |_| board.on_screen.set(vec![shown.clone()]));
    let problems = move || board.engine.with(|engine| engine.0.problems().to_vec());
    view! {
        <section class="panel sla-panel" aria-labelledby="sla-heading">
            <h2 id="sla-heading">"SLA"</h2>
            <ul class="sla-list">
                {Target::ALL.into_iter().map(|target| view! { <li><SlaTimer id=id.clone() target compact=false /></li> }).collect_view()}
            </ul>
            {move || problems().into_iter().map(|p| view! { <p class="muted small">{p}</p> }).collect_view()}
        </section>
    }
}

/// One target's countdown: state in words and colour, time left, and on hover or focus an
/// explanation of its deadline.
#[component]
pub fn SlaTimer(id: CaseId, target: Target, compact: bool) -> impl IntoView {
    let board = use_sla_board();
    let clock = use_view_clock();
    let status = {
        let id = id.clone();
        Memo::new(move |_| {
            board
                .live
                .with(|live| live.0.get(&id).map_or(TargetStatus::NOT_APPLICABLE, |sla| sla.get(target)))
        })
    };
    let state = Memo::new(move |_| status.with(|s| s.state));
    // A target the tier has but that has not started yet (Next update before the first contact).
    let not_started = {
        let id = id.clone();
        let store = super::store::use_desk();
        Memo::new(move |_| {
            if state.get() != TargetState::NotApplicable {
                return false;
            }
            let open_tier = store.with_case(&id, |case| case.is_open().then_some(case.tier)).flatten();
            open_tier.is_some_and(|tier| {
                store.desk.with(|desk| desk.settings.sla.policies.get(tier).target(target).is_some())
            })
        })
    };
    let state_label = move || if not_started.get() { "Not started" } else { state.get().label() };
    let text = move || {
        if not_started.get() {
            "starts with the first contact".to_string()
        } else {
            status.with(countdown)
        }
    };
    let (open, set_open) = signal(false);
    let tip_id = format!("sla-tip-{}-{}", id.0, target as usize);
    let explanation = move || {
        if !open.get() {
            return Vec::new();
        }
        let now = clock.now();
        let clock = board.clocks_of(&id).and_then(|c| c.current(target).cloned());
        match clock {
            Some(clock) => board.engine.with(|engine| engine.0.explain(&clock, now).lines()),
            None => vec![format!(
                "{}: this case's tier has no such target, or it has not started.",
                target.label()
            )],
        }
    };
    let used = move || {
        let fraction = status.with(|s| s.used_fraction).clamp(0.0, 1.0);
        format!("{:.1}%", fraction * 100.0)
    };
    let label = move || format!("{}: {}, {}", target.label(), state_label(), text());
    view! {
        <span class="sla-timer-wrap" on:mouseenter=move |_| set_open.set(true) on:mouseleave=move |_| set_open.set(false)>
            <span
                class=move || format!("sla-timer sla-{}", state_key(state.get()))
                class:compact=compact
                role="timer"
                tabindex="0"
                aria-label=label
                aria-describedby=tip_id.clone()
                on:focus=move |_| set_open.set(true)
                on:blur=move |_| set_open.set(false)
            >
                <span class="sla-target">{target.label()}</span>
                <span class="sla-state">{state_label}</span>
                <span class="sla-time">{move || {
                    // The state is already in words next to it.
                    let text = text();
                    match text.strip_prefix("paused, ").or_else(|| text.strip_prefix("breached ")) {
                        Some(rest) => rest.to_string(),
                        None if text == "met" => "on time".to_string(),
                        None => text,
                    }
                }}</span>
                <Show when=move || !compact && matches!(state.get(), TargetState::OnTrack | TargetState::AtRisk | TargetState::Breached | TargetState::Paused)>
                    <span class="sla-bar" aria-hidden="true"><span style:width=used></span></span>
                </Show>
            </span>
            <span id=tip_id class="sla-tip" role="tooltip" hidden=move || !open.get()>
                {move || explanation().into_iter().map(|line| view! { <span class="sla-tip-line">{line}</span> }).collect_view()}
            </span>
        </span>
    }
}
