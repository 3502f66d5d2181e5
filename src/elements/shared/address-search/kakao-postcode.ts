/**
 * Kakao Postcode (카카오 우편번호 서비스, postcode.map.kakao.com/guide) as an address search adapter:
 * no key, the search UI is Kakao's own, in a popup window or embedded in the field.
 *
 * Content-Security-Policy the page must allow:
 * - `script-src https://t1.kakaocdn.net` (or a nonce: pass it as `nonce`, and with `'strict-dynamic'`
 *   the scripts Kakao loads itself are allowed too);
 * - `frame-src https://postcode.map.kakao.com` (the search UI is an iframe in both modes);
 * - with Trusted Types enforced: `trusted-types membership-elements-script`.
 * When the script cannot load (blocked, offline, timeout) `available()` is false and `search()` rejects
 * with `ADDRESS_SEARCH_UNAVAILABLE`; `mb-address-field` then offers manual entry.
 */
import type { AddressSearchAdapter } from '../../../context/runtime.ts';
import { AddressSearchError, type AddressMatch, type AddressSearchOptions } from './adapter.ts';
import { loadScript } from './load-script.ts';

export const kakaoPostcodeScriptUrl = 'https://t1.kakaocdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js';

/** The fields of Kakao's `oncomplete` data this adapter reads. */
export interface KakaoPostcodeData {
  zonecode: string;
  /** Which address the user clicked: road (R) or lot number (J). */
  userSelectedType: 'R' | 'J';
  roadAddress: string;
  jibunAddress: string;
  /** Filled when the user picked the other kind and Kakao matched this one. */
  autoRoadAddress?: string;
  autoJibunAddress?: string;
  roadAddressEnglish?: string;
  jibunAddressEnglish?: string;
  addressEnglish?: string;
  /** 법정동/법정리 name. */
  bname?: string;
  buildingName?: string;
  /** 공동주택 (apartment complex). */
  apartment?: 'Y' | 'N';
}

type KakaoCloseState = 'FORCE_CLOSE' | 'COMPLETE_CLOSE';

interface KakaoPostcodeInstance {
  open(options?: { q?: string; popupKey?: string }): void;
  embed(element: HTMLElement, options?: { q?: string; autoClose?: boolean }): void;
}

interface KakaoPostcodeConstructor {
  new (options: {
    oncomplete(data: KakaoPostcodeData): void;
    onclose?(state: KakaoCloseState): void;
    width?: string;
    height?: string;
  }): KakaoPostcodeInstance;
}

const postcodeConstructor = () => (globalThis as { kakao?: { Postcode?: KakaoPostcodeConstructor } }).kakao?.Postcode;

export interface KakaoPostcodeOptions {
  /** `popup` opens Kakao's window; `embed` shows the search inside the field (better on mobile and in-app browsers). */
  mode: 'popup' | 'embed';
  /** Default: Kakao's CDN (`kakaoPostcodeScriptUrl`). */
  scriptUrl?: string;
  /** CSP nonce for the script element. */
  nonce?: string;
  /** How long the script may take before the search counts as unavailable; default 8000 ms. */
  timeoutMs?: number;
}

/**
 * 참고항목 as Kakao's guide and the road-address notation write it: the legal dong (only a name ending
 * in 동/로/가, not a 리) and, for an apartment complex, its name — `(역삼동, 래미안아파트)`.
 */
function extraOf(data: KakaoPostcodeData): string {
  const parts: string[] = [];
  if (data.bname && /[동로가]$/.test(data.bname)) parts.push(data.bname);
  if (data.buildingName && data.apartment === 'Y') parts.push(data.buildingName);
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** Kakao's result as an address match: the kind the user clicked is the base address. */
export function mapKakaoPostcode(data: KakaoPostcodeData): AddressMatch {
  const road = data.roadAddress || data.autoRoadAddress || '';
  const jibun = data.jibunAddress || data.autoJibunAddress || '';
  const jibunChosen = data.userSelectedType === 'J';
  const english = (jibunChosen ? data.jibunAddressEnglish : data.roadAddressEnglish) || data.addressEnglish || '';
  // The 참고항목 belongs to the road address only.
  const extra = jibunChosen ? '' : extraOf(data);
  return {
    postcode: data.zonecode,
    base: jibunChosen ? jibun || road : road || jibun,
    ...(jibun ? { jibun } : {}),
    ...(english ? { english } : {}),
    ...(data.buildingName ? { buildingName: data.buildingName } : {}),
    ...(extra ? { extra } : {}),
  };
}

export function kakaoPostcodeAdapter(options: KakaoPostcodeOptions): AddressSearchAdapter {
  const scriptUrl = options.scriptUrl ?? kakaoPostcodeScriptUrl;
  const load = async (): Promise<KakaoPostcodeConstructor> => {
    await loadScript(scriptUrl, { ready: () => typeof postcodeConstructor() === 'function', timeoutMs: options.timeoutMs ?? 8000, nonce: options.nonce });
    return postcodeConstructor()!;
  };

  return {
    async available() {
      try {
        await load();
        return true;
      } catch {
        return false;
      }
    },

    async search({ query, container, signal }: AddressSearchOptions) {
      const Postcode = await load();
      if (signal?.aborted) return null;
      if (options.mode === 'embed' && !container) throw new AddressSearchError('ADDRESS_SEARCH_FAILED', 'embed mode needs a container');
      return new Promise<AddressMatch | null>((resolve) => {
        let settled = false;
        const settle = (match: AddressMatch | null) => {
          if (settled) return;
          settled = true;
          resolve(match);
        };
        // Kakao's window cannot be closed from here; an aborted search just ignores what comes back.
        signal?.addEventListener('abort', () => settle(null), { once: true });
        const postcode = new Postcode({
          width: '100%',
          height: '100%',
          oncomplete: (data) => settle(mapKakaoPostcode(data)),
          onclose: (state) => {
            if (state === 'FORCE_CLOSE') settle(null);
          },
        });
        const q = query?.trim() ? { q: query.trim() } : {};
        if (options.mode === 'embed') postcode.embed(container!, { ...q, autoClose: true });
        else postcode.open({ ...q, popupKey: 'membership-address-search' });
      });
    },
  };
}
