import { computed, ref, type Ref } from 'vue';
import type { ListSource } from '../components/list/columns';

/** A PagedTable source over rows the page already holds (the meeting's detail): no request of its own. */
export function staticList<T>(rows: () => T[], reload: () => Promise<void>): ListSource<T> {
  return {
    rows: computed(rows) as Readonly<Ref<T[]>>,
    loading: ref(false),
    error: ref(null),
    load: reload,
  };
}
