import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { notifyError } from './notify';

/**
 * Calls `tick` every `ms` while `active()` holds (a meeting's vote that others move on), and stops when it
 * no longer does or the page goes away.
 */
export function usePolling(active: () => boolean, tick: () => unknown, ms = 10_000): void {
  let timer: ReturnType<typeof globalThis.setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) globalThis.clearInterval(timer);
    timer = undefined;
  };
  watch(active, (on) => {
    stop();
    if (on) timer = globalThis.setInterval(() => void tick(), ms);
  });
  onBeforeUnmount(stop);
}

/**
 * One record a page shows and reloads, quietly while polling: a quiet reload that fails keeps what is on
 * screen; a first load that fails says why (`missing` when the error has no message).
 */
export function useReloadable<T>(fetch: () => Promise<T>, missing: string) {
  const record = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const failed = ref('');
  async function load(quiet = false): Promise<void> {
    if (!quiet) loading.value = true;
    try {
      record.value = await fetch();
      failed.value = '';
    } catch (error) {
      if (!quiet) {
        record.value = null;
        failed.value = error instanceof Error ? error.message : missing;
        notifyError(error);
      }
    } finally {
      loading.value = false;
    }
  }
  return { record, loading, failed, load };
}
