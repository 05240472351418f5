import { accountKindLabels } from '#common';
import type { SenderKind } from '../api/messages';

/** 发送人类型 of a message. */
export function senderKindLabel(kind: SenderKind): string {
  return kind === 'system' ? '系统' : accountKindLabels[kind];
}
