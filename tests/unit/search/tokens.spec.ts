import { test } from '@japa/runner'
import { booleanQuery, gramsOf, indexText, wordsOf } from '#search/text/tokens'
import { priceBoundaries } from '#search/search_driver'

test.group('Search text', () => {
  test('spaced scripts split into lower-cased words, diacritics kept', ({ assert }) => {
    assert.deepEqual(wordsOf('Kaos Polos COTTON Combed 30s'), ['kaos', 'polos', 'cotton', 'combed', '30s'])
    assert.deepEqual(wordsOf('Áo Thun Nữ'), ['áo', 'thun', 'nữ'])
  })

  test('Thai and Chinese runs become encoded bigrams and unigrams, ASCII and >= 3 chars', ({ assert }) => {
    const grams = gramsOf('เสื้อยืด')
    assert.isTrue(grams.every((gram) => /^z[ub][0-9a-z]{4,8}$/.test(gram)))
    assert.lengthOf(grams, [...'เสื้อยืด'].length * 2 - 1)
    assert.deepEqual(wordsOf('純棉T恤 cotton'), ['t', 'cotton'])
  })

  test('a query needs every word (the last as a prefix) and every gram', ({ assert }) => {
    assert.equal(booleanQuery('kaos cott'), '+kaos +cott*')
    assert.equal(booleanQuery('a b'), null)
    const thai = booleanQuery('ยืด')!
    assert.equal(thai.split(' ').length, [...'ยืด'].length - 1)
    assert.isTrue(thai.split(' ').every((part) => part.startsWith('+zb')))
  })

  test('a substring of an indexed Thai title produces only grams the title has', ({ assert }) => {
    const indexed = new Set(indexText(['เสื้อยืดคอกลม ผ้าฝ้าย 100%']).grams.split(' '))
    const query = booleanQuery('คอกลม')!.split(' ').map((part) => part.slice(1))
    assert.isTrue(query.every((gram) => indexed.has(gram)))
    const other = booleanQuery('กางเกง')!.split(' ').map((part) => part.slice(1))
    assert.isFalse(other.every((gram) => indexed.has(gram)))
  })

  test('price facets follow a 1-2-5 series inside the matched range', ({ assert }) => {
    assert.deepEqual(priceBoundaries(350, 9900), [500, 1000, 2000, 5000])
    assert.deepEqual(priceBoundaries(100, 100), [])
    assert.isAtMost(priceBoundaries(1, 10 ** 12).length, 4)
  })
})
