import { reactive } from 'vue';
import type { FormTableKey } from '#common';

/** A table's unsaved copy in localStorage: what was typed, and the saved copy it was typed over. */
export interface LocalCopy {
  base: unknown;
  data: unknown;
  at: string;
}

/** How a table was restored from this browser on opening the page. */
export type Restored = 'clean' | 'conflict';

/**
 * The typed-but-unsaved tables of one application, kept in this browser's localStorage until the
 * server has them, so that a reload or a lost connection does not lose them. `restored` marks the
 * tables taken from here on opening: 'clean' when typed over the copy still saved, 'conflict' when
 * the saved copy changed since (the person chooses which one to keep).
 */
export function useLocalCopies(applicationId: string) {
  const restored = reactive<Partial<Record<FormTableKey, Restored>>>({});
  const storageKey = (table: FormTableKey) => `zc:application:${applicationId}:${table}`;

  function read(table: FormTableKey): LocalCopy | null {
    try {
      const text = localStorage.getItem(storageKey(table));
      return text ? (JSON.parse(text) as LocalCopy) : null;
    } catch {
      return null;
    }
  }

  function write(table: FormTableKey, base: unknown, data: unknown): void {
    try {
      const copy: LocalCopy = { base, data, at: new Date().toISOString() };
      localStorage.setItem(storageKey(table), JSON.stringify(copy));
    } catch {
      // A full or disabled storage only loses the safety copy.
    }
  }

  function clear(table: FormTableKey): void {
    try {
      localStorage.removeItem(storageKey(table));
    } catch {
      // Nothing to clear.
    }
  }

  /** When the unsaved copy of a table was last typed (null without one). */
  const typedAt = (table: FormTableKey): string | null => read(table)?.at ?? null;

  return { restored, read, write, clear, typedAt };
}

export type LocalCopies = ReturnType<typeof useLocalCopies>;
