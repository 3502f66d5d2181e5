import { css } from 'lit';

export const consentListStyles = css`
  @layer membership {
    :where(mb-consent-list) :where([data-part='sibling-sites']) {
      margin-block-end: var(--mb-space-4);
    }
    :where(mb-consent-list) :where([data-part='sibling-sites'] p) {
      margin: 0;
    }
    :where(mb-consent-list) :where([data-part='agree-all']) {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: var(--mb-space-1) var(--mb-space-2);
      padding: var(--mb-space-4);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface-subtle);
      margin-block-end: var(--mb-space-4);
      font-weight: 700;
    }
    :where(mb-consent-list) :where([data-part='agree-all'] [data-part='hint']) {
      grid-column: 2;
      margin: 0;
      font-weight: 400;
    }
    :where(mb-consent-list) :where([data-part='documents']) {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    :where(mb-consent-list) :where([data-part='document']) {
      padding-block: var(--mb-space-4);
      border-block-end: 1px solid var(--mb-color-border);
    }
    :where(mb-consent-list) :where([data-part='document-title']) {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--mb-space-2);
      margin-block-end: var(--mb-space-2);
      font-size: var(--mb-font-size);
    }
    :where(mb-consent-list) :where([data-part='badge']) {
      font-weight: 700;
      color: var(--mb-color-text-subtle);
    }
    :where(mb-consent-list) :where([data-part='badge'][data-kind='required']) {
      color: var(--mb-color-primary);
    }
    :where(mb-consent-list) :where([data-part='badge'][data-kind='marketing']) {
      padding: 0 var(--mb-space-2);
      border: 1px solid var(--mb-color-danger);
      border-radius: var(--mb-radius-small);
      color: var(--mb-color-danger);
      font-size: var(--mb-font-size-small);
    }
    :where(mb-consent-list) :where([data-part='terms-body']) {
      max-height: 10rem;
      overflow-y: auto;
      padding: var(--mb-space-3);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius-small);
      background: var(--mb-color-surface-subtle);
      font-size: var(--mb-font-size-small);
    }
    :where(mb-consent-list) :where([data-part='terms-body'] p) {
      margin: 0 0 var(--mb-space-2);
      white-space: pre-line;
      /* A paragraph scrolled out of the box is laid out only when it comes near the screen: the terms'
         full text (all of it in the page, for the law and for find-in-page) costs the step's first
         drawing only what shows. The remembered size keeps the scrollbar steady. */
      content-visibility: auto;
      contain-intrinsic-size: auto 4.5em;
    }
    :where(mb-consent-list) :where([data-part='summary']) {
      width: 100%;
      margin-block-start: var(--mb-space-3);
      border-collapse: collapse;
      font-size: var(--mb-font-size-small);
    }
    :where(mb-consent-list) :where([data-part='summary'] caption) {
      text-align: start;
      font-weight: 600;
      padding-block-end: var(--mb-space-1);
    }
    :where(mb-consent-list) :where([data-part='summary'] :is(th, td)) {
      padding: var(--mb-space-2);
      border: 1px solid var(--mb-color-border);
      text-align: start;
      vertical-align: top;
    }
    :where(mb-consent-list) :where([data-part='summary'] th) {
      width: 30%;
      background: var(--mb-color-surface-subtle);
    }
    :where(mb-consent-list) :where([data-part='choice']) {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--mb-space-2) var(--mb-space-6);
      margin: var(--mb-space-3) 0 0;
      padding: 0;
      border: 0;
    }
    :where(mb-consent-list) :where([data-part='option'], div[data-part='choice']) {
      display: inline-flex;
      align-items: center;
      gap: var(--mb-space-2);
    }
    :where(mb-consent-list) :where([data-part='error']) {
      margin: var(--mb-space-2) 0 0;
    }
  }
`;
