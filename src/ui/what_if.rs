//! The view's "now": the real time, ticking once a second, or a what-if time the lead moved
//! forward to see which cases would breach. Only what is shown changes; nothing is saved.

use super::browser;
use super::sla_timers::use_sla_board;
use crate::domain::case::{Tier, Timestamp};
use crate::domain::inbox::local_time_label;
use chrono::{DateTime, TimeDelta};
use leptos::prelude::*;

/// The time every SLA display reads. Copy it anywhere; reading `now` subscribes to the tick.
#[derive(Clone, Copy)]
pub struct ViewClock {
    real: ReadSignal<Timestamp>,
    /// How far ahead of the real time the view is; `None` when showing the real time.
    ahead: RwSignal<Option<TimeDelta>>,
}

impl ViewClock {
    /// The view's now (real or what-if), tracked.
    pub fn now(&self) -> Timestamp {
        let real = self.real.get();
        self.ahead.get().map_or(real, |ahead| real + ahead)
    }

    /// The real time, tracked; refreshed once a second.
    pub fn real_now(&self) -> Timestamp {
        self.real.get()
    }

    /// How far ahead of real time the view is (zero when showing the real time), tracked.
    pub fn ahead(&self) -> TimeDelta {
        self.ahead.get().unwrap_or_default()
    }

    pub fn is_what_if(&self) -> bool {
        self.ahead.with(Option::is_some)
    }

    /// Shows the desk as it will be at `at` (keeps ticking from there).
    pub fn show_at(&self, at: Timestamp) {
        let real = self.real.get_untracked();
        self.ahead.set((at > real).then(|| at - real));
    }

    pub fn forward(&self, by: TimeDelta) {
        let ahead = self.ahead.get_untracked().unwrap_or_default();
        self.ahead.set(Some(ahead + by));
    }

    pub fn back_to_now(&self) {
        self.ahead.set(None);
    }
}

/// Starts the one 1 Hz tick of the page and provides the view clock.
pub fn provide_view_clock() -> ViewClock {
    let (real, set_real) = signal(browser::now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_real.set(browser::now()), std::time::Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let clock = ViewClock { real, ahead: RwSignal::new(None) };
    provide_context(clock);
    clock
}

pub fn use_view_clock() -> ViewClock {
    expect_context::<ViewClock>()
}

/// Shown on every page while the what-if clock is on.
#[component]
pub fn WhatIfBanner() -> impl IntoView {
    let clock = use_view_clock();
    let offset = browser::utc_offset_minutes();
    view! {
        <Show when=move || clock.is_what_if()>
            <div class="banner warning what-if" role="status">
                <p>
                    <strong>"What-if clock: "</strong>
                    "showing " {move || local_time_label(clock.now(), offset)}
                    " (" {move || crate::domain::sla::format_duration(clock.now() - clock.real_now())} " ahead). Nothing is changed or saved. "
                </p>
                <button on:click=move |_| clock.back_to_now()>"Back to now"</button>
            </div>
        </Show>
    }
}

/// Buttons that move the view's now forward.
#[component]
pub fn WhatIfControls() -> impl IntoView {
    let clock = use_view_clock();
    let board = use_sla_board();
    let (chosen, set_chosen) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let end_of_day = move |_| {
        let now = clock.now();
        let end = board
            .engine
            .with_untracked(|engine| engine.0.calendar_for(Tier::Standard).end_of_business_day(now));
        clock.show_at(end);
    };
    let show_chosen = move |_| match local_input_time(&chosen.get_untracked()) {
        Some(at) if at > clock.real_now() => {
            set_problem.set(None);
            clock.show_at(at);
        }
        Some(_) => set_problem.set(Some("Choose a time in the future.".into())),
        None => set_problem.set(Some("Choose a date and time first.".into())),
    };
    view! {
        <div class="what-if-controls" role="group" aria-labelledby="what-if-label">
            <span id="what-if-label" class="what-if-label">"What-if clock"</span>
            <button on:click=move |_| clock.forward(TimeDelta::hours(1))>"+1 h"</button>
            <button on:click=move |_| clock.forward(TimeDelta::hours(4))>"+4 h"</button>
            <button on:click=end_of_day>"End of business day"</button>
            <label class="inline-label" for="what-if-time">"At"</label>
            <input
                id="what-if-time"
                type="datetime-local"
                aria-describedby="what-if-problem"
                prop:value=move || chosen.get()
                on:input=move |ev| set_chosen.set(event_target_value(&ev))
            />
            <button on:click=show_chosen>"Show"</button>
            <Show when=move || clock.is_what_if()>
                <button on:click=move |_| clock.back_to_now()>"Back to now"</button>
            </Show>
            <span id="what-if-problem" class="field-error" role="status">{move || problem.get()}</span>
        </div>
    }
}

/// A `datetime-local` value ("2026-03-02T10:30") read on the browser's wall clock.
fn local_input_time(value: &str) -> Option<Timestamp> {
    if value.trim().is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    ms.is_finite().then(|| DateTime::from_timestamp_millis(ms as i64)).flatten()
}
