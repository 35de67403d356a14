/*
 * JavaScript entrypoint of the ace command line. Node cannot run TypeScript
 * sources by itself, so the ts-exec hook is registered before the console
 * entrypoint is imported.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
