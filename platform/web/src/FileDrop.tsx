/** A click-or-drop zone over a plain <input type="file"> (data-testid="import-file-input"). */
import { useRef, useState } from 'react';
import { Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

interface FileDropProps {
  accept: string;
  title: string;
  hint: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

export function FileDrop({ accept, title, hint, disabled, onFile }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      role="button"
      tabIndex={0}
      aria-disabled={disabled}
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && !disabled && input.current?.click()}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
      style={{
        border: `1px dashed ${isOver ? '#1664d9' : '#d9d9d9'}`,
        borderRadius: 8,
        background: isOver ? '#e6f4ff' : '#fafafa',
        padding: '28px 16px',
        textAlign: 'center',
        cursor: disabled ? 'not-allowed' : 'pointer',
        opacity: disabled ? 0.6 : 1,
        transition: 'border-color 0.2s, background 0.2s',
      }}
    >
      <InboxOutlined style={{ fontSize: 44, color: '#1664d9' }} />
      <div style={{ fontSize: 16, margin: '8px 0 4px' }}>{title}</div>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
