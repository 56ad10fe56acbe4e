//! Settings > Incident updates: how often a status update is owed at each impact, and the
//! recovery plan every new incident starts from (steps, which are required, their order).

use super::save_settings;
use super::sla::whole_number;
use super::tx;
use crate::domain::incident::cadence::Cadence;
use crate::domain::incident::plan::{PlanTemplate, TemplateStep};
use crate::i18n::Text;
use crate::ui::state::{use_desk, use_i18n};
use crate::ui::widgets::fields::{CountField, TextField};
use leptos::prelude::*;

/// A day: an update cadence longer than that is a typo.
const MAX_MINUTES: u32 = 24 * 60;

#[component]
pub fn CadenceAndPlan() -> impl IntoView {
    view! {
        <section id="settings-cadence" tabindex="-1" class="panel" aria-labelledby="cadence-heading">
            <h2 id="cadence-heading">{tx(Text::IncidentUpdates)}</h2>
            <h3>{tx(Text::UpdateCadence)}</h3>
            <p class="muted small">{tx(Text::CadenceHint)}</p>
            <div class="form-grid cadence-grid">
                <MinutesField label=Text::CadenceCritical read=|c| c.critical_minutes write=|c, n| c.critical_minutes = n />
                <MinutesField label=Text::CadenceMajor read=|c| c.major_minutes write=|c, n| c.major_minutes = n />
                <MinutesField label=Text::CadenceMinor read=|c| c.minor_minutes write=|c, n| c.minor_minutes = n />
            </div>
            <PlanTemplateEditor />
        </section>
    }
}

/// Minutes between updates at one impact, from 1 to a day.
#[component]
fn MinutesField(label: Text, read: fn(&Cadence) -> u32, write: fn(&mut Cadence, u32)) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
    let commit = move |n: Result<u32, String>| match n {
        Ok(n) if (1..=MAX_MINUTES).contains(&n) => {
            error.set(None);
            save_settings(|settings| write(&mut settings.incidents.cadence, n));
        }
        _ => error.set(Some(whole_number(i18n, 1, MAX_MINUTES))),
    };
    view! {
        <CountField
            label
            value=Signal::derive(move || store.desk.with(|desk| read(&desk.settings.incidents.cadence)))
            error
            on_commit=commit
        />
    }
}

/// Applies `edit` to the plan template and saves it.
fn change_plan(edit: impl FnOnce(&mut PlanTemplate)) {
    save_settings(|settings| edit(&mut settings.incidents.plan));
}

#[component]
fn PlanTemplateEditor() -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    // Shown in the page's language where still as shipped; an edit changes the stored step.
    let plan = Memo::new(move |_| store.desk.with(|desk| desk.settings.incidents.plan.in_lang(i18n.lang())));
    let new_step = RwSignal::new(String::new());
    let add = move || {
        let label = new_step.get_untracked().trim().to_string();
        if !label.is_empty() {
            change_plan(|plan| plan.steps.push(TemplateStep { label, required: false }));
            new_step.set(String::new());
        }
    };
    view! {
        <h3 id="plan-heading">{tx(Text::PlanTemplate)}</h3>
        <p class="muted small">{tx(Text::PlanTemplateHint)}</p>
        <TextField
            label=Text::PlanName
            value=Signal::derive(move || plan.with(|p| p.name.clone()))
            on_commit=move |name: String| change_plan(|plan| plan.name = name.trim().to_string())
        />
        <ol class="plan-steps" aria-labelledby="plan-heading">
            {move || {
                let count = plan.with(|p| p.steps.len());
                (0..count).map(|at| view! { <PlanStepRow at count plan /> }).collect_view()
            }}
        </ol>
        <form class="add-step" on:submit=move |ev| {
            ev.prevent_default();
            add();
        }>
            <div class="field">
                <label for="plan-new-step">{tx(Text::NewStep)}</label>
                <input id="plan-new-step" type="text" autocomplete="off"
                    prop:value=move || new_step.get()
                    on:input=move |ev| new_step.set(event_target_value(&ev)) />
            </div>
            <button type="submit">{tx(Text::AddStep)}</button>
        </form>
    }
}

/// One step: its label, whether it is required, and moving or removing it.
#[component]
fn PlanStepRow(at: usize, count: usize, plan: Memo<PlanTemplate>) -> impl IntoView {
    let i18n = use_i18n();
    let step = move || {
        plan.with(|p| {
            p.steps.get(at).cloned().unwrap_or(TemplateStep { label: String::new(), required: false })
        })
    };
    let label = move || step().label;
    let named = move |text: Text| i18n.fill(text, &[("step", &label())]);
    let id = format!("plan-step-{at}");
    // Another tab may have shortened the plan meanwhile: then nothing moves.
    let move_to = move |to: usize| {
        change_plan(|plan| {
            if at.max(to) < plan.steps.len() {
                plan.steps.swap(at, to);
            }
        })
    };
    view! {
        <li class="plan-step">
            <label class="visually-hidden" for=id.clone()>{move || i18n.fill(Text::StepNumber, &[("n", &(at + 1).to_string())])}</label>
            <input id=id type="text" autocomplete="off" prop:value=label
                on:change=move |ev| {
                    let text = event_target_value(&ev).trim().to_string();
                    if !text.is_empty() {
                        change_plan(|plan| {
                            if let Some(step) = plan.steps.get_mut(at) {
                                step.label = text;
                            }
                        });
                    }
                } />
            <label class="check">
                <input type="checkbox" prop:checked=move || step().required
                    on:change=move |ev| {
                        let required = event_target_checked(&ev);
                        change_plan(|plan| {
                            if let Some(step) = plan.steps.get_mut(at) {
                                step.required = required;
                            }
                        });
                    } />
                {tx(Text::StepRequired)}
            </label>
            <div class="step-buttons">
                <button type="button" aria-label=move || named(Text::MoveStepUp) disabled=at == 0
                    on:click=move |_| move_to(at - 1)>"\u{2191}"</button>
                <button type="button" aria-label=move || named(Text::MoveStepDown) disabled=at + 1 == count
                    on:click=move |_| move_to(at + 1)>"\u{2193}"</button>
                <button type="button" aria-label=move || named(Text::RemoveStep)
                    on:click=move |_| change_plan(|plan| {
                        if at < plan.steps.len() {
                            plan.steps.remove(at);
                        }
                    })>"\u{2715}"</button>
            </div>
        </li>
    }
}
