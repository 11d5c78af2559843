/** /enterprises/:id — one enterprise's profile; another town's enterprise answers 404 and shows the not-found result. */
import { useParams } from 'react-router-dom';
import { useAuth } from '@kechuang/platform-web';
import { ProfileView } from '../components/ProfileView.tsx';

export function ProfilePage() {
  const { id } = useParams();
  const { user } = useAuth();
  return <ProfileView key={id} id={Number(id)} backToRegistry={user?.role !== 'enterpriseUser'} />;
}
