import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** An uploaded file shown inline (a picture, a PDF), under its own name, never cached by a proxy. */
export function sendFile(
  reply: FastifyReply,
  file: { contentType: string; originalName: string; content: Readable | Buffer },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/**
 * A file made while it is sent (an export), saved under its name: `write` fills the reply as it reads its
 * rows, and is told through its signal when the client goes away, so that it stops reading. A failure
 * midway cuts the download off (the status is sent already) and is logged.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { filename: string; contentType: string; write(out: Writable, signal: AbortSignal): Promise<unknown> },
): FastifyReply {
  const out = new PassThrough();
  const gone = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) gone.abort();
  });
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(out);
  file.write(out, gone.signal).catch((error: unknown) => {
    reply.log.error({ err: error }, 'download cut off while being written');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply;
}
