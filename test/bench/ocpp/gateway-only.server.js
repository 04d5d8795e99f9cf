// The OCPP gateway alone (with what it depends on), from the compiled build: `node gateway-only.server.js`, same
// environment as scripts/start.js. The bench runs it next to the whole service to tell the gateway's own cost apart
// from subscribers of its events (scheduler, fleet state).
const path = require('node:path');
const { register } = require('tsconfig-paths');
const dist = path.join(__dirname, '..', '..', '..', 'dist');
register({ baseUrl: dist, paths: { '@apron/*': ['libs/*/src'] } });
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { TypeOrmModule } = require('@nestjs/typeorm');
const src = (file) => require(path.join(dist, 'src', file));
const { loadConfig } = src('config/app-config.js');
const { ConfigModule } = src('config/config.module.js');
const { dataSourceOptions } = src('database/data-source-options.js');
const { openDatabase } = src('database/database-target.js');
const { AuthModule } = src('auth/auth.module.js');
const { HealthController, DATABASE_INFO } = src('health/health.controller.js');
const { OcppModule } = src('ocpp/ocpp.module.js');
const { AppLogger } = src('logging/app-logger.js');

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  class GatewayOnly {}
  Module({
    imports: [ConfigModule.forRoot(config), TypeOrmModule.forRoot(dataSourceOptions(database)), AuthModule, OcppModule],
    controllers: [HealthController],
    providers: [{ provide: DATABASE_INFO, useValue: { embedded: database.embedded } }],
  })(GatewayOnly);
  const app = await NestFactory.create(GatewayOnly, { logger: new AppLogger(config.logLevel, config.logFormat) });
  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  await app.listen(config.port, config.host);
}

main().catch((error) => {
  console.error('gateway-only failed to start:', error);
  process.exit(1);
});
