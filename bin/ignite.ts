/*
 * What every entrypoint (web, ace, tests) boots: the application at the
 * project root, its environment validated while booting, and stopped by
 * SIGTERM (and SIGINT under pm2 or in a cluster worker).
 */
import 'reflect-metadata'
import cluster from 'node:cluster'
import { Ignitor } from '@adonisjs/core'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

export function ignitor() {
  return new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    // A cluster worker's channel to the primary would keep it alive.
    const terminate = async () => {
      await app.terminate()
      if (cluster.isWorker) process.disconnect()
    }
    app.listen('SIGTERM', terminate)
    app.listenIf(app.managedByPm2 || cluster.isWorker, 'SIGINT', terminate)
  })
}
