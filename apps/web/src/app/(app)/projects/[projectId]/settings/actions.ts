'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getI18n } from '../../../../../i18n/server';
import { projectsApi } from '../../../../../lib/api/projects';
import type { ActionState } from '../../../../../lib/action-state';
import { redirectIfSignedOut, requireCaller } from '../../../../../lib/caller';
import { generalMessage, problemToFormState, textField, type FormState } from '../../../../../lib/form-state';

const FIELDS = ['name', 'description'] as const;
export interface ProjectSettingsState extends FormState<(typeof FIELDS)[number]> {
  readonly saved: boolean;
}

export async function saveProject(_previous: ProjectSettingsState, formData: FormData): Promise<ProjectSettingsState> {
  const { m } = await getI18n();
  const name = textField(formData, 'name').trim();
  const description = textField(formData, 'description').trim();
  const values = { name, description };
  if (name === '') return { saved: false, formError: null, fieldErrors: { name: m.workspace.projects.enterName }, values };
  const result = await projectsApi.update(await requireCaller(), textField(formData, 'projectId'), { name, description });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { saved: false, ...problemToFormState(result.problem, FIELDS, values, m.common) };
  }
  refresh();
  return { saved: true, formError: null, fieldErrors: {}, values: {} };
}

export async function setArchived(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { m } = await getI18n();
  const archived = textField(formData, 'archived') === 'true';
  const result = await projectsApi.update(await requireCaller(), textField(formData, 'projectId'), { archived });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  refresh();
  return { error: null, done: archived ? m.workspace.settings.archivedDone : m.workspace.settings.unarchivedDone };
}

export interface DeleteProjectState {
  readonly error: string | null;
}

export async function deleteProject(_previous: DeleteProjectState, formData: FormData): Promise<DeleteProjectState> {
  const { m } = await getI18n();
  if (textField(formData, 'confirmation').trim() !== textField(formData, 'key')) return { error: m.workspace.settings.deleteMismatch };
  const result = await projectsApi.remove(await requireCaller(), textField(formData, 'projectId'));
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common) };
  }
  redirect('/projects');
}
