import { Alert, Spin } from 'antd';
import { useOverview } from '../../api/overview';
import { usePeriod } from '../../state/url-state';
import { formatCount } from '../../ui/format';
import { useDefaultPeriod } from '../../ui/use-default-period';
import { useSettingsMsg } from './settings-messages';

/**
 * What the saved settings produce right now (open cases by level, slow-action flags), from the
 * service's overview, so the administrator sees a change take effect after it re-evaluates.
 */
export function SettingsEffect() {
  const m = useSettingsMsg();
  const [period] = usePeriod(useDefaultPeriod());
  const query = useOverview(period);
  const figures = query.data;
  if (!figures) {
    return <Alert type="info" showIcon title={m('effectTitle')} description={m('effectLoading')} />;
  }
  const flags = figures.departments.reduce((n, d) => n + d.flags, 0);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="settings-effect"
      title={m('effectTitle')}
      description={
        <span aria-live="polite">
          {query.isFetching ? (
            <span data-testid="settings-effect-refreshing">
              <Spin size="small" /> {m('effectRefreshing')}
            </span>
          ) : (
            <span data-testid="settings-effect-counts">
              {m('effectBody', {
                open: formatCount(figures.open.open),
                early: formatCount(figures.open.levels['early-warning']),
                yellow: formatCount(figures.open.levels.yellow),
                red: formatCount(figures.open.levels.red),
                flags: formatCount(flags),
              })}
            </span>
          )}
        </span>
      }
    />
  );
}
