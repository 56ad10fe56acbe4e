//! Messages about storage that stay until the problem is gone or the user decides.

use super::browser;
use super::store::use_desk;
use crate::storage;
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
                <button on:click=move |_| store.save()>"Try saving again"</button>
            </div>
        </Show>
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
                <strong>"Your saved cases could not be read. "</strong>
                {move || unreadable().map(|u| format!("The page found data but {}. ", u.reason))}
                {move || {
                    unreadable()
                        .map(|u| match u.backup_key {
                            Some(key) => format!("Nothing was deleted: the data was copied to the backup \u{201c}{key}\u{201d} in this browser, and the desk starts empty until you decide."),
                            None => "It could not be copied aside, so it was left untouched and nothing will be saved over it until you download and discard it.".to_string(),
                        })
                }}
            </p>
            <div class="button-row">
                <button class="primary" on:click=download>"Download unreadable data"</button>
                <button on:click=move |_| store.discard_unreadable()>"Discard unreadable data"</button>
                <button on:click=move |_| store.unreadable.set(None) disabled=move || unreadable().is_some_and(|u| u.backup_key.is_none())>
                    "Keep backup and continue"
                </button>
            </div>
            <Show when=move || download_problem.get().is_some()>
                <p class="inline-error">{move || download_problem.get()}</p>
            </Show>
        </div>
    }
}
