//! The language the page speaks: the one kept in the settings, or on a first visit the
//! browser's; texts from the table in it, and numbers and times through the browser's `Intl`
//! (its locale data, so the download carries none).
//!
//! Converting a view: add its texts as rows of `src/i18n/texts.rs`, read them through
//! [`use_i18n`] inside closures so they follow a switch, and take the file off
//! `NOT_CONVERTED_YET` in `tests/i18n_literals.rs`:
//!
//! ```ignore
//! let i18n = use_i18n();
//! view! {
//!     <h2>{i18n.text(Text::SimilarCases)}</h2>
//!     <button aria-label=move || i18n.fill(Text::LinkCase, &[("title", &title)])>{i18n.text(Text::Link)}</button>
//! }
//! ```

use super::store::DeskStore;
use crate::domain::case::Timestamp;
use crate::i18n::{self, Lang, Message, Text};
use crate::ui::browser;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy)]
pub struct I18n {
    lang: Memo<Lang>,
    store: DeskStore,
}

impl I18n {
    /// The current language; reading it re-renders the caller on a switch.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn t(&self, text: Text) -> &'static str {
        i18n::tr(self.lang(), text)
    }

    /// `text` as a view or attribute value that follows a language switch. One closure type
    /// for every text, so a page of labels adds one rendering routine to the download, not one
    /// per label as `move || i18n.t(…)` does.
    pub fn text(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(text)
    }

    /// `text` with its `{name}` placeholders filled.
    pub fn fill(&self, text: Text, args: &[(&str, &str)]) -> String {
        i18n::fill(self.t(text), args)
    }

    /// `text` before and after its `{name}`, where an element goes in between.
    pub fn around(&self, text: Text, name: &str) -> (&'static str, &'static str) {
        i18n::around(self.t(text), name)
    }

    /// A message from the domain or the state, in the current language.
    pub fn message(&self, message: &Message) -> String {
        message.in_lang(self.lang())
    }

    /// Keeps `lang` in the settings, so other tabs and the export carry it.
    pub fn set(&self, lang: Lang) {
        let now = browser::now();
        self.store.change_settings(|settings| {
            settings.language = Some(lang);
            settings.updated_at = Some(now);
        });
    }

    fn locales(&self) -> js_sys::Array {
        js_sys::Array::of1(&self.lang().code().into())
    }

    /// A count or amount with the locale's grouping ("12,345").
    pub fn number(&self, n: f64) -> String {
        let format = js_sys::Intl::NumberFormat::new(&self.locales(), &js_sys::Object::new());
        format
            .format()
            .call1(&JsValue::UNDEFINED, &n.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// The time of day of `ms` (milliseconds since 1970) in the viewer's zone, as the locale
    /// writes it ("9:30 AM", "오전 9:30", "上午9:30").
    pub fn time_of_day(&self, ms: f64) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let format = js_sys::Intl::DateTimeFormat::new(&self.locales(), &options);
        format
            .format()
            .call1(&JsValue::UNDEFINED, &js_sys::Date::new(&ms.into()))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// A moment as the locale writes a weekday and 24-hour time ("Mon 09:00", "(월) 09:00",
    /// "週一 09:00"), with the month and day when `date` is set; on the wall clock of the
    /// time zone `zone` (an IANA name), or the viewer's when `None`.
    pub fn wall_time(&self, at: Timestamp, zone: Option<&str>, date: bool) -> String {
        let options = js_sys::Object::new();
        let mut fields =
            vec![("weekday", "short"), ("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")];
        if date {
            fields.extend([("month", "short"), ("day", "numeric")]);
        }
        fields.extend(zone.map(|zone| ("timeZone", zone)));
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&self.locales(), &options);
        let date = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
        format.format().call1(&JsValue::UNDEFINED, &date).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }

    /// The locale's name of a time zone ("Taipei Standard Time", "대만 표준시"), or its IANA
    /// name where the browser has none.
    pub fn zone_name(&self, zone: &str) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into());
        let _ = js_sys::Reflect::set(&options, &"timeZoneName".into(), &"long".into());
        let format = js_sys::Intl::DateTimeFormat::new(&self.locales(), &options);
        let parts = format.format_to_parts(&js_sys::Date::new_0());
        parts
            .iter()
            .find(|part| {
                js_sys::Reflect::get(part, &"type".into()).ok().and_then(|t| t.as_string()).as_deref()
                    == Some("timeZoneName")
            })
            .and_then(|part| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string())
            .unwrap_or_else(|| zone.to_string())
    }

    /// How long ago `ms_ago` milliseconds was, in the largest whole unit ("3 hours ago",
    /// "3시간 전", "3 小時前"; "now" under a minute).
    pub fn ago(&self, ms_ago: i64) -> String {
        let minutes = ms_ago.max(0) / 60_000;
        let (value, unit) = match minutes {
            // "now": a zero minute reads "this minute".
            0 => (0, "second"),
            m if m < 60 => (m, "minute"),
            m if m < 60 * 24 => (m / 60, "hour"),
            m if m < 60 * 24 * 30 => (m / (60 * 24), "day"),
            m => (m / (60 * 24 * 30), "month"),
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        js_sys::Intl::RelativeTimeFormat::new(&self.locales(), &options).format(-(value as f64), unit).into()
    }
}

pub fn provide_i18n(store: DeskStore) -> I18n {
    let browser_lang = Lang::from_preferred(browser::preferred_languages().iter().map(String::as_str));
    let lang = Memo::new(move |_| store.desk.with(|desk| desk.settings.language).unwrap_or(browser_lang));
    Effect::new(move |_| browser::set_document_lang(lang.get().code()));
    let i18n = I18n { lang, store };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context()
}
