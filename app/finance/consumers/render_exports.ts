import type { ConsumerDefinition } from '#messaging/consumer'
import { FinanceExports } from '#finance/services/finance_exports'

/** A finance export asked for: rendered into its file on the worker, with progress on its row. */
export const renderExports: ConsumerDefinition = {
  name: 'finance.render-exports',
  bindings: ['*.finance.export_requested'],
  async handle(envelope, market) {
    await new FinanceExports().run(market, envelope.data.export as string)
  },
}
