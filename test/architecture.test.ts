import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Guard: the layering of the server, read statically from server/src (no database needed).
 *   routes  → services → repositories → db
 *   domain  knows nothing of http
 * and no import circle among the server's modules.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverSrc = join(repoRoot, 'server', 'src');
const maxServiceLines = 250;

interface ImportRef {
  spec: string;
  line: number;
  /** `import type …` / `export type … from`: erased, no edge at run time. */
  typeOnly: boolean;
  /** `import('…')`: evaluated later, not while the module loads. */
  dynamic: boolean;
  /** The file it names, relative to the source root (posix), or null when it is not a relative import of ours. */
  target: string | null;
}

interface TreeFile {
  /** Relative to the source root, posix separators: `modules/admin/admin.routes.ts`. */
  rel: string;
  /** How messages name it: relative to the repository, e.g. `server/src/modules/admin/admin.routes.ts`. */
  shown: string;
  text: string;
  source: ts.SourceFile;
  imports: ImportRef[];
  lines: number;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** `./x` is `x.ts` (or `x.js` written for `x.ts`) or `x/index.ts`; anything not relative is not ours. */
function resolveImport(root: string, fromRel: string, spec: string): string | null {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const base = resolve(root, dirname(fromRel), spec);
  const candidates = [
    ...(base.endsWith('.ts') ? [base] : []),
    ...(base.endsWith('.js') ? [base.slice(0, -3) + '.ts'] : []),
    base + '.ts',
    join(base, 'index.ts'),
  ];
  for (const candidate of candidates) {
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    const rel = relative(root, candidate).split(sep).join('/');
    return rel.startsWith('../') ? null : rel;
  }
  return null;
}

function readImports(root: string, rel: string, source: ts.SourceFile): ImportRef[] {
  const imports: ImportRef[] = [];
  const add = (specNode: ts.Expression, typeOnly: boolean, dynamic: boolean) => {
    if (!ts.isStringLiteralLike(specNode)) return;
    imports.push({
      spec: specNode.text,
      line: source.getLineAndCharacterOfPosition(specNode.getStart(source)).line + 1,
      typeOnly,
      dynamic,
      target: resolveImport(root, rel, specNode.text),
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false, false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly, false);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      add(node.arguments[0], false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return imports;
}

function loadTree(root: string): TreeFile[] {
  return listTs(root).map((path) => {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path).split(sep).join('/');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    return {
      rel,
      shown: relative(repoRoot, path).split(sep).join('/'),
      text,
      source,
      imports: readImports(root, rel, source),
      lines: text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The checks; each returns one line per offence (empty: the rule holds).

/**
 * (a) A route binds an endpoint of the contract to a service call: no db/, no repository, no `s.db`,
 * no `as AuthedRequest`, no route registered by hand.
 */
function routeLayerViolations(files: TreeFile[]): string[] {
  const problems: string[] = [];
  for (const file of files.filter((f) => f.rel.endsWith('.routes.ts'))) {
    for (const ref of file.imports) {
      const intoDb =
        ref.spec.includes('/db/') ||
        /^\.{1,2}(\/\.\.)*\/db$/.test(ref.spec) ||
        (ref.target !== null && (ref.target.startsWith('db/') || ref.target.includes('/db/')));
      const repository =
        /\.repository(\.[jt]s)?$/.test(ref.spec) || (ref.target !== null && ref.target.endsWith('.repository.ts'));
      if (intoDb) problems.push(`${file.shown}:${ref.line} imports '${ref.spec}' (db/)`);
      if (repository) problems.push(`${file.shown}:${ref.line} imports '${ref.spec}' (a repository)`);
    }
    const at = (node: ts.Node) =>
      `${file.shown}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      // The text `s.db` (s, services, …), read from the syntax tree: comments do not count, line breaks do not hide it.
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'db' && /s$/.test(node.expression.getText())) {
        problems.push(`${at(node)} uses ${node.expression.getText()}.db`);
      }
      // A route registered by hand would have its own shapes: every route comes from common/src/contract.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['get', 'post', 'put', 'patch', 'delete', 'all', 'route'].includes(node.expression.name.text) &&
        node.arguments[0] &&
        (ts.isStringLiteralLike(node.arguments[0]) ||
          ts.isTemplateExpression(node.arguments[0]) ||
          ts.isObjectLiteralExpression(node.arguments[0]))
      ) {
        const what = `${node.expression.getText()}(${node.arguments[0].getText().slice(0, 40)})`;
        problems.push(`${at(node)} registers ${what} outside the contract: use route(scope, api.x, handler)`);
      }
      if (
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
        ts.isTypeReferenceNode(node.type) &&
        node.type.typeName.getText() === 'AuthedRequest'
      ) {
        problems.push(`${at(node)} casts: ${node.getText().replace(/\s+/g, ' ')}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
  }
  return problems;
}

/** (b) A service that grew past the limit is doing more than one thing. */
function longServices(files: TreeFile[], max = maxServiceLines): string[] {
  return files
    .filter((f) => f.rel.endsWith('.service.ts') && f.lines > max)
    .map((f) => `${f.shown}: ${f.lines} lines (at most ${max})`);
}

/**
 * (c) Import circles among the files, over value imports (import type … and export type … from are
 * erased; dynamic import() runs after loading). For every strongly connected group of files, the
 * shortest circle through each of its files, each circle once: a → b → a.
 */
function importCycles(files: TreeFile[]): string[][] {
  const shown = new Map(files.map((f) => [f.rel, f.shown]));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = file.imports.filter((r) => !r.typeOnly && !r.dynamic && r.target !== null && shown.has(r.target));
    graph.set(file.rel, [...new Set(targets.map((r) => r.target!))].sort());
  }

  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);

  const cycles = new Map<string, string[]>();
  for (const component of components) {
    const members = new Set(component);
    if (component.length === 1 && !(graph.get(component[0]!) ?? []).includes(component[0]!)) continue;
    for (const start of [...members].sort()) {
      // Breadth first from start, inside the component, back to start: the shortest circle through it.
      const parent = new Map<string, string>();
      const queue = [start];
      let closing: string | undefined;
      for (let i = 0; i < queue.length && closing === undefined; i++) {
        const u = queue[i]!;
        for (const w of graph.get(u) ?? []) {
          if (!members.has(w)) continue;
          if (w === start) {
            closing = u;
            break;
          }
          if (!parent.has(w)) {
            parent.set(w, u);
            queue.push(w);
          }
        }
      }
      if (closing === undefined) continue;
      const path = [closing];
      while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
      // The same circle found from another of its files: one rotation, starting at its least file.
      const least = path.indexOf([...path].sort()[0]!);
      const rotated = [...path.slice(least), ...path.slice(0, least)];
      cycles.set(
        rotated.join(' '),
        [...rotated, rotated[0]!].map((rel) => shown.get(rel)!),
      );
    }
  }
  return [...cycles.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

/** (d) The domain is the core: it does not know it is served over HTTP. */
function domainImportsHttp(files: TreeFile[]): string[] {
  const problems: string[] = [];
  for (const file of files.filter((f) => f.rel.startsWith('domain/'))) {
    for (const ref of file.imports) {
      const http =
        ref.target !== null
          ? ref.target.startsWith('http/')
          : /^\.{1,2}\//.test(ref.spec) && /(^|\/)http(\/|$)/.test(ref.spec);
      if (http) problems.push(`${file.shown}:${ref.line} imports '${ref.spec}'`);
    }
  }
  return problems;
}

function report(rule: string, problems: string[]): string {
  return `${rule} — ${problems.length} offence(s):\n  ${problems.join('\n  ')}`;
}

// ---------------------------------------------------------------------------------------------------------

describe('server/src architecture', () => {
  let files: TreeFile[];
  beforeAll(() => {
    files = loadTree(serverSrc);
  });

  it('reads the tree it guards', () => {
    expect(files.some((f) => f.rel.endsWith('.routes.ts'))).toBe(true);
    expect(files.some((f) => f.rel.endsWith('.service.ts'))).toBe(true);
    expect(files.some((f) => f.rel.startsWith('domain/'))).toBe(true);
  });

  it('(a) no *.routes.ts reaches into db/ or a repository, uses s.db, casts to AuthedRequest or registers a route by hand', () => {
    const problems = routeLayerViolations(files);
    expect(problems, report('routes must go through services and the typed request scopes', problems)).toEqual([]);
  });

  it(`(b) no *.service.ts is longer than ${maxServiceLines} lines`, () => {
    const problems = longServices(files);
    expect(problems, report('services to split', problems)).toEqual([]);
  });

  it('(c) no import circle among server/src modules (value imports)', () => {
    const problems = importCycles(files).map((chain) => chain.join(' → '));
    expect(problems, report('import circles', problems)).toEqual([]);
  });

  it('(d) nothing under server/src/domain/ imports from server/src/http/', () => {
    const problems = domainImportsHttp(files);
    expect(problems, report('domain must not depend on http', problems)).toEqual([]);
  });
});

describe('the architecture checks themselves, on a made-up tree', () => {
  let root: string;
  let fixture: TreeFile[];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'zc-arch-'));
    const write = (rel: string, text: string) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    // A circle of three through an index file; a type-only import back does not close one.
    write('a.ts', `import { b } from './b';\nexport const a = () => b;\n`);
    write('b.ts', `import { c } from './c';\nexport const b = c;\n`);
    write('c/index.ts', `import { a } from '../a.js';\nimport type { T } from '../t';\nexport const c = a;\n`);
    write(
      't.ts',
      `import type { b } from './b';\nexport type T = typeof b;\nimport { c } from './c';\nexport const t = c;\n`,
    );
    // Two files that import each other (one by re-export), and one that imports itself.
    write('x.ts', `export * from './y';\nexport const x = 1;\n`);
    write('y.ts', `import './x';\nexport const y = 2;\n`);
    write('self.ts', `import { self } from './self';\nexport { self };\n`);
    // A lazy import() is not a circle at load time.
    write('lazy1.ts', `import { l2 } from './lazy2';\nexport const l1 = l2;\n`);
    write('lazy2.ts', `export const l2 = () => import('./lazy1');\n`);
    // Routes: every kind of offence, and a clean one.
    write(
      'modules/m/m.routes.ts',
      [
        `import type { Row } from '../../db/schema';`,
        `import { findM } from './m.repository';`,
        `import { helper } from '../../db';`,
        `// s.db in a comment is fine; AuthedRequest in a comment too: request as AuthedRequest`,
        `export const r = (s: any, request: unknown) => [`,
        `  s`,
        `    .db,`,
        `  (request as AuthedRequest).auth,`,
        `  s.dbx,`,
        `  app.services.db,`,
        `  findM, helper,`,
        `];`,
        `app.get('/m', async () => 1);`,
        `route(app, api.m, async () => 1);`,
      ].join('\n') + '\n',
    );
    write('modules/m/m.repository.ts', `export const findM = 1;\n`);
    write(
      'modules/m/clean.routes.ts',
      `import { ok } from './m.service';\nexport const r = (s: any) => s.m.list(ok);\n`,
    );
    write('modules/m/m.service.ts', `export const ok = 1;\n` + '// line\n'.repeat(maxServiceLines - 1));
    write('modules/m/big.service.ts', `export const big = 1;\n` + '// line\n'.repeat(maxServiceLines));
    write('db/index.ts', `export const helper = 1;\n`);
    write('db/schema.ts', `export interface Row { id: number }\n`);
    write('http/guard.ts', `export type Guard = 1;\n`);
    write('domain/ok.ts', `import { a } from '../a';\nexport const ok = a;\n`);
    write('domain/bad.ts', `import type { Guard } from '../http/guard';\nexport const bad: Guard = 1;\n`);
    fixture = loadTree(root).map((f) => ({ ...f, shown: f.rel }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resolves ./x to x.ts, x.js to x.ts and ./dir to dir/index.ts', () => {
    expect(resolveImport(root, 'c/index.ts', '../a.js')).toBe('a.ts');
    expect(resolveImport(root, 'b.ts', './c')).toBe('c/index.ts');
    expect(resolveImport(root, 'modules/m/m.routes.ts', '../../db')).toBe('db/index.ts');
    expect(resolveImport(root, 'a.ts', 'kysely')).toBeNull();
    expect(resolveImport(root, 'a.ts', './missing')).toBeNull();
    expect(resolveImport(join(root, 'modules'), 'm/m.routes.ts', '../../a')).toBeNull();
  });

  it('finds each circle once, as a chain, over value imports only', () => {
    expect(importCycles(fixture).map((chain) => chain.join(' → '))).toEqual([
      'self.ts → self.ts',
      'x.ts → y.ts → x.ts',
      'a.ts → b.ts → c/index.ts → a.ts',
    ]);
  });

  it('names every way a route reaches past its service, with its line, and nothing in a comment', () => {
    expect(routeLayerViolations(fixture)).toEqual([
      `modules/m/m.routes.ts:1 imports '../../db/schema' (db/)`,
      `modules/m/m.routes.ts:2 imports './m.repository' (a repository)`,
      `modules/m/m.routes.ts:3 imports '../../db' (db/)`,
      `modules/m/m.routes.ts:6 uses s.db`,
      `modules/m/m.routes.ts:8 casts: request as AuthedRequest`,
      `modules/m/m.routes.ts:10 uses app.services.db`,
      `modules/m/m.routes.ts:13 registers app.get('/m') outside the contract: use route(scope, api.x, handler)`,
    ]);
  });

  it(`counts a service's lines as wc -l does: ${maxServiceLines} pass, ${maxServiceLines + 1} do not`, () => {
    expect(fixture.find((f) => f.rel === 'modules/m/m.service.ts')!.lines).toBe(maxServiceLines);
    expect(longServices(fixture)).toEqual([
      `modules/m/big.service.ts: ${maxServiceLines + 1} lines (at most ${maxServiceLines})`,
    ]);
  });

  it('catches the domain importing http, type-only imports included', () => {
    expect(domainImportsHttp(fixture)).toEqual([`domain/bad.ts:1 imports '../http/guard'`]);
  });
});
