import type { ComponentProps } from 'react';
import { Pager } from '../../../components/Pager';

/**
 * The portal's Pager when there is more than one page. A single page needs no paging
 * controls, and the design system's GovButton only looks disabled (the native button
 * is not), so two greyed-out buttons would be noise to a screen reader and fail the
 * contrast check.
 */
export function DeskPager(props: ComponentProps<typeof Pager>) {
  return props.total > props.pageSize ? <Pager {...props} /> : null;
}
