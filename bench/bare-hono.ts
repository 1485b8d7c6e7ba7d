// The baseline for server throughput: Hono on @hono/node-server answering a constant body, nothing else.
import {readFileSync} from 'node:fs';
import {serve} from '@hono/node-server';
import {Hono} from 'hono';

const body = readFileSync(process.env.BARE_BODY_FILE ?? '/dev/null', 'utf8') || '{}';
const app = new Hono();
app.get('/healthz', (c) => c.json({status: 'ok'}));
app.get('/v1/territories/demo', (c) => c.body(body, 200, {'content-type': 'application/json'}));
serve({fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1'});
