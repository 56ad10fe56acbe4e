//! Settings: who you are and the desk's language, the SLA policies, triage rules, duplicate
//! grouping and its glossary, the incident cadence, plan and update templates, and storage;
//! a section list at the top (beside the sections on a wide screen) reaches each in one step.

mod cadence;
mod glossary;
mod grouping;
mod language;
mod sla;
mod templates;
mod triage_rules;

use crate::domain::desk::Settings;
use crate::domain::layout::{thousands, Capacity};
use crate::i18n::Text;
use crate::storage;
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n};
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::title::document_title;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use triage_rules::TriageRulesEditor;
use wasm_bindgen::JsCast;

/// The sections in page order: the id of each section element and its name in the list.
const SECTIONS: [(&str, Text); 8] = [
    ("settings-you", Text::SettingsYou),
    ("settings-sla", Text::SlaHeading),
    ("settings-rules", Text::RulesHeading),
    ("settings-grouping", Text::GroupingHeading),
    ("settings-glossary", Text::GlossaryHeading),
    ("settings-cadence", Text::IncidentUpdates),
    ("settings-templates", Text::UpdateTemplates),
    ("settings-storage", Text::StorageHeading),
];

/// `text` in the page's language, following a switch: one function for every fixed text of
/// these sections, where a closure written at each place would each be compiled on its own.
fn tx(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(text)
}

/// Saves a change to the settings, stamped now: of two tabs' settings, the newer is kept.
fn save_settings(apply: impl FnOnce(&mut Settings)) {
    let now = browser::now();
    use_desk().change_settings(|settings| {
        apply(settings);
        settings.updated_at = Some(now);
    });
}

/// Moves to the section a link names and puts focus on it, without touching the URL's hash
/// (which names the screen).
fn jump(ev: MouseEvent) {
    ev.prevent_default();
    let target = ev.current_target().and_then(|link| link.dyn_into::<web_sys::Element>().ok());
    let id = target.and_then(|link| link.get_attribute("href")).unwrap_or_default();
    let section = document().get_element_by_id(id.trim_start_matches('#'));
    if let Some(section) = section.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        section.scroll_into_view();
        let _ = section.focus();
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let name = Signal::derive(move || store.desk.with(|desk| desk.settings.display_name.clone()));
    document_title(Signal::derive(move || i18n.t(Text::SettingsTitle).to_string()));
    view! {
        <div class="settings-page">
            <h1 id="settings-heading" class="settings-title">{tx(Text::SettingsTitle)}</h1>
            <nav class="settings-nav" aria-label=tx(Text::SettingsOnThisPage)>
                <ul>
                    {SECTIONS
                        .into_iter()
                        .map(|(id, text)| view! { <li><a href=format!("#{id}") on:click=jump>{tx(text)}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
            <div class="settings-sections">
                <section id="settings-you" tabindex="-1" class="panel" aria-labelledby="you-heading">
                    <h2 id="you-heading">{tx(Text::SettingsYou)}</h2>
                    <TextField
                        label=Text::DisplayName
                        value=name
                        on_commit=move |text: String| {
                            let now = browser::now();
                            store.change_settings(|settings| {
                                settings.display_name = text.trim().to_string();
                                settings.updated_at = Some(now);
                            });
                        }
                    />
                    <p class="muted">{tx(Text::DisplayNameHint)}</p>
                    <language::LanguageSection />
                </section>
                <sla::SlaSettingsSection />
                <TriageRulesEditor />
                <grouping::GroupingSettingsSection />
                <glossary::GlossaryEditor />
                <cadence::CadenceAndPlan />
                <templates::TemplateLibraryEditor />
                <StorageUsage />
            </div>
        </div>
    }
}

/// How many cases are kept and how much more fits, from the browser's own estimate.
#[component]
fn StorageUsage() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let count = Memo::new(move |_| store.desk.with(|desk| desk.cases.len()));
    let capacity = RwSignal::new(None::<Option<Capacity>>);
    // Asked again after each write, so the figures follow what is actually stored.
    Effect::new(move |_| {
        store.revision.track();
        let cases = count.get_untracked();
        spawn_local(async move { capacity.set(Some(storage::capacity(cases).await)) });
    });
    view! {
        <section id="settings-storage" tabindex="-1" class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{tx(Text::StorageHeading)}</h2>
            <p>
                {move || match count.get() {
                    1 => i18n.t(Text::CasesKeptOne).to_string(),
                    n => i18n.fill(Text::CasesKept, &[("n", &thousands(n as u64))]),
                }}
            </p>
            <p>
                {move || match capacity.get() {
                    None => i18n.t(Text::AskingStorage).to_string(),
                    Some(None) => i18n.t(Text::StorageUnknown).to_string(),
                    Some(Some(capacity)) => i18n.message(&capacity.describe()),
                }}
            </p>
        </section>
    }
}
