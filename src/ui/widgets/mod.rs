//! Pieces used by several pages or by the app shell around them.

pub mod any_choice;
pub mod badges;
pub mod banners;
pub mod chart;
pub mod disclosure;
pub mod fields;
pub mod handoff;
pub mod header;
pub mod import_review;
pub mod language;
pub mod palette;
pub mod presence;
pub mod quick_add;
pub mod shortcuts;
pub mod similar_cases;
pub mod sla_timer;
pub mod timeline;
pub mod title;
pub mod transfer;
pub mod update_notice;
pub mod what_if;
