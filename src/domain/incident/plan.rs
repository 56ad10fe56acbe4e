//! The recovery plan: a checklist made from a plan template, changed per incident, each step
//! ticked with who and when. Resolving with a required step open needs a reason.

use super::{Incident, IncidentEvent, IncidentStatus};
use crate::domain::case::Timestamp;
use crate::i18n::{tr, Lang, Text};
use serde::{Deserialize, Serialize};

/// One step of a plan template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateStep {
    pub label: String,
    #[serde(default)]
    pub required: bool,
}

/// The steps every new incident's plan starts with; set in Settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanTemplate {
    pub name: String,
    pub steps: Vec<TemplateStep>,
}

/// The plan every desk starts with: its name, then each step and whether it is required.
/// Its words are rows of the text table, so a new plan comes in the desk's language.
const BUILT_IN: (Text, [(Text, bool); 8]) = (
    Text::PlanBuiltInName,
    [
        (Text::PlanStepScope, true),
        (Text::PlanStepBriefed, true),
        (Text::PlanStepWorkaround, false),
        (Text::PlanStepFixDeployed, true),
        (Text::PlanStepMonitoring, true),
        (Text::PlanStepContacted, true),
        (Text::PlanStepGoodwill, false),
        (Text::PlanStepPostmortem, false),
    ],
);

impl Default for PlanTemplate {
    /// The built-in plan as stored: in English, which [`PlanTemplate::in_lang`] recognises.
    fn default() -> Self {
        let step =
            |&(text, required): &(Text, bool)| TemplateStep { label: tr(Lang::En, text).into(), required };
        PlanTemplate { name: tr(Lang::En, BUILT_IN.0).into(), steps: BUILT_IN.1.iter().map(step).collect() }
    }
}

impl PlanTemplate {
    /// This template for a reader of `lang`: the name and the steps still as shipped come in
    /// `lang`; what the user wrote or renamed stays as written.
    pub fn in_lang(&self, lang: Lang) -> PlanTemplate {
        let texts = std::iter::once(BUILT_IN.0).chain(BUILT_IN.1.iter().map(|(text, _)| *text));
        let shown = |label: &str| {
            texts
                .clone()
                .find(|text| tr(Lang::En, *text) == label)
                .map_or(label, |text| tr(lang, text))
                .to_string()
        };
        PlanTemplate {
            name: shown(&self.name),
            steps: self
                .steps
                .iter()
                .map(|step| TemplateStep { label: shown(&step.label), ..step.clone() })
                .collect(),
        }
    }
}

/// Who ticked a step, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticked {
    pub by: String,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    /// Unique within the incident and never reused, so the timeline names steps stably.
    pub id: u32,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Ticked>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepChange {
    Added,
    Removed,
    Moved,
    Ticked,
    Unticked,
    Required,
    Optional,
}

impl StepChange {
    pub fn text(self) -> Text {
        match self {
            StepChange::Added => Text::StepAdded,
            StepChange::Removed => Text::StepRemoved,
            StepChange::Moved => Text::StepMoved,
            StepChange::Ticked => Text::StepDone,
            StepChange::Unticked => Text::StepNotDone,
            StepChange::Required => Text::StepMadeRequired,
            StepChange::Optional => Text::StepMadeOptional,
        }
    }
}

/// Why resolving was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    /// These required steps are open; resolving needs a reason.
    OpenRequiredSteps(Vec<String>),
    AlreadyResolved,
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResolveError::OpenRequiredSteps(steps) => write!(
                f,
                "Required steps are still open ({}). Say why the incident is resolved anyway.",
                steps.join(", ")
            ),
            ResolveError::AlreadyResolved => f.write_str("The incident is already resolved."),
        }
    }
}

impl Incident {
    /// Starts the plan from `template`; false (nothing changed) when the plan has steps.
    pub fn start_plan(&mut self, template: &PlanTemplate, author: &str, now: Timestamp) -> bool {
        if !self.plan.is_empty() || template.steps.is_empty() {
            return false;
        }
        self.plan = template
            .steps
            .iter()
            .zip(1..)
            .map(|(step, id)| PlanStep {
                id,
                label: step.label.trim().into(),
                required: step.required,
                done: None,
            })
            .collect();
        let steps = self.plan.iter().map(|step| step.label.clone()).collect();
        self.log(author, now, IncidentEvent::PlanStarted { template: template.name.clone(), steps });
        true
    }

    /// Adds a step at the end; returns its id, or None for an empty label.
    pub fn add_step(&mut self, label: &str, required: bool, author: &str, now: Timestamp) -> Option<u32> {
        let label = label.trim();
        if label.is_empty() {
            return None;
        }
        let id = self.next_step_id();
        self.plan.push(PlanStep { id, label: label.into(), required, done: None });
        self.log_step(id, label.into(), StepChange::Added, author, now);
        Some(id)
    }

    pub fn remove_step(&mut self, id: u32, author: &str, now: Timestamp) -> bool {
        let Some(place) = self.plan.iter().position(|step| step.id == id) else { return false };
        let step = self.plan.remove(place);
        self.log_step(id, step.label, StepChange::Removed, author, now);
        true
    }

    /// Moves a step to position `to` (clamped to the plan); false when it does not move.
    pub fn move_step(&mut self, id: u32, to: usize, author: &str, now: Timestamp) -> bool {
        let Some(from) = self.plan.iter().position(|step| step.id == id) else { return false };
        let to = to.min(self.plan.len() - 1);
        if from == to {
            return false;
        }
        let step = self.plan.remove(from);
        let label = step.label.clone();
        self.plan.insert(to, step);
        self.log_step(id, label, StepChange::Moved, author, now);
        true
    }

    /// Ticks (`done`) or unticks a step, stamping who and when.
    pub fn tick_step(&mut self, id: u32, done: bool, author: &str, now: Timestamp) -> bool {
        let Some(step) = self.plan.iter_mut().find(|step| step.id == id) else { return false };
        if step.done.is_some() == done {
            return false;
        }
        step.done = done.then(|| Ticked { by: author.into(), at: now });
        let label = step.label.clone();
        let change = if done { StepChange::Ticked } else { StepChange::Unticked };
        self.log_step(id, label, change, author, now);
        true
    }

    pub fn set_step_required(&mut self, id: u32, required: bool, author: &str, now: Timestamp) -> bool {
        let Some(step) = self.plan.iter_mut().find(|step| step.id == id) else { return false };
        if step.required == required {
            return false;
        }
        step.required = required;
        let label = step.label.clone();
        let change = if required { StepChange::Required } else { StepChange::Optional };
        self.log_step(id, label, change, author, now);
        true
    }

    /// Labels of the required steps not yet done.
    pub fn open_required_steps(&self) -> Vec<String> {
        self.plan
            .iter()
            .filter(|step| step.required && step.done.is_none())
            .map(|step| step.label.clone())
            .collect()
    }

    /// Resolves the incident. With required steps open a non-empty `reason` is needed, and
    /// it is logged with the steps it waives.
    pub fn resolve(&mut self, reason: &str, author: &str, now: Timestamp) -> Result<(), ResolveError> {
        if !self.is_open() {
            return Err(ResolveError::AlreadyResolved);
        }
        let open = self.open_required_steps();
        let reason = reason.trim();
        if !open.is_empty() {
            if reason.is_empty() {
                return Err(ResolveError::OpenRequiredSteps(open));
            }
            self.log(
                author,
                now,
                IncidentEvent::ResolvedWithOpenSteps { steps: open, reason: reason.into() },
            );
        }
        self.set_status(IncidentStatus::Resolved, author, now);
        Ok(())
    }

    fn next_step_id(&self) -> u32 {
        // Ids of removed steps are on the timeline; never reuse them.
        let logged = self.timeline.iter().filter_map(|entry| match entry.event {
            IncidentEvent::Step { step, .. } => Some(step),
            _ => None,
        });
        self.plan.iter().map(|step| step.id).chain(logged).max().unwrap_or(0) + 1
    }

    fn log_step(&mut self, step: u32, label: String, change: StepChange, author: &str, now: Timestamp) {
        self.log(author, now, IncidentEvent::Step { step, label, change });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn incident() -> Incident {
        let mut incident = Incident::promote("INC-1".into(), "Checkout down", "g-a", vec![], "Mina", at(0));
        assert!(incident.start_plan(&PlanTemplate::default(), "Mina", at(1)));
        incident
    }

    fn labels(incident: &Incident) -> Vec<&str> {
        incident.plan.iter().map(|step| step.label.as_str()).collect()
    }

    #[test]
    fn the_default_plan_has_the_eight_steps_and_starts_once() {
        let mut incident = incident();
        assert_eq!(incident.plan.len(), 8);
        assert_eq!(labels(&incident)[0], "Scope confirmed");
        assert!(!incident.start_plan(&PlanTemplate::default(), "Mina", at(2)));
        assert!(
            matches!(&incident.timeline[1].event, IncidentEvent::PlanStarted { steps, .. } if steps.len() == 8)
        );
    }

    #[test]
    fn the_built_in_plan_comes_in_the_readers_language_and_the_users_words_stay() {
        let mut template = PlanTemplate::default();
        template.steps[1].label = "Brief the night shift".into();
        template.steps[2].required = true;
        let korean = template.in_lang(Lang::Ko);
        assert_eq!(korean.name, "표준 복구");
        assert_eq!(korean.steps[0], TemplateStep { label: "영향 범위 확인".into(), required: true });
        assert_eq!(korean.steps[1].label, "Brief the night shift");
        assert_eq!(korean.steps[2], TemplateStep { label: "임시 해결 방법 안내".into(), required: true });
        assert_eq!(template.in_lang(Lang::En), template);
        assert_eq!(PlanTemplate::default().in_lang(Lang::ZhTw).steps[7].label, "已安排事後檢討");
    }

    #[test]
    fn steps_are_added_removed_moved_and_ticked_with_who_and_when() {
        let mut incident = incident();
        let id = incident.add_step(" Status page updated ", true, "Jun", at(2)).unwrap();
        assert_eq!(id, 9);
        assert_eq!(incident.add_step("  ", false, "Jun", at(2)), None);
        assert!(incident.move_step(id, 0, "Jun", at(3)));
        assert!(!incident.move_step(id, 0, "Jun", at(3)));
        assert_eq!(labels(&incident)[..2], ["Status page updated", "Scope confirmed"]);
        assert!(incident.tick_step(id, true, "Jun", at(4)));
        assert!(!incident.tick_step(id, true, "Jun", at(5)));
        assert_eq!(incident.plan[0].done, Some(Ticked { by: "Jun".into(), at: at(4) }));
        assert!(incident.remove_step(id, "Mina", at(6)));
        assert_eq!(incident.add_step("Again", false, "Mina", at(7)), Some(10), "removed ids are not reused");
        assert!(incident.set_step_required(1, false, "Mina", at(8)));
        let changes: Vec<String> =
            incident.timeline[2..].iter().map(|entry| entry.event.describe()).collect();
        assert_eq!(
            changes,
            [
                "Plan step added: \u{201c}Status page updated\u{201d}",
                "Plan step moved: \u{201c}Status page updated\u{201d}",
                "Plan step done: \u{201c}Status page updated\u{201d}",
                "Plan step removed: \u{201c}Status page updated\u{201d}",
                "Plan step added: \u{201c}Again\u{201d}",
                "Plan step made optional: \u{201c}Scope confirmed\u{201d}",
            ]
        );
    }

    #[test]
    fn resolving_with_required_steps_open_needs_a_reason_and_logs_it() {
        let mut incident = incident();
        let required: Vec<u32> =
            incident.plan.iter().filter(|step| step.required).map(|step| step.id).collect();
        for id in &required[1..] {
            incident.tick_step(*id, true, "Mina", at(2));
        }
        assert_eq!(
            incident.resolve(" ", "Mina", at(3)),
            Err(ResolveError::OpenRequiredSteps(vec!["Scope confirmed".into()]))
        );
        assert!(incident.is_open());
        incident.resolve("Scope confirmed by the vendor's report", "Mina", at(4)).unwrap();
        assert_eq!(incident.status, IncidentStatus::Resolved);
        let last_two: Vec<&IncidentEvent> =
            incident.timeline.iter().rev().take(2).map(|e| &e.event).collect();
        assert!(
            matches!(last_two[1], IncidentEvent::ResolvedWithOpenSteps { steps, .. } if steps == &["Scope confirmed"])
        );
        assert_eq!(incident.resolve("", "Mina", at(5)), Err(ResolveError::AlreadyResolved));

        let mut clean = self::incident();
        for id in required {
            clean.tick_step(id, true, "Mina", at(2));
        }
        clean.resolve("", "Mina", at(3)).unwrap();
        assert!(!clean
            .timeline
            .iter()
            .any(|e| matches!(e.event, IncidentEvent::ResolvedWithOpenSteps { .. })));
    }
}
