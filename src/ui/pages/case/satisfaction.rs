//! The customer's satisfaction rating of a case, as a survey or the customer told it.

use crate::domain::case::{Case, CaseId, Rating, Satisfaction};
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n};
use leptos::prelude::*;

#[component]
pub fn SatisfactionPanel(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let rating = move || case.with(|c| c.satisfaction.as_ref().map_or("", |s| s.rating.key()));
    let comment = RwSignal::new(
        case.with_untracked(|c| c.satisfaction.as_ref().map(|s| s.comment.clone()).unwrap_or_default()),
    );
    // A rating changed elsewhere (another tab, an import) shows here; other edits of the
    // case leave a comment being typed alone.
    let stored = Memo::new(move |_| case.with(|c| c.satisfaction.clone()));
    Effect::new(move |_| {
        comment.set(stored.with(|s| s.as_ref().map(|s| s.comment.clone()).unwrap_or_default()))
    });
    let save = {
        let id = id.clone();
        move |rating: Option<Rating>| {
            let satisfaction = rating.map(|rating| Satisfaction { rating, comment: comment.get_untracked() });
            store.edit_case(&id, |case, author, now| case.rate(satisfaction, author, now));
        }
    };
    let on_rating = {
        let save = save.clone();
        move |ev: leptos::ev::Event| save(Rating::parse(&event_target_value(&ev)))
    };
    let on_comment = move |_| {
        let current = case.with_untracked(|c| c.satisfaction.as_ref().map(|s| s.rating));
        if current.is_some() {
            save(current);
        }
    };
    view! {
        <section class="panel" aria-labelledby="satisfaction-heading">
            <h2 id="satisfaction-heading">{i18n.text(Text::MetricCsat)}</h2>
            <div class="field">
                <label for="satisfaction-rating">{i18n.text(Text::RatingLabel)}</label>
                <select id="satisfaction-rating" prop:value=rating on:change=on_rating>
                    <option value="">{i18n.text(Text::NotRated)}</option>
                    {Rating::ALL.iter().map(|r| view! { <option value=r.key()>{i18n.text(r.text())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="satisfaction-comment">{i18n.text(Text::WhatCustomerSaid)}</label>
                <textarea id="satisfaction-comment" rows="2"
                    prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))
                    on:change=on_comment></textarea>
            </div>
        </section>
    }
}
