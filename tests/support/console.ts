import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright'
import { AxeBuilder } from '@axe-core/playwright'
import { PASSWORD } from '#tests/support/identity'
import { Totp } from '#identity/services/totp'

/**
 * Signs a staff member in to the console through its pages: the password,
 * then (admin and ops) the TOTP code, enrolling the factor from the secret
 * the enrolment page shows. Returns the secret (null for a role without a
 * second factor). `step`: which TOTP time step to use (a code is never
 * accepted twice, so a second sign-in of the same person takes the next).
 */
export async function signIn(page: Page, email: string, options: { secret?: string | null; step?: number } = {}) {
  await page.goto('/console/sign-in')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState()
  if (!new URL(page.url()).pathname.startsWith('/console/second-factor')) return null
  const secret = options.secret ?? (await page.locator('code.secret').textContent())!.trim()
  await page.getByLabel('6-digit code').fill(Totp.codeAt(secret, email, Date.now() + (options.step ?? 0) * 30_000))
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.waitForLoadState()
  if ((await page.locator('ul.codes').count()) > 0) await page.getByRole('link', { name: 'Continue' }).click()
  await page.waitForLoadState()
  return secret
}

/** Serious and critical accessibility violations of the page as axe-core finds them (WCAG 2.1 A and AA). */
export async function accessibilityProblems(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/** With CONSOLE_SCREENSHOTS=<folder> (docs/console for the README), the page as a PNG. */
export async function screenshot(page: Page, name: string) {
  const folder = process.env.CONSOLE_SCREENSHOTS
  if (!folder) return
  mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true })
}

/** The console session cookie's value in the browser. */
export async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies()
  return cookies.find((cookie) => cookie.name === 'pasar_console')?.value ?? null
}
