//! Compose a status update: an audience, a language and a template (the one for the
//! incident's stage preselected), the text with its placeholders editable, a live preview.
//! A placeholder that is unknown, unclosed or without a value yet is listed (a click selects
//! it in the editor) and blocks posting. Post update logs it and restarts the cadence; Copy
//! puts it on the clipboard as rich and plain text, Copy Markdown as Markdown.

use super::edit;
use crate::domain::incident::templates::{
    Audience, Lang, Part, PlaceholderProblem, RenderInput, Rendered, Template, Values,
};
use crate::domain::incident::{radius_of, Incident};
use crate::i18n::{Message, Text};
use crate::ui::state::{use_clock, use_desk, use_i18n};
use crate::ui::widgets::handoff::copy_to_clipboard;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ComposeUpdate(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let now = use_clock().0;
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let audience = RwSignal::new(Audience::Customers);
    let lang = RwSignal::new(untrack(|| i18n.lang()));
    let template = RwSignal::new(None::<Template>);
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    // Kept as a message, not words, so a language switch re-words it.
    let message = RwSignal::new(None::<Message>);
    let stage = Memo::new(move |_| incident.with(|i| i.status));
    let templates = Memo::new(move |_| {
        let (audience, lang) = (audience.get(), lang.get());
        store.desk.with(|desk| {
            let mut all = desk.settings.incidents.templates.all();
            all.retain(|t| t.audience == audience && t.lang == lang);
            all
        })
    });
    let load = move |picked: Option<Template>| {
        subject.set(picked.as_ref().map(|t| t.subject.clone()).unwrap_or_default());
        body.set(picked.as_ref().map(|t| t.body.clone()).unwrap_or_default());
        template.set(picked);
    };
    // The template for this audience, language and stage, picked again when one of them changes.
    Effect::new(move |_| {
        let (audience, lang, stage) = (audience.get(), lang.get(), stage.get());
        let picked = untrack(|| {
            store.desk.with(|desk| desk.settings.incidents.templates.for_stage(audience, stage, lang))
        });
        load(picked);
    });
    // The text filled in for the incident as it is now.
    let rendered = Memo::new(move |_| {
        let at = now.get();
        let (audience, lang) = (audience.get(), lang.get());
        let zone = template.with(|t| t.as_ref().map(|t| t.zone.clone())).unwrap_or_default();
        incident.with(|incident| {
            store.desk.with(|desk| {
                let radius = radius_of(incident.cases.iter().filter_map(|id| store.find(desk, id)));
                let input = RenderInput {
                    incident,
                    radius: &radius,
                    cadence: &desk.settings.incidents.cadence,
                    me: desk.settings.author(),
                    now: at,
                };
                let values = Values::new(&input, audience, lang, &zone);
                let (subject, mut problems) = subject.with(|text| values.fill(text, Part::Subject));
                let (body, more) = body.with(|text| values.fill(text, Part::Body));
                problems.extend(more);
                Rendered { subject, body, problems }
            })
        })
    });
    let can_post =
        move || rendered.with(|r| r.can_post() && !(r.subject.trim().is_empty() && r.body.trim().is_empty()));
    let post = move |_| {
        let Rendered { subject, body, .. } = rendered.get_untracked();
        let to = audience.get_untracked();
        let posted = edit(store, &id.get_value(), |i, cadence, author, at| {
            i.post_update(to, &subject, &body, cadence, author, at)
        });
        if posted {
            message.set(Some(Message::new(Text::UpdatePostedTo).arg_text("audience", to.text())));
        }
    };
    let copy = move |markdown: bool| {
        let done = rendered.get_untracked();
        spawn_local(async move {
            let copied = if markdown {
                copy_to_clipboard(&done.markdown(), None).await
            } else {
                copy_to_clipboard(&done.plain(), Some(&done.html())).await
            };
            let text = match (copied, markdown) {
                (true, false) => Text::CopiedUpdate,
                (true, true) => Text::CopiedMarkdown,
                (false, _) => Text::CopyRefused,
            };
            message.set(Some(Message::new(text)));
        });
    };
    let editor = NodeRef::<leptos::html::Textarea>::new();
    let subject_input = NodeRef::<leptos::html::Input>::new();
    // A click on a problem selects it where it is written.
    let select_problem = move |problem: &PlaceholderProblem| {
        let range = match problem.part {
            Part::Subject => subject.with_untracked(|text| problem.utf16_range(text)),
            Part::Body => body.with_untracked(|text| problem.utf16_range(text)),
        };
        let (start, end) = (range.start as u32, range.end as u32);
        match problem.part {
            Part::Subject => subject_input.get_untracked().map(|field| {
                let _ = field.focus();
                field.set_selection_range(start, end)
            }),
            Part::Body => editor.get_untracked().map(|field| {
                let _ = field.focus();
                field.set_selection_range(start, end)
            }),
        };
    };
    let pick_template = move |ev: leptos::ev::Event| {
        let wanted = event_target_value(&ev);
        load(templates.with_untracked(|all| all.iter().find(|t| t.id == wanted).cloned()));
    };
    let invalid = move |part: Part| rendered.with(|r| r.problems.iter().any(|p| p.part == part)).to_string();
    view! {
        <section class="panel compose" aria-labelledby="compose-heading">
            <h2 id="compose-heading">{i18n.text(Text::ComposeUpdate)}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="compose-audience">{i18n.text(Text::UpdateAudience)}</label>
                    <select id="compose-audience" prop:value=move || audience.get().key()
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(to) = Audience::ALL.into_iter().find(|a| a.key() == key) {
                                audience.set(to);
                            }
                        }>
                        {Audience::ALL.into_iter().map(|a| view! { <option value=a.key()>{move || i18n.t(a.text())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="compose-lang">{i18n.text(Text::MessageLanguage)}</label>
                    <select id="compose-lang" prop:value=move || lang.get().code()
                        on:change=move |ev| {
                            if let Some(to) = Lang::from_code(&event_target_value(&ev)) {
                                lang.set(to);
                            }
                        }>
                        {Lang::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.name()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field wide">
                    <label for="compose-template">{i18n.text(Text::UpdateTemplate)}</label>
                    <select id="compose-template" prop:value=move || template.with(|t| t.as_ref().map(|t| t.id.clone()).unwrap_or_default())
                        on:change=pick_template>
                        {move || templates.get().into_iter().map(|t| view! { <option value=t.id.clone()>{t.title(i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field wide">
                    <label for="compose-subject">{i18n.text(Text::UpdateSubject)}</label>
                    <input id="compose-subject" type="text" node_ref=subject_input autocomplete="off"
                        aria-invalid=move || invalid(Part::Subject) aria-describedby="compose-problems"
                        prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev)) />
                </div>
                <div class="field wide">
                    <label for="compose-body">{i18n.text(Text::MessageText)}</label>
                    <textarea id="compose-body" rows="9" node_ref=editor
                        aria-invalid=move || invalid(Part::Body) aria-describedby="compose-problems"
                        prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                </div>
            </div>
            <div id="compose-problems" role="status">
                {move || {
                    rendered.with(|r| r.problems.iter().map(|problem| {
                        let chosen = problem.clone();
                        view! {
                            <p class="field-error placeholder-problem">
                                <button class="link-button" on:click=move |_| select_problem(&chosen)>
                                    {i18n.message(&problem.describe())}
                                </button>
                            </p>
                        }
                    }).collect_view())
                }}
            </div>
            <h3 class="small-heading">{i18n.text(Text::Preview)}</h3>
            <div class="update-preview" role="region" aria-label=i18n.text(Text::UpdatePreview) tabindex="0">
                {move || rendered.with(|r| view! {
                    <p class="preview-subject"><strong>{marked(&r.subject, &r.problems)}</strong></p>
                    <p class="preview-body">{marked(&r.body, &r.problems)}</p>
                })}
            </div>
            <div class="button-row">
                <button class="primary" disabled=move || !can_post() on:click=post>{i18n.text(Text::PostUpdate)}</button>
                <button on:click=move |_| copy(false)>{i18n.text(Text::CopyToClipboard)}</button>
                <button on:click=move |_| copy(true)>{i18n.text(Text::CopyMarkdown)}</button>
                <span class="muted small" role="status">{move || message.with(|m| m.as_ref().map(|m| i18n.message(m)))}</span>
            </div>
        </section>
    }
}

/// `text` with each problem's placeholder in a `<mark>`, the rest as plain text.
fn marked(text: &str, problems: &[PlaceholderProblem]) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some((at, found)) =
        problems.iter().filter_map(|p| rest.find(p.found.as_str()).map(|at| (at, p.found.as_str()))).min()
    {
        parts.push(rest[..at].to_string().into_any());
        parts.push(view! { <mark class="bad-placeholder">{found.to_string()}</mark> }.into_any());
        rest = &rest[at + found.len()..];
    }
    parts.push(rest.to_string().into_any());
    parts
}
