//! The inbox: open cases at a glance, searchable and filterable.

use super::browser;
use super::route::{use_route, Route};
use super::sla_timers::{use_sla_board, SlaCell};
use super::store::{use_desk, Shared};
use super::triage::{pressure, score_now, use_scoring, PriorityBadge};
use super::Clock;
use crate::domain::case::{Case, CaseId, Choice, Priority, Status, Surface, Tier, Timestamp, Version};
use crate::domain::demo::demo_cases;
use crate::domain::duplicates::group_size;
use crate::domain::inbox::{age_label, InboxQuery, SearchCache, SlaFilter, SlaKey, SortOrder, StatusFilter};
use crate::domain::triage::{rank, Score, ScoreInput};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows rendered beyond each edge of the screen, so a fast scroll or an arrow key finds
/// its next row already built.
const OVERSCAN: usize = 6;
/// Rows rendered before the list has been measured: about one screen.
const FIRST_WINDOW: usize = 24;

/// Kept above the inbox so filters survive opening a case and coming back.
#[derive(Clone, Copy)]
pub struct InboxState(pub RwSignal<InboxQuery>);

pub fn provide_inbox_state() {
    provide_context(InboxState(RwSignal::new(InboxQuery::default())));
}

/// What one row shows; rebuilt only when its case or its score changes.
#[derive(Clone, PartialEq)]
struct Row {
    /// Place in the whole filtered view, from 0.
    pos: usize,
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
    version: Version,
}

impl Row {
    fn of(pos: usize, case: &Case, score: Score) -> Row {
        Row {
            pos,
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
            version: case.version(),
        }
    }
}

/// Indices into `desk.cases`, compared by identity so memos notify exactly when recomputed.
type Indices = Shared<Vec<usize>>;

/// The inbox's whole view, kept above the inbox so that coming back to it costs nothing
/// when nothing changed.
#[derive(Clone, Copy)]
pub struct InboxView {
    shown: Memo<Indices>,
    /// Set once the search box takes focus, so search text is made before the first key.
    search_wanted: RwSignal<bool>,
}

impl InboxView {
    /// The positions in `desk.cases` of the cases the inbox lists, in its order.
    pub fn shown_untracked(&self) -> Indices {
        self.shown.get_untracked()
    }
}

/// Needs the desk, the scoring and the SLA board provided first.
pub fn provide_inbox_view() {
    let search_wanted = RwSignal::new(false);
    provide_context(InboxView { shown: inbox_view(search_wanted), search_wanted });
}

/// The whole view in display order: every case ranked or sorted, then filtered. Sorting and
/// filtering are separate memos so that typing in the search box only filters, and typing
/// on (a longer search) filters only what the last keystroke left.
fn inbox_view(search_wanted: RwSignal<bool>) -> Memo<Indices> {
    let store = use_desk();
    let query = expect_context::<InboxState>().0;
    let scoring = use_scoring();
    let now = expect_context::<Clock>().0;
    let sla = use_sla_board();
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let uses_sla = Memo::new(move |_| query.with(InboxQuery::uses_sla));
    // SLA keys come from the 30-second reading of every case, read only when needed.
    let sla_keys = Memo::new(move |_| {
        if !uses_sla.get() {
            return Shared(Arc::new(Vec::new()));
        }
        let keys = sla.settled.with(|settled| {
            let readings = settled.0.readings.iter();
            readings.map(|s| SlaKey { time_left_ms: s.time_left_ms(), state: s.worst_state() }).collect()
        });
        Shared(Arc::new(keys))
    });
    let grouping = super::grouping::use_grouping();
    let order = Memo::new(move |_| {
        let sort = sort.get();
        store.desk.with(|desk| {
            let cases = &desk.cases;
            let order = if sort == SortOrder::Score {
                let settled = sla.settled.get();
                let now = now.get();
                let (rules, signals, sizes) = (scoring.rules, scoring.signals, grouping.membership);
                rules.with(|rules| {
                    signals.with(|signals| {
                        // The group sizes are read once, not once per case.
                        sizes.with(|sizes| {
                            let inputs = cases.iter().zip(signals).zip(&settled.0.readings).map(
                                |((case, signals), sla)| ScoreInput {
                                    case,
                                    signals,
                                    pressure: pressure(case, Some(sla), now),
                                    group_size: group_size(sizes, &case.id),
                                },
                            );
                            rank(inputs, rules).into_iter().map(|ranked| ranked.index).collect()
                        })
                    })
                })
            } else {
                let query = InboxQuery { sort, ..InboxQuery::default() };
                sla_keys.with(|keys| query.order(cases, &keys.0))
            };
            Shared(Arc::new(order))
        })
    });
    let search = StoredValue::new_local(SearchCache::default());
    // Search text is made only once someone searches, then kept fresh per changed case.
    let texts = Memo::new(move |_| {
        let searching = search_wanted.get() || query.with(|q| !q.text.trim().is_empty());
        let texts = if searching {
            store.desk.with(|desk| search.try_update_value(|cache| cache.refresh(&desk.cases, store.order())))
        } else {
            None
        };
        Shared(Arc::new(texts.unwrap_or_default()))
    });
    // The query and inputs the last result was filtered with, to filter it again on typing.
    type Filtered = (InboxQuery, Indices, Shared<Vec<SlaKey>>, Shared<Vec<Arc<str>>>, Indices);
    let last = StoredValue::new_local(None::<Filtered>);
    Memo::new(move |_| {
        let query = query.get();
        let (order, keys, texts) = (order.get(), sla_keys.get(), texts.get());
        let shown = store.desk.with(|desk| {
            let narrowed = last.with_value(|last| {
                let (before, was_order, was_keys, was_texts, shown) = last.as_ref()?;
                let same = *was_order == order && *was_keys == keys && *was_texts == texts;
                (same && query.narrows(before))
                    .then(|| query.filter(&desk.cases, &texts.0, &keys.0, shown.0.iter().copied()))
            });
            narrowed.unwrap_or_else(|| query.filter(&desk.cases, &texts.0, &keys.0, order.0.iter().copied()))
        });
        let shown = Shared(Arc::new(shown));
        last.set_value(Some((query, order, keys, texts, shown.clone())));
        shown
    })
}

#[component]
pub fn Inbox() -> impl IntoView {
    let store = use_desk();
    let shown = expect_context::<InboxView>().shown;
    let total = Memo::new(move |_| shown.with(|shown| shown.0.len()));
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
                <Show when=move || total.get() != 0 fallback=move || view! { <NoMatches /> }>
                    <CaseList shown />
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn InboxFilters() -> impl IntoView {
    let query = expect_context::<InboxState>().0;
    let search_wanted = expect_context::<InboxView>().search_wanted;
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
                    on:focus=move |_| search_wanted.set(true)
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

/// The cases as a grid that renders only the rows on screen (plus a few either side). The
/// page itself scrolls, over a body as tall as every row; rows have one height from the
/// stylesheet (per screen width), measured here from a rendered row. Arrow keys (and j/k)
/// move a roving focus row by row, Home/End jump, Page Up/Down move a screenful, Enter opens
/// the case; `aria-rowcount` and `aria-rowindex` tell screen readers where they are.
#[component]
fn CaseList(shown: Memo<Indices>) -> impl IntoView {
    let store = use_desk();
    let query = expect_context::<InboxState>().0;
    let scoring = use_scoring();
    let now = expect_context::<Clock>().0;
    let sla = use_sla_board();
    let router = use_route();
    let total = Memo::new(move |_| shown.with(|shown| shown.0.len()));
    let window_rows = RwSignal::new(0..FIRST_WINDOW);
    // The row keyboard focus is on (or returns to), and one that should take focus once built.
    let active = RwSignal::new(0usize);
    let focus_wanted = RwSignal::new(None::<usize>);
    let body = NodeRef::<leptos::html::Div>::new();
    let geometry = move || Geometry::read(body.get_untracked()?);
    let measure = move || {
        let n = total.get_untracked();
        let rows = geometry().map_or(0..FIRST_WINDOW.min(n), |g| g.on_screen(n));
        if window_rows.get_untracked() != rows {
            window_rows.set(rows);
        }
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    // A new view starts at its top row, scrolled back into sight if the page was scrolled
    // down the old one; then measure once the new rows are laid out.
    Effect::new(move |_| {
        query.track();
        active.set(0);
        if let Some(geometry) = geometry().filter(|g| g.top < g.covered) {
            geometry.scroll_into_view(0);
        }
    });
    Effect::new(move |_| {
        total.track();
        request_animation_frame(measure);
    });
    let grouping = super::grouping::use_grouping();
    let rows = Memo::new(move |_| {
        let range = window_rows.get();
        let now = now.get();
        shown.with(|shown| {
            let range = range.start.min(shown.0.len())..range.end.min(shown.0.len());
            store.desk.with(|desk| {
                let settled = sla.settled.get();
                scoring.rules.with(|rules| {
                    scoring.signals.with(|signals| {
                        shown.0[range.clone()]
                            .iter()
                            .zip(range.clone())
                            .map(|(&i, pos)| {
                                let case = &desk.cases[i];
                                let pressure = pressure(case, settled.0.readings.get(i), now);
                                let group_size = grouping.group_size(&case.id);
                                Row::of(pos, case, score_now(case, &signals[i], pressure, group_size, rules))
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    Effect::new(move |_| {
        sla.on_screen.set(rows.with(|rows| rows.iter().map(|row| row.id.clone()).collect()))
    });
    // The one row Tab reaches: the active row while it is built, else the first built row.
    let tab_stop = Memo::new(move |_| {
        let range = window_rows.get();
        let active = active.get();
        if range.contains(&active) {
            active
        } else {
            range.start
        }
    });
    let move_to = move |to: usize| {
        active.set(to);
        if let Some(g) = geometry() {
            g.scroll_into_view(to);
        }
        measure();
        focus_wanted.set(Some(to));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = total.get_untracked();
        let on_row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.get_attribute("role").as_deref() == Some("row"));
        if n == 0 || !on_row || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let at = active.get_untracked().min(n - 1);
        let page = window_rows.with_untracked(|r| r.len().saturating_sub(2 * OVERSCAN)).max(1);
        let to = match ev.key().as_str() {
            "ArrowDown" | "j" => (at + 1).min(n - 1),
            "ArrowUp" | "k" => at.saturating_sub(1),
            "PageDown" => (at + page).min(n - 1),
            "PageUp" => at.saturating_sub(page),
            "Home" => 0,
            "End" => n - 1,
            "Enter" => {
                ev.prevent_default();
                let id = shown.with_untracked(|s| store.desk.with_untracked(|d| d.cases[s.0[at]].id.clone()));
                router.go(Route::Case(id));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        move_to(to);
    };
    view! {
        <div
            class="case-list"
            role="grid"
            aria-labelledby="inbox-heading"
            aria-rowcount=move || total.get() + 1
            aria-readonly="true"
            on:keydown=on_key
        >
            <div role="rowgroup" class="case-list-head">
                <div role="row" aria-rowindex="1" class="case-list-cols">
                    <span role="columnheader" class="cell-priority">"Priority"</span>
                    <span role="columnheader" class="title-cell">"Title"</span>
                    <span role="columnheader" class="cell-customer">"Customer"</span>
                    <span role="columnheader" class="cell-tier">"Tier"</span>
                    <span role="columnheader" class="cell-surface">"Surface"</span>
                    <span role="columnheader" class="cell-status">"Status"</span>
                    <span role="columnheader" class="cell-age">"Age"</span>
                    <span role="columnheader" class="cell-sla">"SLA"</span>
                </div>
            </div>
            <div role="rowgroup" class="case-rows" node_ref=body style=("--rows", move || total.get().to_string())>
                <For each=move || rows.get() key=|row| (row.pos, row.id.clone(), row.version, row.score, row.priority) let:row>
                    <CaseRow row now tab_stop active focus_wanted />
                </For>
            </div>
        </div>
    }
}

/// Where the list body sits on screen and how tall a row is.
struct Geometry {
    /// Top of the body relative to the viewport (negative once scrolled past).
    top: f64,
    row_height: f64,
    viewport_height: f64,
    /// Bottom edge of the sticky top bar: rows above it are hidden.
    covered: f64,
}

impl Geometry {
    fn read(body: web_sys::HtmlDivElement) -> Option<Geometry> {
        let window = web_sys::window()?;
        let row = body.first_element_child()?;
        let document = window.document()?;
        let covered = document
            .query_selector(".topbar")
            .ok()
            .flatten()
            .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom().max(0.0));
        Some(Geometry {
            top: body.get_bounding_client_rect().top(),
            row_height: row.get_bounding_client_rect().height().max(1.0),
            viewport_height: window.inner_height().ok()?.as_f64()?,
            covered,
        })
    }

    /// The rows to build for `n` rows: those on screen and a few either side.
    fn on_screen(&self, n: usize) -> std::ops::Range<usize> {
        let first = ((self.covered - self.top) / self.row_height).floor().max(0.0) as usize;
        let last = ((self.viewport_height - self.top) / self.row_height).ceil().max(0.0) as usize;
        first.saturating_sub(OVERSCAN).min(n)..(last + OVERSCAN).min(n)
    }

    /// Scrolls the page just enough to show row `pos` whole, below the top bar.
    fn scroll_into_view(&self, pos: usize) {
        let top = self.top + pos as f64 * self.row_height;
        let by = if top < self.covered {
            top - self.covered
        } else if top + self.row_height > self.viewport_height {
            top + self.row_height - self.viewport_height
        } else {
            return;
        };
        if let Some(window) = web_sys::window() {
            window.scroll_by_with_x_and_y(0.0, by);
        }
    }
}

#[component]
fn CaseRow(
    row: Row,
    now: ReadSignal<Timestamp>,
    tab_stop: Memo<usize>,
    active: RwSignal<usize>,
    focus_wanted: RwSignal<Option<usize>>,
) -> impl IntoView {
    let pos = row.pos;
    let node = NodeRef::<leptos::html::Div>::new();
    // A row rebuilt while it has focus (its score changed as groups or clocks were updated)
    // hands the focus to its successor at the same place, so keyboard navigation goes on.
    let focused = Arc::new(AtomicBool::new(false));
    let on_focus_out = {
        let focused = focused.clone();
        move |ev: leptos::ev::FocusEvent| {
            if ev.related_target().is_some() {
                focused.store(false, Ordering::Relaxed);
            }
        }
    };
    let on_focus_in = {
        let focused = focused.clone();
        move |_| {
            focused.store(true, Ordering::Relaxed);
            active.set(pos);
        }
    };
    on_cleanup(move || {
        let body: Option<web_sys::Element> = document().body().map(Into::into);
        let nothing_else_focused = document().active_element().is_none_or(|element| Some(element) == body);
        // Not when the keyboard moved on: the row the keys asked for takes focus instead.
        let still_active = active.try_get_untracked() == Some(pos);
        if focused.load(Ordering::Relaxed) && nothing_else_focused && still_active {
            focus_wanted.try_set(Some(pos));
        }
    });
    Effect::new(move |_| {
        if focus_wanted.get() == Some(pos) {
            if let Some(node) = node.get() {
                let _ = node.focus();
                focus_wanted.set(None);
            }
        }
    });
    view! {
        <div
            role="row"
            class="case-row case-list-cols"
            node_ref=node
            aria-rowindex=pos + 2
            tabindex=move || if tab_stop.get() == pos { "0" } else { "-1" }
            // Set through the CSS object model: the Content-Security-Policy refuses style attributes.
            style=("--pos", pos.to_string())
            on:focusin=on_focus_in
            on:focusout=on_focus_out
        >
            <div role="gridcell" data-label="Priority" class="cell-priority nowrap">
                <PriorityBadge computed=row.priority pinned=row.pin score=row.score />
            </div>
            <div role="gridcell" class="title-cell">
                <a href=Route::Case(row.id.clone()).href() tabindex="-1">{row.title.clone()}</a>
            </div>
            <div role="gridcell" data-label="Customer" class="cell-customer">{row.customer.clone()}</div>
            <div role="gridcell" data-label="Tier" class="cell-tier">
                <span class=format!("tier tier-{}", row.tier.key())>{row.tier.label()}</span>
            </div>
            <div role="gridcell" data-label="Surface" class="cell-surface">{row.surface.label()}</div>
            <div role="gridcell" data-label="Status" class="cell-status">
                <span class=format!("status status-{}", row.status.key())>{row.status.label()}</span>
            </div>
            <div role="gridcell" data-label="Age" class="cell-age nowrap">
                <time datetime=row.created_at.to_rfc3339()>{move || age_label(row.created_at, now.get())}</time>
            </div>
            <div role="gridcell" data-label="SLA" class="cell-sla"><SlaCell id=row.id.clone() /></div>
        </div>
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
