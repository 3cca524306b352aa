import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './test-server.js';

export interface TestSocket {
  client: Client;
  /** Resolves when the server acknowledged the connection. */
  connected: Promise<void>;
  /** Resolves with the close code and reason, whoever closed it. */
  closed: Promise<{ code: number; reason: string }>;
  /** Whether it has closed yet. */
  isClosed(): boolean;
}

/** A graphql-ws connection to the test server, opened at once and never retried. */
export function openSocket(server: TestServer, token: string): TestSocket {
  let closedYet = false;
  let connected!: () => void;
  let closed!: (event: { code: number; reason: string }) => void;
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => connected(),
      closed: (event) => {
        closedYet = true;
        const { code, reason } = event as { code: number; reason: string };
        closed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    connected: new Promise<void>((resolve) => (connected = resolve)),
    closed: new Promise((resolve) => (closed = resolve)),
    isClosed: () => closedYet,
  };
}
