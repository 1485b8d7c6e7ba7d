import {html, type TemplateResult} from 'lit';

export interface MenuAction {
  /** What the item shows: « Modifier ». */
  label: string;
  /** Its accessible name, unique on the page and containing `label`: « Modifier Dr Anne Martin ». */
  name: string;
  run: () => void;
  /** `danger` for a destructive action. */
  className?: string;
}

export interface ActionMenuOptions {
  /** Unique within the shadow root: the toggle is `#<id>`, the list `#<id>-list`. */
  id: string;
  /** The toggle's text (« Actions ») and its accessible name (« Actions pour Dr Anne Martin »). */
  label: string;
  name: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  actions: readonly MenuAction[];
}

/**
 * One menu of actions for a row, in place of a row of buttons: a disclosure (a toggle with
 * `aria-expanded` and a list of buttons), which every screen reader and keyboard knows, without the
 * arrow-key contract of `role="menu"`. Escape and leaving the menu close it; Escape gives focus
 * back to the toggle.
 */
export function renderActionMenu(o: ActionMenuOptions): TemplateResult {
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !o.open) return;
    event.preventDefault();
    event.stopPropagation();
    o.onToggle(false);
    (event.currentTarget as HTMLElement).querySelector<HTMLButtonElement>(`#${o.id}`)?.focus();
  };
  const leave = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (o.open && to && !(event.currentTarget as HTMLElement).contains(to)) o.onToggle(false);
  };
  return html`<div class="menu" @keydown=${close} @focusout=${leave}>
    <button type="button" class="secondary" id=${o.id} aria-label=${o.name} aria-expanded=${o.open ? 'true' : 'false'}
      aria-controls=${`${o.id}-list`} @click=${() => o.onToggle(!o.open)}>${o.label}</button>
    <ul id=${`${o.id}-list`} ?hidden=${!o.open}>
      ${o.actions.map(
        (a) =>
          html`<li><button type="button" class=${a.className ?? ''} aria-label=${a.name} @click=${() => {
            o.onToggle(false);
            a.run();
          }}>${a.label}</button></li>`,
      )}
    </ul>
  </div>`;
}
