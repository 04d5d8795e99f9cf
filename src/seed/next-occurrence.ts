/**
 * The example schedule is one day of flights at fixed local times. Seeded as it stands, its date would lie in the past
 * and nothing would be left to plan; each flight moves instead to the next time its local clock time comes round
 * (within the coming 24 hours), in the offset the file gives it.
 */
const DAY_MS = 86_400_000;
const ROW_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}):(\d{2})$/;

/** The CSV with each row's operatingDate and scheduledTime moved to the row's next occurrence after `now`. */
export function scheduleFromNow(csv: string, now: Date): string {
  const [header, ...rows] = csv.split(/\r?\n/);
  const columns = header.split(',').map((name) => name.trim());
  const dateColumn = columns.indexOf('operatingDate');
  const timeColumn = columns.indexOf('scheduledTime');
  if (dateColumn < 0 || timeColumn < 0) throw new Error('the schedule needs operatingDate and scheduledTime columns');
  const moved = rows.map((row) => {
    if (row.trim() === '') return row;
    const cells = row.split(',');
    const match = ROW_TIME.exec(cells[timeColumn].trim());
    if (!match) throw new Error(`scheduledTime "${cells[timeColumn]}" is not YYYY-MM-DDTHH:MM[:SS]+HH:MM`);
    const [, , clock, offsetHours, offsetMinutes] = match;
    const offset = `${offsetHours}:${offsetMinutes}`;
    const sign = offsetHours.startsWith('-') ? -1 : 1;
    const offsetMs = sign * (Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes)) * 60_000;
    const localToday = new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);
    let at = new Date(`${localToday}T${clock}${offset}`);
    if (at.getTime() <= now.getTime()) at = new Date(at.getTime() + DAY_MS);
    const localDate = new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
    cells[dateColumn] = localDate;
    cells[timeColumn] = `${localDate}T${clock}${offset}`;
    return cells.join(',');
  });
  return [header, ...moved].join('\n');
}
