//! The bar across the top: where you are, and the actions available everywhere.

use super::quick_add::QuickAddButton;
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n, use_route, Route};
use crate::ui::widgets::transfer::ExportCsvMenu;
use crate::ui::widgets::transfer::ExportJsonButton;
use crate::ui::widgets::transfer::ImportFileInput;
use leptos::prelude::*;

#[component]
pub fn AppHeader() -> impl IntoView {
    let router = use_route();
    let i18n = use_i18n();
    let current = move |wanted: Route| {
        move || {
            let here = router.route.get();
            let on_it = here == wanted
                || (wanted == Route::Inbox && matches!(here, Route::Case(_)))
                || (wanted == Route::Groups(None) && matches!(here, Route::Groups(_)))
                || (wanted == Route::Incidents && matches!(here, Route::Incident(_)))
                || (wanted == Route::Dashboard && here == Route::Report);
            on_it.then_some("page")
        }
    };
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"TD"</span>
                <span>"Triage Desk"</span>
            </a>
            <nav class="tabs" aria-label=i18n.text(Text::Sections)>
                <a href="#/" aria-current=current(Route::Inbox)>{i18n.text(Text::TabInbox)}</a>
                <a href="#/groups" aria-current=current(Route::Groups(None))>{i18n.text(Text::Groups)}</a>
                <a href="#/incidents" aria-current=current(Route::Incidents)>{i18n.text(Text::Incidents)}</a>
                <a href="#/dashboard" aria-current=current(Route::Dashboard)>{i18n.text(Text::Dashboard)}</a>
                <a href="#/settings" aria-current=current(Route::Settings)>{i18n.text(Text::TabSettings)}</a>
            </nav>
            <div class="actions">
                <super::palette::PaletteButton />
                <super::language::LanguageSelect id="header-language" />
                <SaveStatus />
                <button class="primary" on:click=move |_| router.go(Route::NewCase)>{i18n.text(Text::NewCase)}</button>
                <DataMenu />
            </div>
        </header>
    }
}

/// Export, import and quick add behind one button, so the bar stays one row on a laptop and
/// two on a phone. Each keeps its own name, so it is found the same way inside the menu.
#[component]
fn DataMenu() -> impl IntoView {
    let i18n = use_i18n();
    let menu = NodeRef::<leptos::html::Details>::new();
    // Quick add opens its panel under the bar, which the open menu would cover.
    let close = move |_| {
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    view! {
        <details class="menu data-menu" node_ref=menu>
            <summary class="button">{i18n.text(Text::DataMenu)}</summary>
            <div class="menu-items">
                <ExportJsonButton />
                <ExportCsvMenu />
                <ImportFileInput />
                <span class="menu-item" on:click=close>
                    <QuickAddButton />
                </span>
            </div>
        </details>
    }
}

/// Whether this tab's changes are in storage yet, so nobody closes the page on a save.
#[component]
fn SaveStatus() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let state = move || {
        if store.save_problem.with(Option::is_some)
            || store.unreadable.with(|u| u.as_ref().is_some_and(|u| u.holds_saving()))
        {
            ("not-saved", Text::StatusNotSaved)
        } else if store.unsaved.get() {
            ("saving", Text::StatusSaving)
        } else {
            ("saved", Text::StatusSaved)
        }
    };
    view! {
        <span class=move || format!("save-status {}", state().0) role="status">
            {move || i18n.t(state().1)}
        </span>
    }
}
