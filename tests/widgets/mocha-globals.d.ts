// web-test-runner runs these files with mocha's globals; @types/mocha is not installed, and the
// root tsconfig limits `types` to node, so declare the few the widget tests use
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: unknown, done: MochaDone) => void | Promise<unknown>;

declare global {
  function describe(title: string, body: () => void): void;
  function it(title: string, body: MochaFn): void;
  function before(body: MochaFn): void;
  function after(body: MochaFn): void;
  function beforeEach(body: MochaFn): void;
  function afterEach(body: MochaFn): void;
}

export {};
