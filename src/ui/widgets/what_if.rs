//! The what-if clock on screen: the banner shown on every page while it is on, and the
//! buttons that move the view's now forward. Only what is shown changes; nothing is saved.

use crate::domain::case::{Tier, Timestamp};
use crate::domain::inbox::local_time_label;
use crate::ui::browser;
use crate::ui::state::{use_sla_board, use_view_clock};
use chrono::{DateTime, TimeDelta};
use leptos::prelude::*;

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
