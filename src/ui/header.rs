//! The bar across the top: where you are, and the actions available everywhere.

use super::csv_export_buttons::ExportCsvMenu;
use super::import_export::{ExportJsonButton, ImportFileInput};
use super::quick_add::QuickAddButton;
use super::route::{use_route, Route};
use leptos::prelude::*;

#[component]
pub fn AppHeader() -> impl IntoView {
    let router = use_route();
    let current = move |wanted: Route| {
        move || {
            let here = router.route.get();
            let on_it = here == wanted
                || (wanted == Route::Inbox && matches!(here, Route::Case(_)))
                || (wanted == Route::Groups(None) && matches!(here, Route::Groups(_)))
                || (wanted == Route::Incidents && matches!(here, Route::Incident(_)));
            on_it.then_some("page")
        }
    };
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"TD"</span>
                <span>"Triage Desk"</span>
            </a>
            <nav class="tabs" aria-label="Sections">
                <a href="#/" aria-current=current(Route::Inbox)>"Inbox"</a>
                <a href="#/groups" aria-current=current(Route::Groups(None))>"Groups"</a>
                <a href="#/incidents" aria-current=current(Route::Incidents)>"Incidents"</a>
                <a href="#/settings" aria-current=current(Route::Settings)>"Settings"</a>
            </nav>
            <div class="actions">
                <button class="primary" on:click=move |_| router.go(Route::NewCase)>"New case"</button>
                <ExportJsonButton />
                <ExportCsvMenu />
                <ImportFileInput />
                <QuickAddButton />
            </div>
        </header>
    }
}
