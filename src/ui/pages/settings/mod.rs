//! Settings: who you are on the timeline, and the SLA policies.

mod grouping;
mod language;
mod sla;
mod triage_rules;

use crate::domain::layout::{thousands, Capacity};
use crate::storage;
use crate::ui::browser;
use crate::ui::state::use_desk;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::title::document_title;
use leptos::prelude::*;
use leptos::task::spawn_local;
use triage_rules::TriageRulesEditor;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_desk();
    let name = Signal::derive(move || store.desk.with(|desk| desk.settings.display_name.clone()));
    document_title(Signal::stored("Settings".to_string()));
    view! {
        <section class="panel form-page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">"Settings"</h1>
            <h2>"You"</h2>
            <TextField
                label="Display name"
                value=name
                on_commit=move |text: String| {
                    let now = browser::now();
                    store.change_settings(|settings| {
                        settings.display_name = text.trim().to_string();
                        settings.updated_at = Some(now);
                    });
                }
            />
            <p class="muted">"Written as the author of every timeline entry you add. An empty name is shown as \u{201c}Me\u{201d}."</p>
            <language::LanguageSection />
            <sla::SlaSettingsSection />
            <grouping::GroupingSettingsSection />
        </section>
        <TriageRulesEditor />
        <StorageUsage />
    }
}

/// How many cases are kept and how much more fits, from the browser's own estimate.
#[component]
fn StorageUsage() -> impl IntoView {
    let store = use_desk();
    let count = Memo::new(move |_| store.desk.with(|desk| desk.cases.len()));
    let capacity = RwSignal::new(None::<Option<Capacity>>);
    // Asked again after each write, so the figures follow what is actually stored.
    Effect::new(move |_| {
        store.revision.track();
        let cases = count.get_untracked();
        spawn_local(async move { capacity.set(Some(storage::capacity(cases).await)) });
    });
    view! {
        <section class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            <p>
                {move || match count.get() {
                    1 => "1 case is kept in this browser.".to_string(),
                    n => format!("{} cases are kept in this browser.", thousands(n as u64)),
                }}
            </p>
            <p>
                {move || match capacity.get() {
                    None => "Asking the browser how much storage is used\u{2026}".to_string(),
                    Some(None) => "This browser does not say how much storage this page uses.".to_string(),
                    Some(Some(capacity)) => capacity.describe(),
                }}
            </p>
        </section>
    }
}
