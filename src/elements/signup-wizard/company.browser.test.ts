// <signup-wizard> corporate signups against the reference server in the page: a new company
// (unknown → register with a certificate, MASTER), a registry prefill, and the seeded company
// 124-81-00998 (associate until the MASTER approves).
import { http, HttpResponse } from 'msw';
import { sandboxPersonIds, type SandboxPerson } from '../../../server/sandbox/people.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal } from '../../../test/browser/fixture.ts';
import {
  waitFor, $, agreeToAll, attachFile, chooseType, clickNext, fillCompanyForm, fillDetails, loadJourneyCode, mountWizard, searchCompany, settle,
  testPerson, typeIn, verifyAs, waitForStep,
} from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import type { SignupCompleteEvent } from './events.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;

async function toCompanyStep(personId: string | SandboxPerson, loginId: string, foreign?: { nameEn: string }): Promise<SignupWizard> {
  const wizard = await mountWizard(mock);
  await chooseType(wizard, 'corporate', foreign ? 'foreign' : 'domestic');
  await agreeToAll(wizard);
  await verifyAs(wizard, mock, personId);
  await waitForStep(wizard, 'details');
  await fillDetails(wizard, { loginId, ...foreign });
  clickNext(wizard);
  await waitForStep(wizard, 'company');
  return wizard;
}

async function submitFromReview(wizard: SignupWizard): Promise<SignupCompleteEvent> {
  const complete = new Promise<SignupCompleteEvent>((resolve) => wizard.addEventListener('signup-complete', resolve, { once: true }));
  $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
  const event = await complete;
  await waitForStep(wizard, 'done');
  return event;
}

const pdf = () => new File([new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')], '사업자등록증.pdf', { type: 'application/pdf' });

/**
 * Whether script can read a multipart body holding a file. WebKitGTK cannot ("Unable to read form data
 * blob"), so the in-page server (MSW) never gets the certificate there, although a real fetch sends it.
 */
const fileBodiesReadable = () => {
  const form = new FormData();
  form.set('file', pdf());
  return new Response(form).arrayBuffer().then(() => true, () => false);
};

describe('<signup-wizard> corporate', () => {
  before(loadJourneyCode);

  it('a new company: check digit first, then unknown → the empty form, Y/N without default, a certificate upload', async () => {
    const wizard = await toCompanyStep(sandboxPersonIds.hong, 'hongceo26');
    await expectAccessible(wizard);
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'company', 'no search yet: stays');
    assert($(wizard, '[data-part="field"]:has([data-part="business-number"]) [data-part="error"]').textContent?.includes('사업자등록번호를 입력해 주세요'), 'asks for the BRN');

    await searchCompany(wizard, '1248100999');
    equal($<HTMLInputElement>(wizard, 'input[name="company.businessNumber"]').value, '124-81-00999', 'formatted as typed');
    assert($(wizard, '[data-part="field"]:has([data-part="business-number"]) [data-part="error"]').textContent?.includes('유효하지 않은 사업자등록번호'), 'check digit refused before any call');
    equal(wizard.flow!.view.company.lookup, undefined, 'no lookup for a wrong check digit');
    equal(document.activeElement, $(wizard, 'input[name="company.businessNumber"]'), 'focus on the BRN');

    await searchCompany(wizard, '106-81-00030');
    equal(wizard.flow!.view.company.lookup?.status, 'unknown', 'unknown company');
    assert($(wizard, '[data-role="lookup-result"][role="status"]').textContent?.includes('등록되지 않은 기업'), 'the lookup result is announced');
    assert($(wizard, '[data-part="notice"]').textContent?.includes('MASTER'), 'says the member becomes MASTER');
    assert(wizard.querySelector('input[type="file"][name="certificate"]'), 'certificate upload offered');
    assert(wizard.textContent?.includes('02-3460-7932') && wizard.textContent.includes('service@kotra.or.kr'), 'fax/email alternative shown');
    const yesNo = [...wizard.querySelectorAll<HTMLInputElement>('input[name^="company."][type="radio"]')];
    assert(yesNo.length === 6 && yesNo.every((radio) => !radio.checked), 'Y/N radios without a default');
    await expectAccessible(wizard);

    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'company', 'empty company form stays');
    equal(document.activeElement, $(wizard, 'input[name="company.nameKo"]'), 'focus on the first invalid field');
    equal(wizard.querySelector('[data-name="company.innoBiz"] [data-part="error"]')?.textContent, '', 'Y/N are optional: no error');
    assert(!$(wizard, '[data-name="company.innoBiz"] legend').textContent?.includes('(필수)'), 'and their label does not say required');
    await expectAccessible(wizard);
  });

  it('a new company with its certificate: the member becomes MASTER', async () => {
    const wizard = await toCompanyStep(testPerson(), 'testceo26');
    await searchCompany(wizard, '106-81-00030');
    equal(wizard.flow!.view.company.lookup?.status, 'unknown', 'unknown company');
    await fillCompanyForm(wizard, { nameKo: '새빛상사', ceoNameKo: '홍길동' });
    attachFile($<HTMLInputElement>(wizard, 'input[name="certificate"]'), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await settle(wizard);
    assert(wizard.querySelector('[data-part="certificate"] [data-part="error"]')?.textContent?.includes('PDF'), 'wrong file type refused in the browser');
    attachFile($<HTMLInputElement>(wizard, 'input[name="certificate"]'), pdf());
    if (await fileBodiesReadable()) {
      await waitFor(() => wizard.flow!.view.company.certificate, 'uploaded');
      await settle(wizard);
      assert($(wizard, '[data-part="certificate-attached"]').textContent?.includes('사업자등록증.pdf'), 'file named');
    } else {
      await waitFor(() => wizard.flow!.view.company.uploadState.status === 'error', 'WebKitGTK: the in-page server got no file part');
    }
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    assert($(wizard, '[data-section="company"]').textContent?.includes('새 기업 등록'), 'review: registering a company');
    const event = await submitFromReview(wizard);
    equal(event.detail.companyRole, 'master', 'MASTER');
    equal(event.detail.memberType, 'corporate', 'corporate member');
    equal(event.detail.certificatePending, !(await fileBodiesReadable()), 'certificate uploaded (pending where the upload could not reach the in-page server)');
    assert($(wizard, '[data-part~="company-role"][data-role="master"]').textContent?.includes('새빛상사'), 'done says MASTER of the company');
    assert($(wizard, '[data-part~="role-next"][data-role="master"]'), 'and what a MASTER does next');
    await expectAccessible(wizard);
  });

  it('the seeded company 124-81-00998: link as an associate until the MASTER approves', async () => {
    const wizard = await toCompanyStep(sandboxPersonIds.kim, 'minjicorp');
    // "Next" without 조회 searches, and stays so the answer can be read.
    typeIn(wizard, 'input[name="company.businessNumber"]', '124-81-00998');
    await settle(wizard);
    clickNext(wizard);
    await waitFor(() => wizard.flow!.view.company.lookup, 'searched on next');
    await settle(wizard);
    equal(wizard.step, 'company', 'stays to show the answer');
    equal(wizard.flow!.view.company.lookup?.status, 'registered', 'registered company');
    assert($(wizard, '[data-part="company-summary"]').textContent?.includes('누리무역 주식회사'), 'the company is shown');
    assert($(wizard, '[data-part="company-registered"]').textContent?.includes('준회원'), 'explains the associate role');
    assert($(wizard, '[data-role="lookup-result"][role="status"]').textContent?.includes('누리무역 주식회사'), 'the lookup result is announced');
    assert(!wizard.querySelector('[data-part="company-form"]'), 'no company form to fill');
    await expectAccessible(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    assert($(wizard, '[data-section="company"]').textContent?.includes('준회원으로 연결'), 'review: link');
    const event = await submitFromReview(wizard);
    equal(event.detail.companyRole, 'associate', 'associate');
    assert($(wizard, '[data-part~="company-role"][data-role="associate"]').textContent?.includes('누리무역 주식회사'), 'done names the company and the role');
    assert($(wizard, '[data-part~="role-next"]').textContent?.includes('MASTER 승인 후 정회원이 됩니다'), 'done explains the approval');
    assert($(wizard, '[data-part~="contacts"]').textContent?.includes('1600-7119'), 'done gives the site\'s help contacts');
    await expectAccessible(wizard);
  });

  it('a registry company comes prefilled; Y/N optional and unselected (required only by policy); no certificate needed', async () => {
    const wizard = await toCompanyStep(sandboxPersonIds.lee, 'seojunco');
    await searchCompany(wizard, '120-81-47521');
    equal(wizard.flow!.view.company.lookup?.status, 'registry', 'registry');
    equal($<HTMLInputElement>(wizard, 'input[name="company.nameKo"]').value, '한빛정밀 주식회사', 'name prefilled');
    equal($<HTMLSelectElement>(wizard, 'select[name="company.mainProduct"]').value, 'machinery', 'select prefilled');
    assert(!wizard.querySelector('input[name="certificate"]'), 'no upload for a registry company');
    await expectAccessible(wizard);
    const yesNo = [...wizard.querySelectorAll<HTMLInputElement>('input[name^="company."][type="radio"]')];
    assert(yesNo.length === 6 && yesNo.every((radio) => !radio.checked && !radio.required), 'Y/N unselected and optional');
    await fillCompanyForm(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const event = await submitFromReview(wizard);
    equal(event.detail.companyRole, 'master', 'MASTER of the registry company');
    equal(event.detail.certificatePending, false, 'registry proves the company');
  });

  it('without a certificate the completion screen says where to send it', async () => {
    const wizard = await toCompanyStep(sandboxPersonIds.park, 'jihyunco');
    await searchCompany(wizard, '116-82-00276');
    await fillCompanyForm(wizard, { nameKo: '지현상회', ceoNameKo: '박지현' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const event = await submitFromReview(wizard);
    equal(event.detail.certificatePending, true, 'certificate pending');
    assert($(wizard, '[data-part~="certificate-pending"]').textContent?.includes('02-3460-7932'), 'fax number shown');
  });

  it('company answers at submit go back to the company step: a field error on the form, a registered-meanwhile company to a new search', async () => {
    const wizard = await toCompanyStep(testPerson(), 'taeyangco');
    await searchCompany(wizard, '214-81-00078');
    await fillCompanyForm(wizard, { nameKo: '태양상사', ceoNameKo: '윤태양' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const answer = (status: number, code: string, fields?: { field: string; code: string }[]) => () => HttpResponse.json({ error: { code, message: code, ...(fields ? { fields } : {}) } }, { status });
    api.worker.use(http.post(`${mock.apiBase}members`, answer(422, 'VALIDATION_FAILED', [{ field: 'company.company.nameKo', code: 'TEXT_TOO_LONG' }]), { once: true }));
    $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
    await waitForStep(wizard, 'company');
    equal(document.activeElement, $(wizard, 'input[name="company.nameKo"]'), 'focus on the company name');
    assert($(wizard, '[data-part="field"]:has(input[name="company.nameKo"]) [data-part="error"]').textContent?.includes('100자'), 'the server code, with its limit');
    typeIn(wizard, 'input[name="company.nameKo"]', '태양');
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    api.worker.use(http.post(`${mock.apiBase}members`, answer(409, 'COMPANY_ALREADY_REGISTERED', [{ field: 'company.company.businessNumber', code: 'COMPANY_ALREADY_REGISTERED' }]), { once: true }));
    $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
    await waitForStep(wizard, 'company');
    assert($(wizard, '[role="alert"]').textContent?.includes('다시 조회'), 'asks for a new search');
    // It names what the page offers (조회 by business number), not a "기업 검색" that does not exist.
    assert(!$(wizard, '[role="alert"]').textContent?.includes('기업 검색'), 'no company search to point at');
    equal(wizard.flow!.view.company.lookup, undefined, 'the old answer is gone');
    equal(wizard.flow!.view.company.form.values.nameKo, '태양', 'typed details kept');
    await expectAccessible(wizard);
    api.worker.resetHandlers();
  });

  it('a failed lookup says what to do, offers a retry and reports signup-error', async () => {
    const wizard = await toCompanyStep(testPerson(), 'kimlookup');
    const errors: string[] = [];
    wizard.addEventListener('signup-error', (event) => errors.push(`${event.detail.code}@${event.detail.step}`));
    let failing = true;
    // Every try fails (the client retries a GET by itself) until the test lets it through.
    api.worker.use(http.get(`${mock.apiBase}companies/lookup`, () => (failing ? HttpResponse.error() : undefined)));
    await searchCompany(wizard, '214-81-00118');
    assert($(wizard, '[data-part="failure"]').textContent?.includes('서버에 연결할 수 없습니다'), 'the message');
    equal(errors.join(), 'NETWORK_ERROR@company', 'signup-error');
    await expectAccessible(wizard);
    failing = false;
    $<HTMLButtonElement>(wizard, '[data-part="failure"] [data-part~="retry"]').click();
    await waitFor(() => wizard.flow!.view.company.lookup?.status === 'unknown', 'the retry found the answer');
    api.worker.resetHandlers();
  });

  it('a foreign employee joins as corporate; changing the BRN after a search asks for a new search and drops the previous company\'s values', async () => {
    const wizard = await toCompanyStep(sandboxPersonIds.foreigner, 'smithco26', { nameEn: 'John Smith' });
    equal(wizard.flow!.view.memberType, 'corporate', 'corporate whatever the nationality');
    await searchCompany(wizard, '214-81-00006');
    typeIn(wizard, 'input[name="company.nameKo"]', '스미스무역');
    await settle(wizard);
    typeIn(wizard, 'input[name="company.businessNumber"]', '214-81-00030');
    await settle(wizard);
    equal(wizard.flow!.view.company.lookup, undefined, 'the old answer is gone');
    assert(!wizard.querySelector('[data-part="company-form"]'), 'the form waits for a new search');
    await searchCompany(wizard, '214-81-00030');
    equal(wizard.flow!.view.company.lookup?.status, 'unknown', 'searched again');
    equal($<HTMLInputElement>(wizard, 'input[name="company.nameKo"]').value, '', 'what was typed for the previous company is not carried over');
  });
});
