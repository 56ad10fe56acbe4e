//! The dashboard's charts, each from the figures of the chosen period.

use crate::domain::case::Tier;
use crate::domain::duplicates::overview;
use crate::domain::kpi::series::Day;
use crate::domain::kpi::{Spread, TimeShares};
use crate::domain::layout::thousands;
use crate::domain::sla::{format_duration, Target};
use crate::ui::state::{use_desk, use_grouping, Figures, Shared};
use crate::ui::widgets::chart::{Chart, Kind, Series};
use chrono::TimeDelta;
use leptos::prelude::*;

fn count(value: f64) -> String {
    thousands(value.max(0.0).round() as u64)
}

fn duration(minutes: f64) -> String {
    format_duration(TimeDelta::seconds((minutes * 60.0).round() as i64))
}

fn percent(value: f64) -> String {
    format!("{} %", value.round() as i64)
}

/// "Mar 2" for a day, read on the desk's clock.
fn day_label(figures: &Figures, day: &Day) -> String {
    crate::domain::kpi::local_date(day.period.from, &figures.zone).format("%b %-d").to_string()
}

/// A label short enough for the x axis (about ten Latin letters, five Han or Hangul, which are
/// twice as wide); the full text is in the table.
fn short(text: &str) -> String {
    let mut width = 0;
    let mut head = String::new();
    for c in text.chars() {
        width += if c.len_utf8() >= 3 { 2 } else { 1 };
        if width > 10 {
            head.push('\u{2026}');
            return head;
        }
        head.push(c);
    }
    head
}

fn series(name: &str, values: Vec<Option<f64>>) -> Series {
    Series { name: name.into(), values }
}

#[component]
pub fn Charts(figures: Shared<Figures>) -> impl IntoView {
    let f = &figures.0;
    let days: Vec<String> = f.days.iter().map(|day| day_label(f, day)).collect();
    let per_day = |read: fn(&Day) -> usize| f.days.iter().map(|d| Some(read(d) as f64)).collect();
    let weeks: Vec<String> = f
        .weeks
        .iter()
        .map(|w| crate::domain::kpi::local_date(w.period.from, &f.zone).format("%b %-d").to_string())
        .collect();
    let weekly = |read: fn(&Spread) -> Option<f64>,
                  pick: fn(&crate::domain::kpi::series::Week) -> &Spread| {
        f.weeks.iter().map(|w| read(pick(w))).collect::<Vec<_>>()
    };
    let sla_rows = Target::ALL
        .into_iter()
        .map(|target| {
            let values = Tier::ALL
                .iter()
                .map(|&tier| {
                    let tally = f.now.sla.get(tier, target);
                    tally.share_met().map(|share| share * 100.0)
                })
                .collect();
            series(target.label(), values)
        })
        .collect();
    let shares = |s: Option<TimeShares>, read: fn(&TimeShares) -> f64| s.map(|s| read(&s) * 100.0);
    let time_goes = vec![
        series(
            "Working",
            vec![shares(f.now.time_shares, |s| s.working), shares(f.before.time_shares, |s| s.working)],
        ),
        series(
            "Waiting on customer",
            vec![
                shares(f.now.time_shares, |s| s.waiting_on_customer),
                shares(f.before.time_shares, |s| s.waiting_on_customer),
            ],
        ),
        series(
            "Waiting on engineering",
            vec![
                shares(f.now.time_shares, |s| s.waiting_on_engineering),
                shares(f.before.time_shares, |s| s.waiting_on_engineering),
            ],
        ),
    ];
    let categories = &f.categories;
    view! {
        <div class="chart-grid">
            <Chart id="chart-volume" title="Cases created and resolved per day".into() x_name="Day".into() y_name="Cases".into()
                x_labels=days.clone()
                series=vec![series("Created", per_day(|d| d.created)), series("Resolved", per_day(|d| d.resolved))]
                kind=Kind::Bars format=count />
            <Chart id="chart-backlog" title="Open backlog at the end of each day, by age".into() x_name="Day".into() y_name="Open cases".into()
                x_labels=days
                series=vec![
                    series("Under 24 h", per_day(|d| d.backlog.under_24h)),
                    series("24 to 72 h", per_day(|d| d.backlog.from_24h_to_72h)),
                    series("Over 72 h", per_day(|d| d.backlog.over_72h)),
                ]
                kind=Kind::Stacked format=count />
            <Chart id="chart-first-response" title="First response per week: median, with the 90th percentile".into() x_name="Week of".into() y_name="Time".into()
                x_labels=weeks.clone()
                series=vec![
                    series("Median", weekly(|s| s.median, |w| &w.first_response)),
                    series("90th percentile", weekly(|s| s.p90, |w| &w.first_response)),
                ]
                kind=Kind::Lines { band: true } format=duration />
            <Chart id="chart-resolution" title="Resolution per week: median, with the 90th percentile".into() x_name="Week of".into() y_name="Time".into()
                x_labels=weeks
                series=vec![
                    series("Median", weekly(|s| s.median, |w| &w.resolution)),
                    series("90th percentile", weekly(|s| s.p90, |w| &w.resolution)),
                ]
                kind=Kind::Lines { band: true } format=duration />
            <Chart id="chart-sla" title="SLA targets met, per tier".into() x_name="Tier".into() y_name="Met".into()
                x_labels=Tier::ALL.iter().map(|t| t.label().to_string()).collect()
                series=sla_rows kind=Kind::Bars format=percent />
            <Chart id="chart-time" title="Where resolution time goes".into() x_name="Period".into() y_name="Share".into()
                x_labels=vec!["This period".into(), "Period before".into()]
                series=time_goes kind=Kind::Stacked format=percent />
            <Chart id="chart-categories" title="Top categories by customers affected".into() x_name="Category".into() y_name="Customers".into()
                x_labels=categories.iter().map(|c| short(&c.category)).collect()
                series=vec![
                    series("Customers affected", categories.iter().map(|c| Some(c.customers_affected as f64)).collect()),
                    series("Cases", categories.iter().map(|c| Some(c.cases as f64)).collect()),
                ]
                kind=Kind::Bars format=count />
            <LargestGroups />
        </div>
    }
}

/// The duplicate groups reaching the most customers: problems hitting many at once.
#[component]
fn LargestGroups() -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let groups = Memo::new(move |_| {
        let groups = grouping.groups.get().unwrap_or_default();
        let mut all = store.desk.with(|desk| overview(&groups, &desk.cases));
        crate::domain::sort::sort_by(&mut all, |a, b| {
            b.radius.customers_affected.cmp(&a.radius.customers_affected)
        });
        all.truncate(8);
        all
    });
    view! {
        {move || {
            let groups = groups.get();
            view! {
                <Chart id="chart-groups" title="Largest duplicate groups by customers affected".into() x_name="Group".into() y_name="Customers".into()
                    x_labels=groups.iter().map(|g| short(&g.summary.suggested_title)).collect()
                    series=vec![
                        series("Customers affected", groups.iter().map(|g| Some(g.radius.customers_affected as f64)).collect()),
                        series("Cases", groups.iter().map(|g| Some(g.summary.size as f64)).collect()),
                    ]
                    kind=Kind::Bars format=count />
            }
        }}
    }
}
