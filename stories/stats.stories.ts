import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import type {CptsStats} from '@cpts-kit/widgets';
import {until, widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, mockCoordinatorToken} from './mock-client.js';
import type {StatsMockBehaviour} from './mock-stats.js';

/** What a story varies; language and theme come from the toolbar. */
interface StatsArgs {
  /** Signed in with the mock's coordinator token, or on the sign-in form. */
  signedIn: boolean;
  /** What the mock's `GET …/stats` answers. */
  stats: StatsMockBehaviour;
}

function statsTool(args: StatsArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, stats: args.stats});
  return html`<cpts-stats lang=${lang} theme=${theme} .client=${client} .token=${args.signedIn ? mockCoordinatorToken : undefined}></cpts-stats>`;
}

function render(args: StatsArgs, context: StoryContext<StatsArgs>): TemplateResult {
  return statsTool(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-stats',
  component: 'cpts-stats',
  render,
  args: {signedIn: true, stats: 'demo'},
  argTypes: {
    signedIn: {control: 'boolean', description: 'Connecté avec le jeton de démonstration'},
    stats: {control: 'inline-radio', options: ['demo', 'empty'], description: 'Chiffres simulés'},
  },
  parameters: {
    docs: {
      description: {
        component:
          'Les statistiques du coordinateur pour le rapport ACI : période, chiffres clés, graphiques SVG accessibles (inscriptions et solutions par mois, délais, carte des communes) avec leur tableau, CSV de chaque tableau et « CSV publiable » aux petits effectifs protégés. Jeton de la démo : `' +
          mockCoordinatorToken +
          '`. Langue et thème : barre d’outils.',
      },
    },
  },
} satisfies Meta<StatsArgs>;

export default meta;
type Story = StoryObj<StatsArgs>;

/** The last 12 months of the demo territory. */
export const Figures: Story = {};

/** A territory just set up: an empty state, not zeros. */
export const Empty: Story = {args: {stats: 'empty'}};

/** A period ending in the future: the server's French words by the « Au » field. */
export const PeriodRefused: Story = {
  play: async ({canvasElement}) => {
    const element = await until(() => canvasElement.querySelector<CptsStats>('cpts-stats'), '<cpts-stats>');
    const to = await until(() => element.shadowRoot?.querySelector<HTMLInputElement>('#st-to'), 'the period');
    to.value = `${new Date().getUTCFullYear() + 1}-12-31`;
    to.dispatchEvent(new Event('input'));
    element.shadowRoot!.querySelector<HTMLButtonElement>('#st-show')!.click();
  },
};

/** Before sign-in: the token field. */
export const SignIn: Story = {args: {signedIn: false}};

/** English and the civic theme, whatever the toolbar says. */
export const EnglishCivic: Story = {
  render: (args) => statsTool(args, {lang: 'en', theme: 'civic'}),
};
