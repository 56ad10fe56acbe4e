//! Deterministic, realistic synthetic cases for the benchmarks: half English, a quarter each
//! Korean and Traditional Chinese, about 670 characters of JSON each. Shared by the native
//! (criterion) and the in-browser benchmarks so both measure the same data.

use chrono::{Duration, TimeZone, Utc};
use triage_desk::domain::case::{Case, CaseDraft, CaseId, Tier, Timestamp, Urgency};

const ENGLISH_TITLES: &[&str] = &[
    "Checkout page times out for some customers",
    "Cannot log in after password reset",
    "Invoice PDF missing from the billing page",
    "App crashes on launch after update",
    "Refund not received after two weeks",
    "Typo on the FAQ page",
    "Export to CSV is very slow",
    "Charged twice for one order",
];
const ENGLISH_SENTENCES: &[&str] = &[
    "Our store manager reported this during the morning shift.",
    "It started after yesterday's release and affects several stores.",
    "The customer says the download button does nothing on Safari.",
    "This is the third time we are contacting support about it.",
    "Please treat this as URGENT, our sales are blocked!!!",
    "We tried clearing the cache and logging out, with no change.",
    "Screenshots and the order number are attached below.",
    "Still waiting on an answer, can someone escalate asap?",
    "The API returns a 500 error for about one request in ten.",
];
const KOREAN_TITLES: &[&str] =
    &["결제가 안 됩니다", "로그인 오류 발생", "앱이 계속 튕겨요", "환불 요청 드립니다", "배송 조회 문의"];
const KOREAN_SENTENCES: &[&str] = &[
    "어제부터 결제 페이지에서 오류가 납니다.",
    "고객들이 아직도 접속을 못 하고 있습니다.",
    "빨리 확인 부탁드립니다.",
    "주문 내역이 보이지 않아요.",
    "업데이트 이후 iOS 앱에서만 발생합니다.",
    "담당자 연락처 또는 메일 주소를 알려 주세요.",
];
const CHINESE_TITLES: &[&str] = &["無法登入帳號", "付款失敗", "App 當機", "退款尚未收到", "發票資料錯誤"];
const CHINESE_SENTENCES: &[&str] = &[
    "客戶反映從昨天開始無法付款。",
    "請盡快處理，謝謝。",
    "我們的系統仍然無法連線。",
    "訂單頁面顯示錯誤訊息。",
    "更新之後手機版一直閃退。",
    "附上截圖與訂單編號供參考。",
];

/// A fixed-seed generator: the same cases every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

pub fn start() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap()
}

pub fn synthetic_cases(count: usize) -> Vec<Case> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|i| {
            // Half English, a quarter each Korean and Traditional Chinese.
            let (titles, sentences, count) = match rng.next() % 4 {
                0 | 1 => (ENGLISH_TITLES, ENGLISH_SENTENCES, 6),
                2 => (KOREAN_TITLES, KOREAN_SENTENCES, 10),
                _ => (CHINESE_TITLES, CHINESE_SENTENCES, 14),
            };
            let description: Vec<&str> = (0..count).map(|_| rng.pick(sentences)).collect();
            let draft = CaseDraft {
                title: rng.pick(titles).into(),
                description: description.join(" "),
                customer: format!("Customer {}", rng.next() % 900),
                tier: Tier::ALL[rng.next() % Tier::ALL.len()],
                category: "Payments".into(),
                customers_affected: [1, 1, 1, 3, 12, 40, 250, 1200][rng.next() % 8],
                urgency: Urgency::ALL[rng.next() % Urgency::ALL.len()],
                ..CaseDraft::default()
            };
            let created = start() + Duration::minutes((rng.next() % (5 * 24 * 60)) as i64);
            Case::create(CaseId(format!("c{i:06}")), draft, "Mina", created)
        })
        .collect()
}
