//! The keyboard shortcuts: what a key, or a `g` and a second key, means, read one key at a
//! time, and the sheet that lists them. Whether the key was typed into a field or belongs to
//! an input method's composition is the page's to check before asking; the time of each key
//! is an argument.

use crate::i18n::Text;

/// A screen a `g` sequence goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Inbox,
    Groups,
    Incidents,
    Dashboard,
    Settings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Palette,
    Sheet,
    NewCase,
    Search,
    Next,
    Previous,
    Open,
    /// Back from a case (or an incident, the report), or close a dialog.
    Back,
    Go(Screen),
    Resolve,
    PinPriority,
}

impl Shortcut {
    /// What it does, as the shortcut sheet says it.
    pub fn text(self) -> Text {
        match self {
            Shortcut::Palette => Text::KeyPalette,
            Shortcut::Sheet => Text::KeySheet,
            Shortcut::NewCase => Text::PaletteNewCase,
            Shortcut::Search => Text::KeySearch,
            Shortcut::Next => Text::KeyNext,
            Shortcut::Previous => Text::KeyPrevious,
            Shortcut::Open => Text::KeyOpen,
            Shortcut::Back => Text::KeyBack,
            Shortcut::Go(screen) => match screen {
                Screen::Inbox => Text::PaletteGoInbox,
                Screen::Groups => Text::PaletteGoGroups,
                Screen::Incidents => Text::PaletteGoIncidents,
                Screen::Dashboard => Text::PaletteGoDashboard,
                Screen::Settings => Text::PaletteGoSettings,
            },
            Shortcut::Resolve => Text::PaletteResolve,
            Shortcut::PinPriority => Text::PalettePin,
        }
    }
}

/// How long the second key of a sequence may follow the `g`.
pub const SEQUENCE_MS: f64 = 1_500.0;

/// The keys of the palette as the sheet and the header show them (Cmd on a Mac works too).
pub const PALETTE_KEYS: &str = "Ctrl K";

/// The shortcut sheet: groups (heading, rows), each row the keys as shown (space-separated
/// keys pressed one after another, `|` between alternatives) and what they do.
pub const SHEET: [(Text, &[(&str, Shortcut)]); 4] = [
    (
        Text::KeysAnywhere,
        &[
            (PALETTE_KEYS, Shortcut::Palette),
            ("?", Shortcut::Sheet),
            ("c", Shortcut::NewCase),
            ("/", Shortcut::Search),
            ("Esc", Shortcut::Back),
        ],
    ),
    (
        Text::KeysGoTo,
        &[
            ("g i", Shortcut::Go(Screen::Inbox)),
            ("g g", Shortcut::Go(Screen::Groups)),
            ("g n", Shortcut::Go(Screen::Incidents)),
            ("g d", Shortcut::Go(Screen::Dashboard)),
            ("g s", Shortcut::Go(Screen::Settings)),
        ],
    ),
    (
        Text::KeysList,
        &[("j | \u{2193}", Shortcut::Next), ("k | \u{2191}", Shortcut::Previous), ("Enter", Shortcut::Open)],
    ),
    (Text::KeysCase, &[("e", Shortcut::Resolve), ("p", Shortcut::PinPriority)]),
];

/// Keys as they are pressed, remembering a `g` until the key after it.
#[derive(Default)]
pub struct KeySequence {
    /// When a `g` was pressed, if it is waiting for its second key.
    g_at: Option<f64>,
}

impl KeySequence {
    /// What the key named `key` (a `KeyboardEvent.key`, no Ctrl, Alt or Cmd held) pressed at
    /// `at_ms` means. After a `g` only the second key of a sequence counts; anything else
    /// ends the sequence and does nothing.
    pub fn press(&mut self, key: &str, at_ms: f64) -> Option<Shortcut> {
        if self.g_at.take().is_some_and(|g_at| at_ms - g_at <= SEQUENCE_MS) {
            let screen = match key {
                "i" => Screen::Inbox,
                "g" => Screen::Groups,
                "n" => Screen::Incidents,
                "d" => Screen::Dashboard,
                "s" => Screen::Settings,
                _ => return None,
            };
            return Some(Shortcut::Go(screen));
        }
        Some(match key {
            "g" => {
                self.g_at = Some(at_ms);
                return None;
            }
            "?" => Shortcut::Sheet,
            "c" => Shortcut::NewCase,
            "/" => Shortcut::Search,
            "Escape" => Shortcut::Back,
            "j" => Shortcut::Next,
            "k" => Shortcut::Previous,
            "e" => Shortcut::Resolve,
            "p" => Shortcut::PinPriority,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(pressed: &[(&str, f64)]) -> Vec<Option<Shortcut>> {
        let mut sequence = KeySequence::default();
        pressed.iter().map(|&(key, at)| sequence.press(key, at)).collect()
    }

    #[test]
    fn single_keys() {
        assert_eq!(keys(&[("c", 0.0)]), [Some(Shortcut::NewCase)]);
        assert_eq!(keys(&[("/", 0.0), ("?", 1.0)]), [Some(Shortcut::Search), Some(Shortcut::Sheet)]);
        assert_eq!(keys(&[("e", 0.0), ("p", 1.0)]), [Some(Shortcut::Resolve), Some(Shortcut::PinPriority)]);
        assert_eq!(keys(&[("j", 0.0), ("k", 1.0)]), [Some(Shortcut::Next), Some(Shortcut::Previous)]);
        assert_eq!(keys(&[("Escape", 0.0)]), [Some(Shortcut::Back)]);
        // Shifted letters and other keys mean nothing.
        assert_eq!(keys(&[("C", 0.0), ("x", 1.0), ("Enter", 2.0), ("ㅊ", 3.0)]), [None; 4]);
    }

    #[test]
    fn g_then_a_key_goes_to_a_screen() {
        assert_eq!(keys(&[("g", 0.0), ("i", 300.0)]), [None, Some(Shortcut::Go(Screen::Inbox))]);
        assert_eq!(keys(&[("g", 0.0), ("g", 10.0)]), [None, Some(Shortcut::Go(Screen::Groups))]);
        assert_eq!(keys(&[("g", 0.0), ("n", 10.0)]), [None, Some(Shortcut::Go(Screen::Incidents))]);
        assert_eq!(keys(&[("g", 0.0), ("d", 10.0)]), [None, Some(Shortcut::Go(Screen::Dashboard))]);
        assert_eq!(keys(&[("g", 0.0), ("s", 10.0)]), [None, Some(Shortcut::Go(Screen::Settings))]);
    }

    #[test]
    fn a_sequence_ends_on_a_stray_key_or_a_pause() {
        // "g c" is no sequence, and the c after the g is not a new case either.
        assert_eq!(keys(&[("g", 0.0), ("c", 10.0), ("c", 20.0)]), [None, None, Some(Shortcut::NewCase)]);
        // Too late for the second key: it counts on its own (s means nothing, e resolves).
        assert_eq!(keys(&[("g", 0.0), ("s", 2_000.0)]), [None, None]);
        assert_eq!(keys(&[("g", 0.0), ("e", 2_000.0)]), [None, Some(Shortcut::Resolve)]);
        // "g g g i": groups, then a fresh sequence to the inbox.
        assert_eq!(
            keys(&[("g", 0.0), ("g", 1.0), ("g", 2.0), ("i", 3.0)]),
            [None, Some(Shortcut::Go(Screen::Groups)), None, Some(Shortcut::Go(Screen::Inbox))]
        );
    }

    #[test]
    fn the_sheet_lists_what_the_keys_do() {
        // Every letter row of the sheet, typed, does what the sheet says.
        for (_, rows) in SHEET {
            for &(shown, shortcut) in rows {
                if shown.split(' ').all(|key| key.chars().count() == 1 && key != "|") {
                    let pressed: Vec<(&str, f64)> = shown.split(' ').map(|key| (key, 0.0)).collect();
                    assert_eq!(keys(&pressed).last().copied().flatten(), Some(shortcut), "{shown}");
                }
            }
        }
        // And every key that does something is on the sheet.
        let listed: Vec<Shortcut> = SHEET.iter().flat_map(|(_, rows)| rows.iter().map(|r| r.1)).collect();
        let singles = ('a'..='z').map(String::from).chain(["/", "?", "Escape"].map(String::from));
        for key in singles {
            for pressed in [vec![(key.as_str(), 0.0)], vec![("g", 0.0), (key.as_str(), 1.0)]] {
                if let Some(shortcut) = keys(&pressed).last().copied().flatten() {
                    assert!(listed.contains(&shortcut), "{pressed:?} is not on the sheet");
                }
            }
        }
    }
}
