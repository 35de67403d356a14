import { installBodyDepthGuard } from '#http/json_depth_guard'
import { installRequestIds } from '#http/request_ids'
import { installStrictFields } from '#http/strict_fields'
import env from '#start/env'

/** Hardening of the HTTP layer that must be in place before any request. */
export default class HttpProvider {
  boot() {
    installBodyDepthGuard()
    installStrictFields()
    installRequestIds((env.get('TRUSTED_PROXIES') ?? '').split(',').map((address) => address.trim()))
  }
}
