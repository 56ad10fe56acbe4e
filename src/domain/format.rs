//! Text for people written without the standard library's heavier formatters: each of these
//! would otherwise bring a table or a formatter into the download for a line or two.

/// `text` with its first letter in capitals ("line 3" opens a sentence as "Line 3"). ASCII
/// only: the app's English starts with ASCII letters and Hangul and Han have no case, and
/// `char::to_uppercase` would add core's Unicode upper-case table (3.7 KB brotli).
pub fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_open_ascii_sentences_and_leave_other_scripts_alone() {
        for text in ["line 3", "as of 09:00", "", "3 cases", "결제 오류", "付款失敗", "Already"] {
            let mut chars = text.chars();
            let unicode: String =
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            assert_eq!(capitalised(text), unicode, "{text}");
        }
    }
}
