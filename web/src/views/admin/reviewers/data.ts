import { orgKindLabels, reviewerCreateBodySchema, type OrgKind, type ReviewerCreateBody } from '#common';
import type { FormRules } from 'element-plus';
import type { Reviewer } from '../../../api/admin';
import type { ListColumn } from '../../../components/list/columns';
import { schemaRules } from '../../../utils/form';

/** 审核用户: the list's columns and the 新增 form. */
export const columns: ListColumn<Reviewer>[] = [
  { key: 'username', label: '用户名', width: 160, card: 'title' },
  { key: 'displayName', label: '姓名', width: 140 },
  { key: 'orgKind', label: '机构类型', width: 100, text: (r) => orgKindLabels[r.orgKind] },
  { key: 'orgName', label: '机构', minWidth: 220, tooltip: true },
  {
    key: 'twoFactor',
    label: '两步验证',
    width: 100,
    align: 'center',
    text: (r) => (r.twoFactor ? '已开启' : '未开启'),
  },
  { key: 'locked', label: '状态', width: 90, align: 'center' },
];

/** A choice of 机构 in the filter and the form. */
export interface OrgOption {
  id: string;
  name: string;
}

export interface ReviewerForm {
  orgKind: OrgKind | '';
  orgId: string;
  username: string;
  displayName: string;
  /** Optional: blank is sent as none. */
  phone: string;
}

/** What is sent; null when the shared schema refuses it (the form's rules have said why). */
export function bodyOf(form: ReviewerForm): ReviewerCreateBody | null {
  const parsed = reviewerCreateBodySchema.safeParse({ ...form, phone: form.phone.trim() || undefined });
  return parsed.success ? parsed.data : null;
}

export function rulesOf(form: ReviewerForm): FormRules {
  return {
    ...schemaRules(reviewerCreateBodySchema, form, {
      orgKind: { required: '请选择机构类型', trigger: 'change' },
      orgId: { required: '请选择机构', trigger: 'change' },
      username: { required: '请输入用户名' },
      displayName: { required: '请输入姓名' },
    }),
    phone: [
      {
        trigger: 'blur',
        validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
          const parsed = reviewerCreateBodySchema.shape.phone.safeParse(form.phone.trim() || undefined);
          if (parsed.success) callback();
          else callback(new Error(parsed.error.issues[0]?.message ?? '请输入正确的11位手机号'));
        },
      },
    ],
  };
}
