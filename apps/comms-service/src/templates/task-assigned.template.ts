import {
  composeEmail,
  singleLine,
  supportedLocale,
  type EmailTemplateId,
  type RenderedEmail,
  type SupportedLocale,
} from './email-template.js';
import { unsubscribeFooter } from './unsubscribe-footer.js';

export interface TaskAssignedModel {
  displayName: string;
  locale: string;
  projectName: string;
  /** The task's human key, e.g. `WEB-42`. */
  taskKey: string;
  title: string;
  /** The assigner's display name; empty when the project service did not know it. */
  assignerName: string;
  /** `${WEB_URL}/projects/<id>/tasks/WEB-42`. */
  link: string;
  unsubscribeLink?: string | undefined;
}

export const TASK_ASSIGNED_TEMPLATE: EmailTemplateId = { name: 'task-assigned.v1', category: 'tasks' };

interface Texts {
  subject: (task: string) => string;
  greeting: (name: string) => string;
  assigned: (task: string, project: string, assigner: string | null) => string;
  task: string;
  project: string;
  assignedBy: string;
  action: string;
}

const texts: Record<SupportedLocale, Texts> = {
  en: {
    subject: (task) => `You were assigned ${task}`,
    greeting: (name) => `Hello ${name},`,
    assigned: (task, project, assigner) =>
      assigner ? `${assigner} assigned you the task ${task} in ${project}.` : `You were assigned the task ${task} in ${project}.`,
    task: 'Task',
    project: 'Project',
    assignedBy: 'Assigned by',
    action: 'Open the task',
  },
  de: {
    subject: (task) => `Dir wurde ${task} zugewiesen`,
    greeting: (name) => `Hallo ${name},`,
    assigned: (task, project, assigner) =>
      assigner
        ? `${assigner} hat dir die Aufgabe ${task} in ${project} zugewiesen.`
        : `Dir wurde die Aufgabe ${task} in ${project} zugewiesen.`,
    task: 'Aufgabe',
    project: 'Projekt',
    assignedBy: 'Zugewiesen von',
    action: 'Aufgabe öffnen',
  },
};

/** Task titles and names are chosen by users: one line each (`singleLine`), escaped in HTML by `composeEmail`. */
export function renderTaskAssigned(model: TaskAssignedModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  const task = `${singleLine(model.taskKey, 20)}: ${singleLine(model.title, 120)}`;
  const project = singleLine(model.projectName, 100);
  const assigner = singleLine(model.assignerName, 100) || null;
  return composeEmail({
    subject: t.subject(task),
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.assigned(task, project, assigner)],
    details: [[t.task, task], [t.project, project], ...(assigner ? [[t.assignedBy, assigner] as [string, string]] : [])],
    action: { label: t.action, href: model.link },
    unsubscribe: unsubscribeFooter('tasks', locale, model.unsubscribeLink),
  });
}
