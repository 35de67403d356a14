import tseslint from 'typescript-eslint'

/**
 * What the type checker does not catch and this codebase has rules about.
 * The architecture rule (no import cycle between domains) is checked by
 * dependency-cruiser in `npm run lint` as well.
 */
export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'tmp/**', '.adonisjs/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-debugger': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // Application code: the market filter and money have one way each.
    files: ['app/**/*.ts'],
    ignores: ['app/markets/market_context.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(where|andWhere|orWhere|whereIn|whereNot)$/] > Literal:first-child[value=/(^|\\.)market_code$/]",
          message: 'Filter by market with market.query(Model) / market.table(name): the market context adds market_code.',
        },
        {
          selector: "Property[key.name='market_code']",
          message: 'market.insert(table, rows) and market.create(Model, values) fill market_code.',
        },
      ],
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money is integer minor units (dinero.js), never a float.' }],
      'no-restricted-properties': ['error', { property: 'toFixed', message: 'Money is formatted by moneyView/formatMoney, never toFixed.' }],
    },
  }
)
