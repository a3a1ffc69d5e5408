// Realistic tasks made inside the database (one INSERT … SELECT over generate_series), so 100,000 rows
// take seconds, not the minutes 100,000 service calls would. The shape is what a long-lived project
// accumulates: titles from a skewed vocabulary (a few words in many tasks, many in few), descriptions of
// varying length with ticket and build numbers (the long tail real text has), old tasks mostly done and
// the newest ones open, a few assignees doing most of the work, ~2 % deleted.
import { randomUUID } from 'node:crypto';

const verbs = ['Fix', 'Add', 'Refactor', 'Update', 'Remove', 'Investigate', 'Document', 'Improve', 'Migrate', 'Test', 'Design', 'Review'];
// Skewed picks favour the start of each list: "login" ends up in about a tenth of the tasks.
const subjects = [
  'login',
  'dashboard',
  'billing',
  'search',
  'notifications',
  'settings',
  'profile',
  'export',
  'invoice',
  'onboarding',
  'reports',
  'permissions',
  'upload',
  'password reset',
  'webhooks',
  'calendar',
  'comments',
  'attachments',
  'timezone',
  'sidebar',
  'mobile layout',
  'API rate limits',
  'audit log',
  'session timeout',
  'CSV import',
  'dark mode',
  'SSO',
];
const qualifiers = ['', 'on Safari', 'for admins', 'in dark mode', 'after sign-up', 'when offline', 'for large teams', 'on Android'];
const words = (
  'the a to and of in for is on with when users it page we should not after this can be error button ' +
  'data customer request response slow fails message shows wrong value form field list table view load ' +
  'click screen update save cancel retry timeout browser server client cache query index email link token ' +
  'account team project task status date time filter sort column row chart graph metric alert warning ' +
  'background job queue worker deploy release staging production config flag feature rollout rollback'
).split(' ');

const sqlText = (value) => `'${value.replaceAll("'", "''")}'`;
const sqlArray = (values) => `array[${values.map(sqlText).join(', ')}]`;
/** 1-based index into an array of `length`, skewed towards its start (x² of a uniform draw). */
const skewed = (length) => `1 + floor(power(random(), 2) * ${length})::int`;

/**
 * Inserts a project with `count` tasks and `people` members (the first one owner); returns the ids.
 * The rare word "kubernetes" is in exactly four descriptions, spread over the project's history.
 */
export async function seedProject(query, { key, count, people = 20 }) {
  const projectId = randomUUID();
  const members = Array.from({ length: people }, () => randomUUID());
  await query(`insert into projects.projects (id, name, key, created_by, next_task_number) values ($1, $2, $3, $4, $5)`, [
    projectId,
    `Project ${key}`,
    key,
    members[0],
    count + 1,
  ]);
  await query(
    `insert into projects.members (project_id, user_id, role)
     select $1, m.user_id::uuid, case when m.n = 1 then 'owner' else 'member' end
     from unnest(${sqlArray(members)}) with ordinality as m(user_id, n)`,
    [projectId],
  );
  // The same data on every run: the seed drives random() (the ids stay random, which orders nothing).
  await query('select setseed(0.42)');
  await query(insertTasksSql(count, members), [projectId]);
  return { projectId, members };
}

function insertTasksSql(count, members) {
  const recent = Math.floor(count * 0.95);
  return `
    insert into projects.tasks
      (id, project_id, number, title, description, status, priority, assignee_id, due_date, labels,
       version, created_by, created_at, updated_at, deleted_at)
    select gen_random_uuid(), $1, n,
      (${sqlArray(verbs)})[1 + floor(random() * ${verbs.length})::int] || ' ' ||
        (${sqlArray(subjects)})[${skewed(subjects.length)}] || ' ' ||
        (${sqlArray(qualifiers)})[1 + floor(random() * ${qualifiers.length})::int],
      (select string_agg((${sqlArray(words)})[${skewed(words.length)}], ' ')
         from generate_series(1, 4 + n % 37) as w(i)) ||
        case when n % 7 = 0 then ' See ticket ' || (n * 7919 % 99991) || ' and build ' || (n % 4001) || '.' else '' end ||
        case when n % ${Math.floor(count / 4)} = 1234 then ' Runs on kubernetes.' else '' end,
      case
        when n > ${recent} then (array['backlog', 'todo', 'todo', 'in_progress', 'in_progress', 'done'])[1 + floor(random() * 6)::int]
        else (array['done', 'done', 'done', 'done', 'done', 'cancelled', 'backlog', 'in_progress'])[1 + floor(power(random(), 1.6) * 8)::int]
      end,
      (array['none', 'low', 'medium', 'high', 'urgent'])[${skewed(5)}],
      case when random() < 0.15 then null else (${sqlArray(members)})[${skewed(members.length)}]::uuid end,
      case when random() < 0.2 then (date '2024-01-01' + (n % 900)) end,
      case when random() < 0.3 then array['bug'] when random() < 0.2 then array['feature', 'ui'] else '{}'::text[] end,
      1 + floor(random() * 5)::int,
      (${sqlArray(members)})[${skewed(members.length)}]::uuid,
      now() - (${count} - n) * interval '6 minutes' + random() * interval '3 minutes',
      now() - (${count} - n) * interval '6 minutes' + interval '4 minutes',
      case when random() < 0.02 then now() end
    from generate_series(1, ${count}) as t(n)`;
}
