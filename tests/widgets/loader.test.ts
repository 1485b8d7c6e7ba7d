import {expect} from '@open-wc/testing';
import {createAutoloader} from '../../packages/widgets/src/autoloader.js';
import {until} from './fake-server.js';

const chunkRequested = (fragment: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(fragment));

// one sequence on the real entry: the module can be imported only once per page
describe('the script-tag loader (loader.ts)', () => {
  it('loads only the code of tags in the page, already there or added later', async () => {
    const provider = document.createElement('cpts-provider');
    document.body.append(provider);
    try {
      expect(customElements.get('cpts-provider')).to.equal(undefined);

      await import('../../packages/widgets/src/loader.js');
      await until(() => customElements.get('cpts-provider') !== undefined, 'cpts-provider to be defined');
      expect(provider.shadowRoot, 'the provider present before the loader is upgraded').to.not.equal(null);
      expect(customElements.get('cpts-territory-contact')).to.equal(undefined);
      expect(chunkRequested('territory-contact'), 'no territory-contact code downloaded').to.equal(false);

      const contact = document.createElement('cpts-territory-contact');
      contact.setAttribute('lang', 'fr');
      provider.append(contact);
      await until(() => contact.shadowRoot !== null, 'the added cpts-territory-contact to be upgraded');
      expect(chunkRequested('territory-contact')).to.equal(true);
    } finally {
      provider.remove();
    }
  });
});

describe('createAutoloader', () => {
  it('imports nothing when none of its tags is in the page', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Bonjour</p><x-other></x-other>';
    document.body.append(root);
    const imported: string[] = [];
    const loader = createAutoloader(
      {
        'cpts-fake-map': async () => {
          imported.push('map');
          return class extends HTMLElement {};
        },
      },
      root,
    );
    try {
      await loader.discover(root);
      root.append(document.createElement('section'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(imported).to.deep.equal([]);
    } finally {
      loader.disconnect();
      root.remove();
    }
  });

  it('imports a tag’s module once, however many times the tag appears', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let imports = 0;
    class FakeCount extends HTMLElement {}
    const loader = createAutoloader(
      {
        'cpts-fake-count': async () => {
          imports++;
          return FakeCount;
        },
      },
      root,
    );
    try {
      root.innerHTML = '<cpts-fake-count></cpts-fake-count><cpts-fake-count></cpts-fake-count>';
      await until(() => customElements.get('cpts-fake-count') !== undefined, 'the fake tag to be defined');
      root.append(document.createElement('cpts-fake-count'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(imports).to.equal(1);
      expect([...root.querySelectorAll('cpts-fake-count')].every((el) => el instanceof FakeCount)).to.equal(true);
    } finally {
      loader.disconnect();
      root.remove();
    }
  });

  it('defines the provider before a widget inside it, whichever module downloads first', async () => {
    const order: string[] = [];
    const root = document.createElement('div');
    root.innerHTML = '<cpts-fake-provider><cpts-fake-widget></cpts-fake-widget></cpts-fake-provider>';
    document.body.append(root);
    const loader = createAutoloader(
      {
        'cpts-fake-widget': async () =>
          class extends HTMLElement {
            connectedCallback() {
              order.push('widget');
            }
          },
        // slower than the widget's module: the loader must still define it first
        'cpts-fake-provider': async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return class extends HTMLElement {
            connectedCallback() {
              order.push('provider');
            }
          };
        },
      },
      root,
      'cpts-fake-provider',
    );
    try {
      await until(() => order.length === 2, 'both modules');
      expect(order).to.deep.equal(['provider', 'widget']);
    } finally {
      loader.disconnect();
      root.remove();
    }
  });
});
