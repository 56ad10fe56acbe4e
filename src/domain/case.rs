//! The case model: what a support lead keeps about one escalation, and its history.
//!
//! Every change goes through a method here that also appends to the timeline, so the
//! timeline is the complete history (the SLA clocks are computed from it).

use crate::i18n::{tr, Lang, Message, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

pub type Timestamp = DateTime<Utc>;

/// See [`Case::version`].
pub type Version = (Timestamp, usize);

/// How soon a case must be handled, P1 first: computed by triage, or pinned by a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    /// The name used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Priority::P1 => "p1",
            Priority::P2 => "p2",
            Priority::P3 => "p3",
            Priority::P4 => "p4",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Stable identity of a case inside this app. Strings, not numbers, so that exported JSON
/// keeps them exact in every JSON reader and ids made in two tabs never collide.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub String);

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A closed set of options a user picks from, with stable keys for storage and form values.
pub trait Choice: Copy + Eq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
    /// The English label, as files and the timeline keep it.
    fn label(self) -> &'static str;
    /// The label as the page shows it, in any language.
    fn text(self) -> Text;
    fn parse(text: &str) -> Option<Self>;
}

/// Declares a closed set of choices with their JSON keys and user-facing labels (rows of the
/// `i18n` table), in display order.
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal, $label:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                tr(Lang::En, self.text())
            }

            pub fn text(self) -> Text {
                match self { $($name::$variant => Text::$label),+ }
            }

            /// The name used in JSON and in form values.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Reads either the key or the label, ignoring case.
            pub fn parse(text: &str) -> Option<$name> {
                let wanted = text.trim();
                Self::ALL.iter().copied().find(|choice| {
                    choice.key().eq_ignore_ascii_case(wanted)
                        || choice.label().eq_ignore_ascii_case(wanted)
                })
            }
        }

        impl Choice for $name {
            fn all() -> &'static [Self] { Self::ALL }
            fn key(self) -> &'static str { $name::key(self) }
            fn label(self) -> &'static str { $name::label(self) }
            fn text(self) -> Text { $name::text(self) }
            fn parse(text: &str) -> Option<Self> { $name::parse(text) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choice_enum!(
    /// Service tier of the customer's contract, highest first.
    Tier {
        Enterprise => "enterprise", TierEnterprise,
        Premium => "premium", TierPremium,
        Standard => "standard", TierStandard,
        Free => "free", TierFree,
    }
);

choice_enum!(
    /// Where the customer met the problem.
    Surface {
        Website => "website", SurfaceWebsite,
        App => "app", SurfaceApp,
        SupportPlatform => "support_platform", SurfaceSupportPlatform,
        Api => "api", SurfaceApi,
        Other => "other", SurfaceOther,
    }
);

choice_enum!(
    /// How fast the reporter says it must be fixed.
    Urgency { High => "high", UrgencyHigh, Medium => "medium", UrgencyMedium, Low => "low", UrgencyLow }
);

choice_enum!(
    /// Where a case is in its life.
    Status {
        New => "new", StatusNew,
        Triaged => "triaged", StatusTriaged,
        InProgress => "in_progress", StatusInProgress,
        WaitingOnCustomer => "waiting_on_customer", StatusWaitingOnCustomer,
        WaitingOnEngineering => "waiting_on_engineering", StatusWaitingOnEngineering,
        Resolved => "resolved", StatusResolved,
        Closed => "closed", StatusClosed,
    }
);

impl Status {
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Resolved | Status::Closed)
    }
}

choice_enum!(
    /// A customer's answer to a satisfaction survey about how their case was handled.
    Rating { Good => "good", RatingGood, Bad => "bad", RatingBad }
);

/// A satisfaction rating with what the customer said, set on the case page or imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub rating: Rating,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

choice_enum!(
    /// What a note records: a contact with the customer counts for SLAs, an internal one does not.
    NoteKind { Contact => "contact", NoteKindContact, Internal => "internal", NoteKindInternal }
);

/// A field of a case that can be edited after creation; named in timeline entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Description,
    Customer,
    Tier,
    Surface,
    Category,
    CustomersAffected,
    Urgency,
    ExternalId,
    /// When the case was opened; corrected by hand when a report was logged late.
    CreatedAt,
    // What engineering needs to reproduce it (see `EngineeringDetails`).
    StepsToReproduce,
    Expected,
    Actual,
    AppVersion,
    Platform,
    Browser,
    ReferenceIds,
    Tried,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Title,
        Field::Description,
        Field::Customer,
        Field::Tier,
        Field::Surface,
        Field::Category,
        Field::CustomersAffected,
        Field::Urgency,
        Field::ExternalId,
        Field::CreatedAt,
        Field::StepsToReproduce,
        Field::Expected,
        Field::Actual,
        Field::AppVersion,
        Field::Platform,
        Field::Browser,
        Field::ReferenceIds,
        Field::Tried,
    ];

    /// The engineering hand-off fields, in form order.
    pub const ENGINEERING: [Field; 8] = [
        Field::StepsToReproduce,
        Field::Expected,
        Field::Actual,
        Field::AppVersion,
        Field::Platform,
        Field::Browser,
        Field::ReferenceIds,
        Field::Tried,
    ];

    /// The name in JSON (timeline entries) and in this app's CSV columns.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::Customer => "customer",
            Field::Tier => "tier",
            Field::Surface => "surface",
            Field::Category => "category",
            Field::CustomersAffected => "customers_affected",
            Field::Urgency => "urgency",
            Field::ExternalId => "external_id",
            Field::CreatedAt => "created_at",
            Field::StepsToReproduce => "steps_to_reproduce",
            Field::Expected => "expected",
            Field::Actual => "actual",
            Field::AppVersion => "app_version",
            Field::Platform => "platform",
            Field::Browser => "browser",
            Field::ReferenceIds => "reference_ids",
            Field::Tried => "tried",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Description => "Description",
            Field::Customer => "Customer",
            Field::Tier => "Tier",
            Field::Surface => "Surface",
            Field::Category => "Category",
            Field::CustomersAffected => "Customers affected",
            Field::Urgency => "Urgency",
            Field::ExternalId => "External id",
            Field::CreatedAt => "Created",
            Field::StepsToReproduce => "Steps to reproduce",
            Field::Expected => "Expected result",
            Field::Actual => "Actual result",
            Field::AppVersion => "App version",
            Field::Platform => "Platform",
            Field::Browser => "Browser",
            Field::ReferenceIds => "Order or account ids",
            Field::Tried => "Already tried",
        }
    }

    /// The name on screen, in the page's language.
    pub fn text(self) -> Text {
        match self {
            Field::Title => Text::FieldTitle,
            Field::Description => Text::FieldDescription,
            Field::Customer => Text::FieldCustomer,
            Field::Tier => Text::FieldTier,
            Field::Surface => Text::FieldSurface,
            Field::Category => Text::FieldCategory,
            Field::CustomersAffected => Text::FieldCustomersAffected,
            Field::Urgency => Text::FieldUrgency,
            Field::ExternalId => Text::TargetExternalId,
            Field::CreatedAt => Text::TargetCreated,
            Field::StepsToReproduce => Text::FieldStepsToReproduce,
            Field::Expected => Text::FieldExpected,
            Field::Actual => Text::FieldActual,
            Field::AppVersion => Text::FieldAppVersion,
            Field::Platform => Text::FieldPlatform,
            Field::Browser => Text::FieldBrowser,
            Field::ReferenceIds => Text::FieldReferenceIds,
            Field::Tried => Text::FieldTried,
        }
    }
}

/// One line of a case's history, stored as one flat object: `at`, `author`, the `event` name
/// and that event's own fields.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "StoredEntry")]
pub struct TimelineEntry {
    pub at: Timestamp,
    pub author: String,
    pub event: Event,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Created,
    FieldChanged {
        field: Field,
        from: String,
        to: String,
    },
    StatusChanged {
        from: Status,
        to: Status,
    },
    /// A resolved or closed case opened again; its resolution time was cleared.
    Reopened {
        from: Status,
        to: Status,
    },
    Note {
        kind: NoteKind,
        text: String,
    },
    /// A priority pinned by hand over the computed one, or the pin removed (`to` is None).
    PriorityPinned {
        from: Option<Priority>,
        to: Option<Priority>,
    },
    /// Linked by hand to a similar case; the other case logs the same link back.
    Linked {
        case: CaseId,
    },
    /// Closed as a duplicate of `primary` by a merge.
    MergedInto {
        primary: CaseId,
    },
    /// Became the primary case of a merge of these duplicates.
    MergedDuplicates {
        cases: Vec<CaseId>,
    },
    /// Put back from a merge into `primary`; the status change back is logged beside it.
    Unmerged {
        primary: CaseId,
    },
    /// A merge into this case was undone and these duplicates put back.
    UnmergedDuplicates {
        cases: Vec<CaseId>,
    },
    /// Counted in an incident's blast radius.
    IncidentLinked {
        incident: String,
        title: String,
    },
    /// Taken out of an incident's blast radius.
    IncidentUnlinked {
        incident: String,
        title: String,
    },
    /// The customer's satisfaction rating set, changed or (with `None`) removed.
    Rated {
        rating: Option<Rating>,
        comment: String,
    },
}

/// `text` between the quotation marks of the reader's language: case text, shown as written.
pub fn quoted(text: &str) -> Message {
    Message::new(Text::Quoted).arg("text", text)
}

/// Names every one of `names`, quoted: “A”, “A” and “B”, “A”, “B” and “C”.
pub fn quoted_names(names: &[String]) -> Message {
    let Some((last, rest)) = names.split_last() else { return Message::new(Text::Nothing) };
    let Some((first, middle)) = rest.split_first() else { return quoted(last) };
    let list = middle.iter().fold(quoted(first), |list, name| {
        Message::new(Text::ListPair).arg_message("a", list).arg_message("b", quoted(name))
    });
    Message::new(Text::NamesAnd).arg_message("rest", list).arg_message("last", quoted(last))
}

impl Event {
    /// The entry's look on a timeline (`created`, `field`, `status`, `contact`, `note`, `link`)
    /// and what happened, in words of any language. `name` names another case (its title),
    /// `time` shows a stored time as the reader's local time.
    pub fn describe(
        &self,
        name: &dyn Fn(&CaseId) -> String,
        time: &dyn Fn(Timestamp) -> String,
    ) -> (&'static str, Message) {
        let statuses = |text: Text, from: &Status, to: &Status| {
            Message::new(text).arg_text("from", from.text()).arg_text("to", to.text())
        };
        let case = |text: Text, id: &CaseId| Message::new(text).arg_message("case", quoted(&name(id)));
        let names = |cases: &[CaseId]| quoted_names(&cases.iter().map(name).collect::<Vec<_>>());
        let incident = |text: Text, incident: &str, title: &str| {
            Message::new(text).arg("incident", incident).arg_message("title", quoted(title))
        };
        match self {
            Event::Created => ("created", Message::new(Text::EvCreated)),
            Event::FieldChanged { field, from, to } => {
                // Times are stored in UTC; choices under their English label.
                let shown = |value: &str| match (field, value) {
                    (_, "") => Message::new(Text::EvEmpty),
                    (Field::CreatedAt, _) => match DateTime::parse_from_rfc3339(value) {
                        Ok(at) => Message::new(Text::Verbatim).arg("text", time(at.to_utc())),
                        Err(_) => quoted(value),
                    },
                    (Field::Tier, _) => choice::<Tier>(value),
                    (Field::Surface, _) => choice::<Surface>(value),
                    (Field::Urgency, _) => choice::<Urgency>(value),
                    _ => quoted(value),
                };
                let message = Message::new(Text::EvFieldChanged)
                    .arg_text("field", field.text())
                    .arg_message("from", shown(from))
                    .arg_message("to", shown(to));
                ("field", message)
            }
            // Waiting on customer pauses the Next update and Resolution clocks; say so where it happens.
            Event::StatusChanged { from, to } if *to == Status::WaitingOnCustomer => {
                ("status", statuses(Text::EvStatusPaused, from, to))
            }
            Event::StatusChanged { from, to } if *from == Status::WaitingOnCustomer => {
                ("status", statuses(Text::EvStatusResumed, from, to))
            }
            Event::StatusChanged { from, to } => ("status", statuses(Text::StatusChangedFromTo, from, to)),
            Event::Reopened { from, to } => ("status", statuses(Text::EvReopened, from, to)),
            Event::Note { kind: NoteKind::Contact, text } => {
                ("contact", Message::new(Text::EvContact).arg("text", text))
            }
            Event::Note { kind: NoteKind::Internal, text } => {
                ("note", Message::new(Text::EvInternal).arg("text", text))
            }
            Event::PriorityPinned { to: Some(to), .. } => {
                ("status", Message::new(Text::EvPinned).arg("to", to))
            }
            Event::PriorityPinned { from: Some(was), to: None } => {
                ("status", Message::new(Text::EvPinRemovedWas).arg("was", was))
            }
            Event::PriorityPinned { from: None, to: None } => ("status", Message::new(Text::EvPinRemoved)),
            Event::Linked { case: id } => ("link", case(Text::EvLinked, id)),
            Event::MergedInto { primary } => ("link", case(Text::EvMergedInto, primary)),
            Event::MergedDuplicates { cases } => {
                ("link", Message::new(Text::EvMergedDuplicates).arg_message("cases", names(cases)))
            }
            Event::Unmerged { primary } => ("link", case(Text::EvUnmerged, primary)),
            Event::UnmergedDuplicates { cases } => {
                let text = if cases.len() == 1 { Text::EvUnmergedOne } else { Text::EvUnmergedMany };
                ("link", Message::new(text).arg("n", cases.len()).arg_message("cases", names(cases)))
            }
            Event::IncidentLinked { incident: id, title } => {
                ("link", incident(Text::EvIncidentLinked, id, title))
            }
            Event::IncidentUnlinked { incident: id, title } => {
                ("link", incident(Text::EvIncidentUnlinked, id, title))
            }
            Event::Rated { rating: Some(rating), comment } => {
                let message = if comment.is_empty() {
                    Message::new(Text::EvRated)
                } else {
                    Message::new(Text::EvRatedComment).arg_message("comment", quoted(comment))
                };
                ("note", message.arg_text("rating", rating.text()))
            }
            Event::Rated { rating: None, .. } => ("note", Message::new(Text::EvRatingRemoved)),
        }
    }
}

/// A choice stored under its English label, named in the reader's language (as written if
/// no choice has that label).
fn choice<T: Choice>(label: &str) -> Message {
    match T::parse(label) {
        Some(choice) => Message::new(Text::Quoted).arg_text("text", choice.text()),
        None => quoted(label),
    }
}

/// A timeline entry as stored. Entries go through this flat struct instead of serde's
/// `flatten` over an internally tagged enum, which buffers every entry in a generic tree
/// first: that was the slowest part of reading 50,000 cases and the largest deserialiser in
/// the download.
#[derive(Serialize, Deserialize)]
struct StoredEntry<'a> {
    #[serde(deserialize_with = "super::stamp::read")]
    at: Timestamp,
    author: Cow<'a, str>,
    event: EventName,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<Field>,
    /// A field's old text, a status key or a priority key.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<NoteKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cases: Option<Cow<'a, [CaseId]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incident: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum EventName {
    Created,
    FieldChanged,
    StatusChanged,
    Reopened,
    Note,
    PriorityPinned,
    Linked,
    MergedInto,
    MergedDuplicates,
    Unmerged,
    UnmergedDuplicates,
    IncidentLinked,
    IncidentUnlinked,
    Rated,
}

impl<'a> StoredEntry<'a> {
    /// `entry`'s time and author under `event`, with no event fields yet.
    fn bare(entry: &'a TimelineEntry, event: EventName) -> Self {
        StoredEntry {
            at: entry.at,
            author: Cow::Borrowed(&entry.author),
            event,
            field: None,
            from: None,
            to: None,
            kind: None,
            text: None,
            case: None,
            primary: None,
            cases: None,
            incident: None,
            title: None,
        }
    }
}

impl Serialize for TimelineEntry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fn text(text: &str) -> Option<Cow<'_, str>> {
            Some(Cow::Borrowed(text))
        }
        let status = |status: &Status| Some(Cow::Borrowed(status.key()));
        let priority = |priority: &Option<Priority>| priority.map(|p| Cow::Borrowed(p.key()));
        let bare = |event| StoredEntry::bare(self, event);
        let stored = match &self.event {
            Event::Created => bare(EventName::Created),
            Event::FieldChanged { field, from, to } => StoredEntry {
                field: Some(*field),
                from: text(from),
                to: text(to),
                ..bare(EventName::FieldChanged)
            },
            Event::StatusChanged { from, to } => {
                StoredEntry { from: status(from), to: status(to), ..bare(EventName::StatusChanged) }
            }
            Event::Reopened { from, to } => {
                StoredEntry { from: status(from), to: status(to), ..bare(EventName::Reopened) }
            }
            Event::Note { kind, text: note } => {
                StoredEntry { kind: Some(*kind), text: text(note), ..bare(EventName::Note) }
            }
            Event::PriorityPinned { from, to } => {
                StoredEntry { from: priority(from), to: priority(to), ..bare(EventName::PriorityPinned) }
            }
            Event::Linked { case } => StoredEntry { case: text(&case.0), ..bare(EventName::Linked) },
            Event::MergedInto { primary } => {
                StoredEntry { primary: text(&primary.0), ..bare(EventName::MergedInto) }
            }
            Event::MergedDuplicates { cases } => {
                StoredEntry { cases: Some(Cow::Borrowed(cases)), ..bare(EventName::MergedDuplicates) }
            }
            Event::Unmerged { primary } => {
                StoredEntry { primary: text(&primary.0), ..bare(EventName::Unmerged) }
            }
            Event::UnmergedDuplicates { cases } => {
                StoredEntry { cases: Some(Cow::Borrowed(cases)), ..bare(EventName::UnmergedDuplicates) }
            }
            Event::IncidentLinked { incident, title } => StoredEntry {
                incident: text(incident),
                title: text(title),
                ..bare(EventName::IncidentLinked)
            },
            Event::IncidentUnlinked { incident, title } => StoredEntry {
                incident: text(incident),
                title: text(title),
                ..bare(EventName::IncidentUnlinked)
            },
            Event::Rated { rating, comment } => StoredEntry {
                to: rating.map(|r| Cow::Borrowed(r.key())),
                text: text(comment),
                ..bare(EventName::Rated)
            },
        };
        stored.serialize(serializer)
    }
}

impl TryFrom<StoredEntry<'_>> for TimelineEntry {
    type Error = String;

    fn try_from(stored: StoredEntry<'_>) -> Result<Self, String> {
        fn need<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        fn owned(value: Option<Cow<'_, str>>, name: &str) -> Result<String, String> {
            need(value, name).map(Cow::into_owned)
        }
        fn keyed<T: Choice>(value: Option<Cow<'_, str>>, name: &str) -> Result<T, String> {
            let key = need(value, name)?;
            T::all()
                .iter()
                .copied()
                .find(|choice| choice.key() == key)
                .ok_or_else(|| format!("unknown {name} `{key}`"))
        }
        fn pin(value: Option<Cow<'_, str>>) -> Result<Option<Priority>, String> {
            value
                .map(|key| {
                    Priority::ALL
                        .into_iter()
                        .find(|p| p.key() == key)
                        .ok_or(format!("unknown priority `{key}`"))
                })
                .transpose()
        }
        let event = match stored.event {
            EventName::Created => Event::Created,
            EventName::FieldChanged => Event::FieldChanged {
                field: need(stored.field, "field")?,
                from: owned(stored.from, "from")?,
                to: owned(stored.to, "to")?,
            },
            EventName::StatusChanged => {
                Event::StatusChanged { from: keyed(stored.from, "from")?, to: keyed(stored.to, "to")? }
            }
            EventName::Reopened => {
                Event::Reopened { from: keyed(stored.from, "from")?, to: keyed(stored.to, "to")? }
            }
            EventName::Note => {
                Event::Note { kind: need(stored.kind, "kind")?, text: owned(stored.text, "text")? }
            }
            EventName::PriorityPinned => {
                Event::PriorityPinned { from: pin(stored.from)?, to: pin(stored.to)? }
            }
            EventName::Linked => Event::Linked { case: CaseId(owned(stored.case, "case")?) },
            EventName::MergedInto => Event::MergedInto { primary: CaseId(owned(stored.primary, "primary")?) },
            EventName::MergedDuplicates => {
                Event::MergedDuplicates { cases: need(stored.cases, "cases")?.into_owned() }
            }
            EventName::Unmerged => Event::Unmerged { primary: CaseId(owned(stored.primary, "primary")?) },
            EventName::UnmergedDuplicates => {
                Event::UnmergedDuplicates { cases: need(stored.cases, "cases")?.into_owned() }
            }
            EventName::IncidentLinked => Event::IncidentLinked {
                incident: owned(stored.incident, "incident")?,
                title: owned(stored.title, "title")?,
            },
            EventName::IncidentUnlinked => Event::IncidentUnlinked {
                incident: owned(stored.incident, "incident")?,
                title: owned(stored.title, "title")?,
            },
            EventName::Rated => Event::Rated {
                rating: stored.to.map(|key| keyed(Some(key), "to")).transpose()?,
                comment: owned(stored.text, "text")?,
            },
        };
        Ok(TimelineEntry { at: stored.at, author: stored.author.into_owned(), event })
    }
}

/// The fields a user fills in for a new case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseDraft {
    pub title: String,
    pub description: String,
    pub customer: String,
    pub tier: Tier,
    pub surface: Surface,
    pub category: String,
    pub customers_affected: u32,
    pub urgency: Urgency,
}

impl Default for CaseDraft {
    fn default() -> Self {
        CaseDraft {
            title: String::new(),
            description: String::new(),
            customer: String::new(),
            tier: Tier::Standard,
            surface: Surface::Website,
            category: String::new(),
            customers_affected: 1,
            urgency: Urgency::Medium,
        }
    }
}

/// Why a draft or an edit was refused, per field, in words for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: Message,
}

pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
pub const MAX_CUSTOMERS_AFFECTED: u32 = 10_000_000;
/// The earliest creation time taken as real (1990-01-01T00:00:00Z), by the Created field and
/// by imports alike; anything older is a wrong column or a zeroed date.
pub const EARLIEST_SANE: Timestamp = match DateTime::from_timestamp(631_152_000, 0) {
    Some(time) => time,
    None => panic!("1990 is representable"),
};

impl CaseDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Err(message) = validate_text(Field::Title, &self.title) {
            errors.push(FieldError { field: Field::Title, message });
        }
        if let Err(message) = validate_text(Field::Description, &self.description) {
            errors.push(FieldError { field: Field::Description, message });
        }
        if let Err(message) = validate_customers_affected(self.customers_affected) {
            errors.push(FieldError { field: Field::CustomersAffected, message });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn validate_text(field: Field, text: &str) -> Result<(), Message> {
    let chars = text.chars().count();
    match field {
        Field::Title if text.trim().is_empty() => Err(Text::TitleRequired.into()),
        Field::Title if chars > MAX_TITLE_CHARS => {
            Err(Message::new(Text::TitleTooLong).arg("n", chars).arg("max", MAX_TITLE_CHARS))
        }
        _ if chars > MAX_DESCRIPTION_CHARS => Err(Message::new(Text::FieldTooLong)
            .arg_text("field", field.text())
            .arg("n", chars)
            .arg("max", MAX_DESCRIPTION_CHARS)),
        _ => Ok(()),
    }
}

fn validate_customers_affected(count: u32) -> Result<(), Message> {
    if count == 0 {
        Err(Text::AtLeastOneCustomer.into())
    } else if count > MAX_CUSTOMERS_AFFECTED {
        Err(Message::new(Text::AtMostCustomers).arg("max", MAX_CUSTOMERS_AFFECTED))
    } else {
        Ok(())
    }
}

/// The fields whose values differ between two copies of a case, in [`Field::ALL`] order: what
/// another tab changed on the case being looked at.
pub fn changed_fields(before: &Case, after: &Case) -> Vec<Field> {
    Field::ALL.into_iter().filter(|&field| before.field_text(field) != after.field_text(field)).collect()
}

/// A time as the timeline shows it: RFC 3339 in UTC, to the precision it has.
fn time_text(time: Timestamp) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// A value typed into one field of an existing case.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Tier(Tier),
    Surface(Surface),
    Urgency(Urgency),
    Count(u32),
    Time(Timestamp),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    /// The id this case has in the system it was imported from; empty for cases made here.
    #[serde(default)]
    pub external_id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub customer: String,
    pub tier: Tier,
    pub surface: Surface,
    #[serde(default)]
    pub category: String,
    pub customers_affected: u32,
    pub urgency: Urgency,
    pub status: Status,
    #[serde(deserialize_with = "super::stamp::read")]
    pub created_at: Timestamp,
    /// Last change of any kind; two tabs merge per case on it.
    #[serde(deserialize_with = "super::stamp::read")]
    pub updated_at: Timestamp,
    /// Time of the first logged customer contact.
    #[serde(default, deserialize_with = "super::stamp::read_optional")]
    pub first_response_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "super::stamp::read_optional")]
    pub resolved_at: Option<Timestamp>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// A priority the user pinned over the computed triage priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_pin: Option<Priority>,
    /// Source columns that map to no field, kept so an export gives them back.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// How the customer rated the handling of this case, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Satisfaction>,
    /// What engineering needs to reproduce the problem; all optional.
    #[serde(default, skip_serializing_if = "EngineeringDetails::is_empty")]
    pub engineering: EngineeringDetails,
}

/// A case's reproduction details for the engineering hand-off, each edited as a [`Field`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineeringDetails {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub steps: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expected: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub app_version: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub platform: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub browser: String,
    /// Order or account ids, as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ids: String,
    /// What support already tried.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tried: String,
}

impl EngineeringDetails {
    pub fn is_empty(&self) -> bool {
        self == &EngineeringDetails::default()
    }

    /// The fields that have a value, in form order.
    pub fn filled(&self) -> impl Iterator<Item = (Field, &str)> + '_ {
        Field::ENGINEERING
            .into_iter()
            .filter_map(|field| self.get(field).filter(|v| !v.is_empty()).map(|v| (field, v)))
    }

    /// The text slot of an engineering field; None for the case's other fields.
    pub(crate) fn slot(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::StepsToReproduce => &mut self.steps,
            Field::Expected => &mut self.expected,
            Field::Actual => &mut self.actual,
            Field::AppVersion => &mut self.app_version,
            Field::Platform => &mut self.platform,
            Field::Browser => &mut self.browser,
            Field::ReferenceIds => &mut self.ids,
            Field::Tried => &mut self.tried,
            _ => return None,
        })
    }

    /// The value of an engineering field; None for the case's other fields.
    pub fn get(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::StepsToReproduce => &self.steps,
            Field::Expected => &self.expected,
            Field::Actual => &self.actual,
            Field::AppVersion => &self.app_version,
            Field::Platform => &self.platform,
            Field::Browser => &self.browser,
            Field::ReferenceIds => &self.ids,
            Field::Tried => &self.tried,
            _ => return None,
        })
    }
}

impl Case {
    pub fn create(id: CaseId, draft: CaseDraft, author: &str, now: Timestamp) -> Case {
        Case {
            id,
            external_id: String::new(),
            title: draft.title.trim().to_string(),
            description: draft.description,
            customer: draft.customer.trim().to_string(),
            tier: draft.tier,
            surface: draft.surface,
            category: draft.category.trim().to_string(),
            customers_affected: draft.customers_affected,
            urgency: draft.urgency,
            status: Status::New,
            created_at: now,
            updated_at: now,
            first_response_at: None,
            resolved_at: None,
            timeline: vec![TimelineEntry { at: now, author: author.to_string(), event: Event::Created }],
            priority_pin: None,
            extra: BTreeMap::new(),
            satisfaction: None,
            engineering: EngineeringDetails::default(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// Sets one field; returns false (and logs nothing) when the value is unchanged.
    pub fn set_field(
        &mut self,
        field: Field,
        value: FieldValue,
        author: &str,
        now: Timestamp,
    ) -> Result<bool, FieldError> {
        let refuse = |message: Message| FieldError { field, message };
        let from = self.field_text(field);
        match (field, value) {
            (Field::CustomersAffected, FieldValue::Count(count)) => {
                validate_customers_affected(count).map_err(refuse)?;
                self.customers_affected = count;
            }
            (Field::Tier, FieldValue::Tier(tier)) => self.tier = tier,
            (Field::Surface, FieldValue::Surface(surface)) => self.surface = surface,
            (Field::Urgency, FieldValue::Urgency(urgency)) => self.urgency = urgency,
            (Field::CreatedAt, FieldValue::Time(time)) => {
                if time < EARLIEST_SANE || time > now {
                    return Err(refuse(Text::CreatedOutOfRange.into()));
                }
                self.created_at = time;
            }
            (_, FieldValue::Text(text)) => {
                validate_text(field, &text).map_err(refuse)?;
                let slot = match field {
                    Field::Title => &mut self.title,
                    Field::Description => &mut self.description,
                    Field::Customer => &mut self.customer,
                    Field::Category => &mut self.category,
                    Field::ExternalId => &mut self.external_id,
                    _ => match self.engineering.slot(field) {
                        Some(slot) => slot,
                        None => {
                            return Err(refuse(
                                Message::new(Text::NotAValueFor).arg_text("field", field.text()),
                            ))
                        }
                    },
                };
                // Free text keeps its lines and spacing; one-line fields are trimmed.
                let multiline = matches!(
                    field,
                    Field::Description
                        | Field::StepsToReproduce
                        | Field::Expected
                        | Field::Actual
                        | Field::Tried
                );
                *slot = if multiline { text } else { text.trim().to_string() };
            }
            _ => return Err(refuse(Message::new(Text::NotAValueFor).arg_text("field", field.text()))),
        }
        Ok(self.log_field_change(field, from, author, now))
    }

    /// Logs `field`'s change from `from` to its value now; false (and nothing logged) when equal.
    fn log_field_change(&mut self, field: Field, from: String, author: &str, now: Timestamp) -> bool {
        let to = self.field_text(field);
        if from == to {
            return false;
        }
        self.log(author, now, Event::FieldChanged { field, from, to });
        true
    }

    /// Gives `field` the value it has in `source` (a copy of this case), logging nothing.
    pub(crate) fn copy_field(&mut self, field: Field, source: &Case) {
        match field {
            Field::Title => self.title.clone_from(&source.title),
            Field::Description => self.description.clone_from(&source.description),
            Field::Customer => self.customer.clone_from(&source.customer),
            Field::Tier => self.tier = source.tier,
            Field::Surface => self.surface = source.surface,
            Field::Category => self.category.clone_from(&source.category),
            Field::CustomersAffected => self.customers_affected = source.customers_affected,
            Field::Urgency => self.urgency = source.urgency,
            Field::ExternalId => self.external_id.clone_from(&source.external_id),
            Field::CreatedAt => self.created_at = source.created_at,
            _ => {
                if let (Some(slot), Some(value)) =
                    (self.engineering.slot(field), source.engineering.get(field))
                {
                    value.clone_into(slot);
                }
            }
        }
    }

    /// Puts back the status, resolution time, priority pin and field values `earlier` (this
    /// case as it was) had, each change logged as the setters log it. Values are not checked
    /// again: they were this case's own.
    pub(crate) fn restore(&mut self, earlier: &Case, author: &str, now: Timestamp) {
        self.set_status(earlier.status, author, now);
        self.resolved_at = earlier.resolved_at;
        self.pin_priority(earlier.priority_pin, author, now);
        for field in Field::ALL {
            let from = self.field_text(field);
            self.copy_field(field, earlier);
            self.log_field_change(field, from, author, now);
        }
    }

    /// The value of a field as the timeline shows it.
    pub fn field_text(&self, field: Field) -> String {
        match field {
            Field::Title => self.title.clone(),
            Field::Description => self.description.clone(),
            Field::Customer => self.customer.clone(),
            Field::Tier => self.tier.label().to_string(),
            Field::Surface => self.surface.label().to_string(),
            Field::Category => self.category.clone(),
            Field::CustomersAffected => self.customers_affected.to_string(),
            Field::Urgency => self.urgency.label().to_string(),
            Field::ExternalId => self.external_id.clone(),
            Field::CreatedAt => time_text(self.created_at),
            _ => self.engineering.get(field).unwrap_or_default().to_string(),
        }
    }

    /// Moves the case to `to`; resolving stamps the resolution time, reopening clears it.
    pub fn set_status(&mut self, to: Status, author: &str, now: Timestamp) -> bool {
        let from = self.status;
        if from == to {
            return false;
        }
        self.status = to;
        let event = if !from.is_open() && to.is_open() {
            self.resolved_at = None;
            Event::Reopened { from, to }
        } else {
            if to == Status::Resolved || (to == Status::Closed && self.resolved_at.is_none()) {
                self.resolved_at = Some(now);
            }
            Event::StatusChanged { from, to }
        };
        self.log(author, now, event);
        true
    }

    /// Adds a note; the first customer contact is the case's first response.
    pub fn add_note(&mut self, kind: NoteKind, text: &str, author: &str, now: Timestamp) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        if kind == NoteKind::Contact && self.first_response_at.is_none() {
            self.first_response_at = Some(now);
        }
        self.log(author, now, Event::Note { kind, text: text.to_string() });
        true
    }

    /// Pins a priority over the computed one, or clears the pin with None; logged either way.
    pub fn pin_priority(&mut self, to: Option<Priority>, author: &str, now: Timestamp) -> bool {
        let from = self.priority_pin;
        if from == to {
            return false;
        }
        self.priority_pin = to;
        self.log(author, now, Event::PriorityPinned { from, to });
        true
    }

    /// Sets the customer's satisfaction rating (a comment is trimmed), or removes it with
    /// `None`; logged either way, false when nothing changed.
    pub fn rate(&mut self, satisfaction: Option<Satisfaction>, author: &str, now: Timestamp) -> bool {
        let satisfaction = satisfaction.map(|s| Satisfaction { comment: s.comment.trim().to_string(), ..s });
        if self.satisfaction == satisfaction {
            return false;
        }
        let (rating, comment) = match &satisfaction {
            Some(s) => (Some(s.rating), s.comment.clone()),
            None => (None, String::new()),
        };
        self.satisfaction = satisfaction;
        self.log(author, now, Event::Rated { rating, comment });
        true
    }

    /// Changes whenever the case does: every edit logs a timeline entry and moves
    /// `updated_at`, and the timeline only ever grows. Caches and saves tell changed cases by it.
    pub fn version(&self) -> Version {
        (self.updated_at, self.timeline.len())
    }

    pub(crate) fn log(&mut self, author: &str, now: Timestamp, event: Event) {
        self.updated_at = now;
        self.timeline.push(TimelineEntry { at: now, author: author.to_string(), event });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    #[test]
    fn timeline_entries_read_the_shape_earlier_builds_wrote_and_write_it_back() {
        let written = r#"[
            {"at":"2026-11-02T09:00:00Z","author":"Mina","event":"created"},
            {"at":"2026-11-02T09:01:00Z","author":"Mina","event":"field_changed","field":"customers_affected","from":"1","to":"40"},
            {"at":"2026-11-02T09:02:00Z","author":"Mina","event":"status_changed","from":"new","to":"in_progress"},
            {"at":"2026-11-02T09:03:00Z","author":"Mina","event":"reopened","from":"resolved","to":"in_progress"},
            {"at":"2026-11-02T09:04:00Z","author":"Mina","event":"note","kind":"contact","text":"Called \"Acme\" <b>"},
            {"at":"2026-11-02T09:05:00Z","author":"Jun","event":"priority_pinned","from":null,"to":"p1"},
            {"at":"2026-11-02T09:06:00Z","author":"Jun","event":"priority_pinned","from":"p1","to":null},
            {"at":"2026-11-02T09:07:00Z","author":"Jun","event":"linked","case":"c2"},
            {"at":"2026-11-02T09:08:00Z","author":"Jun","event":"merged_into","primary":"c1"},
            {"at":"2026-11-02T09:09:00Z","author":"Jun","event":"merged_duplicates","cases":["c2","c3"]},
            {"at":"2026-11-02T09:10:00Z","author":"Jun","event":"incident_linked","incident":"INC-1","title":"Checkout down"},
            {"at":"2026-11-02T09:11:00Z","author":"Jun","event":"unmerged","primary":"c1"},
            {"at":"2026-11-02T09:12:00Z","author":"Jun","event":"unmerged_duplicates","cases":["c2","c3"]},
            {"at":"2026-11-02T09:13:00Z","author":"Jun","event":"field_changed","field":"created_at","from":"2026-11-02T09:00:00Z","to":"2026-11-01T08:00:00Z"},
            {"at":"2026-11-02T09:14:00Z","author":"Jun","event":"incident_unlinked","incident":"INC-1","title":"Checkout down"}
        ]"#;
        let entries: Vec<TimelineEntry> = serde_json::from_str(written).unwrap();
        let id = |id: &str| CaseId(id.into());
        let events: Vec<Event> = entries.iter().map(|entry| entry.event.clone()).collect();
        assert_eq!(
            events,
            vec![
                Event::Created,
                Event::FieldChanged { field: Field::CustomersAffected, from: "1".into(), to: "40".into() },
                Event::StatusChanged { from: Status::New, to: Status::InProgress },
                Event::Reopened { from: Status::Resolved, to: Status::InProgress },
                Event::Note { kind: NoteKind::Contact, text: "Called \"Acme\" <b>".into() },
                Event::PriorityPinned { from: None, to: Some(Priority::P1) },
                Event::PriorityPinned { from: Some(Priority::P1), to: None },
                Event::Linked { case: id("c2") },
                Event::MergedInto { primary: id("c1") },
                Event::MergedDuplicates { cases: vec![id("c2"), id("c3")] },
                Event::IncidentLinked { incident: "INC-1".into(), title: "Checkout down".into() },
                Event::Unmerged { primary: id("c1") },
                Event::UnmergedDuplicates { cases: vec![id("c2"), id("c3")] },
                Event::FieldChanged {
                    field: Field::CreatedAt,
                    from: "2026-11-02T09:00:00Z".into(),
                    to: "2026-11-01T08:00:00Z".into(),
                },
                Event::IncidentUnlinked { incident: "INC-1".into(), title: "Checkout down".into() },
            ]
        );
        assert_eq!(entries[4].author, "Mina");
        assert_eq!(entries[10].at, at(10));
        let again: Vec<TimelineEntry> =
            serde_json::from_str(&serde_json::to_string(&entries).unwrap()).unwrap();
        assert_eq!(again, entries);
        // Only the event's own fields are written.
        assert_eq!(
            serde_json::to_string(&entries[2]).unwrap(),
            r#"{"at":"2026-11-02T09:02:00Z","author":"Mina","event":"status_changed","from":"new","to":"in_progress"}"#
        );
    }

    #[test]
    fn a_timeline_entry_without_its_event_fields_is_refused_by_name() {
        let read = |text: &str| serde_json::from_str::<TimelineEntry>(text).unwrap_err().to_string();
        let head = r#"{"at":"2026-11-02T09:00:00Z","author":"Mina","#;
        assert!(read(&format!(r#"{head}"event":"note","kind":"contact"}}"#)).contains("missing field `text`"));
        assert!(read(&format!(r#"{head}"event":"status_changed","from":"sideways","to":"new"}}"#))
            .contains("unknown from `sideways`"));
        assert!(read(&format!(r#"{head}"event":"exploded"}}"#)).contains("unknown variant `exploded`"));
    }

    fn sample() -> Case {
        let draft = CaseDraft {
            title: "  Checkout fails with card error  ".into(),
            customer: "Acme".into(),
            ..CaseDraft::default()
        };
        Case::create(CaseId("c1".into()), draft, "Mina", at(0))
    }

    #[test]
    fn choice_keys_and_labels_round_trip() {
        assert_eq!(Status::WaitingOnCustomer.key(), "waiting_on_customer");
        assert_eq!(Surface::SupportPlatform.key(), "support_platform");
        assert_eq!(Status::parse("In progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("waiting_on_engineering"), Some(Status::WaitingOnEngineering));
        assert_eq!(Tier::parse("enterprise"), Some(Tier::Enterprise));
        assert_eq!(Tier::parse("gold"), None);
        for status in Status::ALL {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.key()));
        }
    }

    #[test]
    fn empty_title_is_refused_with_a_message() {
        let draft = CaseDraft { title: "   ".into(), customers_affected: 0, ..CaseDraft::default() };
        let errors = draft.validate().unwrap_err();
        assert_eq!(errors[0], FieldError { field: Field::Title, message: Text::TitleRequired.into() });
        assert_eq!(errors[1].field, Field::CustomersAffected);
    }

    #[test]
    fn create_trims_and_logs_creation() {
        let case = sample();
        assert_eq!(case.title, "Checkout fails with card error");
        assert_eq!(case.status, Status::New);
        assert_eq!(case.timeline.len(), 1);
        assert_eq!(case.timeline[0].event, Event::Created);
        assert_eq!(case.timeline[0].author, "Mina");
        assert!(case.external_id.is_empty());
    }

    #[test]
    fn field_change_is_logged_once_and_unchanged_values_are_not() {
        let mut case = sample();
        assert!(case.set_field(Field::Tier, FieldValue::Tier(Tier::Enterprise), "Mina", at(5)).unwrap());
        assert!(!case.set_field(Field::Tier, FieldValue::Tier(Tier::Enterprise), "Mina", at(6)).unwrap());
        assert_eq!(
            case.timeline[1].event,
            Event::FieldChanged { field: Field::Tier, from: "Standard".into(), to: "Enterprise".into() }
        );
        assert_eq!(case.updated_at, at(5));
        let error = case.set_field(Field::Title, FieldValue::Text(" ".into()), "Mina", at(7)).unwrap_err();
        assert_eq!(error.message.to_string(), "Title is required.");
        assert_eq!(case.title, "Checkout fails with card error");
    }

    #[test]
    fn created_date_is_editable_within_1990_and_now_and_logged_in_rfc_3339() {
        let mut case = sample();
        let earlier = Utc.with_ymd_and_hms(2026, 10, 30, 17, 45, 0).unwrap();
        assert!(case.set_field(Field::CreatedAt, FieldValue::Time(earlier), "Mina", at(5)).unwrap());
        assert_eq!(case.created_at, earlier);
        assert_eq!(
            case.timeline[1].event,
            Event::FieldChanged {
                field: Field::CreatedAt,
                from: "2026-11-02T09:00:00Z".into(),
                to: "2026-10-30T17:45:00Z".into(),
            }
        );
        assert_eq!(Field::CreatedAt.label(), "Created");
        assert_eq!(serde_json::to_string(&Field::CreatedAt).unwrap(), r#""created_at""#);
        assert_eq!(
            Message::from(Text::CreatedOutOfRange).to_string(),
            "Created must be between 1 Jan 1990 and now."
        );
        let before_1990 = EARLIEST_SANE - chrono::Duration::seconds(1);
        for refused in [at(6), before_1990] {
            let error =
                case.set_field(Field::CreatedAt, FieldValue::Time(refused), "Mina", at(5)).unwrap_err();
            assert_eq!(
                error,
                FieldError { field: Field::CreatedAt, message: Text::CreatedOutOfRange.into() }
            );
        }
        assert!(case.set_field(Field::CreatedAt, FieldValue::Time(EARLIEST_SANE), "Mina", at(5)).unwrap());
        assert_eq!(EARLIEST_SANE.to_rfc3339(), "1990-01-01T00:00:00+00:00");
        assert_eq!(case.timeline.len(), 3);
        assert!(case.set_field(Field::CreatedAt, FieldValue::Text("x".into()), "Mina", at(5)).is_err());
    }

    #[test]
    fn engineering_details_are_fields_logged_like_any_other() {
        let mut case = sample();
        let steps = "1. Add to cart\n2. Pay by card\n";
        assert!(case
            .set_field(Field::StepsToReproduce, FieldValue::Text(steps.into()), "Mina", at(1))
            .unwrap());
        assert!(case
            .set_field(Field::Browser, FieldValue::Text(" Chrome 131 ".into()), "Mina", at(2))
            .unwrap());
        assert_eq!(
            (case.engineering.steps.as_str(), case.engineering.browser.as_str()),
            (steps, "Chrome 131")
        );
        assert_eq!(
            case.timeline[2].event,
            Event::FieldChanged { field: Field::Browser, from: String::new(), to: "Chrome 131".into() }
        );
        let mut other = sample();
        other.copy_field(Field::StepsToReproduce, &case);
        assert_eq!(other.field_text(Field::StepsToReproduce), steps);
        assert_eq!(changed_fields(&other, &case), [Field::Browser]);
        let long = FieldValue::Text("x".repeat(MAX_DESCRIPTION_CHARS + 1));
        assert!(case.set_field(Field::Tried, long, "Mina", at(3)).is_err());
        let stored = serde_json::to_value(&case).unwrap();
        assert_eq!(stored["engineering"], serde_json::json!({ "steps": steps, "browser": "Chrome 131" }));
        assert!(serde_json::to_value(sample()).unwrap().get("engineering").is_none(), "omitted while empty");
        for field in Field::ALL {
            assert_eq!(serde_json::to_value(field).unwrap(), field.key(), "the key is the stored name");
        }
    }

    #[test]
    fn timeline_entries_read_in_english_and_in_the_readers_language() {
        let name = |id: &CaseId| format!("Title of {id}");
        let time = |at: Timestamp| at.format("%H:%M").to_string();
        let said = |event: Event, lang: Lang| event.describe(&name, &time).1.in_lang(lang);
        let tier = Event::FieldChanged { field: Field::Tier, from: "Standard".into(), to: "Premium".into() };
        assert_eq!(said(tier.clone(), Lang::En), "Tier changed from “Standard” to “Premium”");
        assert_eq!(said(tier, Lang::ZhTw), "服務等級已由「標準版」改為「進階版」");
        let created = Event::FieldChanged {
            field: Field::CreatedAt,
            from: "2026-11-02T09:00:00Z".into(),
            to: String::new(),
        };
        assert_eq!(said(created, Lang::En), "Created changed from 09:00 to (empty)");
        let merged = Event::MergedDuplicates {
            cases: vec![CaseId("a".into()), CaseId("b".into()), CaseId("c".into())],
        };
        assert_eq!(
            said(merged.clone(), Lang::En),
            "Merged duplicates into this case: “Title of a”, “Title of b” and “Title of c”"
        );
        assert_eq!(
            said(merged, Lang::ZhTw),
            "已將重複案件合併至此案件：「Title of a」、「Title of b」及「Title of c」"
        );
        let paused = Event::StatusChanged { from: Status::New, to: Status::WaitingOnCustomer };
        assert_eq!(
            said(paused, Lang::Ko),
            "상태 변경: 신규 → 고객 회신 대기. 고객 회신 대기로 SLA 일시 정지(다음 업데이트, 해결)"
        );
        let rated = Event::Rated { rating: Some(Rating::Good), comment: "Fast".into() };
        assert_eq!(said(rated, Lang::En), "Customer satisfaction rated Good: “Fast”");
        let pin = Event::PriorityPinned { from: Some(Priority::P3), to: None };
        assert_eq!(said(pin, Lang::En), "Priority pin removed (was P3)");
        let unlinked = Event::IncidentUnlinked { incident: "INC-1".into(), title: "Checkout down".into() };
        assert_eq!(unlinked.describe(&name, &time).0, "link");
        assert_eq!(said(unlinked, Lang::En), "Removed from incident INC-1 “Checkout down”");
    }

    #[test]
    fn first_contact_sets_first_response_only_once() {
        let mut case = sample();
        assert!(!case.add_note(NoteKind::Contact, "  ", "Mina", at(1)));
        case.add_note(NoteKind::Internal, "looking", "Mina", at(2));
        assert_eq!(case.first_response_at, None);
        case.add_note(NoteKind::Contact, "Called the customer", "Mina", at(3));
        case.add_note(NoteKind::Contact, "Emailed again", "Mina", at(9));
        assert_eq!(case.first_response_at, Some(at(3)));
    }

    #[test]
    fn pinning_a_priority_is_logged_and_clearing_it_too() {
        let mut case = sample();
        assert!(case.pin_priority(Some(Priority::P1), "Mina", at(1)));
        assert!(!case.pin_priority(Some(Priority::P1), "Mina", at(2)));
        assert!(case.pin_priority(None, "Mina", at(3)));
        assert_eq!(case.priority_pin, None);
        let events: Vec<_> = case.timeline.iter().skip(1).map(|entry| entry.event.clone()).collect();
        assert_eq!(
            events,
            vec![
                Event::PriorityPinned { from: None, to: Some(Priority::P1) },
                Event::PriorityPinned { from: Some(Priority::P1), to: None },
            ]
        );
    }

    #[test]
    fn resolving_sets_and_reopening_clears_resolution_time() {
        let mut case = sample();
        case.set_status(Status::InProgress, "Mina", at(1));
        case.set_status(Status::Resolved, "Mina", at(10));
        assert_eq!(case.resolved_at, Some(at(10)));
        case.set_status(Status::Closed, "Mina", at(11));
        assert_eq!(case.resolved_at, Some(at(10)), "closing keeps the resolution time");
        case.set_status(Status::InProgress, "Mina", at(20));
        assert_eq!(case.resolved_at, None);
        assert_eq!(
            case.timeline.last().unwrap().event,
            Event::Reopened { from: Status::Closed, to: Status::InProgress }
        );
    }
}
