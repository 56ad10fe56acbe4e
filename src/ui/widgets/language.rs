//! The Language select: the three languages, each written in itself.

use crate::i18n::{Lang, Text};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// `id` tells the header's select from the one in Settings, both named "Language".
#[component]
pub fn LanguageSelect(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="language" for=id>
            <span class="visually-hidden">{i18n.text(Text::Language)}</span>
            <select
                id=id
                prop:value=move || i18n.lang().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        i18n.set(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! { <option value=lang.code() lang=lang.code()>{lang.name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
