import type { IncomingMessage, ServerResponse } from 'node:http'
import env from '#start/env'
import { isTrustedProxy } from '#http/trusted_proxies'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

export const appKey = env.get('APP_KEY')

export const http = defineConfig({
  trustProxy: isTrustedProxy,
  // Every request gets an id of ours (app/http/request_ids.ts); it is returned
  // as a header and logged with every line of the request.
  generateRequestId: true,
  allowMethodSpoofing: false,
  // A path that is not valid percent-encoded UTF-8 (`/%C0%80`) never reaches
  // the router: answer it in the API's error format.
  onBadUrl(_req: IncomingMessage, res: ServerResponse) {
    res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
    res.end(JSON.stringify({ error: { code: 'E_BAD_REQUEST', message: 'The request path is not a valid URL.' } }))
  },
  useAsyncLocalStorage: false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
