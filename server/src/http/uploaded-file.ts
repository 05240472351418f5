import type { FastifyError, FastifyRequest } from 'fastify';
import { AppError } from '../domain/app-error';

/**
 * The one file of a multipart request, read whole. A body that breaks off or names no boundary makes
 * the multipart parser throw a bare Error (no status): that is the client's fault (400), not a 500.
 * Fastify's own refusals (too large, not multipart at all) keep the status they carry.
 */
export async function readUploadedFile(
  request: FastifyRequest,
): Promise<{ originalName: string; content: Buffer } | undefined> {
  try {
    const file = await request.file();
    return file && { originalName: file.filename, content: await file.toBuffer() };
  } catch (error) {
    if ((error as FastifyError).statusCode) throw error;
    throw new AppError('VALIDATION_FAILED', '上传的内容不完整或格式不正确，请重新选择文件上传');
  }
}
