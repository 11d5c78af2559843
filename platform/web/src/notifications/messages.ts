import { registerMessages } from '../i18n.ts';

registerMessages({
  'zh-CN': {
    'nav.notifications': '消息',
    'notification.bell': '{n} 条未读消息',
    'notification.subtitle': '{n} 条未读；推送的匹配、退回的发布和每日摘要都在这里',
    'notification.none': '暂无消息',
    'notification.all': '全部',
    'notification.unread': '未读',
    'notification.day': '{day} 的消息',
    'notification.readAll': '全部标为已读',
    'notification.markRead': '标为已读',
    'notification.open': '查看',
  },
  en: {
    'nav.notifications': 'Messages',
    'notification.bell': '{n} unread',
    'notification.subtitle': '{n} unread: pushed matches, listings sent back and the daily digest',
    'notification.none': 'No messages',
    'notification.all': 'All',
    'notification.unread': 'Unread',
    'notification.day': 'Messages of {day}',
    'notification.readAll': 'Mark all read',
    'notification.markRead': 'Mark read',
    'notification.open': 'Open',
  },
});
