import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An order keeps the platform's rates it was placed under: ops can change a
 * market's commission and fees at run time (with a second approver), and an
 * order placed before is released, and refunded, at the rates its seller
 * agreed to. Rates are in millionths (4.5 % is 45_000), an integer like
 * every amount. Orders placed before this column read the market's rates.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('orders', (table) => {
      table.integer('commission_ppm').unsigned().nullable()
      table.integer('payment_fee_ppm').unsigned().nullable()
      table.bigInteger('fixed_fee').unsigned().nullable()
    })
  }

  async down() {
    this.schema.alterTable('orders', (table) => {
      table.dropColumn('commission_ppm')
      table.dropColumn('payment_fee_ppm')
      table.dropColumn('fixed_fee')
    })
  }
}
