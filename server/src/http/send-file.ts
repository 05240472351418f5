import type { Readable } from 'node:stream';
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
