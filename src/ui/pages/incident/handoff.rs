//! The incident's engineering hand-off: the shared widget over its cases.

use crate::domain::incident::Incident;
use crate::ui::widgets::handoff::HandoffPanel;
use leptos::prelude::*;

#[component]
pub fn IncidentHandoff(incident: Memo<Incident>) -> impl IntoView {
    let cases = Signal::derive(move || incident.with(|i| i.cases.clone()));
    let stem = Signal::derive(move || incident.with(|i| i.id.clone()));
    view! { <HandoffPanel cases incident=Some(incident) stem /> }
}
