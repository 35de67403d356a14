import { BlockList, isIPv4, isIPv6 } from 'node:net'
import { timingSafeEqual, createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'

/**
 * Who may read the detailed health report (shard names, latencies, the
 * broker's state, the process): callers from HEALTH_ALLOW (IPs or CIDRs,
 * loopback by default), or anyone with HEALTH_TOKEN as a bearer token.
 * Everyone else, a load balancer's probe included, gets the status alone.
 */
export class HealthAccess {
  readonly #allowed = new BlockList()
  readonly #token: Buffer | null

  constructor(allow = env.get('HEALTH_ALLOW') ?? '127.0.0.1,::1', token = env.get('HEALTH_TOKEN')?.release() ?? null) {
    for (const entry of allow.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [address, bits] = entry.split('/')
      const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null
      if (!family) throw new Error(`HEALTH_ALLOW: "${entry}" is not an IP address or CIDR`)
      if (bits === undefined) this.#allowed.addAddress(address, family)
      else this.#allowed.addSubnet(address, Number(bits), family)
    }
    this.#token = token ? createHash('sha256').update(token).digest() : null
  }

  detailed(ctx: HttpContext): boolean {
    const bearer = /^Bearer (.+)$/.exec(ctx.request.header('authorization') ?? '')?.[1]
    if (bearer && this.#token && timingSafeEqual(createHash('sha256').update(bearer).digest(), this.#token)) return true
    const ip = (ctx.request.ip() ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')
    if (isIPv4(ip)) return this.#allowed.check(ip, 'ipv4')
    if (isIPv6(ip)) return this.#allowed.check(ip, 'ipv6')
    return false
  }
}
