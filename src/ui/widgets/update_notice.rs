//! The notice that a new version of the app is ready. The new version waits until the user
//! clicks Reload, so it never swaps the app under a half-typed note.

use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let (waiting, set_waiting) = signal_local(None::<web_sys::ServiceWorker>);
    browser::watch_for_new_version(move |worker| set_waiting.set(Some(worker)));
    let reload = move |_| {
        waiting.with_untracked(|worker| {
            if let Some(worker) = worker {
                browser::switch_to(worker);
            }
        });
    };
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="banner update" role="status">
                {i18n.text(Text::NewVersionReady)} " "
                <button on:click=reload>{i18n.text(Text::ReloadNewVersion)}</button>
            </div>
        </Show>
    }
}
