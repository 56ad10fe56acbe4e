//! Which screen a URL hash names ("#/case/C-12"), and the hash of each screen. Hashes keep
//! the app working when it is served from a sub-path, and make every screen a link that can
//! be shared between tabs.

use crate::domain::case::CaseId;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Inbox,
    NewCase,
    Case(CaseId),
    Settings,
    /// The Groups view, optionally with one group brought forward (from a surge banner).
    Groups(Option<String>),
    Incidents,
    Incident(String),
    Dashboard,
    /// The printable executive report of the dashboard's period.
    Report,
}

impl Route {
    /// The screen a hash names; anything unknown is the inbox.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("case", id)) if !id.is_empty() => Route::Case(CaseId(decode(id))),
            Some(("groups", id)) if !id.is_empty() => Route::Groups(Some(decode(id))),
            Some(("incident", id)) if !id.is_empty() => Route::Incident(decode(id)),
            _ if path == "groups" => Route::Groups(None),
            _ if path == "incidents" => Route::Incidents,
            _ if path == "new" => Route::NewCase,
            _ if path == "settings" => Route::Settings,
            _ if path == "dashboard" => Route::Dashboard,
            _ if path == "report" => Route::Report,
            _ => Route::Inbox,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Inbox => "#/".into(),
            Route::NewCase => "#/new".into(),
            Route::Case(id) => format!("#/case/{}", encode(&id.0)),
            Route::Settings => "#/settings".into(),
            Route::Groups(None) => "#/groups".into(),
            Route::Groups(Some(id)) => format!("#/groups/{}", encode(id)),
            Route::Incidents => "#/incidents".into(),
            Route::Incident(id) => format!("#/incident/{}", encode(id)),
            Route::Dashboard => "#/dashboard".into(),
            Route::Report => "#/report".into(),
        }
    }
}

/// Percent-encodes like `encodeURIComponent`: every byte outside `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode`]; text that is not valid percent-encoded UTF-8 is kept as it is, so a
/// hand-typed link still finds its case.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[at], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_its_own_hash() {
        let routes = [
            Route::Inbox,
            Route::NewCase,
            Route::Case(CaseId("C-1700000000-42".into())),
            Route::Case(CaseId("ZD 12/34 #5 결제 付款 100%".into())),
            Route::Settings,
            Route::Groups(None),
            Route::Groups(Some("g:C-1/C-2".into())),
            Route::Incidents,
            Route::Incident("INC-3".into()),
            Route::Dashboard,
            Route::Report,
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn encodes_as_the_browser_does() {
        assert_eq!(Route::Case(CaseId("a b/é".into())).href(), "#/case/a%20b%2F%C3%A9");
        assert_eq!(Route::Incident("INC-1 (ok)".into()).href(), "#/incident/INC-1%20(ok)");
    }

    #[test]
    fn unknown_or_odd_hashes_are_read_kindly() {
        assert_eq!(Route::parse(""), Route::Inbox);
        assert_eq!(Route::parse("#/nowhere"), Route::Inbox);
        assert_eq!(Route::parse("#/case/"), Route::Inbox);
        assert_eq!(Route::parse("#/groups"), Route::Groups(None));
        // A stray percent sign or bad UTF-8 keeps the text as typed.
        assert_eq!(Route::parse("#/case/100%"), Route::Case(CaseId("100%".into())));
        assert_eq!(Route::parse("#/case/%FF"), Route::Case(CaseId("%FF".into())));
    }
}
