/**
 * Module graph for `npm run lint:architecture`. dependency-cruiser resolves
 * every import of app/ (the `#domain/*` subpath imports through
 * depcruise.resolve.cjs) and checks the module-level rule below;
 * bin/domain_cycles.mjs then folds the graph to one node per app/<domain>
 * and fails on any circle between domains (dependency-cruiser's folder
 * scope compares leaf folders, so it cannot see app/cart -> app/orders/validators
 * and app/orders -> app/cart/services as one circle).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^app/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: 'depcruise.resolve.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
}
