//! The inbox's whole view kept above the inbox, so that coming back to it costs nothing when
//! nothing changed: every case ranked or sorted, then filtered by the query.

use super::clock::Clock;
use super::grouping::Grouping;
use super::scoring::Scoring;
use super::sla_board::SlaBoard;
use super::store::{DeskStore, Shared};
use crate::domain::case::Timestamp;
use crate::domain::duplicates::group_size;
use crate::domain::inbox::{InboxQuery, SearchCache, SlaKey, SortOrder};
use crate::domain::sla::board::time_pressure;
use crate::domain::triage::{rank, ScoreInput};
use leptos::prelude::*;
use std::sync::Arc;

/// Indices into `desk.cases`, compared by identity so memos notify exactly when recomputed.
pub type Indices = Shared<Vec<usize>>;

/// The inbox's whole view, kept above the inbox so that coming back to it costs nothing
/// when nothing changed.
#[derive(Clone, Copy)]
pub struct InboxView {
    /// The search, filters and sort, kept here so they survive opening a case and coming back.
    pub query: RwSignal<InboxQuery>,
    pub shown: Memo<Indices>,
    /// Set once the search box takes focus, so search text is made before the first key.
    pub search_wanted: RwSignal<bool>,
}

impl InboxView {
    /// The positions in `desk.cases` of the cases the inbox lists, in its order.
    pub fn shown_untracked(&self) -> Indices {
        self.shown.get_untracked()
    }
}

pub fn provide_inbox_view(
    store: DeskStore,
    scoring: Scoring,
    grouping: Grouping,
    sla: SlaBoard,
    clock: Clock,
) -> InboxView {
    let query = RwSignal::new(InboxQuery::default());
    let search_wanted = RwSignal::new(false);
    let shown = inbox_view(Inputs { store, scoring, grouping, sla, now: clock.0 }, query, search_wanted);
    let view = InboxView { query, shown, search_wanted };
    provide_context(view);
    view
}

pub fn use_inbox_view() -> InboxView {
    expect_context::<InboxView>()
}

/// What the inbox's order and filters are computed from.
struct Inputs {
    store: DeskStore,
    scoring: Scoring,
    grouping: Grouping,
    sla: SlaBoard,
    now: ReadSignal<Timestamp>,
}

/// The whole view in display order: every case ranked or sorted, then filtered. Sorting and
/// filtering are separate memos so that typing in the search box only filters, and typing
/// on (a longer search) filters only what the last keystroke left.
fn inbox_view(inputs: Inputs, query: RwSignal<InboxQuery>, search_wanted: RwSignal<bool>) -> Memo<Indices> {
    let Inputs { store, scoring, grouping, sla, now } = inputs;
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
                                    pressure: time_pressure(case, Some(sla), now),
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
