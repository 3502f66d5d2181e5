// The demo's 한국어 / English switch. Loaded as a plain script in <head> so the page's `lang` is set
// before the elements render (they read the nearest `lang`); the choice is kept in localStorage so
// every demo page (and the completion page the wizard goes to) opens in the same language. `?lang=en`
// in a URL sets it too. Texts of the host page come in both languages, marked `data-lang`; the CSS
// shows those of the page's language.
(() => {
  const key = 'membership-demo-lang';
  const languages = ['ko', 'en'];
  const read = () => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const initial = languages.includes(fromUrl) ? fromUrl : languages.includes(read()) ? read() : 'ko';

  function apply(lang) {
    document.documentElement.lang = lang;
    const title = document.querySelector(`meta[name="demo-title-${lang}"]`);
    if (title) document.title = title.getAttribute('content');
    for (const element of document.querySelectorAll('signup-wizard, identity-verify, membership-provider')) element.setAttribute('lang', lang);
    for (const link of document.querySelectorAll('[data-demo="lang-switch"] a[hreflang]')) {
      if (link.getAttribute('hreflang') === lang) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  function choose(lang) {
    try {
      localStorage.setItem(key, lang);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    history.replaceState(history.state, '', url);
    apply(lang);
  }

  if (fromUrl && languages.includes(fromUrl)) choose(fromUrl);
  else apply(initial);
  document.addEventListener('DOMContentLoaded', () => {
    apply(document.documentElement.lang);
    for (const link of document.querySelectorAll('[data-demo="lang-switch"] a[hreflang]')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        choose(link.getAttribute('hreflang'));
      });
    }
  });
})();
