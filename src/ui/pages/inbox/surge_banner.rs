//! The inbox banner when many similar cases arrive at once: the start of an outage.

use crate::domain::case::CaseId;
use crate::domain::grouping::detect_surges;
use crate::ui::state::{use_clock, use_desk, use_grouping, Route};
use leptos::prelude::*;

#[component]
pub fn SurgeBanner() -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let now = use_clock().0;
    // (group id, suggested title, recent count, window minutes) of each surging group. Cases
    // are found through the store's places, so a tick with 50,000 cases builds no map of them.
    let surges = Memo::new(move |_| {
        let now = now.get();
        grouping.groups.with(|groups| {
            let Some(groups) = groups else { return Vec::new() };
            store.desk.with(|desk| {
                let case = |id: &CaseId| {
                    store.place(id).and_then(|at| desk.cases.get(at)).filter(|case| &case.id == id)
                };
                let settings = &desk.settings.grouping;
                detect_surges(groups, |id| case(id).map(|case| case.created_at), settings, now)
                    .into_iter()
                    .filter_map(|surge| {
                        let group = groups.iter().find(|group| group.id == surge.group_id)?;
                        let title = case(&group.medoid)
                            .map_or_else(|| group.top_terms.join(" "), |c| c.title.clone());
                        Some((surge.group_id, title, surge.recent.len(), settings.surge_window_minutes))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <For each=move || surges.get() key=|surge| surge.clone() let:surge>
            {
                let (group_id, title, count, minutes) = surge;
                view! {
                    <div class="banner danger surge" role="alert">
                        <strong>"Surge: "</strong>
                        {format!("{count} similar cases in the last {minutes} minutes about \u{201c}{title}\u{201d}. ")}
                        <a href=Route::Groups(Some(group_id)).href()>"Open the group"</a>
                    </div>
                }
            }
        </For>
    }
}
