#!/usr/bin/env node
// Task lists at scale: 100,000 tasks in one project (plus a smaller neighbour sharing the table), then
// the project service's own TasksRepository (compiled: build it first with `npx tsc -b apps/project-service`),
// called as TasksService.list calls it, answers the list requests clients make. Each is timed (median of
// several runs) and its SQL, recorded as the repository sent it, is EXPLAINed (a search may send two
// statements: TasksRepository.list says why). Printed beside a baseline measured in the same run, reading
// one task by id, so the ratios say what a list costs on this machine, whatever its speed today.
// Fails (non-zero exit) when any plan reads the tasks table sequentially.
//
//   node scripts/bench/tasks-scale.mjs                                     a fresh in-memory PGlite
//   BENCH_DATABASE_URL=postgres://… node scripts/bench/tasks-scale.mjs     a fresh database on that server
import { pathToFileURL } from 'node:url';
import { decodeCursor, pageSize, toPage } from '@msp/platform';
import { migrationsFolder } from '../../apps/project-service/dist/db/migrations-folder.js';
import { TasksRepository } from '../../apps/project-service/dist/tasks/tasks.repository.js';
import { openBenchDatabase } from './lib/bench-database.mjs';
import { explain, timed } from './lib/query-plan.mjs';
import { seedProject } from './lib/seed-tasks.mjs';

const TASKS = 100_000;
const PAGE_SIZE = 20; // the API's default page
const DEEP_PAGE = 500;

/**
 * A project's task list as TasksService.list asks the repository for it (authorization aside): the
 * words of `q` split as it splits them, one row more than the page to learn whether another follows,
 * and the cursor of the page it returns.
 */
function taskListOf(repository, projectId) {
  return async ({ status, assigneeId, q = '' }, cursor = '') => {
    const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
    const size = pageSize(PAGE_SIZE);
    return toPage(await repository.list(projectId, { status, assigneeId, words }, size + 1, decodeCursor(cursor)), size);
  };
}

/** The cursor the service hands out for page `page`, got by paging there as a client would. */
async function cursorOfPage(listTasks, page) {
  let cursor = '';
  for (let i = 1; i < page; i++) cursor = (await listTasks({}, cursor)).nextCursor;
  return cursor;
}

export async function run() {
  const database = await openBenchDatabase({ schema: 'projects', migrationsFolder });
  try {
    const { query } = database;
    let started = performance.now();
    const { projectId, members } = await seedProject(query, { key: 'SCALE', count: TASKS });
    await seedProject(query, { key: 'NEXT', count: TASKS / 10 });
    // What autovacuum would have done by the time a project holds 100,000 tasks.
    await query('vacuum analyze projects.tasks');
    await query('analyze projects.projects');
    await query('analyze projects.members');
    console.log(`${database.engine}: seeded ${TASKS + TASKS / 10} tasks in ${seconds(started)} s`);

    const repository = new TasksRepository(database.db);
    const listTasks = taskListOf(repository, projectId);
    const [middle] = await query('select id from projects.tasks where project_id = $1 and number = $2', [projectId, TASKS / 2]);
    const busiest = members[0]; // the seed favours the first members as assignees
    started = performance.now();
    const deepCursor = await cursorOfPage(listTasks, DEEP_PAGE);
    console.log(`paged to page ${DEEP_PAGE} in ${seconds(started)} s`);

    const list = (filter, cursor) => () => listTasks(filter, cursor);
    const cases = [
      ['one task by id (baseline)', () => repository.find(projectId, middle.id)],
      ['list, first page', list({})],
      [`list, page ${DEEP_PAGE} (keyset cursor)`, list({}, deepCursor)],
      ['list, status + assignee', list({ status: 'in_progress', assigneeId: busiest })],
      ['search, common word "login"', list({ q: 'login' })],
      ['search, rare word "kubernetes"', list({ q: 'kubernetes' })],
    ];

    const results = [];
    for (const [name, work] of cases) {
      const { result, statements } = await database.statementsOf(work);
      const plans = [];
      for (const statement of statements) plans.push(await explain(query, statement));
      results.push({
        name,
        rows: Array.isArray(result?.items) ? result.items.length : 1,
        statements: plans.length,
        plan: plans.map((explained) => explained.plan).join('\n·· then\n'),
        indexes: [...new Set(plans.flatMap((explained) => explained.indexes))],
        seqScan: plans.some((explained) => explained.seqScan),
        ...(await timed(work)),
      });
    }
    report(database.engine, results);

    const sequential = results.filter((result) => result.seqScan).map((result) => result.name);
    if (sequential.length > 0) throw new Error(`Seq Scan on tasks in: ${sequential.join('; ')}`);
    return { engine: database.engine, tasks: TASKS, results: results.map(({ plan: _plan, ...result }) => result) };
  } finally {
    await database.close();
  }
}

function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function report(engine, results) {
  const baseline = results[0].medianMs;
  console.log(`\nTask lists on ${engine}, ${TASKS} tasks in the project, pages of ${PAGE_SIZE}:`);
  console.table(
    results.map((result) => ({
      case: result.name,
      'median ms': Number(result.medianMs.toFixed(2)),
      'min ms': Number(result.minMs.toFixed(2)),
      '× baseline': Number((result.medianMs / baseline).toFixed(1)),
      rows: result.rows,
      statements: result.statements,
      'tasks read by': result.seqScan ? 'SEQ SCAN' : result.indexes.join(' + ') || '(no index)',
    })),
  );
  for (const result of results) console.log(`\n── ${result.name}\n${result.plan}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
