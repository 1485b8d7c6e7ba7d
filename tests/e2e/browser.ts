import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {chromium, type Browser, type Page} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../../chromium.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page (through the devtools protocol, so the page's CSP does not block it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {axe: {run: (ctx: Document, opts: object) => Promise<{violations: Array<{id: string; impact: string | null; help: string; nodes: unknown[]}>}>}}
    ).axe;
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}));
  });
}

/** Records CSP violations and uncaught errors from the first script on. */
export async function watchPageProblems(page: Page): Promise<{csp: string[]; errors: string[]}> {
  const problems = {csp: [] as string[], errors: [] as string[]};
  await page.exposeFunction('__reportCsp', (text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as {__reportCsp: (t: string) => void}).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  return problems;
}
