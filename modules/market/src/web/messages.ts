import { registerMessages } from '@kechuang/platform-web';
import { auditEn, auditZh } from './audit-labels.ts';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh.ts';

registerMessages({ 'zh-CN': { ...zhCN, ...auditZh }, en: { ...en, ...auditEn } });
