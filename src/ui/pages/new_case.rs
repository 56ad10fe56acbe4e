//! New case: the form a lead fills in when an escalation arrives.

use crate::domain::case::{Case, CaseDraft, CaseId, Field, FieldError};
use crate::domain::desk::new_case_id;
use crate::i18n::{Message, Text};
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n, use_route, Route};
use crate::ui::widgets::fields::{ChoiceSelect, CountField, TextField};
use crate::ui::widgets::similar_cases::DraftSimilarCases;
use crate::ui::widgets::title::document_title;
use leptos::prelude::*;

#[component]
pub fn NewCaseForm() -> impl IntoView {
    let store = use_desk();
    let router = use_route();
    let draft = RwSignal::new(CaseDraft::default());
    let i18n = use_i18n();
    document_title(Signal::derive(move || i18n.t(Text::NewCase).to_string()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.with(|all| all.iter().find(|e| e.field == field).map(|e| i18n.message(&e.message)))
        })
    };
    let categories = store.categories;
    // Similar cases the user chose to link; linked once the case exists.
    let links = RwSignal::new(Vec::<CaseId>::new());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Keep a number-parsing error from the count field; the draft itself is still valid.
        if errors.with_untracked(|all| all.iter().any(|e| e.field == Field::CustomersAffected)) {
            return;
        }
        let draft = draft.get_untracked();
        if let Err(found) = draft.validate() {
            errors.set(found);
            return;
        }
        let now = browser::now();
        let links = links.get_untracked();
        let author = store.desk.with_untracked(|desk| desk.settings.author().to_string());
        let case = Case::create(new_case_id(now, browser::random_u32()), draft, &author, now);
        let id = case.id.clone();
        if links.is_empty() {
            store.add_case(case);
        } else {
            // Linking writes to the other cases' timelines too.
            store.change_some(|desk| {
                let id = case.id.clone();
                desk.cases.push(case);
                for other in &links {
                    desk.link_cases(&id, other, &author, now);
                }
            });
        }
        // The new case opens; Back (and Escape) return to the inbox with its row selected,
        // so the form is replaced in the history rather than stacked under the case.
        let _ = window().location().replace(&Route::Case(id).href());
    };

    view! {
        <section class="panel form-page" aria-labelledby="new-case-heading">
            <h1 id="new-case-heading">{i18n.text(Text::NewCase)}</h1>
            <form novalidate on:submit=save on:keydown=browser::hold_composing_enter>
                <div class="form-grid">
                    <TextField
                        label=Text::FieldTitle
                        wide=true
                        required=true
                        live=true
                        value=Signal::derive(move || draft.with(|d| d.title.clone()))
                        on_commit=move |text| {
                            errors.update(|all| all.retain(|e| e.field != Field::Title));
                            draft.update(|d| d.title = text);
                        }
                        error=error_for(Field::Title)
                    />
                    <TextField
                        label=Text::FieldDescription
                        multiline=true
                        wide=true
                        live=true
                        value=Signal::derive(move || draft.with(|d| d.description.clone()))
                        on_commit=move |text| draft.update(|d| d.description = text)
                        error=error_for(Field::Description)
                    />
                    <TextField
                        label=Text::FieldCustomer
                        live=true
                        value=Signal::derive(move || draft.with(|d| d.customer.clone()))
                        on_commit=move |text| draft.update(|d| d.customer = text)
                    />
                    <ChoiceSelect label=Text::FieldTier value=Signal::derive(move || draft.with(|d| d.tier)) on_pick=move |tier| draft.update(|d| d.tier = tier) />
                    <ChoiceSelect label=Text::FieldSurface value=Signal::derive(move || draft.with(|d| d.surface)) on_pick=move |surface| draft.update(|d| d.surface = surface) />
                    <TextField
                        label=Text::FieldCategory
                        live=true
                        suggestions=categories
                        value=Signal::derive(move || draft.with(|d| d.category.clone()))
                        on_commit=move |text| draft.update(|d| d.category = text)
                    />
                    <CountField
                        label=Text::FieldCustomersAffected
                        live=true
                        value=Signal::derive(move || draft.with(|d| d.customers_affected))
                        on_commit=move |count| {
                            errors.update(|all| all.retain(|e| e.field != Field::CustomersAffected));
                            match count {
                                Ok(count) => draft.update(|d| d.customers_affected = count),
                                Err(text) => errors.update(|all| all.push(FieldError { field: Field::CustomersAffected, message: Message::verbatim(text) })),
                            }
                        }
                        error=error_for(Field::CustomersAffected)
                    />
                    <ChoiceSelect label=Text::FieldUrgency value=Signal::derive(move || draft.with(|d| d.urgency)) on_pick=move |urgency| draft.update(|d| d.urgency = urgency) />
                </div>
                <DraftSimilarCases
                    title=Signal::derive(move || draft.with(|d| d.title.clone()))
                    description=Signal::derive(move || draft.with(|d| d.description.clone()))
                    links
                />
                <div class="button-row">
                    <button type="submit" class="primary">{i18n.text(Text::SaveCase)}</button>
                    <button type="button" on:click=move |_| router.go(Route::Inbox)>{i18n.text(Text::Cancel)}</button>
                </div>
            </form>
        </section>
    }
}
