//! The inbox: open cases at a glance, searchable and filterable.

use super::browser;
use super::route::{use_route, Route};
use super::sla_timers::{use_sla_board, SlaCell};
use super::store::use_desk;
use super::triage::{pressure, score_now, use_scoring, PriorityBadge};
use super::Clock;
use crate::domain::case::{Case, CaseId, Choice, Status, Surface, Tier, Timestamp};
use crate::domain::demo::demo_cases;
use crate::domain::inbox::{age_label, InboxQuery, SlaFilter, SlaKey, SortOrder, StatusFilter};
use crate::domain::triage::{rank, Priority, Score, ScoreInput};
use leptos::prelude::*;

/// Rows built and rendered at a time; "Show more" adds another page.
const PAGE_SIZE: usize = 30;

/// Kept above the inbox so filters survive opening a case and coming back.
#[derive(Clone, Copy)]
pub struct InboxState(pub RwSignal<InboxQuery>);

pub fn provide_inbox_state() {
    provide_context(InboxState(RwSignal::new(InboxQuery::default())));
}

/// What one row shows; rebuilt only when its case or its score changes.
#[derive(Clone, PartialEq)]
struct Row {
    id: CaseId,
    score: u8,
    priority: Priority,
    pin: Option<Priority>,
    title: String,
    customer: String,
    tier: Tier,
    surface: Surface,
    status: Status,
    created_at: Timestamp,
    updated_at: Timestamp,
}

impl Row {
    fn of(case: &Case, score: Score) -> Row {
        Row {
            id: case.id.clone(),
            score: score.total,
            priority: score.priority,
            pin: case.priority_pin,
            title: case.title.clone(),
            customer: case.customer.clone(),
            tier: case.tier,
            surface: case.surface,
            status: case.status,
            created_at: case.created_at,
            updated_at: case.updated_at,
        }
    }
}

#[component]
pub fn Inbox() -> impl IntoView {
    let store = use_desk();
    let query = expect_context::<InboxState>().0;
    let scoring = use_scoring();
    let now = expect_context::<Clock>().0;
    let sla = use_sla_board();
    let limit = RwSignal::new(PAGE_SIZE);
    let grouping = super::grouping::use_grouping();
    // The whole view is ranked, but rows are built only for the part on the page.
    let view = Memo::new(move |_| {
        let query = query.get();
        let now = now.get();
        let limit = limit.get();
        store.desk.with(|desk| {
            let cases = &desk.cases;
            // SLA keys come from the 30-second reading of every case, read only when needed.
            let keys: Vec<SlaKey> = if query.uses_sla() {
                sla.settled.with(|live| {
                    cases
                        .iter()
                        .map(|case| {
                            live.0.get(&case.id).map_or_else(SlaKey::default, |s| SlaKey {
                                time_left_ms: s.time_left_ms(),
                                state: s.worst_state(),
                            })
                        })
                        .collect()
                })
            } else {
                Vec::new()
            };
            let shown = query.select_with_sla(cases, &keys);
            let settled = sla.settled.get();
            let pressure = |i: usize| pressure(&cases[i], settled.0.get(&cases[i].id), now);
            scoring.rules.with(|rules| {
                scoring.signals.with(|signals| {
                    if query.sort == SortOrder::Score {
                        let inputs = shown.iter().map(|&i| ScoreInput {
                            case: &cases[i],
                            signals: &signals[i],
                            pressure: pressure(i),
                            group_size: grouping.group_size(&cases[i].id),
                        });
                        let ranked = rank(inputs, rules);
                        let rows =
                            ranked.iter().take(limit).map(|r| Row::of(&cases[shown[r.index]], r.score));
                        (rows.collect::<Vec<_>>(), shown.len())
                    } else {
                        let rows = shown.iter().take(limit).map(|&i| {
                            Row::of(
                                &cases[i],
                                score_now(
                                    &cases[i],
                                    &signals[i],
                                    pressure(i),
                                    grouping.group_size(&cases[i].id),
                                    rules,
                                ),
                            )
                        });
                        (rows.collect(), shown.len())
                    }
                })
            })
        })
    });
    let rows = Memo::new(move |_| view.with(|(rows, _)| rows.clone()));
    Effect::new(move |_| {
        sla.on_screen.set(rows.with(|rows| rows.iter().map(|row| row.id.clone()).collect()))
    });
    let total = Memo::new(move |_| view.with(|(_, total)| *total));
    let has_cases = move || store.desk.with(|desk| !desk.cases.is_empty());
    view! {
        <Show when=has_cases fallback=|| view! { <EmptyInbox /> }>
            <section aria-labelledby="inbox-heading">
                <div class="section-head">
                    <h1 id="inbox-heading">"Inbox"</h1>
                    <p class="muted" aria-live="polite">
                        {move || match total.get() {
                            1 => "1 case".to_string(),
                            n => format!("{n} cases"),
                        }}
                    </p>
                </div>
                <super::what_if::WhatIfControls />
                <super::sla_alerts::BreachAlerts />
                <super::surge_banner::SurgeBanner />
                <InboxFilters />
                <Show when=move || rows.with(|rows| !rows.is_empty()) fallback=move || view! { <NoMatches /> }>
                    <CaseTable rows />
                    <Show when=move || { total.get() > rows.with(Vec::len) }>
                        <div class="more">
                            <span class="muted">{move || format!("Showing {} of {}", rows.with(Vec::len), total.get())}</span>
                            <button on:click=move |_| limit.update(|l| *l += PAGE_SIZE)>{format!("Show {PAGE_SIZE} more")}</button>
                        </div>
                    </Show>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn InboxFilters() -> impl IntoView {
    let query = expect_context::<InboxState>().0;
    let set = move |apply: fn(&mut InboxQuery, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            query.update(|q| apply(q, value));
        }
    };
    view! {
        <div class="filters" role="search">
            <div class="field grow">
                <label for="inbox-search">"Search"</label>
                <input
                    id="inbox-search"
                    type="search"
                    placeholder="Title, customer, category…"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=set(|q, v| q.text = v)
                />
            </div>
            <div class="field">
                <label for="filter-status">"Status"</label>
                <select id="filter-status" prop:value=move || query.with(|q| q.status.key()) on:change=set(|q, v| q.status = StatusFilter::parse(&v))>
                    <option value="open">"Open"</option>
                    <option value="done">"Resolved and closed"</option>
                    <option value="all">"All"</option>
                    {Status::ALL.iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <AnyChoiceFilter label="Tier" id="filter-tier" current=Signal::derive(move || query.with(|q| q.tier)) on_pick=move |tier| query.update(|q| q.tier = tier) />
            <AnyChoiceFilter label="Surface" id="filter-surface" current=Signal::derive(move || query.with(|q| q.surface)) on_pick=move |surface| query.update(|q| q.surface = surface) />
            <div class="field">
                <label for="filter-sla">"SLA"</label>
                <select id="filter-sla" prop:value=move || query.with(|q| q.sla.key()) on:change=set(|q, v| q.sla = SlaFilter::parse(&v))>
                    {SlaFilter::CHOICES.iter().map(|f| view! { <option value=f.key()>{f.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="inbox-sort">"Sort by"</label>
                <select
                    id="inbox-sort"
                    on:change=set(|q, v| q.sort = match v.as_str() {
                        "newest" => SortOrder::Newest,
                        "oldest" => SortOrder::Oldest,
                        "tier" => SortOrder::Tier,
                        "sla" => SortOrder::SlaTimeLeft,
                        _ => SortOrder::Score,
                    })
                >
                    <option value="score">"Triage score"</option>
                    <option value="newest">"Newest first"</option>
                    <option value="oldest">"Oldest first"</option>
                    <option value="tier">"Tier"</option>
                    <option value="sla">"SLA time left"</option>
                </select>
            </div>
        </div>
    }
}

/// A filter select whose first option means "any".
#[component]
fn AnyChoiceFilter<T: Choice>(
    label: &'static str,
    id: &'static str,
    current: Signal<Option<T>>,
    on_pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || current.get().map_or("any", |choice| choice.key())
                on:change=move |ev| on_pick(T::parse(&event_target_value(&ev)))
            >
                <option value="any">"Any"</option>
                {T::all().iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn CaseTable(rows: Memo<Vec<Row>>) -> impl IntoView {
    let now = expect_context::<Clock>().0;
    view! {
        <table class="cases">
            <thead>
                <tr>
                    <th scope="col">"Priority"</th>
                    <th scope="col">"Title"</th>
                    <th scope="col">"Customer"</th>
                    <th scope="col">"Tier"</th>
                    <th scope="col">"Surface"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Age"</th>
                    <th scope="col">"SLA"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|row| (row.id.clone(), row.updated_at, row.score, row.priority) let:row>
                    <tr>
                        <td data-label="Priority" class="nowrap">
                            <PriorityBadge computed=row.priority pinned=row.pin score=row.score />
                        </td>
                        <td class="title-cell">
                            <a href=Route::Case(row.id.clone()).href()>{row.title.clone()}</a>
                        </td>
                        <td data-label="Customer">{row.customer.clone()}</td>
                        <td data-label="Tier">
                            <span class=format!("tier tier-{}", row.tier.key())>{row.tier.label()}</span>
                        </td>
                        <td data-label="Surface">{row.surface.label()}</td>
                        <td data-label="Status">
                            <span class=format!("status status-{}", row.status.key())>{row.status.label()}</span>
                        </td>
                        <td data-label="Age" class="nowrap">
                            <time datetime=row.created_at.to_rfc3339()>{move || age_label(row.created_at, now.get())}</time>
                        </td>
                        <td data-label="SLA"><SlaCell id=row.id.clone() /></td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn NoMatches() -> impl IntoView {
    let query = expect_context::<InboxState>().0;
    view! {
        <div class="empty small">
            <p>"No cases match these filters."</p>
            <button on:click=move |_| query.set(InboxQuery::default())>"Clear filters"</button>
        </div>
    }
}

#[component]
fn EmptyInbox() -> impl IntoView {
    let store = use_desk();
    let router = use_route();
    let load_demo = move |_| {
        let now = browser::now();
        store.change(|desk| {
            let cases = demo_cases(now, desk.settings.author());
            desk.upsert(cases);
        });
    };
    view! {
        <section class="empty" aria-labelledby="empty-heading">
            <h1 id="empty-heading">"Your inbox is empty"</h1>
            <p>
                "Cases you add stay in this browser only: nothing leaves your machine. Start with your own escalation, or load a demo queue of realistic cases in English, Korean and Chinese to explore and to train new agents."
            </p>
            <div class="button-row center">
                <button class="primary" on:click=load_demo>"Load demo cases"</button>
                <button on:click=move |_| router.go(Route::NewCase)>"Add your first case"</button>
            </div>
        </section>
    }
}
