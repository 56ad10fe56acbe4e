//! Status-update templates: the library (built-ins kept by id, the user's edits and own
//! templates stored in the settings) and rendering a template for one incident, with every
//! unknown or misspelt placeholder reported where it is.

use super::builtin;
use super::cadence::{Cadence, Impact};
use super::{DataLoss, Incident, IncidentStatus};
use crate::domain::case::{Surface, Tier, Timestamp};
use crate::domain::format::written;
use crate::domain::incident::BlastRadius;
use crate::i18n::{fill, tr, Message, Text};
use crate::zone::{offset_label, Zone};
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Customers,
    Frontline,
    Executives,
    Engineering,
}

impl Audience {
    pub const ALL: [Audience; 4] =
        [Audience::Customers, Audience::Frontline, Audience::Executives, Audience::Engineering];

    pub fn key(self) -> &'static str {
        match self {
            Audience::Customers => "customers",
            Audience::Frontline => "frontline",
            Audience::Executives => "executives",
            Audience::Engineering => "engineering",
        }
    }

    /// The English name, for what the desk writes (the table's English row, not a copy of it).
    pub fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    pub fn text(self) -> Text {
        match self {
            Audience::Customers => Text::Customers,
            Audience::Frontline => Text::AudienceFrontline,
            Audience::Executives => Text::AudienceExecutives,
            Audience::Engineering => Text::AudienceEngineering,
        }
    }
}

pub use crate::i18n::Lang;

/// The zone a reader of `lang` most likely lives in, for new templates.
pub fn default_zone(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "UTC",
        Lang::Ko => "Asia/Seoul",
        Lang::ZhTw => "Asia/Taipei",
    }
}

/// The language's name in English, for the built-in templates' names.
pub fn english_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ko => "Korean",
        Lang::ZhTw => "Traditional Chinese (Taiwan)",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// "builtin/customers/investigating/en" for a built-in, "custom-n" for the user's own.
    pub id: String,
    pub name: String,
    pub audience: Audience,
    pub stage: IncidentStatus,
    pub lang: Lang,
    /// The IANA zone the reader's times are shown in ("Asia/Taipei"); UTC when unknown.
    pub zone: String,
    pub subject: String,
    pub body: String,
}

/// The user's templates and their edits of built-ins; the built-ins themselves are code, so
/// a new release's wording reaches every desk that did not edit them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateLibrary {
    /// Edited built-ins (same id) and the user's own templates, in the order made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub saved: Vec<Template>,
}

impl TemplateLibrary {
    /// Every template: the built-ins (edited where the user edited them), then the user's own.
    pub fn all(&self) -> Vec<Template> {
        let builtins = builtin::templates();
        let edited = |template: Template| {
            self.saved.iter().find(|saved| saved.id == template.id).cloned().unwrap_or(template)
        };
        let own = self.saved.iter().filter(|saved| !is_builtin(&saved.id)).cloned();
        builtins.into_iter().map(edited).chain(own).collect()
    }

    pub fn get(&self, id: &str) -> Option<Template> {
        self.saved
            .iter()
            .find(|saved| saved.id == id)
            .cloned()
            .or_else(|| builtin::templates().into_iter().find(|t| t.id == id))
    }

    /// The template to preselect for an update to `audience` at `stage` in `lang`: the
    /// user's own first (made for exactly this), then the built-in.
    pub fn for_stage(&self, audience: Audience, stage: IncidentStatus, lang: Lang) -> Option<Template> {
        let fits = |t: &Template| t.audience == audience && t.stage == stage && t.lang == lang;
        let all = self.all();
        let own = all.iter().find(|t| fits(t) && !is_builtin(&t.id));
        own.or_else(|| all.iter().find(|t| fits(t))).cloned()
    }

    /// Stores a template (an edit of a built-in keeps the built-in's id).
    pub fn save(&mut self, template: Template) {
        match self.saved.iter_mut().find(|saved| saved.id == template.id) {
            Some(saved) => *saved = template,
            None => self.saved.push(template),
        }
    }

    /// Puts a built-in back as shipped, or deletes one of the user's own; false if nothing changed.
    pub fn reset(&mut self, id: &str) -> bool {
        let before = self.saved.len();
        self.saved.retain(|saved| saved.id != id);
        self.saved.len() != before
    }

    pub fn is_edited(&self, id: &str) -> bool {
        is_builtin(id) && self.saved.iter().any(|saved| saved.id == id)
    }

    /// A new template of the user's own, copied from `from`, under a fresh id and named as a
    /// copy in `lang` (the page's language).
    pub fn new_from(&self, from: &Template, lang: Lang) -> Template {
        let taken = |n: &u32| self.saved.iter().any(|saved| saved.id == format!("custom-{n}"));
        let n = (1..).find(|n| !taken(n)).expect("a free number");
        let name = fill(tr(lang, Text::CopyOf), &[("name", &from.title(lang))]);
        Template { id: format!("custom-{n}"), name, ..from.clone() }
    }
}

impl Template {
    /// What a picker or list calls the template: a built-in by what it is for, in `lang`
    /// (its stored English name is only a fallback for older builds); the user's own by the
    /// name they gave it.
    pub fn title(&self, lang: Lang) -> String {
        if !is_builtin(&self.id) {
            return self.name.clone();
        }
        let language = match self.lang {
            Lang::En => Text::LanguageEnglish,
            Lang::Ko => Text::LanguageKorean,
            Lang::ZhTw => Text::LanguageChinese,
        };
        let t = |text| tr(lang, text);
        fill(
            t(Text::BuiltinTemplateName),
            &[
                ("audience", t(self.audience.text())),
                ("stage", t(crate::domain::case::Choice::text(self.stage))),
                ("language", t(language)),
            ],
        )
    }
}

pub fn is_builtin(id: &str) -> bool {
    id.starts_with(builtin::PREFIX)
}

/// Every placeholder, with what it stands for: the list the editor shows.
pub const PLACEHOLDERS: [(&str, Text); 15] = [
    ("incident.id", Text::PlaceholderIncidentId),
    ("incident.title", Text::PlaceholderIncidentTitle),
    ("incident.status", Text::PlaceholderIncidentStatus),
    ("incident.impact", Text::PlaceholderIncidentImpact),
    ("incident.started_at", Text::PlaceholderStartedAt),
    ("incident.duration", Text::PlaceholderDuration),
    ("impact.cases", Text::PlaceholderCases),
    ("impact.customers", Text::PlaceholderCustomers),
    ("impact.people", Text::PlaceholderPeople),
    ("impact.tiers", Text::PlaceholderTiers),
    ("impact.surfaces", Text::PlaceholderSurfaces),
    ("workaround", Text::PlaceholderWorkaround),
    ("next_update_at", Text::PlaceholderNextUpdate),
    ("data_loss", Text::PlaceholderDataLoss),
    ("me", Text::PlaceholderMe),
];

/// Why a known placeholder has no value yet, as [`ProblemKind::NoValue`] says it.
const DATA_LOSS_UNSET: &str = "say on the incident whether any data was lost";
const NO_UPDATE_OWED: &str = "a resolved incident owes no further update";
const NO_IMPACT: &str = "set the incident's impact, which sets the update cadence";

/// Which text of a template a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Subject,
    Body,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not a placeholder; `suggestion` is the one probably meant.
    Unknown { suggestion: Option<&'static str> },
    /// `{{` with no `}}` after it.
    Unclosed,
    /// A known placeholder with no value yet; the message says what to set.
    NoValue { what: &'static str },
}

/// A placeholder that blocks posting, at a byte range of the subject or body as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderProblem {
    pub part: Part,
    pub range: Range<usize>,
    /// The text from `{{` to `}}` (or to the end, when unclosed).
    pub found: String,
    pub kind: ProblemKind,
}

impl PlaceholderProblem {
    /// The range in UTF-16 code units of `text` (the subject or body it was found in), as a
    /// browser text field counts for selecting it.
    pub fn utf16_range(&self, text: &str) -> Range<usize> {
        let units = |bytes: &str| bytes.encode_utf16().count();
        let start = units(&text[..self.range.start]);
        start..start + units(&text[self.range.clone()])
    }

    /// In English, as a log keeps it.
    pub fn message(&self) -> String {
        self.describe().to_string()
    }

    /// What is wrong, in words for the reader's language.
    pub fn describe(&self) -> Message {
        let found = self.found.as_str();
        match &self.kind {
            ProblemKind::Unknown { suggestion: Some(name) } => Message::new(Text::PlaceholderMisspelt)
                .arg("found", found)
                .arg("name", format!("{{{{{name}}}}}")),
            ProblemKind::Unknown { suggestion: None } => {
                Message::new(Text::PlaceholderUnknown).arg("found", found)
            }
            ProblemKind::Unclosed => Message::new(Text::PlaceholderUnclosed).arg("found", found),
            ProblemKind::NoValue { what } => {
                let why = match *what {
                    DATA_LOSS_UNSET => Text::PlaceholderNeedsDataLoss,
                    NO_UPDATE_OWED => Text::PlaceholderNoUpdateOwed,
                    _ => Text::PlaceholderNeedsImpact,
                };
                Message::new(Text::PlaceholderNoValue).arg("found", found).arg_text("what", why)
            }
        }
    }
}

/// The unknown, misspelt and unclosed placeholders of `text`: what an editor marks, as no
/// incident could fill them.
pub fn check_placeholders(text: &str, part: Part) -> Vec<PlaceholderProblem> {
    let known = Values { values: PLACEHOLDERS.iter().map(|(name, _)| (*name, Ok(String::new()))).collect() };
    known.fill(text, part).1
}

/// A made-up incident at `stage`, for previewing a template in `lang`: every placeholder has
/// a value, except those a real incident at that stage lacks (no next update once resolved).
pub fn sample(stage: IncidentStatus, lang: Lang, now: Timestamp) -> (Incident, BlastRadius) {
    let (title, workaround) = match lang {
        Lang::En => {
            ("Card payments fail at checkout", "Pay by bank transfer, or try again in a few minutes.")
        }
        Lang::Ko => ("결제 단계에서 카드 결제 실패", "계좌이체로 결제하시거나 잠시 후 다시 시도해 주세요."),
        Lang::ZhTw => ("結帳時信用卡付款失敗", "請改用銀行轉帳付款，或稍候幾分鐘再試一次。"),
    };
    let started = now - TimeDelta::minutes(95);
    let mut incident = Incident::promote("INC-7".into(), title, "g-sample", vec![], "", started);
    incident.set_impact(Impact::Major, &Cadence::default(), "", started);
    incident.set_workaround(workaround, "", started);
    incident.set_data_loss(DataLoss::NoneLost, "", started);
    incident.set_status(stage, "", now);
    let radius = BlastRadius {
        cases: 12,
        customers: vec!["Acme".into(), "Globex".into(), "Initech".into()],
        tiers: vec![Tier::Enterprise, Tier::Premium],
        surfaces: vec![Surface::Website, Surface::App],
        customers_affected: 340,
    };
    (incident, radius)
}

/// A template filled in for one incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
    /// Each blocks posting; empty when the message can go.
    pub problems: Vec<PlaceholderProblem>,
}

impl Rendered {
    pub fn can_post(&self) -> bool {
        self.problems.is_empty()
    }

    /// The plain-text clipboard form: subject, blank line, body.
    pub fn plain(&self) -> String {
        format!("{}\n\n{}", self.subject, self.body)
    }

    /// The Markdown clipboard form: the subject in bold and the body with Markdown's
    /// characters escaped, so pasted text shows as written.
    pub fn markdown(&self) -> String {
        let body: Vec<String> = self.body.lines().map(super::handoff::markdown_inline).collect();
        format!("**{}**\n\n{}", super::handoff::markdown_inline(&self.subject), body.join("  \n"))
    }

    /// The rich-text clipboard form (what chat and mail editors paste): the subject in bold,
    /// the body's lines kept, HTML's characters escaped so the text stays text.
    pub fn html(&self) -> String {
        let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        format!(
            "<p><strong>{}</strong></p><p>{}</p>",
            escape(&self.subject),
            escape(&self.body).replace('\n', "<br>")
        )
    }
}

/// A duration in whole minutes as `lang` writes it: "1 h 20 min", "1시간 20분", "1 小時 20 分鐘".
pub fn duration_in(lang: Lang, duration: TimeDelta) -> String {
    Words::of(lang).duration(duration)
}

/// What one incident's placeholders stand for, in one language and zone, at `now`.
pub struct Values {
    values: Vec<(&'static str, Result<String, &'static str>)>,
}

/// What rendering needs besides the template.
pub struct RenderInput<'a> {
    pub incident: &'a Incident,
    /// The incident's reach, from its cases (`radius_of`).
    pub radius: &'a BlastRadius,
    pub cadence: &'a Cadence,
    /// The author's display name.
    pub me: &'a str,
    pub now: Timestamp,
}

impl Values {
    /// `audience` picks the wording where it differs (customers are told what happens next).
    pub fn new(input: &RenderInput, audience: Audience, lang: Lang, zone: &str) -> Values {
        let RenderInput { incident, radius, cadence, me, now } = *input;
        let words = Words::of(lang);
        let zone = Zone::parse(zone).or_else(|| Zone::parse("UTC"));
        let time = |at: Timestamp| zoned(at, zone.as_ref());
        let ended = incident.resolved_at();
        let surfaces = if incident.surfaces.is_empty() {
            radius.surfaces.iter().map(|s| words.surface(*s).to_string()).collect()
        } else {
            incident.surfaces.clone()
        };
        let workaround = match incident.workaround.as_str() {
            "" if audience == Audience::Customers => words.no_workaround.to_string(),
            "" => words.no_workaround_internal.to_string(),
            text => text.to_string(),
        };
        let data_loss = match incident.data_loss {
            DataLoss::Unknown => Err(DATA_LOSS_UNSET),
            DataLoss::NoneLost => Ok(words.no_data_lost.to_string()),
            DataLoss::SomeLost => Ok(words.some_data_lost.to_string()),
        };
        let next = match incident.due_after_update(cadence, now) {
            Some(due) => Ok(time(due)),
            None if !incident.is_open() => Err(NO_UPDATE_OWED),
            None => Err(NO_IMPACT),
        };
        let values = vec![
            ("incident.id", Ok(incident.id.clone())),
            ("incident.title", Ok(incident.title.clone())),
            ("incident.status", Ok(words.status(incident.status).to_string())),
            ("incident.impact", Ok(words.impact(incident.impact).to_string())),
            ("incident.started_at", Ok(time(incident.created_at))),
            ("incident.duration", Ok(words.duration(ended.unwrap_or(now) - incident.created_at))),
            ("impact.cases", Ok(radius.cases.to_string())),
            ("impact.customers", Ok(radius.customers.len().to_string())),
            ("impact.people", Ok(radius.customers_affected.to_string())),
            ("impact.tiers", Ok(words.list(radius.tiers.iter().map(|tier| words.tier(*tier).to_string())))),
            ("impact.surfaces", Ok(words.list(surfaces))),
            ("workaround", Ok(workaround)),
            ("next_update_at", next),
            ("data_loss", data_loss),
            ("me", Ok(me.trim().to_string())),
        ];
        debug_assert!(values.iter().map(|(name, _)| *name).eq(PLACEHOLDERS.iter().map(|(name, _)| *name)));
        Values { values }
    }

    /// `text` with each placeholder replaced. Values are inserted as they are and never read
    /// again, so a `{{` inside a case title or workaround stays text.
    pub fn fill(&self, text: &str, part: Part) -> (String, Vec<PlaceholderProblem>) {
        let mut out = String::with_capacity(text.len());
        let mut problems = Vec::new();
        let mut rest = 0;
        while let Some(open) = text[rest..].find("{{").map(|at| rest + at) {
            out.push_str(&text[rest..open]);
            let Some(close) = text[open + 2..].find("}}").map(|at| open + 2 + at + 2) else {
                problems.push(PlaceholderProblem {
                    part,
                    range: open..text.len(),
                    found: text[open..].into(),
                    kind: ProblemKind::Unclosed,
                });
                out.push_str(&text[open..]);
                return (out, problems);
            };
            let name = text[open + 2..close - 2].trim();
            let problem =
                |kind| PlaceholderProblem { part, range: open..close, found: text[open..close].into(), kind };
            match self.values.iter().find(|(known, _)| *known == name) {
                Some((_, Ok(value))) => out.push_str(value),
                Some((_, Err(what))) => {
                    problems.push(problem(ProblemKind::NoValue { what }));
                    out.push_str(&text[open..close]);
                }
                None => {
                    problems.push(problem(ProblemKind::Unknown { suggestion: closest(name) }));
                    out.push_str(&text[open..close]);
                }
            }
            rest = close;
        }
        out.push_str(&text[rest..]);
        (out, problems)
    }
}

/// Fills in `template` for the incident in `input`.
pub fn render(template: &Template, input: &RenderInput) -> Rendered {
    let values = Values::new(input, template.audience, template.lang, &template.zone);
    let (subject, mut problems) = values.fill(&template.subject, Part::Subject);
    let (body, body_problems) = values.fill(&template.body, Part::Body);
    problems.extend(body_problems);
    Rendered { subject, body, problems }
}

/// The placeholder probably meant by a misspelt `name`: the nearest by edits, if close.
fn closest(name: &str) -> Option<&'static str> {
    let folded = name.to_lowercase().replace([' ', '-'], "_");
    PLACEHOLDERS
        .iter()
        .map(|(known, _)| (edit_distance(&folded, known), *known))
        .filter(|(distance, known)| *distance <= (known.len() / 4).max(1))
        .min()
        .map(|(_, known)| known)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// "2026-11-02 17:30 (UTC+8)": a reader in any of the languages reads it unambiguously.
pub fn zoned(at: Timestamp, zone: Option<&Zone>) -> String {
    let offset = zone.map_or(0, |zone| zone.offset_ms(at.timestamp_millis()));
    let local = at + TimeDelta::milliseconds(offset);
    format!("{} ({})", written(local.naive_utc(), "%Y-%m-%d %H:%M"), offset_label(offset))
}

/// The words a template's values are written with, per language.
struct Words {
    lang: Lang,
    no_workaround: &'static str,
    no_workaround_internal: &'static str,
    no_data_lost: &'static str,
    some_data_lost: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                lang,
                no_workaround: "none available yet; we will share one as soon as we have it.",
                no_workaround_internal: "none yet.",
                no_data_lost: "No customer data was lost.",
                some_data_lost: "Some customer data was affected; we are contacting the customers concerned directly with the details.",
            },
            Lang::Ko => Words {
                lang,
                no_workaround: "아직 없습니다. 확인되는 대로 바로 안내해 드리겠습니다.",
                no_workaround_internal: "아직 없음",
                no_data_lost: "이번 장애로 인한 고객 데이터 손실은 없습니다.",
                some_data_lost: "일부 고객 데이터가 영향을 받았습니다. 해당 고객님께는 자세한 내용을 개별적으로 안내해 드리고 있습니다.",
            },
            Lang::ZhTw => Words {
                lang,
                no_workaround: "目前尚無，一有可行的方法會立即通知您。",
                no_workaround_internal: "目前尚無",
                no_data_lost: "此次事件未造成任何客戶資料遺失。",
                some_data_lost: "部分客戶資料受到影響，我們正個別聯繫相關客戶說明詳細情況。",
            },
        }
    }

    fn pick(&self, en: &'static str, ko: &'static str, zh: &'static str) -> &'static str {
        match self.lang {
            Lang::En => en,
            Lang::Ko => ko,
            Lang::ZhTw => zh,
        }
    }

    fn status(&self, status: IncidentStatus) -> &'static str {
        match status {
            IncidentStatus::Investigating => self.pick("Investigating", "조사 중", "調查中"),
            IncidentStatus::Identified => self.pick("Identified", "원인 확인", "已找到原因"),
            IncidentStatus::Monitoring => self.pick("Monitoring", "모니터링 중", "觀察中"),
            IncidentStatus::Resolved => self.pick("Resolved", "해결됨", "已解決"),
        }
    }

    fn impact(&self, impact: Impact) -> &'static str {
        match impact {
            Impact::None => self.pick("None", "없음", "無"),
            Impact::Minor => self.pick("Minor", "경미", "輕微"),
            Impact::Major => self.pick("Major", "중대", "重大"),
            Impact::Critical => self.pick("Critical", "심각", "嚴重"),
        }
    }

    fn tier(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::Enterprise => self.pick("Enterprise", "엔터프라이즈", "企業版"),
            Tier::Premium => self.pick("Premium", "프리미엄", "進階版"),
            Tier::Standard => self.pick("Standard", "스탠다드", "標準版"),
            Tier::Free => self.pick("Free", "무료", "免費版"),
        }
    }

    fn surface(&self, surface: Surface) -> &'static str {
        match surface {
            Surface::Website => self.pick("the website", "웹사이트", "網站"),
            Surface::App => self.pick("the app", "앱", "App"),
            Surface::SupportPlatform => self.pick("the support platform", "고객지원 플랫폼", "客服平台"),
            Surface::Api => self.pick("the API", "API", "API"),
            Surface::Other => self.pick("our service", "서비스", "服務"),
        }
    }

    fn list(&self, items: impl IntoIterator<Item = String>) -> String {
        let items: Vec<String> = items.into_iter().collect();
        match (self.lang, items.as_slice()) {
            (_, []) => self.pick("our service", "서비스", "服務").to_string(),
            (Lang::En, [one]) => one.clone(),
            (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
            (Lang::Ko, [one]) => one.clone(),
            (Lang::Ko, [init @ .., last]) => format!("{} 및 {last}", init.join(", ")),
            (Lang::ZhTw, _) => items.join("、"),
        }
    }

    /// Whole minutes: "1 h 20 min", "1시간 20분", "1 小時 20 分鐘".
    fn duration(&self, duration: TimeDelta) -> String {
        let minutes = duration.num_minutes().max(0);
        let (hours, minutes) = (minutes / 60, minutes % 60);
        let (h, m) = (self.pick(" h", "시간", " 小時"), self.pick(" min", "분", " 分鐘"));
        match (hours, minutes) {
            (0, minutes) => format!("{minutes}{m}"),
            (hours, 0) => format!("{hours}{h}"),
            (hours, minutes) => format!("{hours}{h} {minutes}{m}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::radius_of;
    use chrono::{TimeZone, Utc};

    fn at(minute: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + TimeDelta::minutes(minute)
    }

    fn incident() -> Incident {
        let mut incident =
            Incident::promote("INC-4".into(), "Checkout 500 after {{deploy}}", "g-a", vec![], "Mina", at(0));
        let cadence = Cadence::default();
        incident.set_impact(Impact::Major, &cadence, "Mina", at(1));
        incident.set_workaround("Pay with {{incident.id}} by bank transfer", "Mina", at(2));
        incident
    }

    fn template(subject: &str, body: &str, lang: Lang, zone: &str) -> Template {
        Template {
            id: "custom-1".into(),
            name: "Test".into(),
            audience: Audience::Customers,
            stage: IncidentStatus::Investigating,
            lang,
            zone: zone.into(),
            subject: subject.into(),
            body: body.into(),
        }
    }

    fn rendered(template: &Template, incident: &Incident) -> Rendered {
        let radius = radius_of([]);
        let input = RenderInput {
            incident,
            radius: &radius,
            cadence: &Cadence::default(),
            me: " Mina ",
            now: at(95),
        };
        render(template, &input)
    }

    #[test]
    fn placeholders_fill_in_the_readers_zone_and_language_and_inserted_text_is_never_expanded() {
        let incident = incident();
        let body = "{{ incident.id }} {{incident.title}} since {{incident.started_at}} ({{incident.duration}}), next {{next_update_at}}. {{workaround}} — {{me}}";
        let done = rendered(
            &template("[{{incident.status}}] {{incident.impact}}", body, Lang::En, "Asia/Taipei"),
            &incident,
        );
        assert_eq!(done.subject, "[Investigating] Major");
        assert_eq!(
            done.body,
            "INC-4 Checkout 500 after {{deploy}} since 2026-11-02 17:00 (UTC+8) (1 h 35 min), next 2026-11-02 19:35 (UTC+8). Pay with {{incident.id}} by bank transfer — Mina"
        );
        assert!(done.can_post(), "{:?}", done.problems);
        let ko = rendered(
            &template(
                "{{incident.status}} {{incident.impact}} {{incident.duration}}",
                "",
                Lang::Ko,
                "Asia/Seoul",
            ),
            &incident,
        );
        assert_eq!(ko.subject, "조사 중 중대 1시간 35분");
        let internal =
            Template { audience: Audience::Executives, ..template("{{workaround}}", "", Lang::Ko, "UTC") };
        let mut bare = incident.clone();
        bare.set_workaround("", "Mina", at(3));
        assert_eq!(rendered(&internal, &bare).subject, "아직 없음", "no promise to internal readers");
        let zh = rendered(
            &template(
                "{{incident.status}} {{incident.started_at}} {{impact.surfaces}}",
                "",
                Lang::ZhTw,
                "Asia/Taipei",
            ),
            &incident,
        );
        assert_eq!(zh.subject, "調查中 2026-11-02 17:00 (UTC+8) 服務");
    }

    #[test]
    fn unknown_misspelt_unclosed_and_valueless_placeholders_are_reported_where_they_are() {
        let incident = incident();
        let body = "Hi {{incident.titel}}, {{foo}} and {{data_loss}} then {{me";
        let done = rendered(&template("{{incident.id}}", body, Lang::En, "UTC"), &incident);
        assert!(!done.can_post());
        let found: Vec<(Part, Range<usize>, &ProblemKind)> =
            done.problems.iter().map(|p| (p.part, p.range.clone(), &p.kind)).collect();
        assert_eq!(
            found,
            [
                (Part::Body, 3..21, &ProblemKind::Unknown { suggestion: Some("incident.title") }),
                (Part::Body, 23..30, &ProblemKind::Unknown { suggestion: None }),
                (
                    Part::Body,
                    35..48,
                    &ProblemKind::NoValue { what: "say on the incident whether any data was lost" }
                ),
                (Part::Body, 54..58, &ProblemKind::Unclosed),
            ]
        );
        assert_eq!(&body[3..21], "{{incident.titel}}");
        assert_eq!(
            done.problems[0].message(),
            "{{incident.titel}} is not a placeholder. Did you mean {{incident.title}}?"
        );
        assert_eq!(done.body, body, "problems are left as written");
        let korean = "안녕 {{me}} {{oops}}";
        let found = rendered(&template("", korean, Lang::Ko, "UTC"), &incident).problems;
        assert_eq!((found[0].range.clone(), found[0].utf16_range(korean)), (14..22, 10..18));
    }

    #[test]
    fn the_next_update_needs_an_impact_and_a_resolved_incident_owes_none() {
        let mut incident = Incident::promote("INC-1".into(), "x", "g", vec![], "Mina", at(0));
        let next = template("", "{{next_update_at}}", Lang::En, "UTC");
        assert!(matches!(rendered(&next, &incident).problems[0].kind, ProblemKind::NoValue { .. }));
        incident.set_impact(Impact::Critical, &Cadence::default(), "Mina", at(1));
        assert_eq!(rendered(&next, &incident).body, "2026-11-02 11:05 (UTC)", "30 min after now");
        incident.set_status(IncidentStatus::Resolved, "Mina", at(50));
        let resolved = rendered(&next, &incident);
        assert_eq!(
            resolved.problems[0].message(),
            "{{next_update_at}} has no value yet: a resolved incident owes no further update."
        );
        let duration = rendered(&template("{{incident.duration}}", "", Lang::ZhTw, "UTC"), &incident);
        assert_eq!(duration.subject, "50 分鐘", "the duration stops at resolution");
    }

    #[test]
    fn the_library_keeps_built_ins_by_id_and_resets_edits() {
        let mut library = TemplateLibrary::default();
        let all = library.all();
        assert_eq!(all.len(), 4 * 4 * 3);
        let original = library.for_stage(Audience::Customers, IncidentStatus::Monitoring, Lang::Ko).unwrap();
        assert_eq!(original.id, "builtin/customers/monitoring/ko");
        let mut edited = original.clone();
        edited.body.push_str("\n감사합니다.");
        library.save(edited.clone());
        assert!(library.is_edited(&original.id));
        assert_eq!(library.get(&original.id), Some(edited.clone()));
        assert_eq!(library.all().len(), 48, "an edit replaces, not adds");
        let own = library.new_from(&edited, Lang::ZhTw);
        assert_eq!((own.id.as_str(), own.name.as_str()), ("custom-1", "客戶：觀察中（韓文）（副本）"));
        assert_eq!(own.title(Lang::Ko), own.name, "one's own keeps its name");
        assert_eq!(original.title(Lang::Ko), "고객: 모니터링 중(한국어)");
        assert_eq!(original.title(Lang::En), "Customers: Monitoring (Korean)");
        library.save(own.clone());
        assert_eq!(
            library.for_stage(Audience::Customers, IncidentStatus::Monitoring, Lang::Ko),
            Some(own.clone()),
            "the user's own wins"
        );
        assert_eq!(library.new_from(&own, Lang::En).name, format!("{} (copy)", own.name));
        assert!(library.reset(&original.id));
        assert!(!library.is_edited(&original.id));
        assert_eq!(library.get(&original.id), Some(original));
        let stored = serde_json::to_string(&library).unwrap();
        assert_eq!(serde_json::from_str::<TemplateLibrary>(&stored).unwrap(), library);
        assert!(stored.contains(r#""lang":"ko""#), "{stored}");
        assert_eq!(serde_json::from_str::<TemplateLibrary>("{}").unwrap(), TemplateLibrary::default());
    }

    #[test]
    fn an_editor_marks_only_what_no_incident_could_fill_and_the_sample_fills_the_rest() {
        let body = "{{me}} {{data_loss}} {{incident.titel}} {{ next_update_at }} {{oops";
        let found: Vec<(Range<usize>, String)> = check_placeholders(body, Part::Body)
            .iter()
            .map(|problem| (problem.range.clone(), problem.describe().to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (21..39, "{{incident.titel}} is not a placeholder. Did you mean {{incident.title}}?".into()),
                (61..67, "{{oops has no closing }}.".into()),
            ]
        );
        assert_eq!(
            crate::i18n::Message::in_lang(
                &check_placeholders("{{x}}", Part::Subject)[0].describe(),
                Lang::Ko
            ),
            "{{x}}은(는) 자리 표시자가 아닙니다."
        );
        for template in TemplateLibrary::default().all() {
            assert!(check_placeholders(&template.subject, Part::Subject).is_empty(), "{}", template.id);
            assert!(check_placeholders(&template.body, Part::Body).is_empty(), "{}", template.id);
            let (incident, radius) = sample(template.stage, template.lang, at(200));
            let input = RenderInput {
                incident: &incident,
                radius: &radius,
                cadence: &Cadence::default(),
                me: "Mina",
                now: at(200),
            };
            assert!(render(&template, &input).can_post(), "{} previews in full", template.id);
        }
        let (resolved, radius) = sample(IncidentStatus::Resolved, Lang::ZhTw, at(200));
        let input = RenderInput {
            incident: &resolved,
            radius: &radius,
            cadence: &Cadence::default(),
            me: "",
            now: at(200),
        };
        let done =
            render(&template("{{next_update_at}}", "{{incident.duration}}", Lang::ZhTw, "UTC"), &input);
        assert_eq!(done.body, "1 小時 35 分鐘");
        assert_eq!(
            done.problems[0].describe().to_string(),
            "{{next_update_at}} has no value yet: a resolved incident owes no further update."
        );
    }

    #[test]
    fn markdown_copy_escapes_what_markdown_would_read() {
        let done =
            Rendered { subject: "Fix *soon*".into(), body: "a <b>\n[link](x)".into(), problems: vec![] };
        assert_eq!(done.markdown(), "**Fix \\*soon\\***\n\na \\<b\\>  \n\\[link\\](x)");
        assert_eq!(done.plain(), "Fix *soon*\n\na <b>\n[link](x)");
        assert_eq!(done.html(), "<p><strong>Fix *soon*</strong></p><p>a &lt;b&gt;<br>[link](x)</p>");
    }

    #[test]
    fn durations_read_in_each_language() {
        let d = TimeDelta::minutes(95);
        assert_eq!(duration_in(Lang::En, d), "1 h 35 min");
        assert_eq!(duration_in(Lang::Ko, d), "1시간 35분");
        assert_eq!(duration_in(Lang::ZhTw, TimeDelta::minutes(20)), "20 分鐘");
    }
}
