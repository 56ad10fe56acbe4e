//! The engineering hand-off, on a case and on an incident: a format (Markdown for GitHub or
//! GitLab, Jira wiki markup, plain text), the ask and its due time, a preview, Copy and
//! Download. Also what the incident pages share to read the engines per case and to copy.

use crate::domain::case::{CaseId, Timestamp};
use crate::domain::incident::handoff::{handoff, Format, HandoffInput};
use crate::domain::incident::Incident;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_case_facts, use_clock, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Puts `plain` on the clipboard, with `html` beside it for editors that paste rich text
/// where the browser has `ClipboardItem`; false when the browser refused.
pub async fn copy_to_clipboard(plain: &str, html: Option<&str>) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    if let Some(promise) = html.and_then(|html| write_rich(&window, &clipboard, plain, html)) {
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    JsFuture::from(clipboard.write_text(plain)).await.is_ok()
}

/// `navigator.clipboard.write([new ClipboardItem({text/plain, text/html})])`, reached by
/// name since not every browser has it.
fn write_rich(
    window: &web_sys::Window,
    clipboard: &web_sys::Clipboard,
    plain: &str,
    html: &str,
) -> Option<js_sys::Promise> {
    use js_sys::{Array, Function, Object, Reflect};
    let blob = |text: &str, mime: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)
            .ok()
            .map(JsValue::from)
    };
    let constructor: Function = Reflect::get(window, &"ClipboardItem".into()).ok()?.dyn_into().ok()?;
    let parts = Object::new();
    Reflect::set(&parts, &"text/plain".into(), &blob(plain, "text/plain")?).ok()?;
    Reflect::set(&parts, &"text/html".into(), &blob(html, "text/html")?).ok()?;
    let item = Reflect::construct(&constructor, &Array::of1(&parts)).ok()?;
    let write: Function = Reflect::get(clipboard, &"write".into()).ok()?.dyn_into().ok()?;
    write.call1(clipboard, &Array::of1(&item)).ok()?.dyn_into().ok()
}

fn format_text(format: Format) -> Text {
    match format {
        Format::Markdown => Text::HandoffMarkdown,
        Format::Jira => Text::HandoffJira,
        Format::Plain => Text::HandoffPlain,
    }
}

/// The hand-off of `cases` (a case's: the case, then those linked to it; an incident's: its
/// cases), named `stem` when downloaded. Compiled only while open.
#[component]
pub fn HandoffPanel(
    #[prop(into)] cases: Signal<Vec<CaseId>>,
    incident: Option<Memo<Incident>>,
    #[prop(into)] stem: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_clock().0;
    let facts = use_case_facts();
    let open = RwSignal::new(false);
    let format = RwSignal::new(Format::Markdown);
    let ask = RwSignal::new(String::new());
    let due = RwSignal::new(None::<Timestamp>);
    let message = RwSignal::new(None::<String>);
    let text = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        let ids = cases.get();
        let at = now.get();
        let zone = facts.zone();
        let shared_words = facts.shared_words(&ids);
        let read = |incident: Option<&Incident>| {
            facts.read(&ids, at, |cases| {
                let input = HandoffInput {
                    incident,
                    cases,
                    shared_words,
                    ask: ask.get(),
                    due: due.get(),
                    zone,
                    now: at,
                };
                handoff(&input, format.get())
            })
        };
        match incident {
            Some(incident) => incident.with(|i| read(Some(i))),
            None => read(None),
        }
    });
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let done = copy_to_clipboard(&text, None).await;
            message.set(Some(i18n.t(if done { Text::CopiedHandoff } else { Text::CopyRefused }).to_string()));
        });
    };
    let download = move |_| {
        let format = format.get_untracked();
        let name = browser::stamped_file_name(
            &format!("{}-handoff", stem.get_untracked()),
            format.extension(),
            browser::now(),
        );
        let mime = if format == Format::Markdown { "text/markdown" } else { "text/plain" };
        let result = browser::download(&name, mime, &text.get_untracked());
        message.set(result.err().map(|problem| i18n.message(&problem)));
    };
    view! {
        <details class="panel handoff" on:toggle=move |ev| {
            let details: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(details.open());
        }>
            <summary><h2>{i18n.text(Text::EngineeringHandoff)}</h2></summary>
            <fieldset class="choice-row">
                <legend>{i18n.text(Text::HandoffFormat)}</legend>
                {Format::ALL.into_iter().map(|f| view! {
                    <label class="check">
                        <input type="radio" name="handoff-format" prop:checked=move || format.get() == f
                            on:change=move |_| format.set(f) />
                        {move || i18n.t(format_text(f))}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="form-grid">
                <div class="field wide">
                    <label for="handoff-ask">{i18n.text(Text::HandoffAsk)}</label>
                    <input id="handoff-ask" type="text" autocomplete="off" placeholder=i18n.text(Text::HandoffAskPlaceholder)
                        prop:value=move || ask.get() on:change=move |ev| ask.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="handoff-due">{i18n.text(Text::HandoffDue)}</label>
                    <input id="handoff-due" type="datetime-local"
                        on:change=move |ev| due.set(browser::from_local_input(&event_target_value(&ev))) />
                </div>
            </div>
            <pre class="handoff-preview" tabindex="0" aria-label=i18n.text(Text::HandoffPreview)>{move || text.get()}</pre>
            <div class="button-row">
                <button on:click=copy>{i18n.text(Text::CopyToClipboard)}</button>
                <button on:click=download>{i18n.text(Text::DownloadFile)}</button>
                <span class="muted small" role="status">{move || message.get()}</span>
            </div>
        </details>
    }
}
