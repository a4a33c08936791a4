import { Button, Group } from '@mantine/core';
import { texts } from '../texts';

/** A list that may have more pages (a `Paged` list of `usePages`). */
export interface MorePages {
  hasMore: boolean;
  loading?: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

/** "Visa fler" under a paged list, while it has more pages. */
export function ShowMore({
  list,
  label = texts.common.showMore,
  justify,
}: {
  list: MorePages;
  label?: string;
  justify?: 'center';
}) {
  if (!list.hasMore) return null;
  return (
    <Group justify={justify}>
      <Button variant="default" loading={list.loading || list.loadingMore} onClick={list.loadMore}>
        {label}
      </Button>
    </Group>
  );
}
