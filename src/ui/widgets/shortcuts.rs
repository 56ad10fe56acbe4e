//! The shortcut sheet (`?`): every key, grouped, in the page's language, from the same table
//! the keys are read with.

use crate::domain::shortcuts::SHEET;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_i18n, use_keyboard, I18n};
use leptos::prelude::*;

#[component]
pub fn ShortcutSheet() -> impl IntoView {
    let keyboard = use_keyboard();
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let groups = NodeRef::<leptos::html::Div>::new();
    // Built straight into the page (see `browser::append_element`), again on a language switch.
    Effect::new(move |_| {
        if let Some(groups) = groups.get() {
            show_groups(&groups, i18n);
        }
    });
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
                <h2 id="sheet-title">{i18n.text(Text::KeysTitle)}</h2>
                <button node_ref=close_button on:click=move |_| keyboard.close()>{i18n.text(Text::Close)}</button>
            </div>
            <div class="sheet-groups" node_ref=groups></div>
            <p class="muted small">{i18n.text(Text::KeysInFields)}</p>
        </dialog>
    }
}

/// Each group of the sheet: its heading, then a row per shortcut, its keys and what it does.
/// "g i" shows as two keys with "then" between, "j | ↓" as two with "or"; "Ctrl K" is one chord.
fn show_groups(groups: &web_sys::Element, i18n: I18n) {
    groups.set_text_content(None);
    for (heading, rows) in SHEET {
        let Some(section) = browser::append_element(groups, "section", "", "") else { return };
        browser::append_element(&section, "h3", "", i18n.t(heading));
        let Some(list) = browser::append_element(&section, "dl", "", "") else { return };
        for &(shown, shortcut) in rows {
            let Some(row) = browser::append_element(&list, "div", "sheet-row", "") else { return };
            let Some(keys) = browser::append_element(&row, "dt", "", "") else { return };
            let between = if shown.contains('|') {
                ""
            } else if shown.starts_with("Ctrl") {
                "+"
            } else {
                i18n.t(Text::KeysThen)
            };
            for (at, key) in shown.split(' ').enumerate() {
                match key {
                    "|" => browser::append_element(&keys, "span", "muted", i18n.t(Text::KeysOr)),
                    _ => {
                        if at > 0 && !between.is_empty() {
                            browser::append_element(&keys, "span", "muted", between);
                        }
                        browser::append_element(&keys, "kbd", "", key)
                    }
                };
            }
            browser::append_element(&row, "dd", "", i18n.t(shortcut.text()));
        }
    }
}
