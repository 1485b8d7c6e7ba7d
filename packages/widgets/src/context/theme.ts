import {createContext} from '@lit/context';

export const themes = ['default', 'civic'] as const;
export type ThemeName = (typeof themes)[number];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/** The provider's `theme`, applied to widgets that set none of their own. */
export const themeContext = createContext<ThemeName | undefined>(Symbol('cpts-theme'));
