//! The pure core of Triage Desk: no browser, no UI framework, and the current time is always
//! an argument.
//!
//! No two of these modules use each other, directly or round a loop (`tests/architecture.rs`
//! checks it), so each can be read knowing only those it names.

// Model: what the user keeps (cases, the desk with its merges, incidents).
pub mod case;
pub mod desk;
pub mod desk_incidents;
pub mod incident;

// Engines: what is computed from the model (scores, groups, clocks, the inbox's view, KPIs).
pub mod duplicates;
pub mod grouping;
pub mod inbox;
pub mod kpi;
pub mod sla;
pub mod triage;

// Persistence: the stored, exported and imported shapes of the model, text in, text out.
pub mod csv_export;
pub mod csv_format;
pub mod import;
pub mod layout;
pub mod persist;

// Support: small tools the others share, and the demo data.
pub mod demo;
pub mod fast_hash;
pub mod fuzzy;
pub mod per_case;
pub mod route;
pub mod shortcuts;
pub mod sort;
pub mod stamp;
pub mod virtual_list;
