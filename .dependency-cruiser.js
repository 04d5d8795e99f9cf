/** The dependency rules of DESIGN.md §2, checked by `npm run lint`. */
/** npm dependencies are matched on their resolved path (node_modules/typeorm/index.js), not on the import name. */
const INFRASTRUCTURE = '^node_modules/(@nestjs/|typeorm/|pg/|pg-[^/]+/|express/|ws/|@electric-sql/)';
const DATABASE = '^node_modules/(typeorm/|@nestjs/typeorm/|pg/|pg-[^/]+/)';
module.exports = {
  forbidden: [
    {
      name: 'libs-are-pure',
      comment: 'libs/* never import the NestJS app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'libs-without-infrastructure',
      comment: 'libs/* never import NestJS, TypeORM, database drivers or web servers.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], path: INFRASTRUCTURE },
    },
    {
      name: 'ocpp-rpc-only-in-gateway',
      comment: 'On the server side only src/ocpp imports ocpp-rpc; libs/simulator may use it as a client.',
      severity: 'error',
      from: { path: '^(src/|libs/(planner|soc|ocpp-model|flights)/)', pathNot: '^src/ocpp/' },
      to: { path: 'ocpp-rpc' },
    },
    {
      name: 'pure-libs-without-sockets',
      comment: 'planner, soc and ocpp-model are pure: no sockets, no simulator.',
      severity: 'error',
      from: { path: '^libs/(planner|soc|ocpp-model|flights)/' },
      to: { path: '^(libs/simulator/|net$|node:net$|http$|node:http$)' },
    },
    {
      name: 'controllers-call-services',
      comment:
        'DESIGN.md §2: controllers call services, services call repositories; no controller reaches a repository.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'controllers-without-database',
      comment: 'Controllers run no queries: no TypeORM, no database driver; a service does it through a repository.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'],
        path: DATABASE,
      },
    },
    {
      name: 'no-cross-feature-repository',
      comment:
        "DESIGN.md §2: a feature reads another feature's data through that feature's exported service, never its repository.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/.*\\.repository\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'scheduling-reaches-chargers-through-its-adapters',
      comment:
        "DESIGN.md §2: the tick talks to chargers through its ports (live state, plan applier); their OCPP " +
        'implementations in src/scheduling/adapters/ are the only scheduling code that imports the gateway.',
      severity: 'error',
      from: { path: '^src/scheduling/', pathNot: '^src/scheduling/(adapters/|scheduling\\.module\\.ts$)' },
      to: { path: '^src/ocpp/' },
    },
    {
      name: 'gateway-public-surface',
      comment:
        "Other features use the gateway only through what it exports: its module, the commands interface, the event " +
        'bus and message counts, the read service and the session record, its configuration and entity list.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/ocpp/' },
      to: {
        path: '^src/ocpp/',
        pathNot:
          '^src/ocpp/(ocpp\\.module|commands/charger-commands|events/ocpp-event-bus|events/ocpp-message-counts|' +
          'read/ocpp-read\\.service|persistence/session\\.entity|persistence/ocpp-entities|config/ocpp-config)\\.ts$',
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};
