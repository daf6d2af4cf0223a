/**
 * The WebSocket behind a small adapter (the shape of centrifuge-js's transport): the connection
 * state machine in `meeting-connection.ts` only ever sees {@link SocketTransport} and
 * {@link SocketCallbacks}, so tests can swap in the in-process fake server
 * (`test-support/fake-socket.ts`) and nothing above this file touches a real socket.
 *
 * Contract: after `connect`, exactly one of these happens first: `onOpen` (then any number of
 * `onMessage`, then exactly one `onClose`), or `onClose` without `onOpen` (the connection
 * failed). No callback fires after `onClose`, and none after `close()` was called by the client.
 */

export interface SocketCallbacks {
  onOpen(): void;
  /** One text frame. Binary frames are not part of the protocol and are dropped. */
  onMessage(data: string): void;
  onClose(code: number, reason: string): void;
}

export interface SocketTransport {
  /** Sends one text frame. Only valid between `onOpen` and `onClose`. */
  send(data: string): void;
  /** Closes from the client side; no callback fires afterwards. */
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, callbacks: SocketCallbacks) => SocketTransport;

/** `ws(s)://<this origin>/ws`, the §7 endpoint on the page's own origin. */
export function meetingSocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** The browser's WebSocket behind the adapter. */
export const browserSocketFactory: SocketFactory = (url, callbacks) => {
  const socket = new WebSocket(url);
  let done = false;
  const finish = (code: number, reason: string): void => {
    if (done) return;
    done = true;
    callbacks.onClose(code, reason);
  };
  socket.onopen = () => {
    if (!done) callbacks.onOpen();
  };
  socket.onmessage = (event: MessageEvent) => {
    if (!done && typeof event.data === 'string') callbacks.onMessage(event.data);
  };
  socket.onclose = (event: CloseEvent) => finish(event.code, event.reason);
  // An error is always followed by close; 1006 covers browsers that skip it after a failed open.
  socket.onerror = () => {
    if (socket.readyState === WebSocket.CLOSED) finish(1006, 'error');
  };
  return {
    send(data) {
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
    },
    close(code = 1000, reason = '') {
      done = true;
      socket.close(code, reason);
    },
  };
};
