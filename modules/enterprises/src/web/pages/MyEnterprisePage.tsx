/** 我的企业: an enterprise user's own profile, straight from the menu. */
import { Result } from 'antd';
import { useAuth, useT } from '@kechuang/platform-web';
import { ProfileView } from '../components/ProfileView.tsx';

export function MyEnterprisePage() {
  const t = useT();
  const { user } = useAuth();
  if (!user?.enterpriseId) return <Result status="warning" title={t('ent.my.noEnterprise')} subTitle={t('ent.my.noEnterpriseHint')} />;
  return <ProfileView id={user.enterpriseId} backToRegistry={false} />;
}
