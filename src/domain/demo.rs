//! The built-in demo queue: about forty escalations in English, Korean and Traditional
//! Chinese, so a first-time user sees triage, duplicate grouping and SLA clocks at work
//! without typing anything.
//!
//! The cases are a table of seeds; one function turns them into real cases through the
//! same methods the UI uses, so their timelines and SLA fields are exactly what a user
//! would have produced.

use super::case::{Case, CaseDraft, CaseId, NoteKind, Status, Surface, Tier, Timestamp, Urgency};
use chrono::TimeDelta;
use Step::{Contact, Internal, To};
use Surface::{Api, App, SupportPlatform, Website};
use Tier::{Enterprise, Free, Premium, Standard};
use Urgency::{High, Low, Medium};

/// Every demo case id starts with this, so the UI can tell demo data from the user's own.
pub const DEMO_ID_PREFIX: &str = "demo-";

/// One thing that happened to a case after it was created.
enum Step {
    To(Status),
    Contact(&'static str),
    Internal(&'static str),
}

struct Seed {
    /// How long before `now` the case was created.
    age_minutes: i64,
    title: &'static str,
    description: &'static str,
    customer: &'static str,
    tier: Tier,
    surface: Surface,
    category: &'static str,
    customers_affected: u32,
    urgency: Urgency,
    /// Minutes after creation, in order, each less than `age_minutes`.
    history: &'static [(i64, Step)],
}

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;

// Near-duplicate sets share what real reports share: the error code or version the customer
// saw (PAY-502, AUTH-1103, 5.2.0, SPRING15) or the status text on the page (已送達).
const SEEDS: &[Seed] = &[
    // 01: the biggest open outage, meant to top the queue.
    Seed {
        age_minutes: 22,
        title: "Payment declined at checkout with error PAY-502",
        description: "Since about half an hour ago every card payment on Harborline's storefront fails at \
                      the last checkout step with \"Payment declined (PAY-502)\". Visa and Mastercard both \
                      fail, PayPal still goes through. Their ops lead counts roughly 1,850 shoppers stuck \
                      with orders in \"pending payment\", e.g. #HL-448213.",
        customer: "Harborline Home Goods",
        tier: Enterprise,
        surface: Website,
        category: "Payments",
        customers_affected: 1850,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 55,
        title: "Customers can't complete checkout - card payment fails",
        description: "Brightleaf's support team is getting calls from shoppers whose card payment fails at \
                      checkout with error PAY-502, although the same cards work on other sites. Around 320 \
                      customers since this morning, on Chrome and Safari alike.",
        customer: "Brightleaf Grocers",
        tier: Premium,
        surface: Website,
        category: "Payments",
        customers_affected: 320,
        urgency: High,
        history: &[
            (8, To(Status::Triaged)),
            (
                12,
                Internal(
                    "Gateway dashboard shows PAY-502 card declines climbing across merchants. Paged \
                     payments on-call.",
                ),
            ),
            (
                15,
                Contact(
                    "Told Brightleaf's support lead we see the card payment failures too and will \
                     update within the hour.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 3 * HOUR,
        title: "iOS app crashes on launch after updating to 5.2.0",
        description: "Since release 5.2.0 reached the App Store, Quayside's iPhone shoppers report the app \
                      closes right after the splash screen. Reinstalling doesn't help; Android is fine. \
                      About 140 complaints so far, mostly iOS 17.",
        customer: "Quayside Books",
        tier: Premium,
        surface: App,
        category: "Mobile app",
        customers_affected: 140,
        urgency: High,
        history: &[
            (20, To(Status::Triaged)),
            (
                25,
                Contact(
                    "Emailed Quayside's e-commerce manager: known crash in 5.2.0, fix in progress; \
                     shoppers can use the mobile website meanwhile.",
                ),
            ),
            (60, To(Status::WaitingOnEngineering)),
            (
                62,
                Internal(
                    "Crash logs point at the 5.2.0 start-up data migration. Mobile team is preparing \
                     5.2.1 (MOB-2291).",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 95,
        title: "App crash when opening order history - version 5.2.0",
        description: "Tallgrass says their customers' iPhone app crashes as soon as they tap \"Orders\" \
                      since updating to version 5.2.0. Seen on iPhone 13 and 15 with iOS 17.4; 5.1.3 was \
                      fine.",
        customer: "Tallgrass Outdoor",
        tier: Standard,
        surface: App,
        category: "Mobile app",
        customers_affected: 12,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 2 * HOUR + 10,
        title: "Staff can't log in after SSO change - error AUTH-1103",
        description: "Since last night's SSO change, all of Meridian's support agents get AUTH-1103 \
                      \"SAML assertion invalid\" after signing in with their identity provider and land \
                      back on the login page. About 1,200 agents are locked out and their queue is \
                      growing.",
        customer: "Meridian Pet Supply",
        tier: Enterprise,
        surface: SupportPlatform,
        category: "Login",
        customers_affected: 1200,
        urgency: High,
        history: &[
            (5, To(Status::Triaged)),
            (
                8,
                Contact(
                    "Called Meridian's IT admin: AUTH-1103 on every SSO login. Gave them the password \
                     login fallback for team leads while we fix SSO.",
                ),
            ),
            (15, To(Status::InProgress)),
            (
                30,
                Internal(
                    "Identity team: the signing certificate rotated in the SSO change is missing from \
                     Meridian's IdP metadata. Rolling back for their tenant.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 70,
        title: "Login broken since SSO update, users get AUTH-1103",
        description: "Juniper & Finch's members can't log in on the website since the SSO update: after \
                      entering their password they see \"Sign-in failed (AUTH-1103)\". Private windows \
                      and clearing cookies don't help; 85 members have written in.",
        customer: "Juniper & Finch",
        tier: Premium,
        surface: Website,
        category: "Login",
        customers_affected: 85,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 40,
        title: "AUTH-1103 error when signing in with company SSO",
        description:
            "Nine agents at Redwood get AUTH-1103 when they log in with company SSO; the two admins \
                      who use password login are fine. It started right after the SSO change.",
        customer: "Redwood Office Supply",
        tier: Standard,
        surface: SupportPlatform,
        category: "Login",
        customers_affected: 9,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: DAY + HOUR,
        title: "Tracking page shows 'Delivered' for parcels still in transit",
        description: "Larkspur's customers see \"Delivered\" on our tracking page while the carrier's site \
                      still has the parcel at the depot, e.g. order #LB-20931. 27 customers have \
                      contacted them and some are asking for refunds.",
        customer: "Larkspur Beauty",
        tier: Standard,
        surface: Website,
        category: "Delivery",
        customers_affected: 27,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 6 * HOUR,
        title: "Coupon SPRING15 applied twice on multi-item orders",
        description: "Summit reports that the SPRING15 coupon takes 15% off twice when the cart has more \
                      than one item, so customers pay about 28% less. Around 60 orders since the \
                      campaign started yesterday, e.g. #SC-77120; they ask whether to cancel or honour \
                      them.",
        customer: "Summit Coffee Roasters",
        tier: Premium,
        surface: Website,
        category: "Promotions",
        customers_affected: 60,
        urgency: Medium,
        history: &[
            (35, To(Status::Triaged)),
            (
                40,
                Internal(
                    "Same SPRING15 double discount that (주)새봄리빙 reported; promotions team is on it.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 5 * HOUR,
        title: "Store owner locked out - 2FA codes rejected, unlock email goes to ex-employee",
        description: "Cobalt's owner got locked out after her authenticator on an old phone stopped \
                      producing valid codes. The account says \"Locked for security reasons\" and the \
                      unlock email goes to a former employee's address. She needs to change prices \
                      before tomorrow's sale.",
        customer: "Cobalt Cycle Co.",
        tier: Standard,
        surface: Website,
        category: "Account",
        customers_affected: 1,
        urgency: High,
        history: &[
            (25, To(Status::Triaged)),
            (
                30,
                Contact(
                    "Asked the owner for ID and proof of business ownership, as the account recovery \
                     policy requires.",
                ),
            ),
            (31, To(Status::WaitingOnCustomer)),
        ],
    },
    Seed {
        age_minutes: 4 * DAY,
        title: "Typo on FAQ page: 'recieve' in the shipping section",
        description:
            "A shopper pointed out that the shipping FAQ asks \"When will I recieve my order?\" and \
                      that the \"tracking help\" link in the same answer goes to a 404 page.",
        customer: "Daniel Okafor",
        tier: Free,
        surface: Website,
        category: "Content",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    Seed {
        age_minutes: 5 * DAY + 2 * HOUR,
        title: "Feature request: dark mode for the agent dashboard",
        description: "Lumen's night-shift agents ask for a dark mode in the agent dashboard; the white \
                      background is tiring over 12-hour shifts. Not urgent, they'd like to know if it's \
                      on the roadmap.",
        customer: "Lumen Studio",
        tier: Free,
        surface: SupportPlatform,
        category: "Feature request",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    Seed {
        age_minutes: 2 * DAY + 4 * HOUR,
        title: "Invoice PDF drops the totals table on the second page",
        description: "Invoices with more than 18 line items spill onto a second page that repeats the \
                      header but leaves out the totals, so Alder's accountant can't reconcile INV-0417. \
                      Happens in every browser they tried.",
        customer: "Alder & Co. Accounting",
        tier: Standard,
        surface: Website,
        category: "Billing",
        customers_affected: 1,
        urgency: Low,
        history: &[
            (3 * HOUR, To(Status::Triaged)),
            (
                3 * HOUR + 5,
                Internal("Reproduced with 19 line items. Low priority; logged for the billing backlog."),
            ),
        ],
    },
    Seed {
        age_minutes: 8 * HOUR,
        title: "Order export API returns 429 Too Many Requests below the documented limit",
        description:
            "Pacific Crest's nightly sync calls GET /v2/orders at about 2 requests per second, well \
                      under the documented 10, yet since yesterday about 30% of calls get 429. The sync \
                      now takes 5 hours instead of 40 minutes and their warehouse starts late.",
        customer: "Pacific Crest Logistics",
        tier: Enterprise,
        surface: Api,
        category: "Integrations",
        customers_affected: 1,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: DAY + 3 * HOUR,
        title: "Android app no longer sends order-shipped notifications",
        description: "Meadowbrook's customers on the Android app (5.1.8) stopped getting a push \
                      notification when their order ships; iOS users still get it. Notification \
                      permission is on in the affected phones they checked.",
        customer: "Meadowbrook Farms",
        tier: Standard,
        surface: App,
        category: "Mobile app",
        customers_affected: 35,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 5 * DAY,
        title: "Refund for order #QB-58812 not received after 10 business days",
        description: "Marcus returned a jacket and got the refund confirmation email, but after 10 business \
                      days the $129.00 hasn't reached his card and his bank sees no pending credit.",
        customer: "Marcus Lee",
        tier: Free,
        surface: SupportPlatform,
        category: "Payments",
        customers_affected: 1,
        urgency: Medium,
        history: &[
            (30, To(Status::Triaged)),
            (
                45,
                Contact(
                    "Emailed Marcus: the refund shows as issued on our side; asked for a screenshot of \
                     his card statement.",
                ),
            ),
            (46, To(Status::WaitingOnCustomer)),
            (
                DAY,
                Internal(
                    "Payments found the refund stuck in a retry queue after a processor timeout; \
                     reprocessed it.",
                ),
            ),
            (
                DAY + HOUR,
                Contact("Sent Marcus the refund reference; funds should show within 3-5 business days."),
            ),
            (DAY + HOUR + 2, To(Status::Resolved)),
        ],
    },
    Seed {
        age_minutes: 2 * DAY + 5 * HOUR,
        title: "Chat widget doesn't load in Safari 17 - shoppers can't reach support",
        description: "Fernhill's live chat bubble never appears in Safari 17.4 on Mac and iPhone; the \
                      console shows the widget script blocked by third-party cookie rules. About 40% of \
                      their traffic is Safari and chat volume has halved in two days.",
        customer: "Fernhill Kids",
        tier: Premium,
        surface: SupportPlatform,
        category: "Support platform",
        customers_affected: 200,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 6 * DAY,
        title: "Password reset emails not arriving",
        description: "Oakridge's shoppers request a password reset but the email never arrives, not even in \
                      spam. 14 customers have asked at their pharmacy counter about it in two days.",
        customer: "Oakridge Pharmacy",
        tier: Standard,
        surface: Website,
        category: "Account",
        customers_affected: 14,
        urgency: Medium,
        history: &[
            (HOUR, To(Status::Triaged)),
            (HOUR + 10, Contact("Told Oakridge we're checking mail delivery and will report back today.")),
            (HOUR + 11, To(Status::WaitingOnEngineering)),
            (
                5 * HOUR,
                Internal(
                    "Mail team: the sending domain's DKIM key had expired, so resets were rejected. \
                     Rotated it.",
                ),
            ),
            (6 * HOUR, Contact("Oakridge confirms password reset emails arrive again.")),
            (6 * HOUR + 1, To(Status::Resolved)),
            (2 * DAY, To(Status::Closed)),
        ],
    },
    Seed {
        age_minutes: 3 * HOUR + 20,
        title: "Shopper charged twice for one order after checkout timeout",
        description: "On order #BF-10388 checkout spun for a minute and showed a timeout; the shopper tried \
                      again and was charged twice (2 x $84.50) but only one order exists. Bluebell wants \
                      the duplicate refunded and an explanation for the shopper.",
        customer: "Bluebell Florist",
        tier: Standard,
        surface: Website,
        category: "Payments",
        customers_affected: 1,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 3 * DAY + 7 * HOUR,
        title: "Address lookup finds nothing for new-build postcodes",
        description: "Shoppers in new housing developments can't finish checkout because address lookup \
                      returns no results for their postcode and manual entry is switched off. Hearth & \
                      Home has lost at least 12 orders this week.",
        customer: "Hearth & Home Interiors",
        tier: Standard,
        surface: Website,
        category: "Delivery",
        customers_affected: 12,
        urgency: Medium,
        history: &[],
    },
    // Korean-language reports.
    Seed {
        age_minutes: 35,
        title: "결제 단계에서 카드 결제 오류 PAY-502",
        description: "다온마트 온라인몰에서 결제 단계로 넘어가면 카드 결제가 'PAY-502 결제 승인 실패' \
                      오류로 실패한다는 문의가 계속 들어오고 있습니다. 신용카드와 체크카드 모두 \
                      동일하고 간편결제는 정상입니다. 고객사 추산 약 450명이 주문을 완료하지 못했습니다.",
        customer: "다온마트",
        tier: Premium,
        surface: Website,
        category: "Payments",
        customers_affected: 450,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 48,
        title: "카드 결제 시 PAY-502 오류로 주문 실패",
        description: "모아키친 앱에서 카드로 결제하면 'PAY-502' 오류가 뜨고 주문이 완료되지 않는다고 \
                      합니다. 주문번호 MK-230117 등 25건 이상 접수되었고, 카드사에서는 승인 거절 내역이 \
                      없다는 답을 받았다고 합니다.",
        customer: "모아키친",
        tier: Standard,
        surface: App,
        category: "Payments",
        customers_affected: 25,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 2 * HOUR + 30,
        title: "iOS 앱 5.2.0 업데이트 후 실행 시 강제 종료",
        description: "5.2.0 업데이트 이후 아이폰에서 앱을 실행하면 스플래시 화면에서 바로 강제 종료된다는 \
                      고객 문의가 90건 넘게 들어왔습니다. iOS 16과 17 모두 발생하며, 앱을 삭제하고 \
                      다시 설치해도 같습니다.",
        customer: "누리북스",
        tier: Premium,
        surface: App,
        category: "Mobile app",
        customers_affected: 90,
        urgency: High,
        history: &[
            (15, To(Status::Triaged)),
            (
                20,
                Contact(
                    "누리북스 담당자에게 알려진 문제이며 5.2.1 수정 버전을 준비 중이라고 안내했습니다. \
                     그동안 모바일 웹 이용을 권장했습니다.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: HOUR,
        title: "아이폰 앱 5.2.0 버전에서 장바구니 누르면 앱 종료",
        description: "5.2.0 버전으로 업데이트한 뒤 아이폰 앱에서 장바구니를 누르면 앱이 종료된다고 \
                      합니다. iPhone 14, iOS 17.5를 사용 중이며 이전 버전에서는 문제가 없었다고 합니다.",
        customer: "이서연",
        tier: Free,
        surface: App,
        category: "Mobile app",
        customers_affected: 1,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 7 * HOUR,
        title: "SPRING15 쿠폰이 중복 적용되어 할인 금액 과다",
        description: "새봄리빙 쇼핑몰에서 SPRING15 쿠폰을 쓰면 상품이 2개 이상일 때 15% 할인이 두 번 \
                      적용됩니다. 어제 프로모션 시작 후 약 40건의 주문이 할인이 과다하게 적용된 채 \
                      결제되었고, 고객사는 해당 주문 처리 방법을 문의하고 있습니다.",
        customer: "(주)새봄리빙",
        tier: Standard,
        surface: Website,
        category: "Promotions",
        customers_affected: 40,
        urgency: Medium,
        history: &[
            (20, To(Status::Triaged)),
            (
                30,
                Contact(
                    "새봄리빙 담당자에게 수정 전까지 SPRING15 쿠폰을 일시 중지하도록 안내했습니다. \
                     이미 결제된 주문은 그대로 처리해 달라고 요청했습니다.",
                ),
            ),
            (35, To(Status::WaitingOnEngineering)),
            (
                2 * HOUR,
                Internal(
                    "Promotions team reproduced it: the discount is applied per line item and again on \
                     the cart total. Fix in review.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 5 * HOUR + 15,
        title: "쿠폰 SPRING15 할인이 두 번 적용됨",
        description: "청솔스포츠 앱 주문에서 SPRING15 쿠폰 할인이 두 번 적용되어 결제 금액이 맞지 않는다는 \
                      보고입니다. 주문번호 CS-88410 외 7건이며 모두 상품 2개 이상 주문입니다.",
        customer: "청솔스포츠",
        tier: Standard,
        surface: App,
        category: "Promotions",
        customers_affected: 8,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 30,
        title: "관리자 계정 잠김 - 비밀번호 5회 오류 후 잠금 해제 메일 미수신",
        description: "한빛전자 운영 담당자가 비밀번호를 5회 잘못 입력해 관리자 계정이 잠겼는데, 잠금 해제 \
                      메일이 오지 않습니다. 오늘 오후 기획전 오픈 전에 상품 등록을 마쳐야 해서 급하게 \
                      요청하셨습니다.",
        customer: "한빛전자",
        tier: Premium,
        surface: Website,
        category: "Account",
        customers_affected: 1,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 3 * DAY,
        title: "세금계산서 PDF에서 한글이 깨져서 출력됨",
        description: "세금계산서 PDF를 내려받으면 상호와 품목명의 한글이 네모 문자로 표시됩니다. 화면에서는 \
                      정상이고 PDF에서만 발생하며 크롬과 엣지 모두 같습니다. 다음 주 부가세 신고 전까지 \
                      수정되기를 원합니다.",
        customer: "(주)그린필드",
        tier: Standard,
        surface: Website,
        category: "Billing",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    Seed {
        age_minutes: DAY + 2 * HOUR,
        title: "주문 완료 푸시 알림이 같은 내용으로 3번씩 발송됨",
        description: "하루카페 앱 이용자들이 주문 완료 푸시 알림을 같은 내용으로 세 번씩 받는다고 합니다. \
                      안드로이드와 iOS 모두 발생하며, 알림을 끄는 방법을 묻는 문의가 늘고 있다고 합니다.",
        customer: "하루카페",
        tier: Standard,
        surface: App,
        category: "Mobile app",
        customers_affected: 300,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 2 * DAY + HOUR,
        title: "자주 묻는 질문 페이지 무료배송 기준 금액 오타",
        description: "자주 묻는 질문의 배송비 안내에 무료배송 기준이 '50,000원'이 아니라 '5,000원'으로 \
                      잘못 표기되어 있다는 제보입니다. 이 문구를 보고 배송비 문의를 한 고객이 몇 명 \
                      있었다고 합니다.",
        customer: "김민준",
        tier: Free,
        surface: Website,
        category: "Content",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    // Traditional Chinese reports, Taiwan usage.
    Seed {
        age_minutes: 28,
        title: "結帳時信用卡付款失敗 PAY-502",
        description: "好日子生活館反映，大約半小時前開始，消費者在結帳頁面用信用卡付款時都出現「PAY-502 \
                      付款失敗」，訂單停在待付款狀態。行動支付和 ATM 轉帳正常，目前估計約 600 位顧客受影響。",
        customer: "好日子生活館",
        tier: Premium,
        surface: Website,
        category: "Payments",
        customers_affected: 600,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 50,
        title: "信用卡付款出現 PAY-502 錯誤，無法完成訂單",
        description: "青山選物的顧客在 App 結帳時，信用卡付款一直跳出 PAY-502 錯誤，無法完成訂單（例如訂單 \
                      QS-100582）。顧客表示同一張信用卡在其他網站可以正常刷卡。",
        customer: "青山選物",
        tier: Standard,
        surface: App,
        category: "Payments",
        customers_affected: 15,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 100,
        title: "SSO 設定變更後無法登入，出現 AUTH-1103",
        description: "禾豐食品客服中心表示，昨晚 SSO 設定變更後，客服人員用公司帳號登入時都出現 AUTH-1103 \
                      錯誤，約 380 位人員無法登入處理案件，客戶來電已經開始排隊。",
        customer: "禾豐食品股份有限公司",
        tier: Enterprise,
        surface: SupportPlatform,
        category: "Login",
        customers_affected: 380,
        urgency: High,
        history: &[
            (10, To(Status::Triaged)),
            (14, Contact("已致電禾豐 IT 負責人，確認是 SSO 憑證問題，先提供主管帳號密碼登入的臨時做法。")),
            (20, To(Status::InProgress)),
            (
                35,
                Internal("Same AUTH-1103 certificate issue as Meridian; included in the identity rollback."),
            ),
        ],
    },
    Seed {
        age_minutes: 65,
        title: "SSO 設定變更後公司帳號無法登入，顯示 AUTH-1103",
        description: "晴空書店表示，SSO 設定變更後，員工用公司帳號登入後台時都出現 AUTH-1103 錯誤，無法登入\
                      處理訂單。重新整理或換瀏覽器（Chrome、Edge）都一樣。",
        customer: "晴空書店",
        tier: Standard,
        surface: Website,
        category: "Login",
        customers_affected: 6,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: DAY + 5 * HOUR,
        title: "物流追蹤顯示已送達，但顧客尚未收到包裹",
        description: "小森家居反映，物流追蹤頁面顯示「已送達」，但顧客實際上還沒收到包裹，物流公司系統查詢\
                      仍在配送中。目前約 45 筆訂單，例如訂單 KM-556120，顧客陸續來電詢問。",
        customer: "小森家居",
        tier: Premium,
        surface: Website,
        category: "Delivery",
        customers_affected: 45,
        urgency: Medium,
        history: &[
            (HOUR, To(Status::Triaged)),
            (
                HOUR + 10,
                Contact("已回覆小森家居：物流狀態同步有誤，正在調查，請先以物流公司的查詢結果為準。"),
            ),
            (HOUR + 15, To(Status::InProgress)),
            (
                3 * HOUR,
                Internal(
                    "Carrier webhook maps 'out for delivery' to Delivered. Integrations team is \
                     fixing the status mapping.",
                ),
            ),
        ],
    },
    Seed {
        age_minutes: 20 * HOUR,
        title: "超商取貨訂單物流狀態錯誤，顯示已送達",
        description:
            "日光咖啡的超商取貨訂單在 App 物流追蹤中顯示「已送達」，但門市還沒收到貨，顧客白跑一趟。\
                      已有 12 筆訂單，例如訂單 SC-20418。",
        customer: "日光咖啡",
        tier: Standard,
        surface: App,
        category: "Delivery",
        customers_affected: 12,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 4 * HOUR,
        title: "帳號被鎖定，收不到解鎖驗證簡訊",
        description: "陳小姐登入時多次輸入錯誤密碼後帳號被鎖定，點選解鎖後一直收不到驗證簡訊，手機號碼確認\
                      無誤。她有一筆訂單要修改收件地址，希望盡快處理。",
        customer: "陳怡君",
        tier: Free,
        surface: App,
        category: "Account",
        customers_affected: 1,
        urgency: Medium,
        history: &[],
    },
    Seed {
        age_minutes: 2 * DAY + 3 * HOUR,
        title: "電子發票手機條碼載具無法儲存",
        description: "林先生在結帳頁面輸入手機條碼載具（/AB12+CD）後按儲存沒有反應，發票改成紙本寄送。\
                      他希望之後的訂單都能自動存入載具。",
        customer: "林建宏",
        tier: Free,
        surface: Website,
        category: "Billing",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    Seed {
        age_minutes: 5 * DAY + 3 * HOUR,
        title: "常見問題頁面退貨說明有錯字",
        description: "顧客回報常見問題頁面的退貨說明把「鑑賞期」寫成「監賞期」，另外同一段的「7 天」和退貨\
                      政策頁的「7 日」寫法不一致。",
        customer: "黃雅婷",
        tier: Free,
        surface: Website,
        category: "Content",
        customers_affected: 1,
        urgency: Low,
        history: &[
            (2 * HOUR, To(Status::Triaged)),
            (DAY, Internal("Content team corrected the FAQ wording and aligned it with the returns policy.")),
            (DAY + 30, Contact("已回覆黃小姐，常見問題頁面已更正，謝謝她的回報。")),
            (DAY + 31, To(Status::Resolved)),
        ],
    },
    Seed {
        age_minutes: 3 * DAY + 6 * HOUR,
        title: "希望客服後台新增深色模式",
        description: "米果設計工作室的夜班客服同仁希望後台能提供深色模式，長時間看白色畫面眼睛很累。\
                      不急，想了解是否有規劃。",
        customer: "米果設計工作室",
        tier: Free,
        surface: SupportPlatform,
        category: "Feature request",
        customers_affected: 1,
        urgency: Low,
        history: &[],
    },
    // 41-44: reports that restate an earlier one almost word for word, the way several people
    // at one customer or several shops on one platform report the same outage; 41 and 42
    // arrive with 01 inside half an hour, so the inbox shows a surge.
    Seed {
        age_minutes: 14,
        title: "Card payment declined at checkout, error PAY-502",
        description: "Every card payment at the last checkout step fails with \"Payment declined \
                      (PAY-502)\". Visa and Mastercard fail, PayPal still goes through; orders sit in \
                      \"pending payment\".",
        customer: "Lumen Outdoor",
        tier: Premium,
        surface: Website,
        category: "Payments",
        customers_affected: 420,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 6,
        title: "PAY-502 payment declined at checkout for all cards",
        description: "Shoppers see \"Payment declined (PAY-502)\" at the last checkout step. Card \
                      payments fail, PayPal goes through. Orders stuck in pending payment.",
        customer: "Fernwood Tea Co.",
        tier: Standard,
        surface: Website,
        category: "Payments",
        customers_affected: 60,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 2 * HOUR,
        title: "iOS 앱 5.2.0 업데이트 후 실행하면 바로 강제 종료",
        description: "5.2.0 업데이트 이후 아이폰에서 앱을 실행하면 스플래시 화면에서 강제 종료됩니다. \
                      앱을 삭제하고 다시 설치해도 같습니다.",
        customer: "하늘꽃집",
        tier: Standard,
        surface: App,
        category: "Mobile app",
        customers_affected: 25,
        urgency: High,
        history: &[],
    },
    Seed {
        age_minutes: 20 * HOUR,
        title: "物流追蹤顯示已送達，顧客卻還沒收到包裹",
        description: "物流追蹤頁面顯示「已送達」，但顧客還沒收到包裹，物流公司查詢仍在配送中，\
                      顧客陸續來電詢問。",
        customer: "青禾選物",
        tier: Standard,
        surface: Website,
        category: "Delivery",
        customers_affected: 12,
        urgency: Medium,
        history: &[],
    },
];

/// The demo queue as of `now`: ids "demo-01".., each case created `age_minutes` before `now`
/// and its history replayed through the normal case methods, all written by `author`.
pub fn demo_cases(now: Timestamp, author: &str) -> Vec<Case> {
    SEEDS
        .iter()
        .enumerate()
        .map(|(index, seed)| {
            let created_at = now - TimeDelta::minutes(seed.age_minutes);
            let draft = CaseDraft {
                title: seed.title.to_string(),
                description: seed.description.to_string(),
                customer: seed.customer.to_string(),
                tier: seed.tier,
                surface: seed.surface,
                category: seed.category.to_string(),
                customers_affected: seed.customers_affected,
                urgency: seed.urgency,
            };
            let id = CaseId(format!("{DEMO_ID_PREFIX}{:02}", index + 1));
            let mut case = Case::create(id, draft, author, created_at);
            for (offset, step) in seed.history {
                let at = created_at + TimeDelta::minutes(*offset);
                match step {
                    To(status) => {
                        case.set_status(*status, author, at);
                    }
                    Contact(text) => {
                        case.add_note(NoteKind::Contact, text, author, at);
                    }
                    Internal(text) => {
                        case.add_note(NoteKind::Internal, text, author, at);
                    }
                }
            }
            case
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Event;
    use chrono::{TimeZone, Utc};
    use std::collections::HashSet;

    fn now() -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap()
    }

    #[derive(Debug, PartialEq, Eq, Hash)]
    enum Language {
        English,
        Korean,
        Chinese,
    }

    fn language(case: &Case) -> Language {
        let text = format!("{} {}", case.title, case.description);
        if text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
            Language::Korean
        } else if text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
            Language::Chinese
        } else {
            Language::English
        }
    }

    fn mentions(case: &Case, marker: &str) -> bool {
        case.title.contains(marker) || case.description.contains(marker)
    }

    #[test]
    fn about_forty_valid_cases_with_unique_demo_ids() {
        let cases = demo_cases(now(), "Mina");
        assert!((38..=44).contains(&cases.len()), "{} cases", cases.len());
        let ids: HashSet<&CaseId> = cases.iter().map(|case| &case.id).collect();
        assert_eq!(ids.len(), cases.len());
        assert_eq!(cases[0].id, CaseId("demo-01".into()));
        for case in &cases {
            assert!(case.id.0.starts_with(DEMO_ID_PREFIX));
            let draft = CaseDraft {
                title: case.title.clone(),
                description: case.description.clone(),
                customer: case.customer.clone(),
                tier: case.tier,
                surface: case.surface,
                category: case.category.clone(),
                customers_affected: case.customers_affected,
                urgency: case.urgency,
            };
            assert_eq!(draft.validate(), Ok(()), "{}", case.id);
            assert!(!case.customer.is_empty() && !case.category.is_empty() && !case.description.is_empty());
        }
    }

    #[test]
    fn seed_histories_stay_between_creation_and_now() {
        for (index, seed) in SEEDS.iter().enumerate() {
            let mut previous = 0;
            for (offset, _) in seed.history {
                assert!(*offset > previous && *offset < seed.age_minutes, "seed {}", index + 1);
                previous = *offset;
            }
        }
    }

    #[test]
    fn timelines_are_chronological_authored_and_not_in_the_future() {
        let now = now();
        for case in demo_cases(now, "Mina") {
            assert!(case.created_at <= now && case.updated_at <= now, "{}", case.id);
            assert_eq!(case.timeline[0].event, Event::Created);
            assert_eq!(case.timeline[0].at, case.created_at);
            assert!(case.timeline.windows(2).all(|pair| pair[0].at <= pair[1].at), "{}", case.id);
            assert_eq!(case.timeline.last().unwrap().at, case.updated_at);
            assert!(case.timeline.iter().all(|entry| entry.author == "Mina" && entry.at <= now));
        }
    }

    #[test]
    fn languages_are_mixed_about_half_english() {
        let cases = demo_cases(now(), "Mina");
        let count = |wanted: Language| cases.iter().filter(|case| language(case) == wanted).count();
        let (english, korean, chinese) =
            (count(Language::English), count(Language::Korean), count(Language::Chinese));
        assert!(english * 100 / cases.len() >= 40 && english * 100 / cases.len() <= 60, "{english}");
        assert!(korean >= 7 && chinese >= 7, "{korean} Korean, {chinese} Chinese");
    }

    #[test]
    fn near_duplicate_sets_share_their_specific_words_within_a_language() {
        let cases = demo_cases(now(), "Mina");
        // (marker, fewest cases in all, fewest in one language)
        let sets =
            [("PAY-502", 5, 2), ("AUTH-1103", 4, 3), ("5.2.0", 3, 2), ("SPRING15", 2, 2), ("已送達", 2, 2)];
        for (marker, total, same_language) in sets {
            let found: Vec<&Case> = cases.iter().filter(|case| mentions(case, marker)).collect();
            assert!(found.len() >= total, "{marker}: {}", found.len());
            let largest = [Language::English, Language::Korean, Language::Chinese]
                .into_iter()
                .map(|wanted| found.iter().filter(|case| language(case) == wanted).count())
                .max()
                .unwrap();
            assert!(largest >= same_language, "{marker}: {largest} in one language");
        }
    }

    #[test]
    fn each_planted_duplicate_set_forms_one_group_across_languages() {
        use crate::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex};
        let cases = demo_cases(now(), "Mina");
        let open: Vec<&Case> = cases.iter().filter(|case| case.is_open()).collect();
        let groups = SimilarityIndex::from_cases(open.iter().copied())
            .group(&GroupingSettings::default(), &NotDuplicates::new());
        let title = |id: &CaseId| cases.iter().find(|case| &case.id == id).unwrap().title.clone();
        let shown: Vec<Vec<String>> = groups.iter().map(|g| g.members.iter().map(title).collect()).collect();
        for marker in ["PAY-502", "AUTH-1103", "5.2.0", "SPRING15", "已送達"] {
            let planted: Vec<&CaseId> =
                open.iter().filter(|case| mentions(case, marker)).map(|case| &case.id).collect();
            let languages: HashSet<Language> =
                open.iter().filter(|case| mentions(case, marker)).map(|case| language(case)).collect();
            let group = groups.iter().find(|group| group.members.contains(planted[0]));
            assert!(
                group.is_some_and(|group| group.members.len() == planted.len()
                    && planted.iter().all(|id| group.members.contains(id))),
                "{marker} ({} cases in {} languages) is not one group: {shown:?}",
                planted.len(),
                languages.len()
            );
        }
    }

    #[test]
    fn some_cases_have_history_and_some_are_done() {
        let cases = demo_cases(now(), "Mina");
        assert!(cases.iter().any(|case| case.first_response_at.is_some()));
        assert!(cases.iter().filter(|case| !case.is_open()).count() >= 2);
        for case in &cases {
            assert_eq!(case.resolved_at.is_some(), !case.is_open(), "{}", case.id);
        }
        for status in [Status::New, Status::Triaged, Status::InProgress, Status::WaitingOnEngineering] {
            assert!(cases.iter().any(|case| case.status == status), "{status}");
        }
    }

    #[test]
    fn the_widest_case_is_an_open_high_urgency_payment_or_login_outage_on_a_top_tier() {
        let cases = demo_cases(now(), "Mina");
        let widest = cases.iter().max_by_key(|case| case.customers_affected).unwrap();
        assert!(widest.is_open());
        assert!(matches!(widest.tier, Tier::Enterprise | Tier::Premium));
        assert!(matches!(widest.category.as_str(), "Payments" | "Login"));
        assert_eq!(widest.urgency, Urgency::High);
        assert_eq!(
            cases.iter().filter(|case| case.customers_affected == widest.customers_affected).count(),
            1
        );
    }

    #[test]
    fn same_now_gives_the_same_queue() {
        assert_eq!(demo_cases(now(), "Mina"), demo_cases(now(), "Mina"));
    }
}
