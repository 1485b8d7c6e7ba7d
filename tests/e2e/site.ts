/** The one setup of every end-to-end suite: the reference server on the demo territory and a Chromium. */
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {Board, PersonalLink} from '@cpts-kit/contract';
import {startServer, type RunningServer} from '@cpts-kit/server';
import {launchChromium} from './browser.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoSite {
  /** The reference server: embedded database, demo territory, this repository's pages and built widgets. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The absolute address of `path` on the server. */
  at: (path: string) => string;
  /** The headers of a JSON request made by the demo territory's coordinator. */
  asCoordinator: () => {authorization: string; 'content-type': string};
  /** Signs in with the demo coordinator's token on the coordinator page's one sign-in form. */
  signIn: (page: Page) => Promise<void>;
  /** The demo territory's availability board, as its coordinator reads it. */
  readBoard: () => Promise<Board>;
  /** Issues a practitioner's personal link, as the coordinator does, and gives its token. */
  issueLink: (practitionerId: string) => Promise<string>;
}

/**
 * Call inside a `describe`: starts the suite's own server (on a port the system picks) and browser
 * before its first test, and stops both after its last, even when a hook or a test failed. Its hooks
 * are registered first and node:test runs hooks in that order: the suite's own `before` hooks find
 * both running, and its own `after` hooks run once both have stopped (none needs them).
 */
export function useDemoSite(): DemoSite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo site is not started: use it from a test or a hook of the describe that called useDemoSite()');
    return value;
  };

  before(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, staticRoot: repoRoot});
    browser = await launchChromium();
  });
  after(async () => {
    // the server too when the browser fails to close (or never launched): no process is left behind
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  const site: DemoSite = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    at: (path) => new URL(path, started(server).url).href,
    asCoordinator: () => ({authorization: `Bearer ${started(server).demoToken}`, 'content-type': 'application/json'}),
    signIn: async (page) => {
      const form = page.locator('cpts-coordinator-sign-in');
      await form.getByLabel('Jeton de coordinateur').fill(started(server).demoToken!);
      await form.getByRole('button', {name: 'Se connecter'}).click();
    },
    readBoard: async () => Board.parse(await (await fetch(site.at('/v1/territories/demo/availability-board'), {headers: site.asCoordinator()})).json()),
    issueLink: async (practitionerId) => {
      const res = await fetch(site.at(`/v1/territories/demo/practitioners/${practitionerId}/link`), {method: 'POST', headers: site.asCoordinator(), body: '{}'});
      assert.equal(res.status, 201);
      return PersonalLink.parse(await res.json()).token;
    },
  };
  return site;
}
