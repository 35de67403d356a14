/*
 * The tax report's line export at scale, in one run:
 *   data:     a year of tax-journal lines of one market (2 million by
 *             default, BENCH_LINES), generated in the shard with MariaDB's
 *             sequence engine, in a year no real order has (2019);
 *   baseline: the bare keyset scan of those rows through mysql2 (day by
 *             day, pages of 5,000 by id), nothing written (the read's floor);
 *   measured: `node ace tax:report --detail=lines` of the whole year to a
 *             file, through the app's journal reader and csv-stringify,
 *             with the child's resident memory sampled from /proc.
 * Prints rows/s of both, their ratio, and the child's RSS at start, at
 * peak and their difference (the bound: under 100 MB of growth).
 * The generated rows are deleted at the end.
 */
import { spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { fmt, root } from './support.js'

const LINES = Number(process.env.BENCH_LINES ?? 2_000_000)
const MARKET = process.env.BENCH_MARKET ?? 'SG'
const SHARD_DB = process.env.BENCH_SHARD_DB ?? (process.env.NODE_ENV === 'test' ? 'pasar_test_sea_1' : 'pasar_sea_1')
const YEAR = 2019
const KEY = 'BENCH'
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_MB ?? 128)

const db = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: SHARD_DB })

async function generate() {
  await db.query("DELETE FROM tax_entries WHERE market_code = ? AND refund_key = ?", [MARKET, KEY])
  const started = Date.now()
  // One sale line per sequence number, in day order as a live journal fills (a day's lines are neighbours
  // on disk); categories and rates as a real month has them.
  for (let offset = 0; offset < LINES; offset += 500_000) {
    const count = Math.min(500_000, LINES - offset)
    await db.query(
      `INSERT INTO tax_entries (market_code, kind, tax_day, occurred_at, order_id, order_number, shop_id, order_line_id, refund_key, tax_category, tax_rate, quantity, net, tax, gross, discount_shop, discount_platform, sale_day)
       SELECT ?, 'sale', DATE_ADD('${YEAR}-01-01', INTERVAL (seq * 365 DIV ${LINES + 1}) DAY), TIMESTAMP(DATE_ADD('${YEAR}-01-01', INTERVAL (seq * 365 DIV ${LINES + 1}) DAY), '04:00:00'),
              seq DIV 3, CONCAT('BENCH', seq DIV 3), 1, 900000000 + seq, ?, IF(seq % 10 = 0, 'zero', 'standard'), IF(seq % 10 = 0, 0, 9), 1 + seq % 3,
              1000 + seq % 9000, IF(seq % 10 = 0, 0, (1000 + seq % 9000) * 9 DIV 100), 1000 + seq % 9000 + IF(seq % 10 = 0, 0, (1000 + seq % 9000) * 9 DIV 100), 0, 0,
              DATE_ADD('${YEAR}-01-01', INTERVAL (seq * 365 DIV ${LINES + 1}) DAY)
       FROM seq_${offset + 1}_to_${offset + count}`,
      [MARKET, KEY]
    )
  }
  return (Date.now() - started) / 1000
}

async function baseline() {
  const started = Date.now()
  let rows = 0
  for (let day = 0; day < 365; day++) {
    let after = 0
    for (;;) {
      const [page] = (await db.query(
        `SELECT id, kind, tax_day, occurred_at, order_number, refund_key, tax_category, tax_rate, taxable_base_numerator, taxable_base_denominator, quantity, net, tax, gross, sale_day
         FROM tax_entries WHERE market_code = ? AND tax_day = DATE_ADD('${YEAR}-01-01', INTERVAL ? DAY) AND id > ? ORDER BY id LIMIT 5000`,
        [MARKET, day, after]
      )) as [any[], unknown]
      rows += page.length
      if (page.length < 5000) break
      after = page[page.length - 1].id
    }
  }
  return { rows, seconds: (Date.now() - started) / 1000 }
}

/** Lines of a file, read in chunks (the file is hundreds of MB). */
async function countLines(path: string) {
  let lines = 0
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) lines++
  return lines - 1
}

async function rssOf(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

async function measured(heapMb?: number) {
  const out = join(tmpdir(), `pasar-bench-tax-${process.pid}.csv`)
  const child = spawn(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), 'ace', 'tax:report', `--market=${MARKET}`, `--from=${YEAR}-01-01`, `--to=${YEAR}-12-31`, '--detail=lines', `--out=${out}`], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let startRss = 0
  let peakRss = 0
  let startedAt = 0
  const sampler = setInterval(async () => {
    const { rss, peak } = await rssOf(child.pid!)
    if (!rss) return
    // The first sample once the app has booted and begun writing is the start.
    const size = await stat(out).then((file) => file.size).catch(() => 0)
    if (!startRss && size > 0) {
      startRss = rss
      startedAt = Date.now()
    }
    peakRss = Math.max(peakRss, peak)
  }, 50)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearInterval(sampler)
  if (code !== 0) throw new Error(`tax:report exited with ${code}`)
  const seconds = (Date.now() - startedAt) / 1000
  const lines = await countLines(out)
  const bytes = (await stat(out)).size
  await rm(out, { force: true })
  return { lines, bytes, seconds, startMb: startRss / 1024, peakMb: peakRss / 1024 }
}

try {
  const generated = await generate()
  console.log(`generated ${LINES.toLocaleString('en')} journal lines of ${MARKET} in ${YEAR} in ${fmt(generated)} s`)
  const base = await baseline()
  const baseRate = base.rows / base.seconds
  console.log(`baseline  keyset scan (mysql2, day by day, pages of 5000): ${Math.round(baseRate).toLocaleString('en')} rows/s (${fmt(base.seconds)} s)`)
  // Once as the process runs by default (V8 sizes its heap as it likes), once with the old space capped:
  // the export finishing under the cap is what shows its memory does not grow with the rows.
  for (const heapMb of [undefined, HEAP_CAP_MB]) {
    const run = await measured(heapMb)
    if (run.lines !== base.rows) throw new Error(`the export wrote ${run.lines} lines, the journal holds ${base.rows}`)
    const runRate = run.lines / run.seconds
    const label = heapMb ? `--max-old-space-size=${heapMb}` : 'default heap'
    console.log(`measured  tax:report --detail=lines to CSV, ${label}: ${Math.round(runRate).toLocaleString('en')} rows/s (${fmt(run.seconds)} s, ${fmt(run.bytes / 1_048_576)} MB), ratio to baseline ${fmt(runRate / baseRate, 2)}`)
    console.log(`          RSS at start ${fmt(run.startMb)} MB, peak ${fmt(run.peakMb)} MB, growth ${fmt(run.peakMb - run.startMb)} MB (bound: 100 MB)`)
  }
} finally {
  await db.query('DELETE FROM tax_entries WHERE market_code = ? AND refund_key = ?', [MARKET, KEY])
  await db.end()
}
