//! Small doors to the browser: the clock, randomness, files in and out.

use crate::domain::case::Timestamp;
use crate::domain::format::written;
use crate::i18n::{Message, Text};
use chrono::DateTime;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn now() -> Timestamp {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The viewer's offset from UTC in minutes (east positive), for showing local times.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// `at` as a `datetime-local` control holds it: the viewer's local time then (with that
/// day's daylight saving), to the minute.
pub fn local_input_value(at: Timestamp) -> String {
    let date = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
    let offset = chrono::Duration::minutes(-(date.get_timezone_offset() as i64));
    written((at + offset).naive_utc(), "%Y-%m-%dT%H:%M")
}

/// The time a `datetime-local` control's value names in the viewer's time zone; None for an
/// empty or incomplete value.
pub fn from_local_input(text: &str) -> Option<Timestamp> {
    if text.is_empty() {
        return None;
    }
    // Without an offset the engine reads date and time as local time.
    let millis = js_sys::Date::new(&text.into()).get_time();
    (!millis.is_nan()).then(|| DateTime::from_timestamp_millis(millis as i64)).flatten()
}

/// Hands `text` to the browser as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), Message> {
    let parts = js_sys::Array::of1(&text.into());
    download_parts(file_name, mime, &parts)
}

/// Hands `bytes` to the browser as a file download, exactly as given (a byte order mark
/// included).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), Message> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    download_parts(file_name, mime, &parts)
}

fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), Message> {
    let fail = |what: &str| Message::new(Text::DownloadFailed).arg("what", what);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail("link"))?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The bytes of a file the user picked or dropped.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, Message> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| Message::new(Text::FileUnreadable))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint and handle input before the caller goes on.
pub async fn yield_to_browser() {
    sleep(0).await;
}

/// Goes on after `ms` milliseconds, the page running meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// "triage-desk-2026-11-23-0930" style names, so downloads sort by time.
pub fn stamped_file_name(stem: &str, extension: &str, now: Timestamp) -> String {
    format!("{stem}-{}.{extension}", written(now.naive_utc(), "%Y-%m-%d-%H%M"))
}

/// Milliseconds on the page's monotonic clock, for measuring work in progress.
pub fn elapsed_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

/// A named point in time for the benchmark (`tests/e2e/bench/`); the store is the only caller.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records `name` as the time since `start_mark` (or since the page started, if empty).
/// Only the latest of each is kept, so a long session does not pile up entries.
pub fn measure_since(name: &str, start_mark: &str) {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else { return };
    performance.clear_measures_with_measure_name(name);
    let _ = if start_mark.is_empty() {
        performance.measure(name)
    } else {
        performance.measure_with_start_mark(name, start_mark)
    };
    if !start_mark.is_empty() {
        performance.clear_marks_with_mark_name(start_mark);
    }
}

/// Has the browser ask before the page closes or reloads while `pending()` says work would be
/// lost (a save not yet committed, or one that failed).
pub fn ask_before_leaving(pending: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else { return };
    let handler =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if pending() {
                event.prevent_default();
                // Older engines show the prompt only when a return value is set.
                let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
            }
        });
    let _ = window.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
    // Listens for the page's whole life.
    handler.forget();
}

/// Calls `hiding` when the page is hidden (another tab, the app switcher) or goes away
/// (closed, reloaded, navigated): the last moment its script surely runs, and there is no
/// time left for anything asynchronous.
pub fn on_page_hide(hiding: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let document = window.document();
    let handler =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if event.type_() == "pagehide" || document.as_ref().is_some_and(web_sys::Document::hidden) {
                hiding();
            }
        });
    let _ = window.add_event_listener_with_callback("pagehide", handler.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("visibilitychange", handler.as_ref().unchecked_ref());
    // Listens for the page's whole life.
    handler.forget();
}

/// Registers the service worker (`pwa/sw.js`, written into the build by `scripts/sw.mjs`) and
/// calls `on_ready` with a new version of the app once it is installed and waiting.
pub fn watch_for_new_version(on_ready: impl Fn(web_sys::ServiceWorker) + 'static) {
    let Some(window) = web_sys::window() else { return };
    // Service workers exist only in secure contexts (https, localhost).
    if !window.is_secure_context() {
        return;
    }
    let container = window.navigator().service_worker();
    // Relative, so the worker and its scope are the sub-path the app is served from.
    let registering = container.register("sw.js");
    // The first install is no update: only a page that a version already runs is told.
    let on_ready = std::rc::Rc::new(move |worker: web_sys::ServiceWorker| {
        if container.controller().is_some() {
            on_ready(worker);
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            on_ready(waiting);
        }
        let found = registration.clone();
        let on_update_found = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let Some(worker) = found.installing() else { return };
            let (on_ready, installed) = (on_ready.clone(), worker.clone());
            let on_state = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                if installed.state() == web_sys::ServiceWorkerState::Installed {
                    on_ready(installed.clone());
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            // Lives as long as that worker: one per deployment.
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Lets the waiting `worker` take over and reloads the page once it controls it, so the page
/// and its worker are the same version.
pub fn switch_to(worker: &web_sys::ServiceWorker) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let reload = move || {
        let _ = location.reload();
    };
    // Another tab already switched: this page's worker changed then.
    if worker.state() == web_sys::ServiceWorkerState::Activated {
        reload();
        return;
    }
    let on_change = wasm_bindgen::closure::Closure::once_into_js(reload);
    window.navigator().service_worker().set_oncontrollerchange(Some(on_change.unchecked_ref()));
    let _ = worker.post_message(&"skipWaiting".into());
}

/// The languages the browser says its user reads, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|lang| lang.as_string()).collect())
        .unwrap_or_default()
}

/// Sets `<html lang>`, which screen readers, fonts and hyphenation follow.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Appends a `tag` element with `class` and the plain text `text` to `parent`, and returns it.
/// For lists built straight into the page (the palette's options, the shortcut sheet): one
/// plain function in the download instead of a compiled view for every shape of row.
pub fn append_element(
    parent: &web_sys::Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<web_sys::Element> {
    let element = parent.owner_document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Whether a key event belongs to an input method composing text (Korean, Chinese): such a
/// key must not act as a shortcut or submit a form. WebKit sends Hangul keys with keyCode 229
/// and without `isComposing`, so both are checked.
pub fn is_composing(event: &web_sys::KeyboardEvent) -> bool {
    event.is_composing() || event.key_code() == 229
}

/// A form's keydown: the Enter that ends a composition only ends it, never submits.
pub fn hold_composing_enter(event: web_sys::KeyboardEvent) {
    if is_composing(&event) && event.key() == "Enter" {
        event.prevent_default();
    }
}

/// A value kept for this tab's session (sessionStorage): it survives a reload of the tab and
/// ends when the tab closes. None when storage is blocked.
pub fn session_value(key: &str) -> Option<String> {
    stored(session_storage(), key)
}

/// Keeps `value` under `key` for this tab's session; a blocked storage keeps it only in the page.
pub fn set_session_value(key: &str, value: &str) {
    store(session_storage(), key, value);
}

/// A small preference kept in this browser across reloads and tabs (localStorage), such as
/// the palette's recent commands; the desk itself is never kept here.
pub fn local_value(key: &str) -> Option<String> {
    stored(local_storage(), key)
}

pub fn set_local_value(key: &str, value: &str) {
    store(local_storage(), key, value);
}

fn stored(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?.get_item(key).ok().flatten()
}

fn store(storage: Option<web_sys::Storage>, key: &str, value: &str) {
    if let Some(storage) = storage {
        let _ = storage.set_item(key, value);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.session_storage().ok().flatten())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}
