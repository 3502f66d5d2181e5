// mb-interest-items (rows: add, type, remove, focus, limit) and mb-interest-regions (countries named and
// sorted per language, chips, no duplicates, limit), both with polite announcements.
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { translate } from '../../i18n/index.ts';
import { definePolicy } from '../../rules/policy.ts';
import { defineElement } from './define-element.ts';
import { countryName, isoRegionCodes, MbInterestItems, MbInterestRegions } from './interest-rows.ts';

defineElement('mb-interest-items', MbInterestItems);
defineElement('mb-interest-regions', MbInterestRegions);

function all<T extends HTMLElement = HTMLElement>(root: Element, name: string): T[] {
  return [...root.querySelectorAll<T>(`[data-part~='${name}']`)];
}
function part<T extends HTMLElement = HTMLElement>(root: Element, name: string): T {
  const [element] = all<T>(root, name);
  assert(element, `[data-part~='${name}'] is rendered`);
  return element;
}
const status = (root: Element) => part(root, 'status').textContent?.trim();
const buttonName = (button: Element) => button.getAttribute('aria-label') ?? button.textContent?.trim();

async function mount<T extends HTMLElement>(tag: string, properties: Partial<T> = {}, lang = 'ko'): Promise<T> {
  return fixture(Object.assign(document.createElement(tag) as T, properties), { lang });
}

function listen(element: Element, type: string): Event[] {
  const seen: Event[] = [];
  element.parentElement!.addEventListener(type, (event) => seen.push(event));
  return seen;
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const rows = (items: Element) => all(items, 'row');
const input = (items: Element, row: number, field: string) => rows(items)[row]!.querySelector<HTMLInputElement>(`[data-part='${field}']`)!;
const removeButtons = (root: Element) => all<HTMLButtonElement>(root, 'remove-button');

describe('mb-interest-items', () => {
  afterEach(cleanupFixtures);

  it('is accessible: empty, rows with errors, full', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items');
    await expectAccessible(items);
    items.value = [
      { nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8541.40' },
      { nameKo: '', nameEn: '', productCode: '12' },
    ];
    items.errors = { '1.nameKo': 'INTEREST_ITEM_NAME_REQUIRED', '1.productCode': 'INTEREST_ITEM_CODE_INVALID' };
    items.error = 'INTEREST_ITEMS_TOO_MANY';
    await items.updateComplete;
    await expectAccessible(items);
    items.max = 2;
    await items.updateComplete;
    assert(part<HTMLButtonElement>(items, 'add-button').disabled, 'full');
    await expectAccessible(items);
  });

  it('"추가" adds an empty row, tells the host, announces it and focuses its first input', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items');
    const changes = listen(items, 'change');
    part<HTMLButtonElement>(items, 'add-button').click();
    await items.updateComplete;
    equal(JSON.stringify(items.value), JSON.stringify([{ nameKo: '', nameEn: '', productCode: '' }]), 'one empty row');
    equal(changes.length, 1, 'change reached the host');
    equal(document.activeElement, input(items, 0, 'nameKo'), 'focus on the new row\'s first input');
    equal(status(items), translate('ko', 'interests.items.added', { row: '관심품목 1' }), 'announced');

    part<HTMLButtonElement>(items, 'add-button').click();
    await items.updateComplete;
    equal(document.activeElement, input(items, 1, 'nameKo'), 'focus on the second row');
  });

  it('typed values land in value; native input events reach the host; names and tokens are set', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items', { value: [{ nameKo: '', nameEn: '', productCode: '' }] });
    const inputs = listen(items, 'input');
    type(input(items, 0, 'nameKo'), '화장품');
    type(input(items, 0, 'nameEn'), 'Cosmetics');
    type(input(items, 0, 'productCode'), '3304.99');
    equal(JSON.stringify(items.value), JSON.stringify([{ nameKo: '화장품', nameEn: 'Cosmetics', productCode: '3304.99' }]), 'value');
    equal(inputs.length, 3, 'three input events');
    equal(input(items, 0, 'productCode').name, 'interestItems.0.productCode', 'name');
    equal(input(items, 0, 'nameKo').getAttribute('autocomplete'), 'off', 'no autofill');
    equal(input(items, 0, 'nameEn').lang, 'en', 'English name marked as English');
  });

  it('"삭제" is named after its row, removes it, announces it and moves focus sensibly', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items', {
      value: [
        { nameKo: '반도체', nameEn: '', productCode: '' },
        { nameKo: '', nameEn: 'Cosmetics', productCode: '' },
        { nameKo: '', nameEn: '', productCode: '' },
      ],
    });
    equal(buttonName(removeButtons(items)[0]!), '관심품목 1 (반도체) 삭제', 'name with number and item');
    equal(buttonName(removeButtons(items)[1]!), '관심품목 2 (Cosmetics) 삭제', 'English name when no Korean one');
    equal(buttonName(removeButtons(items)[2]!), '관심품목 3 삭제', 'number alone for an empty row');
    const changes = listen(items, 'change');

    removeButtons(items)[0]!.click();
    await items.updateComplete;
    equal(JSON.stringify(items.value.map((row) => row.nameEn)), JSON.stringify(['Cosmetics', '']), 'first row removed');
    equal(input(items, 0, 'nameEn').value, 'Cosmetics', 'inputs show the remaining rows');
    equal(changes.length, 1, 'change reached the host');
    equal(status(items), translate('ko', 'interests.items.removed', { row: '관심품목 1 (반도체)' }), 'announced');
    equal(document.activeElement, removeButtons(items)[0], 'focus on the row that moved up');

    removeButtons(items)[1]!.click();
    await items.updateComplete;
    equal(items.value.length, 1, 'last row removed');
    equal(document.activeElement, removeButtons(items)[0], 'focus on the row before');

    removeButtons(items)[0]!.click();
    await items.updateComplete;
    equal(items.value.length, 0, 'empty');
    equal(document.activeElement, part(items, 'add-button'), 'focus on "add"');
    assert(part(items, 'empty'), 'says there are none');
  });

  it('stops at the policy\'s maxItems (and at max when set)', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items', { policy: definePolicy({ interests: { maxItems: 2 } }) });
    const add = part<HTMLButtonElement>(items, 'add-button');
    equal(part(items, 'hint').textContent?.trim(), translate('ko', 'interests.items.hint', { max: 2 }), 'the limit is stated');
    add.click();
    await items.updateComplete;
    assert(!add.disabled, 'room for one more');
    add.click();
    await items.updateComplete;
    assert(add.disabled, 'full');
    assert(status(items)?.endsWith(translate('ko', 'interests.items.full', { max: 2 })), 'full announced');
    add.click();
    await items.updateComplete;
    equal(items.value.length, 2, 'no third row');

    items.max = 3;
    await items.updateComplete;
    assert(!add.disabled, 'max overrides the policy');
  });

  it('shows row error codes on their inputs and the list code with its number', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items', {
      value: [
        { nameKo: '반도체', nameEn: '', productCode: '' },
        { nameKo: '', nameEn: '', productCode: '12' },
      ],
      errors: { '1.productCode': 'INTEREST_ITEM_CODE_INVALID' },
      error: 'INTEREST_ITEMS_TOO_MANY',
    });
    const code = input(items, 1, 'productCode');
    equal(code.getAttribute('aria-invalid'), 'true', 'invalid');
    equal(document.getElementById(`${code.id}-error`)?.textContent?.trim(), translate('ko', 'rule.INTEREST_ITEM_CODE_INVALID'), 'message');
    equal(input(items, 0, 'productCode').getAttribute('aria-invalid'), 'false', 'other row fine');
    const listError = [...items.querySelectorAll("[data-part='error']")].at(-1);
    equal(listError?.textContent?.trim(), translate('ko', 'rule.INTEREST_ITEMS_TOO_MANY', { max: 10 }), 'list message with max');
  });

  it('speaks English', async () => {
    const items = await mount<MbInterestItems>('mb-interest-items', { value: [{ nameKo: '', nameEn: 'Tea', productCode: '' }] }, 'en');
    equal(part(items, 'legend').textContent?.trim(), 'Items of interest', 'legend');
    equal(buttonName(removeButtons(items)[0]!), 'Remove Item 1 (Tea)', 'remove name');
    equal(part(items, 'add-button').textContent?.trim(), 'Add item', 'add');
  });
});

describe('mb-interest-regions', () => {
  afterEach(cleanupFixtures);

  const select = (regions: Element) => part<HTMLSelectElement>(regions, 'country');
  const offered = (regions: Element) => [...select(regions).options].filter((option) => option.value);
  async function pickAndAdd(regions: MbInterestRegions, code: string): Promise<void> {
    select(regions).value = code;
    select(regions).dispatchEvent(new Event('change', { bubbles: true }));
    part<HTMLButtonElement>(regions, 'add-button').click();
    await regions.updateComplete;
  }

  it('is accessible: empty, with chips, with a problem', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions');
    await expectAccessible(regions);
    regions.value = ['US', 'VN'];
    regions.errors = { 1: 'INTEREST_REGION_DUPLICATE' };
    await regions.updateComplete;
    await expectAccessible(regions);
    part<HTMLButtonElement>(regions, 'add-button').click();
    await regions.updateComplete;
    await expectAccessible(regions);
  });

  it('ships every ISO 3166-1 alpha-2 code, each with a name', () => {
    equal(isoRegionCodes.length, 249, 'count');
    equal(new Set(isoRegionCodes).size, 249, 'unique');
    for (const code of isoRegionCodes) assert(countryName('en', code) !== code, `${code} has an English name`);
  });

  it('names countries in Korean and sorts them as Korean sorts', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions');
    const names = offered(regions).map((option) => option.textContent!.trim());
    equal(names.length, 249, 'every country offered');
    const collator = new Intl.Collator('ko');
    assert(names.every((name, i) => i === 0 || collator.compare(names[i - 1]!, name) <= 0), 'sorted by the Korean collator');
    equal(names[0], '가나', 'Ghana first');
    const codes = offered(regions).map((option) => option.value);
    assert(codes.indexOf('US') < codes.indexOf('JP'), '미국 before 일본');
  });

  it('names and sorts them in English for lang="en"', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions', {}, 'en');
    const names = offered(regions).map((option) => option.textContent!.trim());
    const collator = new Intl.Collator('en');
    assert(names.every((name, i) => i === 0 || collator.compare(names[i - 1]!, name) <= 0), 'sorted by the English collator');
    equal(names[0], 'Afghanistan', 'Afghanistan first');
    equal(names[1], 'Åland Islands', 'Å sorts with A');
    const codes = offered(regions).map((option) => option.value);
    assert(codes.indexOf('JP') < codes.indexOf('US'), 'Japan before United States');
  });

  it('adds the chosen country as a chip, once: it leaves the list; the host sees one change', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions');
    const changes = listen(regions, 'change');
    await pickAndAdd(regions, 'US');
    equal(JSON.stringify(regions.value), '["US"]', 'value');
    equal(changes.length, 1, 'only "add" is a change for the host (not choosing in the list)');
    equal(part(regions, 'chip-name').textContent?.trim(), '미국', 'chip named in Korean');
    assert(!offered(regions).some((option) => option.value === 'US'), 'no longer offered: no duplicates');
    equal(select(regions).value, '', 'the list is reset');
    equal(status(regions), translate('ko', 'interests.regions.added', { country: '미국' }), 'announced');
    equal(document.activeElement, select(regions), 'focus back on the list');

    part<HTMLButtonElement>(regions, 'add-button').click();
    await regions.updateComplete;
    equal(regions.value.length, 1, '"add" with nothing chosen adds nothing');
    equal(select(regions).getAttribute('aria-invalid'), 'true', 'and says to choose first');
  });

  it('does not offer countries the value already has', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions', { value: ['JP', 'CN'] });
    const codes = offered(regions).map((option) => option.value);
    assert(!codes.includes('JP') && !codes.includes('CN'), 'chosen ones left out');
    equal(codes.length, 247, 'the rest offered');
  });

  it('removes a chip by its named button, announces it and moves focus to the next chip, else back', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions', { value: ['US', 'JP', 'VN'] });
    equal(buttonName(removeButtons(regions)[1]!), '일본 삭제', 'named after the country');
    const changes = listen(regions, 'change');
    removeButtons(regions)[1]!.click();
    await regions.updateComplete;
    equal(JSON.stringify(regions.value), '["US","VN"]', 'removed');
    equal(changes.length, 1, 'change');
    equal(status(regions), translate('ko', 'interests.regions.removed', { country: '일본' }), 'announced');
    equal(document.activeElement, removeButtons(regions)[1], 'focus on the next chip (베트남)');
    assert(offered(regions).some((option) => option.value === 'JP'), 'offered again');
    removeButtons(regions)[1]!.click();
    await regions.updateComplete;
    equal(document.activeElement, removeButtons(regions)[0], 'last chip gone: focus on the one before');
    removeButtons(regions)[0]!.click();
    await regions.updateComplete;
    equal(document.activeElement, select(regions), 'none left: focus on the list');
  });

  it('stops at the policy\'s maxRegions', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions', { policy: definePolicy({ interests: { maxRegions: 2 } }) });
    await pickAndAdd(regions, 'US');
    await pickAndAdd(regions, 'DE');
    assert(part<HTMLButtonElement>(regions, 'add-button').disabled, 'full');
    assert(status(regions)?.endsWith(translate('ko', 'interests.regions.full', { max: 2 })), 'full announced');
    await pickAndAdd(regions, 'FR');
    equal(JSON.stringify(regions.value), '["US","DE"]', 'no third');
  });

  it('carries the codes in a native form submit', async () => {
    const form = document.createElement('form');
    const regions = Object.assign(document.createElement('mb-interest-regions') as MbInterestRegions, { value: ['US', 'JP'] });
    form.append(regions);
    await fixture(form);
    await regions.updateComplete;
    equal(JSON.stringify(new FormData(form).getAll('interestRegions')), '["US","JP"]', 'form data');
  });

  it('fits a 320 px screen in both languages: the list shrinks below its longest country name (WCAG 1.4.10)', async () => {
    // 288 px: a 320 px screen less the page's 16 px margins, as Storybook's canvas and most sites have.
    const narrow = new CSSStyleSheet();
    narrow.replaceSync('.narrow-320 { width: 288px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, narrow];
    try {
      for (const lang of ['en', 'ko']) {
        const box = Object.assign(document.createElement('div'), { className: 'narrow-320' });
        const regions = document.createElement('mb-interest-regions') as MbInterestRegions;
        box.append(regions);
        await fixture(box, { lang });
        await regions.updateComplete;
        const right = box.getBoundingClientRect().right;
        const widest = [regions, ...regions.querySelectorAll<HTMLElement>('*')].find((element) => element.getBoundingClientRect().right > right + 0.5);
        assert(!widest, `${lang}: nothing wider than the screen (${widest?.localName}[${widest?.dataset['part'] ?? ''}] ends at ${widest?.getBoundingClientRect().right} > ${right})`);
        assert(select(regions).getBoundingClientRect().width > 100, `${lang}: the list keeps a usable width`);
      }
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== narrow);
    }
  });

  it('speaks English', async () => {
    const regions = await mount<MbInterestRegions>('mb-interest-regions', { value: ['KR'] }, 'en');
    equal(part(regions, 'chip-name').textContent?.trim(), 'South Korea', 'country in English');
    equal(buttonName(removeButtons(regions)[0]!), 'Remove South Korea', 'remove name');
    equal(part(regions, 'add-button').textContent?.trim(), 'Add region', 'add');
  });
});
