import type { PGlite } from '@electric-sql/pglite'
import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely'
import { KyselyPGlite } from 'kysely-pglite'

/**
 * PGlite is a single session: two interleaved transactions would share one BEGIN.
 * This driver hands out its only connection to one Kysely caller at a time, so a
 * transaction (or a long query) holds the database until it releases it.
 */
class SerialDriver implements Driver {
  #inner: Driver
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | null = null

  constructor(inner: Driver) {
    this.#inner = inner
  }

  async init() {
    await this.#inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#release = release
    return this.#inner.acquireConnection()
  }

  async releaseConnection(connection: DatabaseConnection) {
    await this.#inner.releaseConnection(connection)
    const release = this.#release
    this.#release = null
    release?.()
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(connection, settings)
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection)
  }

  async destroy() {
    await this.#inner.destroy()
  }
}

export function serialPGliteDialect(client: PGlite): Dialect {
  const base = new KyselyPGlite(client).dialect
  return {
    createAdapter: () => base.createAdapter(),
    createDriver: () => new SerialDriver(base.createDriver()),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
  }
}
