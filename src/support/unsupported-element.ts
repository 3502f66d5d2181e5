// What a public element shows in a browser that lacks a feature it needs (src/support/platform.ts):
// a short message and the site's contacts instead of a form that would half work. Plain DOM and its
// own two-language text on purpose: it must run where Lit's styling or the message catalogue cannot.

const texts = {
  ko: {
    body: '사용 중인 브라우저에서는 이 화면을 표시할 수 없습니다. Chrome, Edge, 삼성 인터넷, 웨일, Firefox 또는 Safari의 최신 버전으로 접속해 주세요.',
    contact: '도움이 필요하시면 문의해 주세요:',
  },
  en: {
    body: 'This browser cannot show this form. Please open the page in a current version of Chrome, Edge, Samsung Internet, Whale, Firefox or Safari.',
    contact: 'If you need help, please contact:',
  },
} as const;

/**
 * A fresh element class (one per tag: a constructor defines one name only) rendering, when empty, the message in the
 * language of the nearest `lang` (Korean by default), with the contacts of the element's
 * `support-contact` attribute or else of the nearest `<membership-provider support-contact>`.
 */
export function unsupportedElement(missing: readonly string[]): CustomElementConstructor {
  return class UnsupportedBrowser extends HTMLElement {
    /** The features this browser lacks, for the site's own logging. */
    static readonly missingFeatures = [...missing];

    connectedCallback(): void {
      // A container (<membership-provider>) leaves the message to the elements inside it.
      if (this.firstElementChild) return;
      const lang = this.closest('[lang]')?.getAttribute('lang')?.toLowerCase().startsWith('en') ? 'en' : 'ko';
      const text = texts[lang];
      const box = document.createElement('div');
      box.setAttribute('data-part', 'unsupported');
      box.setAttribute('role', 'note');
      const body = document.createElement('p');
      body.textContent = text.body;
      box.append(body);
      const contact = this.getAttribute('support-contact') ?? this.closest('membership-provider')?.getAttribute('support-contact');
      if (contact) {
        const line = document.createElement('p');
        line.textContent = `${text.contact} ${contact}`;
        box.append(line);
      }
      this.append(box);
    }
  };
}
