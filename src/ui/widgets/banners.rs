//! Messages about storage that stay until the problem is gone or the user decides.

use crate::domain::layout::thousands;
use crate::storage;
use crate::ui::browser;
use crate::ui::state::use_desk;
use crate::ui::widgets::transfer::ExportJsonButton;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn StorageBanners() -> impl IntoView {
    let store = use_desk();
    view! {
        <Show when=move || store.unreadable.with(Option::is_some)>
            <UnreadableDataBanner />
        </Show>
        <Show when=move || store.save_problem.with(Option::is_some)>
            <div class="banner warning" role="alert">
                <strong>"Not saved. "</strong>
                {move || store.save_problem.get()}
                <div class="button-row">
                    <button on:click=move |_| store.save()>"Try saving again"</button>
                    <ExportJsonButton label="Download a backup" />
                </div>
            </div>
        </Show>
        <Show when=move || store.interrupted.with(Option::is_some)>
            <InterruptedSaveBanner />
        </Show>
    }
}

/// A save that a page closed in the middle of: it landed not at all, so the desk is as before.
#[component]
fn InterruptedSaveBanner() -> impl IntoView {
    let store = use_desk();
    let text = move || {
        store.interrupted.get().map(|lost| {
            let started = js_sys::Date::new(&lost.started_ms.into());
            format!(
                "The last save before a page of this desk closed did not finish: it was writing the records of {} cases (from {}), and the desk is as it was before that save, so the changes it held are not in this browser's storage. If they came from an import, import the file again.",
                thousands(lost.cases as u64),
                String::from(started.to_locale_time_string("default")),
            )
        })
    };
    view! {
        <div class="banner warning" role="alert" aria-label="A save did not finish">
            <strong>"Not everything was kept. "</strong>
            {text}
            <button on:click=move |_| store.interrupted.set(None)>"Dismiss"</button>
        </div>
    }
}

#[component]
fn UnreadableDataBanner() -> impl IntoView {
    let store = use_desk();
    let (download_problem, set_download_problem) = signal(None::<String>);
    let unreadable = move || store.unreadable.get();
    let download = move |_| {
        let Some(unreadable) = store.unreadable.get_untracked() else { return };
        spawn_local(async move {
            let result = match storage::read_unreadable(&unreadable).await {
                Some(raw) => browser::download(
                    &browser::stamped_file_name("triage-desk-unreadable", "json", browser::now()),
                    "application/json",
                    &raw,
                ),
                None => Err("The backup is no longer in this browser's storage.".into()),
            };
            set_download_problem.set(result.err());
        });
    };
    view! {
        <div class="banner danger" role="alert" aria-label="Stored data could not be read">
            <p>
                <strong>"Some of your saved data could not be read. "</strong>
                {move || unreadable().map(|u| format!("{} ", u.reason))}
                {move || {
                    unreadable()
                        .map(|u| match (u.backup_key.clone(), u.holds_saving()) {
                            (Some(key), true) => format!("Nothing was deleted: the data was copied to the backup \u{201c}{key}\u{201d} in this browser. The desk shows what could be read, and nothing is saved over the stored data until you choose Keep backup and continue. Download unreadable data gives a file that Import can restore from."),
                            (Some(key), false) => format!("Nothing was deleted: the data was copied to the backup \u{201c}{key}\u{201d} in this browser, and the desk starts without it until you decide."),
                            (None, _) => "It could not be copied aside, so it was left untouched and nothing will be saved over it until you download and discard it.".to_string(),
                        })
                }}
            </p>
            <div class="button-row">
                <button class="primary" on:click=download>"Download unreadable data"</button>
                <button on:click=move |_| store.discard_unreadable()>"Discard unreadable data"</button>
                <button on:click=move |_| store.continue_with_desk() disabled=move || unreadable().is_some_and(|u| u.backup_key.is_none())>
                    "Keep backup and continue"
                </button>
            </div>
            <Show when=move || download_problem.get().is_some()>
                <p class="inline-error">{move || download_problem.get()}</p>
            </Show>
        </div>
    }
}
