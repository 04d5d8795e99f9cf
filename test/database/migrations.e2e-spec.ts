import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(database), migrationsRun: false, logging: false });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('build exactly the schema the entities describe', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('undo completely and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('carry the session links of the old fleet_sessions copy onto the one session record, losing nothing', async () => {
    await dataSource.runMigrations();
    // Undo the migrations after it, then it: the database just before the one session record.
    const later = MIGRATIONS.length - 1 - MIGRATIONS.findIndex((m) => m.name === 'OneSessionRecord1795800000000');
    for (let i = 0; i <= later; i++) await dataSource.undoLastMigration();
    const byTag = randomUUID();
    const byHand = randomUUID();
    const byEvccid = randomUUID();
    const visitor = randomUUID();
    const [bus1, bus2, bus3, task] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const insertSession = (id: string, transactionId: string, vehicleId: string | null, energyWh: number) =>
      dataSource.query(
        `INSERT INTO "ocpp_sessions" ("id", "chargePointId", "ocppVersion", "transactionId", "evseId", "idTag",
           "vehicleId", "startedAt", "energyWh", "lastRegisterWh", "lastRegisterAt")
         VALUES ($1, 'CP-1', '1.6', $2, 1, $2, $3, now(), $4::float8, 1000 + $4::float8, now())`,
        [id, transactionId, vehicleId, energyWh],
      );
    await insertSession(byTag, '1', bus1, 20_000);
    await insertSession(byHand, '2', null, 15_000);
    await insertSession(byEvccid, '3', bus3, 7_500);
    await insertSession(visitor, '4', null, 3_000);
    const insertCopy = (id: string, vehicleId: string | null, source: string | null, nonFleet: boolean) =>
      dataSource.query(
        `INSERT INTO "fleet_sessions" ("sessionId", "chargePointId", "vehicleId", "linkSource", "nonFleet",
           "lastRegisterWh") VALUES ($1, 'CP-1', $2, $3, $4, 999)`,
        [id, vehicleId, source, nonFleet],
      );
    await insertCopy(byTag, bus1, 'id-tag', false);
    await insertCopy(byHand, bus2, 'manual', false);
    await insertCopy(byEvccid, bus3, 'evccid', false);
    await insertCopy(visitor, null, null, true);
    await dataSource.query(
      `INSERT INTO "fleet_task_assignments" ("taskId", "vehicleId", "siteId") VALUES ($1, $2, $3)`,
      [task, bus1, randomUUID()],
    );
    await dataSource.query(`INSERT INTO "fleet_vehicle_evccids" ("evccid", "vehicleId") VALUES ('0A1B2C3D4E5F', $1)`, [
      bus3,
    ]);

    await dataSource.runMigrations();

    const sessions: { id: string; vehicleId: string | null; linkSource: string | null; energyWh: number }[] =
      await dataSource.query(`SELECT "id", "vehicleId", "linkSource", "energyWh" FROM "ocpp_sessions"`);
    const byId = new Map(sessions.map((row) => [row.id, row]));
    expect(byId.get(byTag)).toMatchObject({ vehicleId: bus1, linkSource: 'id-tag', energyWh: 20_000 });
    expect(byId.get(byHand)).toMatchObject({ vehicleId: bus2, linkSource: 'manual', energyWh: 15_000 });
    expect(byId.get(byEvccid)).toMatchObject({ vehicleId: bus3, linkSource: 'evccid', energyWh: 7_500 });
    expect(byId.get(visitor)).toMatchObject({ vehicleId: null, linkSource: null, energyWh: 3_000 });
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row) => row.table_name)).not.toContain('fleet_sessions');
    expect(await dataSource.query(`SELECT "taskId", "vehicleId" FROM "task_assignments"`)).toEqual([
      { taskId: task, vehicleId: bus1 },
    ]);
    expect(await dataSource.query(`SELECT "evccid", "vehicleId" FROM "vehicle_evccids"`)).toEqual([
      { evccid: '0A1B2C3D4E5F', vehicleId: bus3 },
    ]);

    // Undone, the old copy comes back with the links.
    for (let i = 0; i <= later; i++) await dataSource.undoLastMigration();
    const copies: { sessionId: string; vehicleId: string | null; linkSource: string | null; nonFleet: boolean }[] =
      await dataSource.query(`SELECT "sessionId", "vehicleId", "linkSource", "nonFleet" FROM "fleet_sessions"`);
    expect(new Map(copies.map((row) => [row.sessionId, row])).get(byHand)).toMatchObject({
      vehicleId: bus2,
      linkSource: 'manual',
      nonFleet: false,
    });
    await dataSource.runMigrations();
  });
});
