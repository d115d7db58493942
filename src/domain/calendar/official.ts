import { createCalendar, type HolidayYearFile, type WorkingCalendar } from './calendar';
import y2007 from './holiday-cn/2007.json';
import y2008 from './holiday-cn/2008.json';
import y2009 from './holiday-cn/2009.json';
import y2010 from './holiday-cn/2010.json';
import y2011 from './holiday-cn/2011.json';
import y2012 from './holiday-cn/2012.json';
import y2013 from './holiday-cn/2013.json';
import y2014 from './holiday-cn/2014.json';
import y2015 from './holiday-cn/2015.json';
import y2016 from './holiday-cn/2016.json';
import y2017 from './holiday-cn/2017.json';
import y2018 from './holiday-cn/2018.json';
import y2019 from './holiday-cn/2019.json';
import y2020 from './holiday-cn/2020.json';
import y2021 from './holiday-cn/2021.json';
import y2022 from './holiday-cn/2022.json';
import y2023 from './holiday-cn/2023.json';
import y2024 from './holiday-cn/2024.json';
import y2025 from './holiday-cn/2025.json';
import y2026 from './holiday-cn/2026.json';
import y2027 from './holiday-cn/2027.json';

/**
 * The State Council arrangements bundled with the app (holiday-cn, MIT; see holiday-cn/SOURCE.md).
 * Explicit imports (not a glob) so the same module works under Vite and under tsx/node.
 * 2027.json is an empty placeholder, so official coverage is 2007-01-01 … 2026-12-31.
 */
export const officialHolidayFiles: HolidayYearFile[] = [
  y2007,
  y2008,
  y2009,
  y2010,
  y2011,
  y2012,
  y2013,
  y2014,
  y2015,
  y2016,
  y2017,
  y2018,
  y2019,
  y2020,
  y2021,
  y2022,
  y2023,
  y2024,
  y2025,
  y2026,
  y2027,
].map((f) => ({ year: f.year, papers: [...f.papers], days: f.days.map((d) => ({ ...d })) }));

let memo: WorkingCalendar | null = null;

/** The calendar built from the bundled official files (built once, then shared). */
export function officialCalendar(): WorkingCalendar {
  memo ??= createCalendar(officialHolidayFiles);
  return memo;
}
