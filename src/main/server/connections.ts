/**
 * A cap on browser mode's open connections, so that sockets held open by another program cannot
 * use up the file handles the project's saves need. At the cap, a new connection takes the place
 * of the oldest idle one (connected but with no request being answered); when every connection
 * is busy, the new one is refused. A researcher's call is therefore served however many idle
 * sockets are held.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

export const MAX_CONNECTIONS = 64;

export function capConnections(server: http.Server, max = MAX_CONNECTIONS): void {
  /** open sockets in the order they connected, with the number of requests being answered on each */
  const open = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      let evicted = false;
      for (const [other, busy] of open) {
        if (busy === 0) {
          open.delete(other);
          other.destroy();
          evicted = true;
          break;
        }
      }
      if (!evicted) return void socket.destroy();
    }
    open.set(socket, 0);
    socket.once('close', () => open.delete(socket));
  });
  const track = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    if (!open.has(socket)) return;
    open.set(socket, (open.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const busy = open.get(socket);
      if (busy !== undefined) open.set(socket, Math.max(0, busy - 1));
    });
  };
  server.on('request', track);
  server.on('checkContinue', track);
}
