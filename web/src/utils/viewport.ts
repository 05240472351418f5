import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Below this width the console's menu becomes a drawer and forms put their labels above the fields (main.css). */
export const PHONE_QUERY = '(max-width: 767px)';

/** True while the window is phone-narrow; follows rotation and resizing. */
export function usePhone(): Ref<boolean> {
  const query = globalThis.matchMedia(PHONE_QUERY);
  const phone = ref(query.matches);
  const follow = (event: MediaQueryListEvent) => {
    phone.value = event.matches;
  };
  query.addEventListener('change', follow);
  onBeforeUnmount(() => query.removeEventListener('change', follow));
  return phone;
}
