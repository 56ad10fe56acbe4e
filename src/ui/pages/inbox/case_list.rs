//! The inbox's list of cases: a grid that builds only the rows on screen, with a roving
//! keyboard focus.

use crate::domain::case::{Case, CaseId, Priority, Status, Surface, Tier, Timestamp, Version};
use crate::domain::inbox::age;
use crate::domain::sla::board::time_pressure;
use crate::domain::triage::{score, Score};
use crate::domain::virtual_list::ListGeometry;
use crate::i18n::Text;
use crate::ui::state::{
    use_clock, use_desk, use_grouping, use_i18n, use_inbox_view, use_route, use_scoring, use_sla_board,
    use_view_clock, Indices, Route,
};
use crate::ui::widgets::badges::{PriorityBadge, StatusBadge};
use crate::ui::widgets::sla_timer::SlaCell;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows rendered beyond each edge of the screen, so a fast scroll or an arrow key finds
/// its next row already built.
const OVERSCAN: usize = 6;
/// Rows rendered before the list has been measured: about one screen.
const FIRST_WINDOW: usize = 24;

thread_local! {
    /// The case whose page was open last: back in the inbox, its row is selected.
    static RETURN_TO: std::cell::RefCell<Option<CaseId>> = const { std::cell::RefCell::new(None) };
}

/// Called by the case page: the inbox selects (and focuses) this case's row when it is shown next.
pub fn select_on_return(id: CaseId) {
    RETURN_TO.with(|to| *to.borrow_mut() = Some(id));
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

/// The cases as a grid that renders only the rows on screen (plus a few either side). The
/// page itself scrolls, over a body as tall as every row; rows have one height from the
/// stylesheet (per screen width), measured here from a rendered row. Arrow keys (and j/k)
/// move a roving focus row by row, Home/End jump, Page Up/Down move a screenful, Enter opens
/// the case; `aria-rowcount` and `aria-rowindex` tell screen readers where they are.
#[component]
pub fn CaseList(shown: Memo<Indices>) -> impl IntoView {
    let store = use_desk();
    let query = use_inbox_view().query;
    let scoring = use_scoring();
    let now = use_clock().0;
    let view_clock = use_view_clock();
    // Ages follow the what-if clock too: the 30-second clock moved as far ahead as the view.
    let age_now = Memo::new(move |_| now.get() + view_clock.ahead());
    let sla = use_sla_board();
    let router = use_route();
    let i18n = use_i18n();
    let t = move |text: Text| move || i18n.t(text);
    let total = Memo::new(move |_| shown.with(|shown| shown.0.len()));
    let window_rows = RwSignal::new(0..FIRST_WINDOW);
    // The row keyboard focus is on (or returns to), and one that should take focus once built.
    let active = RwSignal::new(0usize);
    let focus_wanted = RwSignal::new(None::<usize>);
    let body = NodeRef::<leptos::html::Div>::new();
    let geometry = move || measure_list(&body.get_untracked()?);
    let measure = move || {
        let n = total.get_untracked();
        let rows = geometry().map_or(0..FIRST_WINDOW.min(n), |g| g.on_screen(n, OVERSCAN));
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
            scroll_into_view(&geometry, 0);
        }
    });
    Effect::new(move |_| {
        total.track();
        request_animation_frame(measure);
    });
    let grouping = use_grouping();
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
                                let pressure = time_pressure(case, settled.0.readings.get(i), now);
                                let group_size = grouping.group_size(&case.id);
                                Row::of(pos, case, score(case, &signals[i], pressure, group_size, rules))
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
            scroll_into_view(&g, to);
        }
        measure();
        focus_wanted.set(Some(to));
    };
    // Back from a case: its row becomes the active one, scrolled into sight and focused.
    if let Some(id) = RETURN_TO.with(|to| to.borrow_mut().take()) {
        let place = store.place(&id);
        let pos = shown.with_untracked(|shown| shown.0.iter().position(|&at| Some(at) == place));
        if let Some(pos) = pos {
            request_animation_frame(move || move_to(pos));
        }
    }
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = total.get_untracked();
        let on_row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.get_attribute("role").as_deref() == Some("row"));
        if n == 0
            || !on_row
            || ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || crate::ui::browser::is_composing(&ev)
        {
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
                    <span role="columnheader" class="cell-priority">{t(Text::ColPriority)}</span>
                    <span role="columnheader" class="title-cell">{t(Text::FieldTitle)}</span>
                    <span role="columnheader" class="cell-customer">{t(Text::FieldCustomer)}</span>
                    <span role="columnheader" class="cell-tier">{t(Text::FieldTier)}</span>
                    <span role="columnheader" class="cell-surface">{t(Text::FieldSurface)}</span>
                    <span role="columnheader" class="cell-status">{t(Text::FieldStatus)}</span>
                    <span role="columnheader" class="cell-age">{t(Text::ColAge)}</span>
                    <span role="columnheader" class="cell-sla">{t(Text::SlaHeading)}</span>
                </div>
            </div>
            <div role="rowgroup" class="case-rows" node_ref=body style=("--rows", move || total.get().to_string())>
                <For each=move || rows.get() key=|row| (row.pos, row.id.clone(), row.version, row.score, row.priority) let:row>
                    <CaseRow row now=age_now tab_stop active focus_wanted />
                </For>
            </div>
        </div>
    }
}

/// Measures where the list body sits on screen: the page decides what to build from it.
fn measure_list(body: &web_sys::HtmlDivElement) -> Option<ListGeometry> {
    let window = web_sys::window()?;
    let row = body.first_element_child()?;
    let document = window.document()?;
    let covered = document
        .query_selector(".topbar")
        .ok()
        .flatten()
        .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom().max(0.0));
    Some(ListGeometry {
        top: body.get_bounding_client_rect().top(),
        row_height: row.get_bounding_client_rect().height().max(1.0),
        viewport_height: window.inner_height().ok()?.as_f64()?,
        covered,
    })
}

/// Scrolls the page just enough to show row `pos` whole, below the top bar.
fn scroll_into_view(geometry: &ListGeometry, pos: usize) {
    if let (Some(by), Some(window)) = (geometry.scroll_to_show(pos), web_sys::window()) {
        window.scroll_by_with_x_and_y(0.0, by);
    }
}

#[component]
fn CaseRow(
    row: Row,
    now: Memo<Timestamp>,
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
    let i18n = use_i18n();
    let t = move |text: Text| move || i18n.t(text);
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
            // data-label heads each cell where a phone shows the row as a card.
            <div role="gridcell" data-label=t(Text::ColPriority) class="cell-priority nowrap">
                <PriorityBadge computed=row.priority pinned=row.pin score=row.score />
            </div>
            // Case text is never translated, by the desk or by a browser's translator.
            <div role="gridcell" class="title-cell" translate="no">
                <a href=Route::Case(row.id.clone()).href() tabindex="-1" title=row.title.clone()>{row.title.clone()}</a>
            </div>
            <div role="gridcell" data-label=t(Text::FieldCustomer) class="cell-customer">
                <span class="clip" translate="no" title=row.customer.clone()>{row.customer.clone()}</span>
            </div>
            <div role="gridcell" data-label=t(Text::FieldTier) class="cell-tier">
                <span class=format!("tier tier-{}", row.tier.key())>{t(row.tier.text())}</span>
            </div>
            <div role="gridcell" data-label=t(Text::FieldSurface) class="cell-surface">
                <span class="clip" title=t(row.surface.text())>{t(row.surface.text())}</span>
            </div>
            <div role="gridcell" data-label=t(Text::FieldStatus) class="cell-status">
                <StatusBadge status=row.status />
            </div>
            <div role="gridcell" data-label=t(Text::ColAge) class="cell-age nowrap">
                <time datetime=row.created_at.to_rfc3339()>{move || i18n.message(&age(row.created_at, now.get()))}</time>
            </div>
            <div role="gridcell" data-label=t(Text::SlaHeading) class="cell-sla"><SlaCell id=row.id.clone() /></div>
        </div>
    }
}
