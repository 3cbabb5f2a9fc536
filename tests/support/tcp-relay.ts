import net from 'node:net'

/**
 * A TCP relay between the app and a real server, for outage tests: `cut()` closes the listening port and
 * every connection through it (the app sees the server go away), `restore()` listens again on the same
 * port; `stall()` keeps connections open but silent (a hung network), `resume()` lets bytes through
 * again. Not a fake server: every byte that passes goes to the real one.
 */
export async function startTcpRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  let stalled = false
  const held: net.Socket[] = []

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        if (stalled) {
          client.pause()
          sockets.add(client)
          client.on('close', () => sockets.delete(client))
          held.push(client)
          return
        }
        relay(client)
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port
        server = next
        resolve()
      })
    })

  const relay = (client: net.Socket) => {
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
  }

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
    /** Keeps every connection open but passes no byte either way: a network that hangs. */
    stall() {
      stalled = true
      for (const socket of sockets) socket.pause()
    },
    resume() {
      stalled = false
      for (const socket of sockets) socket.resume()
      for (const client of held.splice(0)) relay(client)
    },
    async restore() {
      if (!server) await listen()
    },
    close() {
      return this.cut()
    },
  }
}
