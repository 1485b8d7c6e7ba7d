import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, mockReference, type MockFailure, type RequestStatusMockBehaviour} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface StatusArgs {
  /** How the lookup is answered once the form is sent. */
  answer: RequestStatusMockBehaviour;
  failure: MockFailure | 'none';
}

type StatusElement = HTMLElement & {updateComplete: Promise<unknown>; shadowRoot: ShadowRoot};

/** The element once its form is on screen (the territory loaded). */
async function loadedForm(canvas: HTMLElement): Promise<StatusElement> {
  const element = canvas.querySelector('cpts-request-status') as StatusElement;
  for (let i = 0; i < 100 && !element.shadowRoot?.querySelector('form'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return element;
}

function type(root: ShadowRoot, id: string, value: string): void {
  const input = root.getElementById(id) as HTMLInputElement | null;
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

/** Types the demo reference and a birth date, and sends: the story opens on the answer. */
async function lookUp({canvasElement}: {canvasElement: HTMLElement}): Promise<void> {
  const element = await loadedForm(canvasElement);
  type(element.shadowRoot, 'reference', mockReference);
  type(element.shadowRoot, 'birth-day', '4');
  type(element.shadowRoot, 'birth-month', '7');
  type(element.shadowRoot, 'birth-year', '1951');
  await element.updateComplete;
  element.shadowRoot.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  await element.updateComplete;
}

function status(args: StatusArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, requestStatus: args.answer, ...(args.failure === 'none' ? {} : {failure: args.failure})});
  return html`<cpts-request-status lang=${lang} theme=${theme} .client=${client}></cpts-request-status>`;
}

function renderStatus(args: StatusArgs, context: StoryContext<StatusArgs>): TemplateResult {
  return status(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-request-status',
  component: 'cpts-request-status',
  render: renderStatus,
  args: {answer: 'received', failure: 'none'},
  argTypes: {
    answer: {
      control: 'select',
      options: ['received', 'in_progress', 'oriented', 'resolved', 'closed', 'not-found', 'rate-limited'],
      description: 'Réponse de l’API simulée à la recherche',
    },
    failure: {control: 'inline-radio', options: ['none', 'server', 'network'], description: "Panne simulée de l'API"},
  },
  parameters: {
    docs: {
      description: {
        component:
          'Une personne inscrite tape la référence de son récépissé et sa date de naissance, et lit où en est sa demande (`lookupRequestStatus(client, …)`). Langue et thème : barre d’outils.',
      },
    },
  },
} satisfies Meta<StatusArgs>;

export default meta;
type Story = StoryObj<StatusArgs>;

export const Empty: Story = {};
export const Received: Story = {args: {answer: 'received'}, play: lookUp};
export const InProgress: Story = {args: {answer: 'in_progress'}, play: lookUp};
export const Oriented: Story = {args: {answer: 'oriented'}, play: lookUp};
export const Resolved: Story = {args: {answer: 'resolved'}, play: lookUp};
/** Closed because the CPTS could not reach the person: the answer says to call. */
export const Closed: Story = {args: {answer: 'closed'}, play: lookUp};
/** A wrong pair: the one answer the server gives, whatever is wrong. */
export const NotFound: Story = {args: {answer: 'not-found'}, play: lookUp};
export const TooManyTries: Story = {args: {answer: 'rate-limited'}, play: lookUp};
/** Sent with a malformed reference and an impossible date: the summary takes focus, each message sits by its field. */
export const WithErrors: Story = {
  play: async ({canvasElement}) => {
    const element = await loadedForm(canvasElement);
    type(element.shadowRoot, 'reference', 'DEMO-26');
    type(element.shadowRoot, 'birth-day', '31');
    type(element.shadowRoot, 'birth-month', '2');
    type(element.shadowRoot, 'birth-year', '1951');
    await element.updateComplete;
    element.shadowRoot.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  },
};
export const Offline: Story = {args: {failure: 'network'}};
export const English: Story = {args: {answer: 'oriented'}, globals: {lang: 'en'}, play: lookUp};
