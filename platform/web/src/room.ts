/** What a room gives the shell: its pages, each with a menu entry and the roles that may open it. */
import type { ComponentType, ReactNode } from 'react';
import type { Role } from './roles.ts';

export interface RoomRoute {
  /** unique; the menu item carries `data-testid="nav-<key>"` */
  key: string;
  /** absolute path, e.g. "/cockpit" */
  path: string;
  /** i18n key of the menu label and page title */
  labelKey: string;
  icon?: ReactNode;
  /** who may open it: some roles, or 'signedIn' (every role, the rooms' bound accounts included) */
  roles: readonly Role[] | 'signedIn';
  /** usually a React.lazy page, so each page is its own chunk */
  component: ComponentType;
  /** i18n key of the menu group this entry sits in (e.g. "nav.admin"); none = top level */
  groupKey?: string;
  hideInMenu?: boolean;
  /** shown on its own, without the menu and header (the wall display, 大屏) */
  fullScreen?: boolean;
}

export const canSee = (route: RoomRoute, role: Role | undefined): boolean => !!role && (route.roles === 'signedIn' || route.roles.includes(role));
