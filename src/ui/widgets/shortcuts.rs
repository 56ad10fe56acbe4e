//! The shortcut sheet (`?`): every key, grouped, in the page's language, from the same table
//! the keys are read with.

use crate::domain::shortcuts::SHEET;
use crate::i18n::Text;
use crate::ui::state::{use_i18n, use_keyboard, I18n};
use leptos::prelude::*;

#[component]
pub fn ShortcutSheet() -> impl IntoView {
    let keyboard = use_keyboard();
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let open = keyboard.sheet.get();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            let _ = dialog.show_modal();
            if let Some(button) = close_button.get_untracked() {
                let _ = button.focus();
            }
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog
            class="sheet"
            node_ref=dialog
            aria-labelledby="sheet-title"
            aria-modal="true"
            on:close=move |_| {
                if keyboard.sheet.get_untracked() {
                    keyboard.close();
                }
            }
        >
            <div class="sheet-head">
                <h2 id="sheet-title">{move || i18n.t(Text::KeysTitle)}</h2>
                <button node_ref=close_button on:click=move |_| keyboard.close()>{move || i18n.t(Text::Close)}</button>
            </div>
            <div class="sheet-groups">
                {SHEET
                    .iter()
                    .map(|&(heading, rows)| {
                        view! {
                            <section>
                                <h3>{move || i18n.t(heading)}</h3>
                                <dl>
                                    {rows
                                        .iter()
                                        .map(|&(shown, shortcut)| view! {
                                            <div class="sheet-row">
                                                <dt>{keys(i18n, shown)}</dt>
                                                <dd>{move || i18n.t(shortcut.text())}</dd>
                                            </div>
                                        })
                                        .collect_view()}
                                </dl>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="muted small">{move || i18n.t(Text::KeysInFields)}</p>
        </dialog>
    }
}

/// "g i" as two keys with "then" between, "j | ↓" as two with "or"; "Ctrl K" is one chord.
fn keys(i18n: I18n, shown: &'static str) -> impl IntoView {
    let chord = shown.starts_with("Ctrl");
    let mut parts = Vec::new();
    for (at, key) in shown.split(' ').enumerate() {
        match key {
            "|" => parts.push(view! { <span class="muted">{move || i18n.t(Text::KeysOr)}</span> }.into_any()),
            _ if at > 0 && !chord && !shown.contains('|') => {
                parts.push(view! { <span class="muted">{move || i18n.t(Text::KeysThen)}</span> }.into_any());
                parts.push(view! { <kbd>{key}</kbd> }.into_any());
            }
            _ => parts.push(view! { <kbd>{key}</kbd> }.into_any()),
        }
    }
    parts
}
