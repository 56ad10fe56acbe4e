//! On a case page: the incidents holding the case (each a link, with Remove), and Add to
//! incident among the open ones, most recent first. The picker is also on Groups' cards.

use crate::domain::case::CaseId;
use crate::i18n::{Message, Text};
use crate::ui::pages::case::said_view;
use crate::ui::state::{use_desk, use_i18n, Route};
use leptos::prelude::*;

/// An incident as the pickers and lists name it: its id and title.
pub(crate) type Named = (String, String);

#[component]
pub fn CaseIncidents(id: CaseId) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let said = RwSignal::new(None::<Message>);
    let case_id = id.clone();
    // Incidents are few: reading them all on every change costs nothing next to a case list.
    let state = Memo::new(move |_| {
        store.desk.with(|desk| {
            let held: Vec<Named> = desk
                .incidents
                .iter()
                .filter(|incident| incident.holds(&case_id))
                .map(|incident| (incident.id.clone(), incident.title.clone()))
                .collect();
            let open: Vec<Named> = desk
                .open_incidents()
                .into_iter()
                .filter(|incident| !incident.holds(&case_id))
                .map(|incident| (incident.id.clone(), incident.title.clone()))
                .collect();
            (held, open)
        })
    });
    let remove_id = id.clone();
    let remove = move |incident: String| {
        if store.act(|desk, author, now| desk.remove_from_incident(&incident, &remove_id, author, now)) {
            said.set(Some(Message::new(Text::RemovedFrom).arg("incident", incident)));
        }
    };
    let add = move |incident: String| {
        let ids = [id.clone()];
        let added = store.act(|desk, author, now| desk.add_to_incident(&incident, &ids, author, now));
        if !added.is_empty() {
            said.set(Some(Message::new(Text::AddedTo).arg("incident", incident)));
        }
    };
    view! {
        <section class="panel case-incidents" aria-labelledby="case-incidents-heading">
            <h2 id="case-incidents-heading">{i18n.text(Text::Incidents)}</h2>
            {move || {
                let (held, open) = state.get();
                let empty = held.is_empty().then(|| view! { <p class="muted small">{i18n.text(Text::NotInIncident)}</p> });
                let list = (!held.is_empty()).then(|| view! {
                    <ul class="merged-list">
                        {held.into_iter().map(|(incident, title)| {
                            let label = incident.clone();
                            let remove = remove.clone();
                            view! {
                                <li>
                                    <a href=Route::Incident(incident.clone()).href() translate="no">{incident.clone()} " " {title}</a>
                                    <button class="small-button" aria-label=move || i18n.fill(Text::RemoveFrom, &[("incident", &label)])
                                        on:click=move |_| remove(incident.clone())>{i18n.text(Text::RemoveCase)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                });
                let picker = if open.is_empty() {
                    view! { <p class="muted small">{i18n.text(Text::NoOpenIncident)}</p> }.into_any()
                } else {
                    view! { <AddToIncident id="case-add-incident" choices=open add=add.clone() /> }.into_any()
                };
                (empty, list, picker)
            }}
            <p class="muted small" role="status">{said_view(i18n, said.into())}</p>
        </section>
    }
}

/// A labelled choice among open incidents (most recent first, the first chosen) and an Add
/// button that calls `add` with the chosen incident's id.
#[component]
pub(crate) fn AddToIncident(
    /// The select's id, unique on the page.
    #[prop(into)]
    id: String,
    choices: Vec<Named>,
    add: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let select = NodeRef::<leptos::html::Select>::new();
    view! {
        <div class="add-incident">
            <label for=id.clone()>{i18n.text(Text::AddToIncidentLabel)}</label>
            <select id=id node_ref=select>
                {choices.into_iter().map(|(incident, title)| {
                    let value = incident.clone();
                    let shown = move || i18n.fill(Text::IncidentOption, &[("id", &incident), ("title", &title)]);
                    view! { <option value=value translate="no">{shown}</option> }
                }).collect_view()}
            </select>
            <button type="button" on:click=move |_| {
                if let Some(select) = select.get_untracked() {
                    add(select.value());
                }
            }>{i18n.text(Text::AddToIncidentButton)}</button>
        </div>
    }
}
