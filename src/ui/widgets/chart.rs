//! Charts drawn by the app as inline SVG: bars (side by side or stacked) or lines with an
//! optional band, an axis in the chart's own unit, a tooltip per point, and the same numbers
//! as a table beneath (the accessible alternative). Colours come from the stylesheet, in a
//! palette that colour-blind readers tell apart in light and dark themes.

use crate::domain::kpi::series::axis_top;
use crate::i18n::Text;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// One named row of values, one per label on the x axis; `None` where there is no data.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bars,
    Stacked,
    /// Lines; with `band`, the area between the first and the second series is shaded too.
    Lines {
        band: bool,
    },
}

/// A label that fits `room` Latin letters of the x axis (Han and Hangul are twice as wide);
/// the full text is in the tooltips and the table.
fn short(text: &str, room: usize) -> String {
    let mut width = 0;
    let mut head = String::new();
    for c in text.chars() {
        width += if c.len_utf8() >= 3 { 2 } else { 1 };
        if width > room {
            head.push('\u{2026}');
            return head;
        }
        head.push(c);
    }
    head
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 64.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 24.0;
const RIGHT: f64 = 12.0;

#[component]
pub fn Chart(
    /// Used as the chart's id prefix and heading.
    id: &'static str,
    title: String,
    /// What the x axis counts, for the table's first column ("Day", "Week").
    x_name: String,
    /// What the y axis measures, with its unit.
    y_name: String,
    x_labels: Vec<String>,
    series: Vec<Series>,
    kind: Kind,
    /// How a value reads on the axis, in tooltips and in the table.
    format: fn(f64) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = x_labels.len().max(1);
    let top = axis_top(
        match kind {
            Kind::Stacked => (0..n)
                .map(|i| series.iter().filter_map(|s| s.values.get(i).copied().flatten()).sum())
                .fold(0.0, f64::max),
            _ => series.iter().flat_map(|s| s.values.iter().flatten().copied()).fold(0.0, f64::max),
        }
        // At least five, so the five steps of a chart of small counts (or none) are whole numbers.
        .max(5.0),
    );
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / n as f64;
    let y = move |value: f64| TOP + plot_h - (value / top).clamp(0.0, 1.0) * plot_h;
    let x_mid = move |i: usize| LEFT + slot * (i as f64 + 0.5);
    // Five steps: every top `axis_top` picks (1, 2, 2.5 or 5 times a power of ten) divides evenly.
    let ticks: Vec<f64> = (0..=5).map(|k| top * k as f64 / 5.0).collect();
    // Label every k-th x so labels never overlap (about 60 px each), each in the room it
    // has (a letter is about 7 px, with a gap).
    let every = ((n as f64 * 60.0) / plot_w).ceil().max(1.0) as usize;
    let room = (slot * every as f64 / 7.5) as usize;
    let tip_text = i18n.t(Text::ChartTip);
    let tip = |series: &Series, label: &str, value: f64| {
        crate::i18n::fill(tip_text, &[("series", &series.name), ("label", label), ("value", &format(value))])
    };
    let marks: Vec<AnyView> = match kind {
        Kind::Bars | Kind::Stacked => {
            let groups = if kind == Kind::Bars { series.len().max(1) } else { 1 };
            let bar_w = (slot * 0.8 / groups as f64).max(1.0);
            let mut marks = Vec::new();
            for i in 0..n {
                let mut base = 0.0;
                for (s, row) in series.iter().enumerate() {
                    let Some(value) = row.values.get(i).copied().flatten() else { continue };
                    let (x, bottom) = if kind == Kind::Bars {
                        (LEFT + slot * i as f64 + slot * 0.1 + bar_w * s as f64, 0.0)
                    } else {
                        (LEFT + slot * i as f64 + slot * 0.1, base)
                    };
                    base += value;
                    let (y_top, y_bottom) = (y(bottom + value), y(bottom));
                    let label = x_labels.get(i).cloned().unwrap_or_default();
                    marks.push(
                        view! {
                            <rect class=format!("mark series-{s}") x=x y=y_top width=bar_w height=(y_bottom - y_top).max(0.0)>
                                <title>{tip(row, &label, value)}</title>
                            </rect>
                        }
                        .into_any(),
                    );
                }
            }
            marks
        }
        Kind::Lines { band } => {
            let mut marks = Vec::new();
            let points = |row: &Series| -> Vec<(usize, f64)> {
                row.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect()
            };
            if band && series.len() >= 2 {
                let (low, high) = (points(&series[0]), points(&series[1]));
                let mut outline: Vec<String> =
                    high.iter().map(|&(i, v)| format!("{:.1},{:.1}", x_mid(i), y(v))).collect();
                outline.extend(low.iter().rev().map(|&(i, v)| format!("{:.1},{:.1}", x_mid(i), y(v))));
                marks.push(view! { <polygon class="band series-1" points=outline.join(" ") /> }.into_any());
            }
            for (s, row) in series.iter().enumerate() {
                let pts = points(row);
                let path: Vec<String> =
                    pts.iter().map(|&(i, v)| format!("{:.1},{:.1}", x_mid(i), y(v))).collect();
                marks.push(
                    view! { <polyline class=format!("line series-{s}") points=path.join(" ") /> }.into_any(),
                );
                for (i, v) in pts {
                    let label = x_labels.get(i).cloned().unwrap_or_default();
                    marks.push(
                        view! {
                            <circle class=format!("dot series-{s}") cx=x_mid(i) cy=y(v) r="4">
                                <title>{tip(row, &label, v)}</title>
                            </circle>
                        }
                        .into_any(),
                    );
                }
            }
            marks
        }
    };
    let heading = format!("{id}-title");
    let (caption_id, svg_label) = (heading.clone(), heading.clone());
    let legend = series
        .iter()
        .enumerate()
        .map(|(s, row)| view! { <li><span class=format!("swatch series-{s}") aria-hidden="true"></span>{row.name.clone()}</li> })
        .collect_view();
    // The table is built when first opened: most readers never open it, and its rows are
    // most of a chart's nodes.
    let table = StoredValue::new((x_labels.clone(), series.clone()));
    let (opened, set_opened) = signal(false);
    let table_rows = move || {
        table.with_value(|(x_labels, series)| {
            x_labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let cells = series
                        .iter()
                        .map(|row| view! { <td>{row.values.get(i).copied().flatten().map(format).unwrap_or_default()}</td> })
                        .collect_view();
                    view! { <tr><th scope="row">{label.clone()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let table_head =
        series.iter().map(|row| view! { <th scope="col">{row.name.clone()}</th> }).collect_view();
    view! {
        <figure class="chart" aria-labelledby=heading>
            <figcaption id=caption_id>{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=svg_label preserveAspectRatio="xMidYMid meet">
                <g class="axis">
                    {ticks.iter().map(|&t| view! {
                        <line x1=LEFT x2=WIDTH - RIGHT y1=y(t) y2=y(t) class="grid" />
                        <text x=LEFT - 6.0 y=y(t) + 4.0 text-anchor="end">{format(t)}</text>
                    }).collect_view()}
                    {x_labels.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, label)| view! {
                        <text x=x_mid(i) y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{short(label, room)}</text>
                    }).collect_view()}
                    <text class="axis-name" x=LEFT y=HEIGHT - 4.0>{x_name.clone()}</text>
                    <text class="axis-name" x="4" y="12">{y_name.clone()}</text>
                </g>
                {marks}
            </svg>
            <ul class="legend">{legend}</ul>
            <details class="chart-table" on:toggle=move |_| set_opened.set(true)>
                <summary>{i18n.text(Text::ShowAsTable)}</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr><th scope="col">{x_name}</th>{table_head}</tr></thead>
                    <tbody>{move || opened.get().then(table_rows)}</tbody>
                </table>
            </details>
        </figure>
    }
}
