import type { Gateway } from '#payments/gateways/gateway'
import { SandboxGateway } from '#payments/gateways/sandbox_gateway'
import { CodGateway } from '#payments/gateways/cod_gateway'

const providers = new Map<string, Gateway>([
  ['sandbox', new SandboxGateway()],
  ['cod', new CodGateway()],
])

/** The provider implementation a market's gateway names. */
export function gatewayProvider(provider: string): Gateway | undefined {
  return providers.get(provider)
}

/** Tests and deployments register providers (Stripe, Xendit) with their clients. */
export function registerGatewayProvider(gateway: Gateway) {
  providers.set(gateway.provider, gateway)
}
