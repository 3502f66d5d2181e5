import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MembershipClient } from '../../api/client.ts';
import { MembershipError } from '../../api/errors.ts';
import type { SiteConfig } from '../../api/schemas.ts';
import { checkBusinessNumber, formatBusinessNumber } from '../../rules/business-number.ts';
import { normalizeDigits, parseDigits } from '../../rules/digits.ts';
import { companyFormSchema } from '../../rules/company-form.ts';
import { fieldErrors } from '../../rules/form-fields.ts';
import { FormController } from '../shared/form-controller.ts';
import { companySchemaInput, emptyCompany, prefilledCompany, type CompanyPart, type CompanyValues } from './signup-values.ts';

export type Pending<T = void> = { status: 'idle' } | { status: 'pending'; value?: T } | { status: 'error'; error: MembershipError };

export interface CompanyPartOptions {
  client: () => MembershipClient | undefined;
  siteConfig: () => SiteConfig | undefined;
  /** The signup's verification token: the server stores certificates only for a verified person. */
  verificationToken?: () => string | undefined;
  onChange: () => void;
  /** A lookup or upload failed (for signup-error). */
  onError: (error: MembershipError) => void;
}

const toError = (error: unknown) => (error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error }));

/**
 * The company part of a corporate signup: the BRN search (check digit, then lookupCompany), the
 * company form (one FormController with `companyFormSchema`), and the certificate upload.
 */
export class CompanyPartController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: CompanyPartOptions;
  #abort: AbortController | undefined;
  readonly form: FormController<CompanyValues>;
  lookup: CompanyPart['lookup'];
  certificate: CompanyPart['certificate'];
  lookupState: Pending = { status: 'idle' };
  uploadState: Pending<string> = { status: 'idle' };
  /** A client-side refusal of the chosen file (type or size), as an error code. */
  fileError: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CompanyPartOptions) {
    this.#host = host;
    this.#options = options;
    this.form = new FormController<CompanyValues>(host, {
      initial: emptyCompany(),
      validate: (values) => fieldErrors(companyFormSchema().safeParse(companySchemaInput(values))),
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get part(): CompanyPart {
    return { query: this.form.values.businessNumber, lookup: this.lookup, values: this.form.values, certificate: this.certificate };
  }

  restore(part: CompanyPart): void {
    this.lookup = part.lookup;
    this.certificate = part.certificate;
    this.form.reset({ ...emptyCompany(), ...part.values });
  }

  /** The BRN box changed: formatted as typed (when it holds only digits and separators). */
  typeBusinessNumber(value: string): string {
    const formatted = parseDigits(value) === null ? value : formatBusinessNumber(value);
    this.form.set('businessNumber', formatted);
    if (this.lookup && normalizeDigits(this.#lookedUpNumber()) !== normalizeDigits(formatted)) this.lookup = undefined;
    this.#options.onChange();
    return formatted;
  }

  /** The problem of the BRN box now (shown after blur or a search attempt). */
  get businessNumberError(): string | undefined {
    return this.form.errorFor('businessNumber');
  }

  /** 조회: check digit first, then the API. Resolves true when an answer arrived. */
  async search(): Promise<boolean> {
    const value = this.form.values.businessNumber;
    this.form.touch('businessNumber');
    if (checkBusinessNumber(value) !== null) {
      await this.#focusInvalid();
      return false;
    }
    const client = this.#options.client();
    if (!client) return false;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.lookupState = { status: 'pending' };
    this.#host.requestUpdate();
    try {
      const lookup = await client.call('lookupCompany', { query: { businessNumber: normalizeDigits(value) } }, { signal: abort.signal });
      if (abort.signal.aborted) return false;
      this.lookup = lookup;
      this.lookupState = { status: 'idle' };
      const businessNumber = formatBusinessNumber(value);
      if (lookup.status === 'registry') this.form.reset({ ...this.form.values, ...prefilledCompany(businessNumber, lookup.prefill), businessNumber }, { keepTouched: true });
      else this.form.set('businessNumber', businessNumber);
      this.#options.onChange();
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      this.lookupState = { status: 'error', error: toError(error) };
      this.#options.onError(this.lookupState.error);
      this.#host.requestUpdate();
      return false;
    }
  }

  /** Uploads the chosen certificate after checking its type and size against the site's limits. */
  async upload(file: File): Promise<void> {
    const limits = this.#options.siteConfig()?.certificate;
    this.fileError = undefined;
    if (limits && !limits.contentTypes.includes(file.type)) this.fileError = 'CERTIFICATE_INVALID_TYPE';
    else if (limits && file.size > limits.maxBytes) this.fileError = 'CERTIFICATE_TOO_LARGE';
    const client = this.#options.client();
    if (this.fileError || !client) {
      this.#host.requestUpdate();
      return;
    }
    this.uploadState = { status: 'pending', value: file.name };
    this.#host.requestUpdate();
    try {
      const certificate = await client.uploadCertificate(file, { verificationToken: this.#options.verificationToken?.() });
      this.certificate = { certificateId: certificate.certificateId, fileName: file.name };
      this.uploadState = { status: 'idle' };
      this.#options.onChange();
    } catch (error) {
      const failure = toError(error);
      this.#options.onError(failure);
      if (failure.code.startsWith('CERTIFICATE_')) this.fileError = failure.code;
      else this.uploadState = { status: 'error', error: failure };
    }
    if (this.uploadState.status === 'pending') this.uploadState = { status: 'idle' };
    this.#host.requestUpdate();
  }

  removeCertificate(): void {
    this.certificate = undefined;
    this.fileError = undefined;
    this.#options.onChange();
    this.#host.requestUpdate();
  }

  /** The step may be left: a lookup answer, and for a new company a valid form. */
  async validate(): Promise<boolean> {
    // Not searched yet: search now and stay, so the user sees what the answer means for them.
    if (!this.lookup) {
      await this.search();
      return false;
    }
    if (this.lookup?.status === 'registered') return true;
    return this.form.submit();
  }

  /** The API refused the company part as a whole: search again (the company may be registered now). */
  forgetLookup(keepCertificate = true): void {
    this.lookup = undefined;
    if (!keepCertificate) this.certificate = undefined;
    this.#options.onChange();
    this.#host.requestUpdate();
  }

  #lookedUpNumber(): string {
    const lookup = this.lookup;
    if (!lookup) return '';
    if (lookup.status === 'registered') return lookup.company.businessNumber;
    if (lookup.status === 'unknown') return lookup.businessNumber;
    return lookup.prefill.businessNumber ?? this.form.values.businessNumber;
  }

  async #focusInvalid(): Promise<void> {
    await this.#host.updateComplete;
    this.#host.querySelector<HTMLElement>('[data-part="business-number"] [aria-invalid="true"], [data-part="business-number"][aria-invalid="true"]')?.focus();
  }
}
