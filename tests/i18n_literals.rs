//! No English left in a view outside the text table (`src/i18n/texts.rs`): scans the string
//! literals inside every `view!` under `src/ui/` for ones a user would read (text children,
//! shown attributes such as `aria-label`, `title`, `placeholder`, `alt`, a field's `label`,
//! and `format!` strings given to them), except in the files still waiting to be converted.
//! And no row of the table is left that nothing uses: each costs the download all three
//! languages.

use std::fs;
use std::path::{Path, PathBuf};

/// Files and folders (under `src/ui/`) not converted yet; each goes from this list once its
/// strings are in the table, until the list is empty.
const NOT_CONVERTED_YET: &[&str] = &[];

/// Names that stay as they are in every language: the product and its mark.
const NAMES: &[&str] = &["Triage Desk", "TD"];

/// Attributes (and component props) whose value is read by people or screen readers.
const SHOWN_ATTRIBUTES: &[&str] =
    &["aria-label", "title", "placeholder", "alt", "label", "empty", "aria-description"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A string literal: where it starts in the source and its text with escapes left as written.
struct Literal {
    start: usize,
    text: String,
}

/// The string literals of `source` outside comments, and where each `view!` body spans.
fn lex(source: &str) -> (Vec<Literal>, Vec<(usize, usize)>) {
    let bytes = source.as_bytes();
    let mut literals = Vec::new();
    let mut views = Vec::new();
    let mut open_views: Vec<usize> = Vec::new(); // brace depth at which each open view! began
    let mut depth = 0usize;
    let mut view_pending = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |end| end + 2);
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            let end = rest[body..].find(&close).map_or(rest.len(), |e| body + e);
            literals.push(Literal { start: i, text: rest[body..end].to_string() });
            i += end + close.len();
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            literals.push(Literal { start: i, text: source[i + 1..j].to_string() });
            i = j + 1;
        } else if bytes[i] == b'\'' {
            // A char literal ('x', '\n', '"'), or a lifetime ('static), which has no closing quote.
            let close = if rest[1..].starts_with('\\') {
                rest[3..].find('\'').map(|e| e + 3)
            } else {
                rest[1..].char_indices().nth(1).filter(|&(_, c)| c == '\'').map(|(at, _)| at + 1)
            };
            i += close.map_or(1, |end| end + 1);
        } else if rest.starts_with("view!") {
            view_pending = true;
            i += 5;
        } else if bytes[i] == b'{' {
            depth += 1;
            if std::mem::take(&mut view_pending) {
                open_views.push(depth);
                views.push((i, source.len()));
            }
            i += 1;
        } else if bytes[i] == b'}' {
            if open_views.last() == Some(&depth) {
                open_views.pop();
                if let Some(view) = views.iter_mut().rev().find(|v| v.1 == source.len()) {
                    view.1 = i;
                }
            }
            depth = depth.saturating_sub(1);
            i += 1;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    (literals, views)
}

/// The attribute a literal is the value of (`name="…"`, `name=format!("…"`, with or without
/// `move ||`), if it is one.
fn attribute_before(before: &str) -> Option<&str> {
    let mut rest = before.trim_end();
    rest = rest.strip_suffix("format!(").unwrap_or(rest).trim_end();
    if let Some(without) = rest.strip_suffix("||") {
        rest = without.trim_end().strip_suffix("move").unwrap_or(without).trim_end();
    }
    let rest = rest.strip_suffix('=')?;
    let start = rest.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))? + 1;
    Some(&rest[start..]).filter(|name| !name.is_empty())
}

/// Whether text reads as words for people: with `{…}` placeholders and escapes taken out, a
/// capitalised word or two words in a row. Keys, class names and placeholder names are
/// single lower-case words.
fn reads_as_words(text: &str) -> bool {
    let mut plain = String::new();
    let mut skipping = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => skipping = true,
            '}' => skipping = false,
            '\\' => {
                if chars.next() == Some('u') {
                    chars.by_ref().take_while(|&c| c != '}').for_each(drop);
                }
                plain.push(' ');
            }
            _ if !skipping => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split(|c: char| !c.is_ascii_alphabetic()).collect();
    let capitalised = words.iter().any(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()));
    let two_in_a_row = plain
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == b' ' && w[2].is_ascii_alphabetic());
    capitalised || two_in_a_row
}

/// English a user would read in the views of `source`, as (line, text).
fn shown_english(source: &str) -> Vec<(usize, String)> {
    let (literals, views) = lex(source);
    literals
        .into_iter()
        .filter(|literal| views.iter().any(|&(start, end)| start < literal.start && literal.start < end))
        .filter(|literal| !NAMES.contains(&literal.text.as_str()))
        .filter(|literal| match attribute_before(&source[..literal.start]) {
            Some(name) => SHOWN_ATTRIBUTES.contains(&name) && reads_as_words(&literal.text),
            None => reads_as_words(&literal.text),
        })
        .map(|literal| (source[..literal.start].lines().count(), literal.text))
        .collect()
}

#[test]
fn no_english_is_left_in_converted_views() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut found = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&ui).unwrap().to_string_lossy().replace('\\', "/");
        if NOT_CONVERTED_YET.iter().any(|skip| relative.starts_with(skip)) {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        found.extend(
            shown_english(&source)
                .into_iter()
                .map(|(line, text)| format!("src/ui/{relative}:{line}: {text:?}")),
        );
    }
    assert!(
        found.is_empty(),
        "English outside the text table (add a row to src/i18n/texts.rs):\n{}",
        found.join("\n")
    );
}

/// The source without `//` comments, so a row named only in a comment counts as unused.
fn without_comments(source: &str) -> String {
    source.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The identifiers in `code`.
fn idents(code: &str) -> impl Iterator<Item = &str> {
    code.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|word| !word.is_empty())
}

/// The rows `source` uses: `Text::Name`, and the bare labels `choice_enum!(…)` turns into
/// `Text::$label`.
fn rows_used(source: &str, used: &mut std::collections::BTreeSet<String>) {
    let code = without_comments(source);
    for (at, _) in code.match_indices("Text::") {
        used.extend(idents(&code[at + 6..]).next().map(str::to_string));
    }
    for (at, _) in code.match_indices("choice_enum!(") {
        let body = &code[at..];
        used.extend(idents(&body[..body.find(");").unwrap_or(body.len())]).map(str::to_string));
    }
}

#[test]
fn every_row_of_the_table_is_used() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let table = fs::read_to_string(src.join("i18n/texts.rs")).unwrap();
    let rows: Vec<&str> = table
        .lines()
        .filter_map(|line| line.strip_prefix("    ")?.split_once(" => ").map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect();
    assert!(rows.len() > 100, "the table's rows were not found");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut used = std::collections::BTreeSet::new();
    for path in files {
        // The table itself, and its tests' lists of rows allowed to read like English.
        if path.ends_with("i18n/texts.rs") || path.ends_with("i18n/tests.rs") {
            continue;
        }
        rows_used(&fs::read_to_string(&path).unwrap(), &mut used);
    }
    let unused: Vec<&str> = rows.into_iter().filter(|row| !used.contains(*row)).collect();
    assert!(
        unused.is_empty(),
        "rows of src/i18n/texts.rs nothing uses (delete them):\n{}",
        unused.join("\n")
    );
}

#[test]
fn the_unused_row_scan_reads_paths_and_choice_macros() {
    let mut used = std::collections::BTreeSet::new();
    rows_used(
        "let a = i18n.t(Text::Close); // Text::Commented\nchoice_enum!(Tier { Free => \"free\", TierFree });",
        &mut used,
    );
    assert!(used.contains("Close") && used.contains("TierFree"), "{used:?}");
    assert!(!used.contains("Commented"), "{used:?}");
}

#[test]
fn the_allow_list_names_files_that_exist() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    for entry in NOT_CONVERTED_YET {
        assert!(ui.join(entry).exists(), "{entry} is gone: take it off the list");
    }
}

#[test]
fn the_scan_finds_what_a_user_reads_and_passes_the_rest() {
    let source = r##"
        fn page() -> impl IntoView {
            let key = "Not in a view";
            view! {
                <p class="muted small" id="x">"Saved"</p>
                <button aria-label=format!("Link {}", title) title=move || i18n.t(Text::Link)>{i18n.t(Text::Close)}</button>
                <input placeholder="Type a title" aria-describedby=format!("{id}-message {id}-elsewhere") />
                // "A comment" is not shown
                {move || if linked { "Linked" } else { "link" }}
                <td>{format!("{} %", percent)}</td>
                <span>" · " {i18n.fill(Text::UseColumnAs, &[("name", &name)])}</span>
                <a class=format!("status incident-{}", key) href="#/">"\u{2190} " {x}</a>
            }
        }
    "##;
    let found: Vec<String> = shown_english(source).into_iter().map(|(_, text)| text).collect();
    assert_eq!(found, ["Saved", "Link {}", "Type a title", "Linked"]);
}
