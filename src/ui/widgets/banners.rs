//! Messages about storage that stay until the problem is gone or the user decides.

use crate::i18n::Text;
use crate::storage;
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n};
use crate::ui::widgets::transfer::ExportJsonButton;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn StorageBanners() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    view! {
        <Show when=move || store.unreadable.with(Option::is_some)>
            <UnreadableDataBanner />
        </Show>
        <Show when=move || store.save_problem.with(Option::is_some)>
            <div class="banner warning" role="alert">
                <strong>{i18n.text(Text::NotSavedLead)}</strong>
                {move || store.save_problem.with(|problem| problem.as_ref().map(|m| i18n.message(m)))}
                <div class="button-row">
                    <button on:click=move |_| store.save()>{i18n.text(Text::TrySavingAgain)}</button>
                    <ExportJsonButton label=Text::DownloadBackup />
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
    let i18n = use_i18n();
    let text = move || {
        store.interrupted.get().map(|lost| {
            i18n.fill(
                Text::InterruptedSave,
                &[("cases", &i18n.number(lost.cases as f64)), ("time", &i18n.time_of_day(lost.started_ms))],
            )
        })
    };
    view! {
        <div class="banner warning" role="alert" aria-label=i18n.text(Text::SaveDidNotFinish)>
            <strong>{i18n.text(Text::NotEverythingKept)}</strong>
            {text}
            <button on:click=move |_| store.interrupted.set(None)>{i18n.text(Text::Dismiss)}</button>
        </div>
    }
}

#[component]
fn UnreadableDataBanner() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let (download_problem, set_download_problem) = signal(None::<crate::i18n::Message>);
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
                None => Err(Text::BackupGone.into()),
            };
            set_download_problem.set(result.err());
        });
    };
    view! {
        <div class="banner danger" role="alert" aria-label=i18n.text(Text::StoredDataUnreadable)>
            <p>
                <strong>{i18n.text(Text::SomeDataUnreadable)}</strong>
                {move || unreadable().map(|u| format!("{} ", u.reason))}
                {move || {
                    unreadable()
                        .map(|u| match (u.backup_key.clone(), u.holds_saving()) {
                            (Some(key), true) => i18n.fill(Text::BackupKeptHolding, &[("key", &key)]),
                            (Some(key), false) => i18n.fill(Text::BackupKept, &[("key", &key)]),
                            (None, _) => i18n.t(Text::BackupNotMade).to_string(),
                        })
                }}
            </p>
            <div class="button-row">
                <button class="primary" on:click=download>{i18n.text(Text::DownloadUnreadable)}</button>
                <button on:click=move |_| store.discard_unreadable()>{i18n.text(Text::DiscardUnreadable)}</button>
                <button on:click=move |_| store.continue_with_desk() disabled=move || unreadable().is_some_and(|u| u.backup_key.is_none())>
                    {i18n.text(Text::KeepBackupAndContinue)}
                </button>
            </div>
            <Show when=move || download_problem.get().is_some()>
                <p class="inline-error">{move || download_problem.with(|p| p.as_ref().map(|m| i18n.message(m)))}</p>
            </Show>
        </div>
    }
}
