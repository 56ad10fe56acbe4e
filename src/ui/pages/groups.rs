//! Groups: open cases that look like one problem, biggest first, with what to do about them:
//! Not a duplicate, Merge into a primary case, Unmerge, Promote to incident.

use crate::domain::case::{Case, CaseId, Tier};
use crate::domain::duplicates::{overview, surfaces_label, tiers_label, GroupOverview};
use crate::domain::inbox::ago_label;
use crate::ui::state::{use_clock, use_desk, use_grouping, use_route, Route};
use crate::ui::widgets::title::document_title;
use leptos::prelude::*;

/// Groups drawn at a time; "Show more" adds another page (a big desk can have hundreds).
const GROUPS_PER_PAGE: usize = 20;

/// How many of a group's strongest words its card shows.
const SHOWN_TERMS: usize = 6;

/// The outcome of a merge or an unmerge, shown in the list of merged cases where the merge
/// stands (or stood): the group card acted on is gone once its cases are merged.
#[derive(Clone, PartialEq)]
struct Notice {
    /// Place in the list of merged cases.
    at: usize,
    text: String,
}

/// "“Title”" of a case, or its id when it is not in this browser.
fn quoted_title(store: crate::ui::state::DeskStore, id: &CaseId) -> String {
    let title = store.desk.with_untracked(|desk| store.find(desk, id).map(|case| case.title.clone()));
    format!("\u{201c}{}\u{201d}", title.unwrap_or_else(|| id.0.clone()))
}

/// Unmerges every duplicate merged into `primary` and says which cases came back: the words
/// the Groups page and the case page both show next to the Unmerge button.
pub(crate) fn unmerge_and_say(store: crate::ui::state::DeskStore, primary: &CaseId) -> String {
    let duplicates: Vec<CaseId> = store
        .desk
        .with_untracked(|desk| desk.merges_into(primary).flat_map(|m| m.duplicates().cloned()).collect());
    let (from, restored) = (quoted_title(store, primary), quoted_titles(store, &duplicates));
    match store.act(|desk, author, now| desk.unmerge(primary, author, now)) {
        1 => format!("Unmerged {restored} from {from}: it has its fields back, and the merge and the unmerge stay on its timeline."),
        n => format!("Unmerged {n} cases from {from}: {restored}. They have their fields back, and the merge and the unmerge stay on their timelines."),
    }
}

/// Names every case of `ids`: "“A”", "“A” and “B”", "“A”, “B” and “C”".
fn quoted_titles(store: crate::ui::state::DeskStore, ids: &[CaseId]) -> String {
    let names: Vec<String> = ids.iter().map(|id| quoted_title(store, id)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[component]
pub fn GroupsPage(focus: Option<String>) -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    document_title(Signal::stored("Groups".to_string()));
    let (message, set_message) = signal(None::<String>);
    let notice = RwSignal::new(None::<Notice>);
    let shown = Memo::new(move |_| {
        grouping.groups.with(|groups| {
            groups.as_ref().map(|groups| store.desk.with(|desk| overview(groups, &desk.cases)))
        })
    });
    let focus = StoredValue::new(focus);
    let limit = RwSignal::new(GROUPS_PER_PAGE);
    let total = move || shown.with(|s| s.as_ref().map_or(0, Vec::len));
    view! {
        <section aria-labelledby="groups-heading">
            <div class="section-head">
                <h1 id="groups-heading">"Groups"</h1>
                <p class="muted" aria-live="polite">
                    {move || match shown.with(|s| s.as_ref().map(Vec::len)) {
                        None => "Grouping open cases…".to_string(),
                        Some(1) => "1 group of likely duplicates".to_string(),
                        Some(n) => format!("{n} groups of likely duplicates"),
                    }}
                </p>
            </div>
            <p class="muted">
                "Open cases whose title and description say the same thing. Mark a case that does not belong as not a duplicate, merge a group into one primary case, or promote it to an incident."
            </p>
            <p class="banner" role="status" hidden=move || message.with(Option::is_none)>{move || message.get()}</p>
            // Announces a merge or unmerge; the same words show next to the merged case.
            <p class="visually-hidden" role="status">{move || notice.with(|n| n.as_ref().map(|n| n.text.clone()))}</p>
            <MergedCases notice />
            <Show
                when=move || shown.with(|s| s.as_ref().is_some_and(|s| !s.is_empty()))
                fallback=move || view! {
                    <p class="panel empty small">
                        {move || if shown.with(Option::is_none) { "Looking for duplicates…" } else { "No groups: no two open cases look alike at the current grouping strictness." }}
                    </p>
                }
            >
                <ol class="groups">
                    <For
                        each=move || shown.with(|s| s.iter().flatten().take(limit.get()).cloned().collect::<Vec<_>>())
                        key=|group| (group.summary.group_id.clone(), group.summary.members.clone(), group.summary.suggested_title.clone())
                        let:group
                    >
                        <GroupCard focused=focus.with_value(|f| f.as_deref() == Some(group.summary.group_id.as_str())) group set_message notice />
                    </For>
                </ol>
                <Show when=move || { total() > limit.get() }>
                    <div class="button-row center">
                        <button on:click=move |_| limit.update(|l| *l += GROUPS_PER_PAGE)>
                            {move || format!("Show {} more of {}", GROUPS_PER_PAGE.min(total() - limit.get()), total() - limit.get())}
                        </button>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn GroupCard(
    group: GroupOverview,
    focused: bool,
    set_message: WriteSignal<Option<String>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let store = use_desk();
    let router = use_route();
    let now = use_clock().0;
    let heading_id = format!("group-{}", group.summary.group_id);
    let members: Vec<Case> = store.desk.with_untracked(|desk| {
        group.summary.members.iter().filter_map(|id| store.find(desk, id).cloned()).collect()
    });
    let primary = RwSignal::new(pick_primary(&members, &group));
    let radio_name = format!("primary-{}", group.summary.group_id);
    let (first, last) = (group.first_seen, group.last_seen);
    let title = group.summary.suggested_title.clone();
    let ids = group.summary.members.clone();
    let merge = {
        let ids = ids.clone();
        move |_| {
            let main = primary.get_untracked();
            let duplicates: Vec<CaseId> = ids.iter().filter(|id| **id != main).cloned().collect();
            // Named before the merge: the duplicates' fields are the merge's to change.
            let (into, merged) = (quoted_title(store, &main), quoted_titles(store, &duplicates));
            match store.act(|desk, author, now| desk.merge_into(&main, &ids, author, now)) {
                Ok(()) => {
                    let at =
                        store.desk.with_untracked(|desk| desk.merges.iter().rposition(|m| m.primary == main));
                    let text = match duplicates.len() {
                        1 => format!("Merged {merged} into {into}. Unmerge puts it back."),
                        n => format!("Merged {n} cases into {into}: {merged}. Unmerge puts them back."),
                    };
                    set_message.set(None);
                    notice.set(Some(Notice { at: at.unwrap_or(0), text }));
                }
                Err(error) => set_message.set(Some(error.to_string())),
            }
        }
    };
    let group_id = group.summary.group_id.clone();
    let promote = move |_| {
        let id =
            store.act(|desk, author, now| desk.promote_to_incident(&title, &group_id, &ids, author, now));
        router.go(Route::Incident(id));
    };
    // The group a surge banner pointed at is brought into view once drawn.
    let card = NodeRef::<leptos::html::Li>::new();
    if focused {
        Effect::new(move |_| {
            if let Some(card) = card.get() {
                card.scroll_into_view();
            }
        });
    }
    let radius = &group.radius;
    let facts = format!(
        "{} cases · {} · {} · {}",
        group.summary.size,
        match radius.customers.len() {
            1 => "1 customer".to_string(),
            n => format!("{n} customers"),
        },
        tiers_label(&radius.tiers),
        surfaces_label(&radius.surfaces),
    );
    let customers = radius.customers.join(", ");
    let top_tier = radius.tiers.first().copied().unwrap_or(Tier::Free);
    view! {
        <li node_ref=card class=if focused { "panel group focused" } else { "panel group" } aria-labelledby=heading_id.clone()>
            <div class="group-head">
                <h2 id=heading_id.clone()>{group.summary.suggested_title.clone()}</h2>
                <span class=format!("tier tier-{}", top_tier.key())>{top_tier.label()}</span>
            </div>
            <p class="group-facts">{facts}</p>
            <p class="muted small">
                "Customers: " {customers} " · first seen " {move || ago_label(first, now.get())}
                " · last seen " {move || ago_label(last, now.get())}
                " · " {format!("{} % alike", (group.summary.cohesion * 100.0).round())}
            </p>
            <p class="shared-words small">
                "Shared words: "
                {group.summary.top_terms.iter().take(SHOWN_TERMS).map(|term| view! { <mark>{term.clone()}</mark> " " }).collect_view()}
            </p>
            <ul class="group-members">
                {members
                    .into_iter()
                    .map(|case| view! { <GroupMember case radio_name=radio_name.clone() primary all=group.summary.members.clone() /> })
                    .collect_view()}
            </ul>
            <div class="button-row">
                <button on:click=merge>"Merge into primary"</button>
                <button class="primary" on:click=promote>"Promote to incident"</button>
            </div>
        </li>
    }
}

/// The merge keeps the case that names the group (the one most like the rest) unless the user
/// picks another.
fn pick_primary(members: &[Case], group: &GroupOverview) -> CaseId {
    members
        .iter()
        .find(|c| c.title == group.summary.suggested_title)
        .map_or_else(|| group.summary.members[0].clone(), |c| c.id.clone())
}

#[component]
fn GroupMember(case: Case, radio_name: String, primary: RwSignal<CaseId>, all: Vec<CaseId>) -> impl IntoView {
    let store = use_desk();
    let id = case.id.clone();
    let pick = id.clone();
    let checked = Memo::new(move |_| primary.with(|p| p == &id));
    let not_duplicate = {
        let id = case.id.clone();
        move |_| {
            store.change_some(|desk| {
                for other in &all {
                    desk.not_duplicates.insert(&id, other);
                }
            });
        }
    };
    let radio_label = format!("Primary: {}", case.title);
    view! {
        <li class="group-member">
            <label class="primary-pick" title="Keep this case when merging">
                <input type="radio" name=radio_name aria-label=radio_label prop:checked=checked on:change=move |_| primary.set(pick.clone()) />
                <span aria-hidden="true">"Primary"</span>
            </label>
            <div class="member-body">
                <a href=Route::Case(case.id.clone()).href()>{case.title.clone()}</a>
                <span class="muted small">
                    {case.customer.clone()} " · " {case.tier.label()} " · " {case.surface.label()}
                </span>
            </div>
            <button class="small-button" aria-label=format!("Not a duplicate: {}", case.title) on:click=not_duplicate>
                "Not a duplicate"
            </button>
        </li>
    }
}

/// The standing merges, each with Unmerge, and the outcome of the last merge or unmerge in
/// its place among them (focused, so it is scrolled into sight and read out).
#[component]
fn MergedCases(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let store = use_desk();
    let merges = Memo::new(move |_| {
        store.desk.with(|desk| {
            desk.merges
                .iter()
                .map(|merge| {
                    let title =
                        |id: &CaseId| store.find(desk, id).map_or_else(|| id.0.clone(), |c| c.title.clone());
                    (
                        merge.primary.clone(),
                        title(&merge.primary),
                        merge.duplicates().map(title).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let shown_notice = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        if notice.with(Option::is_some) {
            if let Some(li) = shown_notice.get() {
                let _ = li.focus();
            }
        }
    });
    let notice_item = move || {
        notice.get().map(|notice| view! { <li class="merge-notice" tabindex="-1" node_ref=shown_notice>{notice.text}</li> })
    };
    view! {
        <Show when=move || merges.with(|m| !m.is_empty()) || notice.with(Option::is_some)>
            <section class="panel" aria-labelledby="merged-heading">
                <h2 id="merged-heading">"Merged cases"</h2>
                <ul class="merged-list">
                    {move || {
                        let at = notice.with(|n| n.as_ref().map(|n| n.at));
                        let mut items: Vec<AnyView> = merges.get().into_iter().enumerate().map(|(place, (primary, title, duplicates))| {
                            let restore = primary.clone();
                            view! {
                                <li>
                                    <a href=Route::Case(primary.clone()).href()>{title.clone()}</a>
                                    <span class="muted small">{format!(" ← {}", duplicates.join(" · "))}</span>
                                    <button class="small-button" aria-label=format!("Unmerge {title}") on:click=move |_| {
                                        let text = unmerge_and_say(store, &restore);
                                        notice.set(Some(Notice { at: place, text }));
                                    }>"Unmerge"</button>
                                </li>
                            }.into_any()
                        }).collect();
                        if let Some(at) = at {
                            items.insert(at.min(items.len()), notice_item().into_any());
                        }
                        items
                    }}
                </ul>
            </section>
        </Show>
    }
}
