//! The inbox banner when many similar cases arrive at once: the start of an outage.

use crate::domain::case::CaseId;
use crate::domain::grouping::detect_surges;
use crate::i18n::{self, Text};
use crate::ui::browser;
use crate::ui::state::{use_clock, use_desk, use_grouping, use_i18n, use_view_clock, Route};
use leptos::prelude::*;
use std::collections::HashSet;

/// Where the surges dismissed in this tab's session are kept, one "group id<TAB>case count" a
/// line, so a dismissal survives a reload. A surge that grows after it was dismissed, or
/// another group's surge, shows again.
const DISMISSED_KEY: &str = "triage-desk.dismissed-surges";

fn read_dismissed() -> HashSet<(String, usize)> {
    let text = browser::session_value(DISMISSED_KEY).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (group, count) = line.rsplit_once('\t')?;
            Some((group.to_string(), count.parse().ok()?))
        })
        .collect()
}

fn write_dismissed(dismissed: &HashSet<(String, usize)>) {
    let lines: Vec<String> = dismissed.iter().map(|(group, count)| format!("{group}\t{count}")).collect();
    browser::set_session_value(DISMISSED_KEY, &lines.join("\n"));
}

#[component]
pub fn SurgeBanner() -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let clock = use_clock().0;
    let view_clock = use_view_clock();
    let dismissed = RwSignal::new(read_dismissed());
    let i18n = use_i18n();
    // (group id, suggested title, recent count, window minutes) of each surging group. Cases
    // are found through the store's places, so a tick with 50,000 cases builds no map of them.
    let surges = Memo::new(move |_| {
        // The 30-second clock, moved as far ahead as the what-if clock is.
        let now = clock.get() + view_clock.ahead();
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
                    .filter(|(group_id, _, count, _)| {
                        dismissed.with(|d| !d.contains(&(group_id.clone(), *count)))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <For each=move || surges.get() key=|surge| surge.clone() let:surge>
            {
                let (group_id, title, count, minutes) = surge;
                let (count_text, minutes) = (count.to_string(), minutes.to_string());
                let sentence = move || i18n.fill(Text::SurgeAbout, &[("count", &count_text), ("minutes", &minutes)]);
                // The group's title is case text: set apart, so it is never translated.
                let before = { let s = sentence.clone(); move || i18n::around(&s(), "title").0.to_string() };
                let after = { let s = sentence.clone(); move || i18n::around(&s(), "title").1.to_string() };
                let tip = { let title = title.clone(); move || i18n::fill(&sentence(), &[("title", &title)]) };
                let key = (group_id.clone(), count);
                let dismiss = move |_| {
                    dismissed.update(|d| {
                        d.insert(key.clone());
                    });
                    dismissed.with_untracked(write_dismissed);
                };
                view! {
                    <div class="banner danger surge one-line" role="alert">
                        <p title=tip>{before}<span translate="no">{title}</span>{after}</p>
                        <a href=Route::Groups(Some(group_id)).href()>{i18n.text(Text::OpenTheGroup)}</a>
                        <button class="dismiss" aria-label=i18n.text(Text::DismissSurge) title=i18n.text(Text::Dismiss) on:click=dismiss>"\u{00d7}"</button>
                    </div>
                }
            }
        </For>
    }
}
