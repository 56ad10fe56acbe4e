//! The browser tab's title follows the screen, so a tab among many says what it shows.

use leptos::prelude::*;

/// Sets the document title to "{title} · Triage Desk" while the calling page is shown.
pub fn document_title(title: Signal<String>) {
    Effect::new(move |_| document().set_title(&format!("{} \u{b7} Triage Desk", title.get())));
}
