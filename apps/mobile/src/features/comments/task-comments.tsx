import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { describeError, fieldMessages } from '../../api/error-messages';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { AlertMessage } from '../../components/alert-message';
import { PrimaryButton } from '../../components/primary-button';
import { EmptyNote } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../i18n/i18n';
import { useTheme } from '../../theme';
import { useMemberNames } from '../projects/use-projects';
import { useAddComment, useComments } from './use-comments';

export function TaskComments({ projectId, taskId, canComment }: { projectId: string; taskId: string; canComment: boolean }) {
  const { t, formatDateTime } = useI18n();
  const theme = useTheme();
  const comments = useComments(projectId, taskId);
  const add = useAddComment(projectId, taskId);
  const nameOf = useMemberNames(projectId);
  const [body, setBody] = useState('');
  // One key per comment being written: a retry after a lost answer cannot post it twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const post = () => {
    if (!body.trim()) return;
    add.mutate(
      { body: body.trim(), idempotencyKey },
      {
        onSuccess: () => {
          setBody('');
          setIdempotencyKey(newIdempotencyKey());
        },
      },
    );
  };
  const fields = fieldMessages(add.error);

  return (
    <View style={styles.section} testID="task-comments">
      <Text accessibilityRole="header" style={[styles.title, { color: theme.text }]}>
        {t('task.comments')}
      </Text>
      {comments.data !== undefined && comments.items.length === 0 ? <EmptyNote text={t('task.noComments')} /> : null}
      {comments.items.map((comment) => (
        <View key={comment.id} style={[styles.comment, { backgroundColor: theme.surface, borderColor: theme.border }]} accessible>
          <Text style={[styles.author, { color: theme.text }]}>
            {nameOf(comment.authorId) ?? t('common.someone')} ·{' '}
            <Text style={{ color: theme.mutedText }}>{formatDateTime(comment.createdAt)}</Text>
          </Text>
          <Text style={[styles.body, { color: theme.text }]}>{comment.body}</Text>
        </View>
      ))}
      {comments.hasNextPage ? (
        <PrimaryButton
          title={t('task.moreComments')}
          onPress={() => void comments.fetchNextPage()}
          busy={comments.isFetchingNextPage}
          variant="outlined"
        />
      ) : null}
      {canComment ? (
        <>
          <TextField
            label={t('task.newComment')}
            value={body}
            onChangeText={setBody}
            error={fields.body}
            multiline
            editable={!add.isPending}
          />
          {add.isError && fields.body === undefined ? <AlertMessage message={describeError(add.error, t)} /> : null}
          <PrimaryButton title={t('task.postComment')} onPress={post} busy={add.isPending} disabled={!body.trim()} />
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  section: { gap: 10 },
  title: { fontSize: 18, fontWeight: '700' },
  comment: { borderWidth: 1, borderRadius: 10, padding: 12, gap: 4 },
  author: { fontSize: 14, fontWeight: '600' },
  body: { fontSize: 15 },
});
