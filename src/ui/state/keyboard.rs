//! The keyboard: one listener on the page for every shortcut (what a key means is
//! `domain::shortcuts`), whether the command palette or the shortcut sheet is open, and where
//! the focus goes after each: to what the new screen is about, or back where it was.

use super::route::{Route, Router};
use super::store::DeskStore;
use crate::domain::case::{Priority, Status};
use crate::domain::shortcuts::{KeySequence, Screen, Shortcut};
use crate::ui::browser;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the palette lists: everything, or the choices of one command on the open case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteMode {
    Commands,
    Status,
    Priority,
}

#[derive(Clone, Copy)]
pub struct Keyboard {
    /// The palette, when open, and what it lists.
    pub palette: RwSignal<Option<PaletteMode>>,
    pub sheet: RwSignal<bool>,
    /// The element that had the focus when a dialog opened.
    return_to: StoredValue<Option<web_sys::Element>, LocalStorage>,
    router: Router,
    store: DeskStore,
}

impl Keyboard {
    pub fn open_palette(self, mode: PaletteMode) {
        self.remember_focus();
        self.sheet.set(false);
        self.palette.set(Some(mode));
    }

    pub fn open_sheet(self) {
        self.remember_focus();
        self.palette.set(None);
        self.sheet.set(true);
    }

    /// A dialog opened from another keeps the focus the first one found. The element is
    /// blurred, so closing the dialog does not refocus it on its own: after a command that
    /// changed the page it may be a field about to go; [`Keyboard::close`] refocuses it.
    fn remember_focus(self) {
        if self.palette.get_untracked().is_none() && !self.sheet.get_untracked() {
            let active = document().active_element();
            if let Some(element) = active.as_ref().and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
                let _ = element.blur();
            }
            self.return_to.set_value(active);
        }
    }

    /// Closes the open dialog and gives the focus back where it was, once the dialog is
    /// gone (the page behind a modal dialog takes no focus).
    pub fn close(self) {
        self.dismiss();
        if let Some(element) = self.return_to.try_update_value(Option::take).flatten() {
            request_animation_frame(move || {
                if element.is_connected() {
                    focus(&element);
                }
            });
        }
    }

    /// Closes the open dialog and leaves the focus to what runs next.
    pub fn dismiss(self) {
        self.palette.set(None);
        self.sheet.set(false);
    }

    /// Shows `route` and, once it is on screen, focuses what it is about: the inbox's
    /// selected row, a case's title, the new case's first field, a screen's heading.
    pub fn go(self, route: Route) {
        let targets: &'static [&'static str] = match route {
            Route::Inbox => &[".case-rows [tabindex=\"0\"]", "#inbox-heading", "#empty-heading"],
            Route::NewCase => &["#field-title"],
            Route::Case(_) => &["#case-title"],
            _ => &[],
        };
        self.router.go(route.clone());
        self.focus_when_shown(route, targets, false);
    }

    /// Shows the inbox with its search box focused.
    pub fn search(self) {
        self.router.go(Route::Inbox);
        self.focus_when_shown(Route::Inbox, &["#inbox-search"], false);
    }

    /// Shows the inbox with the what-if clock's panel open.
    pub fn what_if(self) {
        self.router.go(Route::Inbox);
        self.focus_when_shown(Route::Inbox, &["#what-if-panel-button"], true);
    }

    /// Focuses the first of `targets` that is there (else the page's heading) once `route` is
    /// showing, trying on each frame for about two seconds (the desk may still be loading);
    /// `press` clicks it too, unless it is a button already expanded.
    fn focus_when_shown(self, route: Route, targets: &'static [&'static str], press: bool) {
        fn attempt(router: Router, route: Route, targets: &'static [&'static str], press: bool, tries: u8) {
            request_animation_frame(move || {
                let found = (router.route.get_untracked() == route)
                    .then(|| {
                        targets
                            .iter()
                            .chain(&["main h1"])
                            .find_map(|target| document().query_selector(target).ok().flatten())
                    })
                    .flatten();
                match found {
                    Some(element) => {
                        focus(&element);
                        if press && element.get_attribute("aria-expanded").as_deref() != Some("true") {
                            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                                element.click();
                            }
                        }
                    }
                    None if tries > 0 => attempt(router, route, targets, press, tries - 1),
                    None => {}
                }
            });
        }
        attempt(self.router, route, targets, press, 120);
    }

    /// The case whose page is showing, if it is open (not resolved or closed).
    pub fn open_case(self) -> Option<crate::domain::case::CaseId> {
        match self.router.route.get() {
            Route::Case(id) => {
                self.store.with_case(&id, |case| case.status.is_open()).unwrap_or(false).then_some(id)
            }
            _ => None,
        }
    }

    /// Sets the status of the case showing, then focuses its Status field, which says it.
    pub fn set_status(self, to: Status) {
        if let Route::Case(id) = self.router.route.get_untracked() {
            self.store.edit_case(&id, |case, author, now| case.set_status(to, author, now));
            self.focus_when_shown(Route::Case(id), &["#field-status"], false);
        }
    }

    /// Pins the priority of the case showing (None takes the pin off), then focuses the pin.
    pub fn pin(self, to: Option<Priority>) {
        if let Route::Case(id) = self.router.route.get_untracked() {
            self.store.edit_case(&id, |case, author, now| case.pin_priority(to, author, now));
            self.focus_when_shown(Route::Case(id), &["#priority-pin"], false);
        }
    }

    fn run(self, shortcut: Shortcut) -> bool {
        let route = self.router.route.get_untracked();
        match shortcut {
            Shortcut::Palette => self.open_palette(PaletteMode::Commands),
            Shortcut::Sheet => self.open_sheet(),
            Shortcut::NewCase => self.go(Route::NewCase),
            Shortcut::Search => self.search(),
            Shortcut::Go(screen) => self.go(match screen {
                Screen::Inbox => Route::Inbox,
                Screen::Groups => Route::Groups(None),
                Screen::Incidents => Route::Incidents,
                Screen::Dashboard => Route::Dashboard,
                Screen::Settings => Route::Settings,
            }),
            // Outside the list (whose rows move on their own keys), j and k step into it.
            Shortcut::Next | Shortcut::Previous if route == Route::Inbox => {
                self.focus_when_shown(Route::Inbox, &[".case-rows [tabindex=\"0\"]"], false)
            }
            Shortcut::Back => match route {
                Route::Case(_) => self.go(Route::Inbox),
                Route::Incident(_) => self.go(Route::Incidents),
                Route::Report => self.go(Route::Dashboard),
                _ => return false,
            },
            Shortcut::Resolve if self.open_case().is_some() => self.set_status(Status::Resolved),
            Shortcut::PinPriority if matches!(route, Route::Case(_)) => {
                self.open_palette(PaletteMode::Priority)
            }
            _ => return false,
        }
        true
    }
}

/// Focuses `element`; a heading is made focusable from script (not by Tab) first.
fn focus(element: &web_sys::Element) {
    if element.tag_name().starts_with('H') && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Whether keys pressed in `target` are typing: a text field, a select, editable text.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}

pub fn provide_keyboard(router: Router, store: DeskStore) -> Keyboard {
    let keyboard = Keyboard {
        palette: RwSignal::new(None),
        sheet: RwSignal::new(false),
        return_to: StoredValue::new_local(None),
        router,
        store,
    };
    provide_context(keyboard);
    let sequence = StoredValue::new_local(KeySequence::default());
    // Added once the first view is built: Leptos handles elements' own keydown (the case
    // list's rows, the palette's box) in a window listener made with the first of them, the
    // palette's, so this one runs after them and leaves alone the keys they took.
    Effect::new(move |_| {
        // Listens for the page's whole life: the handle is dropped, never removed.
        let _ = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.default_prevented() || browser::is_composing(&ev) || ev.alt_key() {
                return;
            }
            let command = ev.ctrl_key() || ev.meta_key();
            if command && ev.key().eq_ignore_ascii_case("k") && !ev.shift_key() {
                ev.prevent_default();
                match keyboard.palette.get_untracked() {
                    Some(_) => keyboard.close(),
                    None => keyboard.open_palette(PaletteMode::Commands),
                }
                return;
            }
            let open = keyboard.palette.get_untracked().is_some() || keyboard.sheet.get_untracked();
            if command || open || typing_in(ev.target()) {
                return;
            }
            let shortcut = sequence.try_update_value(|s| s.press(&ev.key(), browser::elapsed_ms())).flatten();
            if shortcut.is_some_and(|shortcut| keyboard.run(shortcut)) {
                ev.prevent_default();
            }
        });
    });
    keyboard
}

pub fn use_keyboard() -> Keyboard {
    expect_context()
}
