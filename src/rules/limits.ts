/** Maximum lengths (code points) of free-text fields: one table for the rules and for inputs' maxlength. */
export const fieldMaxLengths = {
  nameKo: 50,
  nameEn: 100,
  department: 50,
  position: 50,
  companyNameKo: 100,
  companyNameEn: 200,
  businessType: 100,
  industry: 100,
  /** Values of site-configured selects (company type, classification, main product). */
  option: 50,
  tradeBusinessNumber: 20,
  email: 254,
  emailLocal: 64,
  homepage: 300,
  addressBase: 200,
  addressDetail: 100,
  addressExtra: 100,
  addressJibun: 200,
  addressEnglish: 300,
  interestItemName: 100,
} as const;
