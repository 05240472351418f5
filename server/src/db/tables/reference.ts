import type { Generated } from 'kysely';
import type { RegionLevel, TitleLevel } from '#common';
import type { Timestamp, Id } from './columns';

/** The dictionaries (regions, series, titles, specialties) and stored files. */

export interface RegionTable {
  code: string;
  name: string;
  full_name: string;
  level: RegionLevel;
  parent_code: string | null;
}
export interface SeriesTable {
  code: string;
  name: string;
  sort_order: number;
}
export interface TitleTable {
  id: Id;
  series_code: string;
  name: string;
  level: TitleLevel;
  grade_label: string;
  sort_order: number;
}
export interface SpecialtyTable {
  id: Id;
  parent_id: number | null;
  depth: number;
  name: string;
  /** 一级学科—二级学科—三级学科, what the search matches and shows. */
  path_name: string;
  created_at: Timestamp;
  created_by: number | null;
}
export interface StoredFileTable {
  id: Id;
  /** The file's name outside (in addresses and forms): random, so that no one can count through files. */
  public_id: Generated<string>;
  storage_key: string;
  original_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  owner_account_id: number;
  purpose: string;
  created_at: Timestamp;
}
