//! The dashboard's charts, each from the figures of the chosen period.

use crate::domain::case::Tier;
use crate::domain::duplicates::overview;
use crate::domain::format::written;
use crate::domain::kpi::series::Day;
use crate::domain::kpi::{Spread, TimeShares};
use crate::domain::layout::thousands;
use crate::domain::sla::{format_duration, Target};
use crate::i18n::{tr, Lang, Text};
use crate::ui::state::{use_desk, use_grouping, use_i18n, Figures, Shared};
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

/// "Mar 2" (3/2 in Korean and Chinese) for the day starting at `from`, read on the desk's clock.
pub fn day_label(lang: Lang, figures: &Figures, from: crate::domain::case::Timestamp) -> String {
    written(crate::domain::kpi::local_date(from, &figures.zone).into(), tr(lang, Text::DayPattern))
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
    let lang = use_i18n().lang();
    let t = |text| tr(lang, text);
    let f = &figures.0;
    let days: Vec<String> = f.days.iter().map(|day| day_label(lang, f, day.period.from)).collect();
    let per_day = |read: fn(&Day) -> usize| f.days.iter().map(|d| Some(read(d) as f64)).collect();
    let weeks: Vec<String> = f.weeks.iter().map(|w| day_label(lang, f, w.period.from)).collect();
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
            series(t(target.text()), values)
        })
        .collect();
    let shares = |s: Option<TimeShares>, read: fn(&TimeShares) -> f64| s.map(|s| read(&s) * 100.0);
    let time_goes = vec![
        series(
            t(Text::Working),
            vec![shares(f.now.time_shares, |s| s.working), shares(f.before.time_shares, |s| s.working)],
        ),
        series(
            t(Text::StatusWaitingOnCustomer),
            vec![
                shares(f.now.time_shares, |s| s.waiting_on_customer),
                shares(f.before.time_shares, |s| s.waiting_on_customer),
            ],
        ),
        series(
            t(Text::StatusWaitingOnEngineering),
            vec![
                shares(f.now.time_shares, |s| s.waiting_on_engineering),
                shares(f.before.time_shares, |s| s.waiting_on_engineering),
            ],
        ),
    ];
    let categories = &f.categories;
    view! {
        <div class="chart-grid">
            <Chart id="chart-volume" title=t(Text::ChartVolume).into() x_name=t(Text::AxisDay).into() y_name=t(Text::Cases).into()
                x_labels=days.clone()
                series=vec![series(t(Text::SeriesCreated), per_day(|d| d.created)), series(t(Text::SeriesResolved), per_day(|d| d.resolved))]
                kind=Kind::Bars format=count />
            <Chart id="chart-backlog" title=t(Text::ChartBacklog).into() x_name=t(Text::AxisDay).into() y_name=t(Text::OpenCases).into()
                x_labels=days
                series=vec![
                    series(t(Text::Under24h), per_day(|d| d.backlog.under_24h)),
                    series(t(Text::From24hTo72h), per_day(|d| d.backlog.from_24h_to_72h)),
                    series(t(Text::Over72h), per_day(|d| d.backlog.over_72h)),
                ]
                kind=Kind::Stacked format=count />
            <Chart id="chart-first-response" title=t(Text::ChartFirstResponse).into() x_name=t(Text::AxisWeekOf).into() y_name=t(Text::AxisTime).into()
                x_labels=weeks.clone()
                series=vec![
                    series(t(Text::Median), weekly(|s| s.median, |w| &w.first_response)),
                    series(t(Text::Percentile90), weekly(|s| s.p90, |w| &w.first_response)),
                ]
                kind=Kind::Lines { band: true } format=duration />
            <Chart id="chart-resolution" title=t(Text::ChartResolution).into() x_name=t(Text::AxisWeekOf).into() y_name=t(Text::AxisTime).into()
                x_labels=weeks
                series=vec![
                    series(t(Text::Median), weekly(|s| s.median, |w| &w.resolution)),
                    series(t(Text::Percentile90), weekly(|s| s.p90, |w| &w.resolution)),
                ]
                kind=Kind::Lines { band: true } format=duration />
            <Chart id="chart-sla" title=t(Text::ChartSla).into() x_name=t(Text::FieldTier).into() y_name=t(Text::AxisMet).into()
                x_labels=Tier::ALL.iter().map(|&tier| t(tier.text()).to_string()).collect()
                series=sla_rows kind=Kind::Bars format=percent />
            <Chart id="chart-time" title=t(Text::ChartTimeGoes).into() x_name=t(Text::Period).into() y_name=t(Text::AxisShare).into()
                x_labels=vec![t(Text::ThisPeriod).into(), t(Text::PeriodBefore).into()]
                series=time_goes kind=Kind::Stacked format=percent />
            <Chart id="chart-categories" title=t(Text::ChartCategories).into() x_name=t(Text::FieldCategory).into() y_name=t(Text::Customers).into()
                x_labels=categories.iter().map(|c| short(&c.category)).collect()
                series=vec![
                    series(t(Text::FieldCustomersAffected), categories.iter().map(|c| Some(c.customers_affected as f64)).collect()),
                    series(t(Text::Cases), categories.iter().map(|c| Some(c.cases as f64)).collect()),
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
    let i18n = use_i18n();
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
            let t = |text| i18n.t(text);
            view! {
                <Chart id="chart-groups" title=t(Text::ChartGroups).into() x_name=t(Text::AxisGroup).into() y_name=t(Text::Customers).into()
                    x_labels=groups.iter().map(|g| short(&g.summary.suggested_title)).collect()
                    series=vec![
                        series(t(Text::FieldCustomersAffected), groups.iter().map(|g| Some(g.radius.customers_affected as f64)).collect()),
                        series(t(Text::Cases), groups.iter().map(|g| Some(g.summary.size as f64)).collect()),
                    ]
                    kind=Kind::Bars format=count />
            }
        }}
    }
}
