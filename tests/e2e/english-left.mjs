// English left on a page that should speak Korean or Chinese: the visible text (and, on request,
// the names and hints people read in attributes) outside case text, which is marked
// `translate="no"`, and outside text marked as another language (`lang`, such as the Language
// select's own names). Shared by the browser tests of every translated screen.

/** Latin words that stay as they are in every language. */
export const ALLOWED = [
  /^(SLA|API|JSON|CSV|IDs?|UTC|TD|A4)$/, // abbreviations, paper size, and the product's mark
  /^(Markdown|Jira|Wiki|GitHub|GitLab|App)$/, // formats and products, written in Latin ("App 版本")
  /^UTC[+-−]\d{1,2}(:\d\d)?$/, // a time zone's offset
  /^P[1-4]$/, // priorities
  /^(Ctrl|Cmd|Shift|Alt|Esc|Enter|Tab|[A-Z])$/, // key names, as printed on the keys
  /^INC-[\w-]+$/i, // incident numbers
  /^[^\s@]+@[^\s@]+$/, // email addresses
  /^(https?:\/\/|www\.)\S+$|^[\w-]+(\.[\w-]+)+\/\S*$/, // URLs
  /^[\w-]+(\.[\w-]+)*\.[A-Za-z0-9]{2,5}$/, // file names
];

/** The product's name, taken out before words are looked at. */
const PRODUCT = /Triage Desk/g;

/**
 * English left on `page`: one `{ text, word }` per visible text node (outside `[translate="no"]`
 * and other-language elements) that holds a Latin word not in `ALLOWED`; `word` is the first
 * such word. Options: `attributes` (default false) also reads `aria-label`, `title`,
 * `placeholder` and `alt`, with the case text the page shows (under `translate="no"`) taken
 * out of them first, since a name may quote a title; `allow` adds patterns for a page's own
 * exceptions.
 */
export async function englishLeft(page, { attributes = false, allow = [] } = {}) {
  const patterns = [...ALLOWED, ...allow].map((re) => [re.source, re.flags]);
  return page.evaluate(
    ({ patterns, attributes, product }) => {
      const allowed = patterns.map(([source, flags]) => new RegExp(source, flags));
      const lang = document.documentElement.lang;
      const exempt = (element) =>
        element.closest('[translate="no"], script, style, noscript') ||
        (element.closest('[lang]') ?? document.documentElement).lang !== lang;
      // An option counts when its select is shown; hidden panels and closed menus do not.
      const visible = (element) => {
        const shown = element.closest('select') ?? element;
        return shown.checkVisibility({ visibilityProperty: true });
      };
      const englishWord = (text) =>
        text
          .replace(new RegExp(product, 'g'), ' ')
          .split(/\s+/)
          // A Latin word with a particle or a mark of another script ("ID를", "「CSV」") is the word.
          .map((token) => token.replace(/[^\x00-\x7f]+/g, ' ').trim().split(' ')[0] ?? '')
          .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
          .find((token) => /[A-Za-z]/.test(token) && !allowed.some((re) => re.test(token)));
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || exempt(element) || !visible(element)) continue;
        const word = englishWord(node.data);
        if (word) found.push({ text: node.data.trim(), word });
      }
      if (attributes) {
        // Longest first, so a title is taken out whole before a shorter id inside it.
        const caseText = [...document.body.querySelectorAll('[translate="no"]')]
          .map((element) => element.textContent.trim())
          .filter(Boolean)
          .sort((a, b) => b.length - a.length);
        const withoutCaseText = (value) => caseText.reduce((rest, text) => rest.split(text).join(' '), value);
        for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
          if (exempt(element) || !visible(element)) continue;
          for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = element.getAttribute(name);
            // A tooltip that repeats the element's text (a cut line's whole text) was read as text,
            // with its case text set apart.
            if (name === 'title' && value === element.textContent.trim()) continue;
            const word = value && englishWord(withoutCaseText(value));
            if (word) found.push({ text: `${name}="${value}"`, word });
          }
        }
      }
      return found;
    },
    { patterns, attributes, product: PRODUCT.source },
  );
}
