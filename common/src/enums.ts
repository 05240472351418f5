export const accountKinds = ['applicant', 'unit', 'reviewer', 'admin'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const accountKindLabels: Record<AccountKind, string> = {
  applicant: '个人用户',
  unit: '单位用户',
  reviewer: '审核用户',
  admin: '平台管理员',
};

/** Why an SMS code is sent; a code is only good for the purpose it was sent for. */
export const smsPurposes = ['unitRegister', 'applicantRegister', 'resetPassword', 'changePhone'] as const;
export type SmsPurpose = (typeof smsPurposes)[number];

/** Who may unlock a locked account: the platform, or the applicant's unit. */
export type UnlockAuthority = 'platform' | 'unit';
