import type { MembershipClient } from '../../api/client.ts';
import type { CompanyLookup, SiteConfig } from '../../api/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { normalizeDigits, parseDigits } from '../../rules/digits.ts';
import { loadSignupChecks, signupChecks } from './checks-loader.ts';
import { FormModel } from '../form-model.ts';
import type { Failure } from '../failure.ts';
import { Job } from '../job.ts';
import { emptyCompany, prefilledCompany, type CompanyPart, type CompanyValues } from './values.ts';

export interface CompanyModelOptions {
  client: () => MembershipClient | undefined;
  siteConfig: () => SiteConfig | undefined;
  /** Whether the company's Y/N answers are required (`required.companyYesNo`). */
  policy?: () => MembershipPolicy | undefined;
  /** The signup's verification token: the server stores certificates only for a verified person. */
  verificationToken?: () => string | undefined;
  onChange: () => void;
}

/**
 * The company part of a corporate signup: the BRN search (check digit, then lookupCompany), the
 * company form (`companyFormSpec`), and the certificate upload.
 */
export class CompanyModel {
  #options: CompanyModelOptions;
  readonly form: FormModel<CompanyValues>;
  readonly lookupJob: Job<CompanyLookup>;
  readonly uploadJob: Job<{ certificateId: string; fileName: string }>;
  lookup: CompanyPart['lookup'];
  certificate: CompanyPart['certificate'];
  /** A client-side or API refusal of the chosen file (type or size), as an error code. */
  fileError: string | undefined;
  /** The file being uploaded (shown while pending). */
  uploading: string | undefined;
  /** The values as the last lookup left them: what differs from these the user typed for this company. */
  #baseline: CompanyValues = emptyCompany();

  constructor(options: CompanyModelOptions) {
    this.#options = options;
    this.form = new FormModel<CompanyValues>({
      initial: emptyCompany(),
      validate: (values) => {
        // Not judged until the rules have loaded (they arrive before the company step can show).
        const checks = signupChecks();
        return checks ? checks.checkForm(checks.companyFormSpec(options.policy?.()), checks.companySchemaInput(values)) : [];
      },
      onChange: options.onChange,
    });
    this.lookupJob = new Job<CompanyLookup>({ onChange: options.onChange });
    this.uploadJob = new Job({ onChange: options.onChange });
  }

  stop(): void {
    this.lookupJob.abort();
    this.uploadJob.abort();
  }

  get part(): CompanyPart {
    return { query: this.form.values.businessNumber, lookup: this.lookup, values: this.form.values, certificate: this.certificate };
  }

  restore(part: CompanyPart): void {
    this.lookup = part.lookup;
    this.certificate = part.certificate;
    this.form.reset({ ...emptyCompany(), ...part.values });
    // A resumed company's values all count as the looked-up company's.
    this.#baseline = this.form.values;
  }

  /** The BRN box changed: formatted as typed (when it holds only digits and separators). */
  typeBusinessNumber(value: string): string {
    const format = signupChecks()?.formatBusinessNumber;
    const formatted = parseDigits(value) === null || !format ? value : format(value);
    if (this.lookup && normalizeDigits(this.#lookedUpNumber()) !== normalizeDigits(formatted)) this.#forgetCompany();
    this.form.set('businessNumber', formatted);
    return formatted;
  }

  /** 조회: check digit first (false: the box is invalid), then the API. Resolves true when an answer arrived. */
  async search(): Promise<boolean> {
    const value = this.form.values.businessNumber;
    this.form.touch('businessNumber');
    // The check digit is judged here when the rules are in; if they cannot load (offline) the API judges it.
    const checks = await loadSignupChecks().catch(() => undefined);
    if (checks && checks.checkBusinessNumber(value) !== null) return false;
    const client = this.#options.client();
    if (!client) return false;
    const state = await this.lookupJob.run((signal) => client.call('lookupCompany', { query: { businessNumber: normalizeDigits(value) } }, { signal }));
    if (state?.status !== 'complete') return false;
    const lookup = state.value;
    const businessNumber = checks ? checks.formatBusinessNumber(value) : value;
    // Another company than the one looked up before: nothing of the old one may reach the new one.
    if (this.lookup && normalizeDigits(this.#lookedUpNumber()) !== normalizeDigits(businessNumber)) this.#forgetCompany();
    this.lookup = lookup;
    const base = lookup.status === 'registry' ? prefilledCompany(businessNumber, lookup.prefill) : emptyCompany();
    this.form.reset({ ...base, ...this.#typedForThisCompany(), businessNumber }, { keepTouched: true });
    this.#baseline = { ...base, businessNumber };
    return true;
  }

  /** The fields the user changed since the last lookup (or since the number changed): theirs to keep. */
  #typedForThisCompany(): Partial<CompanyValues> {
    const typed: Partial<Record<keyof CompanyValues, unknown>> = {};
    const values = this.form.values;
    for (const name of Object.keys(values) as (keyof CompanyValues)[]) {
      if (name !== 'businessNumber' && JSON.stringify(values[name]) !== JSON.stringify(this.#baseline[name])) typed[name] = values[name];
    }
    return typed as Partial<CompanyValues>;
  }

  /** The number changed: the previous company's answer, prefill, choices and certificate go. */
  #forgetCompany(): void {
    this.lookup = undefined;
    this.certificate = undefined;
    this.fileError = undefined;
    this.uploadJob.abort();
    this.form.reset(emptyCompany(this.form.values.businessNumber));
    this.#baseline = emptyCompany();
  }

  /** Uploads the chosen certificate after checking its type and size against the site's limits; resolves with the API's failure, if any. */
  async upload(file: File): Promise<Failure | undefined> {
    const limits = this.#options.siteConfig()?.certificate;
    this.fileError = undefined;
    if (limits && !limits.contentTypes.includes(file.type)) this.fileError = 'CERTIFICATE_INVALID_TYPE';
    else if (limits && file.size > limits.maxBytes) this.fileError = 'CERTIFICATE_TOO_LARGE';
    const client = this.#options.client();
    if (this.fileError || !client) {
      this.#options.onChange();
      return undefined;
    }
    this.uploading = file.name;
    const state = await this.uploadJob.run(async (signal) => ({ certificateId: (await client.uploadCertificate(file, { signal, verificationToken: this.#options.verificationToken?.() })).certificateId, fileName: file.name }));
    this.uploading = undefined;
    if (state?.status === 'complete') {
      this.certificate = state.value;
      this.uploadJob.reset();
    } else if (state?.status === 'error' && state.failure.code.startsWith('CERTIFICATE_')) {
      // The file itself was refused: said at the file field, not as a failure to retry.
      this.fileError = state.failure.code;
      this.uploadJob.reset();
    }
    return state?.status === 'error' ? state.failure : undefined;
  }

  removeCertificate(): void {
    this.certificate = undefined;
    this.fileError = undefined;
    this.#options.onChange();
  }

  /** The step may be left: a lookup answer, and for a new company a valid form. */
  async validate(): Promise<boolean> {
    // Not searched yet: search now and stay, so the user sees what the answer means for them.
    if (!this.lookup) {
      await this.search();
      return false;
    }
    if (this.lookup.status === 'registered') return true;
    return this.form.submit();
  }

  /** Whether the step has what the signup needs. */
  get complete(): boolean {
    return this.lookup?.status === 'registered' || (this.lookup !== undefined && this.form.valid);
  }

  /** The API refused the company part as a whole: search again (the company may be registered now). */
  forgetLookup(keepCertificate = true): void {
    this.lookup = undefined;
    if (!keepCertificate) this.certificate = undefined;
    this.#options.onChange();
  }

  #lookedUpNumber(): string {
    const lookup = this.lookup;
    if (!lookup) return '';
    if (lookup.status === 'registered') return lookup.company.businessNumber;
    if (lookup.status === 'unknown') return lookup.businessNumber;
    return lookup.prefill.businessNumber ?? this.form.values.businessNumber;
  }
}
