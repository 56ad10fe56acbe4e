//! One case: every field editable in place, its status, notes, the incidents holding it, and
//! the full timeline. Case text is shown as written and marked `translate="no"`.

mod engineering;
mod handoff;
mod incidents;
mod merge_notice;
mod satisfaction;
mod why_score;

use crate::domain::case::{
    Case, CaseId, Field, FieldError, FieldValue, NoteKind, Status, TimelineEntry, Version,
};
use crate::domain::inbox::local_time_label;
use crate::i18n::{Arg, Message, Text};
use crate::ui::browser;
use crate::ui::pages::inbox::select_on_return;
use crate::ui::state::{use_clock, use_desk, use_i18n, use_view_clock, I18n, Route};
use crate::ui::widgets::badges::StatusBadge;
use crate::ui::widgets::fields::{ChoiceSelect, CountField, DateTimeField, TextField};
use crate::ui::widgets::presence::page_while_present;
use crate::ui::widgets::similar_cases::CaseSimilarCases;
use crate::ui::widgets::sla_timer::SlaPanel;
use crate::ui::widgets::timeline::TimelineRow;
use crate::ui::widgets::title::document_title;
use engineering::EngineeringFields;
pub(crate) use incidents::AddToIncident;
use incidents::CaseIncidents;
use leptos::prelude::*;
use merge_notice::MergeNotice;
use satisfaction::SatisfactionPanel;
use why_score::WhyThisScore;

/// What `said` holds (the outcome of the last action, if any), as [`marked`] shows it.
pub(crate) fn said_view(i18n: I18n, said: Signal<Option<Message>>) -> impl IntoView {
    move || said.with(|m| m.as_ref().map(|m| marked(i18n, m)))
}

/// `message` in the page's language, each value it carries (a title, a note, an id, a count)
/// in a `translate="no"` span: those are shown as written, whatever the language.
pub(crate) fn marked(i18n: I18n, message: &Message) -> Vec<AnyView> {
    let mut views = Vec::new();
    let mut rest = i18n.t(message.text);
    while let Some((before, (name, after))) =
        rest.split_once('{').and_then(|(b, a)| Some((b, a.split_once('}')?)))
    {
        views.push(before.into_any());
        match message.args.iter().find(|(n, _)| *n == name).map(|(_, arg)| arg) {
            Some(Arg::Plain(value)) => {
                views.push(view! { <span translate="no">{value.clone()}</span> }.into_any())
            }
            Some(Arg::Message(nested)) => views.extend(marked(i18n, nested)),
            None => views.push(format!("{{{name}}}").into_any()),
        }
        rest = after;
    }
    views.push(rest.into_any());
    views
}

#[component]
pub fn CaseView(id: CaseId) -> impl IntoView {
    let store = use_desk();
    let lookup = id.clone();
    let found = Memo::new(move |_| store.with_case(&lookup, Case::clone));
    let missing = id.clone();
    page_while_present(
        found,
        move |case| view! { <CaseDetail id=id.clone() case /> }.into_any(),
        move || {
            let i18n = use_i18n();
            document_title(Signal::derive(move || i18n.t(Text::CaseNotFound).to_string()));
            view! {
                <section class="panel empty">
                    <h1>{i18n.text(Text::CaseNotFound)}</h1>
                    <p>
                        {move || i18n.around(Text::NoCaseWithId, "id").0}
                        <code translate="no">{missing.0.clone()}</code>
                        {move || i18n.around(Text::NoCaseWithId, "id").1}
                    </p>
                    <a class="button" href="#/">{i18n.text(Text::BackToInbox)}</a>
                </section>
            }
            .into_any()
        },
    )
}

#[component]
fn CaseDetail(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || case.with(|c| c.title.clone());
    let customer = move || case.with(|c| c.customer.clone());
    let status = Signal::derive(move || case.with(|c| c.status));
    document_title(Signal::derive(title));
    // The inbox selects this case's row when the user comes back to it.
    select_on_return(id.clone());
    view! {
        <article class="case-page" aria-labelledby="case-title">
            <div class="case-head">
                <a class="back" href=Route::Inbox.href()>{i18n.text(Text::CaseToInbox)}</a>
                <h1 id="case-title" translate="no">{title}</h1>
                <div class="case-meta">
                    {move || view! { <StatusBadge status=status.get() full=true /> }}
                    <span class="muted" translate="no">{customer}</span>
                    <span class="muted"><CaseFacts case /></span>
                    <CaseIds case />
                </div>
            </div>
            <div class="case-columns">
                <div class="case-main">
                    <CaseFields id=id.clone() case />
                    <EngineeringFields id=id.clone() case />
                    <CaseSimilarCases case />
                    <Timeline case />
                </div>
                <div class="case-side">
                    <StatusAndNotes id=id.clone() status />
                    <SlaPanel id=id.clone() />
                    <MergeNotice case />
                    <CaseIncidents id=id.clone() />
                    <WhyThisScore id=id.clone() case />
                    <SatisfactionPanel id=id.clone() case />
                    <handoff::CaseHandoff case />
                </div>
            </div>
        </article>
    }
}

/// The case's id and external id, each with a Copy button.
#[component]
fn CaseIds(case: Memo<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let (message, set_message) = signal(None::<Message>);
    let copy = move |done: Text, value: String| {
        move |_| {
            let clipboard = window().navigator().clipboard();
            let value = value.clone();
            leptos::task::spawn_local(async move {
                let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&value)).await;
                let text = if copied.is_ok() { done } else { Text::CopyIdRefused };
                set_message.set(Some(Message::new(text).arg("id", value)));
            });
        }
    };
    let ids = move || case.with(|c| (c.id.0.clone(), c.external_id.clone()));
    let id_view = move |lead: Text, label: Text, done: Text, value: String| {
        let (named, copied) = (value.clone(), value.clone());
        view! {
            <span class="case-id">
                <span class="muted">{i18n.text(lead)} " "</span><code translate="no">{value.clone()}</code>
                <button class="small-button" aria-label=move || i18n.fill(label, &[("id", &named)]) on:click=copy(done, copied)>
                    {i18n.text(Text::CopyId)}
                </button>
            </span>
        }
    };
    view! {
        <span class="case-ids">
            {move || {
                let (id, external) = ids();
                (
                    id_view(Text::CaseLead, Text::CopyCaseId, Text::CopiedCaseId, id),
                    (!external.is_empty()).then(|| {
                        id_view(Text::ExternalLead, Text::CopyExternalId, Text::CopiedExternalId, external)
                    }),
                )
            }}
            <span class="muted small" role="status">{said_view(i18n, message.into())}</span>
        </span>
    }
}

/// Opened, first response and resolution times in one line.
#[component]
fn CaseFacts(case: Memo<Case>) -> impl IntoView {
    let now = use_clock().0;
    let view_clock = use_view_clock();
    let i18n = use_i18n();
    let offset = browser::utc_offset_minutes();
    let at = move |text: Text, time| i18n.fill(text, &[("time", &local_time_label(time, offset))]);
    move || {
        case.with(|c| {
            let now = now.get() + view_clock.ahead();
            let mut facts =
                i18n.fill(Text::FactOpened, &[("ago", &i18n.ago((now - c.created_at).num_milliseconds()))]);
            match c.first_response_at {
                Some(time) => facts.push_str(&at(Text::FactFirstResponse, time)),
                None => facts.push_str(i18n.t(Text::FactNoContact)),
            }
            if let Some(time) = c.resolved_at {
                facts.push_str(&at(Text::FactResolved, time));
            }
            facts
        })
    }
}

#[component]
fn CaseFields(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    // Each refusal with the version of the case it was about: a change to the case puts its
    // stored values back into the fields, and the message no longer describes what they show.
    let errors = RwSignal::new(Vec::<(Version, FieldError)>::new());
    let error_for = move |field: Field| {
        Signal::derive(move || {
            let now = case.with(Case::version);
            errors.with(|all| {
                all.iter()
                    .find(|(at, e)| e.field == field && *at == now)
                    .map(|(_, e)| i18n.message(&e.message))
            })
        })
    };
    let forget = move |field: Field| errors.update(|all| all.retain(|(_, e)| e.field != field));
    let refuse = move |error: FieldError| {
        forget(error.field);
        errors.update(|all| all.push((case.with_untracked(Case::version), error)));
    };
    let set = {
        let id = id.clone();
        move |field: Field, value: FieldValue| match store
            .edit_case(&id, |case, author, now| case.set_field(field, value, author, now))
        {
            Some(Err(error)) => refuse(error),
            _ => forget(field),
        }
    };
    let text = move |field: Field| Signal::derive(move || case.with(|c| c.field_text(field)));
    let categories = store.categories;
    let text_field = {
        let set = set.clone();
        move |field: Field, multiline: bool| {
            let set = set.clone();
            view! {
                <TextField
                    label=field.text()
                    multiline
                    wide=multiline || field == Field::Title
                    required=field == Field::Title
                    value=text(field)
                    on_commit=move |value| set(field, FieldValue::Text(value))
                    error=error_for(field)
                    suggestions=if field == Field::Category { categories.into() } else { Signal::default() }
                />
            }
        }
    };
    let (set_tier, set_surface, set_urgency, set_count, set_created) =
        (set.clone(), set.clone(), set.clone(), set.clone(), set);
    view! {
        <section class="panel" aria-label=i18n.text(Text::CaseDetails)>
            <h2>{i18n.text(Text::DetailsHeading)}</h2>
            <div class="form-grid">
                {text_field(Field::Title, false)}
                {text_field(Field::Description, true)}
                {text_field(Field::Customer, false)}
                <ChoiceSelect label=Text::FieldTier value=Signal::derive(move || case.with(|c| c.tier)) on_pick=move |tier| set_tier(Field::Tier, FieldValue::Tier(tier)) />
                <ChoiceSelect label=Text::FieldSurface value=Signal::derive(move || case.with(|c| c.surface)) on_pick=move |surface| set_surface(Field::Surface, FieldValue::Surface(surface)) />
                {text_field(Field::Category, false)}
                <CountField
                    label=Text::FieldCustomersAffected
                    value=Signal::derive(move || case.with(|c| c.customers_affected))
                    on_commit=move |count| match count {
                        Ok(count) => set_count(Field::CustomersAffected, FieldValue::Count(count)),
                        Err(message) => refuse(FieldError { field: Field::CustomersAffected, message: Message::verbatim(message) }),
                    }
                    error=error_for(Field::CustomersAffected)
                />
                <ChoiceSelect label=Text::FieldUrgency value=Signal::derive(move || case.with(|c| c.urgency)) on_pick=move |urgency| set_urgency(Field::Urgency, FieldValue::Urgency(urgency)) />
                <DateTimeField
                    label=Text::TargetCreated
                    value=Signal::derive(move || case.with(|c| c.created_at))
                    on_commit=move |at| match at {
                        Ok(at) => set_created(Field::CreatedAt, FieldValue::Time(at)),
                        Err(message) => refuse(FieldError { field: Field::CreatedAt, message: Message::verbatim(message) }),
                    }
                    error=error_for(Field::CreatedAt)
                />
            </div>
            <p class="muted small">{i18n.text(Text::SavedOnLeave)}</p>
        </section>
    }
}

#[component]
fn StatusAndNotes(id: CaseId, status: Signal<Status>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<Text>);
    let status_id = id.clone();
    let add = move |kind: NoteKind| {
        let text = note.get_untracked();
        let text = match (kind, text.trim().is_empty()) {
            // What the agent would have written, in the language they work in.
            (NoteKind::Contact, true) => untrack(|| i18n.t(Text::ContactedCustomer)).to_string(),
            (NoteKind::Internal, true) => {
                set_message.set(Some(Text::WriteNoteFirst));
                return;
            }
            _ => text,
        };
        store.edit_case(&id, |case, author, now| case.add_note(kind, &text, author, now));
        note.set(String::new());
        set_message.set(None);
    };
    let add_internal = add.clone();
    let resolve_id = status_id.clone();
    let resolve = move |_| {
        store.edit_case(&resolve_id, |case, author, now| case.set_status(Status::Resolved, author, now));
    };
    view! {
        <section class="panel actions-panel" aria-label=i18n.text(Text::StatusAndNotesLabel)>
            <ChoiceSelect
                label=Text::FieldStatus
                value=status
                on_pick=move |to| {
                    store.edit_case(&status_id, |case, author, now| case.set_status(to, author, now));
                }
            />
            <div class="field wide">
                <label for="note-text">{i18n.text(Text::NoteLabel)}</label>
                <textarea
                    id="note-text"
                    rows="2"
                    placeholder=i18n.text(Text::NotePlaceholder)
                    aria-describedby="note-message"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
                <p id="note-message" class="field-error" role="status">{move || message.get().map(|text| i18n.t(text))}</p>
            </div>
            <div class="button-row">
                <button class="primary" on:click=move |_| add(NoteKind::Contact)>{i18n.text(Text::LogCustomerContact)}</button>
                <button on:click=move |_| add_internal(NoteKind::Internal)>{i18n.text(Text::AddInternalNote)}</button>
                <Show when=move || status.get().is_open()>
                    <button class="resolve" on:click=resolve.clone()>{i18n.text(Text::ResolveCase)}</button>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn Timeline(case: Memo<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let entries = move || case.with(|c| c.timeline.clone());
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{i18n.text(Text::Timeline)}</h2>
            <ol class="timeline">
                {move || entries().into_iter().rev().map(|entry| view! { <TimelineItem entry /> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    // Other cases are named by their title, read once when the entry is drawn.
    let store = use_desk();
    let i18n = use_i18n();
    let offset = browser::utc_offset_minutes();
    let (kind, message) = store.desk.with_untracked(|desk| {
        let name = |id: &CaseId| store.find(desk, id).map_or_else(|| id.0.clone(), |c| c.title.clone());
        entry.event.describe(&name, &|at| local_time_label(at, offset))
    });
    view! { <TimelineRow at=entry.at author=entry.author kind text=said_view(i18n, Signal::stored(Some(message))) /> }
}
