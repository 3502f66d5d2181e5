import type { CompanyDetails } from '../src/api/index.ts';

/** The external business registry a real server would ask (e.g. the tax office's status API). */
export interface CompanyRegistry {
  /** Details known for a business number (digits only), or null. */
  find(businessNumber: string): Promise<Partial<CompanyDetails> | null>;
}

const address = (postcode: string, base: string, detail: string) => ({ postcode, base, detail });

/** A seeded stand-in registry: these numbers have valid check digits and prefill the company form. */
export const sandboxRegistryEntries: Record<string, Partial<CompanyDetails>> = {
  '1208147521': {
    businessNumber: '120-81-47521', nameKo: '한빛정밀 주식회사', nameEn: 'Hanbit Precision Co., Ltd.',
    ceoNameKo: '김한빛', ceoNameEn: 'Kim Hanbit', corporateNumber: '110111-0062432', businessType: '제조업', industry: '정밀기계',
    companyType: 'corporation', classification: 'small', mainProduct: 'machinery', tradeKind: 'both', phone: '031-123-4567',
    address: address('16677', '경기도 수원시 영통구 광교로 107', '3층'),
  },
  '2208162517': {
    businessNumber: '220-81-62517', nameKo: '바다식품 주식회사', nameEn: 'Bada Foods Inc.',
    ceoNameKo: '이바다', ceoNameEn: 'Lee Bada', businessType: '제조업', industry: '수산물 가공',
    companyType: 'corporation', classification: 'small', mainProduct: 'food', tradeKind: 'trade', phone: '051-234-5678',
    address: address('48058', '부산광역시 해운대구 센텀중앙로 79', '1201호'),
  },
};

export function sandboxRegistry(entries = sandboxRegistryEntries): CompanyRegistry {
  return {
    async find(businessNumber) {
      const entry = entries[businessNumber];
      return entry ? structuredClone(entry) : null;
    },
  };
}
