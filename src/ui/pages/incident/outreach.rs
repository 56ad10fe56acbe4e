//! Affected customers: one row per customer, Enterprise first, with the outreach state; Log
//! contact writes the contact note on each of that customer's open cases in one click, so
//! their first-response and next-update clocks count it.

use super::edit;
use crate::domain::incident::outreach::{not_contacted, OutreachRow, OutreachState, UNNAMED_CUSTOMER};
use crate::domain::incident::Incident;
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n};
use leptos::prelude::*;

fn state_key(state: OutreachState) -> &'static str {
    match state {
        OutreachState::NotContacted => "not_contacted",
        OutreachState::Contacted => "contacted",
        OutreachState::Replied => "replied",
        OutreachState::NoResponse => "no_response",
    }
}

#[component]
pub fn AffectedCustomers(incident: Memo<Incident>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let rows = Memo::new(move |_| {
        store.desk.with(|desk| {
            incident.with(|i| i.outreach_rows(i.cases.iter().filter_map(|id| store.find(desk, id))))
        })
    });
    let waiting = Memo::new(move |_| rows.with(|rows| not_contacted(rows)));
    let only_waiting = RwSignal::new(false);
    // Until the user types, the note is the default in the page's language (it follows a switch).
    let typed = RwSignal::new(None::<String>);
    let note = move || typed.get().unwrap_or_else(|| i18n.t(Text::ContactNoteDefault).to_string());
    let log_contact = move |customer: String| {
        let text = untrack(note);
        store.act(|desk, author, now| {
            desk.log_incident_contact(&id.get_value(), &customer, &text, author, now)
        });
    };
    let set_state = move |customer: String, state: OutreachState| {
        edit(store, &id.get_value(), |i, _, author, now| i.set_outreach(&customer, state, "", author, now));
    };
    view! {
        <section class="panel outreach" aria-labelledby="outreach-heading">
            <div class="panel-head">
                <h2 id="outreach-heading">{i18n.text(Text::AffectedCustomersHeading)}</h2>
                <span class="count-badge" class=("waiting", move || waiting.get() > 0)>
                    {move || i18n.fill(Text::NotContactedCount, &[("n", &waiting.get().to_string())])}
                </span>
            </div>
            <div class="form-grid">
                <div class="field wide">
                    <label for="contact-note">{i18n.text(Text::ContactNote)}</label>
                    <input id="contact-note" type="text" autocomplete="off" prop:value=note
                        on:input=move |ev| typed.set(Some(event_target_value(&ev))) />
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || only_waiting.get()
                        on:change=move |ev| only_waiting.set(event_target_checked(&ev)) />
                    {i18n.text(Text::OnlyNotContacted)}
                </label>
            </div>
            <div class="table-scroll">
                <table class="outreach-table">
                    <thead>
                        <tr>
                            {[Text::FieldCustomer, Text::FieldTier, Text::Cases, Text::PeopleAffected, Text::OutreachStateHead]
                                .into_iter()
                                .map(|text| view! { <th scope="col">{move || i18n.t(text)}</th> })
                                .collect_view()}
                            <th scope="col"><span class="visually-hidden">{i18n.text(Text::OutreachActions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            // The rows' words are read once; a language switch builds them again.
                            i18n.lang();
                            let only = only_waiting.get();
                            rows.get()
                                .into_iter()
                                .filter(|row| !only || row.state == OutreachState::NotContacted)
                                .map(|row| view! { <CustomerRow row log_contact set_state /> })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn CustomerRow(
    row: OutreachRow,
    log_contact: impl Fn(String) + Copy + 'static,
    set_state: impl Fn(String, OutreachState) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = if row.customer == UNNAMED_CUSTOMER {
        i18n.t(Text::CustomerNotNamed).to_string()
    } else {
        row.customer.clone()
    };
    let customer = row.customer;
    let (for_log, for_state) = (customer.clone(), customer.clone());
    let state_label = i18n.fill(Text::OutreachFor, &[("customer", &shown)]);
    let log_label = i18n.fill(Text::LogContactWith, &[("customer", &shown)]);
    let no_open_cases = row.open_cases.is_empty();
    view! {
        <tr>
            <th scope="row">{shown}</th>
            // On a phone the row is a card and each figure carries its heading.
            <td data-label=i18n.t(Text::FieldTier)>{i18n.t(row.tier.text())}</td>
            <td data-label=i18n.t(Text::Cases)>{row.cases}</td>
            <td data-label=i18n.t(Text::PeopleAffected)>{row.people}</td>
            <td>
                <select aria-label=state_label class=format!("outreach-{}", state_key(row.state))
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(to) = OutreachState::ALL.into_iter().find(|s| state_key(*s) == key) {
                            set_state(for_state.clone(), to);
                        }
                    }>
                    {OutreachState::ALL.into_iter().map(|s| view! {
                        <option value=state_key(s) selected=s == row.state>{i18n.t(s.text())}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <button class="small-button" aria-label=log_label disabled=no_open_cases on:click=move |_| log_contact(for_log.clone())>
                    {i18n.t(Text::LogContact)}
                </button>
            </td>
        </tr>
    }
}
