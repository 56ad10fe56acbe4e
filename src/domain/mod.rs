//! The pure core of Triage Desk: no browser, no UI framework, and the current time is always
//! an argument.

pub mod case;
pub mod csv_export;
pub mod demo;
pub mod desk;
pub mod desk_incidents;
pub mod duplicates;
pub mod fast_hash;
pub mod grouping;
pub mod import;
pub mod inbox;
pub mod incident;
pub mod layout;
pub mod per_case;
pub mod persist;
pub mod route;
pub mod sla;
pub mod sort;
pub mod stamp;
pub mod triage;
pub mod virtual_list;
