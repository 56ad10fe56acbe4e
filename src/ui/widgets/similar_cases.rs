//! "Similar cases": the open cases most like this one (or like the one being typed), each with
//! its similarity and the shared words highlighted, and one click to link it.

use crate::domain::case::{Case, CaseId};
use crate::domain::duplicates::highlight;
use crate::domain::grouping::SimilarCase;
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_grouping, use_i18n, DeskStore, Route};
use leptos::prelude::*;
use std::time::Duration;

/// Less alike than this is chance (a shared product name), not a similar case.
const MIN_SIMILARITY: f32 = 0.1;

/// How many shared words a row lists; the title highlights them all.
const SHOWN_WORDS: usize = 6;

/// How long typing must pause before the New case form looks for similar cases.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// What one row shows, read from the desk when the list is built.
#[derive(Clone, PartialEq)]
struct SimilarRow {
    id: CaseId,
    percent: u32,
    title: String,
    customer: String,
    matched: Vec<String>,
    /// Query words that matched through the support glossary, with the entry's name.
    glossary: Vec<(String, String)>,
    /// Words to mark in the title: the shared ones and every form of the glossary entries.
    marked: Vec<String>,
}

fn rows(similar: Vec<SimilarCase>, store: DeskStore) -> Vec<SimilarRow> {
    similar
        .into_iter()
        .filter(|s| s.similarity >= MIN_SIMILARITY)
        .filter_map(|s| {
            let (title, customer) =
                store.with_case(&s.id, |case| (case.title.clone(), case.customer.clone()))?;
            let (marked, percent) = (s.highlight_words(), s.percent());
            let glossary = s.glossary.into_iter().map(|found| (found.word, found.concept)).collect();
            Some(SimilarRow { id: s.id, percent, title, customer, matched: s.matched, glossary, marked })
        })
        .collect()
}

/// Similar cases on a case page; Link records the link on both timelines.
#[component]
pub fn CaseSimilarCases(case: Memo<Case>) -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let list = Memo::new(move |_| {
        let similar =
            store.desk.with(|desk| case.with(|c| grouping.similar_to_case(c, &desk.not_duplicates)));
        rows(similar, store)
    });
    let linked = Signal::derive(move || case.with(|c| c.linked().cloned().collect::<Vec<_>>()));
    let link = Callback::new(move |other: CaseId| {
        let id = case.with_untracked(|c| c.id.clone());
        store.act(|desk, author, now| desk.link_cases(&id, &other, author, now));
    });
    view! { <SimilarCasesPanel list=Signal::from(list) linked link empty=Text::NoSimilarCases /> }
}

/// Similar cases while a new case is typed; Link remembers the case to link once it is saved.
#[component]
pub fn DraftSimilarCases(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    links: RwSignal<Vec<CaseId>>,
) -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let (settled, set_settled) = signal((String::new(), String::new()));
    let typed = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = (title.get(), description.get());
        let this = typed.get_value() + 1;
        typed.set_value(this);
        // The form may be gone (saved or cancelled) when the pause ends.
        set_timeout(
            move || {
                if typed.try_get_value() == Some(this) {
                    set_settled.try_set(text);
                }
            },
            TYPING_PAUSE,
        );
    });
    let list = Memo::new(move |_| {
        let similar = settled.with(|(title, description)| {
            if title.trim().is_empty() && description.trim().is_empty() {
                Vec::new()
            } else {
                grouping.similar_to_text(title, description)
            }
        });
        rows(similar, store)
    });
    let link = Callback::new(move |id: CaseId| {
        links.update(|all| {
            if let Some(i) = all.iter().position(|x| x == &id) {
                all.remove(i);
            } else {
                all.push(id);
            }
        })
    });
    view! {
        <SimilarCasesPanel
            list=Signal::from(list)
            linked=Signal::from(links)
            link
            empty=Text::TypeForSimilarCases
        />
    }
}

#[component]
fn SimilarCasesPanel(
    list: Signal<Vec<SimilarRow>>,
    linked: Signal<Vec<CaseId>>,
    link: Callback<CaseId>,
    empty: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel similar" aria-labelledby="similar-heading">
            <h2 id="similar-heading">{i18n.text(Text::SimilarCases)}</h2>
            <Show when=move || list.with(|l| !l.is_empty()) fallback=move || view! { <p class="muted">{move || i18n.t(empty)}</p> }>
                <ol class="similar-list">
                    <For each=move || list.get() key=|row| (row.id.clone(), row.percent, row.title.clone()) let:row>
                        <SimilarItem row linked link />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

#[component]
fn SimilarItem(row: SimilarRow, linked: Signal<Vec<CaseId>>, link: Callback<CaseId>) -> impl IntoView {
    let id = row.id.clone();
    let i18n = use_i18n();
    let is_linked = Memo::new(move |_| linked.with(|all| all.contains(&id)));
    let title = row.title.clone();
    let label = move || i18n.fill(Text::LinkCase, &[("title", &title)]);
    let target = row.id.clone();
    view! {
        <li class="similar-item">
            <span class="similarity" title=i18n.text(Text::HowSimilar)>{format!("{} %", row.percent)}</span>
            <div class="similar-body">
                <a href=Route::Case(row.id.clone()).href() translate="no"><Highlighted text=row.title.clone() words=row.marked.clone() /></a>
                <span class="muted small" translate="no">{row.customer.clone()}</span>
                <SharedWords words=row.matched.clone() glossary=row.glossary.clone() />
            </div>
            <button
                type="button"
                class="small-button"
                aria-label=label
                aria-pressed=move || if is_linked.get() { "true" } else { "false" }
                on:click=move |_| link.run(target.clone())
            >
                {move || i18n.t(if is_linked.get() { Text::Linked } else { Text::Link })}
            </button>
        </li>
    }
}

/// Text with the shared words marked; plain text nodes only, so hostile HTML stays text.
#[component]
fn Highlighted(text: String, words: Vec<String>) -> impl IntoView {
    highlight(&text, &words)
        .into_iter()
        .map(
            |(piece, marked)| {
                if marked {
                    view! { <mark>{piece}</mark> }.into_any()
                } else {
                    piece.into_any()
                }
            },
        )
        .collect_view()
}

#[component]
fn SharedWords(words: Vec<String>, glossary: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let shared = (!words.is_empty()).then(|| {
        view! {
            <span class="shared-words small">
                {i18n.text(Text::SharedWords)}
                {words.into_iter().take(SHOWN_WORDS).map(|word| view! { <mark translate="no">{word}</mark> " " }).collect_view()}
            </span>
        }
    });
    // Said apart, so nobody takes a translated match for the same word in both cases.
    let translated = (!glossary.is_empty()).then(|| {
        view! {
            <span class="shared-words small">
                {i18n.text(Text::ViaGlossary)} " "
                {glossary
                    .into_iter()
                    .take(SHOWN_WORDS)
                    // The concept is the glossary entry's name, a term as written there.
                    .map(|(word, concept)| view! { <mark translate="no">{word}</mark> <span translate="no">{format!(" = {concept} ")}</span> })
                    .collect_view()}
            </span>
        }
    });
    (shared, translated)
}
