import type { HttpContext } from '@adonisjs/core/http'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import vine from '@vinejs/vine'
import { openApiDocument } from '#api_docs/openapi'

const require = createRequire(import.meta.url)
/** swagger-ui-dist: a static build of Swagger UI from npm, served by Pasar (no CDN). */
const ASSETS_DIR = dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}
const assetParam = vine.create(vine.object({ file: vine.enum(Object.keys(ASSETS)) }))

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pasar API</title><link rel="stylesheet" href="/api/v1/docs/swagger-ui.css"></head>
<body><div id="api"></div><script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/page.js"></script></body></html>`

const PAGE_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#api', deepLinking: true })`

/** Built once per process: the routes and validators do not change after boot. */
const documents = new Map<'storefront' | 'staff', ReturnType<typeof openApiDocument>>()
const documentOf = (audience: 'storefront' | 'staff') => {
  if (!documents.has(audience)) documents.set(audience, openApiDocument(audience))
  return documents.get(audience)!
}

/** The OpenAPI documents (storefront hosts, staff host) and a reference page of them. */
export default class ApiDocsController {
  async storefront({ response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=60')
    return documentOf('storefront')
  }

  async staff({ response }: HttpContext) {
    response.header('Cache-Control', 'private, max-age=60')
    return documentOf('staff')
  }

  async page({ response }: HttpContext) {
    return response.type('html').header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'").send(PAGE)
  }

  async asset({ params, response }: HttpContext) {
    if (params.file === 'page.js') return response.type('text/javascript; charset=utf-8').send(PAGE_SCRIPT)
    const { file } = await assetParam.validate(params)
    response.header('Cache-Control', 'public, max-age=86400')
    return response.type(ASSETS[file]).send(await readFile(join(ASSETS_DIR, file)))
  }
}
