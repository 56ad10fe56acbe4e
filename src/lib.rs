//! Triage Desk: a support triage desk that runs entirely in the browser.

pub mod domain;
pub mod i18n;
pub mod nfkc;
pub mod zone;

#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::App;
