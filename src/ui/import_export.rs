//! Export JSON and Import: the whole desk out to a file and back, with a review step so an
//! import never replaces anything without the user saying so.

use super::browser;
use super::store::use_desk;
use crate::domain::desk::Desk;
use crate::domain::persist::{export_json, read_import};
use leptos::prelude::*;
use std::collections::HashSet;

#[component]
pub fn ExportJsonButton() -> impl IntoView {
    let store = use_desk();
    let (problem, set_problem) = signal(None::<String>);
    let export = move |_| {
        let now = browser::now();
        let text = store.desk.with_untracked(|desk| export_json(desk, now));
        set_problem.set(
            browser::download(
                &browser::stamped_file_name("triage-desk", "json", now),
                "application/json",
                &text,
            )
            .err(),
        );
    };
    view! {
        <button on:click=export>"Export JSON"</button>
        <Show when=move || problem.get().is_some()>
            <p class="inline-error" role="alert">{move || problem.get()}</p>
        </Show>
    }
}

/// A file read and understood, waiting for the user to confirm.
#[derive(Clone, PartialEq)]
struct PendingImport {
    file_name: String,
    outcome: Result<Desk, String>,
}

#[derive(Clone, Copy)]
struct ImportState(RwSignal<Option<PendingImport>>);

/// Shared by the file input in the header and the review panel under it.
pub fn provide_import_state() {
    provide_context(ImportState(RwSignal::new(None)));
}

fn use_import_state() -> ImportState {
    expect_context::<ImportState>()
}

#[component]
pub fn ImportFileInput() -> impl IntoView {
    let state = use_import_state();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let file_name = file.name();
            let outcome = browser::read_text(file).await.and_then(|text| {
                read_import(&text).map_err(|error| format!("This file cannot be imported: {error}."))
            });
            state.0.set(Some(PendingImport { file_name, outcome }));
        });
    };
    view! {
        <label class="button file-button">
            "Import"
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_change />
        </label>
    }
}

/// The review panel that appears after a file is picked.
#[component]
pub fn ImportReview() -> impl IntoView {
    let state = use_import_state();
    let store = use_desk();
    let use_settings = RwSignal::new(false);
    Effect::new(move |_| {
        if state.0.with(Option::is_some) {
            use_settings.set(store.desk.with_untracked(|desk| desk.cases.is_empty()));
        }
    });
    let cancel = move |_| state.0.set(None);
    view! {
        {move || {
            state
                .0
                .get()
                .map(|pending| {
                    let body = match pending.outcome {
                        Err(message) => {
                            view! {
                                <p class="inline-error" role="alert">{message}</p>
                                <p>"Nothing was changed."</p>
                                <div class="button-row">
                                    <button on:click=cancel>"Close"</button>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(incoming) => import_summary(incoming, use_settings, state).into_any(),
                    };
                    view! {
                        <section class="panel review" role="region" aria-label="Import review">
                            <h2>"Import " {pending.file_name}</h2>
                            {body}
                        </section>
                    }
                })
        }}
    }
}

fn import_summary(incoming: Desk, use_settings: RwSignal<bool>, state: ImportState) -> impl IntoView {
    let store = use_desk();
    let known: HashSet<_> =
        store.desk.with_untracked(|desk| desk.cases.iter().map(|c| c.id.clone()).collect());
    let replacing = incoming.cases.iter().filter(|case| known.contains(&case.id)).count();
    let adding = incoming.cases.len() - replacing;
    let display_name = incoming.settings.display_name.clone();
    let confirm = move |_| {
        let incoming = incoming.clone();
        store.change(|desk| {
            desk.upsert(incoming.cases);
            if use_settings.get_untracked() {
                desk.settings = incoming.settings;
            }
        });
        state.0.set(None);
    };
    view! {
        <p>
            {format!("{adding} new cases will be added and {replacing} cases already here will be replaced by the file's version.")}
        </p>
        <label class="check">
            <input type="checkbox" prop:checked=move || use_settings.get() on:change=move |ev| use_settings.set(event_target_checked(&ev)) />
            {format!("Also use the file's settings (display name \u{201c}{display_name}\u{201d})")}
        </label>
        <div class="button-row">
            <button class="primary" on:click=confirm>"Import cases"</button>
            <button on:click=move |_| state.0.set(None)>"Cancel"</button>
        </div>
    }
}
