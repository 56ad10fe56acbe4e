//! Which column feeds which field: recognising an export by its header, guessing a mapping
//! from column names, and the user's edits to it.

use super::Format;
use crate::domain::case::Field;
use crate::domain::csv_export::COMPUTED_COLUMNS;
use crate::domain::csv_format::Target;

// `Target` itself lives in `csv_format`, shared with the export; the import adds the names
// other tools give each column.
impl Target {
    /// Column names (normalised, best first) that mean this field in other tools' exports.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Target::CaseId => &[],
            Target::ExternalId => &[
                "issue key",
                "ticket id",
                "external id",
                "id",
                "key",
                "ticket",
                "ticket number",
                "case id",
                "case number",
                "number",
                "issue id",
                "reference",
            ],
            Target::Title => &["title", "subject", "summary", "headline", "issue", "name"],
            Target::Description => {
                &["description", "body", "details", "detail", "message", "content", "problem", "text"]
            }
            // The company is the customer a lead triages for; the person is a fallback.
            Target::Customer => &[
                "customer",
                "organization",
                "organisation",
                "company",
                "company name",
                "account",
                "account name",
                "requester",
                "reporter",
                "contact",
                "author",
                "user",
                "full name",
                "requester name",
                "email",
                "requester email",
            ],
            Target::Tier => &[
                "tier",
                "plan",
                "customer tier",
                "service tier",
                "support tier",
                "support plan",
                "account tier",
                "subscription",
            ],
            Target::Surface => &["surface", "channel", "via", "source", "origin", "platform"],
            Target::Category => &[
                "category",
                "type",
                "ticket type",
                "issue type",
                "component",
                "components",
                "component s",
                "topic",
                "area",
                "labels",
            ],
            Target::CustomersAffected => &[
                "customers affected",
                "affected customers",
                "affected users",
                "users affected",
                "impacted users",
                "impacted customers",
                "affected accounts",
                "customer count",
            ],
            Target::Urgency => &["urgency", "priority", "severity"],
            Target::Status => &["status", "state", "stage"],
            Target::CreatedAt => &[
                "created at",
                "created",
                "created time",
                "created date",
                "creation date",
                "date created",
                "opened",
                "opened at",
                "submitted",
                "date",
                "timestamp",
            ],
            Target::UpdatedAt => &[
                "updated at",
                "updated",
                "updated time",
                "last update time",
                "last updated",
                "last modified",
                "modified",
            ],
            Target::FirstResponseAt => &["first response at", "first responded at"],
            Target::ResolvedAt => &[
                "resolved at",
                "resolved",
                "resolved time",
                "solved at",
                "resolution date",
                "closed at",
                "closed time",
                "done at",
            ],
            // Zendesk's "Satisfaction Score", Freshdesk's "Satisfaction survey".
            Target::Satisfaction => &[
                "satisfaction",
                "satisfaction score",
                "satisfaction rating",
                "satisfaction survey",
                "survey result",
                "customer satisfaction",
                "csat",
            ],
            Target::SatisfactionComment => {
                &["satisfaction comment", "survey comment", "csat comment", "feedback"]
            }
            // Jira's and GitHub's bug-report fields, and what support tools call them.
            Target::Engineering(field) => match field {
                Field::StepsToReproduce => {
                    &["steps to reproduce", "steps", "repro steps", "reproduction steps", "how to reproduce"]
                }
                Field::Expected => {
                    &["expected", "expected result", "expected behaviour", "expected behavior"]
                }
                Field::Actual => &["actual", "actual result", "actual behaviour", "actual behavior"],
                Field::AppVersion => {
                    &["app version", "version", "affects version", "affects versions", "build"]
                }
                Field::Platform => &["platform", "os", "operating system", "device"],
                Field::Browser => &["browser", "user agent"],
                Field::ReferenceIds => {
                    &["reference ids", "order id", "order ids", "order number", "account id", "account ids"]
                }
                Field::Tried => &["tried", "already tried", "what was tried", "troubleshooting"],
                _ => &[],
            },
        }
    }
}

/// What one column is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    Field(Target),
    /// Kept on each case under the column's name, and written back out by the CSV export.
    Extra,
    Ignore,
}

/// The role of every column of the file; one column at most feeds each field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    columns: Vec<String>,
    roles: Vec<ColumnRole>,
}

impl Mapping {
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    pub fn roles(&self) -> &[ColumnRole] {
        &self.roles
    }

    pub fn role(&self, column: usize) -> Option<ColumnRole> {
        self.roles.get(column).copied()
    }

    /// The column feeding `target`, if any.
    pub fn column_for(&self, target: Target) -> Option<usize> {
        self.roles.iter().position(|role| *role == ColumnRole::Field(target))
    }

    /// Changes one column's role. A field fed by another column until now moves here, and
    /// that other column keeps its data as an extra column rather than losing it.
    pub fn set_role(&mut self, column: usize, role: ColumnRole) {
        if column >= self.roles.len() {
            return;
        }
        if let ColumnRole::Field(target) = role {
            if let Some(previous) = self.column_for(target) {
                self.roles[previous] = ColumnRole::Extra;
            }
        }
        self.roles[column] = role;
    }

    /// Guesses each column's role from its name; this app's own CSV is read by position.
    pub(super) fn guess(columns: Vec<String>, format: Format) -> Mapping {
        let mut roles = vec![ColumnRole::Extra; columns.len()];
        if format == Format::TriageDeskCsv {
            for (role, target) in roles.iter_mut().zip(Target::ALL) {
                *role = ColumnRole::Field(target);
            }
            // What the export computed (priority, score, SLA state) the desk computes again.
            let computed = columns.iter().zip(&mut roles).skip(Target::ALL.len());
            for (_, role) in computed.filter(|(name, _)| COMPUTED_COLUMNS.contains(&name.as_str())) {
                *role = ColumnRole::Ignore;
            }
            return Mapping { columns, roles };
        }
        let names: Vec<String> = columns.iter().map(|name| normalise(name)).collect();
        for target in Target::ALL {
            let found = target.synonyms().iter().find_map(|synonym| {
                names
                    .iter()
                    .zip(&roles)
                    .position(|(name, role)| name == synonym && *role == ColumnRole::Extra)
            });
            if let Some(column) = found {
                roles[column] = ColumnRole::Field(target);
            }
        }
        Mapping { columns, roles }
    }
}

/// Whether a column name means some field, which tells a header row from a row of data.
pub(super) fn is_known_name(name: &str) -> bool {
    let name = normalise(name);
    Target::ALL
        .iter()
        .any(|target| target.key() == name.replace(' ', "_") || target.synonyms().contains(&name.as_str()))
}

/// Recognises an export by the names in its header row.
pub(super) fn detect_format(columns: &[String]) -> Format {
    if columns.len() >= Target::ALL.len() && Target::ALL.iter().zip(columns).all(|(t, name)| t.key() == name)
    {
        return Format::TriageDeskCsv;
    }
    let names: Vec<String> = columns.iter().map(|name| normalise(name)).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("issue key") || (has("issue id") && has("summary")) {
        Format::Jira
    } else if has("ticket id") && has("subject") && (has("created time") || has("source")) {
        Format::Freshdesk
    } else if has("id") && has("subject") && (has("via") || has("requester")) {
        Format::Zendesk
    } else {
        Format::GenericCsv
    }
}

/// Folds a column name to the words that the synonym lists use: "Created at", "createdAt",
/// "created_at", "Custom field (Created At)" and "Created at [date]" are all "created at".
pub(super) fn normalise(name: &str) -> String {
    let mut name = name.trim().trim_start_matches('\u{feff}').trim();
    if let Some(inner) = name.strip_prefix("Custom field (").and_then(|rest| rest.strip_suffix(')')) {
        name = inner;
    }
    // Zendesk suffixes custom fields with their type, e.g. "Plan [list]".
    if let Some(start) = name.rfind(" [").filter(|_| name.ends_with(']')) {
        name = &name[..start];
    }
    let mut words = String::with_capacity(name.len() + 4);
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && previous_lower {
            words.push(' ');
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        if c.is_alphanumeric() {
            words.extend(c.to_lowercase());
        } else {
            words.push(' ');
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn column_names_are_folded() {
        assert_eq!(normalise("createdAt"), "created at");
        assert_eq!(normalise("Created_at"), "created at");
        assert_eq!(normalise("\u{feff}Ticket ID"), "ticket id");
        assert_eq!(normalise("Custom field (Customers Affected)"), "customers affected");
        assert_eq!(normalise("Plan [list]"), "plan");
        assert_eq!(normalise("Component/s"), "component s");
    }

    #[test]
    fn company_wins_over_person_and_leftovers_stay_extra() {
        let mapping = Mapping::guess(
            names(&["Id", "Subject", "Requester", "Organization", "Assignee", "Plan [list]"]),
            Format::Zendesk,
        );
        assert_eq!(mapping.column_for(Target::Customer), Some(3));
        assert_eq!(mapping.column_for(Target::Tier), Some(5));
        assert_eq!(mapping.role(2), Some(ColumnRole::Extra));
        assert_eq!(mapping.role(4), Some(ColumnRole::Extra));
    }

    #[test]
    fn moving_a_field_keeps_the_old_column_as_extra() {
        let mut mapping = Mapping::guess(names(&["Summary", "Description", "Notes"]), Format::GenericCsv);
        mapping.set_role(2, ColumnRole::Field(Target::Description));
        assert_eq!(mapping.column_for(Target::Description), Some(2));
        assert_eq!(mapping.role(1), Some(ColumnRole::Extra));
        mapping.set_role(0, ColumnRole::Ignore);
        assert_eq!(mapping.column_for(Target::Title), None);
        mapping.set_role(9, ColumnRole::Ignore);
        assert_eq!(mapping.roles().len(), 3);
    }
}
