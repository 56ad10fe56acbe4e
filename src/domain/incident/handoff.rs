//! The engineering hand-off for a case or an incident: everything an engineer needs, as a
//! Markdown issue body (GitHub, GitLab), Jira wiki markup, or plain text.
//!
//! The content is built once as blocks; each format writes the blocks with its own escaping,
//! so text from cases (HTML, `{{`, `|`, `*`, `[`, `{noformat}`) is shown as written and never
//! read as markup.

use super::templates::zoned;
use super::{radius_of, CaseFacts, Incident};
use crate::domain::case::{Case, Event, Tier, Timestamp};
use crate::domain::sla::TargetState;
use crate::domain::sort;
use crate::zone::Zone;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Jira,
    Plain,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Jira, Format::Plain];

    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown (GitHub, GitLab)",
            Format::Jira => "Jira wiki markup",
            Format::Plain => "Plain text",
        }
    }

    /// The file name ending for a download.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Jira => "jira.txt",
            Format::Plain => "txt",
        }
    }
}

/// What the hand-off is compiled from.
pub struct HandoffInput<'a> {
    /// The incident, for an incident's hand-off; None for one case's.
    pub incident: Option<&'a Incident>,
    /// For a case: the case first, then the cases linked to it. For an incident: its cases.
    /// Each with its score and SLA states.
    pub cases: Vec<CaseFacts<'a>>,
    /// The words the cases share (their group's top terms).
    pub shared_words: Vec<String>,
    /// What engineering is asked to do.
    pub ask: String,
    pub due: Option<Timestamp>,
    /// The desk's IANA zone, shown beside UTC.
    pub zone: String,
    pub now: Timestamp,
}

/// One piece of the document, in no format yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Title(String),
    Heading(String),
    Subheading(String),
    Para(String),
    /// Label and value lines.
    Fields(Vec<(String, String)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Text kept exactly as typed, lines and all.
    Pre(String),
}

/// The hand-off as text in `format`.
pub fn handoff(input: &HandoffInput, format: Format) -> String {
    write(&blocks(input), format)
}

/// The hand-off's content.
pub fn blocks(input: &HandoffInput) -> Vec<Block> {
    let zone = Zone::parse(&input.zone);
    let both = |at: Timestamp| match &zone {
        Some(zone) if zone.name() != "UTC" => {
            format!("{} / {} {}", zoned(at, None), zoned(at, Some(zone)), zone.name())
        }
        _ => zoned(at, None),
    };
    let cases: Vec<&Case> = input.cases.iter().map(|facts| facts.case).collect();
    let radius = radius_of(cases.iter().copied());
    let symptom = input
        .incident
        .map_or_else(|| cases.first().map_or(String::new(), |c| c.title.clone()), |i| i.title.clone());
    let place = input
        .incident
        .and_then(|incident| incident.surfaces.first().cloned())
        .or_else(|| cases.iter().map(|case| case.category.trim()).find(|c| !c.is_empty()).map(str::to_string))
        .or_else(|| radius.surfaces.first().map(|surface| surface.label().to_string()))
        .unwrap_or_else(|| "Unsorted".into());
    let mut out = vec![Block::Title(format!("[{place}] {symptom}"))];

    let mut summary = Vec::new();
    if let Some(incident) = input.incident {
        summary.push((
            "Incident".into(),
            format!("{} ({}, impact {})", incident.id, incident.status, incident.impact),
        ));
    }
    let top = input
        .cases
        .iter()
        .filter_map(|facts| facts.score.map(|score| (score, facts.case)))
        .max_by_key(|((score, priority), _)| (std::cmp::Reverse(*priority), score.total));
    if let Some(((score, priority), case)) = top {
        let factors: Vec<String> = score
            .points
            .iter()
            .filter(|(_, points)| *points > 0)
            .map(|(factor, points)| format!("{} {points}", factor.label()))
            .collect();
        let whose = if input.incident.is_some() { format!(" (highest: {})", case.id) } else { String::new() };
        summary.push((
            "Priority".into(),
            format!("{priority}, score {}{whose}: {}", score.total, factors.join(", ")),
        ));
    }
    let named = |tier: Tier| {
        let mut names: Vec<&str> = cases
            .iter()
            .filter(|c| c.tier == tier && !c.customer.trim().is_empty())
            .map(|c| c.customer.trim())
            .collect();
        sort::sort(&mut names);
        names.dedup();
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    };
    let surfaces: Vec<String> = match input.incident {
        Some(incident) if !incident.surfaces.is_empty() => incident.surfaces.clone(),
        _ => radius.surfaces.iter().map(|s| s.label().to_string()).collect(),
    };
    summary.extend([
        ("Cases".into(), radius.cases.to_string()),
        ("Customers".into(), radius.customers.len().to_string()),
        ("Enterprise accounts".into(), named(Tier::Enterprise)),
        ("Premium accounts".into(), named(Tier::Premium)),
        ("People affected".into(), radius.customers_affected.to_string()),
        ("Tiers".into(), radius.tiers.iter().map(|t| t.label()).collect::<Vec<_>>().join(", ")),
        ("Surfaces".into(), surfaces.join(", ")),
    ]);
    if let (Some(first), Some(last)) =
        (cases.iter().map(|c| c.created_at).min(), cases.iter().map(|c| c.created_at).max())
    {
        summary.push(("First seen".into(), both(first)));
        summary.push(("Last seen".into(), both(last)));
    }
    summary.push(("SLA".into(), sla_summary(&input.cases)));
    out.push(Block::Heading("Summary".into()));
    out.push(Block::Fields(summary));

    let detailed: Vec<&Case> = cases.iter().copied().filter(|case| !case.engineering.is_empty()).collect();
    if !detailed.is_empty() {
        out.push(Block::Heading("Reproduction".into()));
        for case in detailed {
            if input.incident.is_some() || cases.len() > 1 {
                out.push(Block::Subheading(format!("{} {}", case_ref(case), case.title)));
            }
            let details = &case.engineering;
            for (label, text) in [
                ("Steps to reproduce", &details.steps),
                ("Expected result", &details.expected),
                ("Actual result", &details.actual),
            ] {
                if !text.trim().is_empty() {
                    out.push(Block::Para(format!("{label}:")));
                    out.push(Block::Pre(text.trim_end().to_string()));
                }
            }
            let fields: Vec<(String, String)> = [
                ("App version", &details.app_version),
                ("Platform", &details.platform),
                ("Browser", &details.browser),
                ("Order or account ids", &details.ids),
            ]
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(label, value)| (label.to_string(), value.trim().to_string()))
            .collect();
            if !fields.is_empty() {
                out.push(Block::Fields(fields));
            }
            if !details.tried.trim().is_empty() {
                out.push(Block::Para("Already tried:".into()));
                out.push(Block::Pre(details.tried.trim_end().to_string()));
            }
        }
    }

    out.push(Block::Heading("Linked cases".into()));
    out.push(Block::Table {
        head: ["External id", "Case", "Title", "Customer", "Tier", "Status", "Priority", "SLA"]
            .map(String::from)
            .to_vec(),
        rows: input
            .cases
            .iter()
            .map(|facts| {
                let case = facts.case;
                vec![
                    if case.external_id.is_empty() { "-".into() } else { case.external_id.clone() },
                    case.id.0.clone(),
                    case.title.clone(),
                    case.customer.clone(),
                    case.tier.label().into(),
                    case.status.label().into(),
                    facts
                        .score
                        .map_or("-".into(), |(score, priority)| format!("{priority} ({})", score.total)),
                    worst_sla(facts),
                ]
            })
            .collect(),
    });
    if !input.shared_words.is_empty() {
        out.push(Block::Heading("Shared words".into()));
        out.push(Block::Para(input.shared_words.join(", ")));
    }

    // A second time column only where the desk's zone is not UTC.
    let local = zone.as_ref().filter(|zone| zone.name() != "UTC");
    let mut rows: Vec<(Timestamp, Vec<String>)> = match input.incident {
        Some(incident) => incident
            .timeline
            .iter()
            .map(|entry| (entry.at, vec![entry.author.clone(), entry.event.describe()]))
            .collect(),
        None => cases
            .iter()
            .flat_map(|case| {
                case.timeline
                    .iter()
                    .map(move |entry| (entry.at, vec![entry.author.clone(), case_event_text(&entry.event)]))
            })
            .collect(),
    };
    sort::sort_by_key(&mut rows, |(at, _)| *at);
    out.push(Block::Heading("Timeline".into()));
    out.push(Block::Table {
        head: ["UTC".to_string()]
            .into_iter()
            .chain(local.map(|z| z.name().to_string()))
            .chain(["Who".into(), "What".into()])
            .collect(),
        rows: rows
            .into_iter()
            .map(|(at, rest)| {
                [zoned(at, None)].into_iter().chain(local.map(|z| zoned(at, Some(z)))).chain(rest).collect()
            })
            .collect(),
    });

    out.push(Block::Heading("Ask".into()));
    let ask = input.ask.trim();
    out.push(Block::Para(if ask.is_empty() {
        "Please find the cause and tell us the fix plan.".into()
    } else {
        ask.into()
    }));
    if let Some(due) = input.due {
        out.push(Block::Fields(vec![("Due".into(), both(due))]));
    }
    out.push(Block::Para(format!("Compiled {} by Triage Desk.", zoned(input.now, None))));
    out
}

fn case_ref(case: &Case) -> String {
    if case.external_id.is_empty() {
        case.id.0.clone()
    } else {
        format!("{} ({})", case.external_id, case.id)
    }
}

fn worst_sla(facts: &CaseFacts) -> String {
    let order = |state: TargetState| match state {
        TargetState::Breached => 0,
        TargetState::AtRisk => 1,
        TargetState::OnTrack => 2,
        TargetState::Paused => 3,
        TargetState::Met => 4,
        TargetState::NotApplicable => 5,
    };
    facts
        .sla
        .iter()
        .filter(|(_, status)| status.state != TargetState::NotApplicable)
        .min_by_key(|(_, status)| order(status.state))
        .map_or("-".into(), |(target, status)| format!("{}: {}", target.label(), status.describe()))
}

fn sla_summary(cases: &[CaseFacts]) -> String {
    let count =
        |state: TargetState| cases.iter().filter(|f| f.sla.iter().any(|(_, s)| s.state == state)).count();
    let cases_word = |n: usize| if n == 1 { "1 case".to_string() } else { format!("{n} cases") };
    format!(
        "{} with a target breached, {} at risk",
        cases_word(count(TargetState::Breached)),
        cases_word(count(TargetState::AtRisk))
    )
}

/// A case's timeline entry in English (the hand-off is for engineers): other cases by id,
/// times in UTC like the timeline's first column.
fn case_event_text(event: &Event) -> String {
    event.describe(&|id| id.0.clone(), &|at| zoned(at, None)).1.to_string()
}

/// Writes blocks in a format.
pub fn write(blocks: &[Block], format: Format) -> String {
    let mut out = String::new();
    for block in blocks {
        let text = match format {
            Format::Markdown => markdown(block),
            Format::Jira => jira(block),
            Format::Plain => plain(block),
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One line of text: line breaks become spaces and control characters go, so a value can
/// never start a new block (a heading, a list, a table row) in any format.
fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as Markdown shows it: every character Markdown (or HTML inside it) could read as
/// markup is backslash-escaped.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what Markdown reads as markup only at the start of a line: a list item (`-`,
/// `+`, `1.`, `1)`), a thematic break or setext underline (`=`).
fn markdown_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        Some('-' | '+' | '=') if digits == 0 => format!("\\{line}"),
        _ => line.to_string(),
    }
}

fn markdown(block: &Block) -> String {
    match block {
        Block::Title(text) => format!("# {}", markdown_inline(text)),
        Block::Heading(text) => format!("## {}", markdown_inline(text)),
        Block::Subheading(text) => format!("### {}", markdown_inline(text)),
        Block::Para(text) => markdown_line_start(&markdown_inline(text)),
        Block::Fields(fields) => fields
            .iter()
            .map(|(label, value)| format!("- **{}:** {}", markdown_inline(label), markdown_inline(value)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { head, rows } => {
            let row = |cells: &[String]| {
                format!("| {} |", cells.iter().map(|c| markdown_inline(c)).collect::<Vec<_>>().join(" | "))
            };
            let rule = format!("|{}", " --- |".repeat(head.len()));
            std::iter::once(row(head))
                .chain([rule])
                .chain(rows.iter().map(|r| row(r)))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Pre(text) => {
            // A fence longer than any run of backticks inside cannot be closed by the text.
            let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            format!("{fence}text\n{text}\n{fence}")
        }
    }
}

fn jira_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '{' | '}' | '[' | ']' | '|' | '!' | '~' | '^' | '+' | '-' | '#' | '?'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Jira reads `h1.` to `h6.` and `bq.` at the start of a line as a heading or a quote; an
/// entity for the first letter keeps it text.
fn jira_line_start(line: &str) -> String {
    let mut chars = line.chars();
    let first = chars.next();
    let rest = chars.as_str();
    let block_tag = match first {
        Some('h') => {
            rest.len() >= 2 && matches!(rest.as_bytes()[0], b'1'..=b'6') && rest.as_bytes()[1] == b'.'
        }
        Some('b') => rest.starts_with("q."),
        _ => false,
    };
    match first {
        Some(letter) if block_tag => format!("&#{};{rest}", u32::from(letter)),
        _ => line.to_string(),
    }
}

fn jira(block: &Block) -> String {
    match block {
        Block::Title(text) => format!("h1. {}", jira_inline(text)),
        Block::Heading(text) => format!("h2. {}", jira_inline(text)),
        Block::Subheading(text) => format!("h3. {}", jira_inline(text)),
        Block::Para(text) => jira_line_start(&jira_inline(text)),
        Block::Fields(fields) => fields
            .iter()
            .map(|(label, value)| format!("* *{}:* {}", jira_inline(label), jira_inline(value)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { head, rows } => {
            let cells = |cells: &[String]| {
                cells
                    .iter()
                    .map(|c| match jira_inline(c) {
                        e if e.is_empty() => " ".into(),
                        e => e,
                    })
                    .collect::<Vec<_>>()
            };
            let head = format!("||{}||", cells(head).join("||"));
            std::iter::once(head)
                .chain(rows.iter().map(|r| format!("|{}|", cells(r).join("|"))))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Pre(text) => {
            // Nothing escapes inside {noformat}; only its own closing tag could end it early.
            let inert = replace_ignoring_case(text, "{noformat", "{ noformat");
            format!("{{noformat}}\n{inert}\n{{noformat}}")
        }
    }
}

fn replace_ignoring_case(text: &str, from: &str, to: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(at) = lower[rest..].find(from).map(|at| rest + at) {
        out.push_str(&text[rest..at]);
        out.push_str(to);
        rest = at + from.len();
    }
    out.push_str(&text[rest..]);
    out
}

fn plain(block: &Block) -> String {
    match block {
        Block::Title(text) => {
            let text = one_line(text);
            format!("{text}\n{}", "=".repeat(text.chars().count().min(72)))
        }
        Block::Heading(text) => {
            let text = one_line(text);
            format!("{text}\n{}", "-".repeat(text.chars().count().min(72)))
        }
        Block::Subheading(text) => one_line(text),
        Block::Para(text) => one_line(text),
        Block::Fields(fields) => fields
            .iter()
            .map(|(label, value)| format!("{}: {}", one_line(label), one_line(value)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { head, rows } => {
            let line = |cells: &[String]| cells.iter().map(|c| one_line(c)).collect::<Vec<_>>().join(" | ");
            std::iter::once(line(head)).chain(rows.iter().map(|r| line(r))).collect::<Vec<_>>().join("\n")
        }
        Block::Pre(text) => text.lines().map(|line| format!("    {line}")).collect::<Vec<_>>().join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_is_escaped_in_each_format() {
        let hostile = "<script>alert(1)</script> *bold* [x](y) |a| {noformat} {{me}}\n# heading";
        assert_eq!(
            markdown_inline(hostile),
            "\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](y) \\|a\\| {noformat} {{me}} \\# heading"
        );
        assert_eq!(
            jira_inline(hostile),
            "<script>alert(1)</script> \\*bold\\* \\[x\\](y) \\|a\\| \\{noformat\\} \\{\\{me\\}\\} \\# heading"
        );
        assert_eq!(one_line("a\r\nb\tc\u{7}"), "a b c");
    }

    #[test]
    fn a_paragraph_cannot_start_a_list_heading_or_quote() {
        let para = |text: &str| Block::Para(text.into());
        assert_eq!(markdown(&para("- x")), "\\- x");
        assert_eq!(markdown(&para("12. y")), "12\\. y");
        assert_eq!(markdown(&para("2026 was fine")), "2026 was fine");
        assert_eq!(jira(&para("h1. big")), "&#104;1. big");
        assert_eq!(jira(&para("bq. quoted")), "&#98;q. quoted");
        assert_eq!(jira(&para("hello. there")), "hello. there");
    }

    #[test]
    fn preformatted_text_cannot_close_its_own_block() {
        let text = "```\n{noformat}\n{NOFORMAT:x}";
        assert_eq!(markdown(&Block::Pre(text.into())), format!("````text\n{text}\n````"));
        assert_eq!(jira(&Block::Pre(text.into())), "{noformat}\n```\n{ noformat}\n{ noformat:x}\n{noformat}");
    }
}
