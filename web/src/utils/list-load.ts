import { ref, type Ref } from 'vue';
import { errorMessage } from '../api/http';
import { notifyError } from './notify';

/**
 * The state every list shares around its request: `loading`, and `error` (the failure's message, null
 * after a success) for ListEmpty. `run` returns false when the request failed. `initiallyLoading`: a page
 * that loads as it opens shows the spinner, not its empty text, until the first answer.
 */
export function useListLoad(initiallyLoading = false) {
  const loading = ref(initiallyLoading);
  const error = ref<string | null>(null);
  return {
    loading,
    error,
    async run(request: () => Promise<void>): Promise<boolean> {
      loading.value = true;
      try {
        await request();
        error.value = null;
        return true;
      } catch (failure) {
        error.value = errorMessage(failure);
        notifyError(failure);
        return false;
      } finally {
        loading.value = false;
      }
    },
  };
}

/** A list read whole (no pages): its rows, emptied when the request fails so that none pass for its answer. */
export function useList<T>(fetch: () => Promise<T[]>, initiallyLoading = false) {
  const rows = ref([]) as Ref<T[]>;
  const { loading, error, run } = useListLoad(initiallyLoading);
  async function load(): Promise<void> {
    const ok = await run(async () => {
      rows.value = await fetch();
    });
    if (!ok) rows.value = [];
  }
  return { rows, loading, error, load };
}
