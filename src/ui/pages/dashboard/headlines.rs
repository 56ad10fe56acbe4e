//! The headline figures: each KPI of the period with its change from the period before, in
//! words and with an arrow, coloured by whether the change is good news.

use crate::domain::kpi::{changes, Change};
use crate::domain::layout::thousands;
use crate::domain::sla::format_duration;
use crate::i18n::{fill, tr, Lang, Text};
use crate::ui::state::{use_i18n, Figures, Shared};
use chrono::TimeDelta;
use leptos::prelude::*;

/// What a metric's number is.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Count,
    Minutes,
    Percent,
}

fn unit(key: &str) -> Unit {
    if key.ends_with("_minutes") {
        Unit::Minutes
    } else if key.ends_with("_percent") {
        Unit::Percent
    } else {
        Unit::Count
    }
}

pub fn metric_label(key: &str) -> Text {
    match key {
        "cases_created" => Text::MetricCasesCreated,
        "cases_resolved" => Text::MetricCasesResolved,
        "first_response_median_minutes" => Text::MetricFirstResponseMedian,
        "first_response_p90_minutes" => Text::MetricFirstResponseP90,
        "resolution_median_minutes" => Text::MetricResolutionMedian,
        "resolution_p90_minutes" => Text::MetricResolutionP90,
        "sla_achievement_percent" => Text::MetricSlaMet,
        "backlog_open" => Text::MetricBacklogOpen,
        "backlog_older_than_72h" => Text::MetricBacklogOld,
        "waiting_on_customer_median_minutes" => Text::MetricWaitingCustomer,
        "waiting_on_engineering_median_minutes" => Text::MetricWaitingEngineering,
        "reopen_percent" => Text::MetricReopened,
        "one_touch_percent" => Text::MetricOneTouch,
        "csat_percent" => Text::MetricCsat,
        "incidents" => Text::Incidents,
        "incident_median_minutes" => Text::MetricIncidentMedian,
        "incident_customers_affected" => Text::MetricIncidentCustomers,
        "incident_people_affected" => Text::MetricIncidentPeople,
        _ => Text::Nothing,
    }
}

/// A figure as it reads on screen; a dash where there is nothing to count.
pub fn metric_value(key: &str, value: Option<f64>) -> String {
    let Some(value) = value else { return "\u{2013}".into() };
    match unit(key) {
        Unit::Count => thousands(value.max(0.0).round() as u64),
        Unit::Minutes => format_duration(TimeDelta::seconds((value * 60.0).round() as i64)),
        Unit::Percent => format!("{} %", value.round() as i64),
    }
}

/// The change in words: "up 25 % from 120", "down 12 m from 1 h 30 m", "up 3 points from 80 %".
fn change_words(lang: Lang, change: &Change) -> String {
    let (Some(now), Some(before)) = (change.now, change.before) else {
        return tr(lang, Text::NoFigureBefore).into();
    };
    let was = metric_value(change.key, Some(before));
    let delta = now - before;
    let up = delta > 0.0;
    let (text, amount) = match unit(change.key) {
        _ if delta.abs() < 0.005 => (Text::SameAsBefore, String::new()),
        Unit::Count if before > 0.0 => (
            if up { Text::UpPercent } else { Text::DownPercent },
            ((delta.abs() * 100.0 / before).round() as i64).to_string(),
        ),
        Unit::Count => (if up { Text::UpBy } else { Text::DownBy }, thousands(delta.abs().round() as u64)),
        Unit::Minutes => {
            (if up { Text::UpBy } else { Text::DownBy }, metric_value(change.key, Some(delta.abs())))
        }
        Unit::Percent => {
            (if up { Text::UpPoints } else { Text::DownPoints }, (delta.abs().round() as i64).to_string())
        }
    };
    fill(tr(lang, text), &[("delta", &amount), ("was", &was)])
}

#[component]
pub fn Headlines(figures: Shared<Figures>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let cards = changes(&figures.0.now, &figures.0.before)
        .into_iter()
        .filter(|change| !change.key.ends_with("_p90_minutes"))
        .map(|change| {
            let arrow = match change.delta() {
                Some(d) if d > 0.005 => "\u{2191}",
                Some(d) if d < -0.005 => "\u{2193}",
                _ => "",
            };
            let tone = match change.improved() {
                Some(true) => "better",
                Some(false) => "worse",
                None => "neutral",
            };
            view! {
                <li class="kpi">
                    <span class="kpi-label">{tr(lang, metric_label(change.key))}</span>
                    <span class="kpi-value">{metric_value(change.key, change.now)}</span>
                    <span class=format!("kpi-change {tone}")>
                        <span aria-hidden="true">{arrow} " "</span>
                        {change_words(lang, &change)}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="headlines-heading">
            <h2 id="headlines-heading">{i18n.text(Text::HeadlineFigures)}</h2>
            <ul class="kpi-grid">{cards}</ul>
        </section>
    }
}
