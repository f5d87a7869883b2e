import { GovTag } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import type { Resolution } from '../../../lib/resolutions';

const COLOURS: Record<Resolution['status'], 'primary' | 'secondary' | 'success' | 'error'> = {
  draft: 'primary',
  adopted: 'success',
  rejected: 'error',
  withdrawn: 'secondary',
};

/** A resolution's status (draft, adopted, not passed, withdrawn) as a coloured tag. */
export function ResolutionStatusTag({ status }: { status: Resolution['status'] }) {
  const { t } = useTranslation('officer');
  return (
    <GovTag size="s" type="subtle" color={COLOURS[status]}>
      {t(`officer:resolution.statuses.${status}`)}
    </GovTag>
  );
}
