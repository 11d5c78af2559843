/** The bureau's reason for returning or taking down a listing: required, shown to the owner. */
import { useState } from 'react';
import { Input, Modal } from 'antd';
import { useT } from '@kechuang/platform-web';

export function ReasonDialog(props: { title: string; open: boolean; onOk: (reason: string) => Promise<void>; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={props.title}
      open={props.open}
      okButtonProps={{ disabled: reason.trim() === '', loading: busy, 'data-testid': 'reason-ok' }}
      onOk={async () => {
        setBusy(true);
        try {
          await props.onOk(reason.trim());
          setReason('');
        } finally {
          setBusy(false);
        }
      }}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Input.TextArea
        rows={3}
        maxLength={1000}
        placeholder={t('market.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="reason-input"
      />
    </Modal>
  );
}
