//! The dashboard: how the desk is doing over a period, each figure beside the period before,
//! and charts of where the time goes, with every number also as a table.

mod charts;
mod headlines;

use crate::domain::case::{Surface, Tier};
use crate::domain::kpi::Preset;
use crate::i18n::{Message, Text};
use crate::ui::browser;
use crate::ui::state::use_i18n;
use crate::ui::state::{use_desk, use_kpi, KpiQuery, Route};
use crate::ui::widgets::any_choice::AnyChoiceFilter;
use crate::ui::widgets::transfer::problem_note;
use chrono::NaiveDate;
use leptos::prelude::*;

pub use charts::day_label;
pub use headlines::{metric_label, metric_value, Headlines};

fn preset_text(preset: Preset) -> Text {
    match preset {
        Preset::Today => Text::PresetToday,
        Preset::Last7Days => Text::PresetLast7Days,
        Preset::Last30Days => Text::PresetLast30Days,
        Preset::Last90Days => Text::PresetLast90Days,
        Preset::ThisQuarter => Text::PresetThisQuarter,
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    kpi.watch();
    view! {
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <div class="section-head">
                <h1 id="dashboard-heading">{i18n.text(Text::Dashboard)}</h1>
                <div class="button-row">
                    <ExportMetrics />
                    <a class="button" href=Route::Report.href()>{i18n.text(Text::Report)}</a>
                </div>
            </div>
            <PeriodControls />
            {move || {
                let _ = i18n.lang();
                kpi.figures.get().map(|figures| view! { <Headlines figures /> })
            }}
            <Show when=move || kpi.figures.with(Option::is_some)>
                <charts::Charts />
            </Show>
        </section>
    }
}

/// Whether the figures on screen are those of the chosen period, said where the period is
/// chosen: the chosen days make no period, or newer figures are being worked out.
#[component]
fn FiguresState() -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    view! {
        {move || kpi.no_period.get().then(|| view! { <p class="field-error" role="alert">{i18n.t(Text::ToBeforeFrom)}</p> })}
        <p class="kpi-state muted" role="status">
            {move || (kpi.updating.get() && !kpi.no_period.get()).then(|| i18n.t(Text::UpdatingFigures))}
        </p>
    }
}

/// The period (a preset or From and To days) and the filters.
#[component]
pub fn PeriodControls() -> impl IntoView {
    let kpi = use_kpi();
    let store = use_desk();
    let i18n = use_i18n();
    let query = kpi.query;
    let set = move |apply: &dyn Fn(&mut KpiQuery)| query.update(|q| apply(q));
    let pick_period = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        set(&|q| {
            q.preset = Preset::parse(&value);
            if q.preset.is_none() && q.from.is_none() {
                // Custom starts from the last 30 days, so the page never shows nothing.
                let today = browser::now().date_naive();
                q.from = Some(today - chrono::TimeDelta::days(29));
                q.to = Some(today);
            }
        })
    };
    let date = |value: Option<NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
    let read_date =
        |ev: &leptos::ev::Event| NaiveDate::parse_from_str(&event_target_value(ev), "%Y-%m-%d").ok();
    let custom = move || query.with(|q| q.preset.is_none());
    let pick_tier = move |tier: Option<Tier>| set(&|q| q.filters.tier = tier);
    let pick_surface = move |surface: Option<Surface>| set(&|q| q.filters.surface = surface);
    view! {
        <div class="filters" role="group" aria-label=i18n.text(Text::PeriodAndFilters)>
            <div class="field">
                <label for="kpi-period">{i18n.text(Text::Period)}</label>
                <select id="kpi-period" on:change=pick_period prop:value=move || query.with(|q| q.preset.map_or("custom", Preset::key))>
                    {Preset::ALL.map(|p| view! { <option value=p.key()>{move || i18n.t(preset_text(p))}</option> }).collect_view()}
                    <option value="custom">{i18n.text(Text::ChooseDays)}</option>
                </select>
            </div>
            <Show when=custom>
                <div class="field">
                    <label for="kpi-from">{i18n.text(Text::FromDay)}</label>
                    <input id="kpi-from" type="date" prop:value=move || query.with(|q| date(q.from))
                        on:change=move |ev| { let d = read_date(&ev); set(&|q| q.from = d) } />
                </div>
                <div class="field">
                    <label for="kpi-to">{i18n.text(Text::ToDay)}</label>
                    <input id="kpi-to" type="date" prop:value=move || query.with(|q| date(q.to))
                        on:change=move |ev| { let d = read_date(&ev); set(&|q| q.to = d) } />
                </div>
            </Show>
            <AnyChoiceFilter label=Text::FieldTier id="kpi-tier" current=Signal::derive(move || query.with(|q| q.filters.tier))
                on_pick=pick_tier />
            <AnyChoiceFilter label=Text::FieldSurface id="kpi-surface" current=Signal::derive(move || query.with(|q| q.filters.surface))
                on_pick=pick_surface />
            <div class="field">
                <label for="kpi-category">{i18n.text(Text::FieldCategory)}</label>
                <select id="kpi-category"
                    prop:value=move || query.with(|q| q.filters.category.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(&|q| q.filters.category = (!value.is_empty()).then(|| value.clone()))
                    }>
                    <option value="">{i18n.text(Text::AnyChoice)}</option>
                    {move || store.categories.get().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <FiguresState />
    }
}

/// Downloads the chosen period's figures as `metric,value,period_from,period_to`.
#[component]
fn ExportMetrics() -> impl IntoView {
    let kpi = use_kpi();
    let i18n = use_i18n();
    let (problem, set_problem) = signal(None::<Message>);
    let export = move |_| {
        let Some(figures) = kpi.figures.get_untracked() else { return };
        let name = browser::stamped_file_name("triage-desk-metrics", "csv", browser::now());
        set_problem.set(browser::download(&name, "text/csv;charset=utf-8", &figures.0.now.to_csv()).err());
    };
    view! {
        // Not while the figures on screen are not yet those of the chosen period.
        <button on:click=export prop:disabled=move || kpi.updating.get() || kpi.no_period.get()>{i18n.text(Text::ExportMetrics)}</button>
        {problem_note(i18n, problem)}
    }
}
