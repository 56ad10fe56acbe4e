//! Groups: open cases that look like one problem, biggest first, with what to do about them:
//! Not a duplicate, Merge into a primary case, Unmerge, Promote to incident or add the group
//! to an open one; a group whose cases an open incident already holds offers to add its new
//! cases there instead of a second incident.

use crate::domain::case::{quoted, quoted_names, Case, CaseId, Choice, Tier};
use crate::domain::desk::MergeError;
use crate::domain::desk_incidents::Promotion;
use crate::domain::duplicates::{overview, GroupOverview};
use crate::domain::grouping::VIA_GLOSSARY;
use crate::i18n::{Message, Text};
use crate::ui::pages::case::{said_view, AddToIncident};
use crate::ui::state::{use_clock, use_desk, use_grouping, use_i18n, use_route, DeskStore, I18n, Route};
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
    text: Message,
}

/// The title of a case, or its id when it is not in this browser.
fn title_of(store: DeskStore, id: &CaseId) -> String {
    let title = store.desk.with_untracked(|desk| store.find(desk, id).map(|case| case.title.clone()));
    title.unwrap_or_else(|| id.0.clone())
}

/// Names every case of `ids`, quoted: "“A”", "“A” and “B”", "“A”, “B” and “C”".
fn names_of(store: DeskStore, ids: &[CaseId]) -> Message {
    quoted_names(&ids.iter().map(|id| title_of(store, id)).collect::<Vec<_>>())
}

/// Unmerges every duplicate merged into `primary` and says which cases came back: the words
/// the Groups page and the case page both show next to the Unmerge button.
pub(crate) fn unmerge_and_say(store: DeskStore, primary: &CaseId) -> Message {
    let duplicates: Vec<CaseId> = store
        .desk
        .with_untracked(|desk| desk.merges_into(primary).flat_map(|m| m.duplicates().cloned()).collect());
    let (from, restored) = (quoted(&title_of(store, primary)), names_of(store, &duplicates));
    let n = store.act(|desk, author, now| desk.unmerge(primary, author, now));
    Message::new(if n == 1 { Text::UnmergedOne } else { Text::UnmergedMany })
        .arg("n", n)
        .arg_message("from", from)
        .arg_message("restored", restored)
}

fn merge_error(error: &MergeError) -> Message {
    match error {
        MergeError::NothingToMerge => Message::new(Text::MergeNothing),
        MergeError::UnknownCase(id) => Message::new(Text::MergeUnknown).arg("id", id),
        MergeError::AlreadyMerged(id) => Message::new(Text::MergeAlreadyMerged).arg("id", id),
    }
}

/// Choices named in the page's language, as a list: "Enterprise, Free".
fn choices<T: Choice>(i18n: I18n, all: &[T]) -> String {
    all.iter().map(|choice| i18n.t(choice.text())).collect::<Vec<_>>().join(i18n.t(Text::ListSeparator))
}

#[component]
pub fn GroupsPage(focus: Option<String>) -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let i18n = use_i18n();
    document_title(Signal::derive(move || i18n.t(Text::Groups).to_string()));
    let (message, set_message) = signal(None::<Message>);
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
                <h1 id="groups-heading">{i18n.text(Text::Groups)}</h1>
                <p class="muted" aria-live="polite">
                    {move || match shown.with(|s| s.as_ref().map(Vec::len)) {
                        None => i18n.t(Text::GroupingCases).to_string(),
                        Some(1) => i18n.t(Text::GroupCountOne).to_string(),
                        Some(n) => i18n.fill(Text::GroupCount, &[("n", &n.to_string())]),
                    }}
                </p>
            </div>
            <p class="muted">{i18n.text(Text::GroupsIntro)}</p>
            <p class="banner" role="status" hidden=move || message.with(Option::is_none)>
                {said_view(i18n, message.into())}
            </p>
            // Announces a merge or unmerge; the same words show next to the merged case.
            <p class="visually-hidden" role="status">{move || notice.with(|n| n.as_ref().map(|n| i18n.message(&n.text)))}</p>
            <MergedCases notice />
            <Show
                when=move || shown.with(|s| s.as_ref().is_some_and(|s| !s.is_empty()))
                fallback=move || view! {
                    <p class="panel empty small">
                        {move || i18n.t(if shown.with(Option::is_none) { Text::LookingForDuplicates } else { Text::NoGroups })}
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
                            {move || {
                                let rest = total() - limit.get();
                                i18n.fill(Text::ShowMoreOf, &[("n", &GROUPS_PER_PAGE.min(rest).to_string()), ("rest", &rest.to_string())])
                            }}
                        </button>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// Where a group stands with incidents: the newest open incident holding some of its cases
/// (its id, how many it holds, the group's cases not in it yet), or the open incidents it
/// could be added to.
#[derive(Clone, PartialEq)]
enum Standing {
    HeldBy { incident: String, held: usize, new_cases: Vec<CaseId> },
    Free { open: Vec<(String, String)> },
}

#[component]
fn GroupCard(
    group: GroupOverview,
    focused: bool,
    set_message: WriteSignal<Option<Message>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let store = use_desk();
    let router = use_route();
    let now = use_clock().0;
    let i18n = use_i18n();
    let heading_id = format!("group-{}", group.summary.group_id);
    let members: Vec<Case> = store.desk.with_untracked(|desk| {
        group.summary.members.iter().filter_map(|id| store.find(desk, id).cloned()).collect()
    });
    let primary = RwSignal::new(pick_primary(&members, &group));
    let radio_name = format!("primary-{}", group.summary.group_id);
    let (first, last) = (group.first_seen, group.last_seen);
    let title = group.summary.suggested_title.clone();
    let ids = StoredValue::new(group.summary.members.clone());
    let merge = move |_| {
        let main = primary.get_untracked();
        let all = ids.get_value();
        let duplicates: Vec<CaseId> = all.iter().filter(|id| **id != main).cloned().collect();
        // Named before the merge: the duplicates' fields are the merge's to change.
        let (into, merged) = (quoted(&title_of(store, &main)), names_of(store, &duplicates));
        match store.act(|desk, author, now| desk.merge_into(&main, &all, author, now)) {
            Ok(()) => {
                let at =
                    store.desk.with_untracked(|desk| desk.merges.iter().rposition(|m| m.primary == main));
                let text =
                    Message::new(if duplicates.len() == 1 { Text::MergedOne } else { Text::MergedMany })
                        .arg("n", duplicates.len())
                        .arg_message("into", into)
                        .arg_message("merged", merged);
                set_message.set(None);
                notice.set(Some(Notice { at: at.unwrap_or(0), text }));
            }
            Err(error) => set_message.set(Some(merge_error(&error))),
        }
    };
    let standing = Memo::new(move |_| {
        store.desk.with(|desk| {
            ids.with_value(|ids| match desk.open_incidents_holding(ids).first() {
                Some(incident) => Standing::HeldBy {
                    incident: incident.id.clone(),
                    held: ids.iter().filter(|id| incident.holds(id)).count(),
                    new_cases: ids.iter().filter(|id| !incident.holds(id)).cloned().collect(),
                },
                None => Standing::Free {
                    open: desk.open_incidents().iter().map(|i| (i.id.clone(), i.title.clone())).collect(),
                },
            })
        })
    });
    // What adding cases to an incident did, said on the card.
    let said = RwSignal::new(None::<Message>);
    let add = move |incident: String, cases: Vec<CaseId>| {
        let added = store.act(|desk, author, now| desk.add_to_incident(&incident, &cases, author, now));
        let text = if added.len() == 1 { Text::AddedOneCaseTo } else { Text::AddedCasesTo };
        said.set(Some(Message::new(text).arg("n", added.len()).arg("incident", incident)));
    };
    let group_id = group.summary.group_id.clone();
    let promote = move |_| {
        let promoted = ids.with_value(|ids| {
            let lang = untrack(|| i18n.lang());
            store.act(|desk, author, now| desk.promote_group(&title, &group_id, ids, lang, author, now))
        });
        match promoted {
            Promotion::Created(id) => router.go(Route::Incident(id)),
            Promotion::AlreadyIn { incident, .. } => {
                said.set(Some(Message::new(Text::AlreadyInIncident).arg("incident", incident)))
            }
        }
    };
    let add_id = format!("add-{}", group.summary.group_id);
    let incident_actions = move || {
        match standing.get() {
        Standing::HeldBy { incident, held, new_cases } => {
            let (before, after) = i18n.around(Text::HoldsOf, "incident");
            let (held, total) = (held.to_string(), ids.with_value(Vec::len).to_string());
            let fill = |part: &str| crate::i18n::fill(part, &[("held", &held), ("total", &total)]);
            let button = (!new_cases.is_empty()).then(|| {
                let (label, target) = (incident.clone(), incident.clone());
                view! {
                    <button class="primary" on:click=move |_| add(target.clone(), new_cases.clone())>
                        {move || i18n.fill(Text::AddNewCasesTo, &[("incident", &label)])}
                    </button>
                }
            });
            view! {
                <p class="group-incident small">
                    {fill(before)}
                    <a href=Route::Incident(incident.clone()).href() translate="no">{incident.clone()}</a>
                    {fill(after)}
                </p>
                {button}
            }
            .into_any()
        }
        Standing::Free { open } => view! {
            <button class="primary" on:click=promote.clone()>{i18n.text(Text::PromoteToIncident)}</button>
            {(!open.is_empty()).then(|| view! {
                <AddToIncident id=add_id.clone() choices=open add=move |incident| add(incident, ids.get_value()) />
            })}
        }
        .into_any(),
    }
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
    let radius = group.radius.clone();
    let size = group.summary.size;
    let facts = move || {
        let customers = match radius.customers.len() {
            1 => i18n.t(Text::OneCustomer).to_string(),
            n => i18n.fill(Text::NCustomers, &[("n", &n.to_string())]),
        };
        i18n.fill(
            Text::GroupFacts,
            &[
                ("cases", &size.to_string()),
                ("customers", &customers),
                ("tiers", &choices(i18n, &radius.tiers)),
                ("surfaces", &choices(i18n, &radius.surfaces)),
            ],
        )
    };
    let customers = group.radius.customers.join(", ");
    let top_tier = group.radius.tiers.first().copied().unwrap_or(Tier::Free);
    let alike = ((group.summary.cohesion * 100.0).round() as u32).to_string();
    let seen = move || {
        let ago = |at: crate::domain::case::Timestamp| i18n.ago((now.get() - at).num_milliseconds());
        i18n.fill(Text::GroupSeen, &[("first", &ago(first)), ("last", &ago(last)), ("percent", &alike)])
    };
    let terms = group.summary.top_terms.iter().take(SHOWN_TERMS).map(|term| match term.strip_suffix(VIA_GLOSSARY) {
        Some(concept) => view! { <mark translate="no">{concept.to_string()}</mark> " " {i18n.text(Text::ViaGlossaryNote)} " " }.into_any(),
        None => view! { <mark translate="no">{term.clone()}</mark> " " }.into_any(),
    });
    view! {
        <li node_ref=card class="panel group" class:focused=focused aria-labelledby=heading_id.clone()>
            <div class="group-head">
                <h2 id=heading_id.clone() translate="no">{group.summary.suggested_title.clone()}</h2>
                <span class=format!("tier tier-{}", top_tier.key())>{i18n.text(top_tier.text())}</span>
            </div>
            <p class="group-facts">{facts}</p>
            <p class="muted small">
                {i18n.text(Text::CustomersLead)} <span translate="no">{customers}</span> {seen}
            </p>
            <p class="shared-words small">{i18n.text(Text::SharedWordsLead)} {terms.collect_view()}</p>
            <ul class="group-members">
                {members
                    .into_iter()
                    .map(|case| view! { <GroupMember case radio_name=radio_name.clone() primary all=group.summary.members.clone() /> })
                    .collect_view()}
            </ul>
            <div class="button-row">
                <button on:click=merge>{i18n.text(Text::MergeIntoPrimary)}</button>
                {incident_actions}
            </div>
            <p class="small" role="status">{said_view(i18n, said.into())}</p>
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
    let i18n = use_i18n();
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
    let title = StoredValue::new(case.title.clone());
    let (tier, surface) = (case.tier, case.surface);
    view! {
        <li class="group-member">
            <label class="primary-pick" title=i18n.text(Text::KeepWhenMerging)>
                <input type="radio" name=radio_name aria-label=move || title.with_value(|t| i18n.fill(Text::PrimaryOf, &[("title", t)]))
                    prop:checked=checked on:change=move |_| primary.set(pick.clone()) />
                <span aria-hidden="true">{i18n.text(Text::PrimaryPick)}</span>
            </label>
            <div class="member-body">
                <a href=Route::Case(case.id.clone()).href() translate="no">{case.title.clone()}</a>
                <span class="muted small">
                    <span translate="no">{case.customer.clone()}</span> " · " {i18n.text(tier.text())} " · " {i18n.text(surface.text())}
                </span>
            </div>
            <button class="small-button" aria-label=move || title.with_value(|t| i18n.fill(Text::NotDuplicateOf, &[("title", t)])) on:click=not_duplicate>
                {i18n.text(Text::NotADuplicate)}
            </button>
        </li>
    }
}

/// The standing merges, each with Unmerge, and the outcome of the last merge or unmerge in
/// its place among them (focused, so it is scrolled into sight and read out).
#[component]
fn MergedCases(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
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
        notice.get().map(|notice| {
            view! { <li class="merge-notice" tabindex="-1" node_ref=shown_notice>{said_view(i18n, Signal::stored(Some(notice.text)))}</li> }
        })
    };
    view! {
        <Show when=move || merges.with(|m| !m.is_empty()) || notice.with(Option::is_some)>
            <section class="panel" aria-labelledby="merged-heading">
                <h2 id="merged-heading">{i18n.text(Text::MergedCasesHeading)}</h2>
                <ul class="merged-list">
                    {move || {
                        let at = notice.with(|n| n.as_ref().map(|n| n.at));
                        let mut items: Vec<AnyView> = merges.get().into_iter().enumerate().map(|(place, (primary, title, duplicates))| {
                            let restore = primary.clone();
                            view! {
                                <li>
                                    <a href=Route::Case(primary.clone()).href() translate="no">{title.clone()}</a>
                                    <span class="muted small" translate="no">{format!(" \u{2190} {}", duplicates.join(" · "))}</span>
                                    <button class="small-button" aria-label=move || i18n.fill(Text::UnmergeTitle, &[("title", &title)]) on:click=move |_| {
                                        let text = unmerge_and_say(store, &restore);
                                        notice.set(Some(Notice { at: place, text }));
                                    }>{i18n.text(Text::UnmergeButton)}</button>
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
