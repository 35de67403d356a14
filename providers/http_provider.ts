import { installBodyDepthGuard } from '#http/json_depth_guard'

/** Hardening of the HTTP layer that must be in place before any request. */
export default class HttpProvider {
  boot() {
    installBodyDepthGuard()
  }
}
