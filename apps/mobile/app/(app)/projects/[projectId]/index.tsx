import { useLocalSearchParams } from 'expo-router';

import { ProjectTasksScreen } from '../../../../src/screens/project-tasks-screen';

export default function ProjectRoute() {
  const { projectId } = useLocalSearchParams<{ projectId: string }>();
  return <ProjectTasksScreen projectId={projectId} />;
}
