//! Settings: the language the desk speaks.

use super::tx;
use crate::i18n::Text;
use crate::ui::widgets::language::LanguageSelect;
use leptos::prelude::*;

#[component]
pub fn LanguageSection() -> impl IntoView {
    view! {
        <h3>{tx(Text::Language)}</h3>
        <LanguageSelect id="settings-language" />
        <p class="muted">{tx(Text::LanguageHint)}</p>
    }
}
