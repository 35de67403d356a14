import { test } from '@japa/runner'
import { applyOverrides, changeField, mergeOverrides, needsApproval, retroactiveTaxProblems, shapeProblems } from '#markets/overrides'
import { percentOf, percentUnits } from '#money/money'
import { marketFixture } from '#tests/support/markets'

test.group('Run-time overrides of a market file', () => {
  test('merging: objects merge, values replace, new tax rates add up by their first day', ({ assert }) => {
    const merged = mergeOverrides(
      { escrow: { autoReleaseDays: 5 }, tax: { categories: { standard: { rates: [{ rate: 10, effectiveFrom: '2030-01-01' }] } } } },
      { escrow: { payoutMinimum: 0 }, tax: { categories: { standard: { rates: [{ rate: 11, effectiveFrom: '2030-01-01' }, { rate: 12, effectiveFrom: '2029-01-01' }] } } } }
    )
    assert.deepEqual(merged, {
      escrow: { autoReleaseDays: 5, payoutMinimum: 0 },
      tax: { categories: { standard: { rates: [{ rate: 12, effectiveFrom: '2029-01-01' }, { rate: 11, effectiveFrom: '2030-01-01' }] } } },
    })
  })

  test('applying: gateways and couriers by id, settings kept, the file itself untouched', ({ assert }) => {
    const file = marketFixture('SG')
    const before = JSON.stringify(file)
    const cod = file.payments.gateways.find((gateway) => gateway.settings?.maxAmount !== undefined)
    const gatewayId = cod?.id ?? file.payments.gateways[0].id
    const courier = file.couriers.list[1]
    const effective = applyOverrides(file, {
      payments: { gateways: { [gatewayId]: { enabled: false, maxAmount: 5000 } } },
      couriers: { list: { [courier.id]: { rates: { freeShippingThreshold: null } } } },
      flashSales: { maxDurationHours: 6 },
    })
    const gateway = effective.payments.gateways.find((candidate) => candidate.id === gatewayId)!
    assert.isFalse(gateway.enabled)
    assert.equal(gateway.settings!.maxAmount, 5000)
    assert.deepEqual(gateway.settings!.webhookSecretEnv, file.payments.gateways.find((candidate) => candidate.id === gatewayId)!.settings?.webhookSecretEnv)
    const changed = effective.couriers.list.find((candidate) => candidate.id === courier.id)!
    assert.isNull(changed.rates.freeShippingThreshold)
    assert.deepEqual(changed.rates.bands, courier.rates.bands)
    assert.deepEqual(effective.flashSales, { maxPerBuyerLimit: 100, maxDurationHours: 6 })
    assert.equal(JSON.stringify(file), before)
  })

  test('the fence: fields outside the editable subset and ids the file lacks are named', ({ assert }) => {
    const file = marketFixture('SG')
    const problems = shapeProblems({ currency: 'USD', couriers: { list: { dhl: {} }, defaultCourier: 'x' }, tax: { categories: { standard: { rates: 'nine' } } } }, file)
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['changes.currency', 'changes.couriers.list.dhl', 'changes.tax.categories.standard.rates']
    )
    assert.deepEqual(shapeProblems({}, file).map((problem) => problem.field), ['changes'])
  })

  test('which fields need a second approver', ({ assert }) => {
    assert.isTrue(needsApproval('tax.categories.standard.rates'))
    assert.isTrue(needsApproval('escrow.commissionRate'))
    assert.isTrue(needsApproval('escrow.fixedFeePerOrder'))
    assert.isFalse(needsApproval('escrow.autoReleaseDays'))
    assert.isFalse(needsApproval('couriers.list.jnt.rates.bands'))
  })

  test('field names as ops wrote them', ({ assert }) => {
    const file = marketFixture('SG')
    assert.equal(changeField('couriers.list.1.rates.bands.0.fee', file), `couriers.list.${file.couriers.list[1].id}.rates.bands.0.fee`)
    assert.equal(changeField('payments.gateways.0.settings.maxAmount', file), `payments.gateways.${file.payments.gateways[0].id}.settings.maxAmount`)
    assert.equal(changeField('tax.categories.standard.rates.3.rate', file), 'tax.categories.standard.rates')
  })

  test('tax is never retroactive: a rate from today, or a change to one in force, is refused; one from tomorrow is not', ({ assert }) => {
    const file = marketFixture('SG')
    const withRate = (effectiveFrom: string) => applyOverrides(file, { tax: { categories: { standard: { rates: [{ rate: 10, effectiveFrom }] } } } })
    assert.lengthOf(retroactiveTaxProblems(file, withRate('2026-12-02'), '2026-12-01'), 0)
    assert.deepEqual(retroactiveTaxProblems(file, withRate('2026-12-01'), '2026-12-01').map((problem) => problem.field), ['changes.tax.categories.standard.rates'])
    assert.lengthOf(retroactiveTaxProblems(file, withRate('2020-01-01'), '2026-12-01'), 1)
    // Taking a rate away once its day has come is as retroactive as adding one.
    assert.lengthOf(retroactiveTaxProblems(withRate('2026-12-02'), file, '2026-12-01'), 0)
    assert.lengthOf(retroactiveTaxProblems(withRate('2026-12-02'), file, '2026-12-02'), 1)
  })

  test('percentages are read from their digits: no float product', ({ assert }) => {
    assert.equal(percentUnits(4.5), 45_000n)
    assert.equal(percentUnits(0.07), 700n)
    assert.equal(percentUnits(12.3456), 123_456n)
    assert.equal(percentUnits(100), 1_000_000n)
    assert.equal(percentUnits(9.95, 2), 995n)
    assert.throws(() => percentUnits(1.23456), /at most 4 decimals/)
    assert.throws(() => percentUnits(1.234, 2), /at most 2 decimals/)
    assert.equal(percentOf(1990, 6, 'half-up'), 119)
    assert.equal(percentOf(250, 1, 'half-even'), 2)
    assert.equal(percentOf(350, 1, 'half-even'), 4)
  })
})
