import { Stack, useRouter } from 'expo-router';
import { useMemo, useState } from 'react';
import { RefreshControl, SectionList, StyleSheet, Text, View } from 'react-native';

import { describeError } from '../api/error-messages';
import { listPaging } from '../api/list-paging';
import { AlertMessage } from '../components/alert-message';
import { ListFooter } from '../components/list-footer';
import { PrimaryButton } from '../components/primary-button';
import { EmptyNote, QueryState } from '../components/query-state';
import { Screen, screenStyles } from '../components/screen';
import { useMe } from '../features/account/use-account';
import { canEditTasks } from '../features/projects/projects-api';
import { useMemberNames, useProject } from '../features/projects/use-projects';
import { groupByStatus } from '../features/tasks/group-by-status';
import { TaskFiltersBar } from '../features/tasks/task-filters-bar';
import { TaskRow } from '../features/tasks/task-row';
import type { Task, TaskFilters, TaskStatus } from '../features/tasks/tasks-api';
import { useTasks, useUpdateTask } from '../features/tasks/use-tasks';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';

const SEARCH_DELAY_MS = 300;

export function ProjectTasksScreen({ projectId }: { projectId: string }) {
  const t = useT();
  const theme = useTheme();
  const router = useRouter();
  const project = useProject(projectId);
  const me = useMe();
  const nameOf = useMemberNames(projectId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TaskStatus | undefined>(undefined);
  const [mine, setMine] = useState(false);
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const filters = useMemo<TaskFilters>(
    () => ({ status, q: q || undefined, assigneeId: mine ? me.data?.id : undefined }),
    [status, q, mine, me.data?.id],
  );
  const tasks = useTasks(projectId, filters);
  const sections = useMemo(() => groupByStatus(tasks.items), [tasks.items]);
  const update = useUpdateTask(projectId);
  const paging = listPaging(tasks);
  const canEdit = canEditTasks(project.data);
  const changingId = update.isPending ? update.variables?.task.id : undefined;

  const changeStatus = (task: Task, next: TaskStatus) => update.mutate({ task, change: { status: next } });

  return (
    <Screen scroll={false}>
      <Stack.Screen options={{ title: project.data?.name ?? t('tasks.title') }} />
      <SectionList
        accessibilityLabel={t('tasks.listLabel')}
        testID="tasks-list"
        sections={sections}
        keyExtractor={(task) => task.id}
        stickySectionHeadersEnabled={false}
        contentContainerStyle={[screenStyles.column, styles.list]}
        ListHeaderComponent={
          <View style={styles.header}>
            <TaskFiltersBar search={search} onSearch={setSearch} status={status} onStatus={setStatus} mine={mine} onMine={setMine} />
            {canEdit ? (
              <PrimaryButton
                title={t('tasks.new')}
                onPress={() => router.push({ pathname: '/projects/[projectId]/new-task', params: { projectId } })}
              />
            ) : null}
            {update.isError ? (
              <AlertMessage
                message={t('tasks.statusFailed', { key: update.variables?.task.key ?? '', reason: describeError(update.error, t) })}
              />
            ) : null}
            <QueryState query={tasks} loadingLabel={t('tasks.loading')} />
          </View>
        }
        renderSectionHeader={({ section }) => (
          <Text accessibilityRole="header" style={[styles.sectionTitle, { color: theme.mutedText }]}>
            {t('tasks.section', { status: t(`status.${section.status}`), count: section.data.length })}
          </Text>
        )}
        renderItem={({ item }) => (
          <View style={styles.item}>
            <TaskRow
              task={item}
              projectId={projectId}
              assigneeName={nameOf(item.assigneeId)}
              canEdit={canEdit}
              changing={changingId === item.id}
              onChangeStatus={changeStatus}
            />
          </View>
        )}
        ListEmptyComponent={
          tasks.data !== undefined ? <EmptyNote text={filters.q || filters.status || mine ? t('tasks.noMatch') : t('tasks.empty')} /> : null
        }
        ListFooterComponent={
          <ListFooter
            hasNextPage={tasks.hasNextPage}
            isFetchingNextPage={tasks.isFetchingNextPage}
            onLoadMore={paging.onEndReached}
            loadMoreLabel={t('tasks.loadMore')}
          />
        }
        refreshControl={<RefreshControl refreshing={paging.refreshing} onRefresh={paging.onRefresh} />}
        onEndReached={paging.onEndReached}
        onEndReachedThreshold={paging.onEndReachedThreshold}
      />
    </Screen>
  );
}

const styles = StyleSheet.create({
  list: { padding: 16 },
  header: { gap: 12, paddingBottom: 8 },
  sectionTitle: { fontSize: 13, fontWeight: '700', textTransform: 'uppercase', paddingTop: 16, paddingBottom: 8 },
  item: { paddingBottom: 10 },
});
