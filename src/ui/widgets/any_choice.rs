//! A filter select of one kind of choice (tier, surface …) whose first option means "any".

use crate::domain::case::Choice;
use crate::i18n::Text;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

#[component]
pub fn AnyChoiceFilter<T: Choice>(
    label: Text,
    id: &'static str,
    current: Signal<Option<T>>,
    on_pick: impl Fn(Option<T>) + 'static,
    /// The wrapper's class: "field" in a form, "tool" in a compact toolbar.
    #[prop(default = "field")]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=class>
            <label for=id>{move || i18n.t(label)}</label>
            <select id=id prop:value=move || current.get().map_or("any", |c| c.key())
                on:change=move |ev| on_pick(T::parse(&event_target_value(&ev)))>
                <option value="any">{i18n.text(Text::AnyChoice)}</option>
                {T::all().iter().map(|&c| view! { <option value=c.key()>{move || i18n.t(c.text())}</option> }).collect_view()}
            </select>
        </div>
    }
}
