import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue';

/** Whether a CSS media query matches now, kept current as the window turns or is resized. */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = window.matchMedia(query);
  const matches = ref(list.matches);
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list.addEventListener('change', update);
  if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', update));
  return readonly(matches);
}

/**
 * Below 768px, a phone: the console's menu becomes a drawer, forms put their labels above the fields
 * and lists become cards (the same width as the media queries of main.css and lists.css).
 */
export const usePhone = () => useMediaQuery('(max-width: 767px)');
