import { texts } from '../texts';

// The import report's reasons come from the server in English: here they are put in Swedish.
// A reason this table does not know is shown as the server wrote it.
const REASONS: [RegExp, (...groups: string[]) => string][] = [
  [/^no pupil with this personnummer at your school$/, () => 'ingen elev med detta personnummer på din skola'],
  [/^must be YYYYMMDDNNNN/, () => 'ska skrivas ÅÅÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN eller ÅÅMMDD+NNNN'],
  [/^the check digit is wrong$/, () => 'kontrollsiffran stämmer inte'],
  [/^the date part is not a real date$/, () => 'datumdelen är inget riktigt datum'],
  [/^the date part is in the future$/, () => 'datumdelen ligger i framtiden'],
  [/^the \+ separator belongs to the 10-digit form only$/, () => 'plustecknet hör bara till den 10-siffriga formen'],
  [/^a 10-digit number needs its separator/, () => 'ett 10-siffrigt nummer behöver - eller +'],
  [/^must be a date YYYY-MM-DD$/, () => 'ska vara ett datum ÅÅÅÅ-MM-DD'],
  [/^is in the future$/, () => 'ligger i framtiden'],
  [/^must be a time HH:MM$/, () => 'ska vara en tid TT:MM'],
  [/^must be whole minutes, 0–(\d+)$/, (max) => `ska vara hela minuter, 0–${max}`],
  [/^must be more than 0$/, () => 'måste vara mer än 0'],
  [/exceed/, () => 'närvaro och frånvaro blir tillsammans fler minuter än lektionen'],
  [/^has (\d+) fields, expected (\d+)$/, (n, m) => `har ${n} fält, ska ha ${m}`],
  [/^must be at most (\d+) characters$/, (max) => `får vara högst ${max} tecken`],
  [
    /^the same lesson \(pupil, date, start time\) as line (\d+)$/,
    (line) => `samma lektion (elev, datum, starttid) som rad ${line}`,
  ],
  [/^must be an RFC 3339 date-time$/, () => 'ska vara en tidpunkt enligt RFC 3339'],
  [/^must be after startTime$/, () => 'ska vara efter starttiden'],
  [/^must be a non-empty string$/, () => 'får inte vara tom'],
];

export function importReasonText(reason: string): string {
  for (const [pattern, text] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return text(...match.slice(1));
  }
  return reason;
}

export function importFieldText(field: string): string {
  return texts.screens.imports.fields[field] ?? (field === 'row' ? 'raden' : field);
}
