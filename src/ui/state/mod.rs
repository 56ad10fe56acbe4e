//! The app's state: the desk store and everything derived from it, each created once by
//! [`provide_app_state`] and read anywhere below through its `use_*` function. Pages and
//! widgets read state; state never reads them.

mod case_facts;
mod clock;
mod grouping;
mod i18n;
mod import;
mod inbox_view;
mod keyboard;
mod kpi;
mod route;
mod scoring;
mod sla_board;
mod store;
mod sync;

pub use case_facts::use_case_facts;
pub use clock::{use_clock, use_view_clock};
pub use grouping::{use_grouping, Grouping};
pub use i18n::{use_i18n, I18n};
pub use import::{use_import_state, ColumnView, ImportState, Review, Stage};
pub use inbox_view::{use_inbox_view, InboxView, Indices};
pub use keyboard::{use_keyboard, PaletteMode};
pub use kpi::{use_kpi, Figures, KpiQuery};
pub use route::{use_route, Route, Router};
pub use scoring::{use_scoring, Scoring};
pub use sla_board::{use_sla_board, Settled, SlaBoard};
pub use store::{use_desk, DeskStore, Shared};

/// Everything the pages read, created in the order each piece needs the others: the
/// arguments make the compiler check that order.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: DeskStore,
    pub router: Router,
    pub i18n: I18n,
}

/// Creates the app's state and provides each piece to the components below.
pub fn provide_app_state() -> AppState {
    let store = store::provide_desk_store();
    let i18n = i18n::provide_i18n(store);
    let router = route::provide_router();
    keyboard::provide_keyboard(router, store);
    let clock = clock::provide_clock();
    let view_clock = clock::provide_view_clock();
    let scoring = scoring::provide_scoring(store);
    let grouping = grouping::provide_grouping(store);
    let sla = sla_board::provide_sla_board(store, clock, view_clock);
    inbox_view::provide_inbox_view(store, scoring, grouping, sla, clock);
    kpi::provide_kpi(store, sla, grouping, clock);
    // Warms the scoring, SLA and grouping caches while it imports.
    import::provide_import_state(store, scoring, sla, grouping);
    AppState { store, router, i18n }
}
