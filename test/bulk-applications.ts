import { sql, type Insertable } from 'kysely';
import { idNumberCheckCharacter } from '#common';
import { personalData } from '../server/src/db/personal-data';
import type { ApplicationTable } from '../server/src/db/schema';
import type { TestContext } from './test-app';

/** A person made by insertSubmittedCopies, with the numbers in plain text and their application. */
export interface BulkApplicant {
  accountId: number;
  applicationId: number;
  name: string;
  idNumber: string;
  phone: string;
}

export interface CopyOptions {
  /** The copy's name; made unique with its serial number. */
  namePrefix?: string;
  /** Columns of the i-th copy that differ from the template's (a year, say), for filters to tell apart. */
  vary?: (i: number) => Partial<Insertable<ApplicationTable>>;
  /** Rows a statement (each of accounts, applicants and applications). */
  chunk?: number;
}

let serial = 0;

/** A day since 1940-01-01 as YYYYMMDD: the birth dates of made-up people no other fixture uses. */
function birthOf(day: number): string {
  return new Date(Date.UTC(1940, 0, 1 + day)).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `count` copies of an application submitted through the API, written straight into the tables with
 * multi-row inserts (through the API each costs a second or more): each of its own applicant, with an
 * ID number that passes its check and a phone, sealed as the server seals them, at the template's stage
 * (same route, unit, committee, batch and holder). Copies are submitted an hour before the template and
 * one second apart two at a time, so that ties of the lists' order are broken by id.
 */
export async function insertSubmittedCopies(
  ctx: TestContext,
  templateId: string | number,
  count: number,
  options: CopyOptions = {},
): Promise<BulkApplicant[]> {
  const { namePrefix = '批量', vary = () => ({}), chunk = 1000 } = options;
  const db = ctx.db;
  const data = personalData(db);
  const template = await db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', Number(templateId))
    .executeTakeFirstOrThrow();
  const start = (template.submitted_at ?? ctx.clock.now()).getTime() - 3600_000;
  const now = ctx.clock.now();
  const made: BulkApplicant[] = [];

  for (let from = 0; from < count; from += chunk) {
    const people = Array.from({ length: Math.min(chunk, count - from) }, (_, k) => {
      const n = serial++;
      const first17 = `530102${birthOf(Math.floor(n / 500))}${String((n % 500) * 2 + 1).padStart(3, '0')}`;
      return {
        i: from + k,
        name: `${namePrefix}${n}`,
        idNumber: first17 + idNumberCheckCharacter(first17)!,
        phone: `150${String(n).padStart(8, '0')}`,
      };
    });
    const accounts = await db
      .insertInto('account')
      .values(
        people.map((p) => {
          const phone = data.phone(p.phone);
          return {
            kind: 'applicant' as const,
            login_name: data.seal(p.idNumber),
            display_name: p.name,
            phone: phone.sealed,
            phone_hash: phone.key,
            // Nobody signs in as these people.
            password_hash: '!',
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          };
        }),
      )
      .returning(['id', 'display_name'])
      .execute();
    const accountOf = new Map(accounts.map((a) => [a.display_name, a.id]));
    await db
      .insertInto('applicant')
      .values(
        people.map((p) => {
          const idNumber = data.idNumber(p.idNumber);
          return {
            account_id: accountOf.get(p.name)!,
            name: p.name,
            id_number: idNumber.sealed,
            id_number_hash: idNumber.key,
            gender: 'male' as const,
            birth_date: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
            unit_id: template.unit_id,
            created_at: now,
            updated_at: now,
          };
        }),
      )
      .execute();
    const applications = await db
      .insertInto('application')
      .values(
        people.map((p) => ({
          applicant_account_id: accountOf.get(p.name)!,
          kind: template.kind,
          year: template.year,
          unit_id: template.unit_id,
          batch_id: template.batch_id,
          committee_id: template.committee_id,
          series_code: template.series_code,
          title_id: template.title_id,
          title_level: template.title_level,
          specialty_studied_id: template.specialty_studied_id,
          specialty_practised_id: template.specialty_practised_id,
          status: template.status,
          stage_index: template.stage_index,
          route: template.route === null ? null : JSON.stringify(template.route),
          returned_from_index: template.returned_from_index,
          return_count: template.return_count,
          // The lists never read the form.
          form: '{}',
          cover: template.cover === null ? null : JSON.stringify(template.cover),
          holder_kind: template.holder_kind,
          holder_org_id: template.holder_org_id,
          submitted_at: new Date(start - Math.floor(p.i / 2) * 1000),
          created_at: now,
          updated_at: now,
          ...vary(p.i),
        })),
      )
      .returning(['id', 'applicant_account_id'])
      .execute();
    const applicationOf = new Map(applications.map((a) => [a.applicant_account_id, a.id]));
    for (const p of people) {
      const accountId = accountOf.get(p.name)!;
      made.push({
        accountId,
        applicationId: applicationOf.get(accountId)!,
        name: p.name,
        idNumber: p.idNumber,
        phone: p.phone,
      });
    }
  }
  // As autovacuum would after such a load: the planner then knows how many rows each desk holds.
  await sql`analyze account, applicant, application`.execute(db);
  return made;
}
