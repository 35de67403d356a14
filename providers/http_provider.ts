import { installBodyDepthGuard } from '#http/json_depth_guard'
import { installRequestIds } from '#http/request_ids'
import { installStrictFields } from '#http/strict_fields'

/** Hardening of the HTTP layer that must be in place before any request. */
export default class HttpProvider {
  boot() {
    installBodyDepthGuard()
    installStrictFields()
    installRequestIds()
  }
}
