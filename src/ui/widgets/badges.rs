//! Small labels used on several pages: the priority badge with its pin and score, the status.

use crate::domain::case::{Priority, Status};
use crate::i18n::Text;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// "P1" in its colour, with the pin shown beside the computed priority when there is one.
#[component]
pub fn PriorityBadge(
    computed: Priority,
    pinned: Option<Priority>,
    #[prop(optional)] score: Option<u8>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = pinned.unwrap_or(computed);
    let description = move || {
        let text = match pinned {
            Some(pin) if pin != computed => Text::PriorityPinnedComputed,
            Some(_) => Text::PriorityPinned,
            None => Text::PriorityIs,
        };
        i18n.fill(text, &[("p", shown.label()), ("c", computed.label())])
    };
    view! {
        <span class="priority-cell">
            <span class=format!("priority priority-{}", shown.label().to_lowercase()) title=description>
                <span class="visually-hidden">{description}</span>
                <span aria-hidden="true">{shown.label()} {pinned.map(|_| " \u{1f4cc}")}</span>
            </span>
            {pinned.filter(|&pin| pin != computed).map(|_| view! { <span class="computed" aria-hidden="true">{move || i18n.fill(Text::ComputedPriority, &[("p", computed.label())])}</span> })}
            {score.map(|points| view! { <span class="score" title=move || i18n.t(Text::TriageScoreOf100)>{points}</span> })}
        </span>
    }
}

/// A status chip. In the inbox's narrow column the two waiting states use short words; the
/// full label is the chip's accessible name and tooltip.
#[component]
pub fn StatusBadge(status: Status, #[prop(optional)] full: bool) -> impl IntoView {
    let i18n = use_i18n();
    let short = match status {
        Status::WaitingOnCustomer if !full => Some(Text::AwaitingCustomerShort),
        Status::WaitingOnEngineering if !full => Some(Text::AwaitingEngineeringShort),
        _ => None,
    };
    let label = move || i18n.t(status.text());
    view! {
        <span class=format!("status status-{}", status.key()) title=move || short.map(|_| label())>
            {match short {
                Some(short) => view! {
                    <span class="visually-hidden">{label}</span>
                    <span aria-hidden="true">{move || i18n.t(short)}</span>
                }.into_any(),
                None => label.into_any(),
            }}
        </span>
    }
}
