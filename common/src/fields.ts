/**
 * The Chinese label of every input field the API accepts, by its name in the schemas. Validation
 * failures name the field with it (“手机号：请输入正确的11位手机号”), so the same field name must mean the
 * same thing in every schema.
 */
export const fieldLabels: Record<string, string> = {
  kind: '用户类型',
  username: '用户名/手机号/社会信用代码',
  password: '密码',
  confirmPassword: '确认密码',
  oldPassword: '旧密码',
  newPassword: '新密码',
  confirmNewPassword: '确认新密码',
  captchaId: '验证码',
  captchaCode: '验证码',
  phone: '手机号',
  newPhone: '新手机号',
  smsCode: '短信验证码',
  purpose: '验证码用途',
  creditCode: '统一社会信用代码',
  contactName: '联系人',
  keyword: '关键字',
  page: '页码',
  pageSize: '每页条数',
  locked: '锁定状态',
  accountId: '账号',
  unitId: '单位',
  licenseFileId: '组织机构代码证或营业执照',
  nature: '单位性质',
  level: '单位等级',
  regionCode: '行政区域',
  contactPhone: '联系电话',
  fax: '传真',
  address: '地址',
  remark: '备注',
  name: '名称',
  seriesCode: '职称系列',
  titleLevels: '评审等级',
  printFromStage: '可打印申报表的审核节点',
  notice: '通知',
  year: '年度',
  opensAt: '网报开始时间',
  closesAt: '网报截止时间',
  orgKind: '机构类型',
  orgId: '机构',
  displayName: '姓名',
  supervisorId: '主管部门',
  decision: '审核结果',
  opinion: '审核意见',
  reason: '原因',
  parentId: '上级专业',
  parentCode: '上级行政区域',
  items: '审核人员',
  unitOpinion: '基层意见',
  action: '审核结果',
  version: '版本号',
  titleLevel: '申报等级',
  committeeId: '评委会',
  data: '表格内容',
  idNumber: '身份证号',
  content: '消息内容',
  unitName: '单位名称',
  depth: '专业级别',
  status: '审核状态',
  after: '翻页位置',
  id: '记录',
  attachmentId: '附件',
  category: '附件类别',
  table: '表格',
  batchId: '评委会批次',
  titleId: '申报职称',
  specialtyStudiedId: '所学专业',
  specialtyPractisedId: '从事专业',
  correctionClosesAt: '返回修改截止时间',
  disabled: '停用或启用',
  unread: '只看未读',
  challengeId: '登录验证',
  code: '验证码',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  for (let i = names.length - 1; i >= 0; i--) {
    const label = fieldLabels[names[i] as string];
    if (label) return label;
  }
  // Never the English key: a clerk cannot act on it (the contract test names every field).
  return '提交的内容';
}
