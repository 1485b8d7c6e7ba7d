import {expect, fixture, html} from '@open-wc/testing';
import '../../packages/widgets/src/define.js';
import type {CptsIntakeForm} from '../../packages/widgets/src/index.js';
import {emailLink, mailtoHref, safeHref} from '../../packages/widgets/src/internal/safe-url.js';
import {demoTerritory, FakeServer, until} from './fake-server.js';

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

async function intakeFormWithPrivacyUrl(url: string): Promise<CptsIntakeForm> {
  const server = new FakeServer({status: 200, body: demoTerritory({privacyNotice: {summary: 'Vos données servent à vous orienter.', url}})});
  const el = await fixture<CptsIntakeForm>(html`<cpts-intake-form .client=${server.client()}></cpts-intake-form>`);
  // the form shows before its territory: wait for the territory's phone line
  await until(() => shadow(el).querySelector('a.phone') !== null, 'the territory in the form');
  await el.updateComplete;
  return el;
}

const privacyLinks = (el: HTMLElement) => [...shadow(el).querySelectorAll('a[target="_blank"]')].map((a) => a.getAttribute('href'));

describe('links built from data', () => {
  it('keeps https:, http:, mailto: and tel: links', () => {
    expect(safeHref('https://cpts-audomarois.fr/confidentialite')).to.equal('https://cpts-audomarois.fr/confidentialite');
    expect(safeHref('http://localhost:8787/')).to.equal('http://localhost:8787/');
    expect(safeHref('mailto:contact@cpts.fr')).to.equal('mailto:contact@cpts.fr');
    expect(safeHref('tel:+33321000000')).to.equal('tel:+33321000000');
  });

  it('drops javascript:, data:, relative and malformed links, whatever their case or spaces', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(url), String(url)).to.equal(undefined);
    }
  });

  it('links one plain e-mail address, and shows anything else as text', async () => {
    expect(mailtoHref('a@b.fr', 'Stage à Arques')).to.equal('mailto:a@b.fr?subject=Stage%20%C3%A0%20Arques');
    expect(mailtoHref('a@b.fr?bcc=x@y.fr')).to.equal(undefined);
    const plain = await fixture<HTMLParagraphElement>(html`<p>${emailLink('a@b.fr?cc=x@y.fr')}</p>`);
    expect(plain.querySelector('a')).to.equal(null);
    expect(plain.textContent).to.equal('a@b.fr?cc=x@y.fr');
  });

  it('renders no link for a javascript: privacy notice in the intake form', async () => {
    const el = await intakeFormWithPrivacyUrl('javascript:alert(document.domain)');
    expect(privacyLinks(el)).to.deep.equal([]);
    expect(shadow(el).innerHTML).not.to.contain('javascript:');
    expect(shadow(el).textContent).to.contain('Vos données servent à vous orienter.');
  });

  it('renders the link for an https: privacy notice', async () => {
    const el = await intakeFormWithPrivacyUrl('https://cpts-audomarois.fr/confidentialite');
    expect(privacyLinks(el)).to.deep.equal(['https://cpts-audomarois.fr/confidentialite']);
  });
});
