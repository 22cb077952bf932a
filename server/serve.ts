import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Service } from './context';

export type RunningServer = { url: string; close: () => Promise<void> };

/** Serves the app over HTTP on `hostname:port` (port 0: any free one) and says where. */
export function startServer(service: Service, options: { port: number; hostname: string }): Promise<RunningServer> {
  const app = createApp(service);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${options.hostname}:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
