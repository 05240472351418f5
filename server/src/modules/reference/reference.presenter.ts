import type { Selectable } from 'kysely';
import type { RegionTable, SeriesTable, TitleTable } from '../../db/schema';
import type { SpecialtyRow } from './reference.repository';

export const presentRegion = (r: RegionTable) => ({
  code: r.code,
  name: r.name,
  fullName: r.full_name,
  level: r.level,
  leaf: r.level === 'county',
});

/** Each series with its titles in their order. */
export const presentSeries = (series: Selectable<SeriesTable>[], titles: Selectable<TitleTable>[]) =>
  series.map((x) => ({
    code: x.code,
    name: x.name,
    titles: titles
      .filter((t) => t.series_code === x.code)
      .map((t) => ({ id: String(t.id), name: t.name, level: t.level, gradeLabel: t.grade_label })),
  }));

export const presentSpecialty = (s: SpecialtyRow) => ({
  id: String(s.id),
  name: s.name,
  depth: s.depth,
  parentId: s.parent_id === null ? null : String(s.parent_id),
  pathName: s.path_name,
});
