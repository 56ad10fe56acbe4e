//! SLA countdowns on screen: the inbox cell, the case panel and one target's timer.

use crate::domain::case::CaseId;
use crate::domain::sla::board::timer_badge;
use crate::domain::sla::{Target, TargetState, TargetStatus};
use crate::i18n::{Message, Text};
use crate::ui::state::{use_desk, use_i18n, use_sla_board, use_view_clock};
use crate::zone::offset_label;
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
    let i18n = use_i18n();
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
                    view! { <span class="muted small">{i18n.text(Text::NoRunningSla)}</span> }.into_any()
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
    let i18n = use_i18n();
    view! {
        <section class="panel sla-panel" aria-labelledby="sla-heading">
            <h2 id="sla-heading">{i18n.text(Text::SlaHeading)}</h2>
            <ul class="sla-list">
                {Target::ALL.into_iter().map(|target| view! { <li><SlaTimer id=id.clone() target compact=false /></li> }).collect_view()}
            </ul>
            {move || problems().into_iter().map(|p| view! { <p class="muted small">{i18n.message(&p)}</p> }).collect_view()}
        </section>
    }
}

/// A short name for a target where the badge has little room; the full one is in its
/// accessible name and tooltip.
fn short_target(target: Target) -> Text {
    match target {
        Target::FirstResponse => Text::SlaShortResponse,
        Target::NextUpdate => Text::SlaShortUpdate,
        Target::Resolution => Text::SlaShortResolve,
    }
}

/// One target's countdown: state in words and colour, time left, and on hover or focus an
/// explanation of its deadline. Compact (in the inbox), it shows a short target name and the
/// time; the state is in its colour, its accessible name and its tooltip.
#[component]
pub fn SlaTimer(id: CaseId, target: Target, compact: bool) -> impl IntoView {
    let board = use_sla_board();
    let clock = use_view_clock();
    let i18n = use_i18n();
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
    // While the clock's calendar is closed, when it opens (and in which zone); written out
    // only when that moment changes, not on every tick.
    let opens_at = {
        let id = id.clone();
        Memo::new(move |_| {
            let now = clock.now();
            let running = board.clocks_of(&id)?.current(target).filter(|c| c.is_running())?.calendar;
            board.engine.with(|engine| {
                let calendar = engine.0.calendars().get(running)?;
                Some((calendar.closed_until(now)?, calendar.time_zone().name().to_string()))
            })
        })
    };
    let opens = Memo::new(move |_| opens_at.get().map(|(at, zone)| i18n.wall_time(at, Some(&zone), false)));
    let badge = Memo::new(move |_| opens.with(|opens| timer_badge(&status.get(), opens.as_deref())));
    let state = Memo::new(move |_| badge.with(|b| b.state));
    let state_label =
        move || i18n.t(if not_started.get() { Text::SlaNotStarted } else { state.get().text() });
    let summary = move || {
        if not_started.get() {
            i18n.t(Text::SlaNotStartedSummary).to_string()
        } else {
            badge.with(|b| i18n.message(&b.summary()))
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
                let explanation = board.engine.with(|engine| engine.0.explain(&clock, now));
                let zone = explanation.time_zone.name();
                // Times on the calendar's wall clock, with its offset, as the locale writes them.
                let time = |at: crate::domain::case::Timestamp| {
                    let offset = explanation.time_zone.offset_ms(at.timestamp_millis());
                    format!("{} {}", i18n.wall_time(at, Some(zone), true), offset_label(offset))
                };
                let mut lines: Vec<String> = explanation
                    .lines(time, &i18n.zone_name(zone))
                    .iter()
                    .map(|line| i18n.message(line))
                    .collect();
                // The last line is the status; closed hours may hold what it calls running.
                if let Some(last) = lines.last_mut() {
                    *last = i18n.message(&Message::new(Text::Sentence).arg("text", summary()));
                }
                lines
            }
            None => vec![i18n.fill(Text::SlaNoSuchTarget, &[("target", i18n.t(target.text()))])],
        }
    };
    let used = move || {
        let fraction = status.with(|s| s.used_fraction).clamp(0.0, 1.0);
        format!("{:.1}%", fraction * 100.0)
    };
    let label =
        move || i18n.fill(Text::TimerLabel, &[("target", i18n.t(target.text())), ("summary", &summary())]);
    let shown_time = move || {
        if not_started.get() {
            i18n.t(Text::SlaStartsWithContact).to_string()
        } else if compact {
            badge.with(|b| i18n.message(&b.short))
        } else {
            // The phrase without the state, which is in words next to it.
            badge.with(|b| i18n.message(&b.rest))
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
                <span class="sla-target">{move || i18n.t(if compact { short_target(target) } else { target.text() })}</span>
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
