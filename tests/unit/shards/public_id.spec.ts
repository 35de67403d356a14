import { test } from '@japa/runner'
import { decodeTime } from 'ulid'
import { marketOfPublicId, marketPublicId, ulid } from '#shards/public_id'

test.group('Public ids', () => {
  test('a market public id is the market code and a ULID that the ulid package decodes to its millisecond', ({ assert }) => {
    const id = marketPublicId('SG')
    assert.equal(marketOfPublicId(id), 'SG')
    const at = Date.UTC(2026, 10, 25, 16, 52, 3, 123)
    const value = ulid(at)
    assert.match(value, /^[0-9A-HJKMNP-TV-Z]{26}$/)
    assert.equal(decodeTime(value), at)
    assert.isNull(marketOfPublicId('SG-not-a-ulid'))
  })

  test('ids sort by time and do not repeat (100,000 drawn)', ({ assert }) => {
    const seen = new Set<string>()
    for (let i = 0; i < 100_000; i++) seen.add(ulid(1_700_000_000_000 + (i % 7)))
    assert.equal(seen.size, 100_000)
    assert.isTrue(ulid(1_700_000_000_000) < ulid(1_700_000_000_001))
    // Every random character is used: the 80 bits are not stuck.
    const last = new Set([...seen].map((id) => id[25]))
    assert.equal(last.size, 32)
  })
})
