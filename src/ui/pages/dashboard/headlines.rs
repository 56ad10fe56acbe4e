//! The headline figures: each KPI of the period with its change from the period before, in
//! words and with an arrow, coloured by whether the change is good news.

use crate::domain::kpi::{changes, Change};
use crate::domain::layout::thousands;
use crate::domain::sla::format_duration;
use crate::ui::state::{Figures, Shared};
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

pub fn metric_label(key: &str) -> &'static str {
    match key {
        "cases_created" => "Cases created",
        "cases_resolved" => "Cases resolved",
        "first_response_median_minutes" => "First response, median",
        "first_response_p90_minutes" => "First response, 90th percentile",
        "resolution_median_minutes" => "Resolution, median",
        "resolution_p90_minutes" => "Resolution, 90th percentile",
        "sla_achievement_percent" => "SLA targets met",
        "backlog_open" => "Open backlog",
        "backlog_older_than_72h" => "Backlog older than 72 h",
        "waiting_on_customer_median_minutes" => "Waiting on customer, median",
        "waiting_on_engineering_median_minutes" => "Waiting on engineering, median",
        "reopen_percent" => "Reopened",
        "one_touch_percent" => "Resolved in one touch",
        "csat_percent" => "Customer satisfaction",
        "incidents" => "Incidents",
        "incident_median_minutes" => "Incident duration, median",
        "incident_customers_affected" => "Customers in incidents",
        "incident_people_affected" => "People affected by incidents",
        _ => "",
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
fn change_words(change: &Change) -> String {
    let (Some(now), Some(before)) = (change.now, change.before) else {
        return "no figure for the period before".into();
    };
    let was = metric_value(change.key, Some(before));
    let delta = now - before;
    let direction = if delta > 0.0 { "up" } else { "down" };
    match unit(change.key) {
        _ if delta.abs() < 0.005 => format!("same as before ({was})"),
        Unit::Count if before > 0.0 => {
            format!("{direction} {} % from {was}", (delta.abs() * 100.0 / before).round() as i64)
        }
        Unit::Count => format!("{direction} {} from {was}", thousands(delta.abs().round() as u64)),
        Unit::Minutes => format!("{direction} {} from {was}", metric_value(change.key, Some(delta.abs()))),
        Unit::Percent => format!("{direction} {} points from {was}", delta.abs().round() as i64),
    }
}

#[component]
pub fn Headlines(figures: Shared<Figures>) -> impl IntoView {
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
                    <span class="kpi-label">{metric_label(change.key)}</span>
                    <span class="kpi-value">{metric_value(change.key, change.now)}</span>
                    <span class=format!("kpi-change {tone}")>
                        <span aria-hidden="true">{arrow} " "</span>
                        {change_words(&change)}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="headlines-heading">
            <h2 id="headlines-heading">"Headline figures"</h2>
            <ul class="kpi-grid">{cards}</ul>
        </section>
    }
}
