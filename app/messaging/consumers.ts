import type { ConsumerDefinition } from '#messaging/consumer'
import { commitPaidStock } from '#inventory/consumers/commit_paid_stock'

/** Every consumer the worker runs. */
export const CONSUMERS: ConsumerDefinition[] = [commitPaidStock]
