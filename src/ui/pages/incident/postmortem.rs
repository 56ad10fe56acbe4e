//! The postmortem draft offered once the incident is resolved: compiled from the incident and
//! its cases, edited here and stored on the incident (saved while typing pauses, like any
//! field, with the other-tab prompt), printed on A4 from its Markdown rendered as HTML, or
//! downloaded as Markdown.

use super::edit;
use crate::domain::incident::markdown::to_html;
use crate::domain::incident::postmortem::postmortem;
use crate::domain::incident::Incident;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_case_facts, use_desk, use_i18n};
use crate::ui::widgets::fields::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Postmortem(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let facts = use_case_facts();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let compile = move || {
        incident.with_untracked(|i| {
            let now = browser::now();
            facts.read(&i.cases, now, |cases| postmortem(i, &cases, &facts.zone(), i18n.lang(), now))
        })
    };
    let save = move |text: &str| {
        edit(store, &id.get_value(), |i, _, author, now| i.set_postmortem(text, author, now));
    };
    // Earlier builds kept the edited draft in this tab's session only: adopted once.
    let stored = move || incident.with(|i| i.postmortem.as_ref().map(|p| p.text.clone()));
    let key = format!("triage-desk:postmortem:{}", id.get_value());
    if let Some(text) = browser::session_value(&key).filter(|_| untrack(stored).is_none()) {
        // After this render, as a change of the desk.
        spawn_local(async move { save(&text) });
    }
    // Until someone edits it, the draft compiled on opening; "Compile again" refreshes it.
    let compiled = RwSignal::new(compile());
    let draft = Memo::new(move |_| stored().unwrap_or_else(|| compiled.get()));
    let confirming = RwSignal::new(false);
    let compile_again = move |_| {
        let fresh = compile();
        match untrack(stored) {
            None => compiled.set(fresh),
            // An edited draft is replaced only once the user said so.
            Some(text) if !text.trim().is_empty() && text != fresh && !confirming.get_untracked() => {
                confirming.set(true);
            }
            Some(_) => {
                confirming.set(false);
                save(&fresh);
            }
        }
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
            <div class="no-print">
                <TextField label=Text::PostmortemText value=draft multiline=true wide=true pause=true
                    on_commit=move |text: String| save(&text) />
            </div>
            <div class="print-only postmortem-print" inner_html=move || to_html(&draft.get())></div>
            <div class="button-row no-print">
                <button on:click=move |_| { let _ = window().print(); }>{i18n.text(Text::Print)}</button>
                <button on:click=download>{i18n.text(Text::DownloadMarkdown)}</button>
                <button on:click=compile_again>{i18n.text(Text::CompileAgain)}</button>
                <span class="muted small" role="status">{move || message.get()}</span>
            </div>
            {move || confirming.get().then(|| view! {
                <div class="postmortem-confirm no-print" role="group" aria-labelledby="postmortem-confirm-text">
                    <p id="postmortem-confirm-text" role="alert">{i18n.text(Text::CompileAgainQuestion)}</p>
                    <div class="button-row">
                        <button class="danger" on:click=compile_again>{i18n.text(Text::ReplaceDraft)}</button>
                        <button on:click=move |_| confirming.set(false)>{i18n.text(Text::Cancel)}</button>
                    </div>
                </div>
            })}
        </section>
    }
}
