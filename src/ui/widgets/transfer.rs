//! Moving cases in and out of the desk: Export JSON, Export CSV (the inbox as currently
//! filtered and sorted, or every case; UTF-8 with a byte order mark, formulas neutralised),
//! and Import from a picked or dropped file.

use crate::domain::case::Case;
use crate::domain::csv_export::{export_csv, Computed};
use crate::domain::persist::export_json;
use crate::domain::sla::board::{time_pressure, CaseSla};
use crate::domain::triage::score;
use crate::i18n::{Message, Text};
use crate::ui::browser;
use crate::ui::state::{
    use_desk, use_grouping, use_i18n, use_import_state, use_inbox_view, use_scoring, use_sla_board,
    DeskStore, Grouping, I18n, InboxView, Scoring, SlaBoard,
};
use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Why a download did not start, under its button.
pub fn problem_note(i18n: I18n, problem: ReadSignal<Option<Message>>) -> impl IntoView {
    view! {
        <Show when=move || problem.with(Option::is_some)>
            <p class="inline-error" role="alert">{move || problem.with(|p| p.as_ref().map(|m| i18n.message(m)))}</p>
        </Show>
    }
}

/// The downloads the Data menu and the command palette start.
#[derive(Clone, Copy)]
pub struct Exports {
    store: DeskStore,
    inbox: InboxView,
    scoring: Scoring,
    sla: SlaBoard,
    grouping: Grouping,
}

pub fn use_exports() -> Exports {
    Exports {
        store: use_desk(),
        inbox: use_inbox_view(),
        scoring: use_scoring(),
        sla: use_sla_board(),
        grouping: use_grouping(),
    }
}

impl Exports {
    /// Downloads everything as this app's JSON export.
    pub fn json(self) -> Result<(), Message> {
        let now = browser::now();
        let groups = self.grouping.groups_now();
        let text = self.store.desk.with_untracked(|desk| export_json(desk, &groups, now));
        browser::download(&browser::stamped_file_name("triage-desk", "json", now), "application/json", &text)
    }

    /// Downloads the inbox as currently filtered and sorted, or every case, as CSV.
    pub fn csv(self, whole_desk: bool) -> Result<(), Message> {
        let Exports { store, inbox, scoring, sla, grouping } = self;
        let now = browser::now();
        let settled = sla.settled.get_untracked();
        let rules = scoring.rules.get_untracked();
        let signals = scoring.signals.get_untracked();
        // Priority, score and SLA state as the inbox shows them now (read at the 30-second clock).
        let computed = |case: &Case| {
            let Some((at, signals)) = store.place(&case.id).and_then(|at| Some((at, signals.get(at)?)))
            else {
                return Computed::default();
            };
            let reading = settled.0.readings.get(at);
            let pressure = time_pressure(case, reading, now);
            let scored = score(case, signals, pressure, grouping.group_size(&case.id), &rules);
            Computed {
                priority: Some(case.priority_pin.unwrap_or(scored.priority)),
                score: Some(scored.total),
                sla_state: reading.and_then(CaseSla::worst_state),
            }
        };
        let bytes = store.desk.with_untracked(|desk| {
            if whole_desk {
                export_csv(&desk.cases, computed)
            } else {
                // Exactly the rows the inbox lists, in its order (score, SLA filters and all).
                let shown = inbox.shown_untracked();
                export_csv(shown.0.iter().filter_map(|&i| desk.cases.get(i)), computed)
            }
        });
        let stem = if whole_desk { "triage-desk-all" } else { "triage-desk-view" };
        let file_name = browser::stamped_file_name(stem, "csv", now);
        browser::download_bytes(&file_name, "text/csv;charset=utf-8", &bytes)
    }
}

/// Downloads everything as this app's JSON export; `label` names it where it serves as a backup.
#[component]
pub fn ExportJsonButton(#[prop(optional)] label: Option<Text>) -> impl IntoView {
    let exports = use_exports();
    let i18n = use_i18n();
    let (problem, set_problem) = signal(None::<Message>);
    view! {
        <button on:click=move |_| set_problem.set(exports.json().err())>{move || i18n.t(label.unwrap_or(Text::ExportJson))}</button>
        {problem_note(i18n, problem)}
    }
}

#[component]
pub fn ExportCsvMenu() -> impl IntoView {
    let exports = use_exports();
    let i18n = use_i18n();
    let menu = NodeRef::<Details>::new();
    let (problem, set_problem) = signal(None::<Message>);
    let export = move |whole_desk: bool| {
        set_problem.set(exports.csv(whole_desk).err());
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    view! {
        <details class="menu" node_ref=menu>
            <summary class="button">{i18n.text(Text::ExportCsv)}</summary>
            <div class="menu-items">
                <button on:click=move |_| export(false)>{i18n.text(Text::ExportCsvView)}</button>
                <button on:click=move |_| export(true)>{i18n.text(Text::ExportCsvAll)}</button>
            </div>
        </details>
        {problem_note(i18n, problem)}
    }
}

/// The id of the Data menu's file input, which the palette's Import clicks.
const IMPORT_INPUT: &str = "import-file";

/// Opens the browser's file picker for an import (from a key press or click, which the
/// browser requires).
pub fn choose_import_file() {
    if let Some(input) = document().get_element_by_id(IMPORT_INPUT) {
        if let Some(input) = input.dyn_ref::<web_sys::HtmlElement>() {
            input.click();
        }
    }
}

#[component]
pub fn ImportFileInput() -> impl IntoView {
    let state = use_import_state();
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        state.start_file(file);
    };
    view! {
        <label class="button file-button">
            {i18n.text(Text::Import)}
            <input
                id=IMPORT_INPUT
                type="file"
                accept=".csv,.tsv,.txt,.json,text/csv,application/json"
                class="visually-hidden"
                on:change=on_change
            />
        </label>
    }
}

/// Accepts a file dropped anywhere on the page, with a hint while one is dragged over it.
#[component]
pub fn DropHint() -> impl IntoView {
    let state = use_import_state();
    let i18n = use_i18n();
    let dragging = RwSignal::new(false);
    // Enter and leave fire for every element crossed; the page is left when they balance.
    let depth = StoredValue::new(0_i32);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|data| data.types().includes(&"Files".into(), 0))
    };
    let enter = window_event_listener(leptos::ev::dragenter, move |ev| {
        if carries_files(&ev) {
            depth.update_value(|d| *d += 1);
            dragging.set(true);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if carries_files(&ev) {
            depth.update_value(|d| *d -= 1);
            if depth.get_value() <= 0 {
                depth.set_value(0);
                dragging.set(false);
            }
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        depth.set_value(0);
        dragging.set(false);
        let file = ev.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            state.start_file(file);
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-hint" role="status">
                <p>{i18n.text(Text::DropToImport)}</p>
            </div>
        </Show>
    }
}
