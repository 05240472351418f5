import { reactive, ref, type Ref } from 'vue';
import type { Paged } from '../api/admin';
import { useListLoad } from './list-load';

/** A paged table: rows, total, loading, the failure (for ListEmpty) and the handlers of ElPagination. */
export function usePaged<T>(fetch: (page: number, pageSize: number) => Promise<Paged<T>>, pageSize = 10) {
  const rows = ref([]) as Ref<T[]>;
  const total = ref(0);
  const totalCapped = ref(false);
  const { loading, error, run } = useListLoad();
  const paging = reactive({ page: 1, pageSize });

  async function load(): Promise<void> {
    let again = false;
    const ok = await run(async () => {
      const result = await fetch(paging.page, paging.pageSize);
      rows.value = result.items;
      total.value = result.total;
      totalCapped.value = result.totalCapped === true;
      // The last row of the last page went away: show the page before.
      if (result.items.length === 0 && result.total > 0 && paging.page > 1) {
        paging.page = Math.ceil(result.total / paging.pageSize);
        again = true;
      }
    });
    // Rows of another page or filter under a failed request would pass for its answer.
    if (!ok) {
      rows.value = [];
      total.value = 0;
      totalCapped.value = false;
    }
    if (again) await load();
  }

  return {
    rows,
    total,
    totalCapped,
    loading,
    error,
    paging,
    load,
    /** From the first page (after 搜索 / 重置). */
    search(): Promise<void> {
      paging.page = 1;
      return load();
    },
    onSizeChange(size: number): void {
      paging.pageSize = size;
      paging.page = 1;
      void load();
    },
    onPageChange(page: number): void {
      paging.page = page;
      void load();
    },
    /** 序号 of a row on the current page. */
    indexOf(index: number): number {
      return (paging.page - 1) * paging.pageSize + index + 1;
    },
  };
}
