import type { z } from 'zod';
import type { specialtyCreateSchema, specialtyQuerySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import type { AdminActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import * as reference from './reference.repository';
import { presentRegion, presentSeries, presentSpecialty } from './reference.presenter';
import { childRegions } from './region.repository';

type SpecialtyQuery = z.output<typeof specialtyQuerySchema>;
type SpecialtyCreate = z.output<typeof specialtyCreateSchema>;

/** The reference data every form picks from: regions, series and titles, the specialty dictionary. */
export function createReferenceService(db: Db, clock: Clock) {
  return {
    regions: async (parentCode: string | null) => (await childRegions(db, parentCode)).map(presentRegion),

    async series() {
      const [series, titles] = await Promise.all([reference.allSeries(db), reference.allTitles(db)]);
      return presentSeries(series, titles);
    },

    async specialties(query: SpecialtyQuery) {
      const rows = await reference.searchSpecialties(db, {
        keyword: query.keyword,
        parentId: query.parentId ? Number(query.parentId) : undefined,
        depth: query.depth,
      });
      return rows.map(presentSpecialty);
    },

    /** 添加专业 (FAQ §7.5): the admin adds a specialty missing from the dictionary, at most three levels deep. */
    async addSpecialty(actor: AdminActor, body: SpecialtyCreate) {
      const { parentId, name } = body;
      const parent = parentId ? await reference.findSpecialty(db, Number(parentId)) : null;
      if (parentId && !parent) throw notFound('上级专业不存在');
      if (parent && parent.depth >= 3) throw new AppError('RULE_VIOLATED', '专业字典只有三级：三级学科下不能再添加');
      try {
        const row = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const created = await reference.insertSpecialty(trx, {
            parentId: parent?.id ?? null,
            depth: (parent?.depth ?? 0) + 1,
            name,
            pathName: parent ? `${parent.path_name}—${name}` : name,
            createdBy: actor.accountId,
            at: now,
          });
          await appendAudit(trx, actor, now, {
            action: 'specialty.create',
            objectType: 'specialty',
            objectId: created.id,
            detail: { pathName: created.path_name },
          });
          return created;
        });
        return presentSpecialty(row);
      } catch (error) {
        if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', '该专业已存在');
        throw error;
      }
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
