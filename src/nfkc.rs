//! NFKC normalisation, so full-width, compatibility and decomposed forms compare alike.
//!
//! In the browser this is the engine's own `String.prototype.normalize("NFKC")`: the Unicode
//! tables of a Rust normaliser would be about 110 KB of the wasm download (43 KB brotli).
//! Native builds (tests, benchmarks) use the unicode-normalization crate, the same algorithm.

use std::borrow::Cow;

/// `text` in NFKC; borrowed when it is already (checked cheaply first, as most text is).
pub fn nfkc(text: &str) -> Cow<'_, str> {
    if text.chars().all(stays_in_nfkc) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(platform::nfkc(text))
    }
}

/// Calls `each` with the characters of the NFKC form of `c` alone.
pub fn for_each_nfkc(c: char, each: impl FnMut(char)) {
    if stays_in_nfkc(c) {
        [c].into_iter().for_each(each);
    } else {
        platform::for_each_nfkc(c, each);
    }
}

/// Characters that are NFKC and, whatever surrounds them, stay unchanged in NFKC: most of the
/// text typed in Latin, Hangul, Han and Kana. Anything else (combining marks, full-width
/// forms, jamo, ...) goes to the full normaliser.
fn stays_in_nfkc(c: char) -> bool {
    matches!(c,
        '\0'..='\u{7F}'               // ASCII
        | '\u{C0}'..='\u{FF}'         // Latin-1 letters: precomposed, no compatibility form
        | '\u{3041}'..='\u{3096}'     // Hiragana
        | '\u{30A1}'..='\u{30FC}'     // Katakana
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{AC00}'..='\u{D7A3}'     // Hangul syllables
    )
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

    pub fn nfkc(text: &str) -> String {
        if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            text.to_string()
        } else {
            text.nfkc().collect()
        }
    }

    pub fn for_each_nfkc(c: char, each: impl FnMut(char)) {
        std::iter::once(c).nfkc().for_each(each);
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use std::cell::RefCell;
    use std::collections::HashMap;

    pub fn nfkc(text: &str) -> String {
        js_sys::JsString::from(text).normalize("NFKC").into()
    }

    thread_local! {
        /// Folded characters by character: text uses few distinct ones, and each crossing
        /// into JavaScript costs far more than a lookup.
        static FOLDED: RefCell<HashMap<char, Box<str>>> = RefCell::new(HashMap::new());
    }

    pub fn for_each_nfkc(c: char, each: impl FnMut(char)) {
        FOLDED.with_borrow_mut(|folded| {
            folded.entry(c).or_insert_with(|| nfkc(c.encode_utf8(&mut [0; 4])).into()).chars().for_each(each)
        });
    }
}

// The reference tables exist only natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn the_fast_path_only_skips_characters_nfkc_leaves_alone() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| stays_in_nfkc(c)) {
            assert_eq!(std::iter::once(c).nfkc().collect::<String>(), c.to_string(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_compatibility_and_decomposed_forms() {
        assert_eq!(nfkc("ＡＢＣ１２３"), "ABC123");
        assert_eq!(nfkc("ｶﾞ"), "ガ");
        assert_eq!(nfkc("e\u{301}"), "é");
        assert!(matches!(nfkc("결제 오류 支付失败 café"), Cow::Borrowed(_)));
        let mut folded = String::new();
        for_each_nfkc('ﬁ', |c| folded.push(c));
        assert_eq!(folded, "fi");
    }
}
