import {
  certificateIdParams,
  certificateSchema,
  certificateVerificationSchema,
  certificateVerifyQuerySchema,
  revokeCertificateBodySchema,
} from '../schemas/certificate.schema';
import { recordIdParams } from '../schemas/sheet.schema';
import { endpoint } from './endpoint';

/** 专业技术资格电子证书: the certificate of an application, its PDF, its revocation and the public check. */
export const certificatesContract = {
  ofApplication: endpoint({
    method: 'GET',
    path: '/applications/:id/certificate',
    tags: ['certificates'],
    summary: '电子证书：申报通过并经人社部门确认后发放的专业技术资格电子证书',
    params: recordIdParams,
    response: certificateSchema,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/applications/:id/certificate/pdf',
    tags: ['certificates'],
    summary: '下载电子证书：PDF，带证书核验二维码；已撤销的证书不能下载',
    params: recordIdParams,
    response: null,
  }),
  revoke: endpoint({
    method: 'POST',
    path: '/certificates/:id/revoke',
    tags: ['certificates'],
    summary: '撤销证书：评委会撤销其发放的证书，须填写原因',
    params: certificateIdParams,
    body: revokeCertificateBodySchema,
    response: certificateSchema,
  }),
  verify: endpoint({
    method: 'GET',
    path: '/public/certificates/verify',
    tags: ['certificates'],
    summary: '证书核验（无需登录）：证书编号和姓名都一致时，显示证书是否有效',
    query: certificateVerifyQuerySchema,
    response: certificateVerificationSchema,
  }),
};
