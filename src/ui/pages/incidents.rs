//! Incidents: the list, and one incident with its status, blast radius, linked cases and timeline.

use crate::domain::case::Choice;
use crate::domain::duplicates::{surfaces_label, tiers_label};
use crate::domain::inbox::ago_label;
use crate::domain::incident::{radius_of, Incident, IncidentEntry, IncidentEvent, IncidentStatus};
use crate::domain::sort;
use crate::ui::state::{use_clock, use_desk, Route};
use crate::ui::widgets::fields::ChoiceSelect;
use crate::ui::widgets::presence::page_while_present;
use crate::ui::widgets::timeline::TimelineRow;
use leptos::prelude::*;

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let store = use_desk();
    let now = use_clock().0;
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
                <h1 id="incidents-heading">"Incidents"</h1>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! {
                    <p class="panel empty small">
                        "No incidents yet. On " <a href=Route::Groups(None).href()>"Groups"</a>
                        ", promote a group of similar cases to an incident to track one problem across its customers."
                    </p>
                }
            >
                <table class="cases incidents">
                    <thead>
                        <tr>
                            <th scope="col">"Incident"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Cases"</th>
                            <th scope="col">"Customers"</th>
                            <th scope="col">"Opened"</th>
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
                                        <td>{move || ago_label(created, now.get())}</td>
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
    view! { <span class=format!("status incident-{}", status.key())>{status.label()}</span> }
}

#[component]
pub fn IncidentPage(id: String) -> impl IntoView {
    let store = use_desk();
    let lookup = id.clone();
    let found = Memo::new(move |_| store.desk.with(|desk| desk.incident(&lookup).cloned()));
    page_while_present(
        found,
        |incident| view! { <IncidentDetail incident /> }.into_any(),
        move || {
            view! {
                <section class="panel empty">
                    <h1>"Incident not found"</h1>
                    <p>"There is no incident " <code>{id.clone()}</code> " in this browser."</p>
                    <a class="button" href=Route::Incidents.href()>"All incidents"</a>
                </section>
            }
            .into_any()
        },
    )
}

#[component]
fn IncidentDetail(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
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
                <a class="back" href=Route::Incidents.href()>"\u{2190} Incidents"</a>
                <h1 id="incident-title">{move || incident.with(|i| view! { <span class="muted">{i.id.clone()} " "</span>{i.title.clone()} })}</h1>
                <p class="muted">{move || view! { <IncidentStatusBadge status=status.get() /> }}</p>
            </div>
            <div class="case-columns">
                <div>
                    <RadiusAndLinkedCases incident />
                </div>
                <div class="case-side">
                    <section class="panel" aria-label="Status and updates">
                        <ChoiceSelect
                            label="Incident status"
                            value=status
                            on_pick=move |to: IncidentStatus| edit(&|incident, author, now| {
                                incident.set_status(to, author, now);
                            })
                        />
                        <div class="field wide">
                            <label for="incident-update">"Update"</label>
                            <textarea id="incident-update" rows="3" placeholder="What is known, what was done…"
                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="button-row">
                            <button class="primary" disabled=move || note.with(|n| n.trim().is_empty()) on:click=add_update>"Add update"</button>
                        </div>
                    </section>
                    <section class="panel" aria-labelledby="incident-timeline-heading">
                        <h2 id="incident-timeline-heading">"Timeline"</h2>
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
    let linked = Memo::new(move |_| {
        store.desk.with(|desk| {
            incident
                .with(|i| i.cases.iter().filter_map(|id| store.find(desk, id).cloned()).collect::<Vec<_>>())
        })
    });
    move || {
        linked.with(|cases| {
            let radius = radius_of(cases);
            view! {
                <section class="panel" aria-labelledby="radius-heading">
                    <h2 id="radius-heading">"Blast radius"</h2>
                    <dl class="radius">
                        <div><dt>"Cases"</dt><dd>{radius.cases}</dd></div>
                        <div><dt>"Customers"</dt><dd>{radius.customers.len()}</dd></div>
                        <div><dt>"Tiers"</dt><dd>{radius.tiers.len()}</dd></div>
                        <div><dt>"Surfaces"</dt><dd>{radius.surfaces.len()}</dd></div>
                        <div><dt>"People affected"</dt><dd>{radius.customers_affected}</dd></div>
                    </dl>
                    <p class="small">"Affected customers: " {radius.customers.join(", ")}</p>
                    <p class="small">"Tiers: " {tiers_label(&radius.tiers)} " · Surfaces: " {surfaces_label(&radius.surfaces)}</p>
                </section>
                <section class="panel" aria-labelledby="linked-heading">
                    <h2 id="linked-heading">"Linked cases"</h2>
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
    let text = match &entry.event {
        IncidentEvent::Promoted { cases, .. } => {
            format!("Promoted from a group of {} similar cases", cases.len())
        }
        IncidentEvent::StatusChanged { from, to } => format!("Status changed from {from} to {to}"),
        IncidentEvent::Note { text } => format!("Update: {text}"),
        other => other.describe(),
    };
    view! { <TimelineRow at=entry.at author=entry.author kind="update" text /> }
}
