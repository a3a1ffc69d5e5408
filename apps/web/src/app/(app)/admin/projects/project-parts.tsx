import Link from 'next/link';
import { Badge } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import type { Messages } from '../../../../i18n/messages';
import type { AdminProject } from '../../../../lib/api/admin';

// Pieces the admin project list and the project page share.

type AdminMessages = Messages['admin'];

/** The owner, linked to their admin page; a deleted account has no name left to show. */
export function ProjectOwner({ project, m }: { readonly project: AdminProject; readonly m: AdminMessages }) {
  if (!project.owner) return <span className={ui.muted}>{m.projectDetail.noOwner}</span>;
  const name = project.owner.displayName ?? project.owner.email ?? m.projectDetail.ownerDeleted;
  return <Link href={`/admin/users/${project.owner.id}`}>{name}</Link>;
}

export function ProjectStatus({ archived, m }: { readonly archived: boolean; readonly m: AdminMessages }) {
  return <Badge tone={archived ? 'neutral' : 'success'}>{m.projectStatus[archived ? 'archived' : 'active']}</Badge>;
}
