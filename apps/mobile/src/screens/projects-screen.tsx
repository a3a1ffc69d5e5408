import { useRouter } from 'expo-router';
import { FlatList, Pressable, RefreshControl, StyleSheet, Text, View } from 'react-native';

import { listPaging } from '../api/list-paging';
import { ListFooter } from '../components/list-footer';
import { EmptyNote, QueryState } from '../components/query-state';
import { Screen, screenStyles } from '../components/screen';
import type { Project } from '../features/projects/projects-api';
import { useProjects } from '../features/projects/use-projects';
import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';

export function ProjectsScreen() {
  const t = useT();
  const projects = useProjects();
  const paging = listPaging(projects);
  return (
    <Screen scroll={false}>
      <QueryState query={projects} loadingLabel={t('projects.loading')} />
      {projects.data !== undefined ? (
        <FlatList
          accessibilityLabel={t('projects.title')}
          testID="projects-list"
          data={projects.items}
          keyExtractor={(project) => project.id}
          renderItem={({ item }) => <ProjectRow project={item} />}
          contentContainerStyle={[screenStyles.column, styles.list]}
          ListEmptyComponent={<EmptyNote text={t('projects.empty')} />}
          ListFooterComponent={
            <ListFooter
              hasNextPage={projects.hasNextPage}
              isFetchingNextPage={projects.isFetchingNextPage}
              onLoadMore={paging.onEndReached}
              loadMoreLabel={t('projects.loadMore')}
            />
          }
          refreshControl={<RefreshControl refreshing={paging.refreshing} onRefresh={paging.onRefresh} />}
          onEndReached={paging.onEndReached}
          onEndReachedThreshold={paging.onEndReachedThreshold}
        />
      ) : null}
    </Screen>
  );
}

function ProjectRow({ project }: { project: Project }) {
  const router = useRouter();
  const theme = useTheme();
  const t = useT();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={t('projects.open', { name: project.name, key: project.key })}
      onPress={() => router.push({ pathname: '/projects/[projectId]', params: { projectId: project.id } })}
      style={({ pressed }) => [styles.row, { backgroundColor: theme.surface, borderColor: theme.border }, pressed && styles.pressed]}
    >
      <View style={styles.rowHeader}>
        <Text style={[styles.name, { color: theme.text }]}>{project.name}</Text>
        <Text style={[styles.key, { color: theme.mutedText }]}>{project.key}</Text>
      </View>
      {project.description ? (
        <Text numberOfLines={2} style={[styles.description, { color: theme.mutedText }]}>
          {project.description}
        </Text>
      ) : null}
      <Text style={[styles.meta, { color: theme.mutedText }]}>
        {t(`role.${project.role}`)}
        {project.archived ? ` · ${t('projects.archived')}` : ''}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  list: { padding: 16, gap: 12 },
  row: { borderWidth: 1, borderRadius: 12, padding: 16, gap: 6 },
  pressed: { opacity: 0.7 },
  rowHeader: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 },
  name: { fontSize: 17, fontWeight: '600', flexShrink: 1 },
  key: { fontSize: 14, fontWeight: '600' },
  description: { fontSize: 15 },
  meta: { fontSize: 13 },
});
