import { Alert, Spin } from 'antd';
import { openCounts } from '../../engine/summaries';
import { useDashboard } from '../../engine/use-dashboard';
import { formatCount } from '../../ui/format';
import { useSettingsMsg } from './settings-messages';

/**
 * What the saved settings produce right now (open cases by level, slow-action flags), so the
 * administrator sees a change take effect: the engine recomputes whenever the settings change.
 */
export function SettingsEffect() {
  const m = useSettingsMsg();
  const state = useDashboard();
  const model = state.model;
  if (!model) {
    return <Alert type="info" showIcon title={m('effectTitle')} description={m('effectLoading')} />;
  }
  const counts = openCounts(model.rows);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="settings-effect"
      title={m('effectTitle')}
      description={
        <span aria-live="polite">
          {state.refreshing ? (
            <span data-testid="settings-effect-refreshing">
              <Spin size="small" /> {m('effectRefreshing')}
            </span>
          ) : (
            <span data-testid="settings-effect-counts">
              {m('effectBody', {
                open: formatCount(counts.open),
                early: formatCount(counts.levels['early-warning']),
                yellow: formatCount(counts.levels.yellow),
                red: formatCount(counts.levels.red),
                flags: formatCount(model.flags.length),
              })}
            </span>
          )}
        </span>
      }
    />
  );
}
