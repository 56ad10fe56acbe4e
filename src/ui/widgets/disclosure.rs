//! A button that shows a small panel under it: controls used now and then stay one click
//! away without taking a line of the screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The button names the panel (`label`, which may change, e.g. to show the what-if time) and
/// says whether it is open; Escape closes the panel and gives the focus back to the button,
/// and so does a click elsewhere. The panel's content stays mounted while hidden, so what it
/// holds (a half-typed time, alerts that are on) survives closing it.
#[component]
pub fn Disclosure(
    /// The id of the panel; the button is `{id}-button`.
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    /// Shown pressed-looking while something behind the button is on.
    #[prop(into, optional)]
    active: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    let close_and_refocus = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close_and_refocus();
        }
    };
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(root.get_untracked())
            .is_some_and(|(target, root)| root.contains(Some(&target)));
        if open.get_untracked() && !inside {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <div class="disclosure" node_ref=root on:keydown=on_key>
            <button
                id=format!("{id}-button")
                class="tool-button"
                class:on=move || active.get()
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=id
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {move || label.get()}
            </button>
            <div id=id class="popover" role="group" aria-labelledby=format!("{id}-button") hidden=move || !open.get()>
                {children()}
            </div>
        </div>
    }
}
