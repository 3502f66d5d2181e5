import { css } from 'lit';

export const addressFieldStyles = css`
  @layer membership {
    :where(mb-address-field) :where([data-part='address']) {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    :where(mb-address-field) :where([data-part='legend']) {
      padding: 0;
      margin-block-end: var(--mb-space-2);
      font-weight: 600;
    }
    :where(mb-address-field) :where([data-part='address'] > [data-part='hint'], [data-part='notice']) {
      margin: 0 0 var(--mb-space-3);
    }
    :where(mb-address-field) :where([data-part='control'], [data-part='query-row'], [data-part='query-actions']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
    }
    :where(mb-address-field) :where([data-part='control'] > input, [data-part='query-row'] > input) {
      flex: 1 1 calc(var(--mb-space-8) * 5);
      width: auto;
    }
    :where(mb-address-field) :where([data-part='control'] > button, [data-part='query-row'] > button) {
      flex: none;
    }
    :where(mb-address-field) :where([data-part~='search-button'][aria-disabled='true']) {
      opacity: 0.55;
      cursor: progress;
    }
    :where(mb-address-field) :where([data-part='embed']:not(:empty)) {
      height: calc(var(--mb-space-8) * 14);
      margin-block-end: var(--mb-space-4);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
      overflow: hidden;
    }
    :where(mb-address-field) :where([data-part='query-panel']) {
      padding: var(--mb-space-4);
      margin-block-end: var(--mb-space-4);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
    }
    :where(mb-address-field) :where([data-part='query-summary']) {
      margin: 0 0 var(--mb-space-2);
      color: var(--mb-color-text-subtle);
      font-size: var(--mb-font-size-small);
    }
    :where(mb-address-field) :where([data-part='results']) {
      margin: 0 0 var(--mb-space-3);
      padding: 0;
      list-style: none;
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius-small);
    }
    :where(mb-address-field) :where([data-part='result']) {
      display: grid;
      gap: var(--mb-space-1);
      padding: var(--mb-space-2) var(--mb-space-3);
      border-inline-start: 4px solid transparent;
      cursor: pointer;
    }
    :where(mb-address-field) :where([data-part='result'] + [data-part='result']) {
      border-block-start: 1px solid var(--mb-color-border);
    }
    :where(mb-address-field) :where([data-part='result'][aria-selected='true'], [data-part='result']:hover) {
      background: var(--mb-color-surface-subtle);
      border-inline-start-color: var(--mb-color-primary);
    }
    :where(mb-address-field) :where([data-part='result-jibun'], [data-part='result-postcode']) {
      color: var(--mb-color-text-subtle);
      font-size: var(--mb-font-size-small);
    }
    :where(mb-address-field) :where([data-part='status']) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
