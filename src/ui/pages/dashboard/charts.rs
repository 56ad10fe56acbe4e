//! The dashboard's charts, each from the figures of the chosen period.

use crate::domain::case::Tier;
use crate::domain::format::written;
use crate::domain::kpi::series::{Day, Load, Week};
use crate::domain::kpi::{Metrics, Spread, TimeShares};
use crate::domain::layout::thousands;
use crate::domain::sla::{format_duration, Target};
use crate::i18n::{tr, Lang, Text};
use crate::ui::state::{use_i18n, use_kpi, Figures};
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

fn series(name: &str, values: Vec<Option<f64>>) -> Series {
    Series { name: name.into(), values }
}

/// A chart's x labels and rows.
type Data = (Vec<String>, Vec<Series>);

/// A row of a per-day chart: its name and what it reads of a day.
type DayRow = (Text, fn(&Day) -> usize);

fn per_day(f: &Figures, lang: Lang, rows: &[DayRow]) -> Data {
    let days = f.days.iter().map(|day| day_label(lang, f, day.period.from)).collect();
    let rows = rows
        .iter()
        .map(|&(name, read)| series(tr(lang, name), f.days.iter().map(|d| Some(read(d) as f64)).collect()))
        .collect();
    (days, rows)
}

fn weekly(f: &Figures, lang: Lang, pick: fn(&Week) -> &Spread) -> Data {
    let weeks = f.weeks.iter().map(|w| day_label(lang, f, w.period.from)).collect();
    let rows = [
        (Text::Median, (|s: &Spread| s.median) as fn(&Spread) -> Option<f64>),
        (Text::Percentile90, |s| s.p90),
    ]
    .into_iter()
    .map(|(name, read)| series(tr(lang, name), f.weeks.iter().map(|w| read(pick(w))).collect()))
    .collect();
    (weeks, rows)
}

fn volume(f: &Figures, lang: Lang) -> Data {
    per_day(f, lang, &[(Text::SeriesCreated, |d| d.created), (Text::SeriesResolved, |d| d.resolved)])
}

fn backlog(f: &Figures, lang: Lang) -> Data {
    per_day(
        f,
        lang,
        &[
            (Text::Under24h, |d| d.backlog.under_24h),
            (Text::From24hTo72h, |d| d.backlog.from_24h_to_72h),
            (Text::Over72h, |d| d.backlog.over_72h),
        ],
    )
}

fn first_response(f: &Figures, lang: Lang) -> Data {
    weekly(f, lang, |w| &w.first_response)
}

fn resolution(f: &Figures, lang: Lang) -> Data {
    weekly(f, lang, |w| &w.resolution)
}

fn sla(f: &Figures, lang: Lang) -> Data {
    let tiers = Tier::ALL.iter().map(|&tier| tr(lang, tier.text()).to_string()).collect();
    let rows = Target::ALL
        .into_iter()
        .map(|target| {
            let met = |tier| f.now.sla.get(tier, target).share_met().map(|share| share * 100.0);
            series(tr(lang, target.text()), Tier::ALL.iter().map(|&tier| met(tier)).collect())
        })
        .collect();
    (tiers, rows)
}

type ShareOf = fn(&TimeShares) -> f64;

fn time_goes(f: &Figures, lang: Lang) -> Data {
    let parts: [(Text, ShareOf); 3] = [
        (Text::Working, |s| s.working),
        (Text::StatusWaitingOnCustomer, |s| s.waiting_on_customer),
        (Text::StatusWaitingOnEngineering, |s| s.waiting_on_engineering),
    ];
    let rows = parts
        .into_iter()
        .map(|(name, read)| {
            let share = |m: &Metrics| m.time_shares.map(|s| read(&s) * 100.0);
            series(tr(lang, name), vec![share(&f.now), share(&f.before)])
        })
        .collect();
    (vec![tr(lang, Text::ThisPeriod).into(), tr(lang, Text::PeriodBefore).into()], rows)
}

fn loads(loads: &[Load], lang: Lang) -> Data {
    let names = loads.iter().map(|l| l.name.clone()).collect();
    let rows = vec![
        series(
            tr(lang, Text::FieldCustomersAffected),
            loads.iter().map(|l| Some(l.customers_affected as f64)).collect(),
        ),
        series(tr(lang, Text::Cases), loads.iter().map(|l| Some(l.cases as f64)).collect()),
    ];
    (names, rows)
}

fn categories(f: &Figures, lang: Lang) -> Data {
    loads(&f.categories, lang)
}

fn groups(f: &Figures, lang: Lang) -> Data {
    loads(&f.groups, lang)
}

/// One chart of the figures, drawn again only when its own numbers (or the language) change,
/// so a new period redraws only the charts it changed, and each in a task of its own, so
/// drawing them all never holds the page at once.
fn chart(
    id: &'static str,
    [title, x_name, y_name]: [Text; 3],
    kind: Kind,
    format: fn(f64) -> String,
    data: fn(&Figures, Lang) -> Data,
) -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    let drawn = RwSignal::new(Data::default());
    Effect::new(move |_| {
        let lang = i18n.lang();
        let next = kpi.figures.with(|f| f.as_ref().map(|f| data(&f.0, lang))).unwrap_or_default();
        set_timeout(
            move || {
                if drawn.try_with_untracked(|now| *now != next) == Some(true) {
                    drawn.set(next);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    move || {
        let (x_labels, series) = drawn.get();
        let t = |text| i18n.t(text).to_string();
        view! { <Chart id title=t(title) x_name=t(x_name) y_name=t(y_name) x_labels series kind format /> }
    }
}

#[component]
pub fn Charts() -> impl IntoView {
    let lines = Kind::Lines { band: true };
    view! {
        <div class="chart-grid">
            {chart("chart-volume", [Text::ChartVolume, Text::AxisDay, Text::Cases], Kind::Bars, count, volume)}
            {chart("chart-backlog", [Text::ChartBacklog, Text::AxisDay, Text::OpenCases], Kind::Stacked, count, backlog)}
            {chart("chart-first-response", [Text::ChartFirstResponse, Text::AxisWeekOf, Text::AxisTime], lines, duration, first_response)}
            {chart("chart-resolution", [Text::ChartResolution, Text::AxisWeekOf, Text::AxisTime], lines, duration, resolution)}
            {chart("chart-sla", [Text::ChartSla, Text::FieldTier, Text::AxisMet], Kind::Bars, percent, sla)}
            {chart("chart-time", [Text::ChartTimeGoes, Text::Period, Text::AxisShare], Kind::Stacked, percent, time_goes)}
            {chart("chart-categories", [Text::ChartCategories, Text::FieldCategory, Text::Customers], Kind::Bars, count, categories)}
            {chart("chart-groups", [Text::ChartGroups, Text::AxisGroup, Text::Customers], Kind::Bars, count, groups)}
        </div>
    }
}
