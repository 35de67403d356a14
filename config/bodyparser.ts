import { defineConfig } from '@adonisjs/core/bodyparser'

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  // JSON only (JsonOnlyMiddleware answers 415 to anything else): no form
  // or multipart body is ever parsed into fields.
  // Forms: the staff console's only (JsonOnlyMiddleware refuses them on /api first).
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    // An API takes documents, not megabytes of JSON.
    limit: '1mb',
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
  },
  multipart: {
    autoProcess: false,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '1mb',
    types: [],
  },
})

export default bodyParserConfig
