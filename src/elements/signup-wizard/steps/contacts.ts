import { html, nothing, type TemplateResult } from 'lit';
import type { SiteConfig } from '../../../api/index.ts';
import type { StepContext } from './step-context.ts';

/** The call centre as people say it: "고객안내센터 1600-7119 (연결 후 1번)". */
export function phoneContact(ctx: StepContext, contacts: SiteConfig['contacts']): string | undefined {
  const phone = contacts?.phone;
  if (!phone) return undefined;
  const params = { name: phone.name[ctx.locale], number: phone.number };
  return phone.note ? ctx.t('signup.contact.phoneNote', { ...params, note: phone.note[ctx.locale] }) : ctx.t('signup.contact.phone', params);
}

/** Where the certificate goes when not uploaded: the site's contacts first, then the certificate settings, else the phone. */
export function certificateSendText(ctx: StepContext, config: SiteConfig): string | undefined {
  const fax = config.contacts?.fax ?? config.certificate.fax;
  const email = config.contacts?.email ?? config.certificate.email;
  if (fax && email) return ctx.t('signup.company.certificate.send', { fax, email });
  if (fax) return ctx.t('signup.company.certificate.sendFax', { fax });
  if (email) return ctx.t('signup.company.certificate.sendEmail', { email });
  const contact = phoneContact(ctx, config.contacts);
  return contact ? ctx.t('signup.company.certificate.sendPhone', { contact }) : undefined;
}

/** "문의: 고객안내센터 1600-7119 (연결 후 1번) · service@… · 운영 시간 …", when the site has contacts. */
export function renderHelpContacts(ctx: StepContext, contacts: SiteConfig['contacts']): TemplateResult | typeof nothing {
  const parts = [phoneContact(ctx, contacts), contacts?.email, contacts?.hours ? ctx.t('signup.contact.hours', { hours: contacts.hours[ctx.locale] }) : undefined]
    .filter((part): part is string => Boolean(part));
  return parts.length ? html`<p data-part="hint contacts">${ctx.t('signup.contact.help', { contact: parts.join(' · ') })}</p>` : nothing;
}
