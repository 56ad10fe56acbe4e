//! Labelled form fields shared by the new-case form and the case page, each with room for
//! a message right next to it.

use crate::domain::case::Choice;
use leptos::prelude::*;
use std::rc::Rc;

/// The handler for a field's `input` (`typing`) or `change` event: a live field commits on
/// every keystroke, any other when the user leaves it, so exactly one of the two commits.
fn commit_on(live: bool, typing: bool, commit: &Rc<dyn Fn(leptos::ev::Event)>) -> impl Fn(leptos::ev::Event) {
    let commit = Rc::clone(commit);
    move |ev| {
        if live == typing {
            commit(ev)
        }
    }
}

fn field_id(label: &str) -> String {
    format!("field-{}", label.to_lowercase().replace(' ', "-"))
}

/// The message under a field; tied to it by `aria-describedby`.
#[component]
fn FieldMessage(id: String, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=id class="field-error" role="status">
            {move || error.get()}
        </p>
    }
}

/// A text input or textarea. `on_commit` runs on every keystroke when `live`, else on change.
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_commit: impl Fn(String) + 'static,
    #[prop(optional)] multiline: bool,
    /// Spans the whole row of a form grid.
    #[prop(optional)]
    wide: bool,
    #[prop(optional)] live: bool,
    #[prop(optional)] required: bool,
    /// Earlier values offered while typing; empty for none.
    #[prop(into, optional)]
    suggestions: Signal<Vec<String>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = field_id(label);
    let message_id = format!("{id}-message");
    let list_id = format!("{id}-suggestions");
    let commit: Rc<dyn Fn(leptos::ev::Event)> = Rc::new(move |ev| on_commit(event_target_value(&ev)));
    let invalid = move || error.with(Option::is_some).to_string();
    // Suggestions are read only while the field has focus: working them out over 50,000
    // cases after every change elsewhere on the page would be wasted.
    let (focused, set_focused) = signal(false);
    let offered = move || if focused.get() { suggestions.get() } else { Vec::new() };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="5"
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=message_id.clone()
                on:input=commit_on(live, true, &commit)
                on:change=commit_on(live, false, &commit)
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                list=list_id.clone()
                on:focus=move |_| set_focused.set(true)
                on:blur=move |_| set_focused.set(false)
                aria-required=required.then_some("true")
                autocomplete="off"
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=message_id.clone()
                on:input=commit_on(live, true, &commit)
                on:change=commit_on(live, false, &commit)
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:wide=wide>
            <div class="label-row">
                <label for=id>{label}</label>
                {required.then_some(view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            {control}
            <datalist id=list_id>
                {move || offered().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
            <FieldMessage id=message_id error />
        </div>
    }
}

/// A whole-number input; text that is not a number is reported, not dropped.
/// `on_commit` runs on every keystroke when `live`, else on change.
#[component]
pub fn CountField(
    label: &'static str,
    #[prop(into)] value: Signal<u32>,
    on_commit: impl Fn(Result<u32, String>) + 'static,
    #[prop(optional)] live: bool,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = field_id(label);
    let message_id = format!("{id}-message");
    let commit: Rc<dyn Fn(leptos::ev::Event)> = Rc::new(move |ev| {
        let text = event_target_value(&ev);
        on_commit(
            text.trim().parse::<u32>().map_err(|_| format!("\u{201c}{text}\u{201d} is not a whole number.")),
        );
    });
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="number"
                min="1"
                inputmode="numeric"
                prop:value=move || value.get().to_string()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=message_id.clone()
                on:input=commit_on(live, true, &commit)
                on:change=commit_on(live, false, &commit)
            />
            <FieldMessage id=message_id error />
        </div>
    }
}

/// `<label>` + `<select>` for a choice; `on_pick` gets the chosen value.
#[component]
pub fn ChoiceSelect<T: Choice>(
    label: &'static str,
    #[prop(into)] value: Signal<T>,
    on_pick: impl Fn(T) + 'static,
) -> impl IntoView {
    let id = field_id(label);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || value.get().key()
                on:change=move |ev| {
                    if let Some(choice) = T::parse(&event_target_value(&ev)) {
                        on_pick(choice);
                    }
                }
            >
                {T::all()
                    .iter()
                    .map(|choice| view! { <option value=choice.key()>{choice.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
