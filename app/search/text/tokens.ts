/**
 * Turns product text into what InnoDB FULLTEXT can index. Latin, Vietnamese
 * and other spaced scripts are split on word boundaries. Thai and Chinese
 * are written without spaces, so FULLTEXT would index a whole sentence as
 * one token: their runs are cut into overlapping character bigrams (and
 * single characters), each encoded as an ASCII word (`zb0aaw0ab1`) at least
 * as long as innodb_ft_min_token_size. A query is cut the same way and every
 * gram is required, which finds any substring of two or more characters.
 */

const UNSPACED = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/u
const UNSPACED_RUNS = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]+/gu
const WORDS = /[\p{L}\p{N}]+/gu

const code = (char: string) => char.codePointAt(0)!.toString(36).padStart(4, '0')
export const unigramToken = (char: string) => `zu${code(char)}`
export const bigramToken = (a: string, b: string) => `zb${code(a)}${code(b)}`

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text)
}

/** Words of the spaced scripts in a text. */
export function wordsOf(text: string): string[] {
  const spaced = normalize(text).replace(UNSPACED_RUNS, ' ')
  return spaced.match(WORDS) ?? []
}

/** Encoded grams of the unspaced runs of a text. */
export function gramsOf(text: string, withUnigrams = true): string[] {
  const grams: string[] = []
  for (const run of normalize(text).match(UNSPACED_RUNS) ?? []) {
    const chars = [...run]
    if (withUnigrams) for (const char of chars) grams.push(unigramToken(char))
    for (let i = 0; i + 1 < chars.length; i++) grams.push(bigramToken(chars[i], chars[i + 1]))
  }
  return grams
}

/** The two indexed columns of a document. */
export function indexText(texts: (string | null | undefined)[]) {
  const joined = texts.filter(Boolean).join(' \n ')
  return {
    words: [...new Set(wordsOf(joined))].join(' '),
    grams: [...new Set(gramsOf(joined))].join(' '),
  }
}

const MIN_WORD = 3

/**
 * A BOOLEAN MODE query: every word required (the last as a prefix, for
 * search-as-you-type), every gram required. Null when nothing in the query
 * can be matched by the index (only 1-2 letter words).
 */
export function booleanQuery(query: string, { prefixLast = true } = {}): string | null {
  const words = wordsOf(query).filter((word) => word.length >= MIN_WORD)
  const parts = words.map((word, index) =>
    prefixLast && index === words.length - 1 ? `+${word}*` : `+${word}`
  )
  const runs = normalize(query).match(UNSPACED_RUNS) ?? []
  for (const run of runs) {
    const chars = [...run]
    if (chars.length === 1) parts.push(`+${unigramToken(chars[0])}`)
    for (let i = 0; i + 1 < chars.length; i++) parts.push(`+${bigramToken(chars[i], chars[i + 1])}`)
  }
  return parts.length ? [...new Set(parts)].join(' ') : null
}
