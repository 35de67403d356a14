import { test } from '@japa/runner'
import { ConfigForm, inputName } from '#console/services/config_form'
import { decimalToMinor, minorToDecimal } from '#money/money'
import { marketFixture } from '#tests/support/markets'

/** A form as the page posts it: every field with the value it shows, then what the staff member typed. */
function posted(form: ConfigForm, typed: Record<string, string>) {
  const body: Record<string, unknown> = {}
  for (const section of form.sections()) for (const group of section.groups) for (const field of group.fields) body[inputName(field.name)] = field.kind === 'boolean' ? ['false', ...(field.value === 'true' ? ['true'] : [])] : field.value
  for (const [name, value] of Object.entries(typed)) body[inputName(name)] = value
  return body
}

test.group('Console config form: what ops type, as changes in minor units', () => {
  test('amounts are read digit by digit in the currency (no float), and refused when they are not one', ({ assert }) => {
    assert.equal(decimalToMinor('4.50', 'SGD'), 450)
    assert.equal(decimalToMinor('12', 'SGD'), 1200)
    assert.equal(decimalToMinor('2500', 'IDR'), 250000)
    assert.equal(decimalToMinor('0.1', 'JPY'), null)
    for (const bad of ['4,50', '-1', '4.505', '1e3', 'abc', '', '.5']) assert.isNull(decimalToMinor(bad, 'SGD'), bad)
    assert.equal(minorToDecimal(399, 'SGD'), '3.99')
    assert.equal(minorToDecimal(5, 'SGD'), '0.05')
  })

  test('an untouched form asks for no change; a changed band fee sends the courier\'s bands whole', ({ assert }) => {
    const form = new ConfigForm(marketFixture('SG'))
    assert.deepEqual(form.changesOf(posted(form, {})), { changes: {}, problems: {} })
    const { changes, problems } = form.changesOf(posted(form, { 'couriers.list.ninja_van.rates.bands.0.fee': '4.50' }))
    assert.deepEqual(problems, {})
    const bands = (changes as any).couriers.list.ninja_van.rates.bands
    assert.deepEqual(bands.map((band: any) => band.fee), [450, 599, 799, 1199])
    assert.deepEqual(Object.keys(changes), ['couriers'])
  })

  test('switches, a new tax rate and a commission are changes of their own fields', ({ assert }) => {
    const form = new ConfigForm(marketFixture('SG'))
    const body = posted(form, { 'escrow.commissionRate': '6.5', 'tax.categories.standard.newRate': '10', 'tax.categories.standard.newRateFrom': '2099-01-01' })
    body[inputName('payments.gateways.grabpay.enabled')] = 'false'
    const { changes, problems } = form.changesOf(body)
    assert.deepEqual(problems, {})
    assert.deepEqual(changes, {
      payments: { gateways: { grabpay: { enabled: false } } },
      escrow: { commissionRate: 6.5 },
      tax: { categories: { standard: { rates: [{ rate: 10, effectiveFrom: '2099-01-01' }] } } },
    })
  })

  test('bad values are named by their field, each one', ({ assert }) => {
    const form = new ConfigForm(marketFixture('SG'))
    const { problems } = form.changesOf(
      posted(form, { 'couriers.list.jnt.rates.bands.1.fee': '5,80', 'returns.windowDays': 'two weeks', 'escrow.paymentFeeRate': '-2', 'payments.defaultGateway': 'cash', 'tax.categories.zero.newRate': '5' })
    )
    assert.sameMembers(Object.keys(problems), ['couriers.list.jnt.rates.bands.1.fee', 'returns.windowDays', 'escrow.paymentFeeRate', 'payments.defaultGateway', 'tax.categories.zero.newRateFrom'])
    assert.match(problems['couriers.list.jnt.rates.bands.1.fee'], /SGD/)
  })

  test('errors of the config service point back at the form field', ({ assert }) => {
    assert.equal(ConfigForm.fieldOf('changes.couriers.list.jnt.rates.bands.1.fee'), 'couriers.list.jnt.rates.bands.1.fee')
    assert.equal(ConfigForm.fieldOf('changes.tax.categories.standard.rates'), 'tax.categories.standard.newRate')
    assert.equal(ConfigForm.fieldOf('changes.tax.categories.standard.rates.0.rate'), 'tax.categories.standard.newRate')
  })
})
