//! Settings > Status-update templates: the library filtered by audience, stage and language,
//! and an editor for one template with the placeholders explained beside it, every unknown or
//! misspelt placeholder marked (and blocking Save), and a live preview on a made-up incident.

use super::save_settings;
use super::tx;
use crate::domain::case::Choice;
use crate::domain::incident::templates::{
    check_placeholders, is_builtin, render, sample, Audience, Lang, Part, PlaceholderProblem, ProblemKind,
    RenderInput, Template, TemplateLibrary, PLACEHOLDERS,
};
use crate::domain::incident::IncidentStatus;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n, I18n};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const SUBJECT_ID: &str = "template-subject";
const BODY_ID: &str = "template-body";

const AUDIENCES: [(&str, Text); 4] = [
    ("customers", Text::Customers),
    ("frontline", Text::AudienceFrontline),
    ("executives", Text::AudienceExecutives),
    ("engineering", Text::AudienceEngineering),
];
const STAGES: [(&str, Text); 4] = [
    ("investigating", Text::IncidentInvestigating),
    ("identified", Text::IncidentIdentified),
    ("monitoring", Text::IncidentMonitoring),
    ("resolved", Text::IncidentResolved),
];
const LANGS: [(&str, Text); 3] =
    [("en", Text::LanguageEnglish), ("ko", Text::LanguageKorean), ("zh-TW", Text::LanguageChinese)];

fn audience_of(key: &str) -> Option<Audience> {
    Audience::ALL.into_iter().find(|a| a.key() == key)
}

/// A labelled `<select>` of `options` (value, text), with "Any" first when `any`.
fn select(
    id: &'static str,
    label: Text,
    options: &'static [(&'static str, Text)],
    any: bool,
    value: impl Fn() -> &'static str + Send + Sync + 'static,
    pick: impl Fn(String) + 'static,
) -> AnyView {
    select_view(id, label, options, any, Signal::derive(value), Box::new(pick))
}

/// The body of [`select`], not generic, so the six selects share one compiled view.
fn select_view(
    id: &'static str,
    label: Text,
    options: &'static [(&'static str, Text)],
    any: bool,
    value: Signal<&'static str>,
    pick: Box<dyn Fn(String)>,
) -> AnyView {
    view! {
        <div class="field">
            <label for=id>{tx(label)}</label>
            <select id=id prop:value=value on:change=move |ev| pick(event_target_value(&ev))>
                {any.then(|| view! { <option value="">{tx(Text::AnyChoice)}</option> })}
                {options.iter().map(|&(key, text)| view! { <option value=key>{tx(text)}</option> }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// What a list row or the editor calls a template, in the reader's language.
fn title(i18n: I18n, template: &Template) -> String {
    template.title(i18n.lang())
}

/// Calls a method of a text field by name (`setRangeText`, `setSelectionRange`), which the
/// bindings this app is built with do not name for a textarea.
fn call(field: &web_sys::Element, method: &str, args: &[JsValue]) {
    if let Ok(function) = js_sys::Reflect::get(field, &method.into()) {
        let args: js_sys::Array = args.iter().collect();
        let _ = function.unchecked_into::<js_sys::Function>().apply(field, &args);
    }
}

fn field_of(part: Part) -> Option<web_sys::Element> {
    document().get_element_by_id(if part == Part::Subject { SUBJECT_ID } else { BODY_ID })
}

/// Selects `problem` in its field, so the user sees exactly what to fix.
fn show(problem: &PlaceholderProblem, text: &str) {
    let Some(field) = field_of(problem.part) else { return };
    if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
        let _ = field.focus();
    }
    let range = problem.utf16_range(text);
    call(&field, "setSelectionRange", &[(range.start as f64).into(), (range.end as f64).into()]);
}

/// The rendered text in parts, with each `{{…}}` left in it (a placeholder that could not be
/// filled) marked.
fn marked(text: &str) -> impl IntoView {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let close = rest[open..].find("}}").map_or(rest.len(), |at| open + at + 2);
        parts.push(view! { {rest[..open].to_string()}<mark>{rest[open..close].to_string()}</mark> });
        rest = &rest[close..];
    }
    view! { {parts}{rest.to_string()} }
}

#[component]
pub fn TemplateLibraryEditor() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let library = Memo::new(move |_| store.desk.with(|desk| desk.settings.incidents.templates.clone()));
    let audience = RwSignal::new(None::<Audience>);
    let stage = RwSignal::new(None::<IncidentStatus>);
    let lang = RwSignal::new(None::<Lang>);
    let draft = RwSignal::new(None::<Template>);
    let confirming = RwSignal::new(false);
    // The field last focused, where a chosen placeholder goes.
    let into = StoredValue::new(Part::Body);
    let shown = Memo::new(move |_| {
        let (a, s, l) = (audience.get(), stage.get(), lang.get());
        library
            .with(TemplateLibrary::all)
            .into_iter()
            .filter(|t| {
                a.is_none_or(|a| a == t.audience)
                    && s.is_none_or(|s| s == t.stage)
                    && l.is_none_or(|l| l == t.lang)
            })
            .collect::<Vec<_>>()
    });
    let open = move |id: &str| {
        confirming.set(false);
        draft.set(library.with_untracked(|library| library.get(id)));
    };
    // One handler for the whole list: each row names its template in `data-id`.
    let pick = move |ev: MouseEvent| {
        let row = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let row = row.and_then(|t| t.closest("[data-id]").ok().flatten());
        if let Some(id) = row.and_then(|row| row.get_attribute("data-id")) {
            open(&id);
        }
    };
    let saved = move || draft.with(|d| d.as_ref().and_then(|d| library.with(|l| l.get(&d.id))));
    let changed = move || draft.with(|d| d.is_some() && *d != saved());
    let problems = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    let mut found = check_placeholders(&d.subject, Part::Subject);
                    found.extend(check_placeholders(&d.body, Part::Body));
                    found
                })
                .unwrap_or_default()
        })
    });
    let save = move |_| {
        if let Some(template) = draft.get_untracked() {
            save_settings(|settings| settings.incidents.templates.save(template));
        }
    };
    let copy = move |_| {
        let Some(from) = draft.get_untracked() else { return };
        let copy = library.with_untracked(|library| library.new_from(&from, untrack(|| i18n.lang())));
        draft.set(Some(copy.clone()));
        save_settings(|settings| settings.incidents.templates.save(copy));
    };
    // Reset puts a built-in back as shipped; for one's own it deletes it (after confirming).
    let reset = move |_| {
        let Some(id) = draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else { return };
        save_settings(|settings| {
            settings.incidents.templates.reset(&id);
        });
        confirming.set(false);
        draft.set(library.with_untracked(|library| library.get(&id)));
    };
    let edit = move |apply: &dyn Fn(&mut Template)| draft.update(|d| d.iter_mut().for_each(apply));
    let text_of = move |part: Part| {
        draft
            .with(|d| {
                d.as_ref().map(|d| if part == Part::Subject { d.subject.clone() } else { d.body.clone() })
            })
            .unwrap_or_default()
    };
    view! {
        <section id="settings-templates" tabindex="-1" class="panel templates-settings" aria-labelledby="templates-heading">
            <h2 id="templates-heading">{tx(Text::UpdateTemplates)}</h2>
            <p class="muted small">{tx(Text::TemplatesIntro)}</p>
            <div class="filters" role="group" aria-label=tx(Text::FilterTemplates)>
                {select("template-filter-audience", Text::TemplateAudience, &AUDIENCES, true,
                    move || audience.get().map_or("", Audience::key), move |key| audience.set(audience_of(&key)))}
                {select("template-filter-stage", Text::TemplateStage, &STAGES, true,
                    move || stage.get().map_or("", Choice::key), move |key| stage.set(IncidentStatus::parse(&key)))}
                {select("template-filter-language", Text::TemplateLanguage, &LANGS, true,
                    move || lang.get().map_or("", Lang::code), move |key| lang.set(Lang::from_code(&key)))}
            </div>
            <div class="template-layout">
                <div class="template-list">
                    <p class="muted small" aria-live="polite">{move || i18n.fill(Text::TemplatesShown, &[("n", &shown.with(Vec::len).to_string())])}</p>
                    <ul on:click=pick>
                        {move || {
                            let current = draft.with(|d| d.as_ref().map(|d| d.id.clone()));
                            shown.get().into_iter().map(|t| {
                                let badge = if !is_builtin(&t.id) {
                                    Some(Text::TemplateOwn)
                                } else {
                                    library.with(|l| l.is_edited(&t.id)).then_some(Text::TemplateEdited)
                                };
                                view! {
                                    <li>
                                        <button type="button" data-id=t.id.clone()
                                            aria-current=(current.as_deref() == Some(t.id.as_str())).then_some("true")>
                                            <span class="template-name">{title(i18n, &t)}</span>
                                            {badge.map(|b| view! { <span class="badge">{i18n.t(b)}</span> })}
                                        </button>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                </div>
                <div class="template-editor">
                    <Show when=move || draft.with(Option::is_some)
                        fallback=move || view! { <p class="muted">{tx(Text::PickTemplate)}</p> }>
                        <h3>{move || draft.with(|d| d.as_ref().map(|d| title(i18n, d)))}</h3>
                        <div class="form-grid">
                            // A built-in is named by what it is for; only one's own has a name to edit.
                            {move || draft.with(|d| d.as_ref().is_some_and(|d| !is_builtin(&d.id))).then(|| view! {
                                <div class="field wide">
                                    <label for="template-name">{tx(Text::TemplateName)}</label>
                                    <input id="template-name" type="text" autocomplete="off"
                                        prop:value=move || draft.with(|d| d.as_ref().map(|d| d.name.clone())).unwrap_or_default()
                                        on:input=move |ev| { let v = event_target_value(&ev); edit(&|t| t.name = v.clone()) } />
                                </div>
                            })}
                            {select("template-audience", Text::TemplateAudience, &AUDIENCES, false,
                                move || draft.with(|d| d.as_ref().map_or("", |d| d.audience.key())),
                                move |key| if let Some(a) = audience_of(&key) { edit(&|t| t.audience = a) })}
                            {select("template-stage", Text::TemplateStage, &STAGES, false,
                                move || draft.with(|d| d.as_ref().map_or("", |d| d.stage.key())),
                                move |key| if let Some(s) = IncidentStatus::parse(&key) { edit(&|t| t.stage = s) })}
                            {select("template-language", Text::TemplateLanguage, &LANGS, false,
                                move || draft.with(|d| d.as_ref().map_or("", |d| d.lang.code())),
                                move |key| if let Some(l) = Lang::from_code(&key) { edit(&|t| t.lang = l) })}
                            <div class="field">
                                <label for="template-zone">{tx(Text::ReaderZone)}</label>
                                <input id="template-zone" type="text" autocomplete="off" list="time-zones"
                                    placeholder=tx(Text::ZoneExample)
                                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.zone.clone())).unwrap_or_default()
                                    on:change=move |ev| { let v = event_target_value(&ev).trim().to_string(); edit(&|t| t.zone = v.clone()) } />
                            </div>
                            <PartField part=Part::Subject draft problems into />
                            <PartField part=Part::Body draft problems into />
                        </div>
                        <ul class="placeholder-problems" aria-live="polite">
                            {move || problems.get().into_iter().map(|problem| {
                                let text = text_of(problem.part);
                                let message = i18n.message(&problem.describe());
                                view! {
                                    <li class="field-error">
                                        {message}" "
                                        <button type="button" class="link" on:click=move |_| show(&problem, &text)>
                                            {i18n.t(Text::ShowInText)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <Placeholders draft into />
                        <div class="button-row">
                            <button class="primary" on:click=save disabled=move || !changed() || !problems.with(Vec::is_empty)>
                                {tx(Text::SaveTemplate)}
                            </button>
                            <button on:click=move |_| draft.set(saved()) disabled=move || !changed()>{tx(Text::DiscardChanges)}</button>
                            <button on:click=copy>{tx(Text::NewFromTemplate)}</button>
                            {move || {
                                let (id, own) = draft.with(|d| d.as_ref().map(|d| (d.id.clone(), !is_builtin(&d.id)))).unwrap_or_default();
                                if own {
                                    view! { <button on:click=move |_| confirming.set(true)>{tx(Text::DeleteTemplate)}</button> }.into_any()
                                } else {
                                    let edited = library.with(|l| l.is_edited(&id));
                                    view! { <button on:click=reset disabled=!edited>{tx(Text::ResetTemplate)}</button> }.into_any()
                                }
                            }}
                        </div>
                        <p class="muted small" role="status">
                            {move || (!problems.with(Vec::is_empty)).then(|| i18n.t(Text::FixPlaceholdersFirst))}
                        </p>
                        <Show when=move || confirming.get()>
                            <div class="banner warning" role="group" aria-labelledby="delete-template-question">
                                <p id="delete-template-question">
                                    {move || i18n.fill(Text::DeleteTemplateQuestion, &[("name", &draft.with(|d| d.as_ref().map(|d| d.name.clone())).unwrap_or_default())])}
                                </p>
                                <div class="button-row">
                                    <button class="danger" on:click=reset>{tx(Text::DeleteTemplate)}</button>
                                    <button on:click=move |_| confirming.set(false)>{tx(Text::Cancel)}</button>
                                </div>
                            </div>
                        </Show>
                        <TemplatePreview draft />
                    </Show>
                </div>
            </div>
        </section>
    }
}

/// The subject (one line) or the body (a textarea), marked invalid while it holds a problem.
#[component]
fn PartField(
    part: Part,
    draft: RwSignal<Option<Template>>,
    problems: Memo<Vec<PlaceholderProblem>>,
    into: StoredValue<Part>,
) -> impl IntoView {
    let subject = part == Part::Subject;
    let (id, label) =
        if subject { (SUBJECT_ID, Text::TemplateSubject) } else { (BODY_ID, Text::TemplateBody) };
    let value = move || {
        draft
            .with(|d| d.as_ref().map(|d| if subject { d.subject.clone() } else { d.body.clone() }))
            .unwrap_or_default()
    };
    let invalid = move || problems.with(|all| all.iter().any(|p| p.part == part)).to_string();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|d| {
            if let Some(d) = d {
                if subject {
                    d.subject = text;
                } else {
                    d.body = text;
                }
            }
        });
    };
    let control = if subject {
        view! { <input id=id type="text" autocomplete="off" aria-invalid=invalid prop:value=value on:input=on_input
            on:focus=move |_| into.set_value(part) /> }.into_any()
    } else {
        view! { <textarea id=id rows="12" aria-invalid=invalid prop:value=value on:input=on_input
        on:focus=move |_| into.set_value(part)></textarea> }
        .into_any()
    };
    view! {
        <div class="field wide">
            <label for=id>{tx(label)}</label>
            {control}
        </div>
    }
}

/// Every placeholder with what it stands for; choosing one puts it where the cursor was in the
/// subject or body (the body when neither had focus).
#[component]
fn Placeholders(draft: RwSignal<Option<Template>>, into: StoredValue<Part>) -> impl IntoView {
    // One handler for the whole list: each button names its placeholder in `data-name`.
    let insert = move |ev: MouseEvent| {
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let button = button.and_then(|t| t.closest("[data-name]").ok().flatten());
        let Some(name) = button.and_then(|b| b.get_attribute("data-name")) else { return };
        let part = into.get_value();
        let Some(field) = field_of(part) else { return };
        let get = |key: &str| js_sys::Reflect::get(&field, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let token = format!("{{{{{name}}}}}");
        call(
            &field,
            "setRangeText",
            &[token.into(), get("selectionStart"), get("selectionEnd"), "end".into()],
        );
        let text = get("value").as_string().unwrap_or_default();
        draft.update(|d| {
            if let Some(d) = d {
                if part == Part::Subject {
                    d.subject = text;
                } else {
                    d.body = text;
                }
            }
        });
        if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    };
    view! {
        <details class="placeholders" open>
            <summary>{tx(Text::PlaceholdersHeading)}</summary>
            <p class="muted small">{tx(Text::PlaceholdersHint)}</p>
            <dl on:click=insert>
                {PLACEHOLDERS.iter().map(|&(name, meaning)| view! {
                    <dt><button type="button" class="placeholder" data-name=name>{format!("{{{{{name}}}}}")}</button></dt>
                    <dd>{tx(meaning)}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}

/// The draft filled in for a made-up incident at its stage, as the reader would get it.
#[component]
fn TemplatePreview(draft: RwSignal<Option<Template>>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    // Taken once: a preview that moved with the clock would redraw for nothing.
    let now = browser::now();
    let rendered = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref().map(|template| {
                let (incident, radius) = sample(template.stage, template.lang, now);
                store.desk.with(|desk| {
                    let input = RenderInput {
                        incident: &incident,
                        radius: &radius,
                        cadence: &desk.settings.incidents.cadence,
                        me: desk.settings.author(),
                        now,
                    };
                    render(template, &input)
                })
            })
        })
    });
    let lang = move || draft.with(|d| d.as_ref().map_or("en", |d| d.lang.code()));
    view! {
        <section class="template-preview" aria-labelledby="template-preview-heading">
            <h3 id="template-preview-heading">{tx(Text::PreviewWithSample)}</h3>
            {move || rendered.get().map(|done| {
                let waiting: Vec<String> = done.problems.iter()
                    .filter(|p| matches!(p.kind, ProblemKind::NoValue { .. }))
                    .map(|p| i18n.message(&p.describe()))
                    .collect();
                view! {
                    <div class="preview-message" lang=lang>
                        <p class="preview-subject"><strong>{marked(&done.subject)}</strong></p>
                        <p class="preview-body">{marked(&done.body)}</p>
                    </div>
                    {waiting.into_iter().map(|w| view! { <p class="muted small">{w}</p> }).collect_view()}
                }
            })}
        </section>
    }
}
