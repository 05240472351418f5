import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { sendDownload } from './send-file';

/** sendDownload over a real socket: a file written while it is sent, and a client that leaves midway. */
const app = Fastify();
afterEach(() => app.close());

describe('sendDownload', () => {
  it('saves the file under its name, and tells the writer to stop when the client goes away', async () => {
    let written = 0;
    let stopped!: () => void;
    const stop = new Promise<void>((resolve) => (stopped = resolve));
    app.get('/file', (_request, reply) =>
      sendDownload(reply, {
        filename: '评审名单-2026-05-26.xlsx',
        contentType: 'application/octet-stream',
        async write(out, signal) {
          // A file that would never end: only the client's leaving stops it.
          while (!signal.aborted) {
            out.write(Buffer.alloc(16 * 1024));
            written++;
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
          stopped();
        },
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const disposition = await new Promise<string | undefined>((resolve, reject) => {
      const request = get({ host: '127.0.0.1', port, path: '/file' }, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve(response.headers['content-disposition']);
        });
      });
      request.on('error', (error) => {
        if (!request.destroyed) reject(error);
      });
    });
    expect(disposition).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('评审名单-2026-05-26.xlsx')}`);
    await stop;
    const atStop = written;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(atStop);
  });
});
