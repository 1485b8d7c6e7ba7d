// The one place that says how tests, Storybook checks and benchmarks start Chromium: Debian's
// build (nothing downloads a browser here), headless, with the background services off, because
// this machine has no network and Chromium otherwise keeps trying to reach Google's hosts.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // web-test-runner runs several pages at once in one browser: a page in the background must keep
  // its timers and animation frames, or fixtures that wait for a frame hang until the test times out
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
