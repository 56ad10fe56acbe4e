//! Incidents: the list, and one incident with its status, blast radius, linked cases and timeline.

use crate::domain::case::Choice;
use crate::domain::incident::{radius_of, Incident, IncidentEntry, IncidentEvent, IncidentStatus};
use crate::domain::sort;
use crate::i18n::Text;
use crate::ui::state::{use_clock, use_desk, use_i18n, I18n, Route};
use crate::ui::widgets::fields::ChoiceSelect;
use crate::ui::widgets::presence::page_while_present;
use crate::ui::widgets::timeline::TimelineRow;
use crate::ui::widgets::title::document_title;
use leptos::prelude::*;

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let store = use_desk();
    let now = use_clock().0;
    let i18n = use_i18n();
    document_title(Signal::derive(move || i18n.t(Text::Incidents).to_string()));
    let rows = Memo::new(move |_| {
        store.desk.with(|desk| {
            let mut rows: Vec<(Incident, usize, usize)> = desk
                .incidents
                .iter()
                .map(|incident| {
                    let radius = radius_of(incident.cases.iter().filter_map(|id| store.find(desk, id)));
                    (incident.clone(), radius.cases, radius.customers.len())
                })
                .collect();
            // Open incidents first, newest first within each.
            sort::sort_by(&mut rows, |a, b| {
                b.0.status.is_open().cmp(&a.0.status.is_open()).then(b.0.created_at.cmp(&a.0.created_at))
            });
            rows
        })
    });
    view! {
        <section aria-labelledby="incidents-heading">
            <div class="section-head">
                <h1 id="incidents-heading">{move || i18n.t(Text::Incidents)}</h1>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <p class="panel empty small">
                        {move || i18n.around(Text::NoIncidents, "groups").0}
                        <a href=Route::Groups(None).href()>{move || i18n.t(Text::Groups)}</a>
                        {move || i18n.around(Text::NoIncidents, "groups").1}
                    </p>
                }
            >
                <table class="cases incidents">
                    <thead>
                        <tr>
                            {[Text::Incident, Text::FieldStatus, Text::Cases, Text::Customers, Text::Opened]
                                .into_iter()
                                .map(|text| view! { <th scope="col">{move || i18n.t(text)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(incident, cases, customers)| {
                                let created = incident.created_at;
                                view! {
                                    <tr>
                                        <td class="title-cell">
                                            <a href=Route::Incident(incident.id.clone()).href()>
                                                <span class="muted">{incident.id.clone()} " "</span>
                                                {incident.title.clone()}
                                            </a>
                                        </td>
                                        <td><IncidentStatusBadge status=incident.status /></td>
                                        <td>{cases}</td>
                                        <td>{customers}</td>
                                        <td>{move || i18n.ago((now.get() - created).num_milliseconds())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn IncidentStatusBadge(status: IncidentStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("status incident-{}", status.key())>{move || i18n.t(status.text())}</span> }
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
                    <h1>{move || i18n.t(Text::IncidentNotFound)}</h1>
                    <p>
                        {move || i18n.around(Text::NoIncident, "id").0}
                        <code>{id.clone()}</code>
                        {move || i18n.around(Text::NoIncident, "id").1}
                    </p>
                    <a class="button" href=Route::Incidents.href()>{move || i18n.t(Text::AllIncidents)}</a>
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
    let edit = move |apply: &dyn Fn(&mut Incident, &str, crate::domain::case::Timestamp)| {
        let id = incident.with_untracked(|i| i.id.clone());
        store.act(|desk, author, now| {
            if let Some(incident) = desk.incident_mut(&id) {
                apply(incident, author, now);
            }
        });
    };
    let note = RwSignal::new(String::new());
    let status = Signal::derive(move || incident.with(|i| i.status));
    let add_update = move |_| {
        let text = note.get_untracked();
        edit(&|incident, author, now| {
            incident.add_note(&text, author, now);
        });
        note.set(String::new());
    };
    view! {
        <article class="incident-page" aria-labelledby="incident-title">
            <div class="case-head">
                <a class="back" href=Route::Incidents.href()>"\u{2190} " {move || i18n.t(Text::Incidents)}</a>
                <h1 id="incident-title">{move || incident.with(|i| view! { <span class="muted">{i.id.clone()} " "</span>{i.title.clone()} })}</h1>
                <p class="muted">{move || view! { <IncidentStatusBadge status=status.get() /> }}</p>
            </div>
            <div class="case-columns">
                <div>
                    <RadiusAndLinkedCases incident />
                </div>
                <div class="case-side">
                    <section class="panel" aria-label=move || i18n.t(Text::StatusAndUpdates)>
                        <ChoiceSelect
                            label=Text::IncidentStatus
                            value=status
                            on_pick=move |to: IncidentStatus| edit(&|incident, author, now| {
                                incident.set_status(to, author, now);
                            })
                        />
                        <div class="field wide">
                            <label for="incident-update">{move || i18n.t(Text::Update)}</label>
                            <textarea id="incident-update" rows="3" placeholder=move || i18n.t(Text::UpdatePlaceholder)
                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="button-row">
                            <button class="primary" disabled=move || note.with(|n| n.trim().is_empty()) on:click=add_update>{move || i18n.t(Text::AddUpdate)}</button>
                        </div>
                    </section>
                    <section class="panel" aria-labelledby="incident-timeline-heading">
                        <h2 id="incident-timeline-heading">{move || i18n.t(Text::Timeline)}</h2>
                        <ol class="timeline">
                            {move || incident.with(|i| i.timeline.iter().rev().map(|entry| view! { <IncidentTimelineItem entry=entry.clone() /> }).collect_view())}
                        </ol>
                    </section>
                </div>
            </div>
        </article>
    }
}

/// What the incident reaches and the cases behind it, following edits to those cases.
#[component]
fn RadiusAndLinkedCases(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let linked = Memo::new(move |_| {
        store.desk.with(|desk| {
            incident
                .with(|i| i.cases.iter().filter_map(|id| store.find(desk, id).cloned()).collect::<Vec<_>>())
        })
    });
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
                    <ul class="merged-list">
                        {cases.iter().map(|case| view! {
                            <li>
                                <a href=Route::Case(case.id.clone()).href()>{case.title.clone()}</a>
                                <span class="muted small">" · " {case.customer.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn IncidentTimelineItem(entry: IncidentEntry) -> impl IntoView {
    let i18n = use_i18n();
    let event = entry.event;
    let text = Signal::derive(move || match &event {
        IncidentEvent::Promoted { cases, .. } => {
            i18n.fill(Text::PromotedFromGroup, &[("n", &cases.len().to_string())])
        }
        IncidentEvent::StatusChanged { from, to } => {
            i18n.fill(Text::StatusChangedFromTo, &[("from", i18n.t(from.text())), ("to", i18n.t(to.text()))])
        }
        IncidentEvent::Note { text } => i18n.fill(Text::UpdateNote, &[("text", text)]),
        // The incident-response entries have no page of their own yet; their English wording.
        other => other.describe(),
    });
    view! { <TimelineRow at=entry.at author=entry.author kind="update" text /> }
}

/// Choices named in the page's language, as a list: "Enterprise, Free".
fn choices<T: Choice>(i18n: I18n, all: &[T]) -> String {
    all.iter().map(|choice| i18n.t(choice.text())).collect::<Vec<_>>().join(i18n.t(Text::ListSeparator))
}
