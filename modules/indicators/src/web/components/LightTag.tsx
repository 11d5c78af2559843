/** Traffic lights: always a colour and a text label (绿灯/黄灯/红灯/无数据), never colour alone; a grey one with a figure says why it has no light (无目标/无基数). */
import { Tag, Tooltip } from 'antd';
import { useT } from '@kechuang/platform-web';
import { lightStatus } from '../../domain/progress.ts';
import type { Light } from '../types.ts';

export const LIGHT_COLOURS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f', grey: '#bfbfbf' };
export const LIGHT_BACKGROUNDS: Record<Light, string> = { green: '#f6ffed', yellow: '#fffbe6', red: '#fff2f0', grey: '#fafafa' };
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'grey'];

export function LightDot({ light, size = 10 }: { light: Light; size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        background: LIGHT_COLOURS[light],
        flex: 'none',
        boxShadow: `0 0 0 2px ${LIGHT_COLOURS[light]}33`,
      }}
    />
  );
}

/** dot + label, e.g. ● 绿灯 */
export function LightLabel({ light, size }: { light: Light; size?: number }) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-light={light}>
      <LightDot light={light} size={size} />
      {t(`ind.light.${light}`)}
    </span>
  );
}

/** `item`: the figures the light is of; a grey light with an actual then reads 无目标 or 无基数 instead of 无数据 */
export function LightTag({ light, item }: { light: Light; item?: { actual: number | null; baseline: number | null; target: number | null } }) {
  const t = useT();
  const status = item ? lightStatus({ ...item, light }) : light;
  const why = status === 'noTarget' || status === 'noBaseline' ? status : null;
  const tag = (
    <Tag
      color={light === 'grey' ? 'default' : light === 'yellow' ? 'warning' : light === 'red' ? 'error' : 'success'}
      style={{ marginInlineEnd: 0 }}
      data-light={light}
      data-status={status}
    >
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 5 }}>
        <LightDot light={light} size={8} />
        {why ? t(`ind.status.${why}`) : t(`ind.light.${light}`)}
      </span>
    </Tag>
  );
  return why ? <Tooltip title={t(`ind.status.${why}Hint`)}>{tag}</Tooltip> : tag;
}
