// The contract's closed lists as plain arrays (no zod): screens list them without building any shape.

export const memberTypes = ['individual', 'corporate', 'foreign'] as const;
export const companyRoles = ['master', 'regular', 'associate'] as const;
export const genders = ['male', 'female'] as const;
export const nationalities = ['domestic', 'foreign'] as const;
export const carriers = ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'] as const;
export const verificationPurposes = ['signup', 'find-id', 'reset-password', 'reverify'] as const;
