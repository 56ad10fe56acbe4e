//! The triage score on screen: the scoring context, the priority badge, and the case page's
//! "Why this score" panel with its highlighted keywords and the priority pin.

use super::browser;
use super::sla_timers::use_sla_board;
use super::store::use_desk;
use super::Clock;
use crate::domain::case::{Case, CaseId, Priority, Timestamp};
use crate::domain::sla::board::CaseSla;
use crate::domain::sort;
use crate::domain::triage::{
    score, Factor, Score, SignalCache, TextField, TextMatch, TextSignals, TimePressure, TriageRules,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Text signals for every case, aligned with `desk.cases`, kept fresh by a cache.
#[derive(Clone, Copy)]
pub struct Scoring {
    pub rules: Memo<TriageRules>,
    pub signals: Memo<Vec<Arc<TextSignals>>>,
    cache: StoredValue<Option<SignalCache>, LocalStorage>,
}

impl Scoring {
    /// Analyses cases about to join the desk, a few at a time while they are imported, so
    /// that their arrival does not analyse them all in one go.
    pub fn warm(&self, cases: &[Case]) {
        let rules = self.rules.get_untracked();
        self.cache
            .update_value(|cache| cache.get_or_insert_with(|| SignalCache::new(&rules)).warm(cases, &rules));
    }

    /// Forgets cases analysed ahead for an import that was cancelled.
    pub fn forget_warmed(&self) {
        self.cache.update_value(|cache| {
            if let Some(cache) = cache {
                cache.forget_warmed();
            }
        });
    }
}

pub fn provide_scoring() {
    let store = use_desk();
    let rules = Memo::new(move |_| store.desk.with(|desk| desk.settings.triage.clone()));
    let cache = StoredValue::new_local(None::<SignalCache>);
    let signals = Memo::new(move |_| {
        let rules = rules.get();
        store.desk.with(|desk| {
            cache
                .try_update_value(|cache| {
                    cache.get_or_insert_with(|| SignalCache::new(&rules)).refresh(
                        &desk.cases,
                        store.order(),
                        &rules,
                    )
                })
                .unwrap_or_default()
        })
    });
    provide_context(Scoring { rules, signals, cache });
}

pub fn use_scoring() -> Scoring {
    expect_context::<Scoring>()
}

/// How hard the clock presses on a case: its nearest SLA breach while a target is live, its
/// age when none is.
pub fn pressure(case: &Case, sla: Option<&CaseSla>, now: Timestamp) -> TimePressure {
    sla.and_then(|sla| sla.pressure).unwrap_or_else(|| TimePressure::since_created(case, now))
}

/// The score of a case right now; `group_size` is how many reports share its duplicate group.
pub fn score_now(
    case: &Case,
    signals: &TextSignals,
    pressure: TimePressure,
    group_size: u32,
    rules: &TriageRules,
) -> Score {
    score(case, signals, pressure, group_size, rules)
}

/// "P1" in its colour, with the pin shown beside the computed priority when there is one.
#[component]
pub fn PriorityBadge(
    computed: Priority,
    pinned: Option<Priority>,
    #[prop(optional)] score: Option<u8>,
) -> impl IntoView {
    let shown = pinned.unwrap_or(computed);
    let description = match pinned {
        Some(pin) if pin != computed => format!("Priority {pin}, pinned by hand; computed {computed}"),
        Some(pin) => format!("Priority {pin}, pinned by hand"),
        None => format!("Priority {computed}"),
    };
    let title = description.clone();
    view! {
        <span class="priority-cell">
            <span class=format!("priority priority-{}", shown.label().to_lowercase()) title=title>
                <span class="visually-hidden">{description}</span>
                <span aria-hidden="true">{shown.label()} {pinned.map(|_| " \u{1f4cc}")}</span>
            </span>
            {pinned.filter(|&pin| pin != computed).map(|_| view! { <span class="computed" aria-hidden="true">"computed " {computed.label()}</span> })}
            {score.map(|points| view! { <span class="score" title="Triage score out of 100">{points}</span> })}
        </span>
    }
}

#[component]
pub fn WhyThisScore(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let scoring = use_scoring();
    let store = use_desk();
    let now = expect_context::<Clock>().0;
    let place_of = id.clone();
    let signals = Memo::new(move |_| {
        let place = store.place(&place_of);
        scoring.signals.with(|all| place.and_then(|i| all.get(i).cloned())).unwrap_or_default()
    });
    let sla = use_sla_board();
    let grouping = super::grouping::use_grouping();
    let computed = Memo::new(move |_| {
        case.with(|c| {
            let pressure = pressure(c, sla.settled_of(&c.id).as_ref(), now.get());
            let group_size = grouping.group_size(&c.id);
            scoring.rules.with(|rules| signals.with(|s| score_now(c, s, pressure, group_size, rules)))
        })
    });
    let maxima = move || scoring.rules.with(|rules| rules.weights.max_points());
    let pin_id = id.clone();
    let pin = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let to = Priority::ALL.into_iter().find(|p| p.label() == value);
        let time = browser::now();
        store.change_case(&pin_id, |case, settings| case.pin_priority(to, settings.author(), time));
    };
    view! {
        <section class="panel why" aria-labelledby="why-heading">
            <h2 id="why-heading">"Why this score"</h2>
            <div class="why-summary">
                <span class="big-score" aria-label=move || format!("Score {} of 100", computed.get().total)>
                    {move || computed.get().total} <small>"/100"</small>
                </span>
                {move || {
                    let s = computed.get();
                    view! { <PriorityBadge computed=s.priority pinned=case.with(|c| c.priority_pin) /> }
                }}
                <span class="muted small">
                    {move || {
                        let s = computed.get();
                        format!("Impact {} \u{00d7} urgency {} \u{2192} {}", s.impact.label(), s.urgency.label(), s.priority)
                    }}
                </span>
            </div>
            <table class="breakdown">
                <caption class="visually-hidden">"Points per factor"</caption>
                <thead>
                    <tr><th scope="col">"Factor"</th><th scope="col">"Points"</th><th scope="col">"Out of"</th></tr>
                </thead>
                <tbody>
                    {Factor::ALL
                        .into_iter()
                        .map(|factor| view! {
                            <tr>
                                <th scope="row">{factor.label()}</th>
                                <td class="points">{move || computed.get().points.get(factor)}</td>
                                <td class="muted">{move || maxima().get(factor)}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr><th scope="row">"Total"</th><td class="points">{move || computed.get().total}</td><td class="muted">"100"</td></tr>
                </tfoot>
            </table>
            <MatchedText case signals />
            <div class="field">
                <label for="priority-pin">"Pinned priority"</label>
                <select id="priority-pin" on:change=pin prop:value=move || case.with(|c| c.priority_pin.map_or("", |p| p.label()))>
                    <option value="">{move || format!("No pin (computed {})", computed.get().priority)}</option>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.label()>{format!("Pin {p}")}</option> }).collect_view()}
                </select>
            </div>
        </section>
    }
}

/// The title and description with every matched keyword and cue marked.
#[component]
fn MatchedText(case: Memo<Case>, signals: Memo<Arc<TextSignals>>) -> impl IntoView {
    let marked = move |field: TextField| {
        let text =
            case.with(|c| if field == TextField::Title { c.title.clone() } else { c.description.clone() });
        signals.with(|s| highlight(&text, s.matches.iter().filter(|m| m.field == field)))
    };
    let has_matches = move || signals.with(|s| !s.matches.is_empty());
    view! {
        <Show when=has_matches fallback=|| view! { <p class="muted small">"No risk keywords or distress cues in the text."</p> }>
            <div class="matched" aria-label="Matched keywords in the text">
                <p class="matched-title">{move || marked(TextField::Title)}</p>
                <p class="matched-description">{move || marked(TextField::Description)}</p>
            </div>
        </Show>
    }
}

/// Splits `text` into plain runs and `<mark>`ed matches; overlapping matches merge.
fn highlight<'a>(text: &str, matches: impl Iterator<Item = &'a TextMatch>) -> Vec<AnyView> {
    let mut ranges: Vec<std::ops::Range<usize>> = matches
        .map(|m| m.range.clone())
        .filter(|r| r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect();
    sort::sort_by_key(&mut ranges, |r| r.start);
    let mut views = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start < at {
            continue;
        }
        views.push(text[at..range.start].to_string().into_any());
        views.push(view! { <mark>{text[range.clone()].to_string()}</mark> }.into_any());
        at = range.end;
    }
    views.push(text[at..].to_string().into_any());
    views
}
