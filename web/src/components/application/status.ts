import { applicationStatusLabels, type ApplicationStatus } from '#common';

/** The colour of an application's status tag. */
export const statusTagType: Record<ApplicationStatus, 'info' | 'primary' | 'warning' | 'danger' | 'success'> = {
  draft: 'info',
  inReview: 'primary',
  returned: 'warning',
  rejected: 'danger',
  passed: 'success',
};

export const statusLabel = (status: ApplicationStatus) => applicationStatusLabels[status];
