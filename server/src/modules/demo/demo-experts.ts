import { expertCreateSchema } from '#common';
import type { FakeClock } from '../../clock';
import type { Db } from '../../db/database';
import type { ExpertActor, ReviewerActor } from '../../domain/actor';
import type { ExpertService } from '../committee-work/expert.service';
import { actorOf } from './demo.repository';

interface PoolSeat {
  name: string;
  /** Where an expert outside the demo unit works (as text: such places have no unit record here). */
  unitName: string;
  /** Of the demo unit, with its record: never drawn for its people, the draw shows the 回避. */
  ofDemoUnit?: true;
  titleName: string;
  specialties: string[];
}

/**
 * The demo committee's 专家库: six archivists the meetings draw from, one of the demo unit (never drawn
 * for its people: the draw shows the 回避) and one librarian the meetings' specialty leaves out.
 */
const pool: PoolSeat[] = [
  { name: '李建国（演示）', unitName: '云南省档案馆', titleName: '研究馆员', specialties: ['档案管理', '档案保护'] },
  { name: '张秀英（演示）', unitName: '昆明市档案馆', titleName: '研究馆员', specialties: ['档案管理'] },
  { name: '杨志明（演示）', unitName: '云南大学历史与档案学院', titleName: '教授', specialties: ['档案管理'] },
  { name: '段丽华（演示）', unitName: '大理白族自治州档案馆', titleName: '研究馆员', specialties: ['档案管理'] },
  {
    name: '普文斌（演示）',
    unitName: '红河哈尼族彝族自治州档案馆',
    titleName: '研究馆员',
    specialties: ['档案管理', '电子文件管理'],
  },
  {
    name: '刘晓燕（演示）',
    unitName: '云南省地方志编纂委员会办公室',
    titleName: '研究馆员',
    specialties: ['档案管理'],
  },
  { name: '周文（演示）', unitName: '', ofDemoUnit: true, titleName: '副研究馆员', specialties: ['档案管理'] },
  { name: '何雨（演示）', unitName: '云南省图书馆', titleName: '研究馆员', specialties: ['图书馆学'] },
];

/** The specialty the demo meetings draw from. */
export const demoMeetingSpecialty = '档案管理';

export interface DemoExpert {
  accountId: number;
  loginName: string;
  name: string;
  /** The one-time password of 新增专家: shown on the login page only for the two demo experts. */
  temporaryPassword: string;
  actor: ExpertActor;
}

/**
 * 新增专家 by the committee office, as on its 专家库 page: accounts `demo-expert-1` … with a term of three
 * years from the start of the story's year, so that every demo meeting falls within it.
 */
export async function createDemoExperts(
  db: Db,
  experts: ExpertService,
  clock: FakeClock,
  office: ReviewerActor,
  demoUnit: { id: number; name: string },
): Promise<DemoExpert[]> {
  const year = Number(clock.now().toISOString().slice(0, 4));
  const made: DemoExpert[] = [];
  for (const [i, seat] of pool.entries()) {
    clock.advanceMinutes(6);
    const ownUnit = seat.ofDemoUnit === true;
    const loginName = `demo-expert-${i + 1}`;
    const { id, temporaryPassword } = await experts.create(
      office,
      expertCreateSchema.parse({
        loginName,
        name: seat.name,
        phone: `139000001${String(i + 1).padStart(2, '0')}`,
        unitName: ownUnit ? demoUnit.name : seat.unitName,
        unitId: ownUnit ? String(demoUnit.id) : null,
        supervisorId: null,
        titleName: seat.titleName,
        specialties: seat.specialties,
        termStartsOn: `${year}-01-01`,
        termEndsOn: `${year + 2}-12-31`,
        conflictUnitIds: [],
      }),
    );
    const accountId = Number(id);
    made.push({
      accountId,
      loginName,
      name: seat.name,
      temporaryPassword,
      actor: await actorOf<ExpertActor>(db, accountId),
    });
  }
  return made;
}
