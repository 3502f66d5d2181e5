import type { CompanyRole } from './schemas.ts';

/** Who may do what (docs/domain.md, Company link). `individual` is a member without a company. */
export type PermissionRole = CompanyRole | 'individual';

export const companyActions = [
  'online-consultation',
  'seminar-application',
  'other-service-application',
  'service-mileage',
  'edit-company',
  'transfer-master',
  'approve-members',
  'remove-members',
] as const;
export type CompanyAction = (typeof companyActions)[number];

/** The permission matrix as data: each action lists the roles allowed to do it. */
export const permissionMatrix: Readonly<Record<CompanyAction, readonly PermissionRole[]>> = {
  'online-consultation': ['master', 'regular', 'associate', 'individual'],
  'seminar-application': ['master', 'regular', 'associate', 'individual'],
  'other-service-application': ['master', 'regular', 'associate'],
  'service-mileage': ['master', 'regular'],
  'edit-company': ['master', 'regular'],
  'transfer-master': ['master'],
  'approve-members': ['master'],
  'remove-members': ['master'],
};

/** Whether a role may take an action; `null` role means an individual member. */
export function can(role: PermissionRole | null, action: CompanyAction): boolean {
  return permissionMatrix[action].includes(role ?? 'individual');
}
