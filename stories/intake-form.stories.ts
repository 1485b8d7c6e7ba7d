import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import type {CptsIntakeForm} from '@cpts-kit/widgets';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, type IntakeMockBehaviour} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface IntakeArgs {
  /** How the mock API answers the submission. */
  intake: IntakeMockBehaviour;
}

function form(args: IntakeArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  return html`<cpts-intake-form lang=${lang} theme=${theme} .client=${createMockClient({lang, intake: args.intake})}></cpts-intake-form>`;
}

function renderForm(args: IntakeArgs, context: StoryContext<IntakeArgs>): TemplateResult {
  return form(args, widgetGlobals(context.globals));
}

/** The form in the story, once it has loaded the territory. */
async function loadedForm(canvasElement: HTMLElement): Promise<CptsIntakeForm & {shadowRoot: ShadowRoot}> {
  const element = canvasElement.querySelector('cpts-intake-form');
  if (!element) throw new Error('no <cpts-intake-form> in the story');
  const deadline = Date.now() + 5_000;
  // the form shows before the territory arrives; the consent box waits, disabled, for its notice
  while (element.shadowRoot?.querySelector<HTMLInputElement>('#consent')?.disabled !== false) {
    if (Date.now() > deadline) throw new Error('the form did not load');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await element.updateComplete;
  return element as CptsIntakeForm & {shadowRoot: ShadowRoot};
}

/** Types into the controls as a person would, one `input` event per field. */
function type(root: ShadowRoot, id: string, value: string): void {
  const input = root.getElementById(id) as HTMLInputElement | null;
  if (!input) throw new Error(`no #${id} in the form`);
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

function tick(root: ShadowRoot, id: string): void {
  (root.getElementById(id) as HTMLInputElement | null)?.click();
}

/** A complete answer for a fictional person; `helper` fills it as a pharmacist would. */
async function fillExample(element: CptsIntakeForm & {shadowRoot: ShadowRoot}, helper = false): Promise<void> {
  const root = element.shadowRoot;
  tick(root, helper ? 'requester-kind-pharmacist' : 'requester-kind-self');
  await element.updateComplete;
  if (helper) {
    type(root, 'requester-name', 'Claire Martin');
    type(root, 'requester-phone', '03 21 98 00 00');
    type(root, 'requester-organisation', 'Pharmacie du Centre');
  }
  type(root, 'last-name', 'Dupont');
  type(root, 'first-names', 'Marie Louise');
  type(root, 'birth-day', '12');
  type(root, 'birth-month', '3');
  type(root, 'birth-year', '1948');
  type(root, 'phone', '06 12 34 56 78');
  type(root, 'commune', 'Wizernes (62570)');
  tick(root, 'reason-gp_retired');
  tick(root, 'priority-homeVisits-yes');
  tick(root, 'consent');
  await element.updateComplete;
}

async function submit(element: CptsIntakeForm & {shadowRoot: ShadowRoot}): Promise<void> {
  element.shadowRoot.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  await element.updateComplete;
}

const meta = {
  title: 'Widgets/cpts-intake-form',
  component: 'cpts-intake-form',
  render: renderForm,
  args: {intake: 'created'},
  argTypes: {
    intake: {
      control: 'select',
      options: ['created', 'network', 'network-once', 'field-errors', 'rate-limited', 'never'],
      description: "Réponse de l'API simulée à l'envoi du formulaire",
    },
  },
  parameters: {
    docs: {
      description: {
        component:
          "Formulaire d'inscription des personnes sans médecin traitant, rempli par la personne ou par un aidant. Envoie `createIntakeRequest(client, body, {idempotencyKey})`. Langue et thème : barre d'outils.",
      },
    },
  },
} satisfies Meta<IntakeArgs>;

export default meta;
type Story = StoryObj<IntakeArgs>;

export const Empty: Story = {};

/** Sent empty: the error summary takes focus and every message sits by its field. */
export const WithErrors: Story = {
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    type(element.shadowRoot, 'birth-day', '31');
    type(element.shadowRoot, 'birth-month', '2');
    type(element.shadowRoot, 'birth-year', '1990');
    type(element.shadowRoot, 'commune', 'Lille');
    await submit(element);
  },
};

/** The server refused a field: its message lands by the field, as the form's own do. */
export const ServerFieldError: Story = {
  args: {intake: 'field-errors'},
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element);
    await submit(element);
  },
};

/** Waiting for the server: the button is disabled and the status says so. */
export const Submitting: Story = {
  args: {intake: 'never'},
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element);
    await submit(element);
  },
};

/** Offline on the first attempt: the answers are kept and « Réessayer » resends them with the same key. */
export const NetworkFailureWithRetry: Story = {
  args: {intake: 'network-once'},
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element);
    await submit(element);
  },
};

export const RateLimited: Story = {
  args: {intake: 'rate-limited'},
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element);
    await submit(element);
  },
};

/** Stored: the reference, what happens next, the phone, and the printable summary. */
export const Submitted: Story = {
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element);
    await submit(element);
  },
};

/** The blank paper version a town hall hands out: every question, boxes to tick, lines to write on. Print it from the canvas. */
export const PaperVersion: Story = {
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('#paper-open')?.click();
  },
};

/** A pharmacist registering a customer: the helper's own name and phone are asked first. */
export const HelperFillingForSomeoneElse: Story = {
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    await fillExample(element, true);
  },
};

/** Inside a provider, as on a CPTS site with several widgets. */
export const InProvider: Story = {
  render: (args, context) => {
    const {lang, theme} = widgetGlobals(context.globals);
    return html`
      <cpts-provider lang=${lang} theme=${theme} .client=${createMockClient({lang, intake: args.intake})}>
        <cpts-intake-form></cpts-intake-form>
      </cpts-provider>
    `;
  },
};
