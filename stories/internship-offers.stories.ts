import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {internshipOfferExample, type InternshipOffer, type InternshipOfferCreate} from '@cpts-kit/contract';
import type {CptsInternshipOffers, CptsOfferEditor} from '@cpts-kit/widgets';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, demoTerritory} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface OffersArgs {
  /** `list`: six demo offers; `empty`: none published; `loading`: the API never answers. */
  data: 'list' | 'empty' | 'loading';
}

const example = internshipOfferExample as InternshipOfferCreate;

function demoOffer(n: number, fields: Partial<InternshipOfferCreate>): InternshipOffer {
  const at = new Date(Date.UTC(2026, 9, 20 - n)).toISOString();
  return {...example, ...fields, id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, status: 'published', createdAt: at, updatedAt: at, publishedAt: at};
}

/** Fictional offers in the demo territory's communes, for medicine and other professions. */
export const demoOffers: InternshipOffer[] = [
  demoOffer(1, {}),
  demoOffer(2, {
    title: 'SASPAS en cabinet de groupe',
    kind: 'saspas',
    communeInsee: '62040',
    practiceType: 'cabinet',
    practiceName: 'Cabinet médical des Tilleuls',
    periods: ['2027-11'],
    places: 1,
    housing: [],
    financialAid: [],
    supervisors: ['Dr Paul Girard'],
    transport: {carNeeded: true, stationDistanceKm: 1.5, vehicleProvided: false, travelCostsPaid: false, details: null},
  }),
  demoOffer(3, {
    title: 'Stage en officine rurale',
    kind: 'pharmacie',
    discipline: 'Pharmacie',
    communeInsee: '62902',
    practiceType: 'cabinet',
    practiceName: 'Pharmacie de la Vallée',
    periods: ['2027-05'],
    places: 1,
    supervisors: ['Mme Sophie Roux'],
    housing: [{kind: 'logement_communal', monthlyCostEur: 150, distanceKm: 0.5, details: null}],
    financialAid: [{amountEur: 500, from: 'Commune de Wizernes', conditions: 'Versée en début de stage'}],
  }),
  demoOffer(4, {
    title: 'Kinésithérapie en MSP',
    kind: 'kinesitherapie',
    discipline: 'Masso-kinésithérapie',
    communeInsee: '62525',
    practiceName: 'MSP de Longuenesse',
    periods: ['2027-05', '2027-11'],
    places: 3,
    housing: [],
    supervisors: ['M. Hugo Blanc', 'Mme Inès Faure'],
  }),
  demoOffer(5, {
    title: 'Stage de maïeutique en centre de santé',
    kind: 'maieutique',
    discipline: 'Maïeutique',
    communeInsee: '62139',
    practiceType: 'centre_de_sante',
    practiceName: 'Centre de santé de Blendecques',
    periods: ['2028-05'],
    places: 2,
    supervisors: ['Mme Léa Morel'],
    financialAid: [],
  }),
  demoOffer(6, {
    title: 'Soins infirmiers à domicile',
    kind: 'soins_infirmiers',
    discipline: 'Soins infirmiers',
    communeInsee: '62309',
    practiceType: 'cabinet',
    practiceName: 'Cabinet infirmier d’Esquerdes',
    periods: ['2027-11'],
    places: 2,
    supervisors: ['M. Karim Benali'],
    housing: [{kind: 'aide_au_logement', monthlyCostEur: null, distanceKm: null, details: 'Aide de 200 € par mois versée par la CPTS.'}],
  }),
];

function list(args: OffersArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, ...(args.data === 'loading' ? {delayMs: Infinity} : {})});
  const offers = args.data === 'list' ? demoOffers : args.data === 'empty' ? [] : undefined;
  return html`<cpts-internship-offers lang=${lang} theme=${theme} no-hash .client=${client} .offers=${offers}></cpts-internship-offers>`;
}

function renderList(args: OffersArgs, context: StoryContext<OffersArgs>): TemplateResult {
  return list(args, widgetGlobals(context.globals));
}

async function loaded(canvasElement: HTMLElement): Promise<CptsInternshipOffers & {shadowRoot: ShadowRoot}> {
  const element = canvasElement.querySelector('cpts-internship-offers');
  if (!element) throw new Error('no <cpts-internship-offers> in the story');
  const deadline = Date.now() + 5_000;
  while (!element.shadowRoot?.querySelector('[part="card"]')) {
    if (Date.now() > deadline) throw new Error('the offers did not show');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await element.updateComplete;
  return element as CptsInternshipOffers & {shadowRoot: ShadowRoot};
}

const meta = {
  title: 'Widgets/cpts-internship-offers',
  component: 'cpts-internship-offers',
  render: renderList,
  args: {data: 'list'},
  argTypes: {data: {control: 'select', options: ['list', 'empty', 'loading'], description: 'Données de la liste'}},
  parameters: {
    docs: {
      description: {
        component:
          'Offres de stage du territoire : cartes, filtres, recherche sans accents, tri, fiche détaillée (`#offre-<id>`) et formulaire « Ce stage m’intéresse ». Langue et thème : barre d’outils.',
      },
    },
  },
} satisfies Meta<OffersArgs>;

export default meta;
type Story = StoryObj<OffersArgs>;

export const List: Story = {};

/** Nothing published yet: the count says 0 and the list says so. */
export const Empty: Story = {args: {data: 'empty'}};

/** The API has not answered yet. */
export const Loading: Story = {args: {data: 'loading'}};

/** A search that matches nothing: the empty state offers to clear the filters. */
export const NoMatch: Story = {
  play: async ({canvasElement}) => {
    const element = await loaded(canvasElement);
    const input = element.shadowRoot.querySelector<HTMLInputElement>('#offers-q')!;
    input.value = 'radiologie';
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  },
};

/** The first offer's detail, in its dialog. */
export const Detail: Story = {
  play: async ({canvasElement}) => {
    const element = await loaded(canvasElement);
    element.open(demoOffers[0]!.id);
  },
};

/** The interest form sent empty: the summary takes focus, each message sits by its field. */
export const InterestFormWithErrors: Story = {
  play: async ({canvasElement}) => {
    const element = await loaded(canvasElement);
    element.open(demoOffers[0]!.id);
    await element.updateComplete;
    const form = element.shadowRoot.querySelector('cpts-offer-interest');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  },
};

/** A coordinator's editor for a new offer, saved empty. */
export const Editor: Story = {
  render: (_args, context) => {
    const {lang, theme} = widgetGlobals(context.globals);
    return html`<cpts-offer-editor lang=${lang} theme=${theme} .client=${createMockClient({lang})} .communes=${demoTerritory.communes}></cpts-offer-editor>`;
  },
  play: async ({canvasElement}) => {
    const editor = canvasElement.querySelector<CptsOfferEditor>('cpts-offer-editor');
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  },
};

/** An existing offer in the editor. */
export const EditorWithOffer: Story = {
  render: (_args, context) => {
    const {lang, theme} = widgetGlobals(context.globals);
    return html`<cpts-offer-editor lang=${lang} theme=${theme} .client=${createMockClient({lang})} .communes=${demoTerritory.communes} .offer=${demoOffers[2]}></cpts-offer-editor>`;
  },
};
