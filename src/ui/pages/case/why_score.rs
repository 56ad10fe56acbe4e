//! The case page's "Why this score" panel: the points per factor, the highlighted keywords
//! and cues, and the priority pin.

use crate::domain::case::{Case, CaseId, Priority};
use crate::domain::sla::board::time_pressure;
use crate::domain::sort;
use crate::domain::triage::{score, Factor, TextField, TextMatch, TextSignals};
use crate::i18n::Text;
use crate::ui::state::{use_clock, use_desk, use_grouping, use_i18n, use_scoring, use_sla_board};
use crate::ui::widgets::badges::PriorityBadge;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn WhyThisScore(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let scoring = use_scoring();
    let store = use_desk();
    let i18n = use_i18n();
    let now = use_clock().0;
    let place_of = id.clone();
    let signals = Memo::new(move |_| {
        let place = store.place(&place_of);
        scoring.signals.with(|all| place.and_then(|i| all.get(i).cloned())).unwrap_or_default()
    });
    let sla = use_sla_board();
    let grouping = use_grouping();
    let computed = Memo::new(move |_| {
        case.with(|c| {
            let pressure = time_pressure(c, sla.settled_of(&c.id).as_ref(), now.get());
            let group_size = grouping.group_size(&c.id);
            scoring.rules.with(|rules| signals.with(|s| score(c, s, pressure, group_size, rules)))
        })
    });
    let maxima = move || scoring.rules.with(|rules| rules.weights.max_points());
    let pin_id = id.clone();
    let pin = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let to = Priority::ALL.into_iter().find(|p| p.label() == value);
        store.edit_case(&pin_id, |case, author, now| case.pin_priority(to, author, now));
    };
    view! {
        <section class="panel why" aria-labelledby="why-heading">
            <h2 id="why-heading">{i18n.text(Text::WhyThisScore)}</h2>
            <div class="why-summary">
                <span class="big-score" aria-label=move || i18n.fill(Text::ScoreOf, &[("n", &computed.get().total.to_string())])>
                    {move || computed.get().total} <small>"/100"</small>
                </span>
                {move || {
                    let s = computed.get();
                    view! { <PriorityBadge computed=s.priority pinned=case.with(|c| c.priority_pin) /> }
                }}
                <span class="muted small">
                    {move || {
                        let s = computed.get();
                        let priority = s.priority.to_string();
                        i18n.fill(Text::ImpactTimesUrgency, &[("impact", i18n.t(s.impact.text())), ("urgency", i18n.t(s.urgency.text())), ("priority", &priority)])
                    }}
                </span>
            </div>
            <table class="breakdown">
                <caption class="visually-hidden">{i18n.text(Text::PointsPerFactor)}</caption>
                <thead>
                    <tr>
                        {[Text::FactorHeader, Text::PointsHeader, Text::OutOfHeader].map(|text| view! { <th scope="col">{i18n.text(text)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {Factor::ALL
                        .into_iter()
                        .map(|factor| view! {
                            <tr>
                                <th scope="row">{i18n.text(factor.text())}</th>
                                <td class="points">{move || computed.get().points.get(factor)}</td>
                                <td class="muted">{move || maxima().get(factor)}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr><th scope="row">{i18n.text(Text::TotalRow)}</th><td class="points">{move || computed.get().total}</td><td class="muted">"100"</td></tr>
                </tfoot>
            </table>
            <MatchedText case signals />
            <div class="field">
                <label for="priority-pin">{i18n.text(Text::PinnedPriority)}</label>
                <select id="priority-pin" on:change=pin prop:value=move || case.with(|c| c.priority_pin.map_or("", |p| p.label()))>
                    <option value="">{move || i18n.fill(Text::NoPinComputed, &[("priority", computed.get().priority.label())])}</option>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.label()>{move || i18n.fill(Text::PinTo, &[("priority", p.label())])}</option> }).collect_view()}
                </select>
            </div>
        </section>
    }
}

/// The title and description with every matched keyword and cue marked.
#[component]
fn MatchedText(case: Memo<Case>, signals: Memo<Arc<TextSignals>>) -> impl IntoView {
    let i18n = use_i18n();
    let marked = move |field: TextField| {
        let text =
            case.with(|c| if field == TextField::Title { c.title.clone() } else { c.description.clone() });
        signals.with(|s| highlight(&text, s.matches.iter().filter(|m| m.field == field)))
    };
    let has_matches = move || signals.with(|s| !s.matches.is_empty());
    view! {
        <Show when=has_matches fallback=move || view! { <p class="muted small">{i18n.text(Text::NoMatchedText)}</p> }>
            <div class="matched" translate="no" aria-label=i18n.text(Text::MatchedInText)>
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
