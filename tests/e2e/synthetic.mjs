// The generated inputs of the browser tests and benchmarks, in one place: realistic synthetic
// cases, plain numbered cases, both written as this app's JSON export, and a Zendesk-like CSV.
//
// The synthetic cases are a port of benches/support/synthetic.rs that draws exactly the same cases, so the browser
// tests and the native and in-browser engine benchmarks measure the same data: Zipf-like word
// frequencies, 70% English and 15% each Korean and Traditional Chinese, about a fifth of the
// cases near-duplicates of others, about 730 characters of JSON each. Deterministic.
import { createHash } from 'node:crypto';

const ENGLISH_COMMON = [
  'the', 'to', 'and', 'a', 'is', 'not', 'error', 'customer', 'it', 'on', 'page', 'when', 'after',
  'order', 'in', 'account', 'app', 'we', 'login', 'payment', 'user', 'they', 'issue', 'for',
  'working', 'with', 'fails', 'invoice', 'report', 'email', 'since', 'update', 'cannot', 'shows',
  'still', 'again', 'checkout', 'today', 'slow', 'mobile', 'support', 'data', 'export', 'settings',
  'button', 'loading', 'screen', 'blank', 'urgent', 'refund', 'card', 'declined', 'password',
  'reset', 'sync', 'timeout', 'server', 'dashboard', 'missing', 'wrong', 'duplicate', 'api',
  'request', 'access', 'blocked', 'asap', 'file', 'upload', 'message', 'notification', 'team',
  'store', 'release', 'version', 'browser', 'safari', 'android', 'iphone', 'crash', 'billing',
  'subscription', 'plan', 'delivery', 'shipping', 'label', 'tax', 'coupon', 'search', 'results',
];
const KOREAN_COMMON = [
  '결제', '오류가', '고객', '로그인이', '안', '됩니다', '주문', '앱에서', '계속', '페이지', '확인',
  '부탁드립니다', '업데이트', '이후', '환불', '배송', '조회', '화면이', '느립니다', '계정', '비밀번호',
  '알림', '카드', '발생합니다', '문의', '급합니다', '데이터', '내보내기',
];
const CHINESE_COMMON = [
  '無法', '付款', '登入', '客戶', '訂單', '錯誤', '系統', '頁面', '更新', '手機', '退款', '發票',
  '帳號', '密碼', '通知', '請盡快', '處理', '顯示', '失敗', '緊急', '匯出', '資料', '連線', '閃退',
];

// Unsigned 64-bit integers as high and low 32-bit halves, since BigInt about doubles the time
// 50,000 cases take. Remainder and division are exact for divisors below 2^21 (all of them here).
const TWO32 = 2 ** 32;
const GOLDEN_HIGH = 0x9e3779b9;
const GOLDEN_LOW = 0x7f4a7c15;

/** The high half of a * b modulo 2^64; the low halves' product is taken in 16-bit parts to stay exact. */
function mulHigh(ah, al, bh, bl) {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0;
  const carry = Math.floor((a0 * b0 + (mid % 0x10000) * 0x10000) / TWO32);
  return (a1 * b1 + Math.floor(mid / 0x10000) + carry + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

const rem64 = ([h, l], n) => ((h % n) * TWO32 + l) % n;

function div64([h, l], n) {
  const high = h % n;
  return [(h - high) / n, Math.floor((high * TWO32 + l) / n)];
}

/** SplitMix64's output function of the 64-bit value h:l, as [high, low]. */
function mix(h, l) {
  const sum = l + GOLDEN_LOW;
  h = (h + GOLDEN_HIGH + (sum >= TWO32 ? 1 : 0)) >>> 0;
  l = sum >>> 0;
  l = (l ^ ((l >>> 30) | (h << 2))) >>> 0;
  h = (h ^ (h >>> 30)) >>> 0;
  h = mulHigh(h, l, 0xbf58476d, 0x1ce4e5b9);
  l = Math.imul(l, 0x1ce4e5b9) >>> 0;
  l = (l ^ ((l >>> 27) | (h << 5))) >>> 0;
  h = (h ^ (h >>> 27)) >>> 0;
  h = mulHigh(h, l, 0x94d049bb, 0x133111eb);
  l = Math.imul(l, 0x133111eb) >>> 0;
  return [(h ^ (h >>> 31)) >>> 0, (l ^ ((l >>> 31) | (h << 1))) >>> 0];
}

/** SplitMix64 from a fixed seed: the same cases every run. */
class Rng {
  high = GOLDEN_HIGH;
  low = GOLDEN_LOW;

  below(n) {
    const sum = this.low + GOLDEN_LOW;
    this.high = (this.high + GOLDEN_HIGH + (sum >= TWO32 ? 1 : 0)) >>> 0;
    this.low = sum >>> 0;
    return rem64(mix(this.high, this.low), n);
  }

  between([low, high]) {
    return low + this.below(high - low + 1);
  }

  pick(items) {
    return items[this.below(items.length)];
  }

  /** A rank in 0..n, about proportional to 1/(rank+1): a power-of-two band, then a rank in it. */
  zipf(n) {
    const band = this.below(32 - Math.clz32(n));
    const low = 2 ** band - 1;
    const high = Math.min(2 ** (band + 1) - 1, n);
    return low + this.below(high - low);
  }
}

// The words of ranks beyond the common ones, made from a hash of the rank.
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z',
  'br', 'cl', 'dr', 'st', 'tr', 'sh', 'ch', 'pl'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'ck', 'nd', 'x'];

function englishWord(bits) {
  const syllables = 2 + rem64(bits, 2);
  bits = div64(bits, 2);
  let word = '';
  for (let s = 0; s < syllables; s++) {
    for (const part of [ONSETS, NUCLEI, CODAS]) {
      word += part[rem64(bits, part.length)];
      bits = div64(bits, part.length);
    }
  }
  return word;
}

/** Hangul syllables: 19 initials x 21 vowels x 28 finals from U+AC00. */
function koreanWord(bits) {
  const syllables = 2 + rem64(bits, 2);
  bits = div64(bits, 2);
  let word = '';
  for (let s = 0; s < syllables; s++) {
    word += String.fromCharCode(0xac00 + rem64(bits, 11_172));
    bits = div64(bits, 11_172);
  }
  return word;
}

/** Two ideographs from the 3,000 most-used block of CJK Unified Ideographs. */
function chineseWord(bits) {
  let word = '';
  for (let s = 0; s < 2; s++) {
    word += String.fromCharCode(0x4e00 + rem64(bits, 3_000) * 7);
    bits = div64(bits, 3_000);
  }
  return word;
}

class Language {
  constructor({ common, sentences, vocabulary, separator, titleWords, descriptionWords, seed, generate }) {
    Object.assign(this, { common, sentences, vocabulary, separator, titleWords, descriptionWords, seed, generate });
    // Words are pure functions of their rank, and the frequent ones come back often.
    this.words = [];
  }

  word(rank) {
    if (rank < this.common.length) return this.common[rank];
    return (this.words[rank] ??= this.generate(mix(this.seed, rank)));
  }

  zipfWord(rng) {
    return this.word(rng.zipf(this.vocabulary));
  }
}

const ENGLISH = new Language({
  common: ENGLISH_COMMON,
  sentences: [
    'Please treat this as URGENT, our sales are blocked!!!',
    'We tried clearing the cache and logging out, with no change.',
    'Screenshots and the order number are attached below.',
    'Still waiting on an answer, can someone escalate asap?',
    'This is the third time we are contacting support about it.',
  ],
  vocabulary: 40_000,
  separator: ' ',
  titleWords: [4, 9],
  descriptionWords: [25, 60],
  seed: 1,
  generate: englishWord,
});
// Korean and Chinese cases are shorter and drawn from a smaller vocabulary.
const SHORTER = { vocabulary: 20_000, separator: ' ', titleWords: [3, 6], descriptionWords: [15, 35] };
const KOREAN = new Language({
  ...SHORTER,
  common: KOREAN_COMMON,
  sentences: ['빨리 확인 부탁드립니다.', '스크린샷을 첨부합니다.', '재시작해도 해결되지 않습니다.'],
  seed: 2,
  generate: koreanWord,
});
const CHINESE = new Language({
  ...SHORTER,
  common: CHINESE_COMMON,
  sentences: ['請盡快處理，謝謝。', '附上截圖與訂單編號供參考。', '重新啟動也沒有用。'],
  separator: '',
  seed: 3,
  generate: chineseWord,
});

const TIERS = ['enterprise', 'premium', 'standard', 'free'];
const URGENCIES = ['high', 'medium', 'low'];
const AFFECTED = [1, 1, 1, 3, 12, 40, 250, 1200];

/** One product area's own words, from the middle of the frequency range. */
function areaWords(language, area) {
  return Array.from({ length: 6 }, (_, at) => language.word(300 + rem64(mix(0, area * 16 + at), 3_000)));
}

function pickLanguage(rng) {
  const roll = rng.below(20);
  return roll <= 13 ? ENGLISH : roll <= 16 ? KOREAN : CHINESE;
}

/** The size of a group of duplicates: 2 to 30, about 1/size^2. */
function groupSize(rng) {
  for (;;) {
    const size = 2 + rng.zipf(29);
    if (rng.below(size) < 2) return size;
  }
}

/** A title and description around the incident's core words (if any), in the Rust draw order. */
function text(rng, language, areaId, core) {
  const area = areaWords(language, areaId);
  const title = core.slice(0, 4).filter(() => rng.below(10) < 8);
  const titleWords = rng.between(language.titleWords);
  while (title.length < titleWords) {
    const word = rng.below(3) === 0 ? rng.pick(area) : language.zipfWord(rng);
    title.splice(rng.below(title.length + 1), 0, word);
  }
  const words = [];
  for (let n = rng.between(language.descriptionWords); n > 0; n--) {
    const roll = rng.below(12);
    if (roll <= 3 && core.length > 0) words.push(rng.pick(core));
    else if (roll === 4 || roll === 5) words.push(rng.pick(area));
    else words.push(language.zipfWord(rng));
  }
  let description = words.join(language.separator);
  if (rng.below(3) === 0) description += ` ${rng.pick(language.sentences)}`;
  return [title.join(language.separator), description];
}

/** `count` cases, the same as `synthetic_cases(count)` in benches/support/synthetic.rs (so the
 * first `n` of `syntheticCases(m)` for m > n are `syntheticCases(n)`). */
export function syntheticCases(count) {
  const rng = new Rng();
  const open = [];
  const start = Date.UTC(2026, 10, 1);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.below(100);
    let title, description;
    if (roll < 16 && open.length > 0) {
      const at = rng.below(open.length);
      const incident = open[at];
      [title, description] = text(rng, incident.language, incident.area, incident.core);
      if (--incident.remaining === 0) {
        open[at] = open[open.length - 1];
        open.pop();
      }
    } else {
      const language = pickLanguage(rng);
      const area = rng.below(400);
      if (roll < 21) {
        const core = Array.from({ length: 6 + rng.below(6) }, () => language.word(100 + rng.zipf(language.vocabulary - 100)));
        [title, description] = text(rng, language, area, core);
        open.push({ language, area, core, remaining: groupSize(rng) - 1 });
      } else {
        [title, description] = text(rng, language, area, []);
      }
    }
    const customer = `Customer ${rng.below(900)}`;
    const tier = rng.pick(TIERS);
    const customersAffected = rng.pick(AFFECTED);
    const urgency = rng.pick(URGENCIES);
    const at = start + rng.below(5 * 24 * 60) * 60_000;
    cases.push(openCase(i, { title, description, customer, tier, surface: 'website', customersAffected, urgency, at }));
  }
  return cases;
}

/**
 * `count` plain open cases, one minute apart, oldest first, for tests that find a case by its
 * number: case `i` has the title `Case ${i}: …` and the word `ref${i}x` in its description, and
 * every fifth title is Korean (with 결제).
 */
export function numberedCases(count) {
  const start = Date.parse('2026-11-01T00:00:00Z');
  const surfaces = ['website', 'app', 'support_platform', 'api', 'other'];
  const titles = ['checkout fails for saved cards', 'cannot log in after reset', '결제 오류가 발생합니다', '無法登入帳號', 'invoice PDF missing'];
  return Array.from({ length: count }, (_, i) =>
    openCase(i, {
      title: `Case ${i}: ${titles[i % titles.length]}`,
      description: `Reported by the store team, ref${i}x. It started after the release and affects several stores; the customer has tried again with no change.`,
      customer: `Customer ${i % 900}`,
      tier: TIERS[i % TIERS.length],
      surface: surfaces[i % surfaces.length],
      customersAffected: [1, 3, 12, 40, 250, 1200][i % 6],
      urgency: URGENCIES[i % URGENCIES.length],
      at: start + i * 60_000,
    }),
  );
}

/** Case number `i`, new and untouched since it was created at `at` (ms since the epoch). */
function openCase(i, { title, description, customer, tier, surface, customersAffected, urgency, at }) {
  const time = new Date(at).toISOString().replace('.000Z', 'Z');
  return {
    id: `c${String(i).padStart(6, '0')}`,
    external_id: '',
    title,
    description,
    customer,
    tier,
    surface,
    category: 'Payments',
    customers_affected: customersAffected,
    urgency,
    status: 'new',
    created_at: time,
    updated_at: time,
    first_response_at: null,
    resolved_at: null,
    timeline: [{ at: time, author: 'Mina', event: 'created' }],
  };
}

/** The export file Import reads, holding `cases` and the user's `displayName`. */
export function exportFile(cases, displayName = 'Mina') {
  return JSON.stringify({
    format: 'triage-desk-export',
    schema_version: 2,
    exported_at: '2026-11-23T00:00:00Z',
    cases,
    settings: { display_name: displayName },
  });
}

/** A Zendesk-like export of `rows` tickets. */
export function zendeskCsv(rows) {
  const header = 'Id,Subject,Description,Requester,Organization,Priority,Status,Created at,Updated at,Solved at,Via,Tags,Ticket type,Plan [list],Assignee';
  const priorities = ['Low', 'Normal', 'High', 'Urgent'];
  const statuses = ['new', 'open', 'pending', 'solved'];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const solved = statuses[i % 4] === 'solved' ? `2021-10-${day} 18:00:00 +0000` : '';
    lines.push(
      [
        100000 + i,
        `Ticket ${i}: checkout fails for card ${i % 97}`,
        `"Customer reports an error, ""code ${i % 13}"".\nSteps attached."`,
        `Customer ${i % 500}`,
        `Org ${i % 80}`,
        priorities[i % 4],
        statuses[i % 4],
        `2021-10-${day} 09:00:00 +0000`,
        `2021-10-${day} 12:00:00 +0000`,
        solved,
        'Web Form',
        'checkout payments',
        'incident',
        'Pro',
        'Mina',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** Count and a checksum of the ids, independent of order. */
export function idDigest(cases) {
  const ids = cases.map((c) => c.id).sort();
  return { count: ids.length, sha256: createHash('sha256').update(ids.join('\n')).digest('hex') };
}
