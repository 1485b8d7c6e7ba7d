import {expect, fixture, html} from '@open-wc/testing';
import {LitElement, render} from 'lit';
import '../../packages/widgets/src/define.js';
import {CptsElement} from '../../packages/widgets/src/internal/cpts-element.js';
import {defineStrings, en, fr, LocalizeController, toSupportedLanguage, type LanguageCode} from '../../packages/widgets/src/index.js';

/** A bare element using the controller, so the tests see the language it picks and nothing else. */
class LangProbe extends LitElement {
  readonly localize = new LocalizeController(this);
  override render() {
    return this.localize.strings.retry;
  }
}
customElements.define('lang-probe', LangProbe);

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

/**
 * Renders `template` into the page and returns its first element. Not open-wc's `fixture()`: for a
 * root that is not a Lit element it waits for an animation frame, and a test page that
 * web-test-runner runs in the background may get none (the test then times out).
 */
function mount(template: ReturnType<typeof html>): Element {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const root = container.firstElementChild;
  if (!root) throw new Error('the template rendered nothing');
  return root;
}

async function probe(template: ReturnType<typeof html>): Promise<LangProbe> {
  const root = mount(template);
  const el = root instanceof LangProbe ? root : root.querySelector('lang-probe');
  if (!(el instanceof LangProbe)) throw new Error('no <lang-probe> in the fixture');
  await el.updateComplete;
  return el;
}

describe('LocalizeController', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('speaks French when nothing says otherwise', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await probe(html`<lang-probe></lang-probe>`);
    expect(el.localize.lang).to.equal('fr');
    expect(el.shadowRoot?.textContent).to.equal('Réessayer');
  });

  it('follows <html lang>', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    const el = await probe(html`<lang-probe></lang-probe>`);
    expect(el.localize.lang).to.equal('en');
  });

  it('prefers the nearest ancestor’s lang to <html lang>', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await probe(html`<div lang="fr"><lang-probe></lang-probe></div>`);
    expect(el.localize.lang).to.equal('fr');
  });

  it('prefers the provider’s lang to the page’s', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const el = await probe(html`<div lang="fr"><cpts-provider lang="en"><lang-probe></lang-probe></cpts-provider></div>`);
    expect(el.localize.lang).to.equal('en');
  });

  it('prefers its own lang attribute to the provider’s', async () => {
    const el = await probe(html`<cpts-provider lang="en"><lang-probe lang="fr"></lang-probe></cpts-provider>`);
    expect(el.localize.lang).to.equal('fr');
  });

  it('skips a language it does not ship, to the next source', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await probe(html`<lang-probe lang="de"></lang-probe>`);
    expect(el.localize.lang).to.equal('en');
  });

  it('finds the lang of a shadow host it is rendered inside', async () => {
    const host = mount(html`<div lang="en"></div>`);
    const shadow = host.attachShadow({mode: 'open'});
    const el = document.createElement('lang-probe') as LangProbe;
    shadow.append(el);
    await el.updateComplete;
    expect(el.localize.lang).to.equal('en');
  });

  it('switches language when the page changes <html lang>', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const el = await probe(html`<lang-probe></lang-probe>`);
    document.documentElement.setAttribute('lang', 'en');
    // the page-wide observer reports on the next microtask, then Lit renders; the English common
    // strings are a chunk of their own, fetched by the first English render
    await inEnglish(el);
  });

  it('switches language when its own lang changes', async () => {
    const el = await probe(html`<lang-probe></lang-probe>`);
    el.setAttribute('lang', 'en');
    await inEnglish(el);
  });
});

/** Waits (a second at most) until the probe says « Retry » in English. */
async function inEnglish(el: LangProbe): Promise<void> {
  for (let i = 0; i < 100 && el.shadowRoot?.textContent !== 'Try again'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await el.updateComplete;
  }
  expect(el.shadowRoot?.textContent).to.equal('Try again');
}

/** A widget whose strings come in a bundle, fetched when asked for, one language at a time. */
const fetched: LanguageCode[] = [];
const probeStrings = defineStrings<'map'>({
  fr: async () => {
    fetched.push('fr');
    return {map: {title: 'Carte'}} as never;
  },
  en: async () => {
    fetched.push('en');
    // a chunk that takes a while: the element must wait for it
    await new Promise((resolve) => setTimeout(resolve, 20));
    return {map: {title: 'Map'}} as never;
  },
});

class BundleProbe extends CptsElement {
  static override stringBundles = [probeStrings];
  override render() {
    return this.localize.strings.map.title;
  }
}
customElements.define('bundle-probe', BundleProbe);

describe('string bundles', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('fetches only the language the widget speaks, and renders once it has it', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const el = await fixture<BundleProbe>(html`<bundle-probe></bundle-probe>`);
    expect(el.shadowRoot?.textContent).to.equal('Carte');
    expect(fetched).to.deep.equal(['fr']);
  });

  it('fetches the other language when the page switches to it, keeping the first on screen meanwhile', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const el = await fixture<BundleProbe>(html`<bundle-probe></bundle-probe>`);
    document.documentElement.setAttribute('lang', 'en');
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.shadowRoot?.textContent).to.equal('Carte');
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.equal('Map');
    expect(fetched.filter((lang) => lang === 'en')).to.have.length(1);
  });
});

let flakyCount = 0;
/** A bundle whose chunks fail while `offline` and wait for `gates[lang]` when one is set. */
function flakyBundle() {
  const state = {offline: false, gates: {} as Partial<Record<LanguageCode, Promise<void>>>, fetched: [] as LanguageCode[]};
  const load = (lang: LanguageCode, title: string) => async () => {
    state.fetched.push(lang);
    await state.gates[lang];
    if (state.offline) throw new TypeError('Failed to fetch dynamically imported module');
    return {map: {title}} as never;
  };
  const bundle = defineStrings<'map'>({fr: load('fr', 'Carte'), en: load('en', 'Map')});

  const tag = `flaky-probe-${++flakyCount}`;
  customElements.define(
    tag,
    class extends CptsElement {
      static override stringBundles = [bundle];
      override render() {
        return html`<p>${this.localize.strings.map.title}</p>`;
      }
    },
  );
  return {state, tag};
}

function gate(): {promise: Promise<void>; open: () => void} {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return {promise, open};
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('string bundles that cannot be fetched', () => {
  it('shows the network error with a retry, instead of an empty widget, and renders once retried', async () => {
    const {state, tag} = flakyBundle();
    state.offline = true;
    const errors: Event[] = [];
    const container = mount(html`<div lang="fr" @cpts-error=${(e: Event) => errors.push(e)}></div>`);
    const el = document.createElement(tag) as CptsElement;
    container.append(el);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Le service est injoignable.');
    expect(errors).to.have.length(1);
    // other updates do not fetch again (nor report again) by themselves
    el.requestUpdate();
    await el.updateComplete;
    expect(state.fetched).to.deep.equal(['fr', 'en']);
    expect(errors).to.have.length(1);
    state.offline = false;
    alert.querySelector('button')!.click();
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')?.textContent).to.equal('Carte');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('fetches again when the browser comes back online', async () => {
    const {state, tag} = flakyBundle();
    state.offline = true;
    const el = mount(html`<div lang="en"></div>`).appendChild(document.createElement(tag)) as CptsElement;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('The service cannot be reached.');
    expect(el.shadowRoot!.querySelector('button')?.textContent).to.equal('Try again');
    state.offline = false;
    window.dispatchEvent(new Event('online'));
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')?.textContent).to.equal('Map');
  });

  it('waits for the language chosen while it waited, rather than render one not loaded', async () => {
    const {state, tag} = flakyBundle();
    const fr = gate();
    const en = gate();
    state.gates = {fr: fr.promise, en: en.promise};
    const el = mount(html`<div lang="fr"></div>`).appendChild(document.createElement(tag)) as CptsElement;
    await settle();
    el.setAttribute('lang', 'en');
    fr.open();
    await settle();
    expect(el.shadowRoot!.querySelector('p')).to.equal(null);
    en.open();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')?.textContent).to.equal('Map');
  });
});

describe('toSupportedLanguage', () => {
  it('reduces region tags and case to a language we ship', () => {
    expect(toSupportedLanguage('EN-us')).to.equal('en');
    expect(toSupportedLanguage('fr-FR')).to.equal('fr');
    expect(toSupportedLanguage('de')).to.equal(undefined);
    expect(toSupportedLanguage('')).to.equal(undefined);
  });
});

/** Every key path of `value`, `intake.errors.comment.default` style; functions are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the package’s fr and en', () => {
  it('hold every widget’s strings beside the common ones and the labels', () => {
    for (const strings of [fr, en]) {
      for (const key of ['retry', 'professions', 'intake', 'map', 'contact', 'cartodispo', 'offers'] as const) expect(strings[key], key).to.exist;
    }
  });

  it('say the same things in both languages, key for key', () => {
    expect(keyPaths(en).sort()).to.deep.equal(keyPaths(fr).sort());
  });
});
