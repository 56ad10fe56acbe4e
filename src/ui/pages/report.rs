//! The executive report: a printable page (A4) for the dashboard's period with the headline
//! figures, customer pain points, incidents, bottlenecks, trends and the director's
//! recommendations, prefilled with facts the data supports; also downloadable as Markdown.

use crate::domain::case::{Case, CaseId, Tier};
use crate::domain::duplicates::overview;
use crate::domain::grouping::Group;
use crate::domain::incident::radius_of;
use crate::domain::kpi::{changes, local_date, prompts, Life, Prompt};
use crate::domain::layout::thousands;
use crate::domain::sla::{format_duration, Target};
use crate::domain::sort;
use crate::ui::browser;
use crate::ui::pages::dashboard::{metric_label, metric_value, Headlines, PeriodControls};
use crate::ui::state::{use_desk, use_grouping, use_kpi, Figures, Route, Shared};
use crate::ui::widgets::chart::{Chart, Kind, Series};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A pain point: a duplicate group or a category, with two example titles.
struct Pain {
    name: String,
    cases: usize,
    customers: u64,
    examples: Vec<String>,
}

/// Everything the report says, worked out once and shown both on the page and in Markdown.
struct Report {
    period: String,
    as_of: String,
    headlines: Vec<(String, String, String)>,
    pains: Vec<Pain>,
    incidents: Vec<(String, String, String, usize)>,
    time_shares: Vec<(String, String)>,
    breaches: Vec<(String, usize, usize)>,
    oldest: Vec<(String, String)>,
    recommendations: String,
}

fn prompt_text(prompt: &Prompt) -> String {
    match prompt {
        Prompt::CategoryRose { category, before, now, engineering_share: Some(share) } => format!(
            "{category} cases rose from {before} to {now}; {} % of their resolution time was waiting on engineering.",
            (share * 100.0).round() as i64
        ),
        Prompt::CategoryRose { category, before, now, engineering_share: None } => {
            format!("{category} cases rose from {before} to {now}.")
        }
        Prompt::SlaMissed { tier, target, met_percent, breached } => format!(
            "{tier} {} was met {} % of the time; {breached} {} breached.",
            target.label().to_lowercase(),
            met_percent.round() as i64,
            if *breached == 1 { "target was" } else { "targets were" }
        ),
        Prompt::BacklogAgeing { now, before } => {
            format!("Cases open for more than 72 hours grew from {before} to {now}.")
        }
        Prompt::Reopened { percent } => {
            format!("{} % of resolved cases were reopened at least once.", percent.round() as i64)
        }
    }
}

fn build(
    figures: &Figures,
    cases: &[Case],
    lives: &[Arc<Life>],
    groups: &[Group],
    incidents: &[crate::domain::incident::Incident],
    now: chrono::DateTime<chrono::Utc>,
) -> Report {
    let f = figures;
    let by_id: HashMap<&CaseId, &Case> = cases.iter().map(|c| (&c.id, c)).collect();
    let day = |at| local_date(at, &f.zone).format("%-d %b %Y").to_string();
    let last = f.now.period.to - chrono::TimeDelta::milliseconds(1);
    let headlines = changes(&f.now, &f.before)
        .into_iter()
        .filter(|c| !c.key.ends_with("_p90_minutes"))
        .map(|c| (metric_label(c.key).to_string(), metric_value(c.key, c.now), metric_value(c.key, c.before)))
        .collect();
    let mut group_view = overview(groups, cases);
    sort::sort_by(&mut group_view, |a, b| b.radius.customers_affected.cmp(&a.radius.customers_affected));
    let titles = |ids: &[CaseId]| -> Vec<String> {
        ids.iter().filter_map(|id| by_id.get(id)).take(2).map(|c| c.title.clone()).collect()
    };
    let mut pains: Vec<Pain> = group_view
        .iter()
        .take(3)
        .map(|g| Pain {
            name: g.summary.suggested_title.clone(),
            cases: g.summary.size,
            customers: g.radius.customers_affected,
            examples: titles(&g.summary.members),
        })
        .collect();
    pains.extend(f.categories.iter().take(3).map(|c| Pain {
        name: format!("Category: {}", c.category),
        cases: c.cases,
        customers: c.customers_affected,
        examples: c.examples.clone(),
    }));
    let period = f.now.period;
    let incident_rows = incidents
        .iter()
        .filter(|i| period.contains(i.created_at))
        .map(|i| {
            let reached: Vec<&Case> = i.cases.iter().filter_map(|id| by_id.get(id).copied()).collect();
            let end = if i.status.is_open() { now } else { i.updated_at };
            (
                format!("{} {}", i.id, i.title),
                i.status.to_string(),
                format_duration(end - i.created_at),
                radius_of(reached).customers.len(),
            )
        })
        .collect();
    let share = |v: f64| format!("{} %", (v * 100.0).round() as i64);
    let time_shares = f
        .now
        .time_shares
        .map(|s| {
            vec![
                ("Working".to_string(), share(s.working)),
                ("Waiting on customer".to_string(), share(s.waiting_on_customer)),
                ("Waiting on engineering".to_string(), share(s.waiting_on_engineering)),
            ]
        })
        .unwrap_or_default();
    let breaches = Tier::ALL
        .iter()
        .flat_map(|&tier| Target::ALL.into_iter().map(move |target| (tier, target)))
        .map(|(tier, target)| (format!("{tier}, {}", target.label()), f.now.sla.get(tier, target)))
        .filter(|(_, tally)| tally.total() > 0)
        .map(|(name, tally)| (name, tally.met, tally.breached))
        .collect();
    let mut open: Vec<(&Case, chrono::DateTime<chrono::Utc>)> = cases
        .iter()
        .zip(lives)
        .filter(|(c, _)| f.now.period.contains(c.created_at) || c.created_at < f.now.period.from)
        .filter_map(|(c, life)| life.open_since(last.min(now)).map(|since| (c, since)))
        .collect();
    sort::sort_by_key(&mut open, |(_, since)| *since);
    let oldest = open
        .iter()
        .take(5)
        .map(|(c, since)| (c.title.clone(), format_duration(last.min(now) - *since)))
        .collect();
    let found = prompts(cases, lives, f.now.period, &Default::default(), &f.now, &f.before);
    let recommendations = if found.is_empty() {
        String::new()
    } else {
        found.iter().map(|p| format!("- {}", prompt_text(p))).collect::<Vec<_>>().join("\n")
    };
    Report {
        period: format!("{} to {}", day(f.now.period.from), day(last)),
        as_of: crate::domain::inbox::local_time_label(now, browser::utc_offset_minutes()),
        headlines,
        pains,
        incidents: incident_rows,
        time_shares,
        breaches,
        oldest,
        recommendations,
    }
}

/// The report as Markdown, with the recommendations as the director wrote them.
fn markdown(report: &Report, recommendations: &str) -> String {
    let mut out = format!("# Support report: {}\n\nAs of {}.\n\n## Headline figures\n\n| Figure | This period | Period before |\n|---|---|---|\n", report.period, report.as_of);
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    for (label, now, before) in &report.headlines {
        out.push_str(&format!("| {} | {} | {} |\n", cell(label), cell(now), cell(before)));
    }
    out.push_str("\n## Customer pain points\n\n");
    for pain in &report.pains {
        out.push_str(&format!(
            "- **{}**: {} cases, {} customers affected. For example: {}\n",
            cell(&pain.name),
            thousands(pain.cases as u64),
            thousands(pain.customers),
            pain.examples
                .iter()
                .map(|t| format!("\u{201c}{}\u{201d}", cell(t)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out.push_str("\n## Incidents\n\n");
    if report.incidents.is_empty() {
        out.push_str("None in this period.\n");
    }
    for (name, status, duration, customers) in &report.incidents {
        out.push_str(&format!("- {}: {status}, {duration}, {customers} customers\n", cell(name)));
    }
    out.push_str("\n## Bottlenecks\n\nWhere resolution time goes:\n\n");
    for (name, share) in &report.time_shares {
        out.push_str(&format!("- {name}: {share}\n"));
    }
    out.push_str("\nSLA targets by tier:\n\n| Tier and target | Met | Breached |\n|---|---|---|\n");
    for (name, met, breached) in &report.breaches {
        out.push_str(&format!("| {name} | {met} | {breached} |\n"));
    }
    out.push_str("\nOldest open cases:\n\n");
    for (title, age) in &report.oldest {
        out.push_str(&format!("- {} (open {age})\n", cell(title)));
    }
    out.push_str(&format!("\n## Recommendations\n\n{}\n", recommendations.trim()));
    out
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let kpi = use_kpi();
    view! {
        <section class="report" aria-labelledby="report-heading">
            <div class="section-head no-print">
                <a href=Route::Dashboard.href()>"\u{2190} Dashboard"</a>
            </div>
            <div class="no-print"><PeriodControls /></div>
            {move || match kpi.figures.get() {
                None => view! { <p class="field-error" role="alert">"Choose a To day on or after the From day."</p> }.into_any(),
                Some(figures) => view! { <ReportBody figures /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ReportBody(figures: Shared<Figures>) -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let kpi = use_kpi();
    let lives = kpi.lives.get_untracked();
    let report = store.desk.with_untracked(|desk| {
        let groups = grouping.groups.get_untracked().unwrap_or_default();
        build(&figures.0, &desk.cases, &lives.0, &groups, &desk.incidents, browser::now())
    });
    let recommendations = RwSignal::new(report.recommendations.clone());
    let (problem, set_problem) = signal(None::<String>);
    let report = Arc::new(report);
    let for_download = report.clone();
    let download = move |_| {
        let text = markdown(&for_download, &recommendations.get_untracked());
        let name = browser::stamped_file_name("triage-desk-report", "md", browser::now());
        set_problem.set(browser::download(&name, "text/markdown;charset=utf-8", &text).err());
    };
    let print = move |_| {
        let _ = window().print();
    };
    let f = &figures.0;
    let days: Vec<String> =
        f.days.iter().map(|d| local_date(d.period.from, &f.zone).format("%b %-d").to_string()).collect();
    let per_day = |read: fn(&crate::domain::kpi::series::Day) -> usize| {
        f.days.iter().map(|d| Some(read(d) as f64)).collect::<Vec<_>>()
    };
    let count = |v: f64| thousands(v.max(0.0).round() as u64);
    let minutes = |v: f64| format_duration(chrono::TimeDelta::seconds((v * 60.0).round() as i64));
    let r = report.clone();
    view! {
        <article class="report-page">
            <header class="report-head">
                <h1 id="report-heading">"Support report"</h1>
                <p>{r.period.clone()} " \u{00b7} as of " {r.as_of.clone()}</p>
                <div class="button-row no-print">
                    <button class="primary" on:click=print>"Print"</button>
                    <button on:click=download>"Download Markdown"</button>
                </div>
                <Show when=move || problem.get().is_some()>
                    <p class="inline-error" role="alert">{move || problem.get()}</p>
                </Show>
            </header>
            <div class="report-section">
                <Headlines figures=figures.clone() />
            </div>
            <section class="report-section" aria-labelledby="report-pain">
                <h2 id="report-pain">"Customer pain points"</h2>
                <ul class="report-list">
                    {r.pains.iter().map(|p| view! {
                        <li>
                            <strong>{p.name.clone()}</strong>
                            {format!(": {} cases, {} customers affected.", thousands(p.cases as u64), thousands(p.customers))}
                            <span class="muted">" For example: " {p.examples.iter().map(|t| format!("\u{201c}{t}\u{201d}")).collect::<Vec<_>>().join(", ")}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="report-section" aria-labelledby="report-incidents">
                <h2 id="report-incidents">"Incidents"</h2>
                {if r.incidents.is_empty() {
                    view! { <p class="muted">"None in this period."</p> }.into_any()
                } else {
                    view! {
                        <table class="report-table">
                            <thead><tr><th scope="col">"Incident"</th><th scope="col">"Status"</th><th scope="col">"Duration"</th><th scope="col">"Customers"</th></tr></thead>
                            <tbody>
                                {r.incidents.iter().map(|(name, status, duration, customers)| view! {
                                    <tr><th scope="row">{name.clone()}</th><td>{status.clone()}</td><td>{duration.clone()}</td><td>{*customers}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section class="report-section" aria-labelledby="report-bottlenecks">
                <h2 id="report-bottlenecks">"Bottlenecks"</h2>
                <h3>"Where resolution time goes"</h3>
                <ul class="report-list">
                    {r.time_shares.iter().map(|(name, share)| view! { <li>{format!("{name}: {share}")}</li> }).collect_view()}
                </ul>
                <table class="report-table">
                    <caption>"SLA targets by tier"</caption>
                    <thead><tr><th scope="col">"Tier and target"</th><th scope="col">"Met"</th><th scope="col">"Breached"</th></tr></thead>
                    <tbody>
                        {r.breaches.iter().map(|(name, met, breached)| view! {
                            <tr><th scope="row">{name.clone()}</th><td>{*met}</td><td>{*breached}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <h3>"Oldest open cases"</h3>
                <ul class="report-list">
                    {r.oldest.iter().map(|(title, age)| view! { <li>{format!("{title} (open {age})")}</li> }).collect_view()}
                </ul>
            </section>
            <section class="report-section trends" aria-labelledby="report-trends">
                <h2 id="report-trends">"Trends"</h2>
                <div class="chart-grid small">
                    <Chart id="report-volume" title="Created and resolved per day".into() x_name="Day".into() y_name="Cases".into()
                        x_labels=days.clone()
                        series=vec![Series { name: "Created".into(), values: per_day(|d| d.created) }, Series { name: "Resolved".into(), values: per_day(|d| d.resolved) }]
                        kind=Kind::Bars format=count />
                    <Chart id="report-backlog" title="Open backlog per day".into() x_name="Day".into() y_name="Open cases".into()
                        x_labels=days
                        series=vec![Series { name: "Open".into(), values: per_day(|d| d.backlog.total()) }]
                        kind=Kind::Lines { band: false } format=count />
                    <Chart id="report-resolution" title="Resolution median per week".into() x_name="Week of".into() y_name="Time".into()
                        x_labels=f.weeks.iter().map(|w| local_date(w.period.from, &f.zone).format("%b %-d").to_string()).collect()
                        series=vec![Series { name: "Median".into(), values: f.weeks.iter().map(|w| w.resolution.median).collect() }]
                        kind=Kind::Lines { band: false } format=minutes />
                </div>
            </section>
            <section class="report-section" aria-labelledby="report-recommendations">
                <h2 id="report-recommendations">"Recommendations"</h2>
                <label class="visually-hidden" for="recommendations">"Recommendations"</label>
                <textarea id="recommendations" class="no-print" rows="8"
                    prop:value=move || recommendations.get()
                    on:input=move |ev| recommendations.set(event_target_value(&ev))></textarea>
                <div class="print-only recommendations-print">{move || recommendations.get()}</div>
            </section>
        </article>
    }
}
