// Realistic synthetic cases for the scale test and benchmark, written as this app's JSON export:
// half English, a quarter each Korean and Traditional Chinese, about 670 characters of JSON
// each, the same mix as benches/support/synthetic.rs. Deterministic: the same cases every run.
import { createHash } from 'node:crypto';

const ENGLISH = {
  titles: [
    'Checkout page times out for some customers',
    'Cannot log in after password reset',
    'Invoice PDF missing from the billing page',
    'App crashes on launch after update',
    'Refund not received after two weeks',
    'Typo on the FAQ page',
    'Export to CSV is very slow',
    'Charged twice for one order',
  ],
  sentences: [
    'Our store manager reported this during the morning shift.',
    "It started after yesterday's release and affects several stores.",
    'The customer says the download button does nothing on Safari.',
    'This is the third time we are contacting support about it.',
    'Please treat this as URGENT, our sales are blocked!!!',
    'We tried clearing the cache and logging out, with no change.',
    'Screenshots and the order number are attached below.',
    'Still waiting on an answer, can someone escalate asap?',
    'The API returns a 500 error for about one request in ten.',
  ],
  count: 6,
};
const KOREAN = {
  titles: ['결제가 안 됩니다', '로그인 오류 발생', '앱이 계속 튕겨요', '환불 요청 드립니다', '배송 조회 문의'],
  sentences: [
    '어제부터 결제 페이지에서 오류가 납니다.',
    '고객들이 아직도 접속을 못 하고 있습니다.',
    '빨리 확인 부탁드립니다.',
    '주문 내역이 보이지 않아요.',
    '업데이트 이후 iOS 앱에서만 발생합니다.',
    '담당자 연락처 또는 메일 주소를 알려 주세요.',
  ],
  count: 10,
};
const CHINESE = {
  titles: ['無法登入帳號', '付款失敗', 'App 當機', '退款尚未收到', '發票資料錯誤'],
  sentences: [
    '客戶反映從昨天開始無法付款。',
    '請盡快處理，謝謝。',
    '我們的系統仍然無法連線。',
    '訂單頁面顯示錯誤訊息。',
    '更新之後手機版一直閃退。',
    '附上截圖與訂單編號供參考。',
  ],
  count: 14,
};
const TIERS = ['enterprise', 'premium', 'standard', 'free'];
const SURFACES = ['website', 'app', 'support_platform', 'api', 'other'];
const URGENCIES = ['high', 'medium', 'low'];
const AFFECTED = [1, 1, 1, 3, 12, 40, 250, 1200];

export function syntheticCases(count) {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 1_000_003;
  };
  const pick = (items) => items[next() % items.length];
  const start = Date.UTC(2026, 10, 1);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const language = [ENGLISH, ENGLISH, KOREAN, CHINESE][next() % 4];
    const description = Array.from({ length: language.count }, () => pick(language.sentences)).join(' ');
    const at = new Date(start + (next() % (5 * 24 * 60)) * 60_000).toISOString().replace('.000Z', 'Z');
    cases.push({
      id: `s${String(i).padStart(6, '0')}`,
      external_id: '',
      title: pick(language.titles),
      description,
      customer: `Customer ${next() % 900}`,
      tier: pick(TIERS),
      surface: pick(SURFACES),
      category: 'Payments',
      customers_affected: pick(AFFECTED),
      urgency: pick(URGENCIES),
      status: 'new',
      created_at: at,
      updated_at: at,
      first_response_at: null,
      resolved_at: null,
      timeline: [{ at, author: 'Mina', event: 'created' }],
    });
  }
  return cases;
}

/** The export file Import reads, for `count` synthetic cases. */
export function syntheticExport(count) {
  return JSON.stringify({
    format: 'triage-desk-export',
    schema_version: 2,
    exported_at: '2026-11-23T00:00:00Z',
    cases: syntheticCases(count),
    settings: { display_name: 'Mina' },
  });
}

/** Count and a checksum of the ids, independent of order. */
export function idDigest(cases) {
  const ids = cases.map((c) => c.id).sort();
  return { count: ids.length, sha256: createHash('sha256').update(ids.join('\n')).digest('hex') };
}
