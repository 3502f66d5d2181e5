/** Company-form rules that are not numbers with check digits (those live in business-number.ts). */
import { isBlank } from './digits.ts';
import { fieldMaxLengths } from './limits.ts';

export const companyErrorCodes = ['TRADE_NUMBER_REQUIRED', 'TRADE_NUMBER_INVALID'] as const;
export type CompanyError = (typeof companyErrorCodes)[number];

/** 제조/무역 구분. */
export const tradeKinds = ['manufacturing', 'trade', 'both'] as const;
export type TradeKind = (typeof tradeKinds)[number];

/**
 * 무역업고유번호 / old 무역업 허가번호: formats changed over the years, so only letters, digits, hyphens
 * and spaces, at most `fieldMaxLengths.tradeBusinessNumber` characters.
 */
export function checkTradeBusinessNumber(value: string): CompanyError | null {
  if (isBlank(value)) return 'TRADE_NUMBER_REQUIRED';
  const number = value.trim();
  return number.length <= fieldMaxLengths.tradeBusinessNumber && /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(number)
    ? null
    : 'TRADE_NUMBER_INVALID';
}
