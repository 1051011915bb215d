import { createTranslator } from '../lib/i18n';

/** Texts of file display and attachment upload. */
export const ft = createTranslator({
  download: { zh: '下载', en: 'Download' },
  attach: { zh: '添加附件', en: 'Attach files' },
  uploading: { zh: '上传中…', en: 'Uploading…' },
  remove: { zh: '移除', en: 'Remove' },
  unavailable: { zh: '无法访问', en: 'Not available' },
});
