//! Settings > Support glossary: the concepts that let cases written in English, Korean and
//! Traditional Chinese meet, viewed, added, edited, removed and reset to the built-in. Grouping
//! and similar cases read the edited glossary (see `ui::state::grouping`).

use super::save_settings;
use super::tx;
use crate::domain::grouping::glossary::{builtin_lines, check_line, check_lines, concept_name};
use crate::i18n::{Message, Text};
use crate::ui::state::{use_desk, use_i18n};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const COLUMNS: [(&str, Text); 3] = [
    ("glossary-english", Text::GlossaryEnglishForms),
    ("glossary-korean", Text::GlossaryKoreanForms),
    ("glossary-chinese", Text::GlossaryChineseForms),
];

/// A line's three columns, each with its forms joined by ", " (a malformed line keeps what
/// it has, so it can be fixed).
fn columns(line: &str) -> [String; 3] {
    let mut parts = line.split('|').map(|part| {
        part.split(',').map(str::trim).filter(|form| !form.is_empty()).collect::<Vec<_>>().join(", ")
    });
    [(); 3].map(|_| parts.next().unwrap_or_default())
}

#[component]
pub fn GlossaryEditor() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let edited = Memo::new(move |_| store.desk.with(|desk| desk.settings.glossary.is_some()));
    let lines = Memo::new(move |_| {
        store.desk.with(|desk| desk.settings.glossary.clone()).unwrap_or_else(builtin_lines)
    });
    let problems = Memo::new(move |_| lines.with(|lines| check_lines(lines)));
    let search = RwSignal::new(String::new());
    // The concept being edited (its line), or None while adding one.
    let editing = RwSignal::new(None::<usize>);
    let form = [(); 3].map(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<Message>);
    let clear = move || {
        editing.set(None);
        form.iter().for_each(|field| field.set(String::new()));
        error.set(None);
    };
    let commit = move || {
        let typed = form.map(|field| field.get_untracked());
        let line = columns(&typed.join(" | ")).join(" | ");
        let at = editing.get_untracked();
        let mut all = lines.get_untracked();
        let name = concept_name(&line);
        let taken =
            all.iter().enumerate().position(|(i, other)| Some(i) != at && concept_name(other) == name);
        let checked = check_line(&line).and_then(|()| match taken {
            Some(first) => Err(Message::new(Text::GlossaryNamedTwice).arg("name", &name).arg("n", first + 1)),
            None => Ok(()),
        });
        if let Err(problem) = checked {
            error.set(Some(problem));
            return;
        }
        match at.and_then(|at| all.get_mut(at)) {
            Some(slot) => *slot = line,
            None => all.push(line),
        }
        save_settings(|settings| settings.glossary = Some(all));
        clear();
    };
    // One handler for the table: each button names its line and what to do in `data-*`.
    let act = move |ev: MouseEvent| {
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(button) = button.and_then(|t| t.closest("button[data-at]").ok().flatten()) else { return };
        let Some(at) = button.get_attribute("data-at").and_then(|at| at.parse::<usize>().ok()) else {
            return;
        };
        if button.get_attribute("data-do").as_deref() == Some("remove") {
            let mut all = lines.get_untracked();
            if at < all.len() {
                all.remove(at);
                save_settings(|settings| settings.glossary = Some(all));
            }
            clear();
        } else if let Some(line) = lines.with_untracked(|lines| lines.get(at).cloned()) {
            for (field, value) in form.iter().zip(columns(&line)) {
                field.set(value);
            }
            error.set(None);
            editing.set(Some(at));
            if let Some(first) = document().get_element_by_id(COLUMNS[0].0) {
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    let rows = move || {
        let wanted = search.get().trim().to_lowercase();
        lines.with(|lines| {
            lines
                .iter()
                .enumerate()
                .filter(|(_, line)| wanted.is_empty() || line.to_lowercase().contains(&wanted))
                .map(|(at, line)| {
                    let [en, ko, zh] = columns(line);
                    let name = concept_name(line);
                    view! {
                        <tr>
                            <td lang="en">{en}</td>
                            <td lang="ko">{ko}</td>
                            <td lang="zh-TW">{zh}</td>
                            <td class="row-actions">
                                <button type="button" class="link" data-at=at.to_string() data-do="edit"
                                    aria-label=i18n.fill(Text::EditConcept, &[("name", &name)])>{i18n.t(Text::Edit)}</button>
                                <button type="button" class="link" data-at=at.to_string() data-do="remove"
                                    aria-label=i18n.fill(Text::RemoveConcept, &[("name", &name)])>{i18n.t(Text::Remove)}</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section id="settings-glossary" tabindex="-1" class="panel glossary-settings" aria-labelledby="glossary-heading">
            <h2 id="glossary-heading">{tx(Text::GlossaryHeading)}</h2>
            <p class="muted small">{tx(Text::GlossaryIntro)}</p>
            <p role="status">
                {move || {
                    let n = lines.with(Vec::len).to_string();
                    i18n.fill(if edited.get() { Text::GlossaryEdited } else { Text::GlossaryBuiltin }, &[("n", &n)])
                }}
            </p>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <div class="banner warning" role="status">
                    <p>{tx(Text::GlossaryProblems)}</p>
                    <ul>
                        {move || problems.get().into_iter().map(|(at, problem)| view! {
                            <li>{i18n.fill(Text::GlossaryLineProblem, &[("n", &(at + 1).to_string()), ("problem", &i18n.message(&problem))])}</li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <form class="glossary-form" on:submit=move |ev| {
                ev.prevent_default();
                commit();
            }>
                <fieldset>
                    <legend>{move || i18n.t(if editing.get().is_some() { Text::EditConceptLegend } else { Text::AddConceptLegend })}</legend>
                    <div class="form-grid glossary-fields">
                        {COLUMNS.iter().zip(form).map(|(&(id, label), field)| view! {
                            <div class="field">
                                <label for=id>{tx(label)}</label>
                                <input id=id type="text" autocomplete="off" aria-describedby="glossary-form-message"
                                    aria-invalid=move || error.with(Option::is_some).to_string()
                                    prop:value=move || field.get() on:input=move |ev| field.set(event_target_value(&ev)) />
                            </div>
                        }).collect_view()}
                    </div>
                    <p class="muted small">{tx(Text::GlossaryFormHint)}</p>
                    <p id="glossary-form-message" class="field-error" role="status">
                        {move || error.with(|e| e.as_ref().map(|e| i18n.message(e)))}
                    </p>
                    <div class="button-row">
                        <button type="submit" class="primary">
                            {move || i18n.t(if editing.get().is_some() { Text::SaveConcept } else { Text::AddConcept })}
                        </button>
                        <Show when=move || editing.get().is_some()>
                            <button type="button" on:click=move |_| clear()>{tx(Text::Cancel)}</button>
                        </Show>
                        <button type="button" disabled=move || !edited.get()
                            on:click=move |_| {
                                save_settings(|settings| settings.glossary = None);
                                clear();
                            }>{tx(Text::ResetGlossary)}</button>
                    </div>
                </fieldset>
            </form>
            <div class="field">
                <label for="glossary-search">{tx(Text::FindConcept)}</label>
                <input id="glossary-search" type="search" autocomplete="off"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <div class="table-scroll glossary-table">
                <table class="cases">
                    <caption class="visually-hidden">{tx(Text::GlossaryHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tx(Text::LanguageEnglish)}</th>
                            <th scope="col">{tx(Text::LanguageKorean)}</th>
                            <th scope="col">{tx(Text::LanguageChinese)}</th>
                            <th scope="col"><span class="visually-hidden">{tx(Text::Action)}</span></th>
                        </tr>
                    </thead>
                    <tbody on:click=act>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
