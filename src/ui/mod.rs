//! The browser UI: `state` holds the desk and what is derived from it, `pages` are the
//! screens, `widgets` the pieces they share. The domain does the thinking.

mod browser;
mod pages;
mod state;
mod widgets;

use crate::i18n::Text;
use leptos::prelude::*;
use pages::{case, dashboard, groups, inbox, incident, incidents, new_case, report, settings};
use state::Route;
use widgets::{
    banners, header, import_review, palette, quick_add, shortcuts, transfer, update_notice, what_if,
};

#[component]
pub fn App() -> impl IntoView {
    let state::AppState { store, router, i18n } = state::provide_app_state();
    view! {
        <header::AppHeader />
        <banners::StorageBanners />
        <update_notice::UpdateNotice />
        <what_if::WhatIfBanner />
        <transfer::DropHint />
        <quick_add::QuickAddPanel />
        <import_review::ImportReview />
        <palette::CommandPalette />
        <shortcuts::ShortcutSheet />
        <main id="main" class="page">
            {move || match router.route.get() {
                // Until the stored desk is read, an empty inbox would be a lie.
                _ if !store.ready.get() => view! { <p class="muted" role="status">{i18n.text(Text::LoadingCases)}</p> }.into_any(),
                Route::Inbox => view! { <inbox::Inbox /> }.into_any(),
                Route::NewCase => view! { <new_case::NewCaseForm /> }.into_any(),
                Route::Case(id) => view! { <case::CaseView id /> }.into_any(),
                Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
                Route::Groups(focus) => view! { <groups::GroupsPage focus /> }.into_any(),
                Route::Incidents => view! { <incidents::IncidentsPage /> }.into_any(),
                Route::Incident(id) => view! { <incident::IncidentPage id /> }.into_any(),
                Route::Dashboard => view! { <dashboard::DashboardPage /> }.into_any(),
                Route::Report => view! { <report::ReportPage /> }.into_any(),
            }}
        </main>
    }
}
