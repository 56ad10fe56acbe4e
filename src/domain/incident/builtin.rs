//! The built-in templates: every audience and stage in English, Korean and Traditional
//! Chinese (Taiwan).
//!
//! Customer messages never promise a fix time or name internals (no incident title, no
//! system names), always say what the workaround is and when the next update comes, and the
//! Resolved one says whether data was lost. Internal messages (frontline, executives,
//! engineering) are one stage sentence, a block of facts shared by the stages, and a closing.

use super::templates::{default_zone, english_name, Audience, Lang, Template};
use super::IncidentStatus;

pub const PREFIX: &str = "builtin/";

use IncidentStatus::{Identified, Investigating, Monitoring, Resolved};

/// Subject and body of the customer message per stage.
fn customers(lang: Lang, stage: IncidentStatus) -> (&'static str, &'static str) {
    match (lang, stage) {
        (Lang::En, Investigating) => (
            "Investigating: a problem with {{impact.surfaces}} [{{incident.id}}]",
            "Hello,

We are aware that some customers are having trouble using {{impact.surfaces}}, and our team is investigating. The problem started around {{incident.started_at}}.

What you can do in the meantime: {{workaround}}

We will send our next update by {{next_update_at}}, or sooner if we learn more. We are sorry for the disruption and thank you for your patience.

Reference: {{incident.id}}
{{me}}",
        ),
        (Lang::En, Identified) => (
            "Cause identified: a problem with {{impact.surfaces}} [{{incident.id}}]",
            "Hello,

We have identified the cause of the problem affecting {{impact.surfaces}} and are working on a fix. Some customers may still have trouble until it is in place.

What you can do in the meantime: {{workaround}}

We will send our next update by {{next_update_at}}, or sooner if anything changes. Thank you for bearing with us.

Reference: {{incident.id}}
{{me}}",
        ),
        (Lang::En, Monitoring) => (
            "Fix in place, monitoring: {{impact.surfaces}} [{{incident.id}}]",
            "Hello,

We have put a fix in place, and {{impact.surfaces}} should be working normally again. We are monitoring closely to make sure the problem does not come back.

If you still run into it, please reply to this message so we can check your account. Until then, this still works: {{workaround}}

We will send our next update by {{next_update_at}}.

Reference: {{incident.id}}
{{me}}",
        ),
        (Lang::En, Resolved) => (
            "Resolved: the problem with {{impact.surfaces}} [{{incident.id}}]",
            "Hello,

The problem affecting {{impact.surfaces}} has been resolved. It started around {{incident.started_at}} and lasted about {{incident.duration}}.

{{data_loss}}

You do not need to do anything. If you still notice anything unusual, please reply to this message and we will look into it right away. We are sorry for the disruption and thank you for your patience.

Reference: {{incident.id}}
{{me}}",
        ),
        (Lang::Ko, Investigating) => (
            "[조사 중] {{impact.surfaces}} 이용 장애 안내 ({{incident.id}})",
            "안녕하세요, 고객님.

현재 일부 고객님께서 {{impact.surfaces}} 이용에 어려움을 겪고 계신 것을 확인하였으며, 담당 팀이 원인을 파악하고 있습니다.

- 발생 시각: {{incident.started_at}}
- 임시 해결 방법: {{workaround}}
- 다음 안내 예정: {{next_update_at}}

새로운 내용이 확인되면 예정 시각 전이라도 바로 알려 드리겠습니다. 이용에 불편을 드려 진심으로 죄송합니다.

참조 번호: {{incident.id}}
{{me}} 드림",
        ),
        (Lang::Ko, Identified) => (
            "[원인 확인] {{impact.surfaces}} 이용 장애 안내 ({{incident.id}})",
            "안녕하세요, 고객님.

{{impact.surfaces}} 이용 장애의 원인을 확인하였으며, 현재 문제를 해결하기 위한 작업을 진행하고 있습니다. 작업이 완료될 때까지는 일부 고객님께서 계속 불편을 겪으실 수 있습니다.

- 임시 해결 방법: {{workaround}}
- 다음 안내 예정: {{next_update_at}}

기다려 주셔서 감사합니다.

참조 번호: {{incident.id}}
{{me}} 드림",
        ),
        (Lang::Ko, Monitoring) => (
            "[모니터링 중] {{impact.surfaces}} 정상화 조치 안내 ({{incident.id}})",
            "안녕하세요, 고객님.

문제 해결을 위한 조치를 적용하였으며, 현재 {{impact.surfaces}}을(를) 정상적으로 이용하실 수 있습니다. 문제가 재발하지 않는지 계속 면밀히 모니터링하고 있습니다.

계속 문제가 발생하면 이 메일에 회신해 주시기 바랍니다. 고객님의 계정을 직접 확인해 드리겠습니다.

- 임시 해결 방법: {{workaround}}
- 다음 안내 예정: {{next_update_at}}

참조 번호: {{incident.id}}
{{me}} 드림",
        ),
        (Lang::Ko, Resolved) => (
            "[해결] {{impact.surfaces}} 이용 장애 해결 안내 ({{incident.id}})",
            "안녕하세요, 고객님.

{{impact.surfaces}} 이용 장애가 해결되었습니다.

- 발생 시각: {{incident.started_at}}
- 지속 시간: 약 {{incident.duration}}

{{data_loss}}

고객님께서 별도로 조치하실 사항은 없습니다. 이용 중 이상한 점이 있으면 이 메일에 회신해 주시기 바랍니다. 바로 확인해 드리겠습니다. 불편을 드려 다시 한번 사과드리며, 기다려 주셔서 감사합니다.

참조 번호: {{incident.id}}
{{me}} 드림",
        ),
        (Lang::ZhTw, Investigating) => (
            "【調查中】{{impact.surfaces}} 服務異常通知（{{incident.id}}）",
            "您好：

我們發現部分客戶在使用 {{impact.surfaces}} 時遇到問題，團隊正在全力調查原因。

- 發生時間：{{incident.started_at}}
- 替代方式：{{workaround}}
- 下次更新：{{next_update_at}} 前

若在此之前有新的進展，我們會立即通知您。造成您的不便，我們深感抱歉，感謝您的耐心等候。

參考編號：{{incident.id}}
{{me}} 敬上",
        ),
        (Lang::ZhTw, Identified) => (
            "【已找到原因】{{impact.surfaces}} 服務異常通知（{{incident.id}}）",
            "您好：

我們已找到 {{impact.surfaces}} 異常的原因，目前正在進行修正。在修正完成之前，部分客戶可能仍會遇到問題。

- 替代方式：{{workaround}}
- 下次更新：{{next_update_at}} 前

感謝您的耐心等候。

參考編號：{{incident.id}}
{{me}} 敬上",
        ),
        (Lang::ZhTw, Monitoring) => (
            "【觀察中】{{impact.surfaces}} 已完成修正（{{incident.id}}）",
            "您好：

我們已完成修正，{{impact.surfaces}} 目前應已恢復正常。我們會持續密切觀察，確保問題不再發生。

若您仍遇到問題，請直接回覆此信，我們會立即為您的帳號進行確認。

- 替代方式：{{workaround}}
- 下次更新：{{next_update_at}} 前

參考編號：{{incident.id}}
{{me}} 敬上",
        ),
        (Lang::ZhTw, Resolved) => (
            "【已解決】{{impact.surfaces}} 服務異常已排除（{{incident.id}}）",
            "您好：

{{impact.surfaces}} 的異常已經排除。

- 發生時間：{{incident.started_at}}
- 持續時間：約 {{incident.duration}}

{{data_loss}}

您不需要進行任何操作。若仍發現任何異常，請直接回覆此信，我們會立即協助確認。造成您的不便，再次深感抱歉，感謝您的耐心與體諒。

參考編號：{{incident.id}}
{{me}} 敬上",
        ),
    }
}

/// An internal message's parts: subject, the sentence per stage, the facts, and the closing
/// while open and once resolved (a resolved incident owes no next update).
struct Internal {
    subject: &'static str,
    stages: [&'static str; 4],
    facts: &'static str,
    closing: &'static str,
    closing_resolved: &'static str,
}

fn internal(audience: Audience, lang: Lang) -> Internal {
    match (audience, lang) {
        (Audience::Frontline, Lang::En) => Internal {
            subject: "[{{incident.id}}] Agent brief ({{incident.status}}): {{incident.title}}",
            stages: [
                "We are investigating {{incident.title}}; the cause is not known yet. Link every new report to {{incident.id}} instead of troubleshooting it on its own, and tell customers we are investigating. Do not give a fix time.",
                "The cause of {{incident.title}} is identified and a fix is being worked on. Tell customers we know the cause and are fixing it; still no fix time. Keep linking new reports to {{incident.id}}.",
                "A fix for {{incident.title}} is in place and we are monitoring. Ask customers who still see the problem when it happened and for a screenshot, and add both to their case.",
                "{{incident.title}} is resolved. {{data_loss}} Before closing a case, confirm with the customer that things work, and send linked cases the resolved message.",
            ],
            facts: "Status: {{incident.status}} · Impact: {{incident.impact}} · Started {{incident.started_at}} · Lasting {{incident.duration}}
Reach: {{impact.cases}} cases from {{impact.customers}} customers, {{impact.people}} people affected; tiers: {{impact.tiers}}; surfaces: {{impact.surfaces}}
Workaround to offer: {{workaround}}
Log a customer contact on the case whenever you reply, and pass Enterprise customers to the incident lead.",
            closing: "Next brief: {{next_update_at}} · Questions: {{me}}",
            closing_resolved: "Questions: {{me}}",
        },
        (Audience::Frontline, Lang::Ko) => Internal {
            subject: "[{{incident.id}}] 상담원 공지 ({{incident.status}}): {{incident.title}}",
            stages: [
                "{{incident.title}} 건을 조사 중이며, 아직 원인은 확인되지 않았습니다. 새로 접수되는 문의는 개별적으로 해결을 시도하지 말고 {{incident.id}}에 연결해 주세요. 고객에게는 조사 중이라고 안내하되, 해결 시점은 약속하지 마세요.",
                "{{incident.title}} 건의 원인이 확인되어 수정 작업이 진행 중입니다. 고객에게는 원인을 파악하여 조치 중이라고 안내하고, 해결 시점은 계속 약속하지 마세요. 새 문의는 계속 {{incident.id}}에 연결해 주세요.",
                "{{incident.title}} 건의 수정 사항이 적용되어 모니터링 중입니다. 문제가 계속된다는 고객에게는 발생 시각과 화면 캡처를 요청하여 케이스에 함께 기록해 주세요.",
                "{{incident.title}} 건이 해결되었습니다. {{data_loss}} 케이스를 종료하기 전에 고객에게 정상 이용 여부를 확인하고, 연결된 케이스에는 해결 안내를 보내 주세요.",
            ],
            facts: "상태: {{incident.status}} · 영향도: {{incident.impact}} · 발생: {{incident.started_at}} · 지속 시간: {{incident.duration}}
영향 범위: 고객사 {{impact.customers}}곳, 케이스 {{impact.cases}}건, 영향 인원 {{impact.people}}명 / 등급: {{impact.tiers}} / 영역: {{impact.surfaces}}
고객 안내용 임시 해결 방법: {{workaround}}
고객에게 답변할 때마다 케이스에 고객 연락을 기록하고, 엔터프라이즈 고객은 인시던트 담당자에게 넘겨 주세요.",
            closing: "다음 공지: {{next_update_at}} · 문의: {{me}}",
            closing_resolved: "문의: {{me}}",
        },
        (Audience::Frontline, Lang::ZhTw) => Internal {
            subject: "[{{incident.id}}] 客服人員通報（{{incident.status}}）：{{incident.title}}",
            stages: [
                "我們正在調查「{{incident.title}}」，目前尚未找到原因。新進案件請直接連結到 {{incident.id}}，不要個別排查；回覆客戶時請說明我們正在調查，並請勿承諾修復時間。",
                "「{{incident.title}}」的原因已找到，正在進行修正。回覆客戶時可說明我們已找到原因並在處理中，但仍請勿承諾修復時間。新進案件請繼續連結到 {{incident.id}}。",
                "「{{incident.title}}」已完成修正，目前觀察中。若客戶表示仍有問題，請詢問發生時間並請對方提供截圖，一併記錄在案件中。",
                "「{{incident.title}}」已解決。{{data_loss}}結案前請先向客戶確認已恢復正常，並對連結的案件發送已解決通知。",
            ],
            facts: "狀態：{{incident.status}}・影響程度：{{incident.impact}}・開始時間：{{incident.started_at}}・持續時間：{{incident.duration}}
影響範圍：{{impact.customers}} 家客戶、{{impact.cases}} 件案件、受影響人數 {{impact.people}} 人；方案等級：{{impact.tiers}}；受影響服務：{{impact.surfaces}}
可提供給客戶的替代方式：{{workaround}}
每次回覆客戶後，請在案件中記錄客戶聯繫；企業版客戶請轉交事件負責人處理。",
            closing: "下次通報：{{next_update_at}}・聯絡窗口：{{me}}",
            closing_resolved: "聯絡窗口：{{me}}",
        },
        (Audience::Executives, Lang::En) => Internal {
            subject: "[{{incident.id}}] {{incident.impact}} incident, {{incident.status}}: {{incident.title}}",
            stages: [
                "We are investigating {{incident.title}}; the cause is not yet known.",
                "The cause of {{incident.title}} is identified and a fix is in progress.",
                "A fix for {{incident.title}} is in place; we are monitoring before calling it resolved.",
                "{{incident.title}} is resolved after {{incident.duration}}. {{data_loss}}",
            ],
            facts: "Customer impact: {{impact.customers}} customers ({{impact.people}} people) across {{impact.cases}} cases; tiers: {{impact.tiers}}; surfaces: {{impact.surfaces}}.
Started: {{incident.started_at}}; duration: {{incident.duration}}.
Workaround for customers: {{workaround}}",
            closing: "Next update: {{next_update_at}}. Incident lead: {{me}}",
            closing_resolved: "A postmortem will follow. Incident lead: {{me}}",
        },
        (Audience::Executives, Lang::Ko) => Internal {
            subject: "[{{incident.id}}] {{incident.impact}} 인시던트 ({{incident.status}}): {{incident.title}}",
            stages: [
                "{{incident.title}} 건을 조사 중이며, 아직 원인은 확인되지 않았습니다.",
                "{{incident.title}} 건의 원인을 확인하였으며, 수정 작업을 진행하고 있습니다.",
                "{{incident.title}} 건의 수정 사항을 적용하였으며, 해결 선언 전까지 모니터링하고 있습니다.",
                "{{incident.title}} 건이 해결되었습니다(지속 시간 {{incident.duration}}). {{data_loss}}",
            ],
            facts: "고객 영향: 고객사 {{impact.customers}}곳(영향 인원 {{impact.people}}명), 케이스 {{impact.cases}}건 / 등급: {{impact.tiers}} / 영역: {{impact.surfaces}}
발생 시각: {{incident.started_at}} / 지속 시간: {{incident.duration}}
고객 안내 임시 해결 방법: {{workaround}}",
            closing: "다음 보고: {{next_update_at}} · 인시던트 담당: {{me}}",
            closing_resolved: "포스트모템 결과는 별도로 공유드리겠습니다. 인시던트 담당: {{me}}",
        },
        (Audience::Executives, Lang::ZhTw) => Internal {
            subject: "[{{incident.id}}] {{incident.impact}}事件（{{incident.status}}）：{{incident.title}}",
            stages: [
                "我們正在調查「{{incident.title}}」，目前尚未找到原因。",
                "已找到「{{incident.title}}」的原因，正在進行修正。",
                "「{{incident.title}}」已完成修正，宣告解決前持續觀察中。",
                "「{{incident.title}}」已解決，持續時間 {{incident.duration}}。{{data_loss}}",
            ],
            facts: "客戶影響：{{impact.customers}} 家客戶（受影響人數 {{impact.people}} 人）、{{impact.cases}} 件案件；方案等級：{{impact.tiers}}；受影響服務：{{impact.surfaces}}
開始時間：{{incident.started_at}}；持續時間：{{incident.duration}}
提供給客戶的替代方式：{{workaround}}",
            closing: "下次更新：{{next_update_at}}・事件負責人：{{me}}",
            closing_resolved: "事後檢討報告將另行提供。事件負責人：{{me}}",
        },
        (Audience::Engineering, Lang::En) => Internal {
            subject: "[{{incident.id}}] {{incident.title}} ({{incident.status}}, {{incident.impact}})",
            stages: [
                "Support is seeing {{incident.title}}. We need help finding the cause: please acknowledge and name an owner.",
                "Cause identified for {{incident.title}}. Please share the fix plan and when it can be deployed, so we can keep customers informed (we will not quote a time to them).",
                "The fix for {{incident.title}} is out. Please tell us what you are watching, and for how long, before we call it resolved; we will report new cases on {{incident.id}}.",
                "{{incident.title}} is resolved. {{data_loss}} Please add the root cause and follow-ups to the postmortem.",
            ],
            facts: "Reach: {{impact.cases}} cases, {{impact.customers}} customers, {{impact.people}} people; tiers: {{impact.tiers}}; surfaces: {{impact.surfaces}}.
Started: {{incident.started_at}}; duration: {{incident.duration}}.
Workaround given to customers: {{workaround}}",
            closing: "Next sync: {{next_update_at}}. Support contact: {{me}}",
            closing_resolved: "Support contact: {{me}}",
        },
        (Audience::Engineering, Lang::Ko) => Internal {
            subject: "[{{incident.id}}] {{incident.title}} ({{incident.status}}, {{incident.impact}})",
            stages: [
                "고객지원팀에 {{incident.title}} 관련 문의가 계속 접수되고 있습니다. 원인 파악에 도움이 필요합니다. 확인 후 담당자를 지정해 주세요.",
                "{{incident.title}} 건의 원인이 확인되었습니다. 고객 안내를 위해 수정 계획과 배포 가능 시점을 공유해 주세요(고객에게 시점을 약속하지는 않습니다).",
                "{{incident.title}} 건의 수정 사항이 배포되었습니다. 해결 선언 전까지 어떤 지표를 얼마 동안 모니터링할지 알려 주세요. 새로 접수되는 케이스는 {{incident.id}}에 계속 공유하겠습니다.",
                "{{incident.title}} 건이 해결되었습니다. {{data_loss}} 근본 원인과 후속 조치를 포스트모템에 추가해 주세요.",
            ],
            facts: "영향 범위: 케이스 {{impact.cases}}건, 고객사 {{impact.customers}}곳, 영향 인원 {{impact.people}}명 / 등급: {{impact.tiers}} / 영역: {{impact.surfaces}}
발생 시각: {{incident.started_at}} / 지속 시간: {{incident.duration}}
고객에게 안내한 임시 해결 방법: {{workaround}}",
            closing: "다음 점검: {{next_update_at}} · 고객지원 담당: {{me}}",
            closing_resolved: "고객지원 담당: {{me}}",
        },
        (Audience::Engineering, Lang::ZhTw) => Internal {
            subject: "[{{incident.id}}] {{incident.title}}（{{incident.status}}，{{incident.impact}}）",
            stages: [
                "客服端陸續收到「{{incident.title}}」的回報，需要協助找出原因。請確認並指派負責人。",
                "「{{incident.title}}」的原因已找到。請分享修正計畫與預計可部署的時間，方便我們掌握對客戶的說明（我們不會向客戶承諾時間）。",
                "「{{incident.title}}」的修正已部署。請告知宣告解決前會觀察哪些指標、觀察多久；新進案件會持續回報到 {{incident.id}}。",
                "「{{incident.title}}」已解決。{{data_loss}}請將根本原因與後續改善項目補充到事後檢討報告中。",
            ],
            facts: "影響範圍：{{impact.cases}} 件案件、{{impact.customers}} 家客戶、受影響人數 {{impact.people}} 人；方案等級：{{impact.tiers}}；受影響服務：{{impact.surfaces}}
開始時間：{{incident.started_at}}；持續時間：{{incident.duration}}
已提供給客戶的替代方式：{{workaround}}",
            closing: "下次同步：{{next_update_at}}・客服窗口：{{me}}",
            closing_resolved: "客服窗口：{{me}}",
        },
        (Audience::Customers, _) => unreachable!("customer messages are written whole"),
    }
}

/// Every built-in, by audience, then stage, then language.
pub fn templates() -> Vec<Template> {
    let mut all = Vec::with_capacity(48);
    for audience in Audience::ALL {
        for stage in IncidentStatus::ALL.iter().copied() {
            for lang in Lang::ALL {
                let (subject, body) = match audience {
                    Audience::Customers => {
                        let (subject, body) = customers(lang, stage);
                        (subject.to_string(), body.to_string())
                    }
                    _ => {
                        let parts = internal(audience, lang);
                        let closing = if stage.is_open() { parts.closing } else { parts.closing_resolved };
                        let body =
                            format!("{}\n\n{}\n\n{closing}", parts.stages[stage as usize], parts.facts);
                        (parts.subject.to_string(), body)
                    }
                };
                all.push(Template {
                    id: format!(
                        "{PREFIX}{}/{}/{}",
                        audience.key(),
                        crate::domain::case::Choice::key(stage),
                        lang.code()
                    ),
                    name: format!(
                        "{}: {} ({})",
                        audience.label(),
                        crate::domain::case::Choice::label(stage),
                        english_name(lang)
                    ),
                    audience,
                    stage,
                    lang,
                    zone: default_zone(lang).to_string(),
                    subject,
                    body,
                });
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::templates::{render, RenderInput};
    use crate::domain::incident::{cadence::Cadence, cadence::Impact, radius_of, DataLoss, Incident};
    use chrono::{TimeZone, Utc};

    #[test]
    fn every_built_in_renders_without_problems_once_the_incident_is_filled_in() {
        let at = |minute: i64| {
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + chrono::TimeDelta::minutes(minute)
        };
        let cadence = Cadence::default();
        let mut incident =
            Incident::promote("INC-2".into(), "Card payments fail", "g", vec![], "Mina", at(0));
        incident.set_impact(Impact::Major, &cadence, "Mina", at(1));
        incident.set_data_loss(DataLoss::NoneLost, "Mina", at(2));
        let radius = radius_of([]);
        for template in templates() {
            let mut incident = incident.clone();
            if template.stage != incident.status {
                incident.set_status(template.stage, "Mina", at(3));
            }
            let input = RenderInput {
                incident: &incident,
                radius: &radius,
                cadence: &cadence,
                me: "Mina",
                now: at(10),
            };
            let done = render(&template, &input);
            assert!(done.can_post(), "{}: {:?}", template.id, done.problems);
            if template.audience == Audience::Customers {
                assert!(
                    !done.body.contains("Card payments fail"),
                    "{}: customer text names internals",
                    template.id
                );
                assert!(
                    template.body.contains("{{workaround}}") || template.stage == Resolved,
                    "{}",
                    template.id
                );
                let says_next = template.body.contains("{{next_update_at}}");
                assert_eq!(says_next, template.stage != Resolved, "{}", template.id);
                assert_eq!(
                    template.body.contains("{{data_loss}}"),
                    template.stage == Resolved,
                    "{}",
                    template.id
                );
            }
        }
    }

    #[test]
    fn ids_are_unique_and_stable() {
        let all = templates();
        let mut ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 48);
        assert!(ids.contains(&"builtin/executives/resolved/zh-TW"));
    }
}
