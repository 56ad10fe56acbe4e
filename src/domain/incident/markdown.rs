//! Markdown to HTML for the printed postmortem: the part of Markdown the draft is written in
//! (headings `#` to `###`, paragraphs, `-` lists with `[x]`/`[ ]` boxes, `|` tables,
//! `**bold**`, `_emphasis_`, `` `code` `` and backslash escapes). Every piece of text is
//! escaped and the only markup is the fixed tags written here, none with attributes, so what
//! a user typed (`<script>`, `<img onerror=…>`, quotes) can only ever print as text.

/// The document as HTML, for an element's `innerHTML`.
pub fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    // The block being written: its closing tag, and for a paragraph whether it has a line.
    let mut open: Option<&str> = None;
    let lines: Vec<&str> = markdown.lines().collect();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at].trim_end();
        at += 1;
        let trimmed = line.trim_start();
        let heading = trimmed.chars().take_while(|&c| c == '#').count();
        if trimmed.is_empty() {
            close(&mut out, &mut open);
        } else if (1..=3).contains(&heading) && trimmed[heading..].starts_with(' ') {
            close(&mut out, &mut open);
            let (open_tag, close_tag) =
                [("<h1>", "</h1>"), ("<h2>", "</h2>"), ("<h3>", "</h3>")][heading - 1];
            out.push_str(open_tag);
            inline(&mut out, trimmed[heading..].trim());
            out.push_str(close_tag);
        } else if trimmed.starts_with('|') {
            close(&mut out, &mut open);
            // A header row is one followed by a `| --- |` line.
            let header = lines.get(at).is_some_and(|next| is_separator(next));
            out.push_str("<table>");
            row(&mut out, trimmed, if header { HEADER } else { CELL });
            if header {
                at += 1;
            }
            while let Some(next) = lines.get(at).map(|l| l.trim()).filter(|l| l.starts_with('|')) {
                if !is_separator(next) {
                    row(&mut out, next, CELL);
                }
                at += 1;
            }
            out.push_str("</table>");
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            if open != Some("</ul>") {
                close(&mut out, &mut open);
                out.push_str("<ul>");
                open = Some("</ul>");
            }
            out.push_str("<li>");
            let item = match item.get(..4) {
                Some("[x] " | "[X] ") => {
                    out.push_str("\u{2611} ");
                    &item[4..]
                }
                Some("[ ] ") => {
                    out.push_str("\u{2610} ");
                    &item[4..]
                }
                _ => item,
            };
            inline(&mut out, item);
            out.push_str("</li>");
        } else {
            if open == Some("</p>") {
                out.push_str("<br>");
            } else {
                close(&mut out, &mut open);
                out.push_str("<p>");
                open = Some("</p>");
            }
            inline(&mut out, trimmed);
        }
    }
    close(&mut out, &mut open);
    out
}

fn close(out: &mut String, open: &mut Option<&str>) {
    if let Some(tag) = open.take() {
        out.push_str(tag);
    }
}

/// `| --- | :-: |`: the line under a table's header.
fn is_separator(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

const HEADER: (&str, &str) = ("<th>", "</th>");
const CELL: (&str, &str) = ("<td>", "</td>");

/// One table row; cells are split at each `|` not escaped by a backslash.
fn row(out: &mut String, line: &str, (open, close): (&str, &str)) {
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in line.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                cells.push(&line[start..i]);
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    let last = &line[start..];
    if !last.trim().is_empty() {
        cells.push(last);
    }
    out.push_str("<tr>");
    for text in cells {
        out.push_str(open);
        inline(out, text.trim());
        out.push_str(close);
    }
    out.push_str("</tr>");
}

/// Inline text: escapes, `**bold**`, `_emphasis_` and `` `code` ``; a marker without its
/// closing partner is plain text.
fn inline(out: &mut String, text: &str) {
    let mut rest = text;
    let mut bold = false;
    let mut em = false;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            '\\' if after.starts_with(|n: char| n.is_ascii_punctuation()) => {
                let n = after.chars().next().unwrap_or_default();
                escape(out, n);
                rest = &after[n.len_utf8()..];
                continue;
            }
            '`' => {
                if let Some(end) = after.find('`') {
                    out.push_str("<code>");
                    after[..end].chars().for_each(|n| escape(out, n));
                    out.push_str("</code>");
                    rest = &after[end + 1..];
                    continue;
                }
            }
            '*' if after.starts_with('*') && (bold || after[1..].contains("**")) => {
                out.push_str(if bold { "</strong>" } else { "<strong>" });
                bold = !bold;
                rest = &after[1..];
                continue;
            }
            // Only at a word's edge, so snake_case names stay as written.
            '_' if (em && !after.starts_with(char::is_alphanumeric))
                || (!em && !out.ends_with(char::is_alphanumeric) && closes_emphasis(after)) =>
            {
                out.push_str(if em { "</em>" } else { "<em>" });
                em = !em;
                rest = after;
                continue;
            }
            _ => {}
        }
        escape(out, c);
        rest = after;
    }
    if em {
        out.push_str("</em>");
    }
    if bold {
        out.push_str("</strong>");
    }
}

/// Whether an `_` at a word's start has a partner at a word's end later on.
fn closes_emphasis(after: &str) -> bool {
    after.match_indices('_').any(|(i, _)| !after[i + 1..].starts_with(char::is_alphanumeric))
}

fn escape(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_lists_and_tables_become_their_tags() {
        let html = to_html(
            "# Postmortem: INC-3\n\n## Impact\n\n| Measure | Value |\n| --- | --- |\n| Cases | 4 |\n\n\
             - [x] Scope confirmed: Jun\n- [ ] Fix deployed\n\n### Notes\n_To be written._\nSecond **line** `x<y`\n",
        );
        assert_eq!(
            html,
            "<h1>Postmortem: INC-3</h1><h2>Impact</h2>\
             <table><tr><th>Measure</th><th>Value</th></tr><tr><td>Cases</td><td>4</td></tr></table>\
             <ul><li>\u{2611} Scope confirmed: Jun</li><li>\u{2610} Fix deployed</li></ul>\
             <h3>Notes</h3><p><em>To be written.</em><br>Second <strong>line</strong> <code>x&lt;y</code></p>"
        );
    }

    #[test]
    fn escaped_markup_prints_as_the_character_and_pipes_stay_inside_their_cell() {
        assert_eq!(
            to_html("| Pay \\| fails | Checkout \\<down\\> \\#1 |"),
            "<table><tr><td>Pay | fails</td><td>Checkout &lt;down&gt; #1</td></tr></table>"
        );
        assert_eq!(
            to_html("#### four\nsnake_case_name and a ** alone"),
            "<p>#### four<br>snake_case_name and a ** alone</p>"
        );
    }

    #[test]
    fn hostile_text_comes_out_inert() {
        let hostile = "# <script>alert(1)</script>\n\n<img src=x onerror=\"alert('x')\">\n\n\
                       | {{me}} | `<b onclick=x>` |\n| --- | --- |\n- **<iframe>** _\"q\"_";
        let html = to_html(hostile);
        assert_eq!(
            html,
            "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\
             <p>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</p>\
             <table><tr><th>{{me}}</th><th><code>&lt;b onclick=x&gt;</code></th></tr></table>\
             <ul><li><strong>&lt;iframe&gt;</strong> <em>&quot;q&quot;</em></li></ul>"
        );
        // No tag but the renderer's own, and none with an attribute.
        for tag in html.split('<').skip(1) {
            let name = tag.split('>').next().unwrap_or_default().trim_start_matches('/');
            assert!(
                ["h1", "h2", "h3", "p", "br", "ul", "li", "table", "tr", "th", "td", "strong", "em", "code"]
                    .contains(&name),
                "unexpected tag {name:?} in {html}"
            );
        }
    }

    #[test]
    fn the_compiled_postmortem_has_no_raw_markdown_left() {
        use crate::domain::case::CaseId;
        use crate::domain::incident::{plan::PlanTemplate, Incident};
        use chrono::{TimeZone, Utc};
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let mut incident =
            Incident::promote("INC-1".into(), "Pay | <down>", "g", vec![CaseId("c".into())], "Mina", at);
        incident.start_plan(&PlanTemplate::default(), "Mina", at);
        let html = to_html(&crate::domain::incident::postmortem::postmortem(
            &incident,
            &[],
            "UTC",
            crate::i18n::Lang::En,
            at,
        ));
        assert!(html.contains("<table><tr><th>Measure</th><th>Value</th></tr>"), "{html}");
        assert!(html.contains("<h1>Postmortem: INC-1 Pay | &lt;down&gt;</h1>"), "{html}");
        for raw in ["| ---", "|  |", "# ", "\\", "- [", "**"] {
            assert!(!html.contains(raw), "{raw:?} left in {html}");
        }
    }
}
