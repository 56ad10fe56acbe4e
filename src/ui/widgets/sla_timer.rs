//! SLA countdowns on screen: the inbox cell, the case panel and one target's timer.

use crate::domain::case::CaseId;
use crate::domain::sla::board::timer_badge;
use crate::domain::sla::{Target, TargetState, TargetStatus};
use crate::ui::state::{use_desk, use_sla_board, use_view_clock};
use leptos::prelude::*;

fn state_key(state: TargetState) -> &'static str {
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

/// A short name for a target where the badge has little room; the full one is in its
/// accessible name and tooltip.
fn short_target(target: Target) -> &'static str {
    match target {
        Target::FirstResponse => "Response",
        Target::NextUpdate => "Update",
        Target::Resolution => "Resolve",
    }
}

/// One target's countdown: state in words and colour, time left, and on hover or focus an
/// explanation of its deadline. Compact (in the inbox), it shows a short target name and the
/// time; the state is in its colour, its accessible name and its tooltip.
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
    // A target the tier has but that has not started yet (Next update before the first contact).
    let not_started = {
        let id = id.clone();
        let store = use_desk();
        Memo::new(move |_| {
            if status.with(|s| s.state) != TargetState::NotApplicable {
                return false;
            }
            let open_tier = store.with_case(&id, |case| case.is_open().then_some(case.tier)).flatten();
            open_tier.is_some_and(|tier| {
                store.desk.with(|desk| desk.settings.sla.policies.get(tier).target(target).is_some())
            })
        })
    };
    let badge = {
        let id = id.clone();
        Memo::new(move |_| {
            let now = clock.now();
            let status = status.get();
            // While the clock's calendar is closed, the badge says when it opens.
            let opens = board.clocks_of(&id).and_then(|clocks| {
                let running = clocks.current(target).filter(|c| c.is_running())?;
                board.engine.with(|engine| {
                    let calendar = engine.0.calendars().get(running.calendar)?;
                    calendar.closed_until(now).map(|at| calendar.weekday_time(at))
                })
            });
            timer_badge(&status, opens.as_deref())
        })
    };
    let state = Memo::new(move |_| badge.with(|b| b.state));
    let state_label = move || if not_started.get() { "Not started" } else { state.get().label() };
    let summary = move || {
        if not_started.get() {
            "Not started, starts with the first contact".to_string()
        } else {
            badge.with(|b| b.summary.clone())
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
            Some(clock) => {
                let mut lines = board.engine.with(|engine| engine.0.explain(&clock, now).lines());
                // The last line is the status; closed hours may hold what it calls running.
                if let Some(last) = lines.last_mut() {
                    *last = format!("{}.", summary());
                }
                lines
            }
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
    let label = move || format!("{}: {}", target.label(), summary());
    let shown_time = move || {
        if not_started.get() {
            "starts with the first contact".to_string()
        } else if compact {
            badge.with(|b| b.short.clone())
        } else {
            // The full phrase without the state, which is in words next to it.
            let summary = summary();
            let label = state.get_untracked().label();
            summary
                .strip_prefix(label)
                .map_or(summary.clone(), |rest| rest.trim_start_matches([',', ' ']).to_string())
        }
    };
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
                <span class="sla-target">{if compact { short_target(target) } else { target.label() }}</span>
                <Show when=move || !compact>
                    <span class="sla-state">{state_label}</span>
                </Show>
                <span class="sla-time">{shown_time}</span>
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
