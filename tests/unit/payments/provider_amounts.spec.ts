import { test } from '@japa/runner'
import { ProviderAmountError, fromProviderAmount, toProviderAmount } from '#payments/gateways/provider_amounts'

test.group('Provider amounts: Pasar minor units (ISO 4217) to each API and back', () => {
  test('Stripe: SGD and IDR count in hundredths as ISO does; VND is zero-decimal on both sides', ({ assert }) => {
    assert.equal(toProviderAmount('stripe', 'SGD', 1990), 1990)
    assert.equal(toProviderAmount('stripe', 'IDR', 5_990_000), 5_990_000)
    assert.equal(toProviderAmount('stripe', 'VND', 159_000), 159_000)
    assert.equal(fromProviderAmount('stripe', 'SGD', 1990), 1990)
  })

  test('Xendit: rupiah cross in whole units (minor units / 100) and come back x100; PHP keeps its centavos', ({ assert }) => {
    assert.equal(toProviderAmount('xendit', 'IDR', 5_990_000), 59_900)
    assert.equal(fromProviderAmount('xendit', 'IDR', 59_900), 5_990_000)
    assert.equal(toProviderAmount('xendit', 'PHP', 49_950), 49_950)
    assert.equal(fromProviderAmount('xendit', 'PHP', 49_950), 49_950)
  })

  test('an amount the provider cannot express is refused, never rounded', ({ assert }) => {
    assert.throws(() => toProviderAmount('xendit', 'IDR', 5_990_050), ProviderAmountError as any)
    assert.throws(() => toProviderAmount('xendit', 'IDR', 1), /not a whole amount/)
  })

  test('round trips hold for every whole-rupiah amount', ({ assert }) => {
    for (const rupiah of [0, 1, 999, 1_000_000, 123_456_789]) assert.equal(fromProviderAmount('xendit', 'IDR', toProviderAmount('xendit', 'IDR', rupiah * 100)), rupiah * 100)
  })
})
