import type { ColumnType, Generated } from 'kysely';

/** A timestamp column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A serial id the database assigns. */
export type Id = Generated<number>;
