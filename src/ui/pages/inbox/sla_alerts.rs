//! Opt-in breach alerts through the browser's Notification API. What to announce and how often
//! is decided by the domain's `AlertTracker`; this only asks permission and shows the result.

use crate::domain::sla::alerts::{Alert, AlertTracker, Observed};
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n, use_sla_board, use_view_clock, I18n};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

fn supported() -> bool {
    web_sys::window()
        .is_some_and(|window| js_sys::Reflect::has(&window, &"Notification".into()).unwrap_or(false))
}

fn show(alert: &Alert, i18n: I18n) {
    let options = NotificationOptions::new();
    options.set_body(&i18n.message(&alert.body));
    options.set_tag(&alert.tag);
    let _ = Notification::new_with_options(&i18n.message(&alert.title), &options);
}

/// "Turn on breach alerts", then watches every open case once a second while on.
#[component]
pub fn BreachAlerts() -> impl IntoView {
    let store = use_desk();
    let board = use_sla_board();
    let clock = use_view_clock();
    let i18n = use_i18n();
    let enabled = RwSignal::new(false);
    let (message, set_message) = signal(None::<Text>);
    let tracker = StoredValue::new(AlertTracker::default());
    Effect::new(move |_| {
        if !enabled.get() || clock.is_what_if() {
            return;
        }
        // Alerts follow the 30-second reading of every case; the real time is read untracked
        // so the 1 Hz tick does not rerun this over the whole desk.
        let now = untrack(|| clock.real_now());
        let observed: Vec<Observed> = board.settled.with(|settled| {
            store.desk.with(|desk| {
                desk.cases
                    .iter()
                    .zip(&settled.0.readings)
                    .filter(|(case, _)| case.is_open())
                    .map(|(case, sla)| Observed {
                        case_id: case.id.0.clone(),
                        title: case.title.clone(),
                        state: sla.worst_state(),
                    })
                    .collect()
            })
        });
        let mut alert = None;
        tracker.update_value(|tracker| alert = tracker.observe(now, &observed));
        if let Some(alert) = alert {
            untrack(|| show(&alert, i18n));
        }
    });
    let turn_on = move |_| {
        if !supported() {
            set_message.set(Some(Text::NoNotificationsHere));
            return;
        }
        if Notification::permission() == NotificationPermission::Granted {
            enabled.set(true);
            set_message.set(None);
            return;
        }
        let Ok(promise) = Notification::request_permission() else {
            set_message.set(Some(Text::PermissionNotAsked));
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let answer = JsFuture::from(promise).await.ok().and_then(|value| value.as_string());
            if answer.as_deref() == Some("granted") {
                enabled.set(true);
                set_message.set(None);
            } else {
                set_message.set(Some(Text::NotificationsBlocked));
            }
        });
    };
    view! {
        <div class="breach-alerts">
            {move || if enabled.get() {
                view! {
                    <button aria-pressed="true" on:click=move |_| {
                        enabled.set(false);
                        tracker.set_value(AlertTracker::default());
                    }>{i18n.text(Text::TurnOffBreachAlerts)}</button>
                }.into_any()
            } else {
                view! { <button on:click=turn_on>{i18n.text(Text::TurnOnBreachAlerts)}</button> }.into_any()
            }}
            <span class="muted small" role="status">
                {move || message.get().or_else(|| enabled.get().then_some(Text::AlertsAreOn)).map(|text| i18n.t(text))}
            </span>
        </div>
    }
}
