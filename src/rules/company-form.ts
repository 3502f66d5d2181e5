/** zod/mini schema of the company form (company link, corporate signup); issue messages are error codes. */
import { formSchema } from './form-fields.ts';
import type { FormOutput } from './form-spec.ts';
import { companyFormSpec } from './form-specs.ts';
import type { MembershipPolicy } from './policy.ts';

/**
 * Company details (docs/domain.md, Company link). The 이노비즈 / 벤처기업 / 외투기업 answers are optional
 * unless the policy requires them (`required.companyYesNo`).
 */
export function companyFormSchema(policy?: MembershipPolicy) {
  return formSchema(companyFormSpec(policy));
}

export type CompanyForm = FormOutput<ReturnType<typeof companyFormSpec>['fields']>;
