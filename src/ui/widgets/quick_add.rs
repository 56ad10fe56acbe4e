//! Quick add: cases typed or pasted (one per line, or rows copied from a spreadsheet),
//! previewed in the same review panel as a file before anything is written.

use crate::domain::import::quick_add;
use crate::i18n::Text;
use crate::ui::state::{use_i18n, use_import_state};
use leptos::prelude::*;

#[component]
pub fn QuickAddButton() -> impl IntoView {
    let state = use_import_state();
    let i18n = use_i18n();
    view! {
        <button
            aria-expanded=move || state.quick_add_open.get().to_string()
            on:click=move |_| state.quick_add_open.update(|open| *open = !*open)
        >
            {i18n.text(Text::QuickAdd)}
        </button>
    }
}

#[component]
pub fn QuickAddPanel() -> impl IntoView {
    let state = use_import_state();
    let i18n = use_i18n();
    let preview = move |_| match quick_add(&state.pasted.get_untracked()) {
        Ok(job) => {
            state.quick_add_open.set(false);
            state.start_pasted(job, i18n.t(Text::PastedRows).into());
        }
        Err(error) => state.fail(i18n.t(Text::PastedRows).into(), error.message()),
    };
    view! {
        <Show when=move || state.quick_add_open.get()>
            <section class="panel review" role="region" aria-label=i18n.text(Text::QuickAdd)>
                <h2>{i18n.text(Text::QuickAdd)}</h2>
                <div class="field">
                    <label for="quick-add-text">{i18n.text(Text::PasteCases)}</label>
                    <textarea
                        id="quick-add-text"
                        rows="6"
                        placeholder=i18n.text(Text::PastePlaceholder)
                        prop:value=move || state.pasted.get()
                        on:input=move |ev| state.pasted.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <p class="muted">{i18n.text(Text::PasteHint)}</p>
                <div class="button-row">
                    <button
                        class="primary"
                        disabled=move || state.pasted.with(|text| text.trim().is_empty())
                        on:click=preview
                    >
                        {i18n.text(Text::Preview)}
                    </button>
                    <button on:click=move |_| state.quick_add_open.set(false)>{i18n.text(Text::Close)}</button>
                </div>
            </section>
        </Show>
    }
}
