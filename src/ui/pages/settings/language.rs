//! Settings: the language the desk speaks.

use crate::i18n::Text;
use crate::ui::state::use_i18n;
use crate::ui::widgets::language::LanguageSelect;
use leptos::prelude::*;

#[component]
pub fn LanguageSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{move || i18n.t(Text::Language)}</h3>
        <LanguageSelect id="settings-language" />
        <p class="muted">{move || i18n.t(Text::LanguageHint)}</p>
    }
}
