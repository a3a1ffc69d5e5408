import { Skeleton } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';

// A project section loading: the project's header and tabs stay, the section's outline stands in.
export default function Loading() {
  return (
    <div className={ui.stack} aria-busy="true">
      <Skeleton className={ui.skeletonLine} />
      <Skeleton className={ui.skeletonBlock} />
    </div>
  );
}
