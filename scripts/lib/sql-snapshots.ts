import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import * as ts from 'typescript';

/**
 * Snapshots of the hand-written SQL (immich's `@GenerateSql`, done statically):
 * every statement a repository class passes to `.query(…)` or
 * `preparedQuery(…)`, written to `libs/<lib>/src/queries/<name>.sql` so that a
 * change to a statement shows in the diff. No database: the statements are
 * read from the source with the TypeScript compiler.
 */

export interface SqlStatement {
  /** `Class.method` (or the function's name outside a class; none at the top level of the file). */
  owner?: string;
  /** The prepared statement's name, when `preparedQuery` gives one. */
  preparedName?: string;
  /** A `const` whose string a statement takes in as `${NAME}`: its name (the text then has no `;`). */
  fragment?: string;
  /** Dedented, `${…}` substitutions verbatim, ending with `;`. */
  text: string;
}

/**
 * Every SQL statement of a source file, in source order, and every string
 * constant a statement takes in by `${NAME}` (so that a change to it shows too).
 */
export function extractStatements(sourceText: string, fileName = 'source.ts'): SqlStatement[] {
  const file = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { at: number; statement: SqlStatement }[] = [];
  const fragments = new Set<ts.VariableDeclaration>();
  const visit = (node: ts.Node): void => {
    const call = ts.isCallExpression(node) ? sqlArguments(node) : undefined;
    if (call) {
      const { text, column } = render(call.sql, file, fragments);
      const name = call.name && skipOuterExpressions(call.name);
      const named = name && ts.isIdentifier(name) ? constantDeclaration(name)?.initializer : name;
      const preparedName = named && ts.isStringLiteralLike(named) ? named.text : undefined;
      const statement = { owner: ownerOf(node), ...(preparedName ? { preparedName } : {}), text: terminate(dedent(text, column)) };
      found.push({ at: node.getStart(file), statement });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // A Set's iteration reaches what is added during it: fragments within fragments.
  for (const declaration of fragments) {
    const { text, column } = render(declaration.initializer!, file, fragments);
    const statement = { owner: ownerOf(declaration), fragment: declaration.name.getText(file), text: dedent(text, column) };
    found.push({ at: declaration.getStart(file), statement });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.statement);
}

/** `x.query(sql, …)`, `x.query({ name, text })` and `preparedQuery(manager, name, sql, …)`. */
function sqlArguments(call: ts.CallExpression): { sql: ts.Expression; name?: ts.Expression } | undefined {
  const callee = call.expression;
  const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const [first, second, third] = call.arguments;
  if (calleeName === 'preparedQuery' && third) return { sql: third, name: second };
  if (calleeName !== 'query' || !ts.isPropertyAccessExpression(callee) || !first) return undefined;
  if (!ts.isObjectLiteralExpression(first)) return { sql: first };
  const property = (key: string) =>
    first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key)?.initializer;
  const text = property('text');
  return text && { sql: text, name: property('name') };
}

/**
 * The statement's source text and the column its first line starts at (for the
 * dedent). A `const` passed as the whole statement is read where it is declared
 * (through at most `constants` of them); any other code stays as it is written,
 * as `${…}`, and the string constants it names are collected into `fragments`.
 */
function render(expression: ts.Expression, file: ts.SourceFile, fragments: Set<ts.VariableDeclaration>, constants = 5): { text: string; column: number } {
  const node = skipOuterExpressions(expression);
  const column = file.getLineAndCharacterOfPosition(node.getStart(file)).character + 1;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.getText(file).slice(1, -1), column };
  if (ts.isTemplateExpression(node)) {
    for (const span of node.templateSpans) collectFragments(span.expression, fragments);
    return { text: node.getText(file).slice(1, -1), column };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = render(node.left, file, fragments, 0);
    return { text: left.text + render(node.right, file, fragments, 0).text, column: left.column };
  }
  const constant = ts.isIdentifier(node) && constants > 0 ? constantDeclaration(node)?.initializer : undefined;
  if (constant) return render(constant, file, fragments, constants - 1);
  collectFragments(node, fragments);
  return { text: '${' + node.getText(file) + '}', column: column - 1 };
}

/** The string constants (`const X = '…'` or `` `…` ``) the code names. */
function collectFragments(node: ts.Node, fragments: Set<ts.VariableDeclaration>): void {
  const named = ts.isIdentifier(node) && !((ts.isPropertyAccessExpression(node.parent) || ts.isPropertyAssignment(node.parent)) && node.parent.name === node);
  const declaration = named ? constantDeclaration(node) : undefined;
  if (declaration && isSqlText(declaration.initializer!)) fragments.add(declaration);
  ts.forEachChild(node, (child) => collectFragments(child, fragments));
}

function isSqlText(node: ts.Expression): boolean {
  const inner = skipOuterExpressions(node);
  return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isTemplateExpression(inner);
}

function skipOuterExpressions(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
    node = node.expression;
  }
  return node;
}

/** The `const` (with an initializer) the identifier names, looked up through the enclosing blocks. */
function constantDeclaration(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === identifier.text);
      if (declaration?.initializer) return declaration;
    }
  }
  return undefined;
}

/** `Class.member` for code in a class, else the name of the enclosing function. */
function ownerOf(node: ts.Node): string | undefined {
  let functionName: string | undefined;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isClassLike(parent)) {
      const member = ts.isConstructorDeclaration(child) ? 'constructor' : (child as ts.ClassElement).name?.getText() ?? '(member)';
      return `${parent.name?.text ?? '(class)'}.${member}`;
    }
    functionName ??= functionNameOf(parent);
  }
  return functionName;
}

function functionNameOf(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) return undefined;
  return ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer) ? node.name.text : undefined;
}

/**
 * Removes the indentation the statement has in its source: the lines after the
 * first lose the margin they share with the first line's column, so the
 * statement keeps its own alignment (`SELECT …` over ` FROM …`).
 */
export function dedent(text: string, firstColumn: number): string {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const indent = (line: string) => line.length - line.trimStart().length;
  let margin = Infinity;
  if (lines[0].trim()) {
    margin = firstColumn + indent(lines[0]);
    lines[0] = lines[0].trimStart();
  }
  for (const line of lines.slice(1)) if (line) margin = Math.min(margin, indent(line));
  const dedented = lines.map((line, i) => (i === 0 ? line : line.slice(Math.min(margin, indent(line)))));
  while (dedented.length && !dedented[0]) dedented.shift();
  while (dedented.length && !dedented[dedented.length - 1]) dedented.pop();
  return dedented.join('\n');
}

function terminate(text: string): string {
  return text.endsWith(';') ? text : `${text};`;
}

/** The snapshot file of a repository: `libs/x/src/…/letters.repository.ts` → `libs/x/src/queries/letters.sql`. */
export function snapshotPathFor(repositoryPath: string): string {
  const [libs, lib, src] = repositoryPath.split('/');
  return posix.join(libs, lib, src, 'queries', `${basename(repositoryPath, '.repository.ts')}.sql`);
}

/** A snapshot file's text; repositories without SQL have none. */
export function renderSnapshot(repositoryPath: string, statements: readonly SqlStatement[]): string | undefined {
  if (!statements.length) return undefined;
  const blocks = statements.map((s) => `-- ${header(s)}\n${s.text}\n`);
  return [`-- Generated from ${repositoryPath} by \`npm run sql:snapshots\`. Do not edit.\n`, ...blocks].join('\n');
}

function header({ owner, preparedName, fragment }: SqlStatement): string {
  if (fragment) return `${owner ? `${owner}, ` : ''}fragment \${${fragment}}`;
  return `${owner ?? '(top level)'}${preparedName ? ` (prepared statement ${preparedName})` : ''}`;
}

/** Every snapshot the repositories under `root` produce, by path relative to `root`, sorted. */
export function generateSnapshots(root: string): Map<string, string> {
  const snapshots = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const repositoryPath of repositoryFiles(root)) {
    const text = renderSnapshot(repositoryPath, extractStatements(readFileSync(join(root, repositoryPath), 'utf8'), repositoryPath));
    if (!text) continue;
    const path = snapshotPathFor(repositoryPath);
    const other = sources.get(path);
    if (other) throw new Error(`${repositoryPath} and ${other} would both write ${path}: rename one of them`);
    sources.set(path, repositoryPath);
    snapshots.set(path, text);
  }
  return snapshots;
}

/** `libs/*\/src/**\/*.repository.ts`, relative to `root`, sorted. */
function repositoryFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.repository.ts')) files.push(path);
    }
  };
  for (const lib of listDir(root, 'libs')) if (existsSync(join(root, 'libs', lib, 'src'))) walk(posix.join('libs', lib, 'src'));
  return files.sort();
}

/** The checked-in snapshots (`libs/*\/src/queries/*.sql`) under `root`. */
export function readSnapshots(root: string): Map<string, string> {
  const snapshots = new Map<string, string>();
  for (const lib of listDir(root, 'libs')) {
    const dir = posix.join('libs', lib, 'src', 'queries');
    for (const name of listDir(root, dir)) if (name.endsWith('.sql')) snapshots.set(posix.join(dir, name), readFileSync(join(root, dir, name), 'utf8'));
  }
  return snapshots;
}

function listDir(root: string, dir: string): string[] {
  const path = join(root, dir);
  return existsSync(path) ? readdirSync(path).sort() : [];
}

export interface SnapshotDifference {
  path: string;
  problem: string;
}

/** What differs between the snapshots the code produces and the checked-in ones, by path. */
export function compareSnapshots(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): SnapshotDifference[] {
  const differences: SnapshotDifference[] = [];
  for (const path of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(path);
    const have = actual.get(path);
    if (want === have) continue;
    if (have === undefined) differences.push({ path, problem: 'missing' });
    else if (want === undefined) differences.push({ path, problem: 'stale (no repository statement produces it)' });
    else differences.push({ path, problem: `differs from line ${firstDifferentLine(want, have)}` });
  }
  return differences;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i + 1;
}

/** Writes the snapshots that changed and removes stale ones (and a `queries/` left empty); returns what changed. */
export function writeSnapshots(root: string, expected: ReadonlyMap<string, string>): SnapshotDifference[] {
  const differences = compareSnapshots(expected, readSnapshots(root));
  for (const { path } of differences) {
    const file = join(root, path);
    const text = expected.get(path);
    if (text !== undefined) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      continue;
    }
    rmSync(file);
    if (!readdirSync(dirname(file)).length) rmdirSync(dirname(file));
  }
  return differences;
}
