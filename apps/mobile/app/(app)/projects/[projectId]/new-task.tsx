import { useLocalSearchParams } from 'expo-router';

import { NewTaskScreen } from '../../../../src/screens/new-task-screen';

export default function NewTaskRoute() {
  const { projectId } = useLocalSearchParams<{ projectId: string }>();
  return <NewTaskScreen projectId={projectId} />;
}
