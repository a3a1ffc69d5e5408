import { useLocalSearchParams } from 'expo-router';

import { TaskDetailScreen } from '../../../../../src/screens/task-detail-screen';
import { TaskKeyScreen } from '../../../../../src/screens/task-key-screen';
import { isTaskId } from '../../../../../src/features/tasks/task-key';

export default function TaskRoute() {
  const { projectId, taskId } = useLocalSearchParams<{ projectId: string; taskId: string }>();
  // Links from notifications name the task by key (WEB-42); the app's own navigation by id.
  if (!isTaskId(taskId)) return <TaskKeyScreen projectId={projectId} taskKey={taskId} />;
  // Keyed by task: moving from one task to another (e.g. from a notification) starts a fresh screen.
  return <TaskDetailScreen key={taskId} projectId={projectId} taskId={taskId} />;
}
