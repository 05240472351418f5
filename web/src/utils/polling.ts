import { onBeforeUnmount, watch } from 'vue';

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
