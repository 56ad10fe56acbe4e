//! Incidents: the list, with each incident's impact and when its next update is due. One
//! incident's page is `pages/incident/`.

use crate::domain::case::{Choice, Timestamp};
use crate::domain::incident::cadence::Impact;
use crate::domain::incident::templates::duration_in;
use crate::domain::incident::{radius_of, IncidentStatus};
use crate::domain::sort;
use crate::i18n::Text;
use crate::ui::state::{use_clock, use_desk, use_i18n, use_view_clock, Route};
use crate::ui::widgets::title::document_title;
use chrono::TimeDelta;
use leptos::prelude::*;

/// One row of the list: what it shows, taken from the incident and its cases.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    status: IncidentStatus,
    impact: Impact,
    due: Option<Timestamp>,
    cases: usize,
    customers: usize,
    created: Timestamp,
}

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let store = use_desk();
    let now = use_clock().0;
    let i18n = use_i18n();
    document_title(Signal::derive(move || i18n.t(Text::Incidents).to_string()));
    let rows = Memo::new(move |_| {
        store.desk.with(|desk| {
            let mut rows: Vec<Row> = desk
                .incidents
                .iter()
                .map(|incident| {
                    let radius = radius_of(incident.cases.iter().filter_map(|id| store.find(desk, id)));
                    Row {
                        id: incident.id.clone(),
                        title: incident.title.clone(),
                        status: incident.status,
                        impact: incident.impact,
                        due: incident.next_update_due,
                        cases: radius.cases,
                        customers: radius.customers.len(),
                        created: incident.created_at,
                    }
                })
                .collect();
            // Open incidents first, newest first within each.
            sort::sort_by(&mut rows, |a, b| {
                b.status.is_open().cmp(&a.status.is_open()).then(b.created.cmp(&a.created))
            });
            rows
        })
    });
    let heads = [
        Text::Incident,
        Text::FieldStatus,
        Text::IncidentImpact,
        Text::NextUpdateDue,
        Text::Cases,
        Text::Customers,
        Text::Opened,
    ];
    view! {
        <section aria-labelledby="incidents-heading">
            <div class="section-head">
                <h1 id="incidents-heading">{i18n.text(Text::Incidents)}</h1>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <p class="panel empty small">
                        {move || i18n.around(Text::NoIncidents, "groups").0}
                        <a href=Route::Groups(None).href()>{i18n.text(Text::Groups)}</a>
                        {move || i18n.around(Text::NoIncidents, "groups").1}
                    </p>
                }
            >
                <table class="cases incidents">
                    <thead>
                        <tr>
                            {heads.into_iter().map(|text| view! { <th scope="col">{move || i18n.t(text)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|row| view! {
                            <tr>
                                <td class="title-cell">
                                    <a href=Route::Incident(row.id.clone()).href()>
                                        <span class="muted">{row.id.clone()} " "</span>
                                        {row.title}
                                    </a>
                                </td>
                                <td><IncidentStatusBadge status=row.status /></td>
                                <td><ImpactBadge impact=row.impact /></td>
                                <td><UpdateDue due=row.due /></td>
                                <td>{row.cases}</td>
                                <td>{row.customers}</td>
                                <td>{move || i18n.ago((now.get() - row.created).num_milliseconds())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
pub fn IncidentStatusBadge(status: IncidentStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("status incident-{}", status.key())>{move || i18n.t(status.text())}</span> }
}

#[component]
pub fn ImpactBadge(impact: Impact) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("impact impact-{}", impact.key())>{move || i18n.t(impact.text())}</span> }
}

/// When the next status update is due, as a countdown that looks like an SLA timer: on track,
/// due soon (under ten minutes) and overdue like a breached target. It reads the SLA timers'
/// clock, so the what-if clock shows which updates would be overdue.
#[component]
pub fn UpdateDue(due: Option<Timestamp>) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_view_clock();
    let Some(due) = due else {
        return view! { <span class="muted small">{i18n.text(Text::NoUpdateOwed)}</span> }.into_any();
    };
    let left = move || due - clock.now();
    let state = move || match left() {
        left if left < TimeDelta::zero() => ("breached", Text::UpdateOverdue),
        left if left < TimeDelta::minutes(10) => ("at-risk", Text::UpdateDueSoon),
        _ => ("on-track", Text::UpdateOnTrack),
    };
    let time = move || {
        let left = left();
        let span = duration_in(i18n.lang(), left.abs());
        let text = if left < TimeDelta::zero() { Text::OverdueBy } else { Text::DueIn };
        i18n.fill(text, &[("time", &span)])
    };
    view! {
        <span
            class=move || format!("sla-timer update-due sla-{}", state().0)
            role="timer"
            aria-label=move || format!("{}: {}, {}", i18n.t(Text::NextUpdateDue), i18n.t(state().1), time())
        >
            <span class="sla-state">{move || i18n.t(state().1)}</span>
            <span class="sla-time">{time}</span>
        </span>
    }
    .into_any()
}
