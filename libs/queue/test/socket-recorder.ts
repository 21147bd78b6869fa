import net from 'node:net';

/**
 * Records the sockets amqplib opens (it calls `net.connect` on the shared core module), so a
 * test can cut the client's connection the way a network failure would.
 */
export function recordSockets(): { sockets: net.Socket[]; restore: () => void } {
  const sockets: net.Socket[] = [];
  const original = net.connect.bind(net) as (...args: unknown[]) => net.Socket;
  const spy = jest.spyOn(net, 'connect').mockImplementation(((...args: unknown[]) => {
    const socket = original(...args);
    sockets.push(socket);

    return socket;
  }) as typeof net.connect);

  return { sockets, restore: () => spy.mockRestore() };
}

/** An error, not a bare destroy: amqplib notices a socket loss through 'error' or 'end'. */
export function cutSocket(socket: net.Socket): void {
  socket.destroy(new Error('connection cut by the test'));
}
