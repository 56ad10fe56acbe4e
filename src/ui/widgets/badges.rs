//! Small labels used on several pages: the priority badge with its pin and score.

use crate::domain::case::Priority;
use leptos::prelude::*;

/// "P1" in its colour, with the pin shown beside the computed priority when there is one.
#[component]
pub fn PriorityBadge(
    computed: Priority,
    pinned: Option<Priority>,
    #[prop(optional)] score: Option<u8>,
) -> impl IntoView {
    let shown = pinned.unwrap_or(computed);
    let description = match pinned {
        Some(pin) if pin != computed => format!("Priority {pin}, pinned by hand; computed {computed}"),
        Some(pin) => format!("Priority {pin}, pinned by hand"),
        None => format!("Priority {computed}"),
    };
    let title = description.clone();
    view! {
        <span class="priority-cell">
            <span class=format!("priority priority-{}", shown.label().to_lowercase()) title=title>
                <span class="visually-hidden">{description}</span>
                <span aria-hidden="true">{shown.label()} {pinned.map(|_| " \u{1f4cc}")}</span>
            </span>
            {pinned.filter(|&pin| pin != computed).map(|_| view! { <span class="computed" aria-hidden="true">"computed " {computed.label()}</span> })}
            {score.map(|points| view! { <span class="score" title="Triage score out of 100">{points}</span> })}
        </span>
    }
}
