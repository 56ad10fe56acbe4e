//! Settings > Triage rules: weights, the priority matrix and keyword lists, edited as a
//! draft with a live preview of how the top ten of the inbox would reorder.

use super::tx;
use crate::domain::case::{CaseId, Priority, Timestamp};
use crate::domain::desk::Desk;
use crate::domain::duplicates::group_size;
use crate::domain::fast_hash::FastMap;
use crate::domain::sla::board::time_pressure;
use crate::domain::triage::{
    rank, Factor, KeywordKind, Language, Level, ListId, RuleError, RuleField, Score, ScoreInput, SignalCache,
    TextSignals, TriageRules, Weights,
};
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_clock, use_desk, use_grouping, use_i18n, use_scoring, use_sla_board, Settled};
use crate::ui::widgets::badges::PriorityBadge;
use leptos::prelude::*;
use std::sync::Arc;

const PREVIEW_SIZE: usize = 10;

#[component]
pub fn TriageRulesEditor() -> impl IntoView {
    let store = use_desk();
    let scoring = use_scoring();
    let i18n = use_i18n();
    let draft = RwSignal::new(scoring.rules.get_untracked());
    let errors = Memo::new(move |_| draft.with(TriageRules::validate));
    let changed = move || draft.with(|d| scoring.rules.with(|saved| d != saved));
    let save = move |_| {
        let rules = draft.get_untracked();
        let now = browser::now();
        store.change_settings(|settings| {
            settings.triage = rules;
            settings.updated_at = Some(now);
        });
    };
    view! {
        <section id="settings-rules" tabindex="-1" class="panel" aria-labelledby="rules-heading">
            <h2 id="rules-heading">{tx(Text::RulesHeading)}</h2>
            <p class="muted small">{tx(Text::TriageRulesIntro)}</p>
            <div class="rules-layout">
                <div>
                    <WeightsEditor draft errors />
                    <MatrixEditor draft />
                    <KeywordEditor draft errors kind=KeywordKind::Risk title=Text::RiskKeywords />
                    <KeywordEditor draft errors kind=KeywordKind::Distress title=Text::DistressWords />
                </div>
                <TopTenPreview draft />
            </div>
            <p class="inline-error" role="status">
                {move || errors.with(|e| (!e.is_empty()).then(|| i18n.fill(Text::ProblemsToFix, &[("n", &e.len().to_string())])))}
            </p>
            <div class="button-row">
                <button class="primary" on:click=save disabled=move || !changed() || errors.with(|e| !e.is_empty())>{tx(Text::SaveRules)}</button>
                <button on:click=move |_| draft.set(scoring.rules.get_untracked()) disabled=move || !changed()>{tx(Text::DiscardChanges)}</button>
                <button on:click=move |_| draft.set(TriageRules::default())>{tx(Text::ResetToDefaults)}</button>
            </div>
        </section>
    }
}

fn message_for(
    errors: Memo<Vec<RuleError>>,
    wanted: impl Fn(&RuleField) -> bool + Send + Sync + 'static,
) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || {
        errors.with(|all| {
            all.iter()
                .filter(|e| wanted(&e.field))
                .map(|e| i18n.message(&e.message))
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

#[component]
fn WeightsEditor(draft: RwSignal<TriageRules>, errors: Memo<Vec<RuleError>>) -> impl IntoView {
    let all_zero = message_for(errors, |field| *field == RuleField::Weights);
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.fill(Text::WeightsLegend, &[("max", &Weights::MAX.to_string())])}</legend>
            <div class="weights">
                {Factor::ALL.into_iter().map(|factor| view! { <WeightField draft errors factor /> }).collect_view()}
            </div>
            <p class="field-error" role="status">{all_zero}</p>
        </fieldset>
    }
}

#[component]
fn WeightField(draft: RwSignal<TriageRules>, errors: Memo<Vec<RuleError>>, factor: Factor) -> impl IntoView {
    let id = format!("weight-{factor:?}").to_lowercase();
    let i18n = use_i18n();
    let message_id = format!("{id}-message");
    let typed_error = RwSignal::new(None::<String>);
    let rule_error = message_for(errors, move |field| *field == RuleField::Weight(factor));
    let message = move || typed_error.get().unwrap_or_else(|| rule_error.get());
    let on_input = move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<u8>() {
        Ok(weight) => {
            typed_error.set(None);
            draft.update(|d| d.weights.set(factor, weight));
        }
        Err(_) => typed_error.set(Some(super::sla::whole_number(i18n, 0, Weights::MAX.into()))),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.fill(Text::FactorWeight, &[("factor", i18n.t(factor.text()))])}</label>
            <input
                id=id
                type="number"
                min="0"
                max=Weights::MAX.to_string()
                prop:value=move || draft.with(|d| d.weights.get(factor)).to_string()
                aria-invalid=move || (!message().is_empty()).to_string()
                aria-describedby=message_id.clone()
                on:input=on_input
            />
            <p id=message_id class="field-error" role="status">{message}</p>
        </div>
    }
}

#[component]
fn MatrixEditor(draft: RwSignal<TriageRules>) -> impl IntoView {
    let i18n = use_i18n();
    let level = move |text: Text, level: Level| i18n.fill(text, &[("level", i18n.t(level.text()))]);
    view! {
        <fieldset>
            <legend>{tx(Text::MatrixLegend)}</legend>
            <table class="matrix">
                <thead>
                    <tr>
                        <td></td>
                        {Level::ALL.into_iter().map(|u| view! { <th scope="col">{move || level(Text::UrgencyLevel, u)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Level::ALL
                        .into_iter()
                        .map(|impact| view! {
                            <tr>
                                <th scope="row">{move || level(Text::ImpactLevel, impact)}</th>
                                {Level::ALL.into_iter().map(|urgency| view! { <td data-label=move || level(Text::UrgencyLevel, urgency)><MatrixCell draft impact urgency /></td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </fieldset>
    }
}

#[component]
fn MatrixCell(draft: RwSignal<TriageRules>, impact: Level, urgency: Level) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select
            aria-label=move || i18n.fill(Text::MatrixCell, &[("impact", i18n.t(impact.text())), ("urgency", i18n.t(urgency.text()))])
            prop:value=move || draft.with(|d| d.matrix.get(impact, urgency).label())
            on:change=move |ev| {
                let value = event_target_value(&ev);
                if let Some(priority) = Priority::ALL.into_iter().find(|p| p.label() == value) {
                    draft.update(|d| d.matrix.set(impact, urgency, priority));
                }
            }
        >
            {Priority::ALL.into_iter().map(|p| view! { <option value=p.label()>{p.label()}</option> }).collect_view()}
        </select>
    }
}

#[component]
fn KeywordEditor(
    draft: RwSignal<TriageRules>,
    errors: Memo<Vec<RuleError>>,
    kind: KeywordKind,
    title: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.fill(Text::KeywordsLegend, &[("title", i18n.t(title))])}</legend>
            <div class="keyword-lists">
                {Language::ALL.into_iter().map(|language| view! { <KeywordList draft errors list=ListId { kind, language } title /> }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn KeywordList(
    draft: RwSignal<TriageRules>,
    errors: Memo<Vec<RuleError>>,
    list: ListId,
    title: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("keywords-{:?}-{:?}", list.kind, list.language).to_lowercase();
    let message_id = format!("{id}-message");
    let message =
        message_for(errors, move |field| matches!(field, RuleField::Keyword { list: l, .. } if *l == list));
    // The text is kept as typed so a blank line stays visible (and reported) while editing.
    let text = RwSignal::new(draft.with_untracked(|d| d.keywords(list.kind).get(list.language).join("\n")));
    Effect::new(move |_| {
        let saved = draft.with(|d| d.keywords(list.kind).get(list.language).to_vec());
        if split_lines(&text.get_untracked()) != saved {
            text.set(saved.join("\n"));
        }
    });
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.fill(Text::KeywordList, &[("title", i18n.t(title)), ("language", i18n.t(list.language.text()))])}</label>
            <textarea
                id=id
                rows="6"
                prop:value=move || text.get()
                aria-invalid=move || (!message.get().is_empty()).to_string()
                aria-describedby=message_id.clone()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let words = split_lines(&typed);
                    text.set(typed);
                    draft.update(|d| *d.keywords_mut(list.kind).get_mut(list.language) = words);
                }
            ></textarea>
            <p id=message_id class="field-error" role="status">{message}</p>
        </div>
    }
}

/// One keyword per line; a final newline is not an empty keyword.
fn split_lines(text: &str) -> Vec<String> {
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .map(str::to_string)
        .filter(|_| !text.is_empty())
        .collect()
}

/// The ten most pressing open cases under the draft rules, with how far each moved.
#[component]
fn TopTenPreview(draft: RwSignal<TriageRules>) -> impl IntoView {
    let store = use_desk();
    let scoring = use_scoring();
    let now = use_clock().0;
    let sla = use_sla_board();
    let grouping = use_grouping();
    let i18n = use_i18n();
    let draft_cache = StoredValue::new_local(None::<SignalCache>);
    // The order under the saved rules changes only with them, not with each draft keystroke.
    let saved_order = Memo::new(move |_| {
        let (now, settled) = (now.get(), sla.settled.get());
        store.desk.with(|desk| {
            scoring.rules.with(|saved| {
                scoring.signals.with(|signals| {
                    grouping
                        .membership
                        .with(|sizes| rank_open(desk, saved, signals, &settled.0, sizes, now))
                        .into_iter()
                        .map(|(index, _)| desk.cases[index].id.clone())
                        .collect::<Vec<CaseId>>()
                })
            })
        })
    });
    let top = Memo::new(move |_| {
        let draft = draft.get();
        let (now, settled) = (now.get(), sla.settled.get());
        store.desk.with(|desk| {
            let draft_signals = draft_cache
                .try_update_value(|cache| {
                    cache.get_or_insert_with(|| SignalCache::new(&draft)).refresh(
                        &desk.cases,
                        store.order(),
                        &draft,
                    )
                })
                .unwrap_or_default();
            saved_order.with(|before| {
                grouping
                    .membership
                    .with(|sizes| rank_open(desk, &draft, &draft_signals, &settled.0, sizes, now))
                    .into_iter()
                    .take(PREVIEW_SIZE)
                    .enumerate()
                    .map(|(place, (index, score))| {
                        let case = &desk.cases[index];
                        let was = before.iter().position(|id| id == &case.id);
                        (case.title.clone(), score.total, score.priority, movement(place, was))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <aside class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{tx(Text::TopTenHeading)}</h3>
            <Show when=move || top.with(|t| !t.is_empty()) fallback=move || view! { <p class="muted small">{tx(Text::NoOpenCasesPreview)}</p> }>
                <ol class="top-ten">
                    {move || {
                        top.get()
                            .into_iter()
                            .map(|(title, total, priority, moved)| view! {
                                <li>
                                    <PriorityBadge computed=priority pinned=None score=total />
                                    <span class="top-title">{title}</span>
                                    <span class=format!("moved {}", moved.0)>{moved.1.unwrap_or_else(|| i18n.t(Text::MovedNew).to_string())}</span>
                                </li>
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </aside>
    }
}

/// The open cases of `desk` most pressing first under `rules`: (index into the cases, score).
fn rank_open(
    desk: &Desk,
    rules: &TriageRules,
    signals: &[Arc<TextSignals>],
    settled: &Settled,
    group_sizes: &FastMap<CaseId, (String, u32)>,
    now: Timestamp,
) -> Vec<(usize, Score)> {
    let open: Vec<usize> = (0..desk.cases.len()).filter(|&i| desk.cases[i].is_open()).collect();
    let inputs = open.iter().map(|&i| ScoreInput {
        case: &desk.cases[i],
        signals: &signals[i],
        pressure: time_pressure(&desk.cases[i], settled.readings.get(i), now),
        group_size: group_size(group_sizes, &desk.cases[i].id),
    });
    rank(inputs, rules).into_iter().map(|ranked| (open[ranked.index], ranked.score)).collect()
}

/// ("up" | "down" | "same", label) for a case now at `place` that was at `was`; no label
/// for one new to the top ten.
fn movement(place: usize, was: Option<usize>) -> (&'static str, Option<String>) {
    match was {
        Some(was) if was > place => ("up", Some(format!("\u{2191}{}", was - place))),
        Some(was) if was < place => ("down", Some(format!("\u{2193}{}", place - was))),
        Some(_) => ("same", Some("\u{2013}".into())),
        None => ("up", None),
    }
}
