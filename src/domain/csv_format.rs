//! The CSV file this app writes and reads back: its columns, how its header is recognised, and
//! the guard against spreadsheet formulas. The export writes by these rules and the import
//! undoes them, so both take them from here.

use crate::domain::case::Field;
use crate::i18n::{tr, Lang, Text};

/// A field of a case that a column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// This app's own case id; only this app's exports carry it.
    CaseId,
    ExternalId,
    Title,
    Description,
    Customer,
    Tier,
    Surface,
    Category,
    CustomersAffected,
    Urgency,
    Status,
    CreatedAt,
    UpdatedAt,
    FirstResponseAt,
    ResolvedAt,
    /// The customer's satisfaction rating (Good or Bad), and what they said.
    Satisfaction,
    SatisfactionComment,
    /// One of the engineering hand-off fields (`Field::ENGINEERING`).
    Engineering(Field),
}

impl Target {
    /// Every target, in the column order of this app's CSV export.
    pub const ALL: [Target; 25] = [
        Target::CaseId,
        Target::ExternalId,
        Target::Title,
        Target::Description,
        Target::Customer,
        Target::Tier,
        Target::Surface,
        Target::Category,
        Target::CustomersAffected,
        Target::Urgency,
        Target::Status,
        Target::CreatedAt,
        Target::UpdatedAt,
        Target::FirstResponseAt,
        Target::ResolvedAt,
        Target::Satisfaction,
        Target::SatisfactionComment,
        Target::Engineering(Field::StepsToReproduce),
        Target::Engineering(Field::Expected),
        Target::Engineering(Field::Actual),
        Target::Engineering(Field::AppVersion),
        Target::Engineering(Field::Platform),
        Target::Engineering(Field::Browser),
        Target::Engineering(Field::ReferenceIds),
        Target::Engineering(Field::Tried),
    ];

    /// The column name in this app's CSV export.
    pub fn key(self) -> &'static str {
        match self {
            Target::CaseId => "id",
            Target::ExternalId => "external_id",
            Target::Title => "title",
            Target::Description => "description",
            Target::Customer => "customer",
            Target::Tier => "tier",
            Target::Surface => "surface",
            Target::Category => "category",
            Target::CustomersAffected => "customers_affected",
            Target::Urgency => "urgency",
            Target::Status => "status",
            Target::CreatedAt => "created_at",
            Target::UpdatedAt => "updated_at",
            Target::FirstResponseAt => "first_response_at",
            Target::ResolvedAt => "resolved_at",
            Target::Satisfaction => "satisfaction",
            Target::SatisfactionComment => "satisfaction_comment",
            Target::Engineering(field) => field.key(),
        }
    }

    /// The English name, as messages in files keep it.
    pub fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    /// The name on screen, in the page's language.
    pub fn text(self) -> Text {
        match self {
            Target::CaseId => Text::TargetCaseId,
            Target::ExternalId => Text::TargetExternalId,
            Target::Title => Text::FieldTitle,
            Target::Description => Text::FieldDescription,
            Target::Customer => Text::FieldCustomer,
            Target::Tier => Text::FieldTier,
            Target::Surface => Text::FieldSurface,
            Target::Category => Text::FieldCategory,
            Target::CustomersAffected => Text::FieldCustomersAffected,
            Target::Urgency => Text::FieldUrgency,
            Target::Status => Text::FieldStatus,
            Target::CreatedAt => Text::TargetCreated,
            Target::UpdatedAt => Text::TargetUpdated,
            Target::FirstResponseAt => Text::TargetFirstResponse,
            Target::ResolvedAt => Text::TargetResolved,
            Target::Satisfaction => Text::TargetSatisfaction,
            Target::SatisfactionComment => Text::TargetSatisfactionComment,
            Target::Engineering(field) => field.text(),
        }
    }
}

/// Whether `bytes` (without a byte order mark) start with this app's CSV header.
pub fn is_own_csv(bytes: &[u8]) -> bool {
    bytes.starts_with(b"id,external_id,title,description,customer,")
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Prefixes a single quote to a cell a spreadsheet would run as a formula. Cells that
/// already start with quotes before such a character get one more, so that
/// [`unneutralise`] can always take exactly one away and a round trip is exact.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(is_trigger) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Undoes [`neutralise`]; for this app's own export only, since other tools' cells that
/// start with a quote mean the quote.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(is_trigger) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_restored() {
        for cell in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "'=already", "''+x"] {
            let written = neutralise(cell);
            assert!(written.starts_with('\''), "{cell:?}");
            assert_eq!(unneutralise(&written), cell);
        }
        for cell in ["plain", "'quoted'", "", "a=b", "결제 오류"] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(unneutralise(cell), cell);
        }
    }
}
