//! One case: every field editable in place, its status, notes, and the full timeline.

mod handoff;
mod merge_notice;
mod satisfaction;
mod why_score;

use crate::domain::case::{
    Case, CaseId, Event, Field, FieldError, FieldValue, NoteKind, Status, TimelineEntry, Version,
};
use crate::domain::inbox::{ago_label, local_time_label};
use crate::i18n::Message;
use crate::ui::browser;
use crate::ui::pages::inbox::select_on_return;
use crate::ui::state::{use_clock, use_desk, use_i18n, use_view_clock, Route};
use crate::ui::widgets::badges::StatusBadge;
use crate::ui::widgets::fields::{ChoiceSelect, CountField, DateTimeField, TextField};
use crate::ui::widgets::presence::page_while_present;
use crate::ui::widgets::similar_cases::CaseSimilarCases;
use crate::ui::widgets::sla_timer::SlaPanel;
use crate::ui::widgets::timeline::TimelineRow;
use crate::ui::widgets::title::document_title;
use chrono::DateTime;
use leptos::prelude::*;
use merge_notice::MergeNotice;
use satisfaction::SatisfactionPanel;
use why_score::WhyThisScore;

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
            document_title(Signal::stored("Case not found".to_string()));
            view! {
                <section class="panel empty">
                    <h1>"Case not found"</h1>
                    <p>"There is no case with the id " <code>{missing.0.clone()}</code> " in this browser."</p>
                    <a class="button" href="#/">"Back to inbox"</a>
                </section>
            }
            .into_any()
        },
    )
}

#[component]
fn CaseDetail(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let title = move || case.with(|c| c.title.clone());
    let customer = move || case.with(|c| c.customer.clone());
    let status = Signal::derive(move || case.with(|c| c.status));
    document_title(Signal::derive(title));
    // The inbox selects this case's row when the user comes back to it.
    select_on_return(id.clone());
    view! {
        <article class="case-page" aria-labelledby="case-title">
            <div class="case-head">
                <a class="back" href=Route::Inbox.href()>"\u{2190} Inbox"</a>
                <h1 id="case-title">{title}</h1>
                <div class="case-meta">
                    {move || view! { <StatusBadge status=status.get() full=true /> }}
                    <span class="muted">{customer}</span>
                    <span class="muted"><CaseFacts case /></span>
                    <CaseIds case />
                </div>
            </div>
            <div class="case-columns">
                <div class="case-main">
                    <CaseFields id=id.clone() case />
                    <CaseSimilarCases case />
                    <Timeline case />
                </div>
                <div class="case-side">
                    <StatusAndNotes id=id.clone() status />
                    <SlaPanel id=id.clone() />
                    <MergeNotice case />
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
    let (message, set_message) = signal(None::<String>);
    let copy = move |label: &'static str, value: String| {
        move |_| {
            let clipboard = window().navigator().clipboard();
            let value = value.clone();
            leptos::task::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&value)).await;
                set_message.set(Some(match (done, label) {
                    (Ok(_), "id") => format!("Copied the case id {value}."),
                    (Ok(_), _) => format!("Copied the external id {value}."),
                    (Err(_), _) => {
                        format!("The browser did not allow copying; select {value} and copy it by hand.")
                    }
                }));
            });
        }
    };
    let ids = move || case.with(|c| (c.id.0.clone(), c.external_id.clone()));
    view! {
        <span class="case-ids">
            {move || {
                let (id, external) = ids();
                view! {
                    <span class="case-id">
                        <span class="muted">"Case "</span><code>{id.clone()}</code>
                        <button class="small-button" aria-label=format!("Copy case id {id}") on:click=copy("id", id.clone())>"Copy"</button>
                    </span>
                    {(!external.is_empty()).then(|| view! {
                        <span class="case-id">
                            <span class="muted">"External "</span><code>{external.clone()}</code>
                            <button class="small-button" aria-label=format!("Copy external id {external}") on:click=copy("external", external.clone())>"Copy"</button>
                        </span>
                    })}
                }
            }}
            <span class="muted small" role="status">{move || message.get()}</span>
        </span>
    }
}

/// Opened, first response and resolution times in one line.
#[component]
fn CaseFacts(case: Memo<Case>) -> impl IntoView {
    let now = use_clock().0;
    let view_clock = use_view_clock();
    let offset = browser::utc_offset_minutes();
    move || {
        case.with(|c| {
            let now = now.get() + view_clock.ahead();
            let mut facts = format!("opened {}", ago_label(c.created_at, now));
            match c.first_response_at {
                Some(at) => facts.push_str(&format!(" · first response {}", local_time_label(at, offset))),
                None => facts.push_str(" · no customer contact yet"),
            }
            if let Some(at) = c.resolved_at {
                facts.push_str(&format!(" · resolved {}", local_time_label(at, offset)));
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
        move |label: &'static str, field: Field, multiline: bool| {
            let set = set.clone();
            view! {
                <TextField
                    label
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
        <section class="panel" aria-label="Case details">
            <h2>"Details"</h2>
            <div class="form-grid">
                {text_field("Title", Field::Title, false)}
                {text_field("Description", Field::Description, true)}
                {text_field("Customer", Field::Customer, false)}
                <ChoiceSelect label="Tier" value=Signal::derive(move || case.with(|c| c.tier)) on_pick=move |tier| set_tier(Field::Tier, FieldValue::Tier(tier)) />
                <ChoiceSelect label="Surface" value=Signal::derive(move || case.with(|c| c.surface)) on_pick=move |surface| set_surface(Field::Surface, FieldValue::Surface(surface)) />
                {text_field("Category", Field::Category, false)}
                <CountField
                    label="Customers affected"
                    value=Signal::derive(move || case.with(|c| c.customers_affected))
                    on_commit=move |count| match count {
                        Ok(count) => set_count(Field::CustomersAffected, FieldValue::Count(count)),
                        Err(message) => refuse(FieldError { field: Field::CustomersAffected, message: Message::verbatim(message) }),
                    }
                    error=error_for(Field::CustomersAffected)
                />
                <ChoiceSelect label="Urgency" value=Signal::derive(move || case.with(|c| c.urgency)) on_pick=move |urgency| set_urgency(Field::Urgency, FieldValue::Urgency(urgency)) />
                <DateTimeField
                    label="Created"
                    value=Signal::derive(move || case.with(|c| c.created_at))
                    on_commit=move |at| match at {
                        Ok(at) => set_created(Field::CreatedAt, FieldValue::Time(at)),
                        Err(message) => refuse(FieldError { field: Field::CreatedAt, message: Message::verbatim(message) }),
                    }
                    error=error_for(Field::CreatedAt)
                />
            </div>
            <p class="muted small">"Changes are saved as you leave each field, and logged on the timeline."</p>
        </section>
    }
}

#[component]
fn StatusAndNotes(id: CaseId, status: Signal<Status>) -> impl IntoView {
    let store = use_desk();
    let note = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let status_id = id.clone();
    let add = move |kind: NoteKind| {
        let text = note.get_untracked();
        let text = match (kind, text.trim().is_empty()) {
            (NoteKind::Contact, true) => "Contacted the customer.".to_string(),
            (NoteKind::Internal, true) => {
                set_message.set(Some("Write the note first.".into()));
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
        <section class="panel actions-panel" aria-label="Status and notes">
            <ChoiceSelect
                label="Status"
                value=status
                on_pick=move |to| {
                    store.edit_case(&status_id, |case, author, now| case.set_status(to, author, now));
                }
            />
            <div class="field wide">
                <label for="note-text">"Note"</label>
                <textarea
                    id="note-text"
                    rows="2"
                    placeholder="What the customer said, what you did…"
                    aria-describedby="note-message"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
                <p id="note-message" class="field-error" role="status">{move || message.get()}</p>
            </div>
            <div class="button-row">
                <button class="primary" on:click=move |_| add(NoteKind::Contact)>"Log customer contact"</button>
                <button on:click=move |_| add_internal(NoteKind::Internal)>"Add internal note"</button>
                <Show when=move || status.get().is_open()>
                    <button class="resolve" on:click=resolve.clone()>"Resolve"</button>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn Timeline(case: Memo<Case>) -> impl IntoView {
    let offset = browser::utc_offset_minutes();
    let entries = move || case.with(|c| c.timeline.clone());
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <ol class="timeline">
                {move || entries().into_iter().rev().map(|entry| view! { <TimelineItem entry offset /> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn TimelineItem(entry: TimelineEntry, offset: i32) -> impl IntoView {
    // Other cases are named by their title, read once when the entry is drawn.
    let store = use_desk();
    let (kind, text) = store.desk.with_untracked(|desk| {
        describe(&entry.event, offset, &|id: &CaseId| {
            store
                .find(desk, id)
                .map_or_else(|| format!("case {id}"), |c| format!("\u{201c}{}\u{201d}", c.title))
        })
    });
    view! { <TimelineRow at=entry.at author=entry.author kind text /> }
}

fn describe(event: &Event, offset: i32, case_name: &dyn Fn(&CaseId) -> String) -> (&'static str, String) {
    match event {
        Event::Created => ("created", "Case created".into()),
        Event::FieldChanged { field, from, to } => {
            // Times are stored in UTC; the reader thinks in local time.
            let time = |value: &str| {
                (*field == Field::CreatedAt).then(|| DateTime::parse_from_rfc3339(value).ok()).flatten()
            };
            let shown = |value: &str| match time(value) {
                Some(at) => local_time_label(at.to_utc(), offset),
                None if value.is_empty() => "(empty)".to_string(),
                None => format!("\u{201c}{value}\u{201d}"),
            };
            ("field", format!("{} changed from {} to {}", field.label(), shown(from), shown(to)))
        }
        // Waiting on customer pauses the Next update and Resolution clocks; say so where it happens.
        Event::StatusChanged { from, to } if *to == Status::WaitingOnCustomer => (
            "status",
            format!("Status changed from {from} to {to}; SLA paused (Next update, Resolution): waiting on the customer"),
        ),
        Event::StatusChanged { from, to } if *from == Status::WaitingOnCustomer => {
            ("status", format!("Status changed from {from} to {to}; SLA resumed"))
        }
        Event::StatusChanged { from, to } => ("status", format!("Status changed from {from} to {to}")),
        Event::Reopened { from, to } => {
            ("status", format!("Reopened: {from} to {to}; resolution time cleared"))
        }
        Event::Note { kind: NoteKind::Contact, text } => ("contact", format!("Customer contact: {text}")),
        Event::Note { kind: NoteKind::Internal, text } => ("note", format!("Internal note: {text}")),
        Event::PriorityPinned { to: Some(to), .. } => ("status", format!("Priority pinned to {to}")),
        Event::PriorityPinned { from, to: None } => (
            "status",
            format!("Priority pin removed{}", from.map(|p| format!(" (was {p})")).unwrap_or_default()),
        ),
        Event::Linked { case } => ("link", format!("Linked to {}", case_name(case))),
        Event::MergedInto { primary } => ("link", format!("Closed as a duplicate of {}", case_name(primary))),
        Event::MergedDuplicates { cases } => (
            "link",
            format!(
                "Merged duplicates into this case: {}",
                cases.iter().map(case_name).collect::<Vec<_>>().join(", ")
            ),
        ),
        Event::Unmerged { primary } => ("link", format!("Unmerged from {}", case_name(primary))),
        Event::UnmergedDuplicates { cases } => (
            "link",
            format!(
                "Unmerged {} duplicate{}: {}",
                cases.len(),
                if cases.len() == 1 { "" } else { "s" },
                cases.iter().map(case_name).collect::<Vec<_>>().join(", ")
            ),
        ),
        Event::IncidentLinked { incident, title } => {
            ("link", format!("Linked to incident {incident} \u{201c}{title}\u{201d}"))
        }
        Event::IncidentUnlinked { incident, title } => {
            ("link", format!("Removed from incident {incident} \u{201c}{title}\u{201d}"))
        }
        Event::Rated { rating: Some(rating), comment } if comment.is_empty() => {
            ("note", format!("Customer satisfaction rated {rating}"))
        }
        Event::Rated { rating: Some(rating), comment } => {
            ("note", format!("Customer satisfaction rated {rating}: \u{201c}{comment}\u{201d}"))
        }
        Event::Rated { rating: None, .. } => ("note", "Customer satisfaction rating removed".into()),
    }
}
