/**
 * A small dictionary-based i18n: zh-CN by default, English switchable, the choice kept in localStorage.
 * Each room registers its own messages with `registerMessages`; `useT()` re-renders on a switch.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Lang = 'zh-CN' | 'en';
export type Messages = Record<string, string>;

const STORAGE_KEY = 'kechuang.lang';
const dictionaries: Record<Lang, Messages> = { 'zh-CN': {}, en: {} };
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Lang = initialLang();

export function registerMessages(messages: { 'zh-CN': Messages; en: Messages }): void {
  Object.assign(dictionaries['zh-CN'], messages['zh-CN']);
  Object.assign(dictionaries.en, messages.en);
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** translate `key` in `lang`, filling `{name}` placeholders; falls back to zh-CN, then to the key */
export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const template = dictionaries[lang][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type TFunction = (key: string, vars?: Record<string, string | number>) => string;

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

export function useT(): TFunction {
  const lang = useLang();
  return useCallback<TFunction>((key, vars) => translate(lang, key, vars), [lang]);
}

registerMessages({
  'zh-CN': {
    'app.title': '科创',
    'app.subtitle': '区科技局创新治理平台',
    'common.search': '搜索',
    'common.export': '导出 Excel',
    'common.total': '共 {total} 条',
    'common.edit': '编辑',
    'common.save': '保存',
    'common.cancel': '取消',
    'common.delete': '删除',
    'common.refresh': '刷新',
    'common.yes': '是',
    'notice.demo': '演示数据：本平台载有合成的镇街数据、企业库和载体数据（标注“演示”），以及由它们汇总、计算出的数字，仅用于展示功能，不代表真实情况。',
    'notice.demoShort': '含演示数据，不代表真实情况',
    'common.unsaved.title': '有未保存的修改',
    'common.unsaved.content': '离开后，本页未保存的修改将丢失。',
    'common.unsaved.leave': '放弃修改并离开',
    'common.unsaved.stay': '留在本页',
    'common.no': '否',
    'common.saved': '已保存',
    'common.loadFailed': '加载失败',
    'common.forbidden': '您的角色无权访问此页面',
    'common.notFound': '页面不存在',
    'common.backHome': '返回首页',
    'common.actions': '操作',
    'role.bureauAdmin': '科技局管理员',
    'role.bureauStaff': '科技局工作人员',
    'role.leader': '领导',
    'role.townOfficer': '镇街/园区专员',
    'login.title': '登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.required': '请输入{field}',
    'login.hint': '演示账号：admin / bureau / leader / town / enterprise，密码 kechuang-demo',
    'login.feature1': '统计监测：基数、目标、实际值一处管理',
    'login.feature2': '亮灯赛绩：镇街园区红黄绿灯，一目了然',
    'login.feature3': 'Excel 进出：逐行报错，整表导入不留半截',
    'header.changePassword': '修改密码',
    'header.logout': '退出登录',
    'password.title': '修改密码',
    'password.current': '当前密码',
    'password.new': '新密码',
    'password.confirm': '确认新密码',
    'password.mismatch': '两次输入的新密码不一致',
    'password.rule': '至少 {n} 个字符，不能是常见密码，也不能与用户名相同',
    'password.done': '密码已修改',
    'nav.admin': '系统管理',
    'nav.tagline': '区科技局创新治理平台',
    'nav.users': '用户管理',
    'nav.audit': '审计日志',
  },
  en: {
    'app.title': 'Kechuang',
    'app.subtitle': 'Innovation governance for the district S&T bureau',
    'common.search': 'Search',
    'common.export': 'Export to Excel',
    'common.total': '{total} rows',
    'common.edit': 'Edit',
    'common.save': 'Save',
    'common.cancel': 'Cancel',
    'common.delete': 'Delete',
    'common.refresh': 'Refresh',
    'common.yes': 'Yes',
    'notice.demo':
      'Demo data: this platform holds synthetic town, registry and carrier figures (marked as demo) and figures rolled up or computed from them, to show what it does. They are not real.',
    'notice.demoShort': 'Includes demo data, not real figures',
    'common.unsaved.title': 'Unsaved changes',
    'common.unsaved.content': 'If you leave, the changes on this page that are not saved will be lost.',
    'common.unsaved.leave': 'Discard and leave',
    'common.unsaved.stay': 'Stay',
    'common.no': 'No',
    'common.saved': 'Saved',
    'common.loadFailed': 'Failed to load',
    'common.forbidden': 'Your role may not open this page',
    'common.notFound': 'Page not found',
    'common.backHome': 'Back to the start page',
    'common.actions': 'Actions',
    'role.bureauAdmin': 'Bureau administrator',
    'role.bureauStaff': 'Bureau staff',
    'role.leader': 'Leader',
    'role.townOfficer': 'Town / park officer',
    'login.title': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.required': 'Please enter the {field}',
    'login.hint': 'Demo accounts: admin / bureau / leader / town / enterprise, password kechuang-demo',
    'login.feature1': 'Monitoring: baselines, targets and actuals in one place',
    'login.feature2': 'Traffic lights: every town and park at a glance',
    'login.feature3': 'Excel in and out: row-by-row errors, all-or-nothing imports',
    'header.changePassword': 'Change password',
    'header.logout': 'Sign out',
    'password.title': 'Change password',
    'password.current': 'Current password',
    'password.new': 'New password',
    'password.confirm': 'Confirm the new password',
    'password.mismatch': 'The two new passwords differ',
    'password.rule': 'At least {n} characters, not a common password, not the username',
    'password.done': 'Password changed',
    'nav.admin': 'Administration',
    'nav.tagline': 'S&T bureau platform',
    'nav.users': 'Users',
    'nav.audit': 'Audit log',
  },
});
