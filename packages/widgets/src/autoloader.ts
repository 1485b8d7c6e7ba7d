/** Tag → a function that downloads the tag's class (a dynamic `import()`). */
export type ModuleMap = Readonly<Record<string, (element?: Element) => Promise<CustomElementConstructor>>>;

export interface Autoloader {
  /** Loads the code of every known tag in `root` (a document, an element, a shadow root). */
  discover(root: ParentNode): Promise<void>;
  /** Loads one tag's code; resolves when the tag is defined. */
  load(tag: string): Promise<void>;
  /** Stops watching the DOM for new tags. */
  disconnect(): void;
}

/**
 * Watches `root` (and whatever is added to it later) for the tags of `modules`, and imports each
 * tag's module the first time the tag appears. Tags already defined are left alone.
 *
 * Why not a stub element per tag: a tag name can be defined only once, so a stub could never be
 * replaced by the real class. Scanning once and then observing mutations is what costs least for a
 * page with one widget: one `querySelectorAll`, then one callback per DOM change.
 */
export function createAutoloader(
  modules: ModuleMap,
  root: Document | Element = document,
  /** The tag that provides context: defined before any widget, so widgets find it answering. */
  providerTag = 'cpts-provider',
): Autoloader {
  const loading = new Map<string, Promise<void>>();
  const selector = Object.keys(modules).join(',');

  /** `element`: one of the page's `tag`s, which the module may look at (its language). */
  function load(tag: string, element?: Element): Promise<void> {
    let pending = loading.get(tag);
    if (!pending) {
      const importModule = modules[tag];
      if (!importModule) return Promise.reject(new Error(`unknown cpts-kit tag <${tag}>`));
      pending = loadAfterProvider(tag, () => importModule(element));
      loading.set(tag, pending);
    }
    return pending;
  }

  async function loadAfterProvider(tag: string, importModule: () => Promise<CustomElementConstructor>): Promise<void> {
    // download in parallel with the provider, but define after it: a widget defined first would
    // ask for the context with nobody there to answer
    const element = importModule();
    if (tag !== providerTag && modules[providerTag] && hasUndefined(root, providerTag)) await load(providerTag, root.querySelector(providerTag) ?? undefined);
    const constructor = await element;
    // not defineElement(): importing it would pull the shared widget chunk into the entry
    if (!customElements.get(tag)) customElements.define(tag, constructor);
  }

  async function discover(scope: ParentNode): Promise<void> {
    if (!selector) return;
    const tags = new Map<string, Element>();
    if (scope instanceof Element && scope.matches(selector)) tags.set(scope.localName, scope);
    for (const element of scope.querySelectorAll(selector)) if (!tags.has(element.localName)) tags.set(element.localName, element);
    const results = await Promise.allSettled([...tags].filter(([tag]) => !customElements.get(tag)).map(([tag, element]) => load(tag, element)));
    for (const result of results) {
      // a chunk that failed to download must not stop the other widgets; say why in the console
      if (result.status === 'rejected') console.error('[cpts-kit]', result.reason);
    }
  }

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  });
  observer.observe(root instanceof Document ? root.documentElement : root, {childList: true, subtree: true});
  void discover(root);

  return {discover, load, disconnect: () => observer.disconnect()};
}

function hasUndefined(root: Document | Element, tag: string): boolean {
  return !customElements.get(tag) && root.querySelector(tag) !== null;
}
