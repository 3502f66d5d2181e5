/**
 * A tag whose code could not be fetched (offline, CDN error) must not leave a blank page: each of its
 * elements shows this note with a retry (src/cdn.ts), in the page's language. The catalogues are chunks too, so
 * the words live here; src/cdn-words.test.ts keeps them equal to `error.NETWORK_ERROR` and
 * `common.retry`.
 */
export const loadFailureWords = {
  ko: { message: '서버에 연결할 수 없습니다. 입력한 내용은 그대로 있으니 인터넷 연결을 확인하고 다시 시도해 주세요.', retry: '다시 시도' },
  en: { message: 'Could not reach the server. Your entries are kept; check your internet connection and try again.', retry: 'Try again' },
};
