//! The "Import review" panel: progress while a file is read, then what the import would do
//! (format, column mapping, first rows, counts, errors and warnings) before anything is
//! written, and what it did afterwards.

use crate::domain::format::capitalised;
use crate::domain::import::{Action, ColumnRole, PlannedRow, Target};
use crate::i18n::{Message, Text};
use crate::ui::state::{
    use_desk, use_i18n, use_import_state, use_route, ColumnView, ImportState, Review, Route, Stage,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown as cases in the preview table, and errors listed before "and N more".
const PREVIEW_ROWS: usize = 8;
const ERRORS_LISTED: usize = 20;

#[component]
pub fn ImportReview() -> impl IntoView {
    let state = use_import_state();
    let i18n = use_i18n();
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
                        <section class="panel review" role="region" aria-label=i18n.text(Text::ImportReview)>
                            <h2>{move || i18n.fill(Text::ImportTitle, &[("name", &title)])}</h2>
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
    let i18n = use_i18n();
    view! {
        <progress
            class="import-progress"
            aria-label=move || i18n.t(meter.with(|m| m.label))
            max=move || meter.with(|m| m.total.max(1))
            value=move || meter.with(|m| m.done)
        ></progress>
        <p class="muted">{move || meter.with(|m| i18n.message(&m.text))}</p>
        <div class="button-row">
            <button on:click=move |_| state.close()>{i18n.text(Text::Cancel)}</button>
        </div>
    }
}

/// The imported cases are on the desk and being written; there is nothing left to cancel.
fn saving(cases: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <progress class="import-progress" aria-label=i18n.text(Text::Saving)></progress>
        <p class="muted">
            {move || i18n.fill(Text::SavingImported, &[("cases", &i18n.number(cases as f64))])}
        </p>
    }
}

fn close_button(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="button-row">
            <button on:click=move |_| state.close()>{i18n.text(Text::Close)}</button>
        </div>
    }
}

fn failed(message: Message, state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="inline-error" role="alert">
            {move || i18n.fill(Text::CannotImport, &[("reason", &i18n.message(&message))])}
        </p>
        <p>{i18n.text(Text::NothingChanged)}</p>
        {close_button(state)}
    }
}

fn done(summary: Vec<Message>, state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p role="status">
            {move || summary.iter().map(|m| i18n.message(m)).collect::<Vec<_>>().join(" ")}
        </p>
        {close_button(state)}
    }
}

#[component]
fn ReadyReview(review: Arc<Review>) -> impl IntoView {
    let state = use_import_state();
    let store = use_desk();
    let router = use_route();
    let i18n = use_i18n();
    let use_settings = RwSignal::new(store.desk.with_untracked(|desk| desk.cases.is_empty()));
    let preview = &review.preview;
    let format = preview.format.text();
    let errors = preview.errors.len();
    let (to_add, to_update, unchanged) =
        (preview.to_add.to_string(), preview.to_update.to_string(), preview.unchanged.to_string());
    let counts = move || {
        i18n.fill(
            Text::ImportCounts,
            &[
                ("add", &to_add),
                ("update", &to_update),
                ("unchanged", &unchanged),
                ("errors", &errors.to_string()),
            ],
        )
    };
    let records = preview.records.as_ref();
    let brings = records.and_then(|records| {
        let counts = [
            (records.incidents.len(), Text::CountIncidents),
            (records.merges.len(), Text::CountMerges),
            (records.undone_merges.len(), Text::CountUndoneMerges),
            (records.not_duplicates.len(), Text::CountNotDuplicatePairs),
        ];
        counts.iter().any(|(n, _)| *n > 0).then_some(move || {
            let parts: Vec<String> =
                counts.iter().map(|&(n, text)| i18n.fill(text, &[("n", &n.to_string())])).collect();
            i18n.fill(Text::ImportBrings, &[("records", &parts.join(i18n.t(Text::ListSeparator)))])
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
                {move || i18n.fill(Text::UseFileSettings, &[("name", &name)])}
            </label>
        }
    });
    let confirm = move |_| {
        state.confirm(use_settings.get_untracked());
        router.go(Route::Inbox);
    };
    view! {
        <p>{i18n.text(Text::FormatLead)} <strong>{move || i18n.t(format)}</strong></p>
        <ul class="import-counts" aria-label=i18n.text(Text::WhatImportWillDo)>
            <li><strong>{preview.to_add}</strong>" " {i18n.text(Text::ToAdd)}</li>
            <li><strong>{preview.to_update}</strong>" " {i18n.text(Text::ToUpdate)}</li>
            <li><strong>{preview.unchanged}</strong>" " {i18n.text(Text::Unchanged)}</li>
            <li class:has-errors={errors > 0}><strong>{errors}</strong>" " {i18n.text(Text::WithErrors)}</li>
        </ul>
        <p>{counts}</p>
        {brings.map(|text| view! { <p class="import-records">{text}</p> })}
        <RowErrors review=review.clone() />
        <Warnings review=review.clone() />
        {settings_choice}
        <MappingEditor columns=review.columns.clone() />
        <FirstRows rows=preview.rows.iter().take(PREVIEW_ROWS).cloned().collect() total=preview.rows.len() />
        <div class="button-row">
            <button class="primary" on:click=confirm>{i18n.text(Text::ImportCases)}</button>
            <button on:click=move |_| state.close()>{i18n.text(Text::Cancel)}</button>
        </div>
    }
}

#[component]
fn RowErrors(review: Arc<Review>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = &review.preview.errors;
    (!errors.is_empty()).then(|| {
        let more = errors.len().saturating_sub(ERRORS_LISTED).to_string();
        view! {
            <h3>{i18n.text(Text::RowsNotImported)}</h3>
            <ul class="import-errors">
                {errors
                    .iter()
                    .take(ERRORS_LISTED)
                    .map(|error| {
                        let (at, reason) = (error.at.message(), error.reason.clone());
                        view! { <li><strong>{move || capitalised(&i18n.message(&at))}</strong>": " {move || i18n.message(&reason)}</li> }
                    })
                    .collect_view()}
                {(more != "0").then(|| view! { <li>{move || i18n.fill(Text::AndMore, &[("n", &more)])}</li> })}
            </ul>
        }
    })
}

#[component]
fn Warnings(review: Arc<Review>) -> impl IntoView {
    let i18n = use_i18n();
    let warnings = &review.preview.warnings;
    (!warnings.is_empty()).then(|| {
        view! {
            <h3>{i18n.text(Text::WorthKnowing)}</h3>
            <ul class="import-warnings">
                {warnings
                    .iter()
                    .map(|warning| {
                        // A note about the file as a whole counts no rows.
                        let count = warning.rows;
                        let rows = move || match count {
                            0 => String::new(),
                            1 => format!(" {}", i18n.t(Text::OneRow)),
                            n => format!(" {}", i18n.fill(Text::NRows, &[("n", &n.to_string())])),
                        };
                        view! { <li>{let message = warning.message.clone(); move || i18n.message(&message)} <span class="muted">{rows}</span></li> }
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
    let i18n = use_i18n();
    (!columns.is_empty()).then(|| {
        view! {
            <details class="mapping" open>
                <summary>{i18n.text(Text::Columns)}</summary>
                <div class="table-scroll">
                <table class="mapping-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Text::ColumnInFile)}</th>
                            <th scope="col" class="examples">{i18n.text(Text::Examples)}</th>
                            <th scope="col">{i18n.text(Text::UseAs)}</th>
                        </tr>
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
                                let option = move |value: String, label: Text| {
                                    let selected = value == current;
                                    view! { <option value=value selected=selected>{move || i18n.t(label)}</option> }
                                };
                                let name = column.name.clone();
                                view! {
                                    <tr>
                                        <th scope="row" translate="no">{column.name.clone()}</th>
                                        <td class="examples" translate="no">{column.examples.join(" · ")}</td>
                                        <td>
                                            <select aria-label=move || i18n.fill(Text::UseColumnAs, &[("name", &name)]) on:change=on_change>
                                                {Target::ALL
                                                    .into_iter()
                                                    .map(|target| option(target.key().to_string(), target.text()))
                                                    .collect_view()}
                                                {option("extra".into(), Text::KeepAsExtra)}
                                                {option("ignore".into(), Text::Ignore)}
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

fn action_text(action: &Action) -> Text {
    match action {
        Action::Add => Text::ActionAdd,
        Action::Update { .. } => Text::ActionUpdate,
        Action::Unchanged { .. } => Text::ActionUnchanged,
    }
}

/// The first rows as the cases they become.
#[component]
fn FirstRows(rows: Vec<PlannedRow>, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    (!rows.is_empty()).then(|| {
        let shown = rows.len().to_string();
        let total = total.to_string();
        let head = [Text::Row, Text::Action, Text::Id, Text::FieldTitle, Text::FieldCustomer, Text::FieldStatus];
        view! {
            <div class="table-scroll">
            <table class="preview-table" aria-label=i18n.text(Text::FirstRows)>
                <caption>{move || i18n.fill(Text::FirstRowsOf, &[("shown", &shown), ("total", &total)])}</caption>
                <thead>
                    <tr>
                        {head.into_iter().map(|text| view! { <th scope="col">{move || i18n.t(text)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let incoming = row.incoming;
                            let at = row.at.message();
                            let action = action_text(&row.action);
                            let status = incoming.status.map(|status| status.text());
                            view! {
                                <tr>
                                    <td>{move || i18n.message(&at)}</td>
                                    <td>{move || i18n.t(action)}</td>
                                    // The file's own text, never translated.
                                    <td translate="no">{incoming.external_id}</td>
                                    <td translate="no">{incoming.title.unwrap_or_default()}</td>
                                    <td translate="no">{incoming.customer.unwrap_or_default()}</td>
                                    <td>{move || status.map(|status| i18n.t(status))}</td>
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
