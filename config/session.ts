import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions of the staff console only (the session middleware runs on
 * `/console` routes, never on `/api`). Kept in Redis so that `age` is an
 * idle timeout: every request pushes the expiry back, a session left alone
 * for CONSOLE_IDLE_MINUTES is gone, and an admin can end a staff member's
 * sessions (tagging).
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'pasar_console',
  clearWithBrowser: true,
  age: `${env.get('CONSOLE_IDLE_MINUTES', 30)}m`,
  cookie: {
    path: '/console',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'strict',
  },
  store: 'redis',
  stores: {
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
