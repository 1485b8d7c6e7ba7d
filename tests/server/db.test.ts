import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {listMigrations, migrate, type Db} from '../../packages/server/src/db/index.js';
import {engines} from './databases.js';

for (const engine of await engines()) {
  describe(`migrations (${engine.name})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({db, cleanup} = await engine.open()));
    after(() => cleanup());

    it('applies every migration once, even when two processes start together', async () => {
      const results = await Promise.all([migrate(db), migrate(db)]);
      const all = listMigrations().map((m) => m.version);
      assert.deepEqual(results.flat().sort(), all.sort());
      assert.deepEqual(await migrate(db), []);
      const rows = await db.query<{version: string}>('select version from schema_migrations order by version');
      assert.deepEqual(
        rows.map((r) => r.version),
        all,
      );
    });

    it('rolls a failed transaction back entirely', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("insert into audit_log (id, actor, action) values ($1, 'test', 'rollback-check')", [crypto.randomUUID()]);
          throw new Error('boom');
        }),
        /boom/,
      );
      const rows = await db.query("select 1 from audit_log where action = 'rollback-check'");
      assert.equal(rows.length, 0);
    });
  });
}
