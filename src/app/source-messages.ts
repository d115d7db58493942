/** The data-source switch's and its fallback notice's texts (zh-CN first). */
import { defineMessages } from '../i18n';

export const useSourceMsg = defineMessages(
  {
    label: '数据源',
    city: '城市接口',
    cases: '{n} 件',
    unavailable: '数据源列表暂不可用',
    gone: '所选数据源“{id}”已不存在（可能已被删除），页面显示的是城市接口的数据。',
    backToCity: '改用城市接口',
    refused: '内存不足，无法评估',
  },
  {
    label: 'Data source',
    city: 'City feed',
    cases: '{n} cases',
    unavailable: 'The list of sources is unavailable',
    gone: 'The chosen source “{id}” no longer exists (it may have been deleted); the pages show the city feed.',
    backToCity: 'Use the city feed',
    refused: 'not enough memory to evaluate',
  },
);
