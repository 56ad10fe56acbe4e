//! The words the desk shows, in English, Korean and Traditional Chinese (Taiwan).
//!
//! One table, checked by the compiler: every row of `texts.rs` names a [`Text`] and gives it
//! in all three languages (a row with a language missing does not compile), and `{name}`
//! placeholders are filled by [`fill`]. Pure, so the domain can name its messages as a
//! [`Message`] (a text and its arguments) and the page shows them in the reader's language,
//! while files the desk writes (CSV, JSON) keep English. Chosen over `leptos_i18n` 0.6 on
//! size: the header's 15 texts in three languages cost 1.0 KB brotli this way and 14.2 KB
//! through that crate (its ICU locale and plural data, leptos-use, leptos_meta), which also
//! cannot serve the domain.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares [`Text`] and one array of strings per language, in row order.
macro_rules! texts {
    ($($key:ident => $en:literal, $ko:literal, $zh_tw:literal;)+) => {
        /// A piece of UI text; [`tr`] gives it in a language.
        // The variant names stay out of the download: the page never prints a text's name.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(Debug))]
        pub enum Text { $($key),+ }

        // In the browser a text prints as its row number: the names of 600 rows would cost
        // the download about 4 KB for output nobody reads there.
        #[cfg(target_arch = "wasm32")]
        impl std::fmt::Debug for Text {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "Text({})", *self as usize)
            }
        }

        impl Text {
            /// Every text, in table order (for the table's own checks).
            pub const ALL: &'static [Text] = &[$(Text::$key),+];
        }

        /// Indexed by `Lang as usize`, then `Text as usize`.
        pub(super) static TABLE: [&[&str]; 3] = [&[$($en),+], &[$($ko),+], &[$($zh_tw),+]];
    };
}

mod texts;

pub use texts::Text;

/// A language the desk speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ko")]
    Ko,
    #[serde(rename = "zh-TW")]
    ZhTw,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ko, Lang::ZhTw];

    /// The BCP 47 tag, for `<html lang>`, `Intl` and the stored settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// The language's name in itself, so a reader finds it whatever is shown now.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::ZhTw => "繁體中文",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language for a first visit, from the browser's preferred languages in order: the
    /// first one the desk speaks wins. Simplified Chinese is not Traditional, so `zh-CN` is
    /// passed over; nothing known means English.
    pub fn from_preferred<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or(Lang::En)
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split('-').next().unwrap_or_default();
        match primary {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            "zh" if tag == "zh-tw" || tag == "zh-hk" || tag.starts_with("zh-hant") => Some(Lang::ZhTw),
            _ => None,
        }
    }
}

/// `text` in `lang`.
pub fn tr(lang: Lang, text: Text) -> &'static str {
    texts::TABLE[lang as usize][text as usize]
}

/// `template` with each `{name}` replaced by its value in `args`; a name without a value is
/// left as it is, so a mistake shows instead of vanishing.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            args.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parts of `template` before and after `{name}`, for a sentence with an element (a
/// link, a code span) in the middle; without the placeholder, all of it comes first.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    template.split_once(&placeholder).unwrap_or((template, ""))
}

/// A message from the domain: a text and the values of its placeholders, shown in the
/// reader's language by the page and in English where it is written to a file or a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: Text,
    pub args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value: as given (a number, a name from a file) or a message of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Plain(String),
    Message(Message),
}

impl Message {
    pub fn new(text: Text) -> Message {
        Message { text, args: Vec::new() }
    }

    /// Text made elsewhere (already in the reader's language), passed through as it is.
    pub fn verbatim(text: impl fmt::Display) -> Message {
        Message::new(Text::Verbatim).arg("text", text)
    }

    /// Adds the value of `{name}`.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((name, Arg::Plain(value.to_string())));
        self
    }

    /// Adds a `{name}` whose value is itself a message, shown in the same language.
    pub fn arg_message(mut self, name: &'static str, message: Message) -> Message {
        self.args.push((name, Arg::Message(message)));
        self
    }

    pub fn arg_text(self, name: &'static str, text: Text) -> Message {
        self.arg_message(name, Message::new(text))
    }

    pub fn in_lang(&self, lang: Lang) -> String {
        let nested: Vec<String> = self
            .args
            .iter()
            .map(|(_, arg)| match arg {
                Arg::Plain(_) => String::new(),
                Arg::Message(message) => message.in_lang(lang),
            })
            .collect();
        let values: Vec<(&str, &str)> = self
            .args
            .iter()
            .zip(&nested)
            .map(|((name, arg), nested)| match arg {
                Arg::Plain(value) => (*name, value.as_str()),
                Arg::Message(_) => (*name, nested.as_str()),
            })
            .collect();
        fill(tr(lang, self.text), &values)
    }
}

impl From<Text> for Message {
    fn from(text: Text) -> Message {
        Message::new(text)
    }
}

/// English, as files and logs keep it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

#[cfg(test)]
mod tests;
