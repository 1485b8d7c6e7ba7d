// PGlite on its own thread: the server's thread parses HTTP, validates and encrypts while this one
// runs SQL, so a request's two halves use both cores. Plain JavaScript, so it loads without tsx
// (the CLI registers tsx in its own thread only). Messages are handled one at a time, in the order
// they were sent: the main thread keeps transactions whole (see openPgliteWorker in index.ts).
import {parentPort, workerData} from 'node:worker_threads';
import {PGlite, protocol} from '@electric-sql/pglite';

const {serialize} = protocol;
const pglite = new PGlite(workerData.dataDir);
const ready = new Set();

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One call into WebAssembly per run, the statement parsed and planned once (as in index.ts). */
async function prepared(name, sql, params) {
  if (!ready.has(name)) {
    await pglite.execProtocol(concat([serialize.parse({name, text: sql}), serialize.sync()]), {syncToFs: false});
    ready.add(name);
  }
  const {messages} = await pglite.execProtocol(
    concat([serialize.bind({statement: name, values: params}), serialize.describe({type: 'P'}), serialize.execute({}), serialize.sync()]),
  );
  let columns = [];
  const rows = [];
  for (const m of messages) {
    if (m.name === 'rowDescription') columns = m.fields.map((f) => f.name);
    else if (m.name === 'dataRow') {
      const row = {};
      columns.forEach((c, i) => (row[c] = m.fields[i] ?? null));
      rows.push(row);
    }
  }
  return rows;
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return (await pglite.query(message.sql, message.params)).rows;
    case 'exec':
      await pglite.exec(message.sql);
      return undefined;
    case 'commit': {
      // as PGlite's transaction(): a COMMIT of a failed transaction rolls back, and says so
      const [result] = await pglite.exec('commit');
      if (result?.command === 'ROLLBACK') throw Object.assign(new Error('Transaction aborted'), {code: '25P02'});
      return undefined;
    }
    case 'prepared':
      return prepared(message.name, message.sql, message.params);
    case 'close':
      await pglite.close();
      return undefined;
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

/** What the main thread rebuilds: the message and PostgreSQL's fields (code, constraint…). */
function describeError(error) {
  const out = {message: error instanceof Error ? error.message : String(error)};
  if (error && typeof error === 'object') {
    for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where', 'routine']) {
      if (typeof error[key] === 'string') out[key] = error[key];
    }
  }
  return out;
}

let chain = pglite.waitReady.then(
  () => parentPort.postMessage({ready: true}),
  (error) => parentPort.postMessage({fatal: describeError(error)}),
);

parentPort.on('message', (message) => {
  chain = chain.then(async () => {
    try {
      parentPort.postMessage({id: message.id, result: await handle(message)});
    } catch (error) {
      parentPort.postMessage({id: message.id, error: describeError(error)});
    }
  });
});
