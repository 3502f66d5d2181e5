import { css } from 'lit';

// Comments here, not in the CSS (it ships as written). The country select is as wide as its longest country
// name (≈ 370 px in English): neither the field's grid column nor the regions' flex row (`control`) may take
// that as their minimum (`min-width: 0`), or the row overflows at 320 px.
export const interestRowsStyles = css`
  @layer membership {
    :where(mb-interest-items, mb-interest-regions) :where([data-part='items'], [data-part='regions'], [data-part='row-group']) {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    :where(mb-interest-items, mb-interest-regions) :where([data-part='legend']) {
      padding: 0;
      margin-block-end: var(--mb-space-2);
      font-weight: 600;
    }
    :where(mb-interest-items, mb-interest-regions) :where([data-part='items'] > [data-part='hint'], [data-part='regions'] > [data-part='hint'], [data-part='empty']) {
      margin: 0 0 var(--mb-space-3);
    }
    :where(mb-interest-items) :where([data-part='rows']) {
      display: grid;
      gap: var(--mb-space-3);
      margin: 0 0 var(--mb-space-3);
      padding: 0;
      list-style: none;
    }
    :where(mb-interest-items) :where([data-part='row-group']) {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(calc(var(--mb-space-8) * 5), 1fr));
      gap: 0 var(--mb-space-3);
      align-items: start;
      padding: var(--mb-space-3) var(--mb-space-4);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
    }
    :where(mb-interest-items) :where([data-part='row-legend']) {
      padding: 0 var(--mb-space-1);
      font-weight: 600;
    }
    :where(mb-interest-items) :where([data-part~='remove-button']) {
      justify-self: start;
      margin-block-end: var(--mb-space-4);
    }
    :where(mb-interest-regions) :where([data-part='control']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
      min-width: 0;
    }
    :where(mb-interest-regions) :where([data-part='control'] > select) {
      flex: 1 1 calc(var(--mb-space-8) * 6);
      width: auto;
      min-width: 0;
      max-width: 100%;
    }
    :where(mb-interest-regions) :where([data-part='chips']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
      margin: 0 0 var(--mb-space-3);
      padding: 0;
      list-style: none;
    }
    :where(mb-interest-regions) :where([data-part='chip']) {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--mb-space-2);
      padding: var(--mb-space-1) var(--mb-space-1) var(--mb-space-1) var(--mb-space-3);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface-subtle);
    }
    :where(mb-interest-regions) :where([data-part='chip'][data-invalid]) {
      border-color: var(--mb-color-danger);
      background: var(--mb-color-surface);
    }
    :where(mb-interest-regions) :where([data-part='chip-error']) {
      color: var(--mb-color-danger);
      font-size: var(--mb-font-size-small);
    }
    :where(mb-interest-regions) :where([data-part='chip'] [data-part~='remove-button']) {
      min-height: calc(var(--mb-control-height) - var(--mb-space-3));
      padding: 0 var(--mb-space-3);
    }
    :where(mb-interest-items, mb-interest-regions) :where([data-part='status']) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
