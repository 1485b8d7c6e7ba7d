import {expect, fixture, html} from '@open-wc/testing';
import '../../packages/widgets/src/define.js';
import type {CptsImpact} from '../../packages/widgets/src/index.js';
import {createMockClient, type MockClientOptions} from '../../stories/mock-client.js';
import {until} from './fake-server.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summary = (el: CptsImpact) => text(el.shadowRoot?.querySelector('[part="summary"]'));

async function impact(options: MockClientOptions = {}): Promise<{el: CptsImpact; errors: Event[]}> {
  const errors: Event[] = [];
  const client = createMockClient(options);
  const el = await fixture<CptsImpact>(html`<cpts-impact .client=${client} lang=${options.lang ?? 'fr'} @cpts-error=${(e: Event) => errors.push(e)}></cpts-impact>`);
  await until(() => el.state !== 'loading', 'the summary');
  await el.updateComplete;
  return {el, errors};
}

describe('<cpts-impact>', () => {
  it('says in one sentence how many registered and found a médecin traitant', async () => {
    const {el} = await impact();
    expect(el.state).to.equal('ready');
    expect(summary(el)).to.equal('Depuis janvier 2026, 412 personnes se sont inscrites auprès de la CPTS ; 198 ont trouvé un médecin traitant, dont 151 grâce à la CPTS.');
  });

  it('reads « moins de 11 » for a small count, and leaves a hidden one out', async () => {
    const {el} = await impact({impact: 'small'});
    expect(summary(el)).to.equal('Depuis janvier 2026, 23 personnes se sont inscrites auprès de la CPTS ; moins de 11 ont trouvé un médecin traitant.');
    expect(summary(el)).to.not.include('masqué');
  });

  it('shows nothing, takes no room and fires no error when the territory does not publish it', async () => {
    const {el, errors} = await impact({impact: 'off'});
    expect(el.state).to.equal('off');
    expect(el.getAttribute('state')).to.equal('off');
    expect(el.shadowRoot!.querySelector('[part="summary"]')).to.equal(null);
    expect(getComputedStyle(el).display).to.equal('none');
    expect(errors).to.have.length(0);
  });

  it('shows nothing and fires cpts-error when the API cannot be reached', async () => {
    const {el, errors} = await impact({failure: 'network'});
    expect(el.state).to.equal('error');
    expect(getComputedStyle(el).display).to.equal('none');
    expect(errors).to.have.length(1);
  });

  it('says the first figures will come, without any zero, before anyone registered', async () => {
    const {el} = await impact({impact: 'empty'});
    expect(summary(el)).to.include('les premiers chiffres paraîtront ici');
    expect(summary(el)).to.not.match(/\b0\b/);
  });

  it('speaks English', async () => {
    const {el} = await impact({lang: 'en', impact: 'small'});
    expect(summary(el)).to.equal('Since January 2026, 23 people have registered with the CPTS; fewer than 11 have found a regular doctor.');
  });

  it('passes axe checks', async () => {
    const {el} = await impact();
    await expect(el).to.be.accessible();
  });
});
