import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../packages/widgets/src/define.js';
import type {CptsTerritoryContact} from '../../packages/widgets/src/index.js';
import {CptsErrorEvent} from '../../packages/widgets/src/index.js';
import {demoTerritory, FakeServer, notFoundProblem, stubGlobalFetch, until} from './fake-server.js';

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

function part(el: HTMLElement, name: string): HTMLElement | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

async function rendered(el: CptsTerritoryContact): Promise<CptsTerritoryContact> {
  await until(() => part(el, 'name') !== null || shadow(el).querySelector('[role="alert"]') !== null, 'the contact or an error');
  await el.updateComplete;
  return el;
}

describe('<cpts-territory-contact>', () => {
  describe('alone, with a client', () => {
    it('shows the territory’s name, phone and e-mail', async () => {
      const server = new FakeServer();
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      expect(part(el, 'name')?.textContent).to.equal('CPTS de l’Audomarois');
      expect(part(el, 'email')?.textContent).to.equal('contact@cpts-audomarois.fr');
      expect(part(el, 'email')?.getAttribute('href')).to.equal('mailto:contact@cpts-audomarois.fr');
      expect(server.requests.map((r) => r.url)).to.deep.equal(['http://api.test/v1/territories/demo']);
    });

    it('formats the phone number the French way and links it with tel:', async () => {
      const server = new FakeServer({status: 200, body: demoTerritory({phone: '+33 3.21.00.00.00'})});
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      const phone = part(el, 'phone');
      expect(phone?.textContent).to.equal('03 21 00 00 00');
      expect(phone?.getAttribute('href')).to.equal('tel:+33321000000');
      expect(phone?.getAttribute('aria-label')).to.equal('Appeler le 03 21 00 00 00');
    });

    it('says it is loading, and marks itself busy, until the server answers', async () => {
      const server = new FakeServer();
      server.hold();
      const el = await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`);
      const base = part(el, 'base');
      expect(base?.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Chargement des coordonnées…');
      await expect(el).to.be.accessible();
      server.release();
      await rendered(el);
      expect(base?.getAttribute('aria-busy')).to.equal('false');
      expect(shadow(el).querySelector('[role="status"]')).to.equal(null);
    });

    it('fetches again when moved in the page while loading', async () => {
      const server = new FakeServer();
      server.hold();
      const el = await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`);
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      try {
        elsewhere.append(el);
        server.release();
        await rendered(el);
        expect(part(el, 'name')?.textContent).to.equal('CPTS de l’Audomarois');
        expect(server.requests[0]?.signal.aborted, 'the first request was cancelled').to.equal(true);
      } finally {
        elsewhere.remove();
      }
    });

    it('passes axe checks once loaded', async () => {
      const server = new FakeServer();
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      await expect(el).to.be.accessible();
    });

    it('renders a name containing HTML as plain text', async () => {
      const name = '<img src=x onerror=alert(1)> CPTS';
      const server = new FakeServer({status: 200, body: demoTerritory({name})});
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      expect(part(el, 'name')?.textContent).to.equal(name);
      expect(shadow(el).querySelector('img')).to.equal(null);
    });
  });

  describe('when the server answers with an error', () => {
    it('shows an alert in French and fires cpts-error with the SDK’s error', async () => {
      const server = new FakeServer({status: 404, body: notFoundProblem});
      const el = document.createElement('cpts-territory-contact');
      el.client = server.client();
      const fired = oneEvent<CptsErrorEvent>(el, 'cpts-error');
      document.body.append(el);
      try {
        const event = await fired;
        expect(event).to.be.instanceOf(CptsErrorEvent);
        expect(event.bubbles && event.composed).to.equal(true);
        expect(event.error).to.have.property('name', 'CptsApiError');
        expect(event.error).to.have.property('status', 404);
        await rendered(el);
        const alert = shadow(el).querySelector('[role="alert"]');
        expect(alert?.textContent).to.contain('Impossible d’afficher les coordonnées de la CPTS.');
        expect(alert?.textContent).to.contain('(404)');
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('says so in English when lang="en"', async () => {
      const server = new FakeServer({status: 404, body: notFoundProblem});
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact lang="en" .client=${server.client()}></cpts-territory-contact>`));
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('The CPTS contact details cannot be shown.');
    });

    it('follows a lang set from script as a property', async () => {
      const server = new FakeServer({status: 404, body: notFoundProblem});
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      el.lang = 'en';
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('The CPTS contact details cannot be shown.');
      expect(el.hasAttribute('lang'), 'the page’s attributes are left alone').to.equal(false);
    });

    it('explains an unreachable server, and fetches again when asked', async () => {
      const server = new FakeServer('network-error');
      const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('Le service est injoignable');
      server.answerWith({status: 200, body: demoTerritory()});
      shadow(el).querySelector('button')?.click();
      await until(() => part(el, 'name') !== null, 'the contact after retrying');
      expect(server.requests).to.have.length(2);
    });
  });

  describe('alone, with api and territory attributes', () => {
    it('fetches the territory from an absolute API URL', async () => {
      const server = new FakeServer();
      const restore = stubGlobalFetch(server);
      try {
        const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact api="http://127.0.0.1:8787" territory="demo"></cpts-territory-contact>`));
        expect(part(el, 'name')?.textContent).to.equal('CPTS de l’Audomarois');
        expect(server.requests.map((r) => r.url)).to.deep.equal(['http://127.0.0.1:8787/v1/territories/demo']);
      } finally {
        restore();
      }
    });

    it('reads api="/" as the page’s own origin', async () => {
      const server = new FakeServer();
      const restore = stubGlobalFetch(server);
      try {
        await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact api="/" territory="demo"></cpts-territory-contact>`));
        expect(server.requests.map((r) => r.url)).to.deep.equal([`${location.origin}/v1/territories/demo`]);
      } finally {
        restore();
      }
    });

    it('shows an alert and fires cpts-error when neither api nor a provider is given', async () => {
      const el = document.createElement('cpts-territory-contact');
      const fired = oneEvent<CptsErrorEvent>(el, 'cpts-error');
      document.body.append(el);
      try {
        const event = await fired;
        expect(event.error).to.have.property('name', 'CptsConfigError');
        await rendered(el);
        expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('indiquez les attributs « api » et « territory »');
      } finally {
        el.remove();
      }
    });
  });

  describe('inside <cpts-provider>', () => {
    it('shows the provider’s territory, fetched once for two widgets', async () => {
      const server = new FakeServer();
      const page = await fixture(html`
        <cpts-provider .client=${server.client()}>
          <cpts-territory-contact></cpts-territory-contact>
          <div><cpts-territory-contact></cpts-territory-contact></div>
        </cpts-provider>
      `);
      const [first, second] = [...page.querySelectorAll('cpts-territory-contact')];
      if (!first || !second) throw new Error('two widgets expected');
      await rendered(first);
      await rendered(second);
      expect(part(first, 'name')?.textContent).to.equal('CPTS de l’Audomarois');
      expect(part(second, 'name')?.textContent).to.equal('CPTS de l’Audomarois');
      expect(server.requests).to.have.length(1);
      await expect(page).to.be.accessible();
    });

    it('builds the shared client from the provider’s api and territory', async () => {
      const server = new FakeServer();
      const restore = stubGlobalFetch(server);
      try {
        const page = await fixture(html`
          <cpts-provider api="http://127.0.0.1:8787/" territory="demo">
            <cpts-territory-contact></cpts-territory-contact>
            <cpts-territory-contact></cpts-territory-contact>
          </cpts-provider>
        `);
        for (const el of page.querySelectorAll('cpts-territory-contact')) await rendered(el);
        expect(server.requests.map((r) => r.url)).to.deep.equal(['http://127.0.0.1:8787/v1/territories/demo']);
      } finally {
        restore();
      }
    });

    it('lets the provider report a failure once, while each widget shows the alert', async () => {
      const server = new FakeServer({status: 404, body: notFoundProblem});
      const errors: unknown[] = [];
      const onError = (event: CptsErrorEvent) => errors.push(event.error);
      document.addEventListener('cpts-error', onError);
      try {
        const page = await fixture(html`
          <cpts-provider .client=${server.client()}>
            <cpts-territory-contact></cpts-territory-contact>
            <cpts-territory-contact></cpts-territory-contact>
          </cpts-provider>
        `);
        for (const el of page.querySelectorAll('cpts-territory-contact')) {
          await rendered(el);
          expect(shadow(el).querySelector('[role="alert"]')).to.not.equal(null);
          await expect(el).to.be.accessible();
        }
        expect(errors).to.have.length(1);
        expect(server.requests).to.have.length(1);
      } finally {
        document.removeEventListener('cpts-error', onError);
      }
    });

    it('speaks the provider’s language', async () => {
      const server = new FakeServer();
      const page = await fixture(html`
        <cpts-provider lang="en" .client=${server.client()}><cpts-territory-contact></cpts-territory-contact></cpts-provider>
      `);
      const el = await rendered(page.querySelector('cpts-territory-contact')!);
      expect(shadow(el).querySelector('dt')?.textContent).to.equal('Phone');
    });
  });

  describe('themes', () => {
    const radius = (el: HTMLElement) => getComputedStyle(part(el, 'base')!).borderTopLeftRadius;
    const border = (el: HTMLElement) => getComputedStyle(part(el, 'base')!).borderTopWidth;

    it('has rounded corners by default and square ones with theme="civic"', async () => {
      const server = new FakeServer();
      const plain = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
      const civic = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact theme="civic" .client=${server.client()}></cpts-territory-contact>`));
      expect(radius(plain)).to.equal('8px');
      expect(radius(civic)).to.equal('0px');
      expect(border(civic)).to.equal('2px');
      await expect(civic).to.be.accessible();
    });

    it('takes the provider’s theme unless it sets its own', async () => {
      const server = new FakeServer();
      const page = await fixture(html`
        <cpts-provider theme="civic" .client=${server.client()}>
          <cpts-territory-contact id="inherits"></cpts-territory-contact>
          <cpts-territory-contact id="own" theme="default"></cpts-territory-contact>
        </cpts-provider>
      `);
      const inherits = await rendered(page.querySelector<CptsTerritoryContact>('#inherits')!);
      const own = await rendered(page.querySelector<CptsTerritoryContact>('#own')!);
      expect(radius(inherits)).to.equal('0px');
      expect(radius(own)).to.equal('8px');
    });

    it('lets the page override a token on the element', async () => {
      const server = new FakeServer();
      const el = await rendered(
        await fixture<CptsTerritoryContact>(html`<cpts-territory-contact style="--cpts-radius: 3px" .client=${server.client()}></cpts-territory-contact>`),
      );
      expect(radius(el)).to.equal('3px');
    });

    it('keeps the host page’s aggressive CSS out', async () => {
      const style = document.createElement('style');
      style.textContent = '* { font-family: "Comic Sans MS" !important; } body { color: rgb(255, 0, 0); line-height: 4; text-align: center; }';
      document.head.append(style);
      try {
        const server = new FakeServer();
        const el = await rendered(await fixture<CptsTerritoryContact>(html`<cpts-territory-contact .client=${server.client()}></cpts-territory-contact>`));
        const name = getComputedStyle(part(el, 'name')!);
        expect(name.color).to.not.equal('rgb(255, 0, 0)');
        expect(name.textAlign).to.not.equal('center');
      } finally {
        style.remove();
      }
    });
  });
});
