import { Button, Group } from '@mantine/core';
import type { Paged } from '../query';
import { texts } from '../texts';

/** "Visa fler" under a paged list, while it has more pages. */
export function ShowMore({
  list,
  label = texts.common.showMore,
  justify,
}: {
  list: Paged<unknown>;
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
