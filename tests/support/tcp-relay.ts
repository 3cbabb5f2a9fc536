import net from 'node:net'

/**
 * A TCP relay between the app and a real server, for outage tests: `cut()` closes the listening port and
 * every connection through it (the app sees the server go away), `restore()` listens again on the same
 * port. Not a fake server: every byte that passes goes to the real one.
 */
export async function startTcpRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => {
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream)
        upstream.pipe(client)
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port
        server = next
        resolve()
      })
    })

  await listen()
  return {
    get port() {
      return port
    },
    /** Stops accepting and drops every open connection. */
    async cut() {
      const closing = server
      server = null
      for (const socket of sockets) socket.destroy()
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()))
    },
    async restore() {
      if (!server) await listen()
    },
    close() {
      return this.cut()
    },
  }
}
