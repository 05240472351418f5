import { computed, ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { CheckResult } from '#common';
import { applicationsApi } from '../../../api/applications';
import { confirmAction } from '../../../utils/confirm';
import { notifyError } from '../../../utils/notify';
import { sectionOfIssue, type SectionKey } from './sectionKeys';
import type { ApplicationEditor } from './useApplicationEditor';

/**
 * 提交前检查 and 提交: what is still missing (computed on what is typed now, grouped by where it is put
 * right), what only the server knows (the unit's readiness, the batch's deadline: `blockers`), and
 * 提交 itself, which saves every table first and asks before sending.
 */
export function useSubmission(
  editor: ApplicationEditor,
  hooks: { go: (section: SectionKey) => void; submitted: () => Promise<void> },
) {
  const { app, liveIssues } = editor;
  const serverCheck = ref<CheckResult | null>(null);
  const checking = ref(false);
  const submitting = ref(false);

  const blockers = computed(() => serverCheck.value?.blockers ?? []);
  const issuesBySection = computed(() => {
    const map = new Map<SectionKey, number>();
    for (const issue of liveIssues.value) {
      const key = sectionOfIssue(issue);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    return map;
  });
  const issueGroups = computed(() => {
    const groups = new Map<string, { label: string; section: SectionKey; messages: string[] }>();
    for (const issue of liveIssues.value) {
      const group = groups.get(issue.sectionLabel) ?? {
        label: issue.sectionLabel,
        section: sectionOfIssue(issue),
        messages: [],
      };
      group.messages.push(issue.message);
      groups.set(issue.sectionLabel, group);
    }
    return [...groups.values()];
  });

  async function runCheck(): Promise<void> {
    if (!app.value || !editor.editable.value) return;
    checking.value = true;
    try {
      serverCheck.value = await applicationsApi.check(editor.applicationId);
    } catch (error) {
      notifyError(error);
    } finally {
      checking.value = false;
    }
  }

  const mayAct = computed(() => app.value?.abilities.includes('submit') ?? false);
  const canSubmit = computed(
    () =>
      mayAct.value &&
      liveIssues.value.length === 0 &&
      serverCheck.value !== null &&
      blockers.value.length === 0 &&
      !editor.conflict.value,
  );
  const submitHint = computed(() => {
    if (!mayAct.value) return '';
    if (liveIssues.value.length) return `还有 ${liveIssues.value.length} 项未完成，请按提交前检查补充`;
    if (blockers.value.length) return blockers.value[0]?.message ?? '';
    if (!serverCheck.value) return '正在检查…';
    return '';
  });

  async function submit(): Promise<void> {
    if (!app.value) return;
    submitting.value = true;
    try {
      if (!(await editor.saveAll())) {
        ElMessage.error('有内容未能保存，请先处理后再提交');
        return;
      }
      await runCheck();
      if (!canSubmit.value) {
        hooks.go('check');
        return;
      }
      const next = app.value.status === 'returned' ? '修改后提交将直接回到返回修改的审核环节' : '提交后进入单位审核';
      if (!(await confirmAction(`${next}；审核期间不能修改申报材料。确定提交申报吗？`, '提交申报'))) return;
      await editor.submit();
      ElMessage.success('提交成功');
      await hooks.submitted();
      hooks.go('cover');
    } catch (error) {
      notifyError(error);
      void runCheck();
    } finally {
      submitting.value = false;
    }
  }

  return {
    serverCheck,
    checking,
    blockers,
    issuesBySection,
    issueGroups,
    mayAct,
    canSubmit,
    submitHint,
    submitting,
    runCheck,
    submit,
  };
}

export type Submission = ReturnType<typeof useSubmission>;
