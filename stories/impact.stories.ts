import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient} from './mock-client.js';
import type {ImpactMockBehaviour} from './mock-stats.js';

interface ImpactArgs {
  /** What the mock's public `GET …/impact` answers. */
  impact: ImpactMockBehaviour;
}

function impact(args: ImpactArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, impact: args.impact});
  return html`<p>Texte de la page avant le widget.</p>
    <cpts-impact lang=${lang} theme=${theme} .client=${client}></cpts-impact>
    <p>Texte de la page après le widget.</p>`;
}

function render(args: ImpactArgs, context: StoryContext<ImpactArgs>): TemplateResult {
  return impact(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-impact',
  component: 'cpts-impact',
  render,
  args: {impact: 'demo'},
  argTypes: {impact: {control: 'inline-radio', options: ['demo', 'small', 'empty', 'off'], description: 'Réponse simulée de `GET …/impact`'}},
  parameters: {
    docs: {
      description: {
        component:
          'Une phrase pour le site public de la CPTS : combien se sont inscrits, combien ont trouvé un médecin traitant. Les effectifs de 1 à 10 se lisent « moins de 11 » ; un territoire qui ne publie pas son impact : le widget ne montre rien.',
      },
    },
  },
} satisfies Meta<ImpactArgs>;

export default meta;
type Story = StoryObj<ImpactArgs>;

export const Summary: Story = {};

/** Small counts: « moins de 11 », and a count that would give one away left out. */
export const SmallCounts: Story = {args: {impact: 'small'}};

/** Switched on, nobody registered yet: no figure. */
export const Empty: Story = {args: {impact: 'empty'}};

/** The territory does not publish its impact: nothing shows between the page's two paragraphs. */
export const Off: Story = {args: {impact: 'off'}};

export const English: Story = {render: (args) => impact(args, {lang: 'en', theme: 'default'})};
