/** The name of a ranking group in the user's language (the group codes are Chinese words). */
import { defineMessages, type Locale } from '../i18n';

const useMsg = defineMessages(
  { 市直部门: '市直部门', 区县: '区县', 乡镇街道: '乡镇街道', 未分类: '未分类' },
  {
    市直部门: 'Municipal departments',
    区县: 'Districts and counties',
    乡镇街道: 'Towns and subdistricts',
    未分类: 'Unclassified',
  },
);

const isGroup = (g: string): g is '市直部门' | '区县' | '乡镇街道' | '未分类' =>
  g === '市直部门' || g === '区县' || g === '乡镇街道' || g === '未分类';

export function useGroupName(): (group: string) => string {
  const m = useMsg();
  return (group) => (isGroup(group) ? m(group) : group);
}

/** The same outside React (exports). */
export function groupNameFor(locale: Locale): (group: string) => string {
  const m = useMsg.forLocale(locale);
  return (group) => (isGroup(group) ? m(group) : group);
}
