import env from '#start/env'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/
const listed = new Set(
  (env.get('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
)

/**
 * The proxies in front of Pasar whose X-Forwarded-For and X-Request-Id are
 * believed: loopback (a local balancer or TLS terminator), and the IPs in
 * TRUSTED_PROXIES. Anyone else's forwarding headers are the client's own.
 */
export function isTrustedProxy(address: string) {
  return LOOPBACK.test(address) || listed.has(address) || listed.has(address.replace(/^::ffff:/, ''))
}
