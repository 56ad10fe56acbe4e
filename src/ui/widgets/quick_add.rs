//! Quick add: cases typed or pasted (one per line, or rows copied from a spreadsheet),
//! previewed in the same review panel as a file before anything is written.

use crate::domain::import::quick_add;
use crate::ui::state::use_import_state;
use leptos::prelude::*;

#[component]
pub fn QuickAddButton() -> impl IntoView {
    let state = use_import_state();
    view! {
        <button
            aria-expanded=move || state.quick_add_open.get().to_string()
            on:click=move |_| state.quick_add_open.update(|open| *open = !*open)
        >
            "Quick add"
        </button>
    }
}

#[component]
pub fn QuickAddPanel() -> impl IntoView {
    let state = use_import_state();
    let preview = move |_| match quick_add(&state.pasted.get_untracked()) {
        Ok(job) => {
            state.quick_add_open.set(false);
            state.start_pasted(job);
        }
        Err(error) => state.fail("pasted rows".into(), error.to_string()),
    };
    view! {
        <Show when=move || state.quick_add_open.get()>
            <section class="panel review" role="region" aria-label="Quick add">
                <h2>"Quick add"</h2>
                <div class="field">
                    <label for="quick-add-text">"Paste cases"</label>
                    <textarea
                        id="quick-add-text"
                        rows="6"
                        placeholder="One case per line: the title, then a tab and a description if you like"
                        prop:value=move || state.pasted.get()
                        on:input=move |ev| state.pasted.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <p class="muted">
                    "One case per line, or rows copied from a spreadsheet (a first row of column names is recognised). You will see what would be added before anything is saved."
                </p>
                <div class="button-row">
                    <button
                        class="primary"
                        disabled=move || state.pasted.with(|text| text.trim().is_empty())
                        on:click=preview
                    >
                        "Preview"
                    </button>
                    <button on:click=move |_| state.quick_add_open.set(false)>"Close"</button>
                </div>
            </section>
        </Show>
    }
}
