import { registerMessages } from '../i18n.ts';

registerMessages({
  'zh-CN': {
    'nav.todos': '待办',
    'todo.bell': '{n} 项待办',
    'todo.subtitle': '共 {n} 项，按类别列出；点击一项即到办理它的页面',
    'todo.none': '暂无待办事项',
    'todo.all': '全部 {n} 项',
  },
  en: {
    'nav.todos': 'To do',
    'todo.bell': '{n} to do',
    'todo.subtitle': '{n} items by kind; open one to handle it',
    'todo.none': 'Nothing is waiting for you',
    'todo.all': 'All {n}',
  },
});
