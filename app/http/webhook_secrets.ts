import { createHmac } from 'node:crypto'
import env from '#start/env'

/**
 * Signing secrets of a webhook scheme, from the env variable a market file
 * names (never the secret itself in a file). The variable may hold two
 * secrets separated by a space while they are rotated: both are accepted,
 * the first signs. Unset, a local secret is derived from APP_KEY so the
 * demo works out of the box; set it in production.
 */
export function webhookSecrets(envName: string | undefined, purpose: string): string[] {
  const configured = envName ? process.env[envName]?.trim() : undefined
  if (configured) return configured.split(/[\s,]+/).filter(Boolean)
  const derived = createHmac('sha256', env.get('APP_KEY').release()).update(`pasar:${purpose}`).digest('base64')
  return [`whsec_${derived}`]
}
