//! Settings: who you are on the timeline, and the SLA policies.

use super::browser;
use super::fields::TextField;
use super::store::use_desk;
use super::triage_rules::TriageRulesEditor;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_desk();
    let name = Signal::derive(move || store.desk.with(|desk| desk.settings.display_name.clone()));
    view! {
        <section class="panel form-page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">"Settings"</h1>
            <h2>"You"</h2>
            <TextField
                label="Display name"
                value=name
                on_commit=move |text: String| {
                    let now = browser::now();
                    store.change(|desk| {
                        desk.settings.display_name = text.trim().to_string();
                        desk.settings.updated_at = Some(now);
                    });
                }
            />
            <p class="muted">"Written as the author of every timeline entry you add. An empty name is shown as \u{201c}Me\u{201d}."</p>
            <super::sla_settings::SlaSettingsSection />
            <super::grouping_settings::GroupingSettingsSection />
        </section>
        <TriageRulesEditor />
    }
}
