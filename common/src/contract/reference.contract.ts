import { z } from 'zod';
import {
  regionQuerySchema,
  regionSchema,
  seriesSchema,
  specialtyCreateSchema,
  specialtyQuerySchema,
  specialtySchema,
} from '../schemas/reference.schema';
import { endpoint } from './endpoint';

const tags = ['reference'];

/** The dictionaries every form picks from: 行政区域, 职称系列, 专业; and the admin's 添加专业. */
export const referenceContract = {
  regions: endpoint({
    method: 'GET',
    path: '/regions',
    tags,
    summary: '行政区域（不带 parentCode 为省级）',
    query: regionQuerySchema,
    response: z.array(regionSchema),
  }),
  series: endpoint({
    method: 'GET',
    path: '/series',
    tags,
    summary: '职称系列及其职称',
    response: z.array(seriesSchema),
  }),
  specialties: endpoint({
    method: 'GET',
    path: '/specialties',
    tags,
    summary: '专业字典：按关键字检索或按上级浏览',
    query: specialtyQuerySchema,
    response: z.array(specialtySchema),
  }),
  /** The platform admin only. */
  addSpecialty: endpoint({
    method: 'POST',
    path: '/admin/specialties',
    tags: ['admin'],
    summary: '添加专业（管理员，FAQ §7.5）',
    body: specialtyCreateSchema,
    status: 201,
    response: specialtySchema,
  }),
};
