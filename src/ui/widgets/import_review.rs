//! The "Import review" panel: progress while a file is read, then what the import would do
//! (format, column mapping, first rows, counts, errors and warnings) before anything is
//! written, and what it did afterwards.

use crate::domain::import::{Action, ColumnRole, PlannedRow, Target};
use crate::domain::layout::thousands;
use crate::ui::state::{
    use_desk, use_import_state, use_route, ColumnView, ImportState, Review, Route, Stage,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown as cases in the preview table, and errors listed before "and N more".
const PREVIEW_ROWS: usize = 8;
const ERRORS_LISTED: usize = 20;

#[component]
pub fn ImportReview() -> impl IntoView {
    let state = use_import_state();
    view! {
        {move || {
            state
                .stage
                .get()
                .map(|stage| {
                    let (title, body) = match stage {
                        Stage::Working { name } => (name, working(state).into_any()),
                        Stage::Failed { name, message } => (name, failed(message, state).into_any()),
                        Stage::Ready(review) => (review.name.clone(), view! { <ReadyReview review /> }.into_any()),
                        Stage::Saving { name, cases } => (name, saving(cases).into_any()),
                        Stage::Done { name, summary } => (name, done(summary, state).into_any()),
                    };
                    view! {
                        <section class="panel review" role="region" aria-label="Import review">
                            <h2>"Import " {title}</h2>
                            {body}
                        </section>
                    }
                })
        }}
    }
}

/// Progress of reading, checking or applying, with a Cancel that stays put as the bar moves.
fn working(state: ImportState) -> impl IntoView {
    let meter = state.meter;
    view! {
        <progress
            class="import-progress"
            aria-label=move || meter.with(|m| m.label)
            max=move || meter.with(|m| m.total.max(1))
            value=move || meter.with(|m| m.done)
        ></progress>
        <p class="muted">{move || meter.with(|m| m.text.clone())}</p>
        <div class="button-row">
            <button on:click=move |_| state.close()>"Cancel"</button>
        </div>
    }
}

/// The imported cases are on the desk and being written; there is nothing left to cancel.
fn saving(cases: usize) -> impl IntoView {
    view! {
        <progress class="import-progress" aria-label="Saving"></progress>
        <p class="muted">
            {format!("Saving {} cases in this browser's storage. Keep this page open until it says Imported.", thousands(cases as u64))}
        </p>
    }
}

fn failed(message: String, state: ImportState) -> impl IntoView {
    view! {
        <p class="inline-error" role="alert">{format!("This file cannot be imported: {message}")}</p>
        <p>"Nothing was changed."</p>
        <div class="button-row">
            <button on:click=move |_| state.close()>"Close"</button>
        </div>
    }
}

fn done(summary: String, state: ImportState) -> impl IntoView {
    view! {
        <p role="status">{summary}</p>
        <div class="button-row">
            <button on:click=move |_| state.close()>"Close"</button>
        </div>
    }
}

#[component]
fn ReadyReview(review: Arc<Review>) -> impl IntoView {
    let state = use_import_state();
    let store = use_desk();
    let router = use_route();
    let use_settings = RwSignal::new(store.desk.with_untracked(|desk| desk.cases.is_empty()));
    let preview = &review.preview;
    let errors = preview.errors.len();
    let counts = format!(
        "{} new cases will be added, {} cases already here will be updated, {} are unchanged, and {errors} rows have errors.",
        preview.to_add, preview.to_update, preview.unchanged
    );
    let records = preview.records.as_ref();
    let brings = records.and_then(|records| {
        let counts = [
            (records.incidents.len(), "incident", "incidents"),
            (records.merges.len(), "merge", "merges"),
            (records.undone_merges.len(), "undone merge", "undone merges"),
            (records.not_duplicates.len(), "not-duplicate pair", "not-duplicate pairs"),
        ];
        counts.iter().any(|(n, _, _)| *n > 0).then(|| {
            let parts: Vec<String> = counts
                .iter()
                .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
                .collect();
            format!(
                "The file also brings {}; they are merged with yours as another tab's changes are.",
                parts.join(", ")
            )
        })
    });
    let settings_choice = records.map(|records| &records.settings).map(|settings| {
        let name = settings.display_name.clone();
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || use_settings.get()
                    on:change=move |ev| use_settings.set(event_target_checked(&ev))
                />
                {format!("Also use the file's settings (display name \u{201c}{name}\u{201d})")}
            </label>
        }
    });
    let confirm = move |_| {
        state.confirm(use_settings.get_untracked());
        router.go(Route::Inbox);
    };
    view! {
        <p>"Format: " <strong>{preview.format.label()}</strong></p>
        <ul class="import-counts" aria-label="What the import will do">
            <li><strong>{preview.to_add}</strong>" to add"</li>
            <li><strong>{preview.to_update}</strong>" to update"</li>
            <li><strong>{preview.unchanged}</strong>" unchanged"</li>
            <li class:has-errors={errors > 0}><strong>{errors}</strong>" with errors"</li>
        </ul>
        <p>{counts}</p>
        {brings.map(|text| view! { <p class="import-records">{text}</p> })}
        <RowErrors review=review.clone() />
        <Warnings review=review.clone() />
        {settings_choice}
        <MappingEditor columns=review.columns.clone() />
        <FirstRows rows=preview.rows.iter().take(PREVIEW_ROWS).cloned().collect() total=preview.rows.len() />
        <div class="button-row">
            <button class="primary" on:click=confirm>"Import cases"</button>
            <button on:click=move |_| state.close()>"Cancel"</button>
        </div>
    }
}

#[component]
fn RowErrors(review: Arc<Review>) -> impl IntoView {
    let errors = &review.preview.errors;
    (!errors.is_empty()).then(|| {
        let more = errors.len().saturating_sub(ERRORS_LISTED);
        view! {
            <h3>"Rows that will not be imported"</h3>
            <ul class="import-errors">
                {errors
                    .iter()
                    .take(ERRORS_LISTED)
                    .map(|error| {
                        let at = error.at.to_string();
                        let at = at[..1].to_uppercase() + &at[1..];
                        view! { <li><strong>{at}</strong>": " {error.reason.clone()}</li> }
                    })
                    .collect_view()}
                {(more > 0).then(|| view! { <li>{format!("…and {more} more.")}</li> })}
            </ul>
        }
    })
}

#[component]
fn Warnings(review: Arc<Review>) -> impl IntoView {
    let warnings = &review.preview.warnings;
    (!warnings.is_empty()).then(|| {
        view! {
            <h3>"Worth knowing"</h3>
            <ul class="import-warnings">
                {warnings
                    .iter()
                    .map(|warning| {
                        // A note about the file as a whole counts no rows.
                        let rows = match warning.rows {
                            0 => String::new(),
                            1 => " (1 row)".to_string(),
                            n => format!(" ({n} rows)"),
                        };
                        view! { <li>{warning.message.clone()} <span class="muted">{rows}</span></li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

fn role_value(role: ColumnRole) -> String {
    match role {
        ColumnRole::Field(target) => target.key().to_string(),
        ColumnRole::Extra => "extra".into(),
        ColumnRole::Ignore => "ignore".into(),
    }
}

fn role_from_value(value: &str) -> ColumnRole {
    match value {
        "extra" => ColumnRole::Extra,
        "ignore" => ColumnRole::Ignore,
        key => Target::ALL
            .into_iter()
            .find(|target| target.key() == key)
            .map_or(ColumnRole::Ignore, ColumnRole::Field),
    }
}

/// A select per source column: which case field it feeds, kept as an extra column, or ignored.
#[component]
fn MappingEditor(columns: Vec<ColumnView>) -> impl IntoView {
    let state = use_import_state();
    (!columns.is_empty()).then(|| {
        view! {
            <details class="mapping" open>
                <summary>"Columns"</summary>
                <div class="table-scroll">
                <table class="mapping-table">
                    <thead>
                        <tr><th scope="col">"Column in the file"</th><th scope="col" class="examples">"Examples"</th><th scope="col">"Use as"</th></tr>
                    </thead>
                    <tbody>
                        {columns
                            .into_iter()
                            .enumerate()
                            .map(|(i, column)| {
                                let current = role_value(column.role);
                                let on_change = move |ev: leptos::ev::Event| {
                                    state.set_role(i, role_from_value(&event_target_value(&ev)));
                                };
                                let option = move |value: String, label: &'static str| {
                                    let selected = value == current;
                                    view! { <option value=value selected=selected>{label}</option> }
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{column.name.clone()}</th>
                                        <td class="examples">{column.examples.join(" · ")}</td>
                                        <td>
                                            <select aria-label=format!("Use column {} as", column.name) on:change=on_change>
                                                {Target::ALL
                                                    .into_iter()
                                                    .map(|target| option(target.key().to_string(), target.label()))
                                                    .collect_view()}
                                                {option("extra".into(), "Keep as extra column")}
                                                {option("ignore".into(), "Ignore")}
                                            </select>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                </div>
            </details>
        }
    })
}

fn action_label(action: &Action) -> &'static str {
    match action {
        Action::Add => "Add",
        Action::Update { .. } => "Update",
        Action::Unchanged { .. } => "Unchanged",
    }
}

/// The first rows as the cases they become.
#[component]
fn FirstRows(rows: Vec<PlannedRow>, total: usize) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let shown = rows.len();
        view! {
            <div class="table-scroll">
            <table class="preview-table" aria-label="First rows">
                <caption>{format!("First {shown} of {total} rows")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Row"</th>
                        <th scope="col">"Action"</th>
                        <th scope="col">"Id"</th>
                        <th scope="col">"Title"</th>
                        <th scope="col">"Customer"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let incoming = row.incoming;
                            view! {
                                <tr>
                                    <td>{row.at.to_string()}</td>
                                    <td>{action_label(&row.action)}</td>
                                    <td>{incoming.external_id}</td>
                                    <td>{incoming.title.unwrap_or_default()}</td>
                                    <td>{incoming.customer.unwrap_or_default()}</td>
                                    <td>{incoming.status.map(|status| status.label()).unwrap_or_default()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        }
    })
}
