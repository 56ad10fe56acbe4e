//! A filter select of one kind of choice (tier, surface …) whose first option means "any".

use crate::domain::case::Choice;
use leptos::prelude::*;

#[component]
pub fn AnyChoiceFilter<T: Choice>(
    label: &'static str,
    id: &'static str,
    current: Signal<Option<T>>,
    on_pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=move || current.get().map_or("any", |c| c.key())
                on:change=move |ev| on_pick(T::parse(&event_target_value(&ev)))>
                <option value="any">"Any"</option>
                {T::all().iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}
