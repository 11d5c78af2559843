/** 科技体检's messages (dx.*, and nav.diagnosis, which the registry's profile also shows), registered for the shell. */
import { registerMessages } from '@kechuang/platform-web';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh.ts';

registerMessages({ 'zh-CN': zhCN, en });
