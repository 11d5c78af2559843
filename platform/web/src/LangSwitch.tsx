/** 中文 / English switch (the choice is kept in localStorage). */
import { Segmented } from 'antd';
import { setLang, useLang, type Lang } from './i18n.ts';

export function LangSwitch() {
  const lang = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}
