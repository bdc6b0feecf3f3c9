/**
 * The import rules of ARCHITECTURE.md, checked by test/architecture.test.ts: layers point one way,
 * and a connector folder builds on the SDK's entry point, not on the hub's insides.
 */
const layer = (from, mayNotReach, comment) => ({
  name: `${from}-imports-only-lower-layers`,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: `^src/(${mayNotReach.join('|')})/` },
});

module.exports = {
  forbidden: [
    layer('kernel', ['domain', 'mapping', 'connectors', 'sync', 'wms', 'store', 'access', 'http', 'cli', 'config'], 'the kernel knows no domain words'),
    layer('domain', ['mapping', 'connectors', 'sync', 'wms', 'store', 'access', 'http', 'cli'], 'the canonical model stands on the kernel only'),
    layer('mapping', ['connectors', 'sync', 'wms', 'store', 'access', 'http', 'cli'], 'the mapping engine knows no connector and no engine'),
    layer('connectors', ['sync', 'store', 'access', 'http', 'cli'], 'the SDK and its kits are below the engine'),
    layer('sync', ['http', 'cli'], 'the engine is driven by the surfaces, never the other way'),
    {
      name: 'connector-folders-use-the-sdk-entry',
      comment: 'a connector imports src/connectors/sdk/index.ts and the domain (its simulator also the sandbox kit); nothing else of src/',
      severity: 'error',
      from: { path: '^connectors/[^/]+/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(connectors/sdk/index\\.ts|connectors/sandbox/|domain/)' },
    },
    {
      name: 'hub-reaches-connectors-through-the-registry',
      comment: 'only the list of built-in connectors names connector folders',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/connectors/builtin\\.ts$' },
      to: { path: '^connectors/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
