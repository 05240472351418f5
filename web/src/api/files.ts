import { filesContract } from '#common';
import { addressOf } from './client';

/** The address of an uploaded file (a unit's licence), for an <img> or a new tab. */
export function fileUrl(id: string): string {
  return addressOf(filesContract.file, { id });
}
