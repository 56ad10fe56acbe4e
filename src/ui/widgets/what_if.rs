//! The what-if clock on screen: the banner shown on every page while it is on, and the
//! buttons that move the view's now forward. Only what is shown changes; nothing is saved.

use crate::domain::case::{Tier, Timestamp};
use crate::domain::sla::duration;
use crate::i18n::Text;
use crate::ui::state::{use_i18n, use_sla_board, use_view_clock};
use chrono::{DateTime, TimeDelta};
use leptos::prelude::*;

/// Shown on every page while the what-if clock is on.
#[component]
pub fn WhatIfBanner() -> impl IntoView {
    let clock = use_view_clock();
    let i18n = use_i18n();
    let showing = move || {
        let time = i18n.wall_time(clock.now(), None, true);
        let ahead = i18n.message(&duration(clock.now() - clock.real_now()));
        i18n.fill(Text::WhatIfShowing, &[("time", &time), ("ahead", &ahead)])
    };
    view! {
        <Show when=move || clock.is_what_if()>
            <div class="banner warning what-if" role="status">
                <p>
                    <strong>{i18n.text(Text::WhatIfBannerLead)}</strong>" " {showing}
                </p>
                <button on:click=move |_| clock.back_to_now()>{i18n.text(Text::BackToNow)}</button>
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
    let i18n = use_i18n();
    let t = move |text: Text| move || i18n.t(text);
    let (problem, set_problem) = signal(None::<Text>);
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
        Some(_) => set_problem.set(Some(Text::ChooseFutureTime)),
        None => set_problem.set(Some(Text::ChooseDateTimeFirst)),
    };
    view! {
        <div class="what-if-controls" role="group" aria-labelledby="what-if-label">
            <span id="what-if-label" class="what-if-label">{t(Text::WhatIfClock)}</span>
            <button on:click=move |_| clock.forward(TimeDelta::hours(1))>{move || i18n.fill(Text::PlusHours, &[("n", "1")])}</button>
            <button on:click=move |_| clock.forward(TimeDelta::hours(4))>{move || i18n.fill(Text::PlusHours, &[("n", "4")])}</button>
            <button on:click=end_of_day>{t(Text::EndOfBusinessDay)}</button>
            <label class="inline-label" for="what-if-time">{t(Text::AtTime)}</label>
            <input
                id="what-if-time"
                type="datetime-local"
                aria-describedby="what-if-problem"
                prop:value=move || chosen.get()
                on:input=move |ev| set_chosen.set(event_target_value(&ev))
            />
            <button on:click=show_chosen>{t(Text::ShowTime)}</button>
            <Show when=move || clock.is_what_if()>
                <button on:click=move |_| clock.back_to_now()>{t(Text::BackToNow)}</button>
            </Show>
            <span id="what-if-problem" class="field-error" role="status">{move || problem.get().map(|text| i18n.t(text))}</span>
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
