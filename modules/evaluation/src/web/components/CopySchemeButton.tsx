/** 复制为新体系: saves a preset's scheme as a new, editable scheme of that preset (POST schemes) and opens it in the editor. */
import { App, Button } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { errorMessage, useT } from '@kechuang/platform-web';
import { useSaveScheme } from '../api.ts';
import type { PresetScheme } from '../types.ts';

export function CopySchemeButton({ preset, size, primary }: { preset: PresetScheme; size?: 'small' | 'middle'; primary?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const save = useSaveScheme();
  const onCopy = async () => {
    const name = t('ev.schemes.copyName', { name: preset.name });
    try {
      const { id } = await save.mutateAsync({ input: { name, description: preset.description, preset: preset.preset, scheme: preset.scheme } });
      message.success(t('ev.schemes.copied', { name }));
      void navigate(`/evaluation/schemes/${id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Button
      size={size}
      type={primary ? 'primary' : 'default'}
      icon={<CopyOutlined />}
      loading={save.isPending}
      onClick={() => void onCopy()}
      data-testid={`copy-${preset.key}`}
    >
      {t('ev.schemes.copy')}
    </Button>
  );
}
