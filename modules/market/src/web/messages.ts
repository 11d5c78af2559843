import { registerMessages } from '@kechuang/platform-web';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh.ts';

registerMessages({ 'zh-CN': zhCN, en });
