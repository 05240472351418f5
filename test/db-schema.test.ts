import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../server/src/db/database';
import { engine, openTestDatabase } from './test-database';

/**
 * Guard: server/src/db/schema.ts (what Kysely believes) against the database the migrations make (what
 * is). A migration that adds a column and a schema.ts that forgets it type-check fine and fail at run time.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = resolve(root, 'server/src/db/schema.ts');

// ---------------------------------------------------------------------------------------------------------
// schema.ts, read with the TypeScript compiler (the checker resolves Timestamp, #common's enums, FormData…)

/** What a TS type is, as far as a column is concerned. */
type TsKind =
  'number' | 'string' | 'literal' | 'boolean' | 'Date' | 'json' | 'array' | 'bigint' | 'unknown' | 'undefined';

interface SchemaColumn {
  name: string;
  /** The type as written in schema.ts, for messages. */
  text: string;
  /** Generated<…>, GeneratedAlways<…> or ColumnType<…> (followed through local aliases such as Timestamp). */
  wrapper: 'Generated' | 'GeneratedAlways' | 'ColumnType' | null;
  nullable: boolean;
  /** The kinds of the select type, null left out. */
  kinds: TsKind[];
  /** For array kinds: the kinds of the elements. */
  elementKinds: TsKind[];
  /** Whether an insert may leave the column out (Generated, or an insert type of never/undefined). */
  insertOptional: boolean;
  /** The select type as the checker prints it. */
  selectText: string;
}

interface SchemaTable {
  name: string;
  interfaceName: string;
  columns: SchemaColumn[];
}

let previousProgram: ts.Program | undefined;

/** Reads the `Database` interface of schema.ts (and the table files it imports), or of `sources` standing in for them. */
function readSchema(sources?: Map<string, string>): Map<string, SchemaTable> {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const host = ts.createCompilerHost(options, true);
  if (sources !== undefined) {
    const getSourceFile = host.getSourceFile.bind(host);
    const readFile = host.readFile.bind(host);
    host.getSourceFile = (fileName, language, onError, shouldCreate) => {
      const source = sources.get(resolve(fileName));
      return source !== undefined
        ? ts.createSourceFile(fileName, source, language, true)
        : getSourceFile(fileName, language, onError, shouldCreate);
    };
    host.readFile = (fileName) => sources.get(resolve(fileName)) ?? readFile(fileName);
  }
  const program = ts.createProgram({ rootNames: [schemaPath], options, host, oldProgram: previousProgram });
  if (sources === undefined) previousProgram = program;
  const file = program.getSourceFile(schemaPath);
  if (!file) throw new Error(`cannot read ${schemaPath}`);
  const schemaFiles = program
    .getSourceFiles()
    .filter(
      (f) =>
        resolve(f.fileName) === schemaPath || resolve(f.fileName).startsWith(resolve(dirname(schemaPath), 'tables')),
    );
  const diagnostics = schemaFiles.flatMap((f) => [
    ...program.getSyntacticDiagnostics(f),
    ...program.getSemanticDiagnostics(f),
  ]);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(`schema.ts does not type-check, its types cannot be compared:\n${text}`);
  }
  const checker = program.getTypeChecker();

  const database = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error('schema.ts has no `interface Database`');

  const tables = new Map<string, SchemaTable>();
  for (const tableSymbol of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const tableType = checker.getTypeOfSymbol(tableSymbol);
    const columns: SchemaColumn[] = [];
    for (const columnSymbol of checker.getPropertiesOfType(tableType)) {
      const declaration = columnSymbol.valueDeclaration;
      const typeNode = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
      const members = selectMembers(checker, checker.getTypeOfSymbol(columnSymbol));
      const kinds = new Set<TsKind>();
      const elementKinds = new Set<TsKind>();
      let nullable = false;
      for (const member of members) {
        if (member.flags & ts.TypeFlags.Null) {
          nullable = true;
          continue;
        }
        const kind = kindOf(checker, member);
        kinds.add(kind);
        if (kind === 'array') {
          for (const element of checker.getTypeArguments(member as ts.TypeReference)) {
            for (const e of element.isUnion() ? element.types : [element]) {
              if (!(e.flags & ts.TypeFlags.Null)) elementKinds.add(kindOf(checker, e));
            }
          }
        }
      }
      columns.push({
        name: columnSymbol.name,
        text: typeNode ? typeNode.getText() : checker.typeToString(checker.getTypeOfSymbol(columnSymbol)),
        wrapper: typeNode ? wrapperOf(checker, typeNode) : null,
        nullable,
        kinds: [...kinds],
        elementKinds: [...elementKinds],
        insertOptional: insertOptional(checker, checker.getTypeOfSymbol(columnSymbol)),
        selectText: members.map((m) => checker.typeToString(m)).join(' | '),
      });
    }
    tables.set(tableSymbol.name, { name: tableSymbol.name, interfaceName: checker.typeToString(tableType), columns });
  }
  return tables;
}

/** The members of the type a select gives, as Kysely's Selectable computes it: ColumnType<S, …> is S. */
function selectMembers(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const out: ts.Type[] = [];
  for (const member of type.isUnion() ? type.types : [type]) {
    const select = member.getProperty('__select__');
    if (select) out.push(...selectMembers(checker, checker.getTypeOfSymbol(select)));
    else out.push(member);
  }
  return out;
}

function insertOptional(checker: ts.TypeChecker, type: ts.Type): boolean {
  for (const member of type.isUnion() ? type.types : [type]) {
    const insert = member.getProperty('__insert__');
    if (!insert) continue;
    const insertType = checker.getTypeOfSymbol(insert);
    if (insertType.flags & ts.TypeFlags.Never) return true;
    for (const m of insertType.isUnion() ? insertType.types : [insertType]) {
      if (m.flags & ts.TypeFlags.Undefined) return true;
    }
  }
  return false;
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): TsKind {
  const f = type.flags;
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return 'undefined';
  if (f & ts.TypeFlags.StringLiteral) return 'literal';
  if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return 'string';
  if (f & ts.TypeFlags.NumberLike) return 'number';
  if (f & ts.TypeFlags.BigIntLike) return 'bigint';
  if (f & ts.TypeFlags.BooleanLike) return 'boolean';
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
  if (checker.isArrayType(type) || checker.isTupleType(type)) return 'array';
  if (type.getSymbol()?.name === 'Date') return 'Date';
  if (f & ts.TypeFlags.Object || type.isIntersection()) return 'json';
  return 'unknown';
}

/** Generated<…>/GeneratedAlways<…>/ColumnType<…> of kysely, looked for through unions and local aliases. */
function wrapperOf(checker: ts.TypeChecker, node: ts.TypeNode): SchemaColumn['wrapper'] {
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
    for (const member of node.types) {
      const found = wrapperOf(checker, member);
      if (found) return found;
    }
    return null;
  }
  if (ts.isParenthesizedTypeNode(node)) return wrapperOf(checker, node.type);
  if (!ts.isTypeReferenceNode(node)) return null;
  let symbol = checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return null;
  const fromKysely = /[\\/]node_modules[\\/]kysely[\\/]/.test(declaration.getSourceFile().fileName);
  if (
    fromKysely &&
    (symbol.name === 'Generated' || symbol.name === 'GeneratedAlways' || symbol.name === 'ColumnType')
  ) {
    return symbol.name;
  }
  if (!fromKysely && ts.isTypeAliasDeclaration(declaration)) return wrapperOf(checker, declaration.type);
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The database, from information_schema

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  identity_generation: string | null;
  is_generated: string;
}

async function readDatabase(handle: DatabaseHandle): Promise<DbColumn[]> {
  const { rows } = await sql<DbColumn>`
    select table_name::text, column_name::text, data_type::text, udt_name::text, is_nullable::text,
      column_default::text, is_identity::text, identity_generation::text, is_generated::text
    from information_schema.columns
    where table_schema = 'public' and table_name not in ('kysely_migration', 'kysely_migration_lock')
    order by table_name, ordinal_position`.execute(handle.db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// The comparison

type DbCategory = 'number' | 'text' | 'otherString' | 'Date' | 'boolean' | 'json' | 'array' | 'other';

function categoryOf(udt: string): DbCategory {
  if (udt.startsWith('_')) return 'array';
  if (['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'].includes(udt)) return 'number';
  if (['text', 'varchar', 'bpchar', 'citext'].includes(udt)) return 'text';
  // Not text for a literal union, but a string all the same (a date without time is read as 'YYYY-MM-DD').
  if (['uuid', 'inet', 'date'].includes(udt)) return 'otherString';
  if (['timestamp', 'timestamptz'].includes(udt)) return 'Date';
  if (udt === 'bool') return 'boolean';
  if (udt === 'json' || udt === 'jsonb') return 'json';
  return 'other';
}

const accepts: Record<DbCategory, readonly TsKind[]> = {
  number: ['number'],
  text: ['string', 'literal'],
  otherString: ['string'],
  Date: ['Date'],
  boolean: ['boolean'],
  // Whatever the driver parses JSON into: an object, an array, a value of unknown shape.
  json: ['json', 'array', 'unknown'],
  array: ['array'],
  other: [],
};

function typesAgree(column: SchemaColumn, db: DbColumn): boolean {
  const category = categoryOf(db.udt_name);
  if (column.kinds.length === 0 || !column.kinds.every((k) => accepts[category].includes(k))) return false;
  if (category !== 'array') return true;
  const element = categoryOf(db.udt_name.slice(1));
  return column.elementKinds.length > 0 && column.elementKinds.every((k) => accepts[element].includes(k));
}

function describeTs(column: SchemaColumn): string {
  const kinds = column.kinds.map((k) =>
    k === 'literal' ? 'string literals' : k === 'array' ? `array of ${column.elementKinds.join('/')}` : k,
  );
  return `\`${column.text}\` (${[...kinds, column.nullable ? 'nullable' : 'not null'].join(', ')})`;
}

function describeDb(db: DbColumn): string {
  const type = db.data_type === 'ARRAY' ? `${db.udt_name.slice(1)}[]` : db.data_type;
  const extras = [
    db.is_nullable === 'YES' ? 'null' : 'not null',
    ...(db.is_identity === 'YES' ? [`generated ${db.identity_generation?.toLowerCase()} as identity`] : []),
    ...(db.column_default !== null ? [`default ${db.column_default}`] : []),
    ...(db.is_generated === 'ALWAYS' ? ['generated always as (…)'] : []),
  ];
  return `${type} ${extras.join(' ')}`;
}

/** Every difference between schema.ts and the database, one readable line each; empty when they agree. */
function compareSchema(schema: Map<string, SchemaTable>, database: DbColumn[]): string[] {
  const problems: string[] = [];
  const dbTables = new Map<string, Map<string, DbColumn>>();
  for (const column of database) {
    if (!dbTables.has(column.table_name)) dbTables.set(column.table_name, new Map());
    dbTables.get(column.table_name)!.set(column.column_name, column);
  }

  for (const [name, table] of schema) {
    const dbColumns = dbTables.get(name);
    if (!dbColumns) {
      problems.push(`${name}: schema.ts has the table (Database.${name}: ${table.interfaceName}), database does not`);
      continue;
    }
    for (const column of table.columns) {
      const at = `${name}.${column.name}`;
      const db = dbColumns.get(column.name);
      if (!db) {
        problems.push(`${at}: schema.ts says ${describeTs(column)}, database has no such column`);
        continue;
      }
      const says = `schema.ts says ${describeTs(column)}, database says ${describeDb(db)}`;
      if (column.kinds.includes('undefined')) {
        problems.push(`${at}: ${says} — an optional (?) or undefined column is not something a row can hold`);
      }
      if (column.nullable !== (db.is_nullable === 'YES')) {
        problems.push(`${at}: ${says} — nullability differs`);
      }
      if (!typesAgree(column, db)) {
        problems.push(`${at}: ${says} — types differ`);
      }
      const dbFillsIn =
        db.column_default !== null ||
        db.is_identity === 'YES' ||
        db.is_generated === 'ALWAYS' ||
        db.is_nullable === 'YES';
      if (column.insertOptional && !dbFillsIn) {
        problems.push(`${at}: ${says} — an insert may leave it out, but the database has no default for it`);
      }
      const dbInsists =
        (db.is_identity === 'YES' && db.identity_generation === 'ALWAYS') || db.is_generated === 'ALWAYS';
      if (dbInsists && !column.insertOptional) {
        problems.push(`${at}: ${says} — the database refuses a value on insert, so it must be Generated<…>`);
      }
    }
    for (const db of dbColumns.values()) {
      if (!table.columns.some((c) => c.name === db.column_name)) {
        problems.push(`${name}.${db.column_name}: schema.ts has no such column, database says ${describeDb(db)}`);
      }
    }
  }
  for (const [name, columns] of dbTables) {
    if (!schema.has(name)) {
      problems.push(
        `${name}: database has the table (${[...columns.keys()].join(', ')}), schema.ts's Database does not`,
      );
    }
  }
  return problems;
}

/** schema.ts and the table files under db/tables/, by path. */
function schemaSources(): Map<string, string> {
  const tablesDir = resolve(dirname(schemaPath), 'tables');
  const paths = [schemaPath, ...readdirSync(tablesDir).map((name) => resolve(tablesDir, name))];
  return new Map(paths.map((path) => [path, readFileSync(path, 'utf8')]));
}

/** Changes the one file of `sources` where `from` is found. */
function replaceOnce(sources: Map<string, string>, from: RegExp, to: string): Map<string, string> {
  for (const [path, source] of sources) {
    let changed = source.replace(from, to);
    if (changed === source) continue;
    // A drift to Generated<…> in a table file that had no use for it yet.
    if (to.includes('Generated<') && !/\bGenerated\b/.test(source)) {
      changed = `import type { Generated } from 'kysely';\n${changed}`;
    }
    return new Map(sources).set(path, changed);
  }
  throw new Error(`test setup: ${String(from)} is no longer in schema.ts or db/tables/`);
}

function failure(problems: string[]): string {
  return `schema.ts and the migrated database disagree (${engine}):\n  ${problems.join('\n  ')}`;
}

// ---------------------------------------------------------------------------------------------------------

describe(`server/src/db/schema.ts against the migrated database (${engine})`, () => {
  let handle: DatabaseHandle;
  let database: DbColumn[];
  let schema: Map<string, SchemaTable>;
  beforeAll(async () => {
    handle = await openTestDatabase();
    database = await readDatabase(handle);
    schema = readSchema();
  });
  afterAll(() => handle.close());

  it('has the same tables, columns, nullability and column types', () => {
    expect(schema.size).toBeGreaterThan(0);
    expect(database.length).toBeGreaterThan(0);
    const problems = compareSchema(schema, database);
    expect(problems, failure(problems)).toEqual([]);
  });

  it('catches a drift either way (the checker itself)', () => {
    let drifted = replaceOnce(
      schemaSources(),
      /(interface ApplicantTable \{[^}]*?)birth_date: string;/,
      '$1birth_date: Timestamp;',
    );
    drifted = replaceOnce(drifted, /(interface AccountTable \{[^}]*?)phone: string \| null;/, '$1phone: string;');
    drifted = replaceOnce(
      drifted,
      /(interface AccountTable \{[^}]*?)failed_login_count: Generated<number>;/,
      '$1failed_login_count: Generated<number>;\n  nickname: string;',
    );
    drifted = replaceOnce(drifted, /(interface SessionTable \{[^}]*?)\n\s*user_agent: string \| null;/, '$1');
    drifted = replaceOnce(
      drifted,
      /(interface SeriesTable \{[^}]*?)sort_order: number;/,
      '$1sort_order: Generated<number>;',
    );
    drifted = replaceOnce(drifted, /(interface RegionTable \{[^}]*?)code: string;/, '$1code: Generated<string>;');
    drifted = replaceOnce(drifted, /(interface TitleTable \{[^}]*?)id: Id;/, '$1id: number;');
    drifted = replaceOnce(drifted, /(interface Database \{[^}]*?)\n\s*rate_limit: RateLimitTable;/, '$1');
    drifted = replaceOnce(drifted, /(interface Database \{)/, '$1\n  ghost: SeriesTable;');
    const problems = compareSchema(readSchema(drifted), database);
    const text = problems.join('\n');

    expect(text).toMatch(
      /^applicant\.birth_date: schema\.ts says `Timestamp` \(Date, not null\), database says date .*types differ$/m,
    );
    expect(text).toMatch(
      /^account\.phone: schema\.ts says `string` \(string, not null\), database says text null.*nullability differs$/m,
    );
    expect(text).toMatch(
      /^account\.nickname: schema\.ts says `string` \(string, not null\), database has no such column$/m,
    );
    expect(text).toMatch(/^session\.user_agent: schema\.ts has no such column, database says text null$/m);
    expect(text).toMatch(/^series\.sort_order: .*an insert may leave it out, but the database has no default for it$/m);
    expect(text).toMatch(/^region\.code: .*an insert may leave it out, but the database has no default for it$/m);
    expect(text).toMatch(/^title\.id: .*generated always as identity.*must be Generated<…>$/m);
    expect(text).toMatch(
      /^rate_limit: database has the table \(key, window_started_at, count\), schema\.ts's Database does not$/m,
    );
    expect(text).toMatch(/^ghost: schema\.ts has the table \(Database\.ghost: SeriesTable\), database does not$/m);
    // Nothing but the drift made above.
    expect(problems).toHaveLength(9);

    // And the other way: the database drifts from an unchanged schema.ts.
    const changedDb = database
      .filter((c) => !(c.table_name === 'unit' && c.column_name === 'fax'))
      .map((c): DbColumn => {
        if (c.table_name === 'committee' && c.column_name === 'title_levels')
          return { ...c, data_type: 'text', udt_name: 'text' };
        if (c.table_name === 'message' && c.column_name === 'read_at') return { ...c, is_nullable: 'NO' };
        if (c.table_name === 'application' && c.column_name === 'year')
          return { ...c, data_type: 'ARRAY', udt_name: '_int4' };
        if (c.table_name === 'unit_supervisor' && c.column_name === 'is_default')
          return { ...c, data_type: 'integer', udt_name: 'int4' };
        return c;
      });
    const dbProblems = compareSchema(schema, changedDb).join('\n');
    expect(dbProblems).toMatch(
      /^unit\.fax: schema\.ts says `string \| null` \(string, nullable\), database has no such column$/m,
    );
    expect(dbProblems).toMatch(
      /^committee\.title_levels: .*\(array of literal, not null\), database says text not null — types differ$/m,
    );
    expect(dbProblems).toMatch(
      /^message\.read_at: .*\(Date, nullable\), database says timestamp with time zone not null — nullability differs$/m,
    );
    expect(dbProblems).toMatch(
      /^application\.year: schema\.ts says `number` \(number, not null\), database says int4\[\] not null — types differ$/m,
    );
    expect(dbProblems).toMatch(
      /^unit_supervisor\.is_default: .*\(boolean, not null\), database says integer not null default false — types differ$/m,
    );
    expect(dbProblems.split('\n')).toHaveLength(5);
  });
});
