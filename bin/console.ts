/*
 * Ace entrypoint. Commands boot the application only when they ask for it
 * (`options.startApp`).
 */
const { prettyPrintError } = await import('@adonisjs/core')
const { ignitor } = await import('./ignite.js')

ignitor()
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
    // A failed boot can leave providers' handles open: exit once the message is out.
    setTimeout(() => process.exit(1), 500).unref()
  })
