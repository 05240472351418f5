import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Below this width (a phone) forms put their labels above the fields. */
export const NARROW_QUERY = '(max-width: 767px)';

/** Whether the window is narrow now, following it as it turns or is resized. */
export function useNarrowScreen(): Ref<boolean> {
  const query = globalThis.matchMedia?.(NARROW_QUERY);
  const narrow = ref(query?.matches ?? false);
  const follow = (event: MediaQueryListEvent) => (narrow.value = event.matches);
  query?.addEventListener('change', follow);
  onBeforeUnmount(() => query?.removeEventListener('change', follow));
  return narrow;
}
