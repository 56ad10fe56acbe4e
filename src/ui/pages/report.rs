//! The executive report: a printable page (A4) for the dashboard's period with the headline
//! figures, customer pain points, incidents, bottlenecks, trends and the director's
//! recommendations, prefilled with facts the data supports; also downloadable as Markdown.

use crate::domain::case::{Choice, Tier};
use crate::domain::format::{capitalised, written};
use crate::domain::kpi::series::Load;
use crate::domain::kpi::{changes, local_date, Filters, Prompt};
use crate::domain::layout::thousands;
use crate::domain::sla::{format_duration, Target};
use crate::i18n::{fill, tr, Lang, Message, Text};
use crate::ui::browser;
use crate::ui::pages::dashboard::{day_label, metric_label, metric_value, Headlines, PeriodControls};
use crate::ui::state::use_i18n;
use crate::ui::state::{use_kpi, Figures, Route, Shared};
use crate::ui::widgets::chart::{Chart, Kind, Series};
use crate::ui::widgets::transfer::problem_note;
use leptos::prelude::*;
use std::sync::Arc;

/// A pain point: a duplicate group or a category, with two example titles.
struct Pain {
    name: String,
    cases: usize,
    customers: u64,
    examples: Vec<String>,
}

/// An incident as the report lists it, in words.
struct IncidentLine {
    name: String,
    impact: &'static str,
    duration: String,
    customers: usize,
    people: u64,
}

/// Everything the report says, worked out once and shown both on the page and in Markdown.
struct Report {
    period: String,
    /// The filters the figures were counted with, if any.
    filters: String,
    as_of: String,
    headlines: Vec<(String, String, String)>,
    pains: Vec<Pain>,
    incidents: Vec<IncidentLine>,
    time_shares: Vec<(String, String)>,
    breaches: Vec<(String, usize, usize)>,
    oldest: Vec<(String, String)>,
    recommendations: String,
}

fn prompt_text(lang: Lang, prompt: &Prompt) -> String {
    let text = |text, args: &[(&str, &str)]| fill(tr(lang, text), args);
    let whole = |v: f64| (v.round() as i64).to_string();
    match prompt {
        Prompt::CategoryRose { category, before, now, engineering_share } => {
            let (before, now) = (before.to_string(), now.to_string());
            let args = [("category", category.as_str()), ("before", &before), ("now", &now)];
            match engineering_share {
                Some(share) => text(
                    Text::PromptCategoryRoseShare,
                    &[args[0], args[1], args[2], ("share", &whole(share * 100.0))],
                ),
                None => text(Text::PromptCategoryRose, &args),
            }
        }
        Prompt::SlaMissed { tier, target, met_percent, breached } => text(
            if *breached == 1 { Text::PromptSlaMissedOne } else { Text::PromptSlaMissed },
            &[
                ("tier", tr(lang, tier.text())),
                // English reads "Enterprise first response"; the other languages have no case.
                ("target", &tr(lang, target.text()).to_lowercase()),
                ("met", &whole(*met_percent)),
                ("breached", &breached.to_string()),
            ],
        ),
        Prompt::BacklogAgeing { now, before } => {
            text(Text::PromptBacklogAgeing, &[("before", &before.to_string()), ("now", &now.to_string())])
        }
        Prompt::Reopened { percent } => text(Text::PromptReopened, &[("percent", &whole(*percent))]),
    }
}

/// "Tier: Enterprise · Category: Payments", or nothing without filters.
fn filter_words(lang: Lang, filters: &Filters) -> String {
    let field =
        |name, value: &str| fill(tr(lang, Text::FilterShown), &[("field", tr(lang, name)), ("value", value)]);
    let mut words = Vec::new();
    if let Some(tier) = filters.tier {
        words.push(field(Text::FieldTier, tr(lang, tier.text())));
    }
    if let Some(surface) = filters.surface {
        words.push(field(Text::FieldSurface, tr(lang, surface.text())));
    }
    if let Some(category) = &filters.category {
        words.push(field(Text::FieldCategory, category));
    }
    words.join(" \u{00b7} ")
}

fn build(f: &Figures, filters: &Filters, lang: Lang) -> Report {
    let t = |text| tr(lang, text);
    let day = |at| written(local_date(at, &f.zone).into(), t(Text::LongDayPattern));
    let last = f.now.period.to - chrono::TimeDelta::milliseconds(1);
    let headlines = changes(&f.now, &f.before)
        .into_iter()
        .filter(|c| !c.key.ends_with("_p90_minutes"))
        .map(|c| {
            (t(metric_label(c.key)).to_string(), metric_value(c.key, c.now), metric_value(c.key, c.before))
        })
        .collect();
    let pain = |named, load: &Load| Pain {
        name: fill(t(named), &[("name", &load.name)]),
        cases: load.cases,
        customers: load.customers_affected,
        examples: load.examples.clone(),
    };
    let mut pains: Vec<Pain> = f.groups.iter().take(3).map(|g| pain(Text::GroupNamed, g)).collect();
    pains.extend(f.categories.iter().take(3).map(|c| pain(Text::CategoryNamed, c)));
    let incidents = f
        .incidents
        .iter()
        .map(|i| {
            let duration = format_duration(i.duration);
            IncidentLine {
                name: format!("{} {}", i.id, i.title),
                impact: t(i.impact.text()),
                duration: if i.open {
                    fill(t(Text::StillOpen), &[("duration", &duration)])
                } else {
                    duration
                },
                customers: i.customers,
                people: i.people,
            }
        })
        .collect();
    let share = |v: f64| format!("{} %", (v * 100.0).round() as i64);
    let time_shares = f
        .now
        .time_shares
        .map(|s| {
            vec![
                (t(Text::Working).to_string(), share(s.working)),
                (t(Text::StatusWaitingOnCustomer).to_string(), share(s.waiting_on_customer)),
                (t(Text::StatusWaitingOnEngineering).to_string(), share(s.waiting_on_engineering)),
            ]
        })
        .unwrap_or_default();
    let breaches = Tier::ALL
        .iter()
        .flat_map(|&tier| Target::ALL.into_iter().map(move |target| (tier, target)))
        .map(|(tier, target)| {
            (format!("{}, {}", t(tier.text()), t(target.text())), f.now.sla.get(tier, target))
        })
        .filter(|(_, tally)| tally.total() > 0)
        .map(|(name, tally)| (name, tally.met, tally.breached))
        .collect();
    let oldest = f.oldest.iter().map(|c| (c.title.clone(), format_duration(c.open_for))).collect();
    let recommendations =
        f.prompts.iter().map(|p| format!("- {}", prompt_text(lang, p))).collect::<Vec<_>>().join("\n");
    Report {
        period: fill(t(Text::PeriodRange), &[("from", &day(f.now.period.from)), ("to", &day(last))]),
        filters: filter_words(lang, filters),
        as_of: crate::domain::inbox::local_time_label(f.as_of, browser::utc_offset_minutes()),
        headlines,
        pains,
        incidents,
        time_shares,
        breaches,
        oldest,
        recommendations,
    }
}

/// The report as Markdown in `lang`, with the recommendations as the director wrote them.
fn markdown(lang: Lang, report: &Report, recommendations: &str) -> String {
    let t = |text| tr(lang, text);
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let section = |out: &mut String, text| out.push_str(&format!("\n## {}\n\n", t(text)));
    let table_head = |out: &mut String, columns: [Text; 3]| {
        out.push_str(&format!(
            "| {} | {} | {} |\n|---|---|---|\n",
            t(columns[0]),
            t(columns[1]),
            t(columns[2])
        ));
    };
    let mut out = format!(
        "# {}: {}\n\n{}.\n",
        t(Text::SupportReport),
        report.period,
        capitalised(&fill(t(Text::AsOf), &[("time", &report.as_of)]))
    );
    if !report.filters.is_empty() {
        out.push_str(&format!("\n{}\n", report.filters));
    }
    section(&mut out, Text::HeadlineFigures);
    table_head(&mut out, [Text::Figure, Text::ThisPeriod, Text::PeriodBefore]);
    for (label, now, before) in &report.headlines {
        out.push_str(&format!("| {} | {} | {} |\n", cell(label), cell(now), cell(before)));
    }
    section(&mut out, Text::PainPoints);
    for pain in &report.pains {
        out.push_str(&fill(
            t(Text::MdPain),
            &[
                ("name", &cell(&pain.name)),
                ("cases", &thousands(pain.cases as u64)),
                ("customers", &thousands(pain.customers)),
                ("examples", &quoted(lang, &pain.examples.iter().map(|e| cell(e)).collect::<Vec<_>>())),
            ],
        ));
        out.push('\n');
    }
    section(&mut out, Text::Incidents);
    if report.incidents.is_empty() {
        out.push_str(&format!("{}\n", t(Text::NoneInPeriod)));
    }
    for incident in &report.incidents {
        out.push_str(&fill(
            t(Text::MdIncident),
            &[
                ("name", &cell(&incident.name)),
                ("impact", incident.impact),
                ("duration", &incident.duration),
                ("customers", &thousands(incident.customers as u64)),
                ("people", &thousands(incident.people)),
            ],
        ));
        out.push('\n');
    }
    section(&mut out, Text::Bottlenecks);
    out.push_str(&format!("{}:\n\n", t(Text::ChartTimeGoes)));
    for (name, share) in &report.time_shares {
        out.push_str(&format!("- {name}: {share}\n"));
    }
    out.push_str(&format!("\n{}:\n\n", t(Text::SlaByTier)));
    table_head(&mut out, [Text::TierAndTarget, Text::AxisMet, Text::Breached]);
    for (name, met, breached) in &report.breaches {
        out.push_str(&format!("| {name} | {met} | {breached} |\n"));
    }
    out.push_str(&format!("\n{}:\n\n", t(Text::OldestOpen)));
    for (title, age) in &report.oldest {
        out.push_str(&format!("- {}\n", fill(t(Text::OpenFor), &[("title", &cell(title)), ("age", age)])));
    }
    section(&mut out, Text::Recommendations);
    out.push_str(&format!("{}\n", recommendations.trim()));
    out
}

/// Example titles in quotation marks, as the language writes them.
fn quoted(lang: Lang, titles: &[String]) -> String {
    let quote = |title: &String| fill(tr(lang, Text::Quoted), &[("text", title)]);
    titles.iter().map(quote).collect::<Vec<_>>().join(tr(lang, Text::ListSeparator))
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    kpi.watch();
    // What the director wrote survives newer figures of the same period (an edit in another
    // tab); a new period or filters start again from the prompts.
    let written = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        kpi.query.track();
        written.set(None);
    });
    // The report is worked out in the language once, so a switch works it out again.
    view! {
        <section class="report" aria-labelledby="report-heading">
            <div class="section-head no-print">
                <a href=Route::Dashboard.href()>{i18n.text(Text::BackToDashboard)}</a>
            </div>
            <div class="no-print"><PeriodControls /></div>
            {move || {
                let _ = i18n.lang();
                kpi.figures.get().map(|figures| view! { <ReportBody figures written /> })
            }}
        </section>
    }
}

#[component]
fn ReportBody(figures: Shared<Figures>, written: RwSignal<Option<String>>) -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    let lang = i18n.lang();
    let t = move |text| tr(lang, text);
    let report = kpi.query.with_untracked(|query| build(&figures.0, &query.filters, lang));
    let prefilled = report.recommendations.clone();
    let recommendations = move || written.get().unwrap_or_else(|| prefilled.clone());
    let (problem, set_problem) = signal(None::<Message>);
    let report = Arc::new(report);
    let (for_download, written_now) = (report.clone(), recommendations.clone());
    let download = move |_| {
        let text = markdown(lang, &for_download, &untrack(written_now.clone()));
        let name = browser::stamped_file_name("triage-desk-report", "md", browser::now());
        set_problem.set(browser::download(&name, "text/markdown;charset=utf-8", &text).err());
    };
    let print = move |_| {
        let _ = window().print();
    };
    let f = &figures.0;
    let days: Vec<String> = f.days.iter().map(|d| day_label(lang, f, d.period.from)).collect();
    let per_day = |read: fn(&crate::domain::kpi::series::Day) -> usize| {
        f.days.iter().map(|d| Some(read(d) as f64)).collect::<Vec<_>>()
    };
    let count = |v: f64| thousands(v.max(0.0).round() as u64);
    let minutes = |v: f64| format_duration(chrono::TimeDelta::seconds((v * 60.0).round() as i64));
    let r = report.clone();
    view! {
        <article class="report-page">
            <header class="report-head">
                <h1 id="report-heading">{t(Text::SupportReport)}</h1>
                <p>{r.period.clone()} " \u{00b7} " {fill(t(Text::AsOf), &[("time", &r.as_of)])}</p>
                {(!r.filters.is_empty()).then(|| view! { <p>{r.filters.clone()}</p> })}
                <div class="button-row no-print">
                    <button class="primary" on:click=print>{t(Text::Print)}</button>
                    <button on:click=download>{t(Text::DownloadMarkdown)}</button>
                </div>
                {problem_note(i18n, problem)}
            </header>
            <div class="report-section">
                <Headlines figures=figures.clone() />
            </div>
            <section class="report-section" aria-labelledby="report-pain">
                <h2 id="report-pain">{t(Text::PainPoints)}</h2>
                <ul class="report-list">
                    {r.pains.iter().map(|p| view! {
                        <li>
                            <strong>{p.name.clone()}</strong>
                            {fill(t(Text::PainFigures), &[("cases", &thousands(p.cases as u64)), ("customers", &thousands(p.customers))])}
                            <span class="muted">{fill(t(Text::ForExample), &[("examples", &quoted(lang, &p.examples))])}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="report-section" aria-labelledby="report-incidents">
                <h2 id="report-incidents">{t(Text::Incidents)}</h2>
                {if r.incidents.is_empty() {
                    view! { <p class="muted">{t(Text::NoneInPeriod)}</p> }.into_any()
                } else {
                    view! {
                        <table class="report-table">
                            <thead><tr>
                                <th scope="col">{t(Text::Incident)}</th><th scope="col">{t(Text::IncidentImpact)}</th><th scope="col">{t(Text::Duration)}</th>
                                <th scope="col">{t(Text::Customers)}</th><th scope="col">{t(Text::PeopleAffected)}</th>
                            </tr></thead>
                            <tbody>
                                {r.incidents.iter().map(|i| view! {
                                    <tr>
                                        <th scope="row">{i.name.clone()}</th><td>{i.impact}</td><td>{i.duration.clone()}</td>
                                        <td>{thousands(i.customers as u64)}</td><td>{thousands(i.people)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section class="report-section" aria-labelledby="report-bottlenecks">
                <h2 id="report-bottlenecks">{t(Text::Bottlenecks)}</h2>
                <h3>{t(Text::ChartTimeGoes)}</h3>
                <ul class="report-list">
                    {r.time_shares.iter().map(|(name, share)| view! { <li>{format!("{name}: {share}")}</li> }).collect_view()}
                </ul>
                <table class="report-table">
                    <caption>{t(Text::SlaByTier)}</caption>
                    <thead><tr><th scope="col">{t(Text::TierAndTarget)}</th><th scope="col">{t(Text::AxisMet)}</th><th scope="col">{t(Text::Breached)}</th></tr></thead>
                    <tbody>
                        {r.breaches.iter().map(|(name, met, breached)| view! {
                            <tr><th scope="row">{name.clone()}</th><td>{*met}</td><td>{*breached}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <h3>{t(Text::OldestOpen)}</h3>
                <ul class="report-list">
                    {r.oldest.iter().map(|(title, age)| view! { <li>{fill(t(Text::OpenFor), &[("title", title), ("age", age)])}</li> }).collect_view()}
                </ul>
            </section>
            <section class="report-section trends" aria-labelledby="report-trends">
                <h2 id="report-trends">{t(Text::Trends)}</h2>
                <div class="chart-grid small">
                    <Chart id="report-volume" title=t(Text::ReportVolume).into() x_name=t(Text::AxisDay).into() y_name=t(Text::Cases).into()
                        x_labels=days.clone()
                        series=vec![Series { name: t(Text::SeriesCreated).into(), values: per_day(|d| d.created) }, Series { name: t(Text::SeriesResolved).into(), values: per_day(|d| d.resolved) }]
                        kind=Kind::Bars format=count />
                    <Chart id="report-backlog" title=t(Text::ReportBacklog).into() x_name=t(Text::AxisDay).into() y_name=t(Text::OpenCases).into()
                        x_labels=days
                        series=vec![Series { name: t(Text::SeriesOpen).into(), values: per_day(|d| d.backlog.total()) }]
                        kind=Kind::Lines { band: false } format=count />
                    <Chart id="report-resolution" title=t(Text::ReportResolution).into() x_name=t(Text::AxisWeekOf).into() y_name=t(Text::AxisTime).into()
                        x_labels=f.weeks.iter().map(|w| day_label(lang, f, w.period.from)).collect()
                        series=vec![Series { name: t(Text::Median).into(), values: f.weeks.iter().map(|w| w.resolution.median).collect() }]
                        kind=Kind::Lines { band: false } format=minutes />
                </div>
            </section>
            <section class="report-section" aria-labelledby="report-recommendations">
                <h2 id="report-recommendations">{t(Text::Recommendations)}</h2>
                <label class="visually-hidden" for="recommendations">{t(Text::Recommendations)}</label>
                <textarea id="recommendations" class="no-print" rows="8"
                    prop:value=recommendations.clone()
                    on:input=move |ev| written.set(Some(event_target_value(&ev)))></textarea>
                <div class="print-only recommendations-print">{recommendations}</div>
            </section>
        </article>
    }
}
