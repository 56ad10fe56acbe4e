//! The case's details for engineering (steps to reproduce, expected and actual result, the
//! environment, order or account ids, what was already tried) in a compact disclosure: they
//! feed the engineering hand-off and are edited like any other field.

use crate::domain::case::{Case, CaseId, Field, FieldError, FieldValue, Version};
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n};
use crate::ui::widgets::fields::TextField;
use leptos::prelude::*;

#[component]
pub fn EngineeringFields(id: CaseId, case: Memo<Case>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    // The refusal (too long) with the version of the case it was about, as the case fields keep it.
    let error = RwSignal::new(None::<(Version, FieldError)>);
    let filled = move || case.with(|c| c.engineering.filled().count());
    let open_at_start = untrack(filled) > 0;
    let field = move |field: Field| {
        let id = id.clone();
        let multiline =
            matches!(field, Field::StepsToReproduce | Field::Expected | Field::Actual | Field::Tried);
        view! {
            <TextField
                label=field.text()
                multiline
                // Expected and actual side by side; the rest a whole row each.
                wide=!matches!(field, Field::Expected | Field::Actual)
                value=Signal::derive(move || case.with(|c| c.field_text(field)))
                on_commit=move |value| {
                    let result = store.edit_case(&id, |c, author, now| c.set_field(field, FieldValue::Text(value), author, now));
                    error.set(match result {
                        Some(Err(refused)) => Some((case.with_untracked(Case::version), refused)),
                        _ => None,
                    });
                }
                error=Signal::derive(move || {
                    let now = case.with(Case::version);
                    error.with(|e| e.as_ref().filter(|(at, e)| *at == now && e.field == field).map(|(_, e)| i18n.message(&e.message)))
                })
            />
        }
    };
    view! {
        // Open from the start when something is filled in, so what is there is seen.
        <details class="panel engineering" open=open_at_start>
            <summary>
                <h2>{i18n.text(Text::EngineeringDetails)}</h2>
                <span class="muted small">
                    {move || i18n.fill(Text::EngineeringFilled, &[("n", &filled().to_string()), ("total", &Field::ENGINEERING.len().to_string())])}
                </span>
            </summary>
            <div class="form-grid">
                {field.clone()(Field::StepsToReproduce)}
                {field.clone()(Field::Expected)}
                {field.clone()(Field::Actual)}
                <fieldset class="environment">
                    <legend>{i18n.text(Text::EnvironmentLegend)}</legend>
                    {field.clone()(Field::AppVersion)}
                    {field.clone()(Field::Platform)}
                    {field.clone()(Field::Browser)}
                </fieldset>
                {field.clone()(Field::ReferenceIds)}
                {field(Field::Tried)}
            </div>
            <p class="muted small">{i18n.text(Text::EngineeringHint)}</p>
        </details>
    }
}
