// Acting on elements as a person would: find a control by its label, type into it (value, then a
// bubbling input and change event), pick an option, click. Shared by browser tests and stories.

export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Not found: ${selector}`);
  return found;
}

/** Types `value` into an input as a user would: the value, then a bubbling input event and a change. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function typeIn(root: ParentNode, selector: string, value: string): void {
  typeInto($<HTMLInputElement>(root, selector), value);
}

/** Picks an option of a `<select>` (with its input and change events). */
export function choose(root: ParentNode, selector: string, value: string): void {
  selectOption($<HTMLSelectElement>(root, selector), value);
}

function selectOption(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export function click(root: ParentNode, selector: string): void {
  $<HTMLElement>(root, selector).click();
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a screen reader reads as the control's name: aria-labelledby, aria-label, else its <label>s. */
export function labelOf(control: Element): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) return squash(labelledBy.split(/\s+/).map((id) => control.ownerDocument.getElementById(id)?.textContent).join(' '));
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel) return squash(ariaLabel);
  const labels = (control as Control).labels;
  if (labels?.length) return squash([...labels].map((label) => label.textContent).join(' '));
  return control instanceof HTMLButtonElement ? squash(control.textContent) : '';
}

/**
 * The control whose label is `label` (exactly, or the only one whose label contains it; a RegExp
 * tests the label). Fails with the labels it saw, so a renamed label is easy to spot.
 */
export function byLabel<T extends Control = HTMLInputElement>(root: ParentNode, label: string | RegExp): T {
  const controls = [...root.querySelectorAll<T>('input, select, textarea, button')];
  const named = controls.map((control) => ({ control, name: labelOf(control) }));
  const matches = typeof label === 'string'
    ? (named.filter((n) => n.name === label).length ? named.filter((n) => n.name === label) : named.filter((n) => n.name.includes(label)))
    : named.filter((n) => label.test(n.name));
  if (matches.length === 1) return matches[0]!.control;
  const seen = named.map((n) => n.name).filter(Boolean).join(' | ');
  throw new Error(`${matches.length === 0 ? 'No' : 'More than one'} control labelled ${String(label)} (labels: ${seen})`);
}

/** Fills the control labelled `label`: types into an input or text area, picks a select's option. */
export function fillByLabel(root: ParentNode, label: string | RegExp, value: string): void {
  const control = byLabel<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(root, label);
  if (control instanceof HTMLSelectElement) selectOption(control, value);
  else typeInto(control, value);
}
