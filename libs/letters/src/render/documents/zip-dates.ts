/**
 * A ZIP archive's entry dates, read and set in place. exceljs (through
 * JSZip) stamps every entry of an XLSX with the time of writing, in MS-DOS
 * form with two-second steps, so the same annex written twice can differ
 * by those bytes alone. Setting every entry's date to the document's own
 * makes the workbook a function of its data, as the PDFs are.
 *
 * The layout is PKWARE's APPNOTE: the end-of-central-directory record
 * names the central directory; each central header carries the entry's
 * date and the offset of its local header, which carries it again.
 */
const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntryDate {
  name: string;
  /** The entry's date as both headers store it, read as UTC. */
  central: Date;
  local: Date;
}

/** Every entry's name and dates, in the central directory's order. */
export function zipEntryDates(zip: Buffer): ZipEntryDate[] {
  return entries(zip).map(({ name, central, local }) => ({
    name,
    central: fromDos(zip.readUInt16LE(central + 14), zip.readUInt16LE(central + 12)),
    local: fromDos(zip.readUInt16LE(local + 12), zip.readUInt16LE(local + 10)),
  }));
}

/** A copy of the archive with every entry dated `at` (UTC, to the two seconds MS-DOS keeps). */
export function withZipEntryDates(zip: Buffer, at: Date): Buffer {
  const copy = Buffer.from(zip);
  const { date, time } = toDos(at);
  for (const { central, local } of entries(copy)) {
    copy.writeUInt16LE(time, central + 12);
    copy.writeUInt16LE(date, central + 14);
    copy.writeUInt16LE(time, local + 10);
    copy.writeUInt16LE(date, local + 12);
  }
  return copy;
}

interface Entry {
  name: string;
  central: number;
  local: number;
}

function entries(zip: Buffer): Entry[] {
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expectSignature(zip, at, CENTRAL_HEADER, 'central directory header');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    expectSignature(zip, local, LOCAL_HEADER, 'local file header');
    found.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), central: at, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

function endOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new Error('Not a ZIP archive: no end-of-central-directory record');
}

function expectSignature(zip: Buffer, at: number, signature: number, what: string): void {
  if (at + 4 > zip.length || zip.readUInt32LE(at) !== signature) {
    throw new Error(`Not a ZIP archive: no ${what} at byte ${at}`);
  }
}

function toDos(at: Date): { date: number; time: number } {
  return {
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

function fromDos(date: number, time: number): Date {
  return new Date(
    Date.UTC((date >> 9) + 1980, ((date >> 5) & 0x0f) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2),
  );
}
