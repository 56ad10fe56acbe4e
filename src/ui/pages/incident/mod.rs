//! One incident: its impact and update cadence, status updates composed from templates, the
//! recovery plan, the affected customers, the engineering hand-off and, once resolved, the
//! postmortem draft; beside them the blast radius, the linked cases and the timeline.

mod compose;
mod handoff;
mod outreach;
mod plan;
mod postmortem;

use crate::domain::case::{CaseId, Choice, Timestamp};
use crate::domain::incident::cadence::Cadence;
use crate::domain::incident::plan::ResolveError;
use crate::domain::incident::{radius_of, Incident, IncidentEntry, IncidentEvent, IncidentStatus};
use crate::i18n::Text;
use crate::ui::pages::incidents::{ImpactBadge, IncidentStatusBadge, UpdateDue};
use crate::ui::state::{use_desk, use_grouping, use_i18n, DeskStore, I18n, Route};
use crate::ui::widgets::fields::{ChoiceSelect, TextField};
use crate::ui::widgets::presence::page_while_present;
use crate::ui::widgets::timeline::TimelineRow;
use crate::ui::widgets::title::document_title;
use leptos::prelude::*;

/// Changes incident `id` as the current author at the current time, with the desk's update
/// cadence at hand; returns what `apply` returned (the default when the incident is gone).
fn edit<R: Default>(
    store: DeskStore,
    id: &str,
    apply: impl FnOnce(&mut Incident, &Cadence, &str, Timestamp) -> R,
) -> R {
    store.act(|desk, author, now| {
        let cadence = desk.settings.incidents.cadence.clone();
        desk.incident_mut(id).map(|incident| apply(incident, &cadence, author, now)).unwrap_or_default()
    })
}

/// Resolves the incident, or (with required plan steps open and no reason) opens the dialog
/// that asks for one. True once resolved.
fn resolve(store: DeskStore, id: &str, reason: &str, ask: RwSignal<bool>) -> bool {
    match edit(store, id, |incident, _, author, now| Some(incident.resolve(reason, author, now))) {
        Some(Ok(())) => true,
        Some(Err(ResolveError::OpenRequiredSteps(_))) => {
            ask.set(true);
            false
        }
        _ => false,
    }
}

#[component]
pub fn IncidentPage(id: String) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let lookup = id.clone();
    let found = Memo::new(move |_| store.desk.with(|desk| desk.incident(&lookup).cloned()));
    page_while_present(
        found,
        |incident| view! { <IncidentDetail incident /> }.into_any(),
        move || {
            view! {
                <section class="panel empty">
                    <h1>{i18n.text(Text::IncidentNotFound)}</h1>
                    <p>
                        {move || i18n.around(Text::NoIncident, "id").0}
                        <code>{id.clone()}</code>
                        {move || i18n.around(Text::NoIncident, "id").1}
                    </p>
                    <a class="button" href=Route::Incidents.href()>{i18n.text(Text::AllIncidents)}</a>
                </section>
            }
            .into_any()
        },
    )
}

#[component]
fn IncidentDetail(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    document_title(Signal::derive(move || incident.with(|i| i.title.clone())));
    let id = incident.with_untracked(|i| i.id.clone());
    let note = RwSignal::new(String::new());
    let status = Signal::derive(move || incident.with(|i| i.status));
    let impact = Signal::derive(move || incident.with(|i| i.impact));
    let due = Memo::new(move |_| incident.with(|i| i.next_update_due));
    // Set when resolving needs a reason; the plan's dialog asks for it.
    let ask_reason = RwSignal::new(false);
    let add_update = {
        let id = id.clone();
        move |_| {
            let text = note.get_untracked();
            edit(store, &id, |incident, _, author, now| incident.add_note(&text, author, now));
            note.set(String::new());
        }
    };
    let pick_status = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let Some(to) = IncidentStatus::parse(&event_target_value(&ev)) else { return };
            if to == IncidentStatus::Resolved {
                resolve(store, &id, "", ask_reason);
            } else {
                edit(store, &id, |incident, _, author, now| incident.set_status(to, author, now));
            }
            // The select shows the status the incident has, also when resolving waits for a reason.
            let select: web_sys::HtmlSelectElement = event_target(&ev);
            select.set_value(status.get_untracked().key());
        }
    };
    view! {
        <article class="incident-page" aria-labelledby="incident-title">
            <div class="case-head">
                <a class="back" href=Route::Incidents.href()>"\u{2190} " {i18n.text(Text::Incidents)}</a>
                <h1 id="incident-title">{move || incident.with(|i| view! { <span class="muted">{i.id.clone()} " "</span>{i.title.clone()} })}</h1>
                <div class="case-meta">
                    {move || view! { <IncidentStatusBadge status=status.get() /> }}
                    <span>
                        <span class="muted small">{i18n.text(Text::IncidentImpact)} " "</span>
                        {move || view! { <ImpactBadge impact=impact.get() /> }}
                    </span>
                    {move || view! { <UpdateDue due=due.get() /> }}
                </div>
            </div>
            <div class="case-columns">
                <div class="case-main">
                    <ResponseFacts incident />
                    <compose::ComposeUpdate incident />
                    <plan::RecoveryPlan incident ask_reason />
                    <outreach::AffectedCustomers incident />
                    <handoff::IncidentHandoff incident />
                </div>
                <div class="case-side">
                    <section class="panel" aria-label=i18n.text(Text::StatusAndUpdates)>
                        <div class="field">
                            <label for="incident-status">{i18n.text(Text::IncidentStatus)}</label>
                            <select id="incident-status" prop:value=move || status.get().key() on:change=pick_status>
                                {IncidentStatus::ALL.iter().map(|s| view! { <option value=s.key()>{move || i18n.t(s.text())}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field wide">
                            <label for="incident-update">{i18n.text(Text::Update)}</label>
                            <textarea id="incident-update" rows="3" placeholder=i18n.text(Text::UpdatePlaceholder)
                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="button-row">
                            <button class="primary" disabled=move || note.with(|n| n.trim().is_empty()) on:click=add_update>{i18n.text(Text::AddUpdate)}</button>
                        </div>
                    </section>
                    <RadiusAndLinkedCases incident />
                    <Suggestions incident />
                    <section class="panel" aria-labelledby="incident-timeline-heading">
                        <h2 id="incident-timeline-heading">{i18n.text(Text::Timeline)}</h2>
                        <ol class="timeline">
                            {move || incident.with(|i| i.timeline.iter().rev().map(|entry| view! { <IncidentTimelineItem entry=entry.clone() /> }).collect_view())}
                        </ol>
                    </section>
                </div>
            </div>
            <Show when=move || !status.get().is_open()>
                <postmortem::Postmortem incident />
            </Show>
        </article>
    }
}

/// Impact (which sets the update cadence), data loss, the affected surfaces and the workaround.
#[component]
fn ResponseFacts(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let impact = Signal::derive(move || incident.with(|i| i.impact));
    let data_loss = Signal::derive(move || incident.with(|i| i.data_loss));
    let surfaces = Signal::derive(move || incident.with(|i| i.surfaces.join(", ")));
    let workaround = Signal::derive(move || incident.with(|i| i.workaround.clone()));
    view! {
        <section class="panel incident-facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{i18n.text(Text::ImpactAndCadence)}</h2>
            <div class="form-grid">
                <ChoiceSelect label=Text::IncidentImpact value=impact on_pick=move |to| {
                    edit(store, &id.get_value(), |i, cadence, author, now| i.set_impact(to, cadence, author, now));
                } />
                <ChoiceSelect label=Text::IncidentDataLoss value=data_loss on_pick=move |to| {
                    edit(store, &id.get_value(), |i, _, author, now| i.set_data_loss(to, author, now));
                } />
                <TextField label=Text::IncidentSurfaces value=surfaces wide=true on_commit=move |text: String| {
                    let list: Vec<String> = text.split([',', '\u{3001}']).map(str::to_string).collect();
                    edit(store, &id.get_value(), |i, _, author, now| i.set_surfaces(&list, author, now));
                } />
                <TextField label=Text::IncidentWorkaround value=workaround wide=true multiline=true on_commit=move |text: String| {
                    edit(store, &id.get_value(), |i, _, author, now| i.set_workaround(&text, author, now));
                } />
            </div>
            <p class="muted small">{i18n.text(Text::IncidentCadenceHint)}</p>
        </section>
    }
}

/// What the incident reaches and the cases behind it, following edits to those cases; each
/// case can be taken out (logged on both timelines).
#[component]
fn RadiusAndLinkedCases(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let linked = Memo::new(move |_| {
        store.desk.with(|desk| {
            incident
                .with(|i| i.cases.iter().filter_map(|id| store.find(desk, id).cloned()).collect::<Vec<_>>())
        })
    });
    let remove = move |case: CaseId| {
        store.act(|desk, author, now| desk.remove_from_incident(&id.get_value(), &case, author, now));
    };
    move || {
        linked.with(|cases| {
            let radius = radius_of(cases);
            let figures = [
                (Text::Cases, radius.cases),
                (Text::Customers, radius.customers.len()),
                (Text::Tiers, radius.tiers.len()),
                (Text::Surfaces, radius.surfaces.len()),
                (Text::PeopleAffected, radius.customers_affected as usize),
            ];
            let customers = radius.customers.join(", ");
            let tiers = choices(i18n, &radius.tiers);
            let surfaces = choices(i18n, &radius.surfaces);
            view! {
                <section class="panel" aria-labelledby="radius-heading">
                    <h2 id="radius-heading">{i18n.t(Text::BlastRadius)}</h2>
                    <dl class="radius">
                        {figures.into_iter().map(|(text, n)| view! { <div><dt>{i18n.t(text)}</dt><dd>{n}</dd></div> }).collect_view()}
                    </dl>
                    <p class="small">{i18n.fill(Text::AffectedCustomers, &[("customers", &customers)])}</p>
                    <p class="small">{i18n.fill(Text::TiersAndSurfaces, &[("tiers", &tiers), ("surfaces", &surfaces)])}</p>
                </section>
                <section class="panel" aria-labelledby="linked-heading">
                    <h2 id="linked-heading">{i18n.t(Text::LinkedCases)}</h2>
                    <ul class="merged-list incident-cases">
                        {cases.iter().map(|case| {
                            let case_id = case.id.clone();
                            view! {
                                <li>
                                    <span>
                                        <a href=Route::Case(case.id.clone()).href()>{case.title.clone()}</a>
                                        <span class="muted small">" · " {case.customer.clone()}</span>
                                    </span>
                                    <button class="small-button"
                                        aria-label=i18n.fill(Text::RemoveCaseNamed, &[("title", &case.title)])
                                        on:click=move |_| remove(case_id.clone())>{i18n.t(Text::RemoveFromIncident)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// New members of the incident's group, offered with Add.
#[component]
fn Suggestions(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let grouping = use_grouping();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let suggested = Memo::new(move |_| {
        incident.track();
        let groups = grouping.groups.get().unwrap_or_default();
        store.desk.with(|desk| {
            desk.incident_suggestions(&id.get_value(), &groups)
                .into_iter()
                .filter_map(|case| {
                    store.find(desk, &case).map(|c| (case, c.title.clone(), c.customer.clone()))
                })
                .collect::<Vec<_>>()
        })
    });
    let add = move |cases: Vec<CaseId>| {
        store.act(|desk, author, now| desk.add_to_incident(&id.get_value(), &cases, author, now));
    };
    view! {
        <Show when=move || incident.with(Incident::is_open) && suggested.with(|s| !s.is_empty())>
            <section class="panel" aria-labelledby="suggested-heading">
                <h2 id="suggested-heading">{i18n.text(Text::SuggestedCases)}</h2>
                <p class="muted small">{i18n.text(Text::SuggestedCasesHint)}</p>
                <ul class="merged-list incident-cases">
                    {move || suggested.get().into_iter().map(|(case, title, customer)| {
                        let label = i18n.fill(Text::AddCaseNamed, &[("title", &title)]);
                        view! {
                            <li>
                                <span>
                                    <a href=Route::Case(case.clone()).href()>{title}</a>
                                    <span class="muted small">" · " {customer}</span>
                                </span>
                                <button class="small-button" aria-label=label on:click=move |_| add(vec![case.clone()])>{i18n.t(Text::AddToThisIncident)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="button-row">
                    <button on:click=move |_| add(suggested.get_untracked().into_iter().map(|s| s.0).collect())>
                        {i18n.text(Text::AddAllSuggested)}
                    </button>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn IncidentTimelineItem(entry: IncidentEntry) -> impl IntoView {
    let i18n = use_i18n();
    let event = entry.event;
    let kind = match event {
        IncidentEvent::UpdatePosted { .. } | IncidentEvent::Note { .. } => "update",
        IncidentEvent::Outreach { .. } => "contact",
        _ => "status",
    };
    let text = Signal::derive(move || event.describe_in(i18n.lang()));
    view! { <TimelineRow at=entry.at author=entry.author kind text /> }
}

/// Choices named in the page's language, as a list: "Enterprise, Free".
fn choices<T: Choice>(i18n: I18n, all: &[T]) -> String {
    all.iter().map(|choice| i18n.t(choice.text())).collect::<Vec<_>>().join(i18n.t(Text::ListSeparator))
}
