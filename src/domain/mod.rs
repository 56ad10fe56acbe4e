//! The pure core of Triage Desk: no browser, no UI framework, and the current time is always
//! an argument.

pub mod case;
pub mod desk;
pub mod grouping;
pub mod persist;
