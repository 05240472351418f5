import { defineStore } from 'pinia';
import { messagesApi } from '../api/messages';

/** The unread count shown as a badge on 我的消息. */
export const useMessagesStore = defineStore('messages', {
  state: () => ({ unread: 0 }),
  actions: {
    async refresh(): Promise<void> {
      try {
        this.unread = (await messagesApi.unreadCount()).unread;
      } catch {
        // The badge is a hint: a failed count keeps the last one.
      }
    },
    set(unread: number): void {
      this.unread = unread;
    },
  },
});
