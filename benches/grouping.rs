//! Speed of duplicate grouping on synthetic support cases in English, Korean and Chinese with
//! planted near-duplicates. Run with
//! `cargo bench --bench grouping -- --warm-up-time 1 --measurement-time 3`.

#[cfg(not(target_arch = "wasm32"))]
mod speed {
    use chrono::{TimeZone, Utc};
    use criterion::{criterion_group, BatchSize, Criterion};
    use std::hint::black_box;
    use triage_desk::domain::case::{Case, CaseDraft, CaseId};
    use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};

    /// SplitMix64: a fixed-seed generator so every run measures the same cases.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    struct Language {
        products: &'static [&'static str],
        symptoms: &'static [&'static str],
        contexts: &'static [&'static str],
        filler: &'static [&'static str],
        separator: &'static str,
    }

    const ENGLISH: Language = Language {
        products: &[
            "checkout",
            "login",
            "invoice",
            "CSV export",
            "dashboard",
            "push notifications",
            "search",
            "file upload",
            "calendar sync",
            "billing page",
            "password reset",
            "mobile app",
            "API token",
            "webhook",
            "monthly report",
            "team invite",
            "SSO",
            "two-factor code",
            "refund",
            "subscription",
            "shipping label",
            "order history",
            "profile photo",
            "dark mode",
            "email digest",
            "chat widget",
            "inventory count",
            "coupon code",
            "tax settings",
            "audit log",
        ],
        symptoms: &[
            "fails with error 500",
            "times out",
            "shows a blank page",
            "is very slow",
            "crashes on start",
            "returns wrong totals",
            "never finishes loading",
            "creates duplicate entries",
            "is stuck on a spinner",
            "rejects valid input",
            "logs the user out",
            "shows an old version",
            "sends twice",
            "is missing",
            "cannot be saved",
        ],
        contexts: &[
            "after the latest update",
            "on Safari",
            "on Android",
            "for enterprise accounts",
            "since this morning",
            "when using SSO",
            "in the EU region",
            "on the iPad app",
            "with a VPN",
            "for new customers",
            "after changing the password",
            "in Firefox",
            "behind the corporate proxy",
            "on slow connections",
            "for accounts with many users",
        ],
        filler: &[
            "The customer tried clearing the cache.",
            "It worked fine last week.",
            "Several users report it.",
            "Screenshot attached.",
            "They need this fixed before the end of the month.",
            "Restarting did not help.",
            "This blocks their daily work.",
            "They are on the premium plan.",
            "Our agent could reproduce it once.",
            "No error appears in the console.",
        ],
        separator: " ",
    };

    const KOREAN: Language = Language {
        products: &[
            "결제",
            "로그인",
            "청구서",
            "내보내기",
            "대시보드",
            "알림",
            "검색",
            "업로드",
            "동기화",
            "환불",
            "구독",
            "비밀번호 재설정",
            "모바일 앱",
            "배송 조회",
            "쿠폰",
            "주문 내역",
            "프로필 사진",
            "인증 코드",
        ],
        symptoms: &[
            "오류가 발생합니다",
            "시간이 초과됩니다",
            "화면이 비어 있습니다",
            "너무 느립니다",
            "앱이 종료됩니다",
            "금액이 잘못 표시됩니다",
            "로딩이 끝나지 않습니다",
            "중복으로 생성됩니다",
            "저장되지 않습니다",
        ],
        contexts: &[
            "업데이트 후",
            "안드로이드에서",
            "아이폰에서",
            "오늘 아침부터",
            "기업 계정에서",
            "와이파이 연결 시",
            "비밀번호 변경 후",
            "해외 카드로",
        ],
        filler: &[
            "고객이 캐시를 삭제해 보았습니다.",
            "지난주에는 정상이었습니다.",
            "여러 사용자가 같은 문제를 보고했습니다.",
            "스크린샷을 첨부합니다.",
            "재시작해도 해결되지 않습니다.",
            "업무에 큰 지장이 있습니다.",
        ],
        separator: " ",
    };

    const CHINESE: Language = Language {
        products: &[
            "付款",
            "登入",
            "發票",
            "匯出報表",
            "儀表板",
            "推播通知",
            "搜尋",
            "檔案上傳",
            "行事曆同步",
            "退款",
            "訂閱",
            "密碼重設",
            "手機應用程式",
            "物流查詢",
            "優惠券",
            "訂單紀錄",
            "驗證碼",
            "帳單頁面",
        ],
        symptoms: &[
            "失敗",
            "一直逾時",
            "畫面空白",
            "速度很慢",
            "開啟就閃退",
            "金額顯示錯誤",
            "無法載入",
            "重複建立",
            "無法儲存",
        ],
        contexts: &[
            "更新後",
            "在安卓手機上",
            "在蘋果手機上",
            "從今天早上開始",
            "企業帳號",
            "使用公司網路時",
            "變更密碼後",
            "使用海外信用卡時",
        ],
        filler: &[
            "客戶已經清除快取。",
            "上週還正常。",
            "多位使用者回報同樣問題。",
            "已附上截圖。",
            "重新啟動也沒有用。",
            "影響日常工作。",
        ],
        separator: "",
    };

    /// One reported problem; several cases may report it in different words.
    struct Incident {
        language: &'static Language,
        product: &'static str,
        symptom: &'static str,
        context: &'static str,
    }

    fn incident(rng: &mut Rng) -> Incident {
        let language = match rng.below(10) {
            0..=5 => &ENGLISH,
            6 | 7 => &KOREAN,
            _ => &CHINESE,
        };
        Incident {
            language,
            product: rng.pick(language.products),
            symptom: rng.pick(language.symptoms),
            context: rng.pick(language.contexts),
        }
    }

    fn report(rng: &mut Rng, incident: &Incident) -> (String, String) {
        let language = incident.language;
        let sep = language.separator;
        let title = if rng.below(2) == 0 {
            format!("{}{sep}{}", incident.product, incident.symptom)
        } else {
            format!("{}{sep}{}{sep}{}", incident.context, incident.product, incident.symptom)
        };
        let mut description = format!(
            "{}{sep}{}{sep}{}{sep}#{}",
            incident.product,
            incident.symptom,
            incident.context,
            10_000 + rng.below(90_000)
        );
        for _ in 0..1 + rng.below(3) {
            description.push(' ');
            description.push_str(rng.pick(language.filler));
        }
        (title, description)
    }

    /// `count` cases; about a fifth repeat an earlier incident in other words.
    fn synthetic_cases(count: usize, seed: u64) -> Vec<Case> {
        let mut rng = Rng(seed);
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let mut incidents: Vec<Incident> = Vec::new();
        (0..count)
            .map(|i| {
                let repeat = !incidents.is_empty() && rng.below(5) == 0;
                let at = if repeat { rng.below(incidents.len()) } else { incidents.len() };
                if !repeat {
                    let fresh = incident(&mut rng);
                    incidents.push(fresh);
                }
                let (title, description) = report(&mut rng, &incidents[at]);
                let draft = CaseDraft { title, description, ..CaseDraft::default() };
                Case::create(CaseId(format!("c{i:06}")), draft, "bench", now)
            })
            .collect()
    }

    fn grouping(c: &mut Criterion) {
        let settings = GroupingSettings::default();
        let none = NotDuplicates::new();
        for count in [10_000, 50_000] {
            let cases = synthetic_cases(count, 7);
            let index = SimilarityIndex::from_cases(&cases);
            let groups = index.group(&settings, &none);
            println!(
                "{count} cases: {} groups, largest {}, {} cases grouped",
                groups.len(),
                groups.first().map_or(0, |group| group.size()),
                groups.iter().map(|group| group.size()).sum::<usize>()
            );
            let mut bench = c.benchmark_group(format!("grouping_{count}"));
            bench.sample_size(10);
            bench
                .bench_function("build_index", |b| b.iter(|| SimilarityIndex::from_cases(black_box(&cases))));
            bench.bench_function("group", |b| b.iter(|| index.group(black_box(&settings), &none)));
            bench.bench_function("build_and_group", |b| {
                b.iter(|| SimilarityIndex::from_cases(black_box(&cases)).group(&settings, &none))
            });
            bench.finish();
        }
    }

    fn one_case(c: &mut Criterion) {
        let cases = synthetic_cases(10_000, 7);
        let index = SimilarityIndex::from_cases(&cases);
        let typed = synthetic_cases(1, 99).remove(0);
        let mut bench = c.benchmark_group("one_case_10000");
        bench.bench_function("similar_top5_typed", |b| {
            b.iter(|| index.similar_to_text(black_box(&typed.title), &typed.description, SIMILAR_COUNT))
        });
        bench.bench_function("upsert_edit", |b| {
            b.iter_batched_ref(
                || index.clone(),
                |index| index.upsert(&cases[17].id, black_box(&typed.title), &typed.description),
                BatchSize::LargeInput,
            )
        });
        bench.finish();
    }

    criterion_group!(benches, grouping, one_case);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(speed::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
