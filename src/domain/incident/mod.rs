//! Incidents: one problem behind many customers' cases, promoted from a duplicate group, with
//! its own status and timeline and a blast radius read from the cases it links; and the work
//! of running one: status updates from templates on a cadence, a recovery plan, customer
//! outreach, an engineering hand-off and a postmortem draft (one submodule each).
//!
//! Nothing here uses `desk` (the desk holds incidents, so that would be a loop): what needs
//! the whole desk is in `desk_incidents`.

mod builtin;
pub mod cadence;
pub mod handoff;
pub mod markdown;
pub mod outreach;
pub mod plan;
pub mod postmortem;
pub mod templates;

use super::case::{Case, CaseId, Choice, Priority, Surface, Tier, Timestamp};
use super::sla::{Target, TargetState, TargetStatus};
use super::triage::Score;
use crate::i18n::{fill, tr, Lang, Text};
use cadence::{Cadence, Impact};
use outreach::OutreachState;
use plan::{PlanStep, PlanTemplate, StepChange};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use templates::{Audience, TemplateLibrary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl IncidentStatus {
    pub const ALL: &'static [IncidentStatus] = &[
        IncidentStatus::Investigating,
        IncidentStatus::Identified,
        IncidentStatus::Monitoring,
        IncidentStatus::Resolved,
    ];

    pub fn is_open(self) -> bool {
        self != IncidentStatus::Resolved
    }
}

impl Choice for IncidentStatus {
    fn all() -> &'static [Self] {
        Self::ALL
    }

    fn key(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Identified => "identified",
            IncidentStatus::Monitoring => "monitoring",
            IncidentStatus::Resolved => "resolved",
        }
    }

    fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    fn text(self) -> Text {
        match self {
            IncidentStatus::Investigating => Text::IncidentInvestigating,
            IncidentStatus::Identified => Text::IncidentIdentified,
            IncidentStatus::Monitoring => Text::IncidentMonitoring,
            IncidentStatus::Resolved => Text::IncidentResolved,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|s| s.key().eq_ignore_ascii_case(wanted) || s.label().eq_ignore_ascii_case(wanted))
    }
}

impl fmt::Display for IncidentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum IncidentEvent {
    /// Promoted from the duplicate group `group_id` with `cases` linked.
    Promoted {
        group_id: String,
        cases: Vec<CaseId>,
    },
    StatusChanged {
        from: IncidentStatus,
        to: IncidentStatus,
    },
    Note {
        text: String,
    },
    /// Cases added to the blast radius after promotion.
    CasesAdded {
        cases: Vec<CaseId>,
    },
    /// A case taken out of the blast radius; its own timeline logs it too.
    CaseRemoved {
        case: CaseId,
    },
    /// Impact, surfaces, workaround or data loss changed; values as the page shows them.
    Changed {
        field: IncidentField,
        from: String,
        to: String,
    },
    /// A status update sent to `audience`, restarting the update cadence.
    UpdatePosted {
        audience: Audience,
        subject: String,
        text: String,
        /// When the next update is due after this one; None once resolved or without impact.
        next_due: Option<Timestamp>,
    },
    /// The recovery plan made from a plan template, with its steps' labels.
    PlanStarted {
        template: String,
        steps: Vec<String>,
    },
    /// One recovery-plan step added, removed, moved, ticked or made (not) required.
    Step {
        step: u32,
        label: String,
        change: StepChange,
    },
    /// Resolved while required plan steps were open, and why.
    ResolvedWithOpenSteps {
        steps: Vec<String>,
        reason: String,
    },
    /// A customer's outreach state changed (a logged contact sets Contacted).
    Outreach {
        customer: String,
        state: OutreachState,
        text: String,
    },
    /// The postmortem draft edited: once per editing session (see [`Incident::set_postmortem`]);
    /// the text itself is in [`Incident::postmortem`], not copied into the timeline.
    PostmortemEdited,
}

/// What an [`IncidentEvent::Changed`] changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentField {
    Impact,
    Surfaces,
    Workaround,
    DataLoss,
}

impl IncidentField {
    /// The English label, as the hand-off writes it.
    pub fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    pub fn text(self) -> Text {
        match self {
            IncidentField::Impact => Text::IncidentImpact,
            IncidentField::Surfaces => Text::IncidentSurfaces,
            IncidentField::Workaround => Text::IncidentWorkaround,
            IncidentField::DataLoss => Text::IncidentDataLoss,
        }
    }
}

impl IncidentEvent {
    /// The entry in English, as the hand-off and the tests read it.
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// The entry in words of `lang`, for the incident's timeline and the postmortem; what
    /// people typed (notes, subjects, reasons) stays as written.
    pub fn describe_in(&self, lang: Lang) -> String {
        let t = |text: Text| tr(lang, text);
        let quoted = |text: &str| match text {
            "" => t(Text::EvEmpty).to_string(),
            text => fill(t(Text::Quoted), &[("text", text)]),
        };
        match self {
            IncidentEvent::Promoted { cases, .. } => {
                fill(t(Text::PromotedFromGroup), &[("n", &cases.len().to_string())])
            }
            IncidentEvent::StatusChanged { from, to } => {
                fill(t(Text::StatusChangedFromTo), &[("from", t(from.text())), ("to", t(to.text()))])
            }
            IncidentEvent::Note { text } => fill(t(Text::UpdateNote), &[("text", text)]),
            IncidentEvent::CasesAdded { cases } => {
                fill(t(Text::CasesAddedLog), &[("n", &cases.len().to_string()), ("cases", &join(cases))])
            }
            IncidentEvent::CaseRemoved { case } => fill(t(Text::CaseRemovedLog), &[("case", &case.0)]),
            IncidentEvent::Changed { field, from, to } => {
                // Impact and data loss are logged by their English labels; shown in `lang`.
                let shown = |text: &str| {
                    let choice = match field {
                        IncidentField::Impact => {
                            Impact::ALL.into_iter().find(|i| i.label() == text).map(Choice::text)
                        }
                        IncidentField::DataLoss => {
                            DataLoss::ALL.into_iter().find(|d| d.label() == text).map(Choice::text)
                        }
                        _ => None,
                    };
                    quoted(choice.map_or(text, |choice| tr(lang, choice)))
                };
                fill(
                    t(Text::FieldChangedLog),
                    &[("field", t(field.text())), ("from", &shown(from)), ("to", &shown(to))],
                )
            }
            IncidentEvent::UpdatePosted { audience, subject, .. } => fill(
                t(Text::UpdatePostedLog),
                &[("audience", t(audience.text())), ("subject", &quoted(subject))],
            ),
            IncidentEvent::PlanStarted { template, steps } => {
                fill(t(Text::PlanStartedLog), &[("template", template), ("n", &steps.len().to_string())])
            }
            IncidentEvent::Step { label, change, .. } => {
                fill(t(Text::StepLog), &[("change", t(change.text())), ("step", &quoted(label))])
            }
            IncidentEvent::ResolvedWithOpenSteps { steps, reason } => fill(
                t(Text::ResolvedWithOpenStepsLog),
                &[("steps", &steps.join(t(Text::ListSeparator))), ("reason", &quoted(reason))],
            ),
            IncidentEvent::Outreach { customer, state, text } => {
                let line = fill(t(Text::OutreachLog), &[("customer", customer), ("state", t(state.text()))]);
                if text.is_empty() {
                    line
                } else {
                    format!("{line} {}", quoted(text))
                }
            }
            IncidentEvent::PostmortemEdited => t(Text::PostmortemEditedLog).to_string(),
        }
    }
}

fn join(ids: &[CaseId]) -> String {
    ids.iter().map(|id| id.0.as_str()).collect::<Vec<_>>().join(", ")
}

/// Stored as one flat object, like a case's timeline entry (see `case::StoredEntry` for why).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredIncidentEntry", try_from = "StoredIncidentEntry")]
pub struct IncidentEntry {
    pub at: Timestamp,
    pub author: String,
    pub event: IncidentEvent,
}

/// Every event's fields as optional members; each event writes only its own.
#[derive(Default, Serialize, Deserialize)]
struct StoredIncidentEntry {
    at: Timestamp,
    author: String,
    event: IncidentEventName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cases: Option<Vec<CaseId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<IncidentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<IncidentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case: Option<CaseId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<IncidentField>,
    /// A changed field's old and new text (`from`/`to` hold statuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    new: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    audience: Option<Audience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    steps: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change: Option<StepChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    customer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outreach: Option<OutreachState>,
}

#[derive(Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum IncidentEventName {
    Promoted,
    StatusChanged,
    #[default]
    Note,
    CasesAdded,
    CaseRemoved,
    Changed,
    UpdatePosted,
    PlanStarted,
    Step,
    ResolvedWithOpenSteps,
    Outreach,
    PostmortemEdited,
}

impl From<IncidentEntry> for StoredIncidentEntry {
    fn from(entry: IncidentEntry) -> Self {
        use IncidentEventName as Name;
        let stored =
            StoredIncidentEntry { at: entry.at, author: entry.author, ..StoredIncidentEntry::default() };
        match entry.event {
            IncidentEvent::Promoted { group_id, cases } => StoredIncidentEntry {
                event: Name::Promoted,
                group_id: Some(group_id),
                cases: Some(cases),
                ..stored
            },
            IncidentEvent::StatusChanged { from, to } => {
                StoredIncidentEntry { event: Name::StatusChanged, from: Some(from), to: Some(to), ..stored }
            }
            IncidentEvent::Note { text } => StoredIncidentEntry { text: Some(text), ..stored },
            IncidentEvent::CasesAdded { cases } => {
                StoredIncidentEntry { event: Name::CasesAdded, cases: Some(cases), ..stored }
            }
            IncidentEvent::CaseRemoved { case } => {
                StoredIncidentEntry { event: Name::CaseRemoved, case: Some(case), ..stored }
            }
            IncidentEvent::Changed { field, from, to } => StoredIncidentEntry {
                event: Name::Changed,
                field: Some(field),
                old: Some(from),
                new: Some(to),
                ..stored
            },
            IncidentEvent::UpdatePosted { audience, subject, text, next_due } => StoredIncidentEntry {
                event: Name::UpdatePosted,
                audience: Some(audience),
                subject: Some(subject),
                text: Some(text),
                due: next_due,
                ..stored
            },
            IncidentEvent::PlanStarted { template, steps } => StoredIncidentEntry {
                event: Name::PlanStarted,
                template: Some(template),
                steps: Some(steps),
                ..stored
            },
            IncidentEvent::Step { step, label, change } => StoredIncidentEntry {
                event: Name::Step,
                step: Some(step),
                text: Some(label),
                change: Some(change),
                ..stored
            },
            IncidentEvent::ResolvedWithOpenSteps { steps, reason } => StoredIncidentEntry {
                event: Name::ResolvedWithOpenSteps,
                steps: Some(steps),
                text: Some(reason),
                ..stored
            },
            IncidentEvent::Outreach { customer, state, text } => StoredIncidentEntry {
                event: Name::Outreach,
                customer: Some(customer),
                outreach: Some(state),
                text: Some(text),
                ..stored
            },
            IncidentEvent::PostmortemEdited => {
                StoredIncidentEntry { event: Name::PostmortemEdited, ..stored }
            }
        }
    }
}

impl TryFrom<StoredIncidentEntry> for IncidentEntry {
    type Error = String;

    fn try_from(stored: StoredIncidentEntry) -> Result<Self, String> {
        use IncidentEventName as Name;
        fn need<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        let event = match stored.event {
            Name::Promoted => IncidentEvent::Promoted {
                group_id: need(stored.group_id, "group_id")?,
                cases: need(stored.cases, "cases")?,
            },
            Name::StatusChanged => {
                IncidentEvent::StatusChanged { from: need(stored.from, "from")?, to: need(stored.to, "to")? }
            }
            Name::Note => IncidentEvent::Note { text: need(stored.text, "text")? },
            Name::CasesAdded => IncidentEvent::CasesAdded { cases: need(stored.cases, "cases")? },
            Name::CaseRemoved => IncidentEvent::CaseRemoved { case: need(stored.case, "case")? },
            Name::Changed => IncidentEvent::Changed {
                field: need(stored.field, "field")?,
                from: need(stored.old, "old")?,
                to: need(stored.new, "new")?,
            },
            Name::UpdatePosted => IncidentEvent::UpdatePosted {
                audience: need(stored.audience, "audience")?,
                subject: need(stored.subject, "subject")?,
                text: need(stored.text, "text")?,
                next_due: stored.due,
            },
            Name::PlanStarted => IncidentEvent::PlanStarted {
                template: need(stored.template, "template")?,
                steps: need(stored.steps, "steps")?,
            },
            Name::Step => IncidentEvent::Step {
                step: need(stored.step, "step")?,
                label: need(stored.text, "text")?,
                change: need(stored.change, "change")?,
            },
            Name::ResolvedWithOpenSteps => IncidentEvent::ResolvedWithOpenSteps {
                steps: need(stored.steps, "steps")?,
                reason: need(stored.text, "text")?,
            },
            Name::Outreach => IncidentEvent::Outreach {
                customer: need(stored.customer, "customer")?,
                state: need(stored.outreach, "outreach")?,
                text: need(stored.text, "text")?,
            },
            Name::PostmortemEdited => IncidentEvent::PostmortemEdited,
        };
        Ok(IncidentEntry { at: stored.at, author: stored.author, event })
    }
}

/// Whether the incident lost customer data, which the Resolved message must say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataLoss {
    /// Not yet said; a message that needs it cannot be posted.
    #[default]
    Unknown,
    NoneLost,
    SomeLost,
}

impl DataLoss {
    pub const ALL: [DataLoss; 3] = [DataLoss::Unknown, DataLoss::NoneLost, DataLoss::SomeLost];

    pub fn label(self) -> &'static str {
        match self {
            DataLoss::Unknown => "Not known yet",
            DataLoss::NoneLost => "No data lost",
            DataLoss::SomeLost => "Some data lost",
        }
    }
}

impl Choice for DataLoss {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn key(self) -> &'static str {
        match self {
            DataLoss::Unknown => "unknown",
            DataLoss::NoneLost => "none_lost",
            DataLoss::SomeLost => "some_lost",
        }
    }

    fn label(self) -> &'static str {
        DataLoss::label(self)
    }

    fn text(self) -> Text {
        match self {
            DataLoss::Unknown => Text::DataLossUnknown,
            DataLoss::NoneLost => Text::DataLossNone,
            DataLoss::SomeLost => Text::DataLossSome,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|loss| loss.key() == text.trim())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// "INC-1", "INC-2", …
    pub id: String,
    pub title: String,
    pub status: IncidentStatus,
    pub created_at: Timestamp,
    /// Last change; two tabs keep the newer copy of an incident.
    pub updated_at: Timestamp,
    /// The cases in the blast radius, in the order they were linked.
    pub cases: Vec<CaseId>,
    pub timeline: Vec<IncidentEntry>,
    #[serde(default)]
    pub impact: Impact,
    /// Where customers meet the problem, in the lead's words ("iOS app checkout").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surfaces: Vec<String>,
    /// What customers can do meanwhile; empty while there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub workaround: String,
    #[serde(default)]
    pub data_loss: DataLoss,
    /// When the next status update is due; None without impact or once resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_update_due: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanStep>,
    /// Outreach state by customer name; a customer not here is Not contacted.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outreach: BTreeMap<String, OutreachState>,
    /// The postmortem as the team edited it; None while the page offers the compiled draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmortem: Option<PostmortemDraft>,
}

/// The edited postmortem (Markdown) and when it was last changed. Ordered by that time, then
/// by text, so two tabs' edits resolve the same way in both (see [`Incident::merge_postmortem`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PostmortemDraft {
    pub at: Timestamp,
    pub text: String,
}

/// What the incident work is set up with: the update cadence, the template library and the
/// recovery plan template. Lives in the desk settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IncidentSettings {
    pub cadence: Cadence,
    pub templates: TemplateLibrary,
    pub plan: PlanTemplate,
}

/// What the engines computed about one case, as the hand-off and the postmortem read it: the
/// UI keeps these in memos, tests compute them with the triage and SLA engines.
#[derive(Clone, Debug)]
pub struct CaseFacts<'a> {
    pub case: &'a Case,
    /// The computed score and the priority acted on (a pin wins).
    pub score: Option<(Score, Priority)>,
    /// Each SLA target's state now.
    pub sla: Vec<(Target, TargetStatus)>,
}

impl CaseFacts<'_> {
    /// The targets breached on this case, whether still running or finished late.
    pub fn breached(&self) -> impl Iterator<Item = Target> + '_ {
        self.sla.iter().filter(|(_, status)| status.state == TargetState::Breached).map(|(target, _)| *target)
    }
}

/// How far an incident reaches, counted from its linked cases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlastRadius {
    pub cases: usize,
    /// Distinct customer names, sorted.
    pub customers: Vec<String>,
    /// Distinct tiers, highest first.
    pub tiers: Vec<Tier>,
    pub surfaces: Vec<Surface>,
    /// The sum of each case's customers-affected count.
    pub customers_affected: u64,
}

/// Counts what these cases reach.
pub fn radius_of<'a>(reached: impl IntoIterator<Item = &'a Case>) -> BlastRadius {
    let mut customers = BTreeSet::new();
    let mut tiers = BTreeSet::new();
    let mut surfaces = BTreeSet::new();
    let mut radius = BlastRadius::default();
    for case in reached {
        radius.cases += 1;
        radius.customers_affected += u64::from(case.customers_affected);
        let customer = case.customer.trim();
        if !customer.is_empty() {
            customers.insert(customer.to_string());
        }
        tiers.insert(case.tier);
        surfaces.insert(case.surface);
    }
    radius.customers = customers.into_iter().collect();
    radius.tiers = tiers.into_iter().collect();
    radius.surfaces = surfaces.into_iter().collect();
    radius
}

impl Incident {
    /// A new incident in Investigating with the group's cases linked.
    pub fn promote(
        id: String,
        title: &str,
        group_id: &str,
        cases: Vec<CaseId>,
        author: &str,
        now: Timestamp,
    ) -> Incident {
        let entry = IncidentEntry {
            at: now,
            author: author.to_string(),
            event: IncidentEvent::Promoted { group_id: group_id.to_string(), cases: cases.clone() },
        };
        Incident {
            id,
            title: title.trim().to_string(),
            status: IncidentStatus::Investigating,
            created_at: now,
            updated_at: now,
            cases,
            timeline: vec![entry],
            impact: Impact::default(),
            surfaces: Vec::new(),
            workaround: String::new(),
            data_loss: DataLoss::default(),
            next_update_due: None,
            plan: Vec::new(),
            outreach: BTreeMap::new(),
            postmortem: None,
        }
    }

    /// Moves the incident to `to`. Resolving stops the update cadence; reopening owes an
    /// update at once (with impact). Resolving with required plan steps open goes through
    /// [`Incident::resolve`], which asks for a reason.
    pub fn set_status(&mut self, to: IncidentStatus, author: &str, now: Timestamp) -> bool {
        let from = self.status;
        if from == to {
            return false;
        }
        self.status = to;
        if !to.is_open() {
            self.next_update_due = None;
        } else if !from.is_open() && self.impact != Impact::None {
            self.next_update_due = Some(now);
        }
        self.log(author, now, IncidentEvent::StatusChanged { from, to });
        true
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    pub fn holds(&self, case: &CaseId) -> bool {
        self.cases.contains(case)
    }

    /// Adds the cases not yet in the blast radius, logged as one entry; returns those added.
    pub fn add_cases(&mut self, cases: &[CaseId], author: &str, now: Timestamp) -> Vec<CaseId> {
        let mut added: Vec<CaseId> = Vec::new();
        for case in cases {
            if !self.holds(case) && !added.contains(case) {
                added.push(case.clone());
            }
        }
        if !added.is_empty() {
            self.cases.extend(added.iter().cloned());
            self.log(author, now, IncidentEvent::CasesAdded { cases: added.clone() });
        }
        added
    }

    /// Takes a case out of the blast radius; false if it was not in it.
    pub fn remove_case(&mut self, case: &CaseId, author: &str, now: Timestamp) -> bool {
        let Some(place) = self.cases.iter().position(|held| held == case) else { return false };
        self.cases.remove(place);
        self.log(author, now, IncidentEvent::CaseRemoved { case: case.clone() });
        true
    }

    /// When the incident was resolved (the last change to Resolved), while it stays resolved.
    pub fn resolved_at(&self) -> Option<Timestamp> {
        if self.is_open() {
            return None;
        }
        self.timeline.iter().rev().find_map(|entry| match entry.event {
            IncidentEvent::StatusChanged { to: IncidentStatus::Resolved, .. } => Some(entry.at),
            _ => None,
        })
    }

    /// The group the incident was promoted from.
    pub fn group_id(&self) -> Option<&str> {
        self.timeline.iter().find_map(|entry| match &entry.event {
            IncidentEvent::Promoted { group_id, .. } => Some(group_id.as_str()),
            _ => None,
        })
    }

    pub fn add_note(&mut self, text: &str, author: &str, now: Timestamp) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.log(author, now, IncidentEvent::Note { text: text.to_string() });
        true
    }

    /// Stores the edited postmortem; false when it already says `text`. The page saves while
    /// typing pauses, so the timeline gets one "edited" entry per editing session rather than
    /// per save: none while its latest entry is this author's edit of the last half hour.
    pub fn set_postmortem(&mut self, text: &str, author: &str, now: Timestamp) -> bool {
        if self.postmortem.as_ref().is_some_and(|draft| draft.text == text) {
            return false;
        }
        self.postmortem = Some(PostmortemDraft { at: now, text: text.to_string() });
        let same_session = self.timeline.last().is_some_and(|last| {
            last.event == IncidentEvent::PostmortemEdited
                && last.author == author
                && now - last.at < chrono::TimeDelta::minutes(30)
        });
        if same_session {
            self.updated_at = now;
        } else {
            self.log(author, now, IncidentEvent::PostmortemEdited);
        }
        true
    }

    /// Keeps the later-edited of this postmortem and `theirs` (another copy's), whichever copy
    /// of the incident as a whole is kept: an edit of the plan in one tab never throws away
    /// the postmortem written in another.
    pub fn merge_postmortem(&mut self, theirs: Option<PostmortemDraft>) {
        if theirs > self.postmortem {
            self.postmortem = theirs;
        }
    }

    fn log(&mut self, author: &str, now: Timestamp, event: IncidentEvent) {
        self.updated_at = now;
        self.timeline.push(IncidentEntry { at: now, author: author.to_string(), event });
    }
}

/// The next free "INC-n" among `incidents`.
pub fn next_incident_id(incidents: &[Incident]) -> String {
    let highest =
        incidents.iter().filter_map(|incident| incident.id.strip_prefix("INC-")?.parse::<u32>().ok()).max();
    format!("INC-{}", highest.unwrap_or(0) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseDraft;
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    #[test]
    fn incident_entries_read_the_shape_earlier_builds_wrote_and_write_it_back() {
        let written = r#"[
            {"at":"2026-11-02T09:00:00Z","author":"Mina","event":"promoted","group_id":"g-1","cases":["c1","c2"]},
            {"at":"2026-11-02T09:01:00Z","author":"Mina","event":"status_changed","from":"investigating","to":"identified"},
            {"at":"2026-11-02T09:02:00Z","author":"Jun","event":"note","text":"Rolled back the gateway"}
        ]"#;
        let entries: Vec<IncidentEntry> = serde_json::from_str(written).unwrap();
        let events: Vec<IncidentEvent> = entries.iter().map(|entry| entry.event.clone()).collect();
        assert_eq!(
            events,
            vec![
                IncidentEvent::Promoted {
                    group_id: "g-1".into(),
                    cases: vec![CaseId("c1".into()), CaseId("c2".into())]
                },
                IncidentEvent::StatusChanged {
                    from: IncidentStatus::Investigating,
                    to: IncidentStatus::Identified
                },
                IncidentEvent::Note { text: "Rolled back the gateway".into() },
            ]
        );
        assert_eq!((entries[2].at, entries[2].author.as_str()), (at(2), "Jun"));
        let text = serde_json::to_string(&entries).unwrap();
        assert_eq!(serde_json::from_str::<Vec<IncidentEntry>>(&text).unwrap(), entries);
        assert!(text.contains(r#""event":"note","text":"Rolled back the gateway"}"#), "{text}");
        let missing = r#"{"at":"2026-11-02T09:00:00Z","author":"Mina","event":"promoted","cases":[]}"#;
        assert!(serde_json::from_str::<IncidentEntry>(missing)
            .unwrap_err()
            .to_string()
            .contains("missing field `group_id`"));
    }

    #[test]
    fn the_incident_response_entries_are_stored_flat_and_read_back() {
        let written = r#"[
            {"at":"2026-11-02T09:00:00Z","author":"Mina","event":"cases_added","cases":["c3"]},
            {"at":"2026-11-02T09:01:00Z","author":"Mina","event":"case_removed","case":"c2"},
            {"at":"2026-11-02T09:02:00Z","author":"Mina","event":"changed","field":"impact","old":"None","new":"Major"},
            {"at":"2026-11-02T09:03:00Z","author":"Mina","event":"update_posted","audience":"customers","subject":"S","text":"T","due":"2026-11-02T10:03:00Z"},
            {"at":"2026-11-02T09:04:00Z","author":"Mina","event":"plan_started","template":"Standard recovery","steps":["Scope confirmed"]},
            {"at":"2026-11-02T09:05:00Z","author":"Jun","event":"step","step":1,"text":"Scope confirmed","change":"ticked"},
            {"at":"2026-11-02T09:06:00Z","author":"Jun","event":"resolved_with_open_steps","steps":["Fix deployed"],"text":"Vendor fixed it"},
            {"at":"2026-11-02T09:07:00Z","author":"Jun","event":"outreach","customer":"Kumo","outreach":"replied","text":""}
        ]"#;
        let entries: Vec<IncidentEntry> = serde_json::from_str(written).unwrap();
        let described: Vec<String> = entries.iter().map(|entry| entry.event.describe()).collect();
        assert_eq!(
            described,
            [
                "Cases added (1): c3",
                "Case c2 removed",
                "Impact changed from \u{201c}None\u{201d} to \u{201c}Major\u{201d}",
                "Update posted to Customers: \u{201c}S\u{201d}",
                "Recovery plan started from \u{201c}Standard recovery\u{201d}; steps: 1",
                "Plan step done: \u{201c}Scope confirmed\u{201d}",
                "Resolved with required steps open (Fix deployed): \u{201c}Vendor fixed it\u{201d}",
                "Outreach to Kumo: Replied",
            ]
        );
        let text = serde_json::to_string(&entries).unwrap();
        assert_eq!(serde_json::from_str::<Vec<IncidentEntry>>(&text).unwrap(), entries);
        let as_value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(as_value(&text), as_value(written), "only each event's own fields are written");
    }

    fn case(id: &str, customer: &str, tier: Tier, surface: Surface, affected: u32) -> Case {
        let draft = CaseDraft {
            title: "Checkout fails".into(),
            customer: customer.into(),
            tier,
            surface,
            customers_affected: affected,
            ..CaseDraft::default()
        };
        Case::create(CaseId(id.into()), draft, "Me", at(0))
    }

    #[test]
    fn radius_counts_distinct_customers_tiers_and_surfaces() {
        let cases = [
            case("a", "Harborline", Tier::Standard, Surface::Website, 10),
            case("b", "Harborline", Tier::Enterprise, Surface::App, 5),
            case("c", "Kumo", Tier::Standard, Surface::Website, 1),
            case("d", "Elsewhere", Tier::Free, Surface::Api, 1),
        ];
        let radius = radius_of(&cases[..3]);
        assert_eq!(radius.cases, 3);
        assert_eq!(radius.customers, vec!["Harborline".to_string(), "Kumo".to_string()]);
        assert_eq!(radius.tiers, vec![Tier::Enterprise, Tier::Standard]);
        assert_eq!(radius.surfaces, vec![Surface::Website, Surface::App]);
        assert_eq!(radius.customers_affected, 16);
    }

    #[test]
    fn promoted_incident_investigates_and_logs_status_changes_once() {
        let mut incident = Incident::promote(
            "INC-1".into(),
            " Checkout down ",
            "g-a",
            vec![CaseId("a".into())],
            "Mina",
            at(1),
        );
        assert_eq!(incident.title, "Checkout down");
        assert_eq!(incident.status, IncidentStatus::Investigating);
        assert!(incident.set_status(IncidentStatus::Identified, "Mina", at(2)));
        assert!(!incident.set_status(IncidentStatus::Identified, "Mina", at(3)));
        assert!(incident.add_note("Rolled back 5.2.0", "Mina", at(4)));
        assert!(!incident.add_note("  ", "Mina", at(5)));
        assert_eq!(incident.timeline.len(), 3);
        assert_eq!(incident.updated_at, at(4));
    }

    #[test]
    fn the_postmortem_is_stored_and_logged_once_per_editing_session() {
        let mut incident = Incident::promote("INC-1".into(), "x", "g", vec![], "Mina", at(0));
        assert!(incident.set_postmortem("# Draft", "Mina", at(1)));
        assert!(!incident.set_postmortem("# Draft", "Mina", at(2)), "the same text changes nothing");
        assert!(incident.set_postmortem("# Draft\n\nMore", "Mina", at(20)));
        let draft = incident.postmortem.clone().unwrap();
        assert_eq!((draft.text.as_str(), draft.at, incident.updated_at), ("# Draft\n\nMore", at(20), at(20)));
        // Another author, or the same one half an hour on, starts a new session.
        assert!(incident.set_postmortem("by Jun", "Jun", at(21)));
        assert!(incident.set_postmortem("by Jun again", "Jun", at(51)));
        let edits: Vec<(&str, Timestamp)> = incident
            .timeline
            .iter()
            .filter(|entry| entry.event == IncidentEvent::PostmortemEdited)
            .map(|entry| (entry.author.as_str(), entry.at))
            .collect();
        assert_eq!(edits, [("Mina", at(1)), ("Jun", at(21)), ("Jun", at(51))]);
        let text = serde_json::to_string(&incident).unwrap();
        assert!(text.contains(r#""event":"postmortem_edited"}"#), "{text}");
        assert_eq!(serde_json::from_str::<Incident>(&text).unwrap(), incident);
        assert_eq!(incident.timeline[1].event.describe(), "Postmortem draft edited");
    }

    #[test]
    fn the_later_postmortem_edit_wins_the_same_way_in_either_order() {
        let draft = |minute, text: &str| Some(PostmortemDraft { at: at(minute), text: text.into() });
        for (ours, theirs, kept) in [
            (draft(5, "ours"), draft(6, "theirs"), draft(6, "theirs")),
            (draft(7, "ours"), draft(6, "theirs"), draft(7, "ours")),
            (None, draft(6, "theirs"), draft(6, "theirs")),
            (draft(6, "a"), draft(6, "b"), draft(6, "b")),
        ] {
            for (mine, other) in [(ours.clone(), theirs.clone()), (theirs.clone(), ours.clone())] {
                let mut incident = Incident::promote("INC-1".into(), "x", "g", vec![], "Mina", at(0));
                incident.postmortem = mine;
                incident.merge_postmortem(other);
                assert_eq!(incident.postmortem, kept);
            }
        }
    }

    #[test]
    fn incident_ids_count_up() {
        assert_eq!(next_incident_id(&[]), "INC-1");
        let first = Incident::promote("INC-7".into(), "x", "g", vec![], "Me", at(0));
        assert_eq!(next_incident_id(&[first]), "INC-8");
    }

    #[test]
    fn statuses_parse_from_key_or_label() {
        for status in IncidentStatus::ALL {
            assert_eq!(IncidentStatus::parse(status.key()), Some(*status));
            assert_eq!(IncidentStatus::parse(status.label()), Some(*status));
        }
        assert!(!IncidentStatus::Resolved.is_open());
    }
}
