import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, type AvailabilityMockBehaviour} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface DeclareArgs {
  availability: AvailabilityMockBehaviour;
  /** Sends the form once rendered, to show it saving or saved. */
  send: 'none' | 'declare' | 'nothing-changed';
}

function declare(args: DeclareArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, availability: args.availability});
  // the token a personal link carries; the mock accepts any
  return html`<cpts-cartodispo lang=${lang} theme=${theme} .client=${client} .token=${'story-token'}></cpts-cartodispo>`;
}

/** Presses the story's button through the widget's own controls, once it has rendered them. */
function press(args: DeclareArgs): void {
  if (args.send === 'none') return;
  const part = args.send === 'declare' ? 'submit' : 'nothing-changed';
  const tryPress = (attempt = 0) => {
    const button = document.querySelector('cpts-cartodispo')?.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${part}"]`);
    if (button) button.click();
    else if (attempt < 100) setTimeout(() => tryPress(attempt + 1), 50);
  };
  tryPress();
}

function renderDeclare(args: DeclareArgs, context: StoryContext<DeclareArgs>): TemplateResult {
  return declare(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-cartodispo',
  component: 'cpts-cartodispo',
  render: renderDeclare,
  args: {availability: 'existing', send: 'none'},
  argTypes: {
    availability: {control: 'select', options: ['first-time', 'existing', 'stale', 'revoked', 'saving'], description: 'Réponse de l’API simulée à GET/PUT …/availability'},
    send: {control: 'inline-radio', options: ['none', 'declare', 'nothing-changed'], description: 'Bouton pressé une fois le formulaire affiché'},
  },
  decorators: [
    (story, context) => {
      const result = story();
      setTimeout(() => press(context.args), 0);
      return result;
    },
  ],
  parameters: {
    viewport: {defaultViewport: 'mobile1'},
    docs: {
      description: {
        component:
          'La page qu’ouvre le lien personnel d’un professionnel : accepte-t-il de nouveaux patients, lesquels, combien, ses créneaux SNP, ses visites à domicile, et qui peut voir ces informations. Le jeton vient du fragment de l’URL (`#token=…`) ou de la propriété `token`.',
      },
    },
  },
} satisfies Meta<DeclareArgs>;

export default meta;
type Story = StoryObj<DeclareArgs>;

/** A first declaration: nothing declared yet. */
export const FirstTime: Story = {args: {availability: 'first-time'}};

/** A declaration 12 days old, with « Rien n’a changé ». */
export const Existing: Story = {};

/** A declaration 45 days old: marked « À actualiser ». */
export const Stale: Story = {args: {availability: 'stale'}};

/** Sent, waiting for the server. */
export const Saving: Story = {args: {availability: 'saving', send: 'nothing-changed'}};

/** Confirmed with « Rien n’a changé ». */
export const Saved: Story = {args: {send: 'nothing-changed'}};

/** The link was revoked or expired. */
export const RevokedLink: Story = {args: {availability: 'revoked'}};

const combinations: WidgetGlobals[] = [
  {lang: 'fr', theme: 'default'},
  {lang: 'fr', theme: 'civic'},
  {lang: 'en', theme: 'default'},
  {lang: 'en', theme: 'civic'},
];

/** Every language × theme side by side. */
export const AllLanguagesAndThemes: Story = {
  parameters: {layout: 'fullscreen'},
  render: (args) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; padding: 1rem">
      ${combinations.map(
        (globals) => html`
          <section lang=${globals.lang} aria-label=${`${globals.lang} · ${globals.theme}`}>
            <p style="font: 600 0.8rem/1.2 system-ui; margin: 0 0 0.5rem; color: #555">${globals.lang} · ${globals.theme}</p>
            ${declare(args, globals)}
          </section>
        `,
      )}
    </div>
  `,
};
