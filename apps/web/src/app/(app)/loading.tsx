import { Skeleton } from '../../components/page-parts';
import ui from '../../components/ui.module.css';

// Shown while a signed-in page's data loads: a title, a line and a block, under the header that stays.
export default function Loading() {
  return (
    <div className={ui.stack} aria-busy="true">
      <Skeleton className={ui.skeletonTitle} />
      <Skeleton className={ui.skeletonLine} />
      <Skeleton className={ui.skeletonBlock} />
    </div>
  );
}
