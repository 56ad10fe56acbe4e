//! Export CSV: the inbox as currently filtered and sorted, or every case, as a spreadsheet
//! file (UTF-8 with a byte order mark, formulas neutralised).

use super::browser;
use super::inbox::InboxView;
use super::store::use_desk;
use crate::domain::csv_export::export_csv;
use leptos::html::Details;
use leptos::prelude::*;

#[component]
pub fn ExportCsvMenu() -> impl IntoView {
    let store = use_desk();
    let inbox = expect_context::<InboxView>();
    let menu = NodeRef::<Details>::new();
    let (problem, set_problem) = signal(None::<String>);
    let export = move |whole_desk: bool| {
        let now = browser::now();
        let bytes = store.desk.with_untracked(|desk| {
            if whole_desk {
                export_csv(&desk.cases)
            } else {
                // Exactly the rows the inbox lists, in its order (score, SLA filters and all).
                let shown = inbox.shown_untracked();
                export_csv(shown.0.iter().filter_map(|&i| desk.cases.get(i)))
            }
        });
        let stem = if whole_desk { "triage-desk-all" } else { "triage-desk-view" };
        let file_name = browser::stamped_file_name(stem, "csv", now);
        set_problem.set(browser::download_bytes(&file_name, "text/csv;charset=utf-8", &bytes).err());
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    view! {
        <details class="menu" node_ref=menu>
            <summary class="button">"Export CSV"</summary>
            <div class="menu-items">
                <button on:click=move |_| export(false)>"Export CSV (this view)"</button>
                <button on:click=move |_| export(true)>"Export CSV (all cases)"</button>
            </div>
        </details>
        <Show when=move || problem.get().is_some()>
            <p class="inline-error" role="alert">{move || problem.get()}</p>
        </Show>
    }
}
