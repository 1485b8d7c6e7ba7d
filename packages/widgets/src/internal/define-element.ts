/**
 * Registers `tag` unless it already is: a page may load the script-tag bundle twice, or the
 * bundle next to an npm build, and a second `define` of the same name throws.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
