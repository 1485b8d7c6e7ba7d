import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, demoPractitioners} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface MapArgs {
  view: 'map' | 'list';
  /** `demo`: the demo practitioners; `none`: nobody public yet. */
  data: 'demo' | 'none';
  /** Filters applied after the first render, as a visitor would choose them: `everyone` unchecks « only those taking new patients ». */
  everyone: boolean;
  homeVisits: boolean;
}

function mapOf(args: MapArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, practitioners: args.data === 'none' ? [] : demoPractitioners});
  return html`<cpts-availability-map lang=${lang} theme=${theme} view=${args.view} .client=${client}
    @cpts-select=${(e: CustomEvent) => console.info('cpts-select', e.detail)}></cpts-availability-map>`;
}

/** Applies the story's filters through the widget's own controls, once it has rendered them. */
function applyFilters(root: ParentNode, args: MapArgs): void {
  const map = root.querySelector('cpts-availability-map');
  if (!map || (!args.everyone && !args.homeVisits)) return;
  const tryApply = () => {
    const shadow = map.shadowRoot;
    const acceptsNew = shadow?.querySelector<HTMLInputElement>('#f-accepts-new');
    const home = shadow?.querySelector<HTMLInputElement>('#f-home');
    if (!acceptsNew || !home) return void setTimeout(tryApply, 50);
    if (args.everyone && acceptsNew.checked) acceptsNew.click();
    if (args.homeVisits && !home.checked) home.click();
  };
  tryApply();
}

function renderMap(args: MapArgs, context: StoryContext<MapArgs>): TemplateResult {
  return mapOf(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-availability-map',
  component: 'cpts-availability-map',
  render: renderMap,
  args: {view: 'map', data: 'demo', everyone: false, homeVisits: false},
  argTypes: {
    view: {control: 'inline-radio', options: ['map', 'list'], description: 'Carte et liste, ou liste seule (attribut view)'},
    data: {control: 'inline-radio', options: ['demo', 'none'], description: 'Praticiens publics renvoyés par l’API simulée'},
    everyone: {control: 'boolean', description: 'Décoche « Seulement ceux qui acceptent de nouveaux patients » au chargement : tous les professionnels publics'},
    homeVisits: {control: 'boolean', description: 'Filtre « Se déplace à domicile » appliqué au chargement'},
  },
  decorators: [
    (story, context) => {
      const result = story();
      // the filters are the widget's own controls: set them as a visitor would, after it renders
      setTimeout(() => applyFilters(document, context.args), 0);
      return result;
    },
  ],
  parameters: {
    docs: {
      description: {
        component:
          'Carte publique des professionnels qui acceptent de nouveaux patients (seuls ceux qui l’ont choisi ; une case les montre tous), avec une légende, et une liste qui reprend toujours ce que montre la carte. Sans `tiles`, fond uni avec les centres et noms des communes. Leaflet et supercluster ne sont téléchargés que si la carte s’affiche.',
      },
    },
  },
} satisfies Meta<MapArgs>;

export default meta;
type Story = StoryObj<MapArgs>;

/** The demo practitioners around the communes of the Pays de Saint-Omer, with no tiles. */
export const DemoPoints: Story = {};

/** Nobody has chosen to be public yet. */
export const Empty: Story = {args: {data: 'none'}};

/** Only those who accept new patients and do home visits. */
export const Filtered: Story = {args: {homeVisits: true}};

/** Everyone public, whether they take new patients or not: the legend shows every kind of pin. */
export const Everyone: Story = {args: {everyone: true}};

/** The list alone: the map's code is not downloaded. */
export const ListView: Story = {args: {view: 'list'}};

const combinations: WidgetGlobals[] = [
  {lang: 'fr', theme: 'default'},
  {lang: 'fr', theme: 'civic'},
  {lang: 'en', theme: 'default'},
  {lang: 'en', theme: 'civic'},
];

/** Every language × theme, in list view, for reviewing a change at a glance. */
export const AllLanguagesAndThemes: Story = {
  args: {view: 'list'},
  parameters: {layout: 'fullscreen'},
  render: (args) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; padding: 1rem">
      ${combinations.map(
        (globals) => html`
          <section lang=${globals.lang} aria-label=${`${globals.lang} · ${globals.theme}`}>
            <p style="font: 600 0.8rem/1.2 system-ui; margin: 0 0 0.5rem; color: #555">${globals.lang} · ${globals.theme}</p>
            ${mapOf(args, globals)}
          </section>
        `,
      )}
    </div>
  `,
};
