//! The case's engineering hand-off: the shared widget over the case, then the cases linked to it.

use crate::domain::case::{Case, Event};
use crate::ui::widgets::handoff::HandoffPanel;
use leptos::prelude::*;

#[component]
pub fn CaseHandoff(case: Memo<Case>) -> impl IntoView {
    let cases = Memo::new(move |_| {
        case.with(|c| {
            let mut ids = vec![c.id.clone()];
            for entry in &c.timeline {
                if let Event::Linked { case } = &entry.event {
                    if !ids.contains(case) {
                        ids.push(case.clone());
                    }
                }
            }
            ids
        })
    });
    let stem = Signal::derive(move || case.with(|c| c.id.0.clone()));
    view! { <HandoffPanel cases=Signal::from(cases) incident=None stem /> }
}
