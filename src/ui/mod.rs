//! The browser UI. Components are named for what the user sees; the state lives in one
//! store and the domain does the thinking.

mod banners;
mod browser;
mod case_form;
mod case_view;
mod csv_export_buttons;
mod fields;
mod grouping;
mod grouping_settings;
mod groups_view;
mod header;
mod import_export;
mod import_review;
mod inbox;
mod incidents;
mod presence;
mod quick_add;
mod route;
mod settings;
mod similar_cases;
mod sla_alerts;
mod sla_settings;
mod sla_timers;
mod store;
mod surge_banner;
mod triage;
mod triage_rules;
mod what_if;

use leptos::prelude::*;
use route::Route;

#[component]
pub fn App() -> impl IntoView {
    let store = store::use_desk_store();
    inbox::provide_inbox_state();
    triage::provide_scoring();
    grouping::provide_grouping();
    let router = route::use_router();
    let clock = use_clock();
    provide_context(clock);
    what_if::provide_view_clock();
    sla_timers::provide_sla_board();
    inbox::provide_inbox_view();
    // Warms the scoring and SLA caches while it imports, so it comes after them.
    import_export::provide_import_state();
    view! {
        <header::AppHeader />
        <banners::StorageBanners />
        <what_if::WhatIfBanner />
        <import_export::DropHint />
        <quick_add::QuickAddPanel />
        <import_review::ImportReview />
        <main id="main" class="page">
            {move || match router.route.get() {
                // Until the stored desk is read, an empty inbox would be a lie.
                _ if !store.ready.get() => view! { <p class="muted" role="status">"Loading your cases\u{2026}"</p> }.into_any(),
                Route::Inbox => view! { <inbox::Inbox /> }.into_any(),
                Route::NewCase => view! { <case_form::NewCaseForm /> }.into_any(),
                Route::Case(id) => view! { <case_view::CaseView id /> }.into_any(),
                Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
                Route::Groups(focus) => view! { <groups_view::GroupsPage focus /> }.into_any(),
                Route::Incidents => view! { <incidents::IncidentsPage /> }.into_any(),
                Route::Incident(id) => view! { <incidents::IncidentPage id /> }.into_any(),
            }}
        </main>
    }
}

/// The current time for relative labels ("5 m"), refreshed every 30 seconds.
#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<crate::domain::case::Timestamp>);

fn use_clock() -> Clock {
    let (now, set_now) = signal(browser::now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_now.set(browser::now()), std::time::Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    Clock(now)
}
