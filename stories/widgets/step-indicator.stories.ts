import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { flowSteps, type FlowStep } from '../../src/flows/signup/steps.ts';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { StepIndicator } from '../../src/elements/shared/step-indicator.ts';
import { text } from '../support/locale.ts';

defineElement('mb-step-indicator', StepIndicator);

interface StepIndicatorArgs {
  /** Id of the current step. */
  current: FlowStep | '';
  /** Corporate members have the company step. */
  corporate: boolean;
}

/**
 * `<mb-step-indicator>`, the KRDS step indicator of the signup: an ordered list, the current step
 * marked `aria-current="step"`, finished steps announced as done. Labels are the wizard's own, in the
 * toolbar's language.
 */
const meta = {
  title: 'Membership/Widgets/Step indicator',
  component: 'mb-step-indicator',
  tags: ['autodocs'],
  render: ({ current, corporate }, { globals }) => {
    const steps = flowSteps.filter((step) => corporate || step !== 'company').map((id) => ({ id, label: text(globals, `signup.step.${id}`) }));
    return html`<mb-step-indicator .steps=${steps} current=${current}></mb-step-indicator>`;
  },
  argTypes: {
    current: { control: 'select', options: ['', ...flowSteps] },
    corporate: { control: 'boolean' },
  },
  args: { current: 'type', corporate: false },
} satisfies Meta<StepIndicatorArgs>;

export default meta;
type Story = StoryObj<StepIndicatorArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const FirstStep: Story = {
  name: 'First step',
  parameters: describe('Step 1 of 6: one current marker, all others upcoming.'),
};

export const MiddleStep: Story = {
  name: 'Middle step',
  args: { current: 'details' },
  parameters: describe('Step 4 of 6: three finished markers (announced "완료" / "done"), the current one, two upcoming.'),
};

export const Corporate: Story = {
  name: 'Corporate (7 steps)',
  args: { current: 'company', corporate: true },
  parameters: describe('The longest list: corporate members have the company step. The widest layout to design for.'),
};

export const LastStep: Story = {
  name: 'Last step',
  args: { current: 'done' },
  parameters: describe('Done: every earlier step finished.'),
};

export const InEnglish: Story = {
  name: 'Corporate (English)',
  args: { current: 'company', corporate: true },
  globals: { locale: 'en' },
  parameters: describe('The English labels are longer: how the seven steps wrap.'),
};
