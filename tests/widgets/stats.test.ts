import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import {classLimits, classOf, niceTicks, presetPeriod, projectPoints, type CptsStats} from '../../packages/widgets/src/index.js';
import {createMockFetch, mockCoordinatorToken, type MockOptions} from '../../stories/mock-client.js';
import {until} from './fake-server.js';

function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element focused, through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function tabTo(matches: (el: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const active = deepActive();
    if (active && matches(active)) return;
    await sendKeys({press: 'Tab'});
  }
  throw new Error(`Tab never reached ${what}`);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function statsTool(options: MockOptions & {lang?: string} = {}): Promise<{el: CptsStats; sent: URL[]}> {
  const sent: URL[] = [];
  const mock = createMockFetch(options);
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push(new URL(request.url));
    return mock(request);
  };
  const client = createClient({baseUrl: 'https://api.cpts-kit.invalid', territory: 'demo', lang: options.lang === 'en' ? 'en' : 'fr', fetch, retry: 0});
  const el = await fixture<CptsStats>(html`<cpts-stats .client=${client} .token=${mockCoordinatorToken} lang=${options.lang ?? 'fr'}></cpts-stats>`);
  await until(() => $(el, '[part="figures"]') !== null || $(el, '[part="empty"]') !== null, 'the figures');
  return {el, sent};
}

/** Runs `action` and returns what it downloaded: file names and contents (BOM kept). */
async function downloads(action: () => void | Promise<void>, count = 1): Promise<{names: string[]; texts: string[]}> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const {createObjectURL} = URL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  try {
    await action();
    await until(() => blobs.length >= count, 'the download');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  const texts = await Promise.all(blobs.map(async (b) => new TextDecoder('utf-8', {ignoreBOM: true}).decode(await b.arrayBuffer())));
  return {names, texts};
}

function figure(el: Element, label: string): string {
  const card = $$(el, '.figure').find((c) => text(c.querySelector('dt')) === label);
  if (!card) throw new Error(`no figure « ${label} »`);
  return text(card.querySelector('.value'));
}

describe('<cpts-stats>', () => {
  it('asks for the last 12 months and shows the key figures', async () => {
    const {el, sent} = await statsTool();
    const asked = sent.find((u) => u.pathname.endsWith('/stats'))!;
    const today = new Date();
    expect(asked.searchParams.get('to')).to.equal(isoDay(today));
    expect(asked.searchParams.get('from')).to.equal(isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1))));
    expect($(el, '#st-preset-last12Months')!.getAttribute('aria-pressed')).to.equal('true');
    // the mock's 12 months hold 28 + (i * 7 % 13) registrations each
    const registered = Array.from({length: 12}, (_, i) => 28 + ((i * 7) % 13)).reduce((a, b) => a + b, 0);
    expect(figure(el, 'Personnes inscrites')).to.equal(new Intl.NumberFormat('fr').format(registered));
    expect(figure(el, 'Délai médian jusqu’à la solution')).to.equal('41 jours');
    expect(text($(el, '.figure .detail'))).to.match(/^dont \d+ grâce à la CPTS, \d+ par elles-mêmes$/);
  });

  it('gives every chart an accessible name and description, and a data table beside it', async () => {
    const {el} = await statsTool();
    const charts = $$<SVGSVGElement>(el, 'svg[role="img"]');
    expect(charts).to.have.length(4);
    for (const chart of charts) {
      const name = root(el).getElementById(chart.getAttribute('aria-labelledby')!);
      const description = root(el).getElementById(chart.getAttribute('aria-describedby')!);
      expect(text(name), 'name').to.not.equal('');
      expect(text(description), 'description').to.not.equal('');
      const section = chart.closest('section')!;
      expect(section.querySelector('table caption'), 'table beside the chart').to.not.equal(null);
    }
    const months = $(el, 'table[data-table="months"]')!;
    expect(months.querySelectorAll('tbody tr')).to.have.length(12);
    expect(charts[0]!.querySelectorAll('rect.series-0')).to.have.length(12);
    // the map: one dot per commune, shaded by people waiting per 1,000 inhabitants
    const map = charts.find((c) => c.classList.contains('map'))!;
    expect(map.querySelectorAll('circle')).to.have.length(6);
    expect(text(map.querySelector('title'))).to.equal('Personnes en attente pour 1 000 habitants, par commune');
    const communes = $(el, 'table[data-table="communes"]')!;
    expect(text(communes.querySelector('tbody tr'))).to.include('Saint-Omer');
  });

  it('passes axe checks', async () => {
    const {el} = await statsTool();
    await expect(el).to.be.accessible();
  });

  it('shows an empty state, not zeros, when nothing happened in the period', async () => {
    const {el} = await statsTool({stats: 'empty'});
    expect(text($(el, '[part="empty"]'))).to.include('Pas encore de données pour cette période');
    expect($(el, '[part="figures"]')).to.equal(null);
    expect($$(el, 'svg[role="img"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s French words by the field when the period is refused', async () => {
    const {el, sent} = await statsTool();
    const to = $<HTMLInputElement>(el, '#st-to')!;
    to.value = isoDay(new Date(Date.now() + 40 * 86_400_000));
    to.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#st-show')!.click();
    await until(() => $(el, '#st-to-error') !== null, 'the error');
    expect(text($(el, '#st-to-error'))).to.equal('Erreur : La fin de la période ne peut pas être dans le futur');
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(to.getAttribute('aria-describedby')).to.equal('st-to-error');
    expect(deepActive()).to.equal(to);
    expect(sent.filter((u) => u.pathname.endsWith('/stats'))).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('checks a reversed period itself, without asking the server', async () => {
    const {el, sent} = await statsTool();
    const before = sent.length;
    const from = $<HTMLInputElement>(el, '#st-from')!;
    from.value = '2026-06-01';
    from.dispatchEvent(new Event('input'));
    const to = $<HTMLInputElement>(el, '#st-to')!;
    to.value = '2026-03-01';
    to.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#st-show')!.click();
    await until(() => $(el, '#st-to-error') !== null, 'the error');
    expect(text($(el, '#st-to-error'))).to.include('La fin de la période doit venir après son début');
    expect(sent.length).to.equal(before);
  });

  it('downloads a table as CSV: the territory and period first, then its caption, header and rows', async () => {
    const {el} = await statsTool();
    const {names, texts} = await downloads(() => $<HTMLButtonElement>(el, '#st-months-csv')!.click());
    expect(names[0]).to.match(/^statistiques-demo-months-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = texts[0]!;
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).to.equal("CPTS de l'Audomarois (démo)");
    expect(lines[1]).to.match(/^Du \d/);
    expect(lines).to.include('Inscriptions et solutions par mois');
    expect(lines).to.include('Mois;Inscriptions;Solutions');
    // 12 months, plain numbers a spreadsheet reads
    expect(lines.filter((l) => /^[a-zéû]+ \d{4};\d+;\d+$/.test(l))).to.have.length(12);
    expect(text($(el, '[part="status"]'))).to.include('téléchargé');
  });

  it('downloads the publishable CSV from the server’s suppressed figures', async () => {
    const {el, sent} = await statsTool();
    const {names, texts} = await downloads(() => $<HTMLButtonElement>(el, '#st-publishable')!.click());
    expect(sent.at(-1)!.searchParams.get('publishable')).to.equal('true');
    expect(names[0]).to.match(/^statistiques-demo-publiable-/);
    const csv = texts[0]!;
    for (const caption of ['Chiffres clés', 'Par commune', 'Par motif d’inscription', 'Critères de priorité']) expect(csv).to.include(caption);
    // Esquerdes: 3 waiting, under 11, and its rate hidden with it
    expect(csv).to.match(/Esquerdes;1619;[^\r\n]*moins de 11;non calculable/);
  });

  it('prints with the browser’s own dialog, from a button', async () => {
    const {el} = await statsTool();
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '#st-print')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    expect(text($(el, '#st-print'))).to.equal('Imprimer pour le dossier ACI');
  });

  it('speaks English', async () => {
    const {el} = await statsTool({lang: 'en'});
    expect(text($(el, 'h2'))).to.equal('Statistics');
    expect(text($(el, '#st-figures-title'))).to.equal('Key figures');
    expect($$(el, '.figure dt').map((d) => text(d))).to.include('People registered');
    expect(text($(el, '[part="period"] legend'))).to.equal('Period');
  });

  describe('keyboard only', () => {
    it('picks a preset with the keyboard, which reads its figures', async () => {
      const {el, sent} = await statsTool();
      const year = new Date().getUTCFullYear();
      $<HTMLButtonElement>(el, '#st-preset-last12Months')!.focus();
      await tabTo((a) => a.id === 'st-preset-lastYear', 'the last calendar year');
      await sendKeys({press: 'Enter'});
      await until(() => sent.at(-1)!.searchParams.get('from') === `${year - 1}-01-01`, 'the request');
      expect(sent.at(-1)!.searchParams.get('to')).to.equal(`${year - 1}-12-31`);
      await until(() => $(el, '#st-preset-lastYear')!.getAttribute('aria-pressed') === 'true', 'the preset pressed');
      expect($<HTMLInputElement>(el, '#st-from')!.value).to.equal(`${year - 1}-01-01`);
      expect(text($(el, '.period-text'))).to.include(String(year - 1));
    });
  });
});

describe('the stats charts’ arithmetic', () => {
  it('puts round, whole ticks on a count axis', () => {
    expect(niceTicks(47)).to.deep.equal([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(3)).to.deep.equal([0, 1, 2, 3]);
    expect(niceTicks(0)).to.deep.equal([0, 1]);
    expect(niceTicks(1234)).to.deep.equal([0, 250, 500, 750, 1000, 1250]);
  });

  it('shades 0 apart from the classes of a rate', () => {
    const limits = classLimits(7.3, 4);
    expect(limits).to.deep.equal([2, 4, 6, 8]);
    expect([0, 0.1, 2, 2.1, 7.3].map((v) => classOf(v, limits))).to.deep.equal([0, 1, 1, 2, 4]);
  });

  it('keeps the territory’s shape: a degree of longitude at 50° N is shorter than one of latitude', () => {
    const [a, b, c] = projectPoints(
      [
        {lat: 50, lng: 2},
        {lat: 50, lng: 3},
        {lat: 51, lng: 2},
      ],
      400,
      400,
      0,
    );
    const east = b!.x - a!.x;
    const north = a!.y - c!.y;
    expect(north).to.be.greaterThan(0);
    expect(east / north).to.be.closeTo(Math.cos((50.333 * Math.PI) / 180), 0.01);
  });

  it('reads « 12 derniers mois » as this month and the 11 before, and a calendar year under way up to today', () => {
    const today = new Date('2026-03-15T10:00:00Z');
    expect(presetPeriod('last12Months', today)).to.deep.equal({from: '2025-04-01', to: '2026-03-15'});
    expect(presetPeriod('thisYear', today)).to.deep.equal({from: '2026-01-01', to: '2026-03-15'});
    expect(presetPeriod('lastYear', today)).to.deep.equal({from: '2025-01-01', to: '2025-12-31'});
  });
});
