//! The recovery plan: steps ticked with who and when, added, removed, moved with buttons (so
//! the keyboard can reorder), made required or optional; and resolving, which asks for a
//! reason in a dialog while a required step is open.

use super::{edit, resolve};
use crate::domain::inbox::local_time_label;
use crate::domain::incident::plan::PlanStep;
use crate::domain::incident::Incident;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n};
use leptos::prelude::*;

/// What one step's buttons do.
#[derive(Clone, Copy)]
enum StepAction {
    Tick(bool),
    Require(bool),
    MoveTo(usize),
    Remove,
}

#[component]
pub fn RecoveryPlan(incident: Memo<Incident>, ask_reason: RwSignal<bool>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let id = StoredValue::new(incident.with_untracked(|i| i.id.clone()));
    let steps = Memo::new(move |_| incident.with(|i| i.plan.clone()));
    let open = Memo::new(move |_| incident.with(|i| i.is_open()));
    let open_required = Memo::new(move |_| incident.with(|i| i.open_required_steps().len()));
    let act = move |step: u32, action: StepAction| {
        edit(store, &id.get_value(), |i, _, author, now| match action {
            StepAction::Tick(done) => i.tick_step(step, done, author, now),
            StepAction::Require(required) => i.set_step_required(step, required, author, now),
            StepAction::MoveTo(to) => i.move_step(step, to, author, now),
            StepAction::Remove => i.remove_step(step, author, now),
        });
    };
    let new_label = RwSignal::new(String::new());
    let new_required = RwSignal::new(false);
    let add = move || {
        let label = new_label.get_untracked();
        let required = new_required.get_untracked();
        if edit(store, &id.get_value(), |i, _, author, now| i.add_step(&label, required, author, now))
            .is_some()
        {
            new_label.set(String::new());
            new_required.set(false);
        }
    };
    let start = move |_| {
        let template = store.desk.with_untracked(|desk| desk.settings.incidents.plan.in_lang(i18n.lang()));
        edit(store, &id.get_value(), |i, _, author, now| i.start_plan(&template, author, now));
    };
    view! {
        <section class="panel plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{i18n.text(Text::RecoveryPlan)}</h2>
            <p class="muted small">
                {move || i18n.fill(Text::RequiredStepsOpen, &[("n", &open_required.get().to_string())])}
            </p>
            <Show when=move || steps.with(Vec::is_empty)>
                <button on:click=start>{i18n.text(Text::StartPlan)}</button>
            </Show>
            <ol class="plan-steps">
                {move || {
                    // The rows' words are read once; a language switch builds them again.
                    i18n.lang();
                    let all = steps.get();
                    let last = all.len().saturating_sub(1);
                    all.into_iter().enumerate().map(|(at, step)| view! { <Step step at last act /> }).collect_view()
                }}
            </ol>
            <form class="add-step" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="new-step">{i18n.text(Text::NewStep)}</label>
                    <input id="new-step" type="text" autocomplete="off" prop:value=move || new_label.get()
                        on:input=move |ev| new_label.set(event_target_value(&ev)) />
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || new_required.get()
                        on:change=move |ev| new_required.set(event_target_checked(&ev)) />
                    {i18n.text(Text::StepRequired)}
                </label>
                <button type="submit" disabled=move || new_label.with(|l| l.trim().is_empty())>{i18n.text(Text::AddStep)}</button>
            </form>
            <Show when=move || open.get()>
                <div class="button-row">
                    <button class="primary" on:click=move |_| { resolve(store, &id.get_value(), "", ask_reason); }>
                        {i18n.text(Text::ResolveIncident)}
                    </button>
                </div>
            </Show>
            <ResolveDialog incident ask_reason />
        </section>
    }
}

#[component]
fn Step(
    step: PlanStep,
    at: usize,
    last: usize,
    act: impl Fn(u32, StepAction) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let PlanStep { id, label, required, done } = step;
    let check_id = format!("step-{id}");
    let named = |text: Text| i18n.fill(text, &[("step", &label)]);
    let (up, down, remove, require) = (
        named(Text::MoveStepUp),
        named(Text::MoveStepDown),
        named(Text::RemoveStep),
        named(Text::RequiredStep),
    );
    let ticked = done.map(|done| {
        let when = local_time_label(done.at, browser::utc_offset_minutes());
        i18n.fill(Text::DoneByAt, &[("name", &done.by), ("time", &when)])
    });
    let is_done = ticked.is_some();
    view! {
        <li class="plan-step" class:done=is_done>
            <input id=check_id.clone() type="checkbox" prop:checked=is_done
                on:change=move |ev| act(id, StepAction::Tick(event_target_checked(&ev))) />
            <label for=check_id class="step-label">
                {label.clone()}
                {required.then(|| view! { <span class="required-step">" " {i18n.t(Text::RequiredMark)}</span> })}
                {ticked.map(|t| view! { <span class="muted small step-done">{t}</span> })}
            </label>
            <span class="step-tools">
                <label class="check small">
                    <input type="checkbox" prop:checked=required aria-label=require
                        on:change=move |ev| act(id, StepAction::Require(event_target_checked(&ev))) />
                    {i18n.t(Text::StepRequired)}
                </label>
                <button class="small-button step-move" aria-label=up.clone() title=up disabled=at == 0
                    on:click=move |_| act(id, StepAction::MoveTo(at.saturating_sub(1)))>"\u{2191}"</button>
                <button class="small-button step-move" aria-label=down.clone() title=down disabled=at == last
                    on:click=move |_| act(id, StepAction::MoveTo(at + 1))>"\u{2193}"</button>
                <button class="small-button step-move" aria-label=remove.clone() title=remove
                    on:click=move |_| act(id, StepAction::Remove)>"\u{00d7}"</button>
            </span>
        </li>
    }
}

/// Asks why the incident is resolved with required steps open, and resolves with the reason.
#[component]
fn ResolveDialog(incident: Memo<Incident>, ask_reason: RwSignal<bool>) -> impl IntoView {
    let store = use_desk();
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let reason = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if ask_reason.get() && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !ask_reason.get() && dialog.open() {
                dialog.close();
            }
        }
    });
    let confirm = move |_| {
        let id = incident.with_untracked(|i| i.id.clone());
        if resolve(store, &id, &reason.get_untracked(), ask_reason) {
            reason.set(String::new());
            ask_reason.set(false);
        }
    };
    view! {
        <dialog node_ref=dialog class="panel resolve-dialog" aria-labelledby="resolve-heading"
            on:close=move |_| ask_reason.set(false)>
            <h2 id="resolve-heading">{i18n.text(Text::ResolveWithOpenSteps)}</h2>
            <p>{i18n.text(Text::ResolveWithOpenStepsHint)}</p>
            <ul>
                {move || incident.with(|i| i.open_required_steps()).into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
            </ul>
            <div class="field wide">
                <label for="resolve-reason">{i18n.text(Text::ResolveReason)}</label>
                <textarea id="resolve-reason" rows="3" aria-required="true" prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </div>
            <div class="button-row">
                <button class="primary" disabled=move || reason.with(|r| r.trim().is_empty()) on:click=confirm>
                    {i18n.text(Text::ResolveAnyway)}
                </button>
                <button on:click=move |_| ask_reason.set(false)>{i18n.text(Text::Cancel)}</button>
            </div>
        </dialog>
    }
}
