import { Flex } from 'antd';
import { LIGHTS, LightLabel } from './LightTag.tsx';

export function LightLegend() {
  return (
    <Flex gap={16} wrap style={{ fontSize: 13 }}>
      {LIGHTS.map((l) => (
        <LightLabel key={l} light={l} />
      ))}
    </Flex>
  );
}
