//! The postmortem draft offered once the incident is resolved: compiled from the incident and
//! its cases, edited here (kept in this tab's session until the tab closes), printed on A4 by
//! the print stylesheet, or downloaded as Markdown.

use crate::domain::incident::postmortem::postmortem;
use crate::domain::incident::Incident;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_case_facts, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Postmortem(incident: Memo<Incident>) -> impl IntoView {
    let i18n = use_i18n();
    let facts = use_case_facts();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let key = StoredValue::new(format!("triage-desk:postmortem:{}", id.get_value()));
    let compile = move || {
        incident.with_untracked(|i| {
            let now = browser::now();
            facts.read(&i.cases, now, |cases| postmortem(i, &cases, &facts.zone(), now))
        })
    };
    let draft = RwSignal::new(browser::session_value(&key.get_value()).unwrap_or_else(compile));
    let edit = move |text: String| {
        browser::set_session_value(&key.get_value(), &text);
        draft.set(text);
    };
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let name =
            browser::stamped_file_name(&format!("{}-postmortem", id.get_value()), "md", browser::now());
        let result = browser::download(&name, "text/markdown", &draft.get_untracked());
        message.set(result.err().map(|problem| i18n.message(&problem)));
    };
    view! {
        <section class="panel postmortem" aria-labelledby="postmortem-heading">
            <h2 id="postmortem-heading">{i18n.text(Text::PostmortemDraft)}</h2>
            <p class="muted small no-print">{i18n.text(Text::PostmortemHint)}</p>
            <div class="field wide no-print">
                <label for="postmortem-text">{i18n.text(Text::PostmortemText)}</label>
                <textarea id="postmortem-text" rows="18" prop:value=move || draft.get()
                    on:input=move |ev| edit(event_target_value(&ev))></textarea>
            </div>
            <div class="print-only postmortem-print">{move || draft.get()}</div>
            <div class="button-row no-print">
                <button on:click=move |_| { let _ = window().print(); }>{i18n.text(Text::Print)}</button>
                <button on:click=download>{i18n.text(Text::DownloadMarkdown)}</button>
                <button on:click=move |_| edit(compile())>{i18n.text(Text::CompileAgain)}</button>
                <span class="muted small" role="status">{move || message.get()}</span>
            </div>
        </section>
    }
}
