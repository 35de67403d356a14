import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { marketFixture } from '#tests/support/markets'

interface Run {
  code: number
  output: string
}

function ace(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['ace', ...args],
      { cwd: app.appRoot.pathname, env: { ...process.env, ...env, NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr })
      }
    )
  })
}

/**
 * A market folder with one broken file, inside the app so that it resolves
 * the app's imports. It is what an ops engineer's bad edit looks like.
 */
test.group('A bad market file stops boot', (group) => {
  const folder = join(app.appRoot.pathname, 'tmp', `markets-${process.pid}`)

  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    const sg = marketFixture('SG')
    sg.currency = 'SGX'
    await writeFile(join(folder, 'sg.ts'), `export default ${JSON.stringify(sg, null, 2)}\n`)
    await writeFile(join(folder, 'id.ts'), `export default ${JSON.stringify(marketFixture('ID'), null, 2)}\n`)
    return () => rm(folder, { recursive: true, force: true })
  })

  test('the app does not boot: one message names the file, the field and the fault', async ({ assert }) => {
    const run = await ace(['markets:list'], { MARKETS_PATH: folder })
    assert.notEqual(run.code, 0)
    assert.include(
      run.output,
      `Invalid market configuration: tmp/markets-${process.pid}/sg.ts: currency: "SGX" is not an ISO 4217 currency code`
    )
    assert.notInclude(run.output, 'Timezone', 'no market table is printed')
  }).timeout(60_000)

  test('markets:validate prints the same message and exits non-zero', async ({ assert }) => {
    const run = await ace(['markets:validate'], { MARKETS_PATH: folder })
    assert.equal(run.code, 1)
    assert.include(
      run.output,
      `Invalid market configuration: tmp/markets-${process.pid}/sg.ts: currency: "SGX" is not an ISO 4217 currency code`
    )
  }).timeout(60_000)

  test('markets:validate passes the shipped files', async ({ assert }) => {
    const run = await ace(['markets:validate'], {})
    assert.equal(run.code, 0)
    assert.include(run.output, '8 markets valid: BR, ID, MY, PH, SG, TH, TW, VN')
  }).timeout(60_000)
})
