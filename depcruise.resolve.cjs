/**
 * How dependency-cruiser resolves the `#domain/*` subpath imports of
 * package.json (it reads webpack's `resolve` shape): each to its folder.
 */
const { resolve } = require('node:path')
const { imports } = require('./package.json')

const alias = {}
for (const [pattern, target] of Object.entries(imports)) {
  alias[pattern.replace('/*', '')] = resolve(__dirname, target.replace('/*.js', ''))
}

module.exports = { resolve: { alias, extensions: ['.ts', '.js'] } }
