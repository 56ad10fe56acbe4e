//! Labelled form fields shared by the new-case form and the case page, each with room for
//! a message right next to it.

use crate::domain::case::{Choice, Timestamp};
use crate::i18n::{tr, Lang, Text};
use crate::ui::browser;
use crate::ui::state::{use_i18n, I18n};
use leptos::ev::{Event, FocusEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A field's label: a row of the text table, or (in pages not yet translated) fixed text.
#[derive(Clone, Copy, PartialEq)]
pub enum Label {
    Fixed(&'static str),
    Text(Text),
}

impl From<&'static str> for Label {
    fn from(text: &'static str) -> Label {
        Label::Fixed(text)
    }
}

impl From<Text> for Label {
    fn from(text: Text) -> Label {
        Label::Text(text)
    }
}

impl Label {
    /// In English whatever the page shows, so a field's id stays put on a language switch.
    fn english(self) -> &'static str {
        match self {
            Label::Fixed(text) => text,
            Label::Text(text) => tr(Lang::En, text),
        }
    }

    /// In the page's language; tracked, so the label follows a switch.
    fn shown(self, i18n: I18n) -> &'static str {
        match self {
            Label::Fixed(text) => text,
            Label::Text(text) => i18n.t(text),
        }
    }
}

fn field_id(label: Label) -> String {
    format!("field-{}", label.english().to_lowercase().replace(' ', "-"))
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

/// When a control commits what the user typed.
#[derive(Clone, Copy, PartialEq)]
enum CommitOn {
    /// Every keystroke: the new-case form keeps its draft in memory until Save.
    Input,
    /// `change`: the user left the field or pressed Enter.
    Change,
    /// Leaving the field only: a date-time control fires `change` for each part typed.
    Leave,
    /// `change`, and whenever typing pauses: a long text (the postmortem) is saved while it is
    /// written, so a reload or a closed tab loses at most the last moment's typing.
    Pause,
}

impl CommitOn {
    fn live(live: bool) -> CommitOn {
        if live {
            CommitOn::Input
        } else {
            CommitOn::Change
        }
    }
}

/// How long typing pauses before a [`CommitOn::Pause`] field saves.
const PAUSE_MS: u64 = 1500;

/// What a text control holds while the user edits it. The stored value (which another tab
/// may change at any moment) replaces the text only while the user has no draft in it, so
/// typing is never overwritten under the cursor.
#[derive(Clone, Copy)]
struct Held {
    /// The stored value the text started from; the text is a draft while it differs.
    base: StoredValue<String>,
    /// What the control holds: typed by the user, or the stored value put in.
    text: StoredValue<String>,
    /// What the control is made to show; setting it (which always notifies) puts text in.
    shown: RwSignal<String>,
    focused: RwSignal<bool>,
    /// The stored value, once it changed under the user's draft.
    theirs: RwSignal<Option<String>>,
    /// Saves the user's text.
    save: StoredValue<Box<dyn Fn(String)>, LocalStorage>,
    /// The pending save of a [`CommitOn::Pause`] field.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// A field saved while typing pauses treats another tab's change as a conflict for as
    /// long as it has focus, even when everything typed so far was saved: the user is still
    /// writing, and a colleague's text replacing theirs under the cursor would go unnoticed.
    hold: bool,
}

impl Held {
    /// `commit` comes boxed, so this body is compiled once rather than per caller's closure.
    fn follow(stored: Signal<String>, commit: Box<dyn Fn(String)>, hold: bool) -> Held {
        let start = stored.get_untracked();
        let held = Held {
            base: StoredValue::new(start.clone()),
            text: StoredValue::new(start.clone()),
            shown: RwSignal::new(start),
            focused: RwSignal::new(false),
            theirs: RwSignal::new(None),
            save: StoredValue::new_local(commit),
            timer: StoredValue::new(None),
            hold,
        };
        Effect::new(move |_| held.take(stored.get()));
        held
    }

    fn pending(self) -> bool {
        self.theirs.with_untracked(Option::is_some)
    }

    fn settle(self) {
        if self.pending() {
            self.theirs.set(None);
        }
    }

    /// A new stored value: shown, unless the user is working on a draft. A draft that
    /// waits for the user's choice keeps waiting even when the field is left.
    fn take(self, stored: String) {
        let text = self.text.get_value();
        if text == stored {
            self.base.set_value(stored);
            self.settle();
            return;
        }
        let draft = self.base.with_value(|base| *base != text) || (self.hold && self.focused.get_untracked());
        if draft && (self.pending() || self.focused.get_untracked()) {
            if self.pending() || self.base.with_value(|base| *base != stored) {
                self.theirs.set(Some(stored));
            }
        } else {
            self.put(stored);
        }
    }

    fn put(self, stored: String) {
        self.base.set_value(stored.clone());
        self.text.set_value(stored.clone());
        self.settle();
        self.shown.set(stored);
    }

    /// The control's `input`, `change` and `blur` handlers, committing as `when` says.
    /// While another tab's change to this field waits for "Keep mine" or "Take theirs",
    /// leaving does not commit: a helpdesk user who tabs away has not seen that a colleague
    /// just set this field, and silently writing over it is the lost update the prompt is
    /// there to stop; the draft stays in the field (Tab lands on "Keep mine"), so no
    /// keystroke is lost.
    fn events(self, when: CommitOn) -> (impl Fn(Event), impl Fn(Event), impl Fn(FocusEvent)) {
        let typed = move |ev: &Event| {
            let text = event_target_value(ev);
            self.text.set_value(text.clone());
            text
        };
        let on_input = move |ev: Event| {
            let text = typed(&ev);
            match when {
                CommitOn::Input => self.commit(text),
                CommitOn::Pause => self.timer.update_value(|timer| {
                    if let Some(earlier) = timer.take() {
                        earlier.clear();
                    }
                    let wait = std::time::Duration::from_millis(PAUSE_MS);
                    *timer = set_timeout_with_handle(move || self.commit_draft(), wait).ok();
                }),
                _ => {}
            }
        };
        let on_change = move |ev: Event| {
            let text = typed(&ev);
            if matches!(when, CommitOn::Change | CommitOn::Pause) && !self.pending() {
                self.commit(text);
            }
        };
        let on_blur = move |_| {
            // The browser blurs a focused field it removes, after its page (and state) went.
            if self.focused.is_disposed() {
                return;
            }
            self.focused.set(false);
            if when == CommitOn::Leave {
                self.commit_draft();
            }
        };
        (on_input, on_change, on_blur)
    }

    /// Saves what the user typed, unless it is saved already or waits for their choice.
    fn commit_draft(self) {
        // A pause timer can outlive the field.
        if self.focused.is_disposed() {
            return;
        }
        let text = self.text.get_value();
        if !self.pending() && self.base.with_value(|base| *base != text) {
            self.commit(text);
        }
    }

    fn commit(self, text: String) {
        self.base.set_value(text.clone());
        self.save.with_value(|save| save(text));
    }

    fn keep_mine(self) {
        self.settle();
        self.commit(self.text.get_value());
    }

    fn take_theirs(self) {
        if let Some(theirs) = self.theirs.get_untracked() {
            self.put(theirs);
        }
    }
}

/// Asks what to do with the user's draft once another tab changed the same field; the
/// control `id` gets focus back after either choice, as the buttons go away.
#[component]
fn ChangedElsewhere(id: String, label: Label, held: Held) -> impl IntoView {
    let i18n = use_i18n();
    let refocus = move |id: &str| {
        if let Some(control) =
            document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = control.focus();
        }
    };
    let prompt_id = format!("{id}-elsewhere");
    view! {
        <div id=prompt_id.clone() class="changed-elsewhere" aria-live="polite">
            {move || {
                let id = id.clone();
                let keep_id = id.clone();
                held.theirs.get().map(|theirs| {
                    view! {
                        <div role="group" aria-label=move || i18n.fill(Text::ChangedInOtherTabLabel, &[("field", label.shown(i18n))])>
                            <p>{move || i18n.fill(Text::ChangedInOtherTab, &[("value", &theirs)])}</p>
                            <div class="button-row">
                                <button type="button" on:click=move |_| {
                                    held.keep_mine();
                                    refocus(&keep_id);
                                }>{i18n.text(Text::KeepMine)}</button>
                                <button type="button" on:click=move |_| {
                                    held.take_theirs();
                                    refocus(&id);
                                }>{i18n.text(Text::TakeTheirs)}</button>
                            </div>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// A text input or textarea. `on_commit` runs on every keystroke when `live`, else on change.
#[component]
pub fn TextField(
    #[prop(into)] label: Label,
    #[prop(into)] value: Signal<String>,
    on_commit: impl Fn(String) + 'static,
    #[prop(optional)] multiline: bool,
    /// Spans the whole row of a form grid.
    #[prop(optional)]
    wide: bool,
    #[prop(optional)] live: bool,
    /// Saves whenever typing pauses, too (see [`CommitOn::Pause`]); for long texts.
    #[prop(optional)]
    pause: bool,
    #[prop(optional)] required: bool,
    /// Earlier values offered while typing; empty for none.
    #[prop(into, optional)]
    suggestions: Signal<Vec<String>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    // Only this line is compiled per caller's closure; the body once.
    let held = Held::follow(value, Box::new(on_commit), pause);
    let when = if pause { CommitOn::Pause } else { CommitOn::live(live) };
    text_field(label, held, when, [multiline, wide, required], suggestions, error)
}

/// The body of [`TextField`]; `flags` are its `multiline`, `wide` and `required`.
fn text_field(
    label: Label,
    held: Held,
    when: CommitOn,
    [multiline, wide, required]: [bool; 3],
    suggestions: Signal<Vec<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(label);
    let described_by = format!("{id}-message {id}-elsewhere");
    let list_id = format!("{id}-suggestions");
    let (on_input, on_change, on_blur) = held.events(when);
    let invalid = move || error.with(Option::is_some).to_string();
    // Suggestions are read only while the field has focus: working them out over 50,000
    // cases after every change elsewhere on the page would be wasted.
    let offered = move || if held.focused.get() { suggestions.get() } else { Vec::new() };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="5"
                prop:value=move || held.shown.get()
                aria-invalid=invalid
                aria-describedby=described_by
                on:focus=move |_| held.focused.set(true)
                on:blur=on_blur
                on:input=on_input
                on:change=on_change
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                list=list_id.clone()
                on:focus=move |_| held.focused.set(true)
                on:blur=on_blur
                aria-required=required.then_some("true")
                autocomplete="off"
                prop:value=move || held.shown.get()
                aria-invalid=invalid
                aria-describedby=described_by
                on:input=on_input
                on:change=on_change
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:wide=wide>
            <div class="label-row">
                <label for=id.clone()>{move || label.shown(i18n)}</label>
                {required.then_some(view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            {control}
            <datalist id=list_id>
                {move || offered().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
            <ChangedElsewhere id=id.clone() label held />
            <FieldMessage id=format!("{id}-message") error />
        </div>
    }
}

/// A whole-number input; text that is not a number is reported, not dropped.
/// `on_commit` runs on every keystroke when `live`, else on change.
#[component]
pub fn CountField(
    #[prop(into)] label: Label,
    #[prop(into)] value: Signal<u32>,
    on_commit: impl Fn(Result<u32, String>) + 'static,
    #[prop(optional)] live: bool,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let commit = move |text: String| {
        let number = text.trim().parse::<u32>();
        on_commit(number.map_err(|_| untrack(|| i18n.fill(Text::NotAWholeNumber, &[("text", &text)]))));
    };
    let held = Held::follow(Signal::derive(move || value.get().to_string()), Box::new(commit), false);
    view! { <HeldInput label kind="number" held when=CommitOn::live(live) error /> }
}

/// A date and time in the viewer's time zone, to the minute; committed when the user leaves
/// it. Text that names no time (a part left empty) is reported, not dropped.
#[component]
pub fn DateTimeField(
    #[prop(into)] label: Label,
    #[prop(into)] value: Signal<Timestamp>,
    on_commit: impl Fn(Result<Timestamp, String>) + 'static,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let commit = move |text: String| {
        let incomplete = || untrack(|| i18n.t(Text::EnterCompleteDateTime)).to_string();
        on_commit(browser::from_local_input(&text).ok_or_else(incomplete));
    };
    let held = Held::follow(
        Signal::derive(move || browser::local_input_value(value.get())),
        Box::new(commit),
        false,
    );
    view! { <HeldInput label kind="datetime-local" held when=CommitOn::Leave error /> }
}

/// One `<input>` of `kind` following `held`, with its label, the other-tab prompt and the
/// message: the body of [`CountField`] and [`DateTimeField`].
#[component]
fn HeldInput(
    label: Label,
    kind: &'static str,
    held: Held,
    when: CommitOn,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(label);
    let number = kind == "number";
    let (on_input, on_change, on_blur) = held.events(when);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.shown(i18n)}</label>
            <input
                id=id.clone()
                type=kind
                min=number.then_some("1")
                inputmode=number.then_some("numeric")
                prop:value=move || held.shown.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-message {id}-elsewhere")
                on:focus=move |_| held.focused.set(true)
                on:blur=on_blur
                on:input=on_input
                on:change=on_change
            />
            <ChangedElsewhere id=id.clone() label held />
            <FieldMessage id=format!("{id}-message") error />
        </div>
    }
}

/// `<label>` + `<select>` for a choice; `on_pick` gets the chosen value.
#[component]
pub fn ChoiceSelect<T: Choice>(
    #[prop(into)] label: Label,
    #[prop(into)] value: Signal<T>,
    on_pick: impl Fn(T) + 'static,
) -> impl IntoView {
    choice_select(label, value, Box::new(on_pick))
}

/// The body of [`ChoiceSelect`], compiled once per choice type rather than per caller.
fn choice_select<T: Choice>(label: Label, value: Signal<T>, on_pick: Box<dyn Fn(T)>) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(label);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.shown(i18n)}</label>
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
                    .map(|choice| view! { <option value=choice.key()>{move || i18n.t(choice.text())}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
