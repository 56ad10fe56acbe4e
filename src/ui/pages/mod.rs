//! One module per screen; the app shell picks one by the route.

pub mod case;
pub mod dashboard;
pub mod groups;
pub mod inbox;
pub mod incident;
pub mod incidents;
pub mod new_case;
pub mod report;
pub mod settings;
