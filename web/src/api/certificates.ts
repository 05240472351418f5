import { certificatesContract } from '#common';
import { clientOf } from './client';

export type { Certificate, CertificateVerification } from '#common';

const certificates = clientOf(certificatesContract);

/** 电子证书: the certificate of an application, its PDF, 撤销证书, and the public 证书核验. */
export const certificatesApi = {
  ofApplication: (applicationId: string) => certificates.ofApplication({ params: { id: applicationId } }),
  /** The certificate as a PDF file (refused once revoked). */
  pdf: (applicationId: string) => certificates.pdf({ params: { id: applicationId } }),
  revoke: (certificateId: string, reason: string) =>
    certificates.revoke({ params: { id: certificateId }, body: { reason } }),
  verify: (number: string, name: string) => certificates.verify({ query: { number, name } }, { quietAuth: true }),
};
