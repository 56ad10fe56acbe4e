//! The inbox banner when many similar cases arrive at once: the start of an outage.

use super::grouping::use_grouping;
use super::route::Route;
use super::store::use_desk;
use super::Clock;
use crate::domain::case::CaseId;
use crate::domain::grouping::{detect_surges, summarize};
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn SurgeBanner() -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let now = expect_context::<Clock>().0;
    // (group id, suggested title, recent count, window minutes) of each surging group.
    let surges = Memo::new(move |_| {
        let now = now.get();
        grouping.groups.with(|groups| {
            let Some(groups) = groups else { return Vec::new() };
            store.desk.with(|desk| {
                let created: HashMap<&CaseId, _> = desk.cases.iter().map(|c| (&c.id, c.created_at)).collect();
                let settings = &desk.settings.grouping;
                let surges = detect_surges(groups, |id| created.get(id).copied(), settings, now);
                let titles: HashMap<String, String> = summarize(groups, &desk.cases)
                    .into_iter()
                    .map(|summary| (summary.group_id, summary.suggested_title))
                    .collect();
                surges
                    .into_iter()
                    .map(|surge| {
                        let title = titles.get(&surge.group_id).cloned().unwrap_or_default();
                        (surge.group_id, title, surge.recent.len(), settings.surge_window_minutes)
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
