import { idNumberCheckCharacter } from '#common';
import type { Executor } from '../../db/database';
import { insertApplicant } from '../applicants/applicant.repository';
import { insertAccount } from '../auth/account.repository';

export interface DemoPerson {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  phone: string;
}

/** A 五华区 ID number with its GB 11643 check character; an odd sequence is a man. */
function person(name: string, birth: string, sequence: string, phone: string): DemoPerson {
  const first17 = `530102${birth}${sequence}`;
  return {
    name,
    idNumber: first17 + idNumberCheckCharacter(first17)!,
    gender: Number(sequence.at(-1)) % 2 === 1 ? 'male' : 'female',
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    phone,
  };
}

/** The person whose account the login page offers. */
export const demoApplicant: DemoPerson = {
  name: '王伟（演示）',
  idNumber: '11010519491231002X',
  gender: 'female',
  birthDate: '1949-12-31',
  phone: '13800000002',
};

/** Colleagues of the demo unit whose applications fill the desks; their passwords are never shown. */
export const demoColleagues = {
  liNa: person('李娜（演示）', '19930412', '024', '13800000011'),
  zhouQiang: person('周强（演示）', '19950907', '013', '13800000012'),
  zhangMin: person('张敏（演示）', '19880623', '046', '13800000013'),
  liuYang: person('刘洋（演示）', '19870215', '031', '13800000014'),
  chenJing: person('陈静（演示）', '19890330', '068', '13800000015'),
  yangFan: person('杨帆（演示）', '19820718', '055', '13800000016'),
  zhaoLei: person('赵磊（演示）', '19850126', '077', '13800000017'),
  huangLi: person('黄丽（演示）', '19860511', '082', '13800000018'),
  // Their applications went on to the committee: its meetings, 公示 and the bureau's 确认 (demo-committee.ts).
  sunYue: person('孙悦（演示）', '19840309', '042', '13800000019'),
  wuFang: person('吴芳（演示）', '19830817', '064', '13800000020'),
  zhengHao: person('郑浩（演示）', '19860224', '035', '13800000021'),
  fengTao: person('冯涛（演示）', '19811105', '057', '13800000022'),
  heJia: person('何佳（演示）', '19900628', '026', '13800000023'),
  luoMing: person('罗明（演示）', '19880912', '019', '13800000024'),
  gaoXue: person('高雪（演示）', '19910420', '048', '13800000025'),
};

/** A person with an applicant account who has chosen the unit, as after 个人注册 and 选择单位. */
export async function insertDemoPerson(
  trx: Executor,
  who: DemoPerson,
  unitId: number,
  passwordHash: string,
  at: Date,
): Promise<number> {
  const accountId = await insertAccount(trx, {
    kind: 'applicant',
    login_name: who.idNumber,
    display_name: who.name,
    phone: who.phone,
    password_hash: passwordHash,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  });
  await insertApplicant(trx, {
    account_id: accountId,
    name: who.name,
    id_number: who.idNumber,
    gender: who.gender,
    birth_date: who.birthDate,
    unit_id: unitId,
    unit_joined_at: at,
    created_at: at,
    updated_at: at,
  });
  return accountId;
}
