/**
 * Unsaved edits (未保存的修改). A form reports that it holds edits with `useUnsavedChanges(dirty)`; while any
 * form does, leaving asks first: closing or reloading the tab (the browser's own prompt), following an in-app
 * link such as the menu (`UnsavedChangesGuard`, mounted once in the layout), and any caller that asks
 * `confirmDiscard` before it switches the year or closes a drawer.
 */
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT, type TFunction } from './i18n.ts';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

const dirtyForms = new Set<symbol>();

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

export function useUnsavedChanges(isDirty: boolean): void {
  const id = useRef(Symbol('form'));
  useEffect(() => {
    const me = id.current;
    if (isDirty) dirtyForms.add(me);
    else dirtyForms.delete(me);
    return () => void dirtyForms.delete(me);
  }, [isDirty]);
}

/** true at once when nothing is unsaved; otherwise asks, and forgets the edits when the user leaves */
export function confirmDiscard(modal: ModalApi, t: TFunction): Promise<boolean> {
  if (!hasUnsavedChanges()) return Promise.resolve(true);
  return new Promise((resolve) => {
    modal.confirm({
      title: t('common.unsaved.title'),
      content: t('common.unsaved.content'),
      okText: t('common.unsaved.leave'),
      cancelText: t('common.unsaved.stay'),
      okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' },
      onOk: () => {
        dirtyForms.clear();
        resolve(true);
      },
      onCancel: () => resolve(false),
    });
  });
}

/** `confirmDiscard` with this component's modal and language */
export function useConfirmDiscard(): () => Promise<boolean> {
  const { modal } = App.useApp();
  const t = useT();
  return () => confirmDiscard(modal, t);
}

export function UnsavedChangesGuard() {
  const { modal } = App.useApp();
  const t = useT();
  const navigate = useNavigate();
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      if (!hasUnsavedChanges() || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      e.stopPropagation();
      void confirmDiscard(modal, t).then((leave) => {
        if (leave) void navigate(url.pathname + url.search + url.hash);
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [modal, t, navigate]);
  return null;
}
