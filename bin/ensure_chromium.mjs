/*
 * `npm test` on a new machine: the staff console's browser tests drive
 * Debian's chromium (CHROMIUM_PATH elsewhere). Installs it with apt when it
 * is missing and this is a root shell on Debian; otherwise says how.
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(path)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("• chromium is missing (the console's browser tests): installing it with apt")
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  } else {
    console.error(`chromium is not at ${path}: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH`)
    process.exit(1)
  }
}
