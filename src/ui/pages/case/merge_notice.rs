//! On a case page: which case this one was merged into, or which duplicates it holds.

use crate::domain::case::{quoted_names, Case, CaseId};
use crate::i18n::{Message, Text};
use crate::ui::pages::case::{marked, said_view};
use crate::ui::pages::groups::unmerge_and_say;
use crate::ui::state::{use_desk, use_i18n, Route};
use leptos::prelude::*;

/// On a case page: which case this one was merged into, or which duplicates it holds, with Unmerge.
#[component]
pub fn MergeNotice(case: Memo<Case>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let state = Memo::new(move |_| {
        let id = case.with(|c| c.id.clone());
        store.desk.with(|desk| {
            let title = |id: &CaseId| store.find(desk, id).map_or_else(|| id.0.clone(), |c| c.title.clone());
            let into = desk.duplicate_of(&id).map(|primary| (primary.clone(), title(primary)));
            let held: Vec<String> = desk.merges_into(&id).flat_map(|m| m.duplicates().map(title)).collect();
            (id, into, held)
        })
    });
    // What the last Unmerge here put back, for the case it was done on: shown (and focused, so
    // it is read out) where the notice with the button was.
    let said = RwSignal::new(None::<(CaseId, Message)>);
    let said_here = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if said.with(Option::is_some) {
            if let Some(p) = said_here.get() {
                let _ = p.focus();
            }
        }
    });
    move || {
        let (id, into, held) = state.get();
        let message = said.get().filter(|(on, _)| on == &id).map(|(_, text)| {
            view! { <p class="banner merge-notice" role="status" tabindex="-1" node_ref=said_here>{said_view(i18n, Signal::stored(Some(text)))}</p> }
        });
        let notice = match (into, held.is_empty()) {
            (Some((primary, title)), _) => Some(
                view! {
                    <p class="banner">
                        {move || i18n.around(Text::ClosedAsDuplicateOf, "case").0}
                        <a href=Route::Case(primary).href() translate="no">{title}</a>
                        {move || i18n.around(Text::ClosedAsDuplicateOf, "case").1}
                    </p>
                }
                .into_any(),
            ),
            (None, false) => Some(
                view! {
                    <div class="banner">
                        <p>{marked(i18n, &Message::new(Text::MergedDuplicatesHeld).arg_message("titles", quoted_names(&held)))}</p>
                        <button on:click=move |_| {
                            said.set(Some((id.clone(), unmerge_and_say(store, &id))));
                        }>{i18n.text(Text::UnmergeButton)}</button>
                    </div>
                }
                .into_any(),
            ),
            (None, true) => None,
        };
        (message, notice)
    }
}
